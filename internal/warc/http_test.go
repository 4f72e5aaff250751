package warc

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// oneRecord reads the single record in data.
func oneRecord(t *testing.T, r testRecord) *Record {
	t.Helper()
	data, _ := buildWARC(t, false, r)
	wr, err := NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := wr.Next()
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func response(block string) testRecord {
	return testRecord{typ: "response", uri: "https://news.example.org/a.html",
		ctype: "application/http; msgtype=response", block: block}
}

func TestParseHTTPResponse(t *testing.T) {
	rec := oneRecord(t, newsRecords()[2])
	status, header, body, err := ParseHTTPResponse(rec)
	if err != nil {
		t.Fatal(err)
	}
	if status != 200 || header.Get("Content-Type") != "text/html; charset=ISO-8859-1" || string(body) != articleHTML {
		t.Errorf("got %d %v %d bytes", status, header, len(body))
	}
}

func TestParseHTTPResponseCodings(t *testing.T) {
	const page = "<html><body><p>Ministers met in Brussels on Thursday.</p></body></html>\n"
	deflated := func(b []byte) string {
		var out bytes.Buffer
		w, _ := flate.NewWriter(&out, flate.DefaultCompression)
		w.Write(b)
		w.Close()
		return out.String()
	}
	zlibbed := func(b []byte) string {
		var out bytes.Buffer
		w := zlib.NewWriter(&out)
		w.Write(b)
		w.Close()
		return out.String()
	}
	brotlied := func(b []byte) string {
		var out bytes.Buffer
		w := brotli.NewWriter(&out)
		w.Write(b)
		w.Close()
		return out.String()
	}
	gz := string(gzipped([]byte(page)))
	var long strings.Builder
	for i := range 300 {
		fmt.Fprintf(&long, "<p>Paragraph %d: delegates from %d countries voted on item %x.</p>\n", i, i*7%193, i*i)
	}
	longGz := string(gzipped([]byte(long.String())))
	tests := []struct {
		name    string
		headers []string
		payload string
		want    string
	}{
		{"identity", []string{"Content-Type: text/html"}, page, page},
		{"chunked", []string{"Transfer-Encoding: chunked"}, chunk(page, 7), page},
		{"gzip", []string{"Content-Encoding: gzip"}, gz, page},
		{"x-gzip chunked", []string{"Content-Encoding: x-gzip", "Transfer-Encoding: chunked"}, chunk(gz, 10), page},
		{"zlib deflate", []string{"Content-Encoding: deflate"}, zlibbed([]byte(page)), page},
		{"raw deflate", []string{"Content-Encoding: deflate"}, deflated([]byte(page)), page},
		{"brotli", []string{"Content-Encoding: br"}, brotlied([]byte(page)), page},
		// Writers that store the decoded body under the original header.
		{"stored dechunked", []string{"Transfer-Encoding: chunked"}, page, page},
		{"stored decoded", []string{"Content-Encoding: gzip"}, page, page},
		// A capture cut off part way yields what could be decoded.
		{"truncated chunked", []string{"Transfer-Encoding: chunked"}, chunk(page, 20)[:40], page[:30]},
		{"truncated gzip", []string{"Content-Encoding: gzip"}, longGz[:len(longGz)/2], ""},
		// The HTTP Content-Length is ignored: the block's end is the body's.
		{"wrong content-length", []string{"Content-Length: 10"}, page, page},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := oneRecord(t, response(httpResponse("200 OK", tt.headers, tt.payload)))
			status, header, body, err := ParseHTTPResponse(rec)
			if err != nil {
				t.Fatal(err)
			}
			if status != 200 {
				t.Errorf("status %d", status)
			}
			if tt.name == "truncated gzip" {
				if len(body) == 0 || len(body) == long.Len() || !strings.HasPrefix(long.String(), string(body)) {
					t.Errorf("truncated gzip: got %d bytes, want a non-empty prefix of the page", len(body))
				}
				return
			}
			if string(body) != tt.want {
				t.Errorf("body = %q, want %q", body, tt.want)
			}
			if header.Get("Content-Encoding") != "" {
				t.Errorf("Content-Encoding %q left in the header of a decoded body", header.Get("Content-Encoding"))
			}
		})
	}
}

func TestParseHTTPResponseHTTP2(t *testing.T) {
	rec := oneRecord(t, response("HTTP/2 301\r\nlocation: https://news.example.org/b.html\r\n\r\n"))
	status, header, body, err := ParseHTTPResponse(rec)
	if err != nil || status != 301 || header.Get("Location") != "https://news.example.org/b.html" || len(body) != 0 {
		t.Errorf("got %d %v %q %v", status, header, body, err)
	}
}

