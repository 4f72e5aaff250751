package feeds

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html/charset"
)

// xmlEncoding is the encoding declaration of an XML prolog.
var xmlEncoding = regexp.MustCompile(`^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([^"']+)(["'])`)

// toUTF8 converts a fetched feed to UTF-8 by the charset its HTTP response
// declared. For XML served over HTTP the header's charset takes precedence
// over the document's own declaration (RFC 7303), and a feed served as
// windows-1252 with no declaration would otherwise be read as UTF-8 and
// garble every accented name. The declaration is rewritten to match.
func toUTF8(body []byte, headerCharset string) ([]byte, error) {
	cs := strings.ToLower(strings.TrimSpace(headerCharset))
	if cs == "" || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" {
		return body, nil
	}
	enc, name := charset.Lookup(cs)
	if enc == nil {
		return nil, fmt.Errorf("unknown charset %q in the response header", headerCharset)
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, fmt.Errorf("decode as %s: %w", name, err)
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	return xmlEncoding.ReplaceAll(out, []byte("${1}utf-8${3}")), nil
}
