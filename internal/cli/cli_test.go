package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// run runs the command line in-process and returns its exit status and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngestTwiceStoresNothingNew(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	corpus := filepath.Join(dir, "corpus")
	writeFile(t, filepath.Join(corpus, "letter.txt"), "Kim sends Trump a letter\n\nNorth Korean leader Kim Jong Un sent a letter to President Donald Trump, the White House said on Thursday.\n")
	writeFile(t, filepath.Join(corpus, "summit.html"), `<html><head><title>Summit</title><meta property="article:published_time" content="2018-06-12T09:30:00+08:00"></head>
<body><article><h1>Leaders meet in Singapore</h1><p>President Donald Trump and Kim Jong Un shook hands at the Capella hotel on Sentosa island on Tuesday, opening the first summit between the two countries.</p>
<p>The two leaders signed a joint statement committing to work toward the complete denuclearization of the Korean Peninsula.</p></article></body></html>`)
	writeFile(t, filepath.Join(corpus, "wire.jsonl"), `{"url":"https://example.org/a","title":"Sanctions tightened","published":"2017-12-22","text":"The UN Security Council voted unanimously on Friday to tighten sanctions on North Korea."}
{"url":"https://example.org/b","title":"Envoy named","text":"Stephen Biegun was named special representative for North Korea."}
not json
`)
	writeFile(t, filepath.Join(corpus, "empty.txt"), "")

	code, _, stderr := run(t, "", "ingest", "--db", db, corpus)
	if code != 0 || !strings.Contains(stderr, "read 6, stored 4, already known 0, failed 2") {
		t.Fatalf("first ingest: exit %d, %s", code, stderr)
	}
	code, _, stderr = run(t, "", "ingest", "--db", db, corpus)
	if code != 0 || !strings.Contains(stderr, "read 6, stored 0, already known 4, failed 2") {
		t.Fatalf("second ingest: exit %d, %s", code, stderr)
	}
	code, stdout, _ := run(t, "", "failures", "--db", db, "--json")
	if code != 0 {
		t.Fatal(stdout)
	}
	var inputs []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var f struct{ Input, Stage, Reason string }
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("failure line %q: %v", line, err)
		}
		inputs = append(inputs, fmt.Sprintf("%s %s: %s", filepath.Base(f.Input), f.Stage, f.Reason))
	}
	want := []string{"empty.txt read: empty document", "wire.jsonl:3 read: invalid JSON"}
	if len(inputs) != 2 || !hasPrefixes(inputs, want) {
		t.Errorf("failures = %q, want %q", inputs, want)
	}
}

