package pipeline_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// rewrites are the example corpus's rewrite articles: an original, three
// rewrites of it and a control on another subject. In name order the
// original comes before its copies.
func rewrites(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../../examples/corpus/rewrite-*")
	if err != nil || len(paths) != 5 {
		t.Fatalf("rewrite articles: %v %v", paths, err)
	}
	return paths
}

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// saveUnlinked stores the documents under paths, in order, as a worker
// does: saved, not linked. It returns how many were new (the wire copy has
// the original's very text, so it is not stored again).
func saveUnlinked(t *testing.T, st store.Store, paths []string) int {
	t.Helper()
	ctx := context.Background()
	p := pipeline.Default(nil)
	var docs []*news.Document
	err := (&source.Reader{}).Read(ctx, paths, func(raw news.Raw, err error) bool {
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.Process(raw)
		if err != nil {
			t.Fatalf("%s: %v", raw.Input, err)
		}
		docs = append(docs, doc)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	stored := 0
	for _, doc := range docs {
		_, created, err := st.Save(ctx, doc)
		if err != nil {
			t.Fatalf("save %s: %v", doc.Article.Input, err)
		}
		if created {
			stored++
		}
	}
	return stored
}

type links struct {
	dupOf, story map[string]string // input name → its original's, and a story's first article's input name
	stories      int
}

// linksOf reads back how the stored articles are linked, by input name so
// that two stores can be compared.
func linksOf(t *testing.T, st store.Store) links {
	t.Helper()
	ctx := context.Background()
	arts, err := st.Articles(ctx, store.ArticleQuery{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	name := map[int64]string{}
	for _, a := range arts {
		name[a.ID] = filepath.Base(a.Input)
	}
	l := links{dupOf: map[string]string{}, story: map[string]string{}}
	storyName := map[int64]string{}
	for _, a := range arts {
		l.dupOf[name[a.ID]] = name[a.DuplicateOf]
		if a.StoryID == 0 {
			continue
		}
		if _, ok := storyName[a.StoryID]; !ok {
			d, err := st.(store.Linker).Story(ctx, a.StoryID)
			if err != nil {
				t.Fatal(err)
			}
			storyName[a.StoryID] = filepath.Base(d.List[0].Input)
		}
		l.story[name[a.ID]] = storyName[a.StoryID]
	}
	l.stories = len(storyName)
	return l
}

func TestLinkPendingLinksAsIngestDoes(t *testing.T) {
	ctx := context.Background()
	paths := rewrites(t)
	st := openStore(t)
	stored := saveUnlinked(t, st, paths)
	if stored < 4 {
		t.Fatalf("stored %d of the rewrite articles, want at least 4", stored)
	}

	n, err := pipeline.LinkPending(ctx, st)
	if err != nil || n != stored {
		t.Fatalf("LinkPending linked %d, %v; want %d", n, err, stored)
	}
	got := linksOf(t, st)
	const original = "rewrite-original-refused-letter-2025.html"
	for _, copy := range []string{"rewrite-reordered-refused-letter-2025.html", "rewrite-wire-republished-refused-letter-2025.json", "rewrite-words-changed-refused-letter-2025.txt"} {
		if _, ok := got.dupOf[copy]; !ok && stored == 4 && copy == "rewrite-wire-republished-refused-letter-2025.json" {
			continue // stored as the original itself
		}
		if got.dupOf[copy] != original {
			t.Errorf("%s: duplicate of %q, want the original", copy, got.dupOf[copy])
		}
		if got.story[copy] == "" || got.story[copy] != got.story[original] {
			t.Errorf("%s: story of %q, want the original's (%q)", copy, got.story[copy], got.story[original])
		}
	}
	if d := got.dupOf["rewrite-control-not-duplicate-kim-yo-jong-2025.txt"]; d != "" {
		t.Errorf("the control article is a duplicate of %s", d)
	}
	if got.dupOf[original] != "" {
		t.Errorf("the original is a duplicate of %s", got.dupOf[original])
	}
	if len(got.story) != stored {
		t.Errorf("stories assigned to %d of %d articles: %v", len(got.story), stored, got.story)
	}

	// Linking is the same as an ingest's, which links each article as
	// it stores it.
	ref := openStore(t)
	in := &pipeline.Ingester{Pipeline: pipeline.Default(nil), Reader: &source.Reader{}, Store: ref, Workers: 1}
	if c, err := in.Run(ctx, paths); err != nil || c.Stored != int64(stored) {
		t.Fatalf("ingest: %v, %v", c, err)
	}
	want := linksOf(t, ref)
	for name := range want.dupOf {
		if got.dupOf[name] != want.dupOf[name] || got.story[name] != want.story[name] {
			t.Errorf("%s: duplicate of %q in story %q; ingest links it to %q in %q",
				name, got.dupOf[name], got.story[name], want.dupOf[name], want.story[name])
		}
	}
	if got.stories != want.stories {
		t.Errorf("%d stories, ingest forms %d", got.stories, want.stories)
	}

	if n, err := pipeline.LinkPending(ctx, st); err != nil || n != 0 {
		t.Errorf("second LinkPending linked %d, %v; want nothing new", n, err)
	}
}

// lockingStore is a store that many processes write, with the linking lock
// simulated: busy makes TryLinkLock fail, and onRelease runs when the lock
// is released.
type lockingStore struct {
	*sqlite.Store
	busy      bool
	locks     int
	onRelease func()
}

func (s *lockingStore) TryLinkLock(ctx context.Context) (func(), bool, error) {
	if s.busy {
		return nil, false, nil
	}
	s.locks++
	return func() {
		if f := s.onRelease; f != nil {
			s.onRelease = nil
			f()
		}
	}, true, nil
}

func TestLinkPendingLockBusy(t *testing.T) {
	ctx := context.Background()
	st := &lockingStore{Store: openStore(t), busy: true}
	saveUnlinked(t, st, rewrites(t)[:1])
	if n, err := pipeline.LinkPending(ctx, st); !errors.Is(err, pipeline.ErrLinkBusy) || n != 0 {
		t.Fatalf("with the lock held elsewhere: linked %d, %v; want ErrLinkBusy", n, err)
	}
	if ids, _ := st.Unlinked(ctx, 0, 10); len(ids) != 1 {
		t.Errorf("%d unlinked after a busy LinkPending, want 1", len(ids))
	}
}

// An article stored while the lock holder links, by a writer that then
// finds the lock taken and leaves, is linked by the holder all the same:
// it looks again after releasing the lock.
func TestLinkPendingLinksWhatWasStoredWhileLocked(t *testing.T) {
	ctx := context.Background()
	paths := rewrites(t)
	st := &lockingStore{Store: openStore(t)}
	stored := saveUnlinked(t, st, paths[:2])
	st.onRelease = func() {
		stored += saveUnlinked(t, st, paths[2:])
		st.busy = true
		if _, err := pipeline.LinkPending(ctx, st); !errors.Is(err, pipeline.ErrLinkBusy) {
			t.Errorf("the other writer's LinkPending: %v, want ErrLinkBusy", err)
		}
		st.busy = false
	}
	n, err := pipeline.LinkPending(ctx, st)
	if err != nil || n != stored {
		t.Fatalf("LinkPending linked %d, %v; want all %d", n, err, stored)
	}
	if st.locks != 2 {
		t.Errorf("took the lock %d times, want 2", st.locks)
	}
	if ids, _ := st.Unlinked(ctx, 0, 10); len(ids) != 0 {
		t.Errorf("unlinked articles left: %v", ids)
	}
	if d := linksOf(t, st).dupOf["rewrite-words-changed-refused-letter-2025.txt"]; d != "rewrite-original-refused-letter-2025.html" {
		t.Errorf("a copy stored during linking is a duplicate of %q, want the original", d)
	}
}
