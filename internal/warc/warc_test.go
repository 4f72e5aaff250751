package warc

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/news.warc.gz")

// TestFixtureFile reads the checked-in archive, which buildWARC wrote from
// newsRecords, so that a change to the helper cannot hide a reader change.
func TestFixtureFile(t *testing.T) {
	const path = "testdata/news.warc.gz"
	if *update {
		data, _ := buildWARC(t, true, newsRecords()...)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var urls []string
	for raw, err := range Documents(f, path) {
		if err != nil {
			t.Fatal(err)
		}
		urls = append(urls, raw.Input+" "+raw.URL)
	}
	want := "testdata/news.warc.gz#3 https://news.example.org/2024/03/01/rotterdam-port-strike.html\n" +
		"testdata/news.warc.gz#8 https://news.example.org/2024/02/29/ministers-brussels.html"
	if got := strings.Join(urls, "\n"); got != want {
		t.Errorf("documents:\n%s\nwant:\n%s", got, want)
	}
}

// readAll reads every record of data, collecting bodies and errors.
type result struct {
	rec  *Record
	body string
	err  error
}

func readAll(t *testing.T, data []byte, configure func(*Reader)) []result {
	t.Helper()
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	if configure != nil {
		configure(r)
	}
	var out []result
	for i := 0; i < 1000; i++ {
		rec, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			out = append(out, result{err: err})
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("Next returned %T %v, want *RecordError", err, err)
			}
			if re.Fatal {
				return out
			}
			continue
		}
		b, err := io.ReadAll(rec.Body)
		out = append(out, result{rec: rec, body: string(b), err: err})
		if re := (*RecordError)(nil); errors.As(err, &re) && re.Fatal {
			return out
		}
	}
	t.Fatal("reader did not stop")
	return nil
}

func TestReaderReadsEveryRecord(t *testing.T) {
	recs := newsRecords()
	for _, gz := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "gzip"}[gz]
		t.Run(name, func(t *testing.T) {
			data, offsets := buildWARC(t, gz, recs...)
			got := readAll(t, data, nil)
			if len(got) != len(recs) {
				t.Fatalf("read %d records, want %d", len(got), len(recs))
			}
			for i, g := range got {
				if g.err != nil {
					t.Fatalf("record %d: %v", i+1, g.err)
				}
				want := recs[i]
				rec := g.rec
				if rec.Number != i+1 || rec.Offset != offsets[i] {
					t.Errorf("record %d: Number %d Offset %d, want %d %d", i+1, rec.Number, rec.Offset, i+1, offsets[i])
				}
				if rec.Version != "WARC/1.1" || rec.Type != want.typ || rec.TargetURI != want.uri || rec.ContentType != want.ctype {
					t.Errorf("record %d: got %q %q %q %q", i+1, rec.Version, rec.Type, rec.TargetURI, rec.ContentType)
				}
				if g.body != want.block || rec.ContentLength != int64(len(want.block)) {
					t.Errorf("record %d: body %d bytes, want %d", i+1, len(g.body), len(want.block))
				}
			}
			resp := got[2].rec
			if want := time.Date(2024, 3, 1, 9, 15, 43, 0, time.UTC); !resp.Date.Equal(want) {
				t.Errorf("response Date = %v, want %v", resp.Date, want)
			}
			if resp.RecordID != "<urn:uuid:00000000-0000-4000-8000-000000000003>" {
				t.Errorf("RecordID = %q", resp.RecordID)
			}
			if ip := resp.Header.Get("WARC-IP-Address"); ip != "192.0.2.10" {
				t.Errorf("Header WARC-IP-Address = %q", ip)
			}
			if d := got[5].rec.Date; d.Nanosecond() != 120e6 {
				t.Errorf("revisit Date = %v, want fractional seconds kept", d)
			}
		})
	}
}