func TestParseHTTPResponseErrors(t *testing.T) {
	tests := []struct {
		name string
		rec  testRecord
		want string
	}{
		{"request record", newsRecords()[1], `WARC-Type "request"`},
		{"not http", testRecord{typ: "response", ctype: "text/html", block: "<html></html>"}, `"text/html" is not application/http`},
		{"garbage status line", response("<html>not http</html>"), "HTTP response"},
		{"unknown coding", response(httpResponse("200 OK", []string{"Content-Encoding: zstd"}, "x")), `unsupported Content-Encoding "zstd"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := ParseHTTPResponse(oneRecord(t, tt.rec))
			var re *RecordError
			if !errors.As(err, &re) || re.Number != 1 || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want a RecordError for record 1 containing %q", err, tt.want)
			}
		})
	}
}

func TestParseHTTPResponseBomb(t *testing.T) {
	// 4 MiB of zeros compress to a few KiB; the decoded body must stay
	// within the reader's limit.
	bomb := gzipped(make([]byte, 4<<20))
	data, _ := buildWARC(t, false, response(httpResponse("200 OK", []string{"Content-Encoding: gzip"}, string(bomb))))
	wr, _ := NewReader(bytes.NewReader(data))
	wr.MaxBodySize = 1 << 20
	rec, err := wr.Next()
	if err != nil {
		t.Fatal(err)
	}
	_, _, _, err = ParseHTTPResponse(rec)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

func TestDocuments(t *testing.T) {
	for _, gz := range []bool{false, true} {
		data, _ := buildWARC(t, gz, newsRecords()...)
		var got []string
		for raw, err := range Documents(bytes.NewReader(data), "crawl.warc.gz") {
			if err != nil {
				t.Fatal(err)
			}
			if raw.Format != "warc" || len(raw.HTML) == 0 || raw.Text != "" {
				t.Errorf("%s: Format %q, %d bytes of HTML, Text %q", raw.Input, raw.Format, len(raw.HTML), raw.Text)
			}
			got = append(got, fmt.Sprintf("%s %s %s %s", raw.Input, raw.URL, raw.Fetched.Format("2006-01-02T15:04:05Z07:00"), raw.Charset))
			if raw.Input == "crawl.warc.gz#3" && string(raw.HTML) != articleHTML {
				t.Errorf("article HTML differs")
			}
			if raw.Input == "crawl.warc.gz#8" && string(raw.HTML) != secondHTML {
				t.Errorf("second page not decoded: %q", raw.HTML[:min(40, len(raw.HTML))])
			}
		}
		want := []string{
			"crawl.warc.gz#3 https://news.example.org/2024/03/01/rotterdam-port-strike.html 2024-03-01T09:15:43Z iso-8859-1",
			"crawl.warc.gz#8 https://news.example.org/2024/02/29/ministers-brussels.html 2024-02-29T18:02:11Z utf-8",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("gzip=%v: documents:\n%s\nwant:\n%s", gz, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func TestDocumentsGoesOnAfterErrors(t *testing.T) {
	recs := newsRecords()
	bad := response(httpResponse("200 OK", []string{"Content-Type: text/html"}, "<html>cut</html>"))
	bad.cl = "5"
	noType := response(httpResponse("200 OK", nil, "<!DOCTYPE html><html><body><p>Sniffed.</p></body></html>"))
	data, _ := buildWARC(t, true, recs[2], bad, noType, response("garbage"), recs[7])
	var inputs, errs []string
	for raw, err := range Documents(bytes.NewReader(data), "x.warc.gz") {
		if err != nil {
			errs = append(errs, err.Error())
			if want := "x.warc.gz#" + err.Error()[len("warc record "):][:1]; raw.Input != want {
				t.Errorf("error without the record in Input: %q", raw.Input)
			}
			continue
		}
		inputs = append(inputs, raw.Input)
	}
	if strings.Join(inputs, " ") != "x.warc.gz#1 x.warc.gz#3 x.warc.gz#5" {
		t.Errorf("documents %q", inputs)
	}
	if len(errs) != 2 || !strings.HasPrefix(errs[0], "warc record 2 ") || !strings.HasPrefix(errs[1], "warc record 4 ") {
		t.Errorf("errors %q", errs)
	}
}

func TestDocumentsStopsOnFatalError(t *testing.T) {
	data, offsets := buildWARC(t, true, newsRecords()...)
	n := 0
	var last error
	for _, err := range Documents(bytes.NewReader(data[:offsets[7]+50]), "cut.warc.gz") {
		n++
		last = err
	}
	if n != 2 || !errors.Is(last, ErrTruncated) {
		t.Errorf("%d results, last error %v; want the article then ErrTruncated", n, last)
	}
	for raw, err := range Documents(strings.NewReader("just text\n"), "notes.txt") {
		if raw.Input != "notes.txt#1" {
			t.Errorf("Input %q", raw.Input)
		}
		if !errors.Is(err, ErrNotWARC) {
			t.Errorf("err = %v", err)
		}
	}
}

func TestDocumentsEarlyBreak(t *testing.T) {
	data, _ := buildWARC(t, false, newsRecords()...)
	n := 0
	for range Documents(bytes.NewReader(data), "x") {
		n++
		break
	}
	if n != 1 {
		t.Errorf("n = %d", n)
	}
}
