package web_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/cli"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/web"
)

// BenchmarkPages times every page, server side, on examples/corpus as
// `newsgraph ingest` stores it: the same command and pipeline as the
// binary, so the numbers follow whatever annotators the pipeline has.
//
//	go test ./internal/web -run '^$' -bench Pages -benchtime 50x
//
// NEWSGRAPH_BENCH_DB=path times the pages on that database instead.
func BenchmarkPages(b *testing.B) {
	db := os.Getenv("NEWSGRAPH_BENCH_DB")
	if db == "" {
		db = filepath.Join(b.TempDir(), "bench.db")
		corpus, _ := filepath.Abs(filepath.Join("..", "..", "examples", "corpus"))
		if code := cli.Main([]string{"--db", db, "ingest", corpus}, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
			b.Fatalf("newsgraph ingest %s: exit status %d", corpus, code)
		}
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	benchPages(b, st)
}

// BenchmarkPagesLarge times the pages on a synthetic database far larger
// than the corpus (2,000 articles, 10,000 events over eight years), where
// the timeline and the dyad counts computed from store.Events cost most.
func BenchmarkPagesLarge(b *testing.B) {
	st := syntheticStore(b, 2000, 5)
	defer st.Close()
	benchPages(b, st)
}

func benchPages(b *testing.B, st store.Store) {
	ctx := context.Background()
	ui, err := web.New(st, nil)
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	ui.Register(mux)

	// The article with the most annotations, and the most mentioned entity.
	article := int64(1)
	if evs, _ := st.Events(ctx, store.EventQuery{Limit: 1}); len(evs) > 0 {
		article = evs[0].ArticleID
	}
	entity := ""
	if es, _ := st.Entities(ctx, store.EntityQuery{Limit: 1}); len(es) > 0 {
		entity = es[0].Canonical
	}
	pages := []struct{ name, path string }{
		{"home", "/"},
		{"search", "/?q=summit"},
		{"article", fmt.Sprintf("/articles/%d", article)},
		{"dyad-month", "/dyads/USA/PRK"},
		{"dyad-week", "/dyads/USA/PRK?by=week"},
		{"dyad-day", "/dyads/USA/PRK?by=day"},
		{"dyads", "/dyads"},
		{"entity", "/entities/" + url.PathEscape(entity)},
		{"events", "/events"},
		{"events-filtered", "/events?source=USA&target=PRK&all=true"},
		{"quotes", "/quotes"},
		{"failures", "/failures"},
		{"events.csv", "/events.csv"},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			if p.name == "entity" && entity == "" {
				b.Skip("no entity stored: the pipeline has no entity tagger")
			}
			for b.Loop() {
				rec := httptest.NewRecorder()
				mux.ServeHTTP(rec, httptest.NewRequest("GET", p.path, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: status %d", p.path, rec.Code)
				}
			}
		})
	}
}

// syntheticStore stores articles with events between a few countries,
// spread over 2017-2024.
func syntheticStore(b *testing.B, articles, eventsEach int) store.Store {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "large.db"))
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	countries := []string{"USA", "PRK", "KOR", "CHN", "JPN", "RUS"}
	codes := []struct {
		cameo string
		quad  int
		g     float64
	}{{"040", 1, 1}, {"057", 2, 8}, {"112", 3, -2}, {"190", 4, -10}, {"036", 1, 4}}
	start := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range articles {
		pub := start.AddDate(0, 0, rng.IntN(8*365))
		sentence := "The summit talks between the two governments went on for a third day."
		body := strings.Repeat(sentence+" ", 30)
		doc := news.NewDocument(news.Article{Title: fmt.Sprintf("Synthetic article %d", i), Published: pub, Language: "en",
			Body: body, ContentHash: fmt.Sprintf("synthetic-%d", i), Source: "Synthetic Wire"})
		doc.Entities = []news.EntityMention{{Text: "Donald Trump", Type: news.Person, Canonical: "Donald Trump", Actor: "USAGOV", Start: 0, End: 3, Ref: -1}}
		for j := range eventsEach {
			src, tgt := countries[rng.IntN(2)], countries[rng.IntN(len(countries))]
			if src == tgt {
				tgt = "PRK"
				if src == "PRK" {
					tgt = "USA"
				}
			}
			c := codes[rng.IntN(len(codes))]
			off := j * (len(sentence) + 1)
			doc.Events = append(doc.Events, news.Event{Source: []string{src + "GOV"}, Target: []string{tgt}, CAMEO: c.cameo,
				QuadClass: c.quad, Goldstein: c.g, Date: pub.Format("2006-01-02"), Evidence: sentence,
				EvidenceStart: off, EvidenceEnd: off + len(sentence), Confidence: 0.8, Rule: "synthetic"})
		}
		if _, _, err := st.Save(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	return st
}
