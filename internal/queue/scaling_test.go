package queue_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/bench"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/queue"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store/postgres"
)

// TestScaling measures articles per second through the queue with 1, 2 and
// 4 worker processes, for docs/scaling.md. It runs only when asked:
//
//	NEWSGRAPH_SCALING=3000 go test ./internal/queue -run TestScaling -v -timeout 60m
//
// Each run gets a fresh database, enqueues NEWSGRAPH_SCALING documents
// generated from the example corpus (bench.Variant: reordered paragraphs,
// moved dates, a numbered sentence; each with its own URL), then times
// `newsgraph worker --drain` processes from start until the last exits.
// The PostgreSQL server runs on the same machine, and is counted in.
func TestScaling(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("NEWSGRAPH_SCALING"))
	if n <= 0 {
		t.Skip("set NEWSGRAPH_SCALING=N to measure worker throughput on N documents")
	}
	ctx := context.Background()
	seeds, err := bench.LoadSeeds(ctx, []string{"../../examples/corpus"}, &source.Reader{})
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]news.Raw, n)
	for i := range docs {
		docs[i] = bench.Variant(seeds, i)
		docs[i].URL = fmt.Sprintf("https://scaling.example/%d", i)
	}
	for _, c := range []struct{ procs, threads int }{{1, 1}, {2, 1}, {4, 1}, {1, 2}} {
		dsn := newDatabase(t)
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		q := queue.New(st.Pool())
		for i := 0; i < n; i += 500 {
			if _, err := q.Enqueue(ctx, docs[i:min(i+500, n)]); err != nil {
				t.Fatal(err)
			}
		}
		start := time.Now()
		var cmds []*exec.Cmd
		var outs []*bytes.Buffer
		for p := range c.procs {
			cmd := exec.Command(os.Args[0], "worker", "--db", dsn, "--name", fmt.Sprint("w", p), "--batch", "50",
				"--workers", strconv.Itoa(c.threads), "--drain")
			cmd.Env = append(os.Environ(), cliEnv+"=1")
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds, outs = append(cmds, cmd), append(outs, &out)
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Fatalf("worker: %v\n%s", err, outs[i])
			}
		}
		elapsed := time.Since(start)
		stats, _ := st.Stats(ctx)
		counts, _ := q.Counts(ctx)
		st.Close()
		t.Logf("%d worker process(es) × %d document(s) at once: %d documents in %.1fs = %.1f articles/s (stored %d, failed %d, queue: %s)",
			c.procs, c.threads, n, elapsed.Seconds(), float64(n)/elapsed.Seconds(), stats.Articles, stats.Failures, counts)
		for _, o := range outs {
			t.Log("  ", strings.TrimSpace(o.String()))
		}
	}
}