func TestReaderSkipsUnreadBodies(t *testing.T) {
	data, _ := buildWARC(t, true, newsRecords()...)
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	var prev *Record
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if prev != nil {
			if _, err := prev.Body.Read(make([]byte, 1)); err != errStaleBody {
				t.Errorf("reading a body after Next: err = %v, want errStaleBody", err)
			}
		}
		// Read a few bytes of some bodies only.
		if rec.Number%2 == 0 {
			io.ReadFull(rec.Body, make([]byte, 3))
		}
		types = append(types, rec.Type)
		prev = rec
	}
	want := "warcinfo request response response response revisit resource response metadata"
	if got := strings.Join(types, " "); got != want {
		t.Errorf("types = %s, want %s", got, want)
	}
}

func TestWholeFileGzip(t *testing.T) {
	// Some tools compress the whole file as a single member.
	plain, _ := buildWARC(t, false, newsRecords()...)
	got := readAll(t, gzipped(plain), nil)
	if len(got) != 9 || got[8].err != nil || got[8].rec.Type != "metadata" {
		t.Fatalf("read %d records, last %+v", len(got), got[len(got)-1])
	}
	for _, g := range got {
		if g.rec.Offset != 0 {
			t.Errorf("record %d offset %d, want 0 (all in the first member)", g.rec.Number, g.rec.Offset)
		}
	}

	// A bad first record must not cost the rest of the single member.
	recs := newsRecords()
	recs[0].cl = "3"
	plain, _ = buildWARC(t, false, recs...)
	got = readAll(t, gzipped(plain), nil)
	if len(got) != 9 || !errors.Is(got[0].err, ErrMalformed) || got[8].err != nil {
		t.Errorf("bad first record: %d results, first error %v", len(got), got[0].err)
	}
}

func TestNotWARC(t *testing.T) {
	html := []byte("<!DOCTYPE html><html><body>Not an archive</body></html>\n")
	for name, data := range map[string][]byte{
		"html":    html,
		"gzipped": gzipped(html),
	} {
		t.Run(name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			_, err = r.Next()
			var re *RecordError
			if !errors.Is(err, ErrNotWARC) || !errors.As(err, &re) || !re.Fatal || re.Number != 1 {
				t.Fatalf("Next = %v, want fatal ErrNotWARC for record 1", err)
			}
			if !strings.Contains(err.Error(), "<!DOCTYPE html>") {
				t.Errorf("error %q does not quote the input", err)
			}
			if _, err2 := r.Next(); err2 != err {
				t.Errorf("second Next = %v, want the same error", err2)
			}
		})
	}
}

func TestEmptyInput(t *testing.T) {
	r, err := NewReader(bytes.NewReader(nil))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("Next on empty input = %v, want io.EOF", err)
	}
}

func TestTruncated(t *testing.T) {
	recs := newsRecords()
	for _, gz := range []bool{false, true} {
		data, offsets := buildWARC(t, gz, recs...)
		// Cut in the middle of the third record (the article).
		cut := data[:offsets[2]+(offsets[3]-offsets[2])/2]
		got := readAll(t, cut, nil)
		last := got[len(got)-1]
		var re *RecordError
		if !errors.Is(last.err, ErrTruncated) || !errors.As(last.err, &re) || !re.Fatal || re.Number != 3 {
			t.Fatalf("gzip=%v: last result %+v, want fatal ErrTruncated on record 3", gz, last)
		}
		if len(got) != 3 || got[0].err != nil || got[1].err != nil {
			t.Errorf("gzip=%v: got %d results, want 2 good records then the error", gz, len(got))
		}
	}
}

func TestTruncatedInHeader(t *testing.T) {
	data, offsets := buildWARC(t, false, newsRecords()...)
	got := readAll(t, data[:offsets[1]+30], nil)
	last := got[len(got)-1]
	if !errors.Is(last.err, ErrTruncated) || len(got) != 2 {
		t.Fatalf("got %d results, last %v; want ErrTruncated after 1 record", len(got), last.err)
	}
}

