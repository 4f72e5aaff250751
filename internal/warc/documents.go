package warc

import (
	"errors"
	"io"
	"iter"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Documents returns the HTML pages archived in r as raw documents. See
// (*Reader).Documents.
func Documents(r io.Reader, input string) iter.Seq2[news.Raw, error] {
	return func(yield func(news.Raw, error) bool) {
		wr, err := NewReader(r)
		if err != nil {
			yield(news.Raw{Input: input, Format: "warc"}, err)
			return
		}
		wr.Documents(input)(yield)
	}
}

// Documents returns a sequence of the HTML pages in the archive: one
// news.Raw for each response record holding an HTTP 200 response with an
// HTML payload, in file order. Other records are skipped silently. A record
// that cannot be read yields its *RecordError with a Raw whose Input is
// "input#n", so that the caller can name the input once when it wraps the
// error, and the sequence goes on unless the error leaves the reader unable
// to continue.
//
// Each Raw has Format "warc", Input "input#n" with n the record number, URL
// from WARC-Target-URI, Fetched from WARC-Date, the payload as HTML and the
// charset of the HTTP Content-Type header.
func (r *Reader) Documents(input string) iter.Seq2[news.Raw, error] {
	return func(yield func(news.Raw, error) bool) {
		for {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				raw := news.Raw{Input: input, Format: "warc"}
				var re *RecordError
				if errors.As(err, &re) {
					raw.Input = input + "#" + strconv.Itoa(re.Number)
				}
				if !yield(raw, err) || re == nil || re.Fatal {
					return
				}
				continue
			}
			if rec.Type != "response" || !isHTTPResponse(rec.ContentType) {
				continue
			}
			raw := news.Raw{
				Input:   input + "#" + strconv.Itoa(rec.Number),
				Format:  "warc",
				URL:     rec.TargetURI,
				Fetched: rec.Date,
			}
			status, header, body, err := ParseHTTPResponse(rec)
			if err != nil {
				if !yield(raw, err) {
					return
				}
				var re *RecordError
				if errors.As(err, &re) && re.Fatal {
					return
				}
				continue
			}
			if status != http.StatusOK {
				continue
			}
			ctype := header.Get("Content-Type")
			if ctype == "" {
				// Common Crawl records what it detected; failing that,
				// sniff the way a browser would.
				ctype = rec.Header.Get("WARC-Identified-Payload-Type")
			}
			if ctype == "" {
				ctype = http.DetectContentType(body)
			}
			mt, charset := mediaType(ctype)
			if mt != "text/html" && mt != "application/xhtml+xml" {
				continue
			}
			raw.HTML = body
			raw.Charset = charset
			if !yield(raw, nil) {
				return
			}
		}
	}
}

// isHTTPResponse reports whether a block Content-Type announces an HTTP
// response. A missing type is accepted: the record type already says so.
func isHTTPResponse(ctype string) bool {
	if ctype == "" {
		return true
	}
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil || mt != "application/http" {
		return false
	}
	msg := params["msgtype"]
	return msg == "" || msg == "response"
}

// mediaType splits a Content-Type into its lower-case media type and
// charset. It is more forgiving than mime.ParseMediaType, which gives up on
// the parameters over things like a trailing semicolon that real servers
// send.
func mediaType(ctype string) (mt, charset string) {
	mt, params, _ := strings.Cut(ctype, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(p, "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "charset") {
			charset = strings.ToLower(strings.Trim(strings.TrimSpace(v), `"'`))
		}
	}
	return mt, charset
}
