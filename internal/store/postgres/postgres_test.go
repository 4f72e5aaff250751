package postgres

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pgtest"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

func TestConcurrentOpenMigratesOnce(t *testing.T) {
	dsn := pgtest.NewDatabase(t)
	errs := make(chan error, 6)
	for range 6 {
		go func() {
			s, err := Open(context.Background(), dsn)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 6 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var rows int
	s.pool.QueryRow(context.Background(), "SELECT count(*) FROM schema_migrations").Scan(&rows)
	if v, err := s.Version(context.Background()); err != nil || v != len(migrations) || rows != len(migrations) {
		t.Errorf("version = %d (%d rows), %v; want %d, each applied once", v, rows, err, len(migrations))
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	dsn := pgtest.NewDatabase(t)
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	s.pool.Exec(context.Background(), "INSERT INTO schema_migrations (version) VALUES ($1)", len(migrations)+1)
	s.Close()
	if _, err := Open(context.Background(), dsn); err == nil {
		t.Fatal("Open on a database from a newer newsgraph succeeded; want an error telling to upgrade")
	}
}

func doc(i int, url, hash string) *news.Document {
	d := news.NewDocument(news.Article{
		Title: fmt.Sprintf("Article %d", i), URL: url, Body: fmt.Sprintf("Body of article %d about talks.", i),
		ContentHash: hash, Language: "en", Published: time.Date(2020, 1, 1+i%28, 0, 0, 0, 0, time.UTC),
	})
	d.Events = []news.Event{{Source: []string{"USAGOV"}, Target: []string{"CHN"}, CAMEO: "040", PLOVER: "CONSULT",
		QuadClass: 1, Goldstein: 1, Date: "2020-01-01", Evidence: "talks", Confidence: 0.5, Rule: "test"}}
	return d
}

// Many goroutines, each with its own connections, save overlapping
// articles at once: by the same URL, by the same text, and both. Each
// article must be stored once with its annotations once, and every save
// must return that one id.
func TestConcurrentSavesStoreEachArticleOnce(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	const articles, savers = 40, 8
	ids := make([][]int64, savers)
	var created sync.Map
	var wg sync.WaitGroup
	errs := make(chan error, savers*articles)
	for w := range savers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ids[w] = make([]int64, articles)
			for i := range articles {
				// Even savers reach the article by its URL with a
				// tracking parameter. Odd savers reach even articles by a
				// mirror URL with the same text, and odd articles by the
				// same URL with edited text: any two saves of an article
				// share a key.
				url := fmt.Sprintf("https://example.org/a/%d?utm_source=w%d", i, w)
				hash := fmt.Sprintf("hash-%d", i)
				switch {
				case w%2 == 1 && i%2 == 0:
					url = fmt.Sprintf("https://mirror%d.example.net/a/%d", w, i)
				case w%2 == 1:
					hash = fmt.Sprintf("hash-%d-edited-by-%d", i, w)
				}
				id, isNew, err := s.Save(ctx, doc(i, url, hash))
				if err != nil {
					errs <- err
					return
				}
				ids[w][i] = id
				if isNew {
					if _, dup := created.LoadOrStore(i, w); dup {
						errs <- fmt.Errorf("article %d created twice", i)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != articles || st.Events != articles {
		t.Errorf("stats = %+v; want %d articles with one event each", st, articles)
	}
	for i := range articles {
		for w := 1; w < savers; w++ {
			if ids[w][i] != ids[0][i] {
				t.Errorf("article %d: saver %d got id %d, saver 0 got %d", i, w, ids[w][i], ids[0][i])
			}
		}
	}
}

func TestSearchWithOnlyStopWordsStillRequiresEveryWord(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	for i, body := range []string{"The Who played at the summit.", "A summit without them."} {
		d := news.NewDocument(news.Article{Title: fmt.Sprint("t", i), Body: body, ContentHash: body})
		if _, _, err := s.Save(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Articles(ctx, store.ArticleQuery{Text: "the who"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Body != "The Who played at the summit." {
		t.Errorf("search of stop words = %v; want the one article with both words", got)
	}
	// Stemming: english configuration matches word forms.
	if got, _ := s.Articles(ctx, store.ArticleQuery{Text: "summits played"}); len(got) != 1 {
		t.Errorf("stemmed search = %d articles, want 1", len(got))
	}
}

func TestEventAndQuoteQueries(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	d := news.NewDocument(news.Article{Title: "Talks", Body: "Body", ContentHash: "h1",
		Published: time.Date(2019, 2, 28, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))})
	d.Events = []news.Event{
		{Source: []string{"USAGOV"}, Target: []string{"PRKGOV"}, CAMEO: "036", PLOVER: "CONSULT", Date: "2019-02-27", Evidence: "e1", Rule: "r"},
		{Source: []string{"PRKMIL"}, Target: []string{"KOR"}, CAMEO: "190", PLOVER: "ASSAULT", Date: "2019-03-01", Evidence: "e2", Rule: "r", Hypothetical: true},
		{Source: []string{"CHN"}, Target: []string{"USA"}, CAMEO: "0311", PLOVER: "CONSULT", Date: "2019-02", Evidence: "e3", Rule: "r"},
	}
	d.Quotes = []news.Quote{
		{Text: "We want peace", Speaker: "Kim Jong Un", SpeakerActor: "PRKGOV", Direct: true, Date: "2019-02-27"},
		{Text: "they said talks went well", Speaker: "Sarah Sanders", SpeakerActor: "USAGOV", Date: "2019-02-28"},
	}
	id, _, err := s.Save(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q    store.EventQuery
		want []string
	}{
		{store.EventQuery{}, []string{"e1", "e3"}},
		{store.EventQuery{AllModalities: true}, []string{"e2", "e1", "e3"}},
		{store.EventQuery{Source: "usa"}, []string{"e1"}},
		{store.EventQuery{Source: "PRKM", AllModalities: true}, []string{"e2"}},
		{store.EventQuery{PLOVER: "consult", CAMEO: "031"}, []string{"e3"}},
		{store.EventQuery{From: time.Date(2019, 2, 27, 0, 0, 0, 0, time.UTC), To: time.Date(2019, 2, 27, 0, 0, 0, 0, time.UTC)}, []string{"e1"}},
		{store.EventQuery{ArticleID: id + 1}, nil},
	} {
		got, err := s.Events(ctx, tc.q)
		if err != nil {
			t.Fatalf("%+v: %v", tc.q, err)
		}
		var ev []string
		for _, r := range got {
			ev = append(ev, r.Evidence)
			if r.ArticleID != id || r.ArticleTitle != "Talks" {
				t.Errorf("event %s refers to %+v", r.Evidence, r.ArticleRef)
			}
			if _, off := r.ArticlePublished.Zone(); off != 7*3600 {
				t.Errorf("article published offset = %d, want the publisher's", off)
			}
		}
		if fmt.Sprint(ev) != fmt.Sprint(tc.want) {
			t.Errorf("Events(%+v) = %v, want %v", tc.q, ev, tc.want)
		}
	}
	quotes, err := s.Quotes(ctx, store.QuoteQuery{Speaker: "kim"})
	if err != nil || len(quotes) != 1 || quotes[0].Text != "We want peace" || !quotes[0].Direct {
		t.Errorf("Quotes(speaker kim) = %+v, %v", quotes, err)
	}
	quotes, err = s.Quotes(ctx, store.QuoteQuery{DirectOnly: true, Actor: "usa"})
	if err != nil || len(quotes) != 0 {
		t.Errorf("Quotes(direct, USA) = %+v, %v; want none", quotes, err)
	}
	var streamed []string
	err = s.StreamEvents(ctx, store.EventQuery{AllModalities: true, Limit: 2}, func(r store.EventRecord) error {
		streamed = append(streamed, r.Evidence)
		return nil
	})
	if err != nil || fmt.Sprint(streamed) != "[e2 e1]" {
		t.Errorf("StreamEvents(limit 2) = %v, %v", streamed, err)
	}
}

func TestEntities(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	for i, pub := range []time.Time{time.Date(2016, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2018, 5, 1, 0, 0, 0, 0, time.UTC)} {
		d := news.NewDocument(news.Article{Title: fmt.Sprint("a", i), Body: "b", ContentHash: fmt.Sprint(i), Published: pub})
		actor := []string{"USABUS", "USAGOV"}[i]
		d.Entities = []news.EntityMention{
			{Text: "Mike Pompeo", Type: news.Person, Canonical: "Mike Pompeo", Actor: actor, Ref: -1},
			{Text: "he", Type: news.Person, Canonical: "Mike Pompeo", Actor: actor, Ref: 0},
			{Text: "Pyongyang", Type: news.Location, Canonical: "Pyongyang", Country: "PRK", Ref: -1},
		}
		if _, _, err := s.Save(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Entities(ctx, store.EntityQuery{Text: "pomp"})
	if err != nil || len(list) != 1 || list[0].Mentions != 4 || list[0].Articles != 2 {
		t.Fatalf("Entities(pomp) = %+v, %v", list, err)
	}
	e, err := s.Entity(ctx, "Mike Pompeo")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(e.Aliases) != "[Mike Pompeo]" || len(e.Roles) != 2 || e.Roles[0].Actor != "USABUS" || len(e.Recent) != 2 || e.Recent[0].ArticleTitle != "a1" {
		t.Errorf("Entity = %+v", e)
	}
	if _, err := s.Entity(ctx, "Nobody"); err == nil {
		t.Error("Entity(unknown) succeeded")
	}
}
