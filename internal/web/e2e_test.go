package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// TestBrowser clicks through the UI in headless Chromium: it builds the
// binary, ingests examples/corpus into a temporary database, starts
// `newsgraph serve` and runs e2e/run.mjs against it. It needs Chromium
// (apt-get install chromium) and e2e/node_modules (npm ci in e2e/); without
// them it is skipped with the reason, except in CI (CI=true), where it fails.
//
// With NEWSGRAPH_UPDATE_SCREENSHOTS=1 it also refreshes the README's
// screenshots in docs/screenshots; otherwise they land in e2e/screenshots,
// which git ignores.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	require := func(ok bool, reason string) {
		t.Helper()
		if ok {
			return
		}
		if os.Getenv("CI") == "true" {
			t.Fatalf("browser test cannot run in CI: %s", reason)
		}
		t.Skipf("browser test skipped: %s", reason)
	}
	_, err = os.Stat(chromium)
	require(err == nil, "no Chromium at "+chromium+" (apt-get install chromium, or set CHROMIUM)")
	node, err := exec.LookPath("node")
	require(err == nil, "no node in PATH")
	_, err = os.Stat(filepath.Join(root, "e2e", "node_modules", "playwright-core"))
	require(err == nil, "no e2e/node_modules (run npm ci in e2e/)")

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	db := filepath.Join(dir, "e2e.db")
	run(t, ctx, root, nil, goTool(), "build", "-o", bin, "./cmd/newsgraph")
	run(t, ctx, root, nil, bin, "--db", db, "ingest", filepath.Join(root, "examples", "corpus"))
	hostile := seed(t, db)

	addr := freeAddr(t)
	var serverLog bytes.Buffer
	server := exec.Command(bin, "--db", db, "serve", "--addr", addr)
	server.Stdout, server.Stderr = &serverLog, &serverLog
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		server.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- server.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			server.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("server log:\n%s", serverLog.String())
		}
	}()
	base := "http://" + addr
	waitHealthy(t, base+"/api/health")

	env := []string{"BASE_URL=" + base, "CHROMIUM=" + chromium, "HOSTILE_ID=" + fmt.Sprint(hostile),
		"SCREENSHOTS=" + filepath.Join(root, "e2e", "screenshots")}
	if os.Getenv("NEWSGRAPH_UPDATE_SCREENSHOTS") == "1" {
		env = append(env, "DOCS_SCREENSHOTS="+filepath.Join(root, "docs", "screenshots"))
	}
	out := run(t, ctx, filepath.Join(root, "e2e"), env, node, "run.mjs")
	t.Log("\n" + out)
}

// goTool is the go command that runs this test.
func goTool() string {
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); fileExists(p) {
		return p
	}
	return "go"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// run runs a command and fails the test, with its output, if it fails.
func run(t *testing.T, ctx context.Context, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
	return string(out)
}

// freeAddr returns a loopback address with a port nobody listens on.
func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitHealthy(t *testing.T, url string) {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("server not healthy at %s after 30s", url)
}

// seed adds what the corpus cannot give the browser test: an article whose
// every field is a script injection (its id is returned), and, only while
// the pipeline codes no events yet, a USA→PRK event with its evidence, so
// that the timeline and the evidence links can be clicked at all.
func seed(t *testing.T, db string) int64 {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const attack = `<script>alert(1)</script><img src=x onerror=alert(2)>`
	evil := news.NewDocument(news.Article{Title: attack + " probe", Source: attack, Body: "Probe " + attack + " text.",
		Published: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), Language: "en", ContentHash: "e2e-hostile",
		Removed: []string{attack}, Quality: news.Quality{Flags: []string{attack}, Reasons: []string{attack}}})
	evil.Entities = []news.EntityMention{{Text: "Probe", Type: news.Person, Canonical: attack, Actor: attack, Start: 0, End: 5, Ref: -1}}
	evil.Events = []news.Event{{Source: []string{"GBR"}, Target: []string{"FRA"}, CAMEO: attack, QuadClass: 1, Evidence: attack,
		EvidenceStart: 0, EvidenceEnd: 6 + len(attack), Rule: attack, Date: "2001-01-01"}}
	id, _, err := st.Save(ctx, evil)
	if err != nil {
		t.Fatal(err)
	}

	have, err := st.Events(ctx, store.EventQuery{Source: "USA", Target: "PRK", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(have) > 0 {
		return id
	}
	t.Log("the corpus has no USA→PRK event yet (no event coder in the pipeline): adding one fixture article")
	body := "SINGAPORE — U.S. President Donald Trump met North Korean leader Kim Jong Un on Tuesday for a summit."
	doc := news.NewDocument(news.Article{Title: "Fixture: Trump and Kim meet in Singapore", Source: "e2e fixture",
		Published: time.Date(2018, 6, 12, 0, 0, 0, 0, time.UTC), Language: "en", Body: body, ContentHash: "e2e-fixture"})
	at := func(s string) (int, int) { i := strings.Index(body, s); return i, i + len(s) }
	s1, e1 := at("Donald Trump")
	s2, e2 := at("Kim Jong Un")
	doc.Entities = []news.EntityMention{
		{Text: "Donald Trump", Type: news.Person, Canonical: "Donald Trump", Actor: "USAGOV", Start: s1, End: e1, Ref: -1},
		{Text: "Kim Jong Un", Type: news.Person, Canonical: "Kim Jong Un", Actor: "PRKGOV", Start: s2, End: e2, Ref: -1},
	}
	doc.Events = []news.Event{{Source: []string{"USAGOV"}, Target: []string{"PRKGOV"}, CAMEO: "040", PLOVER: "CONSULT", QuadClass: 1,
		Goldstein: 1, Date: "2018-06-12", Location: "Singapore", SourceText: "Donald Trump", TargetText: "Kim Jong Un",
		Evidence: body, EvidenceStart: 0, EvidenceEnd: len(body), Confidence: 0.9, Rule: "fixture"}}
	if _, _, err := st.Save(ctx, doc); err != nil {
		t.Fatal(err)
	}
	return id
}
