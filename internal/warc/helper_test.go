package warc

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"
)

// testRecord describes one record for buildWARC.
type testRecord struct {
	typ, uri, date, id, ctype string
	extra                     []string // more "Name: value" header lines
	block                     string
	// cl overrides the Content-Length field; "-" leaves it out.
	cl string
	// trailer overrides the "\r\n\r\n" after the block.
	trailer *string
}

// buildWARC writes records as a WARC 1.1 file, plain or with one gzip member
// per record, and returns it with the offset of each record.
func buildWARC(t testing.TB, gz bool, recs ...testRecord) ([]byte, []int64) {
	t.Helper()
	var out bytes.Buffer
	var offsets []int64
	for i, r := range recs {
		offsets = append(offsets, int64(out.Len()))
		var b strings.Builder
		b.WriteString("WARC/1.1\r\n")
		fmt.Fprintf(&b, "WARC-Type: %s\r\n", r.typ)
		id := r.id
		if id == "" {
			id = fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i+1)
		}
		fmt.Fprintf(&b, "WARC-Record-ID: %s\r\n", id)
		date := r.date
		if date == "" {
			date = "2024-03-01T09:15:42Z"
		}
		fmt.Fprintf(&b, "WARC-Date: %s\r\n", date)
		if r.uri != "" {
			fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
		}
		if r.ctype != "" {
			fmt.Fprintf(&b, "Content-Type: %s\r\n", r.ctype)
		}
		for _, e := range r.extra {
			b.WriteString(e + "\r\n")
		}
		switch r.cl {
		case "":
			fmt.Fprintf(&b, "Content-Length: %d\r\n", len(r.block))
		case "-":
		default:
			fmt.Fprintf(&b, "Content-Length: %s\r\n", r.cl)
		}
		b.WriteString("\r\n")
		b.WriteString(r.block)
		if r.trailer != nil {
			b.WriteString(*r.trailer)
		} else {
			b.WriteString("\r\n\r\n")
		}
		if !gz {
			out.WriteString(b.String())
			continue
		}
		zw := gzip.NewWriter(&out)
		if _, err := zw.Write([]byte(b.String())); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes(), offsets
}

// httpResponse assembles an HTTP/1.1 response with CRLF line breaks.
func httpResponse(status string, headers []string, body string) string {
	var b strings.Builder
	b.WriteString("HTTP/1.1 " + status + "\r\n")
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	return b.String()
}

// chunk encodes body with chunked transfer coding in pieces of n bytes.
func chunk(body string, n int) string {
	var b strings.Builder
	for len(body) > 0 {
		k := min(n, len(body))
		fmt.Fprintf(&b, "%x\r\n%s\r\n", k, body[:k])
		body = body[k:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

const articleHTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="iso-8859-1">
<title>Dockworkers strike shuts port of Rotterdam - Example News</title></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Dockworkers strike shuts port of Rotterdam</h1>
<p class="byline">By Anna de Vries | March 1, 2024</p>
<p>ROTTERDAM (Example News) - Thousands of dockworkers walked off the job on
Friday, halting container traffic at Europe's largest port, the FNV union said.</p>
<p>"We will stay out until the employers return to the table," union leader
Niek Stam told reporters outside the main terminal.</p>
</article><footer>&copy; 2024 Example News</footer></body></html>
`

const secondHTML = `<!doctype html><html><head><title>Ministers meet in Brussels</title></head>
<body><article><p>BRUSSELS - European Union ministers met on Thursday to discuss
energy prices, officials said, after a week of protests by farmers.</p></article></body></html>
`

// newsRecords is a small crawl of a news site with one record of each kind.
// Records 3 and 8 are the HTML articles.
func newsRecords() []testRecord {
	const (
		article = "https://news.example.org/2024/03/01/rotterdam-port-strike.html"
		second  = "https://news.example.org/2024/02/29/ministers-brussels.html"
	)
	return []testRecord{
		{typ: "warcinfo", ctype: "application/warc-fields",
			block: "software: newsgraph-test/1.0\r\nformat: WARC File Format 1.1\r\nisPartOf: test-crawl\r\n"},
		{typ: "request", uri: article, ctype: "application/http; msgtype=request",
			block: "GET /2024/03/01/rotterdam-port-strike.html HTTP/1.1\r\nHost: news.example.org\r\nUser-Agent: newsgraph-test\r\n\r\n"},
		{typ: "response", uri: article, date: "2024-03-01T09:15:43Z",
			ctype: "application/http; msgtype=response",
			extra: []string{"WARC-Payload-Digest: sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", "WARC-IP-Address: 192.0.2.10"},
			block: httpResponse("200 OK", []string{
				"Date: Fri, 01 Mar 2024 09:15:43 GMT",
				"Content-Type: text/html; charset=ISO-8859-1",
				fmt.Sprintf("Content-Length: %d", len(articleHTML)),
			}, articleHTML)},
		{typ: "response", uri: "https://news.example.org/missing", date: "2024-03-01T09:15:44Z",
			ctype: "application/http; msgtype=response",
			block: httpResponse("404 Not Found", []string{"Content-Type: text/html", "Content-Length: 9"}, "not found")},
		{typ: "response", uri: "https://news.example.org/img/port.jpg", date: "2024-03-01T09:15:45Z",
			ctype: "application/http; msgtype=response",
			block: httpResponse("200 OK", []string{"Content-Type: image/jpeg", "Content-Length: 4"}, "\xff\xd8\xff\xe0")},
		{typ: "revisit", uri: article, date: "2024-03-02T09:15:43.120Z",
			ctype: "application/http; msgtype=response",
			extra: []string{
				"WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
				"WARC-Refers-To-Target-URI: " + article,
				"WARC-Refers-To-Date: 2024-03-01T09:15:43Z",
			},
			block: httpResponse("200 OK", []string{"Content-Type: text/html; charset=ISO-8859-1"}, "")},
		{typ: "resource", uri: "file:///crawl/notes.txt", ctype: "text/plain",
			block: "Crawl notes: port strike coverage.\n"},
		{typ: "response", uri: second, date: "2024-02-29T18:02:11Z",
			ctype: "application/http; msgtype=response",
			block: httpResponse("200 OK", []string{
				"Content-Type: text/html;charset=utf-8;",
				"Transfer-Encoding: chunked",
				"Content-Encoding: gzip",
			}, chunk(string(gzipped([]byte(secondHTML))), 100))},
		{typ: "metadata", uri: second, ctype: "application/warc-fields",
			block: "fetchTimeMs: 212\r\n"},
	}
}

// gzipped compresses b as one gzip member.
func gzipped(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	if _, err := zw.Write(b); err != nil {
		panic(err)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}

func strptr(s string) *string { return &s }