func hasPrefixes(got, want []string) bool {
	for _, w := range want {
		found := false
		for _, g := range got {
			if strings.HasPrefix(g, w) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func TestIngestExitStatus(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	writeFile(t, filepath.Join(dir, "bad.json"), "{")
	if code, _, stderr := run(t, "", "ingest", "--db", db, filepath.Join(dir, "bad.json")); code == 0 || !strings.Contains(stderr, "nothing could be stored") {
		t.Errorf("only bad input: exit %d, %s; want non-zero", code, stderr)
	}
	stdin := `{"title":"Grain deal","text":"Russia and Ukraine agreed in Istanbul to let grain ships leave Black Sea ports."}` + "\n{oops\n"
	if code, _, stderr := run(t, stdin, "ingest", "--db", db, "-"); code != 0 || !strings.Contains(stderr, "stored 1") {
		t.Errorf("stdin with one bad line: exit %d, %s; want 0", code, stderr)
	}
}

func TestAnnotatePrintsTheContract(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	writeFile(t, p, "Psaki confirms outreach\n\nThe United States has tried to reach North Korea through several channels since mid-February, White House press secretary Jen Psaki said.\n")
	code, stdout, stderr := run(t, "", "annotate", "--published", "2021-03-15T16:00:00-04:00", "--url", "https://example.org/psaki", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	for _, key := range []string{"article", "entities", "dates", "quotes", "events"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("key %q missing", key)
		}
	}
	var article map[string]any
	json.Unmarshal(doc["article"], &article)
	for _, key := range []string{"title", "url", "published", "language", "body", "removed", "quality"} {
		if _, ok := article[key]; !ok {
			t.Errorf("article.%s missing", key)
		}
	}
	if article["url"] != "https://example.org/psaki" || article["published"] != "2021-03-15T16:00:00-04:00" || article["language"] != "en" {
		t.Errorf("article = %v", article)
	}
	if body, _ := article["body"].(string); !strings.Contains(body, "Jen Psaki said.") {
		t.Errorf("body = %q", body)
	}

	code, stdout, _ = run(t, `<html><body><article><p>South Korea's president said on Monday that talks with the North would resume, in a speech to the National Assembly in Seoul that lasted nearly an hour.</p><p>He added that the two sides had agreed to reopen the liaison office at Kaesong before the end of the year.</p></article></body></html>`, "annotate", "-")
	if code != 0 || !strings.Contains(stdout, `"format": "html"`) {
		t.Errorf("annotate - with HTML: exit %d, %s", code, stdout)
	}
	if code, _, stderr := run(t, "", "annotate", filepath.Join(dir, "missing.txt")); code == 0 || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("annotate missing file: exit %d, %s", code, stderr)
	}
}

// TestKilledIngestResumes kills an ingest half-way, with SIGKILL and with
// SIGINT, runs it again, and checks that every article is stored exactly once.
func TestKilledIngestResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	build := exec.Command("go", "build", "-o", bin, "github.com/newsgraph/newsgraph/cmd/newsgraph")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	const n = 800
	var lines strings.Builder
	for i := range n {
		fmt.Fprintf(&lines, `{"url":"https://example.org/story/%d","title":"Report %d","published":"2019-06-30T12:00:00+09:00","text":"Report number %d: the leaders met at the border village of Panmunjom on Sunday and agreed to resume working-level talks within weeks, officials in Seoul said."}`+"\n", i, i, i)
	}
	input := filepath.Join(dir, "many.jsonl")
	writeFile(t, input, lines.String())

	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "k.db")
			cmd := exec.Command(bin, "ingest", "--workers", "2", "--db", db, input)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			stored := waitForArticles(t, db, 40)
			cmd.Process.Signal(sig)
			cmd.Wait()
			before := countArticles(t, db)
			if before >= n {
				t.Fatalf("ingest finished (%d articles) before it could be interrupted; enlarge the input", before)
			}
			t.Logf("interrupted after %d (saw %d) of %d articles", before, stored, n)

			out, err := exec.Command(bin, "ingest", "--db", db, input).CombinedOutput()
			if err != nil {
				t.Fatalf("rerun: %v\n%s", err, out)
			}
			if got := countArticles(t, db); got != n {
				t.Errorf("after rerun: %d articles, want exactly %d\n%s", got, n, out)
			}
			if !strings.Contains(string(out), fmt.Sprintf("stored %d, already known %d, failed 0", n-before, before)) {
				t.Errorf("rerun summary: %s; want stored %d, already known %d", out, n-before, before)
			}
		})
	}
}

func countArticles(t *testing.T, db string) int {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return int(st.Articles)
}

// waitForArticles polls the database until it holds at least min articles.
func waitForArticles(t *testing.T, db string, min int) int {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(db); err == nil {
			if n := countArticles(t, db); n >= min {
				return n
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %d articles in %s after 60 s", min, db)
	return 0
}

// TestAnnotateEveryExample runs annotate on every article of the example
// corpus (each JSON line on its own) and checks the output's shape.
func TestAnnotateEveryExample(t *testing.T) {
	const corpus = "../../examples/corpus"
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	check := func(name, stdin string, args ...string) {
		code, stdout, stderr := run(t, stdin, args...)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", name, code, stderr)
			return
		}
		var doc struct {
			Article  map[string]any   `json:"article"`
			Entities []map[string]any `json:"entities"`
			Dates    []map[string]any `json:"dates"`
			Quotes   []map[string]any `json:"quotes"`
			Events   []map[string]any `json:"events"`
		}
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Errorf("%s: invalid JSON: %v", name, err)
			return
		}
		body, _ := doc.Article["body"].(string)
		if body == "" || doc.Entities == nil || doc.Dates == nil || doc.Quotes == nil || doc.Events == nil {
			t.Errorf("%s: missing body or a list: %.300s", name, stdout)
		}
		for _, list := range [][]map[string]any{doc.Entities, doc.Dates, doc.Quotes} {
			for _, m := range list {
				start, end := int(m["start"].(float64)), int(m["end"].(float64))
				if start < 0 || end > len(body) || start > end {
					t.Errorf("%s: offsets %d-%d outside the body (%d bytes)", name, start, end, len(body))
				}
			}
		}
		n++
	}
	for _, e := range entries {
		path := filepath.Join(corpus, e.Name())
		switch filepath.Ext(e.Name()) {
		case ".txt", ".html", ".json":
			check(e.Name(), "", "annotate", path)
		case ".jsonl":
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				check(fmt.Sprintf("%s:%d", e.Name(), i+1), line, "annotate", "--format", "json", "-")
			}
		}
	}
	if n < 30 {
		t.Errorf("annotated %d examples, want at least 30", n)
	}
}

func TestRedactHidesDatabasePasswords(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://news:s3cret@db.example.org:5432/newsgraph": "postgres://news:***@db.example.org:5432/newsgraph",
		"postgres://news@localhost/newsgraph":                  "postgres://news@localhost/newsgraph",
		"newsgraph.db":                                         "newsgraph.db",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}
