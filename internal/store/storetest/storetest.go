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
		{"EventQueries", testEvents},
		{"QuoteQueries", testQuotes},
		{"EntityQueries", testEntities},
		{"Feeds", testFeeds},
		{"CompoundActors", testCompoundActors},
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

// saveDyads stores two articles: the 2018 summit (Trump USAGOV) and a 2022
// commentary by Trump out of office (USA), with events of several kinds.
func saveDyads(t *testing.T, s store.Store) (int64, int64) {
	t.Helper()
	ctx := context.Background()
	summit := news.NewDocument(news.Article{Title: "Leaders meet in Singapore", URL: "https://example.org/summit", Source: "example.org",
		Published: time.Date(2018, 6, 12, 20, 0, 0, 0, time.FixedZone("SGT", 8*3600)), Body: "Trump met Kim in Singapore. He said talks went well. Pyongyang would welcome aid.", ContentHash: "summit"})
	summit.Entities = []news.EntityMention{
		{Text: "Trump", Type: news.Person, Canonical: "Donald Trump", Actor: "USAGOV", Start: 0, End: 5, Ref: -1},
		{Text: "Kim", Type: news.Person, Canonical: "Kim Jong Un", Actor: "PRKGOV", Start: 10, End: 13, Ref: -1},
		{Text: "He", Type: news.Person, Canonical: "Donald Trump", Actor: "USAGOV", Start: 28, End: 30, Ref: 0},
	}
	summit.Quotes = []news.Quote{{Text: "talks went well", Speaker: "Donald Trump", SpeakerActor: "USAGOV", Direct: false, Cue: "say", Date: "2018-06-12", Start: 36, End: 51}}
	summit.Events = []news.Event{
		{Source: []string{"USAGOV"}, Target: []string{"PRKGOV"}, CAMEO: "042", PLOVER: "CONSULT", QuadClass: 1, Goldstein: 1.9, Date: "2018-06-12", Location: "Singapore", Evidence: "Trump met Kim in Singapore.", EvidenceEnd: 27, Confidence: 0.9, Rule: "meet"},
		{Source: []string{"PRKGOV"}, Target: []string{"USAGOV"}, CAMEO: "042", PLOVER: "CONSULT", QuadClass: 1, Goldstein: 1.9, Date: "2018-06-12", Location: "Singapore", Evidence: "Trump met Kim in Singapore.", EvidenceEnd: 27, Confidence: 0.9, Rule: "meet"},
		{Source: []string{"PRKGOV"}, Target: []string{"USAGOV"}, CAMEO: "0233", PLOVER: "REQUEST", QuadClass: 1, Goldstein: 3.4, Date: "2018-06-12", Evidence: "Pyongyang would welcome aid.", EvidenceStart: 52, EvidenceEnd: 80, Hypothetical: true, Confidence: 0.6, Rule: "welcome-aid"},
	}
	later := news.NewDocument(news.Article{Title: "Trump criticises talks", URL: "https://example.org/later", Source: "example.org",
		Published: time.Date(2022, 3, 1, 9, 0, 0, 0, time.UTC), Body: "Trump criticised North Korea.", ContentHash: "later"})
	later.Entities = []news.EntityMention{{Text: "Trump", Type: news.Person, Canonical: "Donald Trump", Actor: "USA", Start: 0, End: 5, Ref: -1},
		{Text: "Donald Trump", Type: news.Person, Canonical: "Donald Trump", Actor: "USA", Start: 0, End: 5, Ref: -1}}
	later.Quotes = []news.Quote{{Text: "a disgrace", Speaker: "Donald Trump", SpeakerActor: "USA", Direct: true, Cue: "say", Date: "2022-03-01", Start: 1, End: 2}}
	later.Events = []news.Event{{Source: []string{"USA"}, Target: []string{"PRK"}, CAMEO: "111", PLOVER: "ACCUSE", QuadClass: 3, Goldstein: -2, Date: "2022-03-01", Evidence: "Trump criticised North Korea.", EvidenceEnd: 29, Confidence: 0.8, Rule: "criticise"}}
	a, _, err := s.Save(ctx, summit)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := s.Save(ctx, later)
	if err != nil {
		t.Fatal(err)
	}
	return a, b
}

