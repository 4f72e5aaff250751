package postgres

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pgtest"
	"github.com/newsgraph/newsgraph/internal/store"
)

// Of two processes, only one holds the linking lock; the other is refused
// at once, and takes it once the first releases it or its connection dies.
func TestTryLinkLock(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDatabase(t)
	a, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	release, ok, err := a.TryLinkLock(ctx)
	if err != nil || !ok {
		t.Fatalf("first TryLinkLock: %v, %v", ok, err)
	}
	if _, ok, err := b.TryLinkLock(ctx); err != nil || ok {
		t.Fatalf("TryLinkLock while another process holds it: ok %v, %v; want refused", ok, err)
	}
	release()
	release() // releasing twice is harmless
	releaseB, ok, err := b.TryLinkLock(ctx)
	if err != nil || !ok {
		t.Fatalf("TryLinkLock after release: %v, %v", ok, err)
	}
	// A process that dies frees the lock with its connection.
	var killed bool
	if err := a.pool.QueryRow(ctx, `SELECT pg_terminate_backend(pid) FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()`).Scan(&killed); err != nil || !killed {
		t.Fatalf("terminate the lock holder's connection: %v, %v", killed, err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		release, ok, err = a.TryLinkLock(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the lock stayed held after its holder's connection died")
		}
		time.Sleep(20 * time.Millisecond)
	}
	release()
	releaseB()
}

func TestUnlinked(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	var ids []int64
	for i, body := range []string{"First article body about talks.", "Second article body about tariffs.", "Third article body about a summit."} {
		doc := news.NewDocument(news.Article{URL: "https://unlinked.example/" + string(rune('a'+i)), Title: "t", Body: body, ContentHash: body})
		id, _, err := s.Save(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := s.Link(ctx, store.Link{ArticleID: ids[1], Signature: []byte{1}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Unlinked(ctx, 0, 10)
	if want := []int64{ids[0], ids[2]}; err != nil || !slices.Equal(got, want) {
		t.Errorf("Unlinked(0) = %v, %v; want %v", got, err, want)
	}
	got, err = s.Unlinked(ctx, ids[0], 1)
	if want := []int64{ids[2]}; err != nil || !slices.Equal(got, want) {
		t.Errorf("Unlinked(after %d, 1) = %v, %v; want %v", ids[0], got, err, want)
	}
}
