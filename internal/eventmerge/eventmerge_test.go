package eventmerge

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// ev builds a coded event as the event stage reports it.
func ev(src, code, tgt, date, place string) news.Event {
	e := news.Event{Source: []string{src}, CAMEO: code, Date: date, Location: place, QuadClass: 3, Goldstein: -4}
	if tgt != "" {
		e.Target = []string{tgt}
	}
	return e
}

// refused is the corpus's refused-letter story as the store would hold it:
// the Meridian original, two outlets running the wire copy (duplicates of
// it), and NK News's own report of the same refusal.
func refused() []Mention {
	e := ev("PRKGOV", "120", "USAGOV", "2025-06-11", "New York")
	headline := e
	headline.Headline = true
	return []Mention{
		{Event: e, ArticleID: 1, Index: 0, Source: "Meridian"},
		{Event: headline, ArticleID: 1, Index: 3, Source: "Meridian"},
		{Event: e, ArticleID: 2, Index: 0, Source: "Pacific Courier", DuplicateOf: 1},
		{Event: e, ArticleID: 3, Index: 1, Source: "The Capital Ledger", DuplicateOf: 1},
		{Event: e, ArticleID: 4, Index: 0, Source: "NK News"},
	}
}

func TestCountsFollowGDELT(t *testing.T) {
	got := Merger{}.Merge(refused())
	if len(got) != 1 {
		t.Fatalf("%d merged events, want 1: %+v", len(got), got)
	}
	e := got[0]
	// Five mentions (the headline one included), four publishers, and two
	// articles: the wire story, however often it was run, and NK News's.
	if e.NumMentions != 5 || e.NumSources != 4 || e.NumArticles != 2 {
		t.Errorf("mentions %d, sources %d, articles %d; want 5, 4, 2", e.NumMentions, e.NumSources, e.NumArticles)
	}
	if !reflect.DeepEqual(e.Articles, []int64{1, 4}) {
		t.Errorf("articles %v, want [1 4]", e.Articles)
	}
	if e.Date != "2025-06-11" || e.EndDate != "" || e.Location != "New York" || e.CAMEO != "120" || e.Code != "120" {
		t.Errorf("merged event: %+v", e)
	}
	if !reflect.DeepEqual(e.Source, []string{"PRKGOV"}) || !reflect.DeepEqual(e.Target, []string{"USAGOV"}) || !e.Factual() {
		t.Errorf("actors or mode: %+v", e)
	}
	if len(e.Mentions) != 5 {
		t.Errorf("mention refs %v", e.Mentions)
	}
}

// A copy whose own copy was stored (DuplicateOf pointing at the original)
// and an original with no publisher named still count once each.
func TestSourcesWithoutNames(t *testing.T) {
	e := ev("USAGOV", "036", "PRKGOV", "2025-01-23", "")
	got := Merger{}.Merge([]Mention{
		{Event: e, ArticleID: 10}, {Event: e, ArticleID: 11},
		{Event: e, ArticleID: 12, DuplicateOf: 10},
		{Event: e, ArticleID: 13, Source: "www.PacificCourier.example"},
		{Event: e, ArticleID: 14, Source: "pacificcourier.example"},
	})
	if len(got) != 1 || got[0].NumSources != 3 || got[0].NumArticles != 4 {
		t.Errorf("got %+v; want 3 sources (10's, 11's, pacificcourier) and 4 articles", got)
	}
}

func TestNonFactualStaysApart(t *testing.T) {
	met := ev("USAGOV", "040", "PRKGOV", "2018-07-07", "Pyongyang")
	notMet := met
	notMet.Negated = true
	wouldMeet := met
	wouldMeet.Hypothetical = true
	got := Merger{}.Merge([]Mention{
		{Event: met, ArticleID: 1, Source: "a"},
		{Event: notMet, ArticleID: 2, Source: "b"},
		{Event: notMet, ArticleID: 3, Source: "c"},
		{Event: wouldMeet, ArticleID: 4, Source: "d"},
	})
	if len(got) != 3 {
		t.Fatalf("%d merged events, want factual, negated, hypothetical: %+v", len(got), got)
	}
	counts := map[string]int{}
	for _, e := range got {
		counts[mode(news.Event{Negated: e.Negated, Hypothetical: e.Hypothetical})] = e.NumArticles
	}
	if want := map[string]int{"factual": 1, "negated": 2, "hypothetical": 1}; !reflect.DeepEqual(counts, want) {
		t.Errorf("articles by mode %v, want %v", counts, want)
	}
	if got[0].Key == got[1].Key || got[1].Key == got[2].Key || got[0].Key == got[2].Key {
		t.Error("modes share a key")
	}
}

