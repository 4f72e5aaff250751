package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/web"
)

// TestCorpusDuplicatesStoriesAndTimeline ingests the example corpus and
// checks what an analyst would: rewrites collapse to one article, the 2021
// contact articles form one story, and the USA–PRK timeline shows each real
// event once, in order.
func TestCorpusDuplicatesStoriesAndTimeline(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the corpus")
	}
	db := filepath.Join(t.TempDir(), "corpus.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db, "../../examples/corpus"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err := st.Articles(ctx, store.ArticleQuery{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	byInput := map[string]int64{}
	dupOf := map[int64]int64{}
	story := map[int64]int64{}
	for _, a := range arts {
		byInput[filepath.Base(a.Input)] = a.ID
		dupOf[a.ID] = a.DuplicateOf
		story[a.ID] = a.StoryID
	}

	// The rewrites collapse to one article: one of them (whichever a worker
	// stored first) is the original, and every other copy points at it.
	rewrites := []string{"rewrite-original-refused-letter-2025.html", "rewrite-words-changed-refused-letter-2025.txt",
		"rewrite-reordered-refused-letter-2025.html", "rewrite-wire-republished-refused-letter-2025.json"}
	roots := map[int64]bool{}
	for _, name := range rewrites {
		id := byInput[name]
		if id == 0 {
			continue // stored as the same text as another rewrite: already one article
		}
		root := id
		if dupOf[id] != 0 {
			root = dupOf[id]
		}
		roots[root] = true
	}
	if len(roots) != 1 {
		t.Errorf("the refused-letter rewrites form %d articles, want 1: %v", len(roots), roots)
	}
	for root := range roots {
		if dupOf[root] != 0 {
			t.Errorf("the rewrites' original %d is itself marked a copy of %d", root, dupOf[root])
		}
	}
	if c := byInput["rewrite-control-not-duplicate-kim-yo-jong-2025.txt"]; dupOf[c] != 0 {
		t.Errorf("the control article is marked a duplicate of %d", dupOf[c])
	}
	dups := 0
	for _, d := range dupOf {
		if d != 0 {
			dups++
		}
	}
	if dups > 3 {
		t.Errorf("%d articles marked duplicates; only the rewrites are", dups)
	}

	psaki, garbled := byInput["psaki-new-york-channel-outreach-2021.json"], byInput["garbled-spun-north-korea-ignores-outreach-2021.txt"]
	if story[psaki] == 0 || story[psaki] != story[garbled] {
		t.Errorf("2021 contact articles: stories %d and %d, want one", story[psaki], story[garbled])
	}
	if story[byInput["hanoi-summit-ends-without-deal-2019.txt"]] == story[byInput["singapore-summit-joint-statement-2018.txt"]] {
		t.Error("Hanoi 2019 and Singapore 2018 in one story")
	}

	ui, err := web.New(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := ui.DyadTimeline(ctx, web.TimelineQuery{Source: "USA", Target: "PRK", By: web.ByMonth}, true)
	if err != nil {
		t.Fatal(err)
	}
	// Key moments of the relationship, each found once. The outreach of
	// 2021 ran "since mid-February", so it starts in February.
	type moment struct {
		months     []string
		root, says string
	}
	moments := []moment{
		{[]string{"2018-06"}, "04", "Singapore"},
		{[]string{"2019-08"}, "04", "letter"},
		{[]string{"2021-02", "2021-03"}, "02", "North Korea"},
		{[]string{"2025-06"}, "12", "letter"},
	}
	for _, m := range moments {
		n := 0
		for _, b := range tl.Buckets {
			in := false
			for _, month := range m.months {
				in = in || strings.HasPrefix(b.Start, month)
			}
			if !in {
				continue
			}
			for _, ev := range b.Top {
				if strings.HasPrefix(ev.CAMEO, m.root) && strings.Contains(ev.Evidence, m.says) {
					n++
				}
			}
		}
		if n != 1 {
			t.Errorf("%v: %d %sx events about %q in the USA–PRK timeline, want exactly 1", m.months, n, m.root, m.says)
		}
	}
	for i := 1; i < len(tl.Buckets); i++ {
		if tl.Buckets[i].Start <= tl.Buckets[i-1].Start {
			t.Errorf("buckets out of order: %s after %s", tl.Buckets[i].Start, tl.Buckets[i-1].Start)
		}
	}
	for _, b := range tl.Buckets {
		for _, ev := range b.Top {
			if strings.HasPrefix(ev.CAMEO, "12") && strings.Contains(ev.Evidence, "letter") && ev.NumArticles < 2 {
				t.Errorf("the refused letter is reported by several articles, counted %d", ev.NumArticles)
			}
		}
	}
}
