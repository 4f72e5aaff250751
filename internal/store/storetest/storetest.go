// Package storetest is the behaviour every store.Store must have, as a test
// suite that each backend runs unchanged against its own database.
package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// Opener returns a new, empty store for one test.
type Opener func(t *testing.T) store.Store

// Run runs the suite against the stores open returns.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"SaveAndLoadDocument", testSaveAndLoad},
		{"SaveIsIdempotent", testIdempotent},
		{"FullTextAndDateRange", testQuery},
		{"Failures", testFailures},
		{"NotFound", testNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

var seoul = time.FixedZone("KST", 9*3600)

func sampleDoc() *news.Document {
	body := "North Korea's delegation at the United Nations refused to accept a letter from President Donald Trump, NK News reported on Wednesday."
	doc := news.NewDocument(news.Article{
		Title:              "North Korean diplomats turn away Trump letter",
		URL:                "https://example.org/world/nk-letter?utm_source=feed",
		Source:             "example.org",
		Published:          time.Date(2025, 6, 11, 18, 5, 0, 0, seoul),
		PublishedPrecision: "second",
		Language:           "en",
		Body:               body,
		Removed:            []string{"Back to top button"},
		Quality:            news.Quality{Score: 1, Flags: []string{}},
		ContentHash:        "hash-letter",
		Input:              "corpus/letter.html",
		Format:             "html",
	})
	doc.Entities = []news.EntityMention{{Text: "Donald Trump", Type: news.Person, Canonical: "Donald Trump", Actor: "USAGOV", Start: 77, End: 89, Ref: -1}}
	doc.Dates = []news.DateMention{{Text: "on Wednesday", Value: "2025-06-11", Precision: news.PrecisionDay, Start: 111, End: 123}}
	doc.Quotes = []news.Quote{{Text: "We will not take it", Speaker: "Kim Song", SpeakerActor: "PRKGOV", Direct: true, Start: 1, End: 10}}
	doc.Events = []news.Event{{Source: []string{"PRKGOV"}, Target: []string{"USAGOV"}, CAMEO: "125", PLOVER: "REJECT", QuadClass: 3,
		Goldstein: -5, Date: "2025-06-11", Evidence: body, EvidenceStart: 0, EvidenceEnd: len(body), Confidence: 0.9, Rule: "reject.accept-letter"}}
	return doc
}

func testSaveAndLoad(t *testing.T, s store.Store) {
	ctx := context.Background()
	doc := sampleDoc()
	id, created, err := s.Save(ctx, doc)
	if err != nil || !created || id == 0 {
		t.Fatalf("Save = %d, %v, %v; want a new id", id, created, err)
	}
	got, err := s.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	a := got.Article
	if a.Title != doc.Article.Title || a.Body != doc.Article.Body || a.Source != "example.org" {
		t.Errorf("article = %+v", a)
	}
	if !a.Published.Equal(doc.Article.Published) {
		t.Errorf("published = %v, want %v", a.Published, doc.Article.Published)
	}
	if _, off := a.Published.Zone(); off != 9*3600 {
		t.Errorf("published zone offset = %d, want the publisher's +09:00 kept", off)
	}
	if len(a.Removed) != 1 || a.Removed[0] != "Back to top button" {
		t.Errorf("removed = %q", a.Removed)
	}
	if len(got.Entities) != 1 || got.Entities[0].Actor != "USAGOV" {
		t.Errorf("entities = %+v", got.Entities)
	}
	if len(got.Dates) != 1 || got.Dates[0].Value != "2025-06-11" {
		t.Errorf("dates = %+v", got.Dates)
	}
	if len(got.Quotes) != 1 || got.Quotes[0].Speaker != "Kim Song" || !got.Quotes[0].Direct {
		t.Errorf("quotes = %+v", got.Quotes)
	}
	if len(got.Events) != 1 || got.Events[0].CAMEO != "125" || got.Events[0].Source[0] != "PRKGOV" || got.Events[0].Target[0] != "USAGOV" {
		t.Errorf("events = %+v", got.Events)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Entities != 1 || st.Events != 1 || st.Quotes != 1 || st.Dates != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	first, _, err := s.Save(ctx, sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	// The same text under another URL, and the same URL (up to tracking
	// parameters) with other text, are both the article already stored.
	sameText := sampleDoc()
	sameText.Article.URL = "https://mirror.example.net/nk-letter"
	sameURL := sampleDoc()
	sameURL.Article.URL = "https://www.example.org/world/nk-letter/"
	sameURL.Article.ContentHash = "hash-updated"
	for _, doc := range []*news.Document{sampleDoc(), sameText, sameURL} {
		id, created, err := s.Save(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		if created || id != first {
			t.Errorf("Save(%s) = %d, created=%v; want existing %d", doc.Article.URL, id, created, first)
		}
	}
	if id, ok, err := s.Known(ctx, "https://example.org/world/nk-letter#comments"); err != nil || !ok || id != first {
		t.Errorf("Known = %d, %v, %v; want %d", id, ok, err, first)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 1 || st.Events != 1 {
		t.Errorf("after saving the same article 4 times: %+v", st)
	}
}

func testQuery(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := []struct {
		title, body string
		published   time.Time
	}{
		{"Singapore summit opens", "Trump and Kim met in Singapore for their first summit.", time.Date(2018, 6, 12, 10, 0, 0, 0, time.UTC)},
		{"Hanoi talks collapse", "The Hanoi summit ended early without an agreement on sanctions.", time.Date(2019, 2, 28, 9, 0, 0, 0, time.UTC)},
		{"Grain deal extended", "Ukraine and Russia agreed to extend the grain corridor.", time.Date(2022, 11, 17, 9, 0, 0, 0, time.UTC)},
	}
	for i, d := range docs {
		doc := news.NewDocument(news.Article{Title: d.title, Body: d.body, Published: d.published, ContentHash: d.title, Language: "en"})
		if _, _, err := s.Save(ctx, doc); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
	}
	all, err := s.Articles(ctx, store.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].Title != "Grain deal extended" || all[2].Title != "Singapore summit opens" {
		t.Errorf("newest first: got %v", titles(all))
	}
	for _, tc := range []struct {
		q    store.ArticleQuery
		want []string
	}{
		{store.ArticleQuery{Text: "summit"}, []string{"Hanoi talks collapse", "Singapore summit opens"}},
		{store.ArticleQuery{Text: "summit sanctions"}, []string{"Hanoi talks collapse"}},
		{store.ArticleQuery{Text: `"summit*) (^`}, []string{"Hanoi talks collapse", "Singapore summit opens"}},
		{store.ArticleQuery{From: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"Grain deal extended", "Hanoi talks collapse"}},
		{store.ArticleQuery{Text: "summit", To: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"Singapore summit opens"}},
		{store.ArticleQuery{Limit: 1, Offset: 1}, []string{"Hanoi talks collapse"}},
	} {
		got, err := s.Articles(ctx, tc.q)
		if err != nil {
			t.Errorf("%+v: %v", tc.q, err)
			continue
		}
		if g := titles(got); !equal(g, tc.want) {
			t.Errorf("%+v: got %q, want %q", tc.q, g, tc.want)
		}
	}
}

func testFailures(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, f := range []store.Failure{
		{Input: "corpus/empty.txt", Stage: store.StageRead, Reason: "empty document"},
		{Input: "stdin:3", Stage: store.StageRead, Reason: "invalid JSON", Sample: []byte(`{"url":`)},
		{Input: "corpus/empty.txt", Stage: store.StageRead, Reason: "empty document"},
	} {
		if err := s.RecordFailure(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Failures(ctx, store.FailureQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("failures = %+v; want the repeated one recorded once", got)
	}
	byInput := map[string]store.Failure{}
	for _, f := range got {
		byInput[f.Input] = f
	}
	if f := byInput["corpus/empty.txt"]; f.Attempts != 2 || f.Reason != "empty document" {
		t.Errorf("repeated failure = %+v; want 2 attempts", f)
	}
	if f := byInput["stdin:3"]; string(f.Sample) != `{"url":` {
		t.Errorf("stdin failure sample = %q; the bad line must be kept", f.Sample)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	if _, err := s.Document(context.Background(), 424242); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(missing) error = %v; want ErrNotFound", err)
	}
}

func titles(as []news.Article) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.Title)
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