func TestBadContentLength(t *testing.T) {
	good := testRecord{typ: "resource", uri: "urn:test:good", ctype: "text/plain", block: "good record\n"}
	tests := []struct {
		name string
		bad  testRecord
	}{
		{"too short", testRecord{typ: "resource", uri: "urn:test:bad", ctype: "text/plain", block: "the block is longer than declared\n", cl: "10"}},
		{"too long", testRecord{typ: "resource", uri: "urn:test:bad", ctype: "text/plain", block: "short\n", cl: "200"}},
		{"not a number", testRecord{typ: "resource", uri: "urn:test:bad", ctype: "text/plain", block: "body\n", cl: "12x"}},
		{"negative", testRecord{typ: "resource", uri: "urn:test:bad", ctype: "text/plain", block: "body\n", cl: "-5"}},
		{"missing", testRecord{typ: "resource", uri: "urn:test:bad", ctype: "text/plain", block: "body\n", cl: "-"}},
	}
	for _, tt := range tests {
		for _, gz := range []bool{false, true} {
			t.Run(tt.name, func(t *testing.T) {
				g2, g3, g4 := good, good, good
				g2.uri, g3.uri, g4.uri = "urn:test:1", "urn:test:3", "urn:test:4"
				data, _ := buildWARC(t, gz, g2, tt.bad, g3, g4)
				got := readAll(t, data, nil)
				var errs, uris []string
				for _, g := range got {
					if g.err != nil {
						if !errors.Is(g.err, ErrMalformed) {
							t.Errorf("error %v is not ErrMalformed", g.err)
						}
						errs = append(errs, g.err.Error())
						continue
					}
					uris = append(uris, g.rec.TargetURI)
				}
				if len(errs) == 0 || !strings.Contains(errs[0], "warc record 2 ") {
					t.Errorf("errors %q, want one naming record 2", errs)
				}
				// Recovery must reach the last good record; with a
				// Content-Length that is too long, the record after the
				// bad one is swallowed by it.
				if n := len(uris); n < 2 || uris[0] != "urn:test:1" || uris[n-1] != "urn:test:4" {
					t.Errorf("good records read: %q", uris)
				}
				// With one gzip member per record, the bad record costs
				// only its own member.
				if gz && strings.Join(uris, " ") != "urn:test:1 urn:test:3 urn:test:4" {
					t.Errorf("gzip: good records read: %q, want all three", uris)
				}
			})
		}
	}
}

func TestBodyReportsBadTrailer(t *testing.T) {
	bad := testRecord{typ: "resource", uri: "urn:test:bad", ctype: "text/plain", block: "0123456789abcdef", cl: "10"}
	data, _ := buildWARC(t, false, bad)
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(rec.Body)
	if string(b) != "0123456789" || !errors.Is(err, ErrMalformed) {
		t.Fatalf("ReadAll = %q, %v; want the declared bytes and ErrMalformed", b, err)
	}
	// The error was seen through the body; Next must not repeat it.
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("Next = %v, want io.EOF", err)
	}
}

func TestLimits(t *testing.T) {
	big := testRecord{typ: "resource", uri: "urn:test:big", ctype: "text/plain", block: strings.Repeat("x", 5000)}
	small := testRecord{typ: "resource", uri: "urn:test:small", ctype: "text/plain", block: "small"}
	for _, gz := range []bool{false, true} {
		data, _ := buildWARC(t, gz, small, big, small)
		got := readAll(t, data, func(r *Reader) { r.MaxBodySize = 1000 })
		if len(got) != 3 || got[0].err != nil || got[2].err != nil || got[2].body != "small" {
			t.Fatalf("gzip=%v: got %+v", gz, got)
		}
		var re *RecordError
		if !errors.Is(got[1].err, ErrTooLarge) || !errors.As(got[1].err, &re) || re.Fatal || re.Number != 2 {
			t.Errorf("gzip=%v: oversized record: %v, want non-fatal ErrTooLarge for record 2", gz, got[1].err)
		}
	}

	long := small
	long.extra = []string{"WARC-Comment: " + strings.Repeat("y", 3000)}
	data, _ := buildWARC(t, false, small, long, small)
	got := readAll(t, data, func(r *Reader) { r.MaxHeaderSize = 1024 })
	if len(got) != 3 || !errors.Is(got[1].err, ErrTooLarge) || got[2].err != nil {
		t.Errorf("oversized header: got %+v", got)
	}
}

