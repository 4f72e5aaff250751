package warc

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader and checks that it neither
// panics nor loops: every call to Next consumes input, so n bytes (which
// deflate can expand at most 1032-fold) bound the number of results.
func FuzzReader(f *testing.F) {
	recs := newsRecords()
	plain, offsets := buildWARC(f, false, recs...)
	gz, gzOffsets := buildWARC(f, true, recs...)
	f.Add(plain)
	f.Add(gz)
	f.Add(plain[:offsets[3]-7])
	f.Add(gz[:gzOffsets[4]+20])
	bad := recs[2]
	bad.cl = "77"
	badData, _ := buildWARC(f, false, recs[0], bad, recs[3])
	f.Add(badData)
	if fixture, err := os.ReadFile("testdata/news.warc.gz"); err == nil {
		f.Add(fixture)
	}
	f.Add([]byte("WARC/1.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))

	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		r.MaxBodySize = 1 << 20
		r.MaxHeaderSize = 4 << 10
		for i := 0; ; i++ {
			if i > 1032*len(data)+2 {
				t.Fatalf("%d results from %d bytes", i, len(data))
			}
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var re *RecordError
				if !errors.As(err, &re) {
					t.Fatalf("error %v is %T, not *RecordError", err, err)
				}
				if re.Fatal {
					if _, again := r.Next(); again != err {
						t.Fatalf("fatal error not sticky: %v then %v", err, again)
					}
					return
				}
				continue
			}
			if rec.Type == "response" {
				ParseHTTPResponse(rec)
			} else if i%2 == 0 {
				io.Copy(io.Discard, rec.Body)
			}
		}
	})
}