func TestDateWindow(t *testing.T) {
	m := func(date string, id int64) Mention {
		return Mention{Event: ev("USAGOV", "043", "PRKGOV", date, "Singapore"), ArticleID: id, Source: "s"}
	}
	got := Merger{}.Merge([]Mention{
		m("2018-06-11", 1), // Washington's evening
		m("2018-06-12", 2), // Singapore's day
		m("2018-06-14", 3), // a later meeting
		m("2018-06", 4),    // only the month: which meeting is unknown
		m("2018-06", 5),
		m("2018-06-11/2018-06-12", 6),
		m("2018-05-25/2018-06-14", 7), // too long a range to place
		m("", 8),
	})
	type row struct {
		date, end string
		n         int
	}
	var rows []row
	for _, e := range got {
		rows = append(rows, row{e.Date, e.EndDate, e.NumArticles})
	}
	want := []row{
		{"", "", 1}, {"2018-05-25/2018-06-14", "", 1}, {"2018-06", "", 2},
		{"2018-06-11", "2018-06-12", 3}, {"2018-06-14", "", 1},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("merged by date:\n got %v\nwant %v", rows, want)
	}
	// Root-level merging with a wider window joins the 14th too.
	wide := Merger{Window: 3 * DefaultWindow}.Merge([]Mention{m("2018-06-11", 1), m("2018-06-14", 3)})
	if len(wide) != 1 || wide[0].Date != "2018-06-11" || wide[0].EndDate != "2018-06-14" {
		t.Errorf("3-day window: %+v", wide)
	}
}

func TestPlaceAndCodeLevel(t *testing.T) {
	at := func(place, code string, id int64) Mention {
		return Mention{Event: ev("USAGOV", code, "PRKGOV", "2019-02-28", place), ArticleID: id, Source: "s"}
	}
	// One summit with a place: the unplaced report joins it.
	got := Merger{}.Merge([]Mention{at("Hanoi", "046", 1), at("", "046", 2), at("hanoi ", "0461", 3)})
	if len(got) != 1 || got[0].NumArticles != 3 || got[0].Location != "Hanoi" || got[0].CAMEO != "046" {
		t.Errorf("one place: %+v", got)
	}
	// Two places the same day: the unplaced report could be either.
	got = Merger{}.Merge([]Mention{at("Hanoi", "046", 1), at("Stockholm", "046", 2), at("", "046", 3)})
	if len(got) != 3 {
		t.Errorf("two places: %d merged events, want 3", len(got))
	}
	// 120 and 125 differ at the base code and share the root 12.
	codes := []Mention{at("", "120", 1), at("", "125", 2), at("", "125", 3)}
	if got := (Merger{}).Merge(codes); len(got) != 2 {
		t.Errorf("base codes: %d merged events, want 2", len(got))
	}
	if got := (Merger{Root: true}).Merge(codes); len(got) != 1 || got[0].Code != "12" || got[0].CAMEO != "125" {
		t.Errorf("root code: %+v", got)
	}
	// Different targets or swapped roles are different events.
	swapped := Mention{Event: ev("PRKGOV", "046", "USAGOV", "2019-02-28", "Hanoi"), ArticleID: 4}
	if got := (Merger{}).Merge([]Mention{at("Hanoi", "046", 1), swapped}); len(got) != 2 {
		t.Errorf("swapped roles merged")
	}
}

func TestMultiActorOrder(t *testing.T) {
	a := news.Event{Source: []string{"USAGOV", "JPNGOV"}, Target: []string{"PRK"}, CAMEO: "111", Date: "2022-10-04"}
	b := a
	b.Source = []string{"jpngov", "USAGOV"}
	got := Merger{}.Merge([]Mention{{Event: a, ArticleID: 1}, {Event: b, ArticleID: 2}})
	if len(got) != 1 || !reflect.DeepEqual(got[0].Source, []string{"JPNGOV", "USAGOV"}) {
		t.Errorf("actor order: %+v", got)
	}
}