func testEvents(t *testing.T, s store.Store) {
	summit, later := saveDyads(t, s)
	ctx := context.Background()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name string
		q    store.EventQuery
		want []string // "SOURCE>TARGET cameo date"
	}{
		{"facts only, newest first", store.EventQuery{}, []string{"USA>PRK 111 2022-03-01", "USAGOV>PRKGOV 042 2018-06-12", "PRKGOV>USAGOV 042 2018-06-12"}},
		{"with hypotheticals", store.EventQuery{AllModalities: true, Source: "PRK"}, []string{"PRKGOV>USAGOV 042 2018-06-12", "PRKGOV>USAGOV 0233 2018-06-12"}},
		{"country dyad", store.EventQuery{Source: "USA", Target: "PRK"}, []string{"USA>PRK 111 2022-03-01", "USAGOV>PRKGOV 042 2018-06-12"}},
		{"actor code", store.EventQuery{Source: "USAGOV"}, []string{"USAGOV>PRKGOV 042 2018-06-12"}},
		{"plover", store.EventQuery{PLOVER: "accuse"}, []string{"USA>PRK 111 2022-03-01"}},
		{"cameo prefix", store.EventQuery{CAMEO: "04"}, []string{"USAGOV>PRKGOV 042 2018-06-12", "PRKGOV>USAGOV 042 2018-06-12"}},
		{"date range", store.EventQuery{From: day(2018, 6, 12), To: day(2018, 6, 12), Target: "USA"}, []string{"PRKGOV>USAGOV 042 2018-06-12"}},
		{"article", store.EventQuery{ArticleID: later}, []string{"USA>PRK 111 2022-03-01"}},
		{"like is escaped", store.EventQuery{Source: "US_GOV"}, nil},
	} {
		got, err := s.Events(ctx, tc.q)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var keys []string
		for _, e := range got {
			keys = append(keys, e.Source[0]+">"+e.Target[0]+" "+e.CAMEO+" "+e.Date)
		}
		if !equal(keys, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, keys, tc.want)
		}
	}
	got, _ := s.Events(ctx, store.EventQuery{ArticleID: summit, Limit: 1})
	if len(got) != 1 || got[0].ArticleID != summit || got[0].ArticleTitle != "Leaders meet in Singapore" || got[0].Evidence != "Trump met Kim in Singapore." || got[0].Location != "Singapore" {
		t.Errorf("event record = %+v; want it linked to its article and evidence", got)
	}
}

