package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// The streams must select and order exactly as the paged queries do: for
// each query, a stream gives the same records as one page big enough for
// all of them.
func TestStreamsAgreeWithPagedQueries(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "stream.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	codes := []string{"USAGOV", "PRKGOV", "USA", "KORMIL", "CHN"}
	for i := range 12 {
		d := news.NewDocument(news.Article{Title: fmt.Sprintf("Talks %d", i), Body: fmt.Sprintf("Summit number %d on sanctions.", i),
			ContentHash: fmt.Sprint(i)})
		if i%4 != 0 {
			d.Article.Published = time.Date(2018+i%3, time.Month(1+i), 3, 0, 0, 0, 0, time.UTC)
		}
		for k := range 3 {
			d.Events = append(d.Events, news.Event{Source: []string{codes[(i+k)%5]}, Target: []string{codes[(i+k+1)%5]},
				CAMEO: fmt.Sprintf("0%d%d", 1+k, i%3), PLOVER: []string{"CONSULT", "ACCUSE", "REJECT"}[k],
				Date: fmt.Sprintf("2019-%02d-%02d", 1+i%12, 1+k), Hypothetical: k == 2 && i%2 == 0, Evidence: "e", Rule: "r"})
		}
		d.Quotes = []news.Quote{{Text: "q", Speaker: []string{"Kim Jong Un", "Donald Trump"}[i%2], SpeakerActor: codes[i%5],
			Direct: i%3 == 0, Date: fmt.Sprintf("2019-%02d-01", 1+i%12)}}
		id, _, err := s.Save(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if i%5 == 4 {
			// A copy of an earlier article, whose records say so.
			if err := s.Link(ctx, store.Link{ArticleID: id, Signature: []byte{1}, DuplicateOf: id - 1}); err != nil {
				t.Fatal(err)
			}
		}
	}
	from, to := time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2019, 9, 2, 0, 0, 0, 0, time.UTC)
	for _, q := range []store.EventQuery{{}, {AllModalities: true}, {Source: "USA"}, {Source: "USAG", Target: "PRK"},
		{PLOVER: "accuse"}, {CAMEO: "02"}, {From: from, To: to}, {ArticleID: 3, AllModalities: true}, {Offset: 5, Limit: 7}} {
		paged := q
		if paged.Limit == 0 {
			paged.Limit = store.MaxLimit
		}
		want, err := s.Events(ctx, paged)
		if err != nil {
			t.Fatal(err)
		}
		var got []store.EventRecord
		if err := s.StreamEvents(ctx, q, func(r store.EventRecord) error { got = append(got, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: stream gave %d events, page %d (or they differ)", q, len(got), len(want))
		}
	}
	for _, q := range []store.QuoteQuery{{}, {Speaker: "kim"}, {Actor: "usa"}, {DirectOnly: true}, {From: from, To: to}, {ArticleID: 2}} {
		paged := q
		paged.Limit = store.MaxLimit
		want, _ := s.Quotes(ctx, paged)
		var got []store.QuoteRecord
		if err := s.StreamQuotes(ctx, q, func(r store.QuoteRecord) error { got = append(got, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: stream gave %d quotes, page %d (or they differ)", q, len(got), len(want))
		}
	}
	for _, q := range []store.ArticleQuery{{}, {Text: "summit sanctions"}, {From: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}, {Limit: 3, Offset: 2}} {
		paged := q
		if paged.Limit == 0 {
			paged.Limit = store.MaxLimit
		}
		want, _ := s.Articles(ctx, paged)
		var got []news.Article
		if err := s.StreamArticles(ctx, q, func(a news.Article) error { got = append(got, a); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: stream gave %d articles, page %d (or they differ)", q, len(got), len(want))
		}
	}
}
