package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/newsgraph/newsgraph/internal/news"
)

type outcome struct {
	raws []news.Raw
	errs map[string]error
}

func readAll(t *testing.T, rd *Reader, paths ...string) outcome {
	t.Helper()
	out := outcome{errs: map[string]error{}}
	err := rd.Read(context.Background(), paths, func(raw news.Raw, err error) bool {
		if err != nil {
			var se *Error
			if !errors.As(err, &se) {
				t.Errorf("error %v is not a *source.Error naming its input", err)
				return true
			}
			out.errs[se.Input] = se
			return true
		}
		out.raws = append(out.raws, raw)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBadInputsAreReportedAndReadingGoesOn(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "a-good.txt", []byte("Talks resume\n\nEnvoys from both Koreas met at Panmunjom on Friday."))
	empty := write(t, dir, "b-empty.txt", nil)
	blank := write(t, dir, "c-blank.html", []byte("  \n\t\n"))
	binary := write(t, dir, "d-binary.html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	huge := filepath.Join(dir, "e-huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // 200 MB, sparse: cheap to make
		t.Fatal(err)
	}
	f.Close()
	lines := write(t, dir, "f-lines.jsonl", []byte(strings.Join([]string{
		`{"url":"https://example.org/1","title":"One","published":"2019-02-28T14:00:00+07:00","text":"The Hanoi summit ended early."}`,
		`{"url":"https://example.org/2","title":"Two",`,
		``,
		`{"url":"https://example.org/3","text":""}`,
		`{"url":"https://example.org/4","published":"last Tuesday","text":"Body."}`,
		`{"url":"https://example.org/5","source":"Example","html":"<p>Kim Yo Jong issued a statement.</p>"}`,
	}, "\n")))
	jsonDoc := write(t, dir, "g-one.json", []byte(`{"url":"https://example.org/6","title":"Six","text":"Moon Jae-in visited Pyongyang."}`))
	twoValues := write(t, dir, "h-two.json", []byte(`{"text":"a"} {"text":"b"}`))
	write(t, dir, "notes.md", []byte("# not an article")) // unknown types in folders are skipped
	write(t, dir, ".hidden/x.txt", []byte("hidden folders are skipped"))
	missing := filepath.Join(dir, "missing.txt")

	out := readAll(t, &Reader{}, dir, missing)

	if len(out.raws) != 4 {
		t.Fatalf("read %d documents, want 4 (a-good, lines 1 and 5, g-one): %+v", len(out.raws), out.raws)
	}
	if out.raws[0].Input != good || out.raws[0].Format != "text" {
		t.Errorf("first = %+v", out.raws[0])
	}
	l1 := out.raws[1]
	if l1.Input != lines+":1" || l1.URL != "https://example.org/1" || l1.Published.Format(time.RFC3339) != "2019-02-28T14:00:00+07:00" {
		t.Errorf("line 1 = %+v", l1)
	}
	if l5 := out.raws[2]; l5.Input != lines+":6" || string(l5.HTML) != "<p>Kim Yo Jong issued a statement.</p>" || l5.Source != "Example" {
		t.Errorf("line 6 = %+v", l5)
	}
	if out.raws[3].Input != jsonDoc || out.raws[3].Title != "Six" {
		t.Errorf("json = %+v", out.raws[3])
	}

	wantErrs := map[string]string{
		empty:        "empty document",
		blank:        "empty document",
		binary:       "binary content",
		huge:         "document too large: 200.0 MiB",
		lines + ":2": "invalid JSON",
		lines + ":4": `no "text" or "html" field`,
		lines + ":5": `published: cannot read "last Tuesday" as a date`,
		twoValues:    "more than one value",
		missing:      "no such file or directory",
	}
	for input, want := range wantErrs {
		err, ok := out.errs[input]
		if !ok {
			t.Errorf("%s: no error reported, want %q", input, want)
			continue
		}
		if !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), input+": ") {
			t.Errorf("%s: error %q, want it to name the input and say %q", input, err, want)
		}
	}
	if len(out.errs) != len(wantErrs) {
		t.Errorf("errors = %v; want exactly %d", out.errs, len(wantErrs))
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop reads")
	}
	dir := t.TempDir()
	p := write(t, dir, "secret.txt", []byte("Officials met on Monday."))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	out := readAll(t, &Reader{}, p)
	if err := out.errs[p]; err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("error = %v, want permission denied", err)
	}
}

