package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"

	"github.com/andybalholm/brotli"
)

// ParseHTTPResponse parses the HTTP response held in a response (or revisit)
// record and returns its status, header and payload. It consumes rec.Body,
// which must not have been read before.
//
// The payload is everything after the HTTP header: a WARC block has no other
// end, and the HTTP Content-Length may describe the body before a crawler
// truncated or decoded it. Chunked transfer coding and gzip, deflate and
// brotli content codings are undone, and the Content-Encoding and
// Content-Length fields are then removed from the returned header so that it
// describes the returned body. Writers that stored a decoded body under the
// original header are common, so a body that does not even begin as the
// header claims is returned as it is; one that breaks off part way (a
// truncated capture) yields what could be decoded.
func ParseHTTPResponse(rec *Record) (status int, header http.Header, body []byte, err error) {
	fail := func(err error) (int, http.Header, []byte, error) {
		return 0, nil, nil, &RecordError{Number: rec.Number, Offset: rec.Offset, Err: err}
	}
	if rec.Type != "response" && rec.Type != "revisit" {
		return fail(fmt.Errorf("%w: WARC-Type %q holds no HTTP response", ErrMalformed, rec.Type))
	}
	if rec.ContentType != "" {
		mt, _, _ := mime.ParseMediaType(rec.ContentType)
		if mt != "application/http" {
			return fail(fmt.Errorf("%w: block Content-Type %q is not application/http", ErrMalformed, rec.ContentType))
		}
	}
	// Content-Length is within MaxBodySize, so this allocation is bounded.
	raw := make([]byte, rec.ContentLength)
	if _, err := io.ReadFull(rec.Body, raw); err != nil {
		if errors.As(err, new(*RecordError)) {
			return 0, nil, nil, err
		}
		return fail(fmt.Errorf("reading block (was Body read before?): %w", err))
	}
	if _, err := rec.Body.Read(nil); err != nil && err != io.EOF {
		return 0, nil, nil, err // the record trailer is wrong
	}
	raw = fixStatusLine(raw)
	src := bytes.NewReader(raw)
	br := bufio.NewReader(src)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return fail(fmt.Errorf("%w: HTTP response: %v", ErrMalformed, err))
	}
	// ReadResponse does not read the body: the bytes not yet consumed are
	// the payload as stored.
	payload := raw[len(raw)-src.Len()-br.Buffered():]

	limit := rec.maxBody
	if limit <= 0 {
		limit = DefaultMaxBodySize
	}
	for _, te := range resp.TransferEncoding {
		if strings.EqualFold(te, "chunked") {
			payload, err = decode(payload, limit, func(r io.Reader) (io.Reader, error) {
				return httputil.NewChunkedReader(r), nil
			})
			if err != nil {
				return fail(err)
			}
		}
	}
	if ce := resp.Header.Get("Content-Encoding"); ce != "" {
		codings := strings.Split(ce, ",")
		for i := len(codings) - 1; i >= 0; i-- {
			c := strings.ToLower(strings.TrimSpace(codings[i]))
			dec, ok := decoders[c]
			if !ok {
				return fail(fmt.Errorf("unsupported Content-Encoding %q", c))
			}
			if dec == nil { // identity
				continue
			}
			if payload, err = decode(payload, limit, dec); err != nil {
				return fail(err)
			}
		}
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
	}
	return resp.StatusCode, resp.Header, payload, nil
}

// decoders maps content codings to readers that undo them; identity maps to nil.
var decoders = map[string]func(io.Reader) (io.Reader, error){
	"identity": nil,
	"gzip":     func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	"x-gzip":   func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	"deflate":  newDeflateReader,
	"br":       func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
}

// newDeflateReader accepts both forms servers send as "deflate": the zlib
// stream RFC 9110 specifies and the raw deflate stream many send instead.
func newDeflateReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// decode undoes one coding of payload. A payload the decoder rejects before
// producing a byte is taken to be stored decoded already and is returned
// unchanged; one that fails later is a truncated capture and yields the
// decoded prefix.
func decode(payload []byte, limit int64, newReader func(io.Reader) (io.Reader, error)) ([]byte, error) {
	if len(payload) == 0 {
		return payload, nil
	}
	dr, err := newReader(bytes.NewReader(payload))
	if err != nil {
		return payload, nil
	}
	var out bytes.Buffer
	n, err := io.Copy(&out, io.LimitReader(dr, limit+1))
	if n > limit {
		return nil, fmt.Errorf("%w: decoded body exceeds limit of %d bytes", ErrTooLarge, limit)
	}
	if err != nil && n == 0 {
		return payload, nil
	}
	return out.Bytes(), nil
}

// fixStatusLine rewrites the "HTTP/2 200" status line of HTTP/2 and HTTP/3
// captures, which net/http's parser rejects, to "HTTP/2.0 200".
func fixStatusLine(raw []byte) []byte {
	for _, v := range []string{"HTTP/2 ", "HTTP/3 "} {
		if bytes.HasPrefix(raw, []byte(v)) {
			fixed := make([]byte, 0, len(raw)+2)
			fixed = append(fixed, v[:6]...)
			fixed = append(fixed, ".0 "...)
			return append(fixed, raw[len(v):]...)
		}
	}
	return raw
}