func TestCorruptGzip(t *testing.T) {
	data, offsets := buildWARC(t, true, newsRecords()...)
	bad := bytes.Clone(data)
	// Damage the deflate stream of the third member.
	for i := offsets[2] + 20; i < offsets[2]+60; i++ {
		bad[i] ^= 0x5a
	}
	got := readAll(t, bad, nil)
	last := got[len(got)-1]
	var re *RecordError
	if !errors.As(last.err, &re) || !re.Fatal {
		t.Fatalf("last result %+v, want a fatal error", last)
	}
	if !strings.Contains(last.err.Error(), "gzip member at offset") {
		t.Errorf("error %q does not name the gzip member", last.err)
	}
}

func TestTrailingGarbageAfterGzip(t *testing.T) {
	data, _ := buildWARC(t, true, newsRecords()[:2]...)
	data = append(data, "not gzip"...)
	got := readAll(t, data, nil)
	if len(got) != 3 || got[1].err != nil || got[2].err == nil {
		t.Fatalf("got %+v, want two records then an error", got)
	}
}

func TestLenientFraming(t *testing.T) {
	// LF-only line breaks, extra blank lines between records and a missing
	// final trailer, as written by careless tools.
	data := "WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: <urn:test:a>\nWARC-Date: 2024-03-01T09:15:42Z\n" +
		"Content-Length: 5\n\nhello\n\n\n\r\n" +
		"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Comment: first part\r\n  continued\r\nContent-Length: 5\r\n\r\nworld"
	got := readAll(t, []byte(data), nil)
	if len(got) != 2 {
		t.Fatalf("got %d results: %+v", len(got), got)
	}
	for _, g := range got {
		if g.err != nil {
			t.Fatal(g.err)
		}
	}
	if got[0].rec.TargetURI != "urn:test:a" || got[0].body != "hello" || got[1].body != "world" {
		t.Errorf("got %q %q %q", got[0].rec.TargetURI, got[0].body, got[1].body)
	}
	if c := got[1].rec.Header.Get("WARC-Comment"); c != "first part continued" {
		t.Errorf("continued field = %q", c)
	}
}

func TestGzipMemberEndsInsideHeader(t *testing.T) {
	recs := newsRecords()
	data, _ := buildWARC(t, true, recs[0])
	// A member holding only half a header, followed by intact records.
	data = append(data, gzipped([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Le"))...)
	rest, _ := buildWARC(t, true, recs[1:3]...)
	data = append(data, rest...)
	got := readAll(t, data, nil)
	if len(got) != 4 || got[0].err != nil || got[2].err != nil || got[3].err != nil {
		t.Fatalf("got %+v", got)
	}
	var re *RecordError
	if !errors.As(got[1].err, &re) || re.Fatal || re.Number != 2 || !errors.Is(re, ErrMalformed) {
		t.Errorf("half record: %v, want a non-fatal ErrMalformed for record 2", got[1].err)
	}
	if got[3].rec.Type != "response" || got[3].body != recs[2].block {
		t.Errorf("record after the bad member: %+v", got[3].rec)
	}
}

// BenchmarkDocuments measures reading HTML pages out of a per-record gzip
// archive of 200 article-sized responses.
func BenchmarkDocuments(b *testing.B) {
	var recs []testRecord
	var para strings.Builder
	for i := range 400 {
		fmt.Fprintf(&para, "<p>Paragraph %d of the report: officials in %d provinces said the measure passed.</p>\n", i, i%37)
	}
	for i := range 200 {
		recs = append(recs, testRecord{typ: "response", uri: fmt.Sprintf("https://news.example.org/%d.html", i),
			ctype: "application/http; msgtype=response",
			block: httpResponse("200 OK", []string{"Content-Type: text/html; charset=utf-8"}, para.String())})
	}
	data, _ := buildWARC(b, true, recs...)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		n := 0
		for _, err := range Documents(bytes.NewReader(data), "bench") {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 200 {
			b.Fatalf("%d documents", n)
		}
	}
}
