package queue_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/queue"
	"github.com/newsgraph/newsgraph/internal/store/postgres"
)

func openQueue(t *testing.T) (*postgres.Store, *queue.Queue) {
	t.Helper()
	st, err := postgres.Open(context.Background(), newDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, queue.New(st.Pool())
}

func raws(n int) []news.Raw {
	var out []news.Raw
	for i := range n {
		out = append(out, news.Raw{Input: fmt.Sprintf("test#%d", i), Format: "html", URL: fmt.Sprintf("https://q.example/%d", i),
			HTML: []byte(fmt.Sprintf("<p>Story %d, in windows-1252: caf\xe9</p>", i)), Charset: "windows-1252",
			Published: time.Date(2020, 1, 2, 3, 4, 5, 0, time.FixedZone("", 3600))})
	}
	return out
}

func TestPayloadKeepsTheDocumentExactly(t *testing.T) {
	_, q := openQueue(t)
	ctx := context.Background()
	in := raws(3)
	if n, err := q.Enqueue(ctx, in); err != nil || n != 3 {
		t.Fatalf("Enqueue = %d, %v", n, err)
	}
	// The same documents again add nothing.
	if n, err := q.Enqueue(ctx, in); err != nil || n != 0 {
		t.Fatalf("Enqueue again = %d, %v; want 0 added", n, err)
	}
	jobs, err := q.Claim(ctx, "w", 10, time.Minute)
	if err != nil || len(jobs) != 3 {
		t.Fatalf("Claim = %d jobs, %v", len(jobs), err)
	}
	for i, j := range jobs {
		got, want := j.Raw, in[i]
		if string(got.HTML) != string(want.HTML) || got.URL != want.URL || got.Input != want.Input ||
			!got.Published.Equal(want.Published) || got.Charset != want.Charset || j.Attempts != 1 {
			t.Errorf("job %d = %+v, want %+v", i, got, want)
		}
	}
}

func TestConcurrentClaimsNeverShareAJob(t *testing.T) {
	_, q := openQueue(t)
	ctx := context.Background()
	if _, err := q.Enqueue(ctx, raws(200)); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	seen := map[int64]string{}
	var wg sync.WaitGroup
	for w := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprint("w", w)
			for {
				jobs, err := q.Claim(ctx, name, 7, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if len(jobs) == 0 {
					return
				}
				mu.Lock()
				for _, j := range jobs {
					if other, dup := seen[j.ID]; dup {
						t.Errorf("job %d claimed by %s and %s", j.ID, other, name)
					}
					seen[j.ID] = name
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(seen) != 200 {
		t.Errorf("claimed %d jobs, want 200", len(seen))
	}
}

func TestExpiredLeaseIsClaimedAgainAndRenewalKeepsIt(t *testing.T) {
	_, q := openQueue(t)
	ctx := context.Background()
	q.Enqueue(ctx, raws(2))
	a, _ := q.Claim(ctx, "a", 1, 300*time.Millisecond)
	b, _ := q.Claim(ctx, "b", 1, 300*time.Millisecond)
	if len(a) != 1 || len(b) != 1 {
		t.Fatalf("claims = %d, %d", len(a), len(b))
	}
	// a renews its lease, b does not (it died).
	time.Sleep(150 * time.Millisecond)
	if n, err := q.Renew(ctx, "a", []int64{a[0].ID}, time.Minute); err != nil || n != 1 {
		t.Fatalf("Renew = %d, %v", n, err)
	}
	time.Sleep(300 * time.Millisecond)
	c, err := q.Claim(ctx, "c", 10, time.Minute)
	if err != nil || len(c) != 1 || c[0].ID != b[0].ID || c[0].Attempts != 2 {
		t.Fatalf("after b's lease ran out, c claimed %+v, %v; want b's job on its 2nd attempt", c, err)
	}
	// b cannot renew what c now holds.
	if n, _ := q.Renew(ctx, "b", []int64{b[0].ID}, time.Minute); n != 0 {
		t.Errorf("dead worker renewed a job another holds")
	}
	if err := q.Done(ctx, c[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := q.Fail(ctx, a[0].ID, "extract: no text"); err != nil {
		t.Fatal(err)
	}
	counts, _ := q.Counts(ctx)
	if counts != (queue.Counts{Failed: 1}) {
		t.Errorf("counts = %+v; want one failed job", counts)
	}
	if n, err := q.Requeue(ctx); err != nil || n != 1 {
		t.Errorf("Requeue = %d, %v", n, err)
	}
	if n, err := q.Release(ctx, "nobody"); err != nil || n != 0 {
		t.Errorf("Release of a worker with no jobs = %d, %v", n, err)
	}
	got, _ := q.Claim(ctx, "d", 10, time.Minute)
	if len(got) != 1 || !slices.Equal([]int64{got[0].ID}, []int64{a[0].ID}) {
		t.Errorf("requeued job not claimable: %+v", got)
	}
}