func TestLegacyCharsetsAreConverted(t *testing.T) {
	text := "Élysée officials said the “talks” were productive — for now."
	cp1252, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p := write(t, dir, "legacy.txt", []byte(cp1252))
	out := readAll(t, &Reader{}, p)
	if len(out.raws) != 1 {
		t.Fatalf("errors: %v", out.errs)
	}
	if out.raws[0].Text != text {
		t.Errorf("decoded %q, want %q", out.raws[0].Text, text)
	}

	page := "<html><head><meta charset=\"windows-1252\"><title>x</title></head><body><p>" + cp1252 + "</p></body></html>"
	utf8Page, err := HTMLToUTF8([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(utf8Page), text) {
		t.Errorf("HTML with declared windows-1252 decoded to %q", utf8Page)
	}
	// An HTTP header's charset wins over sniffing.
	latin1Page := []byte("<p>" + cp1252 + "</p>")
	if out, _ := HTMLToUTF8(latin1Page, "text/html; charset=windows-1252"); !strings.Contains(string(out), text) {
		t.Errorf("HTML with header charset decoded to %q", out)
	}
	// A UTF-8 page whose <meta> stands past the 1,024 bytes the prescan
	// reads is still UTF-8, not windows-1252.
	late := "<html><head><script>" + strings.Repeat("var x = 1;\n", 120) + "</script><meta charset=\"utf-8\"></head><body><p>Der Minister führte die Gespräche.</p></body></html>"
	if out, _ := HTMLToUTF8([]byte(late), ""); !strings.Contains(string(out), "führte die Gespräche") {
		t.Errorf("UTF-8 page with a late declaration decoded to %q", out[len(out)-80:])
	}
}

func TestOverlongJSONLineIsSkippedNotFatal(t *testing.T) {
	dir := t.TempDir()
	long := `{"text":"` + strings.Repeat("a", 3000) + `"}`
	p := write(t, dir, "long.jsonl", []byte(long+"\n"+`{"text":"North Korea fired two missiles."}`+"\n"))
	out := readAll(t, &Reader{Limits: Limits{MaxDocument: 1024}}, p)
	if len(out.raws) != 1 || out.raws[0].Text != "North Korea fired two missiles." {
		t.Errorf("raws = %+v", out.raws)
	}
	if err := out.errs[p+":1"]; err == nil || !errors.Is(err, ErrTooLarge) {
		t.Errorf("line 1 error = %v, want ErrTooLarge", err)
	}
}

func TestStdinKeepsBadLineAsSample(t *testing.T) {
	rd := &Reader{Stdin: strings.NewReader("{\"text\":\"ok\"}\nnot json at all\n")}
	out := readAll(t, rd, Stdin)
	if len(out.raws) != 1 {
		t.Fatalf("raws = %+v", out.raws)
	}
	var se *Error
	if err := out.errs["stdin:2"]; !errors.As(err, &se) || string(se.Sample) != "not json at all" {
		t.Errorf("stdin:2 = %v; want the bad line kept as its sample", err)
	}
}

func TestReadStopsWhenContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	rd := &Reader{Stdin: strings.NewReader(strings.Repeat("{\"text\":\"x\"}\n", 100))}
	err := rd.Read(ctx, []string{Stdin}, func(news.Raw, error) bool {
		n++
		if n == 3 {
			cancel()
		}
		return true
	})
	if !errors.Is(err, context.Canceled) || n > 4 {
		t.Errorf("Read after cancel: err %v after %d documents", err, n)
	}
}

func TestParseTime(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2018-06-12T09:30:00+08:00", "2018-06-12T09:30:00+08:00"},
		{"2018-06-12T09:30:00Z", "2018-06-12T09:30:00Z"},
		{"2018-06-12", "2018-06-12T00:00:00Z"},
		{"Tue, 12 Jun 2018 09:30:00 +0800", "2018-06-12T09:30:00+08:00"},
		{"2018-06-12 09:30:00", "2018-06-12T09:30:00Z"},
	} {
		got, err := ParseTime(tc.in)
		if err != nil || got.Format(time.RFC3339) != tc.want {
			t.Errorf("ParseTime(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	if _, err := ParseTime("June the twelfth"); err == nil {
		t.Error("ParseTime accepted prose")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"url":"https://x.org","text":"a"}`), "json")
	f.Add([]byte("Title\n\nBody text."), "text")
	f.Add([]byte("\xff\xfeT\x00i\x00"), "text")
	f.Add([]byte("caf\xe9"), "text")
	f.Fuzz(func(t *testing.T, data []byte, format string) {
		raw, err := Decode(data, format, "fuzz")
		if err == nil && raw.Text == "" && len(raw.HTML) == 0 {
			t.Errorf("Decode(%q, %q) returned no content and no error", data, format)
		}
	})
}

func FuzzJSONLines(f *testing.F) {
	f.Add("{\"text\":\"a\"}\n{bad\n\n{\"html\":\"<p>x</p>\"}")
	f.Fuzz(func(t *testing.T, in string) {
		rd := &Reader{Stdin: strings.NewReader(in), Limits: Limits{MaxDocument: 256}}
		rd.Read(context.Background(), []string{Stdin}, func(raw news.Raw, err error) bool {
			if err == nil && raw.Text == "" && len(raw.HTML) == 0 {
				t.Errorf("document with no content and no error from %q", in)
			}
			return true
		})
	})
}

func TestContainersFromTheCorpusAndArchives(t *testing.T) {
	out := readAll(t, &Reader{}, "../../examples/corpus/feed-korea-desk-2018-2019.rss", "../warc/testdata/news.warc.gz")
	if len(out.errs) != 0 {
		t.Errorf("errors: %v", out.errs)
	}
	var feedItems, pages int
	for _, raw := range out.raws {
		switch raw.Format {
		case "feed":
			feedItems++
			if raw.Title == "" || raw.Published.IsZero() || raw.Text == "" && len(raw.HTML) == 0 {
				t.Errorf("feed item without title, date or content: %+v", raw)
			}
		case "warc":
			pages++
			if raw.URL == "" || raw.Fetched.IsZero() || len(raw.HTML) == 0 || !strings.Contains(raw.Input, "news.warc.gz#") {
				t.Errorf("WARC page without URL, fetch time, HTML or record number: %+v", raw.Input)
			}
		}
	}
	if feedItems != 3 || pages == 0 {
		t.Errorf("read %d feed items (want 3) and %d WARC pages (want some)", feedItems, pages)
	}
}
