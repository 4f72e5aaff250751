package queue_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph/internal/bench"
	"github.com/newsgraph/newsgraph/internal/cli"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pgtest"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/postgres"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// cliEnv makes the test binary run newsgraph's command line instead of the
// tests, so that the workers below are real processes running the real
// `newsgraph worker`, without building a binary.
const cliEnv = "NEWSGRAPH_QUEUE_TEST_RUN_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(cliEnv) == "1" {
		os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	pgtest.Main(m)
}

func newDatabase(t *testing.T) string { return pgtest.NewDatabase(t) }

// writeCorpus writes n articles varied from the example corpus as JSON
// lines, each with its own URL, and returns the file.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	seeds, err := bench.LoadSeeds(context.Background(), []string{"../../examples/corpus"}, &source.Reader{})
	if err != nil {
		t.Fatal(err)
	}
	// Plain-text seeds only: a variant's added sentence always stays in
	// their body, so that no two documents are the same text and each is
	// one new article. (An HTML variant's sentence may be cut as page
	// chrome, which makes variants of one page duplicates.) The rewrite
	// articles are left out too: the test enqueues them as they are, and
	// variants of them would be copies of them.
	seeds = slices.DeleteFunc(seeds, func(r news.Raw) bool {
		return r.Text == "" || strings.HasPrefix(filepath.Base(r.Input), "rewrite-")
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range n {
		raw := bench.Variant(seeds, i)
		line := map[string]string{"url": fmt.Sprintf("https://queue.example/story/%d", i), "title": raw.Title, "source": raw.Source}
		if !raw.Published.IsZero() {
			line["published"] = raw.Published.Format(time.RFC3339)
		}
		line["text"] = raw.Text
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runCLI(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := cli.Main(args, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("newsgraph %s: exit %d\n%s", strings.Join(args, " "), code, errOut.String())
	}
	return errOut.String()
}

// rewrites are the example corpus's refused-letter original and its three
// rewrites, original first, and a control article on another subject.
var rewrites = []string{
	"../../examples/corpus/rewrite-original-refused-letter-2025.html",
	"../../examples/corpus/rewrite-reordered-refused-letter-2025.html",
	"../../examples/corpus/rewrite-wire-republished-refused-letter-2025.json",
	"../../examples/corpus/rewrite-words-changed-refused-letter-2025.txt",
	"../../examples/corpus/rewrite-control-not-duplicate-kim-yo-jong-2025.txt",
}

// Three worker processes drain a queue of 300 documents and the rewrite
// articles; one is killed (SIGKILL, no cleanup) while it holds a batch. The
// other two must wait for its lease to run out and take its batch, and
// every article must end up stored exactly once, with the queue empty, and
// linked to its duplicates as one ingest process links it.
func TestKilledWorkerBatchIsRedoneAndArticlesStoredOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts worker processes")
	}
	const n = 300
	dsn := newDatabase(t)
	// The rewrites are enqueued first, so they are the first jobs, claimed
	// in one batch and stored in order, as one ingest stores them.
	inputs := append(slices.Clone(rewrites), writeCorpus(t, n))
	total := n + len(rewrites)
	summary := runCLI(t, append([]string{"ingest", "--db", dsn, "--enqueue"}, inputs...)...)
	if !strings.Contains(summary, fmt.Sprintf("enqueued %d,", total)) {
		t.Fatalf("enqueue summary: %s", summary)
	}
	// Enqueuing again adds nothing: the documents are already waiting.
	again := runCLI(t, append([]string{"ingest", "--db", dsn, "--enqueue"}, inputs...)...)
	if !strings.Contains(again, fmt.Sprintf("enqueued 0, already queued %d", total)) {
		t.Fatalf("second enqueue: %s", again)
	}

	ctx := context.Background()
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	start := func(name string) (*exec.Cmd, *bytes.Buffer) {
		cmd := exec.Command(os.Args[0], "worker", "--db", dsn, "--name", name, "--batch", "10", "--lease", "2s",
			"--workers", "1", "--drain")
		cmd.Env = append(os.Environ(), cliEnv+"=1")
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stderr, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &stderr
	}
	victim, _ := start("victim")
	defer victim.Process.Kill()
	a, aOut := start("survivor-a")
	b, bOut := start("survivor-b")
	defer a.Process.Kill()
	defer b.Process.Kill()

	// Kill the victim while it holds a leased batch and has stored part
	// of the corpus.
	var held []int64
	deadline := time.Now().Add(60 * time.Second)
	for len(held) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the victim worker never held a batch")
		}
		var stored int
		st.Pool().QueryRow(ctx, "SELECT count(*) FROM articles").Scan(&stored)
		if stored >= 5 {
			rows, _ := st.Pool().Query(ctx, "SELECT id FROM jobs WHERE worker = 'victim' AND state = 'leased'")
			for rows.Next() {
				var id int64
				rows.Scan(&id)
				held = append(held, id)
			}
			rows.Close()
		}
		if len(held) == 0 {
			time.Sleep(20 * time.Millisecond)
		}
	}
	victim.Process.Signal(syscall.SIGKILL)
	victim.Wait()
	t.Logf("killed the victim holding %d jobs", len(held))

	for _, w := range []struct {
		cmd *exec.Cmd
		out *bytes.Buffer
	}{{a, aOut}, {b, bOut}} {
		done := make(chan error, 1)
		go func() { done <- w.cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("worker: %v\n%s", err, w.out)
			}
			t.Log(strings.TrimSpace(w.out.String()))
		case <-time.After(3 * time.Minute):
			w.cmd.Process.Kill()
			t.Fatalf("worker did not drain the queue in 3 minutes\n%s", w.out)
		}
	}

	var jobsLeft, articles, urls, failures int
	pool := st.Pool()
	pool.QueryRow(ctx, "SELECT count(*) FROM jobs").Scan(&jobsLeft)
	pool.QueryRow(ctx, "SELECT count(*), count(DISTINCT url) FROM articles WHERE url LIKE 'https://queue.example/story/%'").Scan(&articles, &urls)
	pool.QueryRow(ctx, "SELECT count(*) FROM failures").Scan(&failures)
	if jobsLeft != 0 {
		t.Errorf("%d jobs left in the queue; want it empty", jobsLeft)
	}
	if failures != 0 {
		fs, _ := st.Failures(ctx, store.FailureQuery{})
		t.Errorf("%d failures: %+v", failures, fs)
	}
	var stored int
	pool.QueryRow(ctx, "SELECT count(*) FROM articles").Scan(&stored)
	if articles != n || urls != n {
		t.Errorf("stored %d articles with %d distinct URLs; want each of the %d stored exactly once", articles, urls, n)
	}

	// What the workers stored exports, streamed from PostgreSQL, and reads
	// back whole.
	out := filepath.Join(t.TempDir(), "articles.parquet")
	runCLI(t, "export", "articles", "--db", dsn, "--out", out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		t.Fatal(err)
	}
	if rows, want := pf.NumRows(), int64(stored); rows != want {
		t.Errorf("exported parquet has %d rows, want %d", rows, want)
	}

	// Every article is linked, and the rewrites exactly as an ingest in
	// one process links them.
	if ids, err := st.Unlinked(ctx, 0, 10); err != nil || len(ids) != 0 {
		t.Errorf("unlinked articles after draining: %v, %v", ids, err)
	}
	var dated, inStory int
	pool.QueryRow(ctx, "SELECT count(*) FILTER (WHERE published IS NOT NULL), count(story_id) FROM articles").Scan(&dated, &inStory)
	if inStory != dated {
		t.Errorf("%d of %d dated articles in a story", inStory, dated)
	}
	db := filepath.Join(t.TempDir(), "one.db")
	runCLI(t, append([]string{"ingest", "--db", db, "--workers", "1"}, inputs...)...)
	ref, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	got, want := rewriteLinks(t, st), rewriteLinks(t, ref)
	if len(want) < 4 {
		t.Fatalf("the single-process ingest stored %d rewrite articles: %v", len(want), want)
	}
	if want[filepath.Base(rewrites[1])] != filepath.Base(rewrites[0]) {
		t.Fatalf("the single-process ingest links the rewrites as %v", want)
	}
	if !maps.Equal(got, want) {
		t.Errorf("workers linked the rewrites as %v; one ingest links them as %v", got, want)
	}
}

// rewriteLinks returns, for each stored rewrite article, the name of the
// input it is a duplicate of ("" for an original).
func rewriteLinks(t *testing.T, st store.Store) map[string]string {
	t.Helper()
	arts, err := st.Articles(context.Background(), store.ArticleQuery{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	name := map[int64]string{}
	for _, a := range arts {
		name[a.ID] = filepath.Base(a.Input)
	}
	links := map[string]string{}
	for _, a := range arts {
		if n := name[a.ID]; strings.HasPrefix(n, "rewrite-") {
			links[n] = name[a.DuplicateOf]
		}
	}
	return links
}