func testQuotes(t *testing.T, s store.Store) {
	saveDyads(t, s)
	ctx := context.Background()
	for _, tc := range []struct {
		q    store.QuoteQuery
		want []string
	}{
		{store.QuoteQuery{}, []string{"a disgrace", "talks went well"}},
		{store.QuoteQuery{Speaker: "trump"}, []string{"a disgrace", "talks went well"}},
		{store.QuoteQuery{Actor: "USAGOV"}, []string{"talks went well"}},
		{store.QuoteQuery{DirectOnly: true}, []string{"a disgrace"}},
		{store.QuoteQuery{To: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"talks went well"}},
		{store.QuoteQuery{Speaker: "Psaki"}, nil},
	} {
		got, err := s.Quotes(ctx, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, q := range got {
			texts = append(texts, q.Text)
		}
		if !equal(texts, tc.want) {
			t.Errorf("%+v: got %q, want %q", tc.q, texts, tc.want)
		}
	}
}

func testEntities(t *testing.T, s store.Store) {
	saveDyads(t, s)
	ctx := context.Background()
	list, err := s.Entities(ctx, store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Canonical != "Donald Trump" || list[0].Mentions != 4 || list[0].Articles != 2 {
		t.Fatalf("entities = %+v", list)
	}
	if got, _ := s.Entities(ctx, store.EntityQuery{Text: "jong"}); len(got) != 1 || got[0].Actor != "PRKGOV" {
		t.Errorf("search jong = %+v", got)
	}
	d, err := s.Entity(ctx, "Donald Trump")
	if err != nil {
		t.Fatal(err)
	}
	if !equal(d.Aliases, []string{"Trump", "Donald Trump"}) {
		t.Errorf("aliases = %q; want the written names, not the pronoun", d.Aliases)
	}
	if len(d.Roles) != 2 || d.Roles[0].Actor != "USAGOV" || d.Roles[1].Actor != "USA" || d.Roles[0].First.Year() != 2018 || d.Roles[1].First.Year() != 2022 {
		t.Errorf("roles = %+v; want USAGOV in 2018 then USA in 2022", d.Roles)
	}
	if len(d.Recent) != 2 || d.Recent[0].ArticleTitle != "Trump criticises talks" {
		t.Errorf("recent articles = %+v", d.Recent)
	}
	if _, err := s.Entity(ctx, "Nobody Known"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown entity: %v", err)
	}
}

// testCompoundActors checks that every actor of a compound side is found:
// "Japan and South Korea signed a pact" is a KOR event as much as a JPN one.
func testCompoundActors(t *testing.T, s store.Store) {
	ctx := context.Background()
	doc := news.NewDocument(news.Article{Title: "Pact signed", Body: "Japan and South Korea signed an intelligence-sharing pact.",
		Published: time.Date(2016, 11, 23, 9, 0, 0, 0, time.UTC), ContentHash: "pact"})
	doc.Events = []news.Event{{Source: []string{"JPNGOV", "KORGOV"}, Target: []string{"JPNGOV", "KORGOV"}, CAMEO: "057", PLOVER: "AGREE",
		QuadClass: 1, Goldstein: 8, Date: "2016-11-23", Evidence: doc.Article.Body, EvidenceEnd: len(doc.Article.Body), Confidence: 0.9, Rule: "sign.agreement"}}
	if _, _, err := s.Save(ctx, doc); err != nil {
		t.Fatal(err)
	}
	for _, q := range []store.EventQuery{
		{Source: "JPN", Target: "KOR"}, {Source: "KOR", Target: "JPN"}, {Source: "KORGOV"}, {Target: "JPNGOV"},
	} {
		if got, err := s.Events(ctx, q); err != nil || len(got) != 1 {
			t.Errorf("%+v: %d events, %v; want the pact", q, len(got), err)
		}
	}
	if got, _ := s.Events(ctx, store.EventQuery{Source: "PRK"}); len(got) != 0 {
		t.Errorf("source PRK matched %d events", len(got))
	}
}

func testFeeds(t *testing.T, s store.Store) {
	ctx := context.Background()
	const url = "https://news.example.org/asia.rss"
	for i, want := range []bool{true, false} {
		created, err := s.AddFeed(ctx, url)
		if err != nil || created != want {
			t.Fatalf("AddFeed #%d = %v, %v; want %v", i+1, created, err, want)
		}
	}
	polled := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	if err := s.UpdateFeed(ctx, store.Feed{URL: url, Title: "Asia desk", ETag: `"v2"`, LastModified: "Mon, 05 Jan 2026 07:55:00 GMT", LastPolled: polled}); err != nil {
		t.Fatal(err)
	}
	id, _, err := s.Save(ctx, sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	if seen, err := s.FeedItemSeen(ctx, url, "guid-1"); err != nil || seen {
		t.Fatalf("unseen item reported seen: %v %v", seen, err)
	}
	for _, key := range []string{"guid-1", "guid-1"} {
		if err := s.MarkFeedItem(ctx, url, key, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MarkFeedItem(ctx, url, "guid-blocked", 0); err != nil {
		t.Fatal(err)
	}
	if seen, _ := s.FeedItemSeen(ctx, url, "guid-1"); !seen {
		t.Error("stored item not seen")
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 1 {
		t.Fatalf("Feeds = %v, %v", feeds, err)
	}
	f := feeds[0]
	if f.Title != "Asia desk" || f.ETag != `"v2"` || !f.LastPolled.Equal(polled) || f.Items != 1 || f.Added.IsZero() {
		t.Errorf("feed = %+v; want validators, poll time and 1 stored item", f)
	}
	// A failed poll keeps the title.
	if err := s.UpdateFeed(ctx, store.Feed{URL: url, LastError: "timeout", LastPolled: polled}); err != nil {
		t.Fatal(err)
	}
	if feeds, _ := s.Feeds(ctx); feeds[0].Title != "Asia desk" || feeds[0].LastError != "timeout" {
		t.Errorf("after failed poll: %+v", feeds[0])
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
