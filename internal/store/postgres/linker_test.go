package postgres_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/cli"
	"github.com/newsgraph/newsgraph/internal/pgtest"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/postgres"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// The example corpus, ingested by the real command into each backend, is
// linked alike: the same copies point at the same originals, and the same
// stories hold the same articles.
func TestLinkingMatchesSQLite(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDatabase(t)
	lite := filepath.Join(t.TempDir(), "lite.db")
	for _, db := range []string{dsn, lite} {
		var stderr bytes.Buffer
		// One worker: the single writer then stores in input order on both.
		if code := cli.Main([]string{"ingest", "--db", db, "-w", "1", "../../../examples/corpus"}, strings.NewReader(""), &bytes.Buffer{}, &stderr); code != 0 {
			t.Fatalf("ingest into %s: %s", db, stderr.String())
		}
	}
	pg, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	sq, err := sqlite.Open(ctx, lite)
	if err != nil {
		t.Fatal(err)
	}
	defer sq.Close()
	want, got := linksOf(t, sq), linksOf(t, pg)
	if got != want {
		t.Errorf("PostgreSQL links:\n%s\nSQLite links:\n%s", got, want)
	}
	if !strings.Contains(want, "story") || !strings.Contains(want, "copy") {
		t.Errorf("no stories or copies found in the example corpus:\n%s", want)
	}
	list, err := pg.Stories(ctx, store.StoryQuery{Limit: 1})
	if err != nil || len(list) != 1 {
		t.Fatalf("Stories = %+v, %v", list, err)
	}
	d, err := pg.Story(ctx, list[0].ID)
	if err != nil || len(d.List) == 0 || d.Title != list[0].Title {
		t.Errorf("Story(%d) = %+v, %v", list[0].ID, d, err)
	}
	if _, err := pg.Story(ctx, 999999); err == nil {
		t.Error("Story(missing) succeeded")
	}
}

// linksOf describes how a store linked its articles, by content hash so
// that ids do not matter: each article's original, and each story's
// members.
func linksOf(t *testing.T, s interface {
	store.Store
	store.Linker
}) string {
	t.Helper()
	ctx := context.Background()
	articles, err := s.Articles(ctx, store.ArticleQuery{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	hash := map[int64]string{}
	for _, a := range articles {
		hash[a.ID] = a.ContentHash[:12]
	}
	var lines []string
	for _, a := range articles {
		if a.DuplicateOf != 0 {
			lines = append(lines, fmt.Sprintf("copy %s of %s", hash[a.ID], hash[a.DuplicateOf]))
		}
	}
	list, err := s.Stories(ctx, store.StoryQuery{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range list {
		// Members from the articles' story ids, not from Story: the
		// SQLite backend's Story cannot be called yet (it scans the
		// article count into the article list).
		var members []string
		for _, a := range articles {
			if a.StoryID == st.ID {
				members = append(members, hash[a.ID])
			}
		}
		sort.Strings(members)
		lines = append(lines, fmt.Sprintf("story %q (%d, %s..%s): %s", st.Title, st.Articles,
			st.First.Format("2006-01-02"), st.Last.Format("2006-01-02"), strings.Join(members, " ")))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