func TestKeysAreStableAndOrderFree(t *testing.T) {
	ms := refused()
	ms = append(ms,
		Mention{Event: ev("KORMIL", "081", "PRK", "2025-06-11", "Seoul"), ArticleID: 1, Index: 2, Source: "Meridian"},
		Mention{Event: ev("USAGOV", "036", "PRKGOV", "2025-06-11", ""), ArticleID: 1, Index: 1, Source: "Meridian"},
	)
	want := Merger{}.Merge(ms)
	if len(want) != 3 {
		t.Fatalf("%d merged events, want 3", len(want))
	}
	r := rand.New(rand.NewPCG(7, 7))
	for range 20 {
		r.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
		if got := (Merger{}).Merge(ms); !reflect.DeepEqual(got, want) {
			t.Fatalf("input order changed the result:\n got %+v\nwant %+v", got, want)
		}
	}
	// More reports of an event add to its counts but keep its key.
	more := append(refused(), Mention{Event: ev("PRKGOV", "120", "USAGOV", "2025-06-11", "New York"), ArticleID: 9, Source: "Korea Desk"})
	if k := (Merger{}).Merge(more)[0].Key; k != (Merger{}).Merge(refused())[0].Key {
		t.Error("a new report changed the merged event's key")
	}
	if (Merger{}).Merge(refused())[0].Key == (Merger{Root: true}).Merge(refused())[0].Key {
		t.Error("base and root merging share keys")
	}
	if got := (Merger{}).Merge(nil); len(got) != 0 {
		t.Errorf("no mentions: %v", got)
	}
}

func TestTimeline(t *testing.T) {
	notMet := ev("USAGOV", "040", "PRKGOV", "2018-07-07", "Pyongyang")
	notMet.Negated = true
	merged := Merger{}.Merge([]Mention{
		{Event: ev("PRK", "150", "", "2017-11-29", ""), ArticleID: 1},
		{Event: ev("USAGOV", "111", "PRK", "2017-11-29", ""), ArticleID: 1},
		{Event: ev("PRKGOV", "120", "USAGOV", "2025-06-11", "New York"), ArticleID: 2},
		{Event: ev("USAGOV", "043", "PRKGOV", "2018-06-12", "Singapore"), ArticleID: 3},
		{Event: ev("USAGOV", "043", "PRKGOV", "2018-06-11", "Singapore"), ArticleID: 4},
		{Event: notMet, ArticleID: 5},
		{Event: ev("USAGOV", "036", "PRKGOV", "", ""), ArticleID: 6},
		{Event: ev("KORGOV", "111", "PRKGOV", "2022-03-24", ""), ArticleID: 7},
	})
	var got []string
	for _, e := range Timeline(merged, "usa", "PRK") {
		got = append(got, e.Event.Date+" "+e.From+">"+e.To+" "+e.Event.CAMEO)
	}
	want := []string{"2017-11-29 USA>PRK 111", "2018-06-11 USA>PRK 043", "2025-06-11 PRK>USA 120"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("timeline:\n got %q\nwant %q", got, want)
	}
}

func TestMonthDatedMentionJoinsTheDayOfThatMonth(t *testing.T) {
	refusal := func(article int64, date, place string) Mention {
		return Mention{Event: news.Event{Source: []string{"PRKGOV"}, Target: []string{"USAGOV"}, CAMEO: "120", Date: date, Location: place},
			ArticleID: article, Source: fmt.Sprintf("outlet%d.example", article)}
	}
	got := Merger{}.Merge([]Mention{
		refusal(1, "2025-06-11", "New York"),
		refusal(2, "2025-06", ""), // "in June, North Korean diplomats refused a letter"
	})
	if len(got) != 1 || got[0].NumArticles != 2 || got[0].Date != "2025-06-11" {
		t.Errorf("merged = %+v; want one refusal on 2025-06-11 reported by 2 articles", got)
	}
	// Two refusals in the month: the month-only mention cannot say which.
	got = Merger{}.Merge([]Mention{
		refusal(1, "2025-06-11", "New York"),
		refusal(3, "2025-06-25", "New York"),
		refusal(2, "2025-06", ""),
	})
	if len(got) != 3 {
		t.Errorf("merged into %d events, want 3 (the month stays apart)", len(got))
	}
}
