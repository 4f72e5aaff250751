package source

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// DecodeText returns data as UTF-8 text. Text that is already valid UTF-8 is
// kept (without a byte order mark); UTF-16 is recognised by its byte order
// mark; anything else is taken to be in a legacy single-byte charset, which
// is sniffed, with windows-1252 (the usual culprit in scraped news) as the
// fallback.
func DecodeText(data []byte) (string, error) {
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		data = data[3:]
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("decode UTF-16: %w", err)
		}
		return string(out), nil
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	enc, name := sniffLegacy(data)
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("invalid UTF-8, and not valid %s either: %w", name, err)
	}
	return string(out), nil
}

// sniffLegacy guesses the single-byte charset of text that is not UTF-8.
func sniffLegacy(data []byte) (encoding.Encoding, string) {
	if r, err := chardet.NewTextDetector().DetectBest(data); err == nil && r.Confidence >= 50 {
		name := strings.ToLower(r.Charset)
		if name != "utf-8" && !strings.HasPrefix(name, "iso-8859-1") {
			if enc, canonical := charset.Lookup(name); enc != nil {
				return enc, canonical
			}
		}
	}
	// ISO-8859-1 is a subset of windows-1252 for printable text, and
	// windows-1252 also maps the curly quotes and dashes that Word and
	// content systems emit.
	return charmap.Windows1252, "windows-1252"
}

// HTMLToUTF8 converts an HTML page to UTF-8 using, in order, the charset
// declared by the transport (contentType, e.g. an HTTP header), a byte order
// mark, the page's own <meta> declaration, and sniffing.
//
// A page with no transport charset that is valid UTF-8 is taken as UTF-8
// whatever else it says: the HTML sniffing rules read only the first 1,024
// bytes for a <meta> charset and fall back to windows-1252, which turns
// "führte" into "fÃ¼hrte" on the many pages that declare UTF-8 further
// down, while legacy text with accents is almost never valid UTF-8.
func HTMLToUTF8(data []byte, contentType string) ([]byte, error) {
	if !transportCharset(contentType) && utf8.Valid(data) {
		return bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}), nil
	}
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" {
		if utf8.Valid(data) {
			return bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}), nil
		}
		// A page that claims UTF-8 (or claims nothing, which defaults to
		// it) but is not: sniff as for plain text.
		enc, name = sniffLegacy(data)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}

// transportCharset reports whether a Content-Type names a charset.
func transportCharset(contentType string) bool {
	_, params, err := mime.ParseMediaType(contentType)
	return err == nil && params["charset"] != ""
}
