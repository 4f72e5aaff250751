package stories

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Fixture articles written for these tests.
var (
	launch = news.Article{ID: 1, Title: "North Korea Fires Missile Over Japan", Published: day("2022-10-04"),
		Body: "North Korea fired a ballistic missile over Japan on Tuesday, prompting Tokyo to tell residents of Hokkaido to take shelter. " +
			"The missile flew about 4,600 kilometers before falling into the Pacific. Prime Minister Fumio Kishida called the launch reckless."}
	reaction = news.Article{ID: 2, Title: "Japan and U.S. Condemn Missile Launch Over Hokkaido", Published: day("2022-10-05"),
		Body: "Japan and the United States condemned North Korea's launch of a ballistic missile over Hokkaido. " +
			"Fumio Kishida said the missile, which flew 4,600 kilometers, was a threat to residents, and Tokyo would respond."}
	tariffs = news.Article{ID: 3, Title: "China Raises Tariffs on U.S. Goods", Published: day("2022-10-05"),
		Body: "China said it would raise tariffs on $60 billion of American goods from June, retaliating against Washington's duties on Chinese exports. " +
			"Soybean farmers and exporters braced for losses as the trade war widened."}
)

func TestFeaturesWeighNamesAndHeadline(t *testing.T) {
	var cl Clusterer
	ents := []news.EntityMention{
		{Text: "North Korea", Canonical: "North Korea"},
		{Text: "Fumio Kishida", Canonical: "Fumio Kishida"},
		{Text: "Kishida", Canonical: "Fumio Kishida"},
	}
	f := cl.Features(launch, ents)
	if f.ArticleID != 1 || f.Title != launch.Title || !f.Published.Equal(launch.Published) {
		t.Errorf("metadata: %+v", f)
	}
	// Two mentions of Kishida: 3 × (1 + ln 2).
	if w := f.Terms.Weight("@fumio kishida"); w < 5.07 || w > 5.08 {
		t.Errorf("@fumio kishida = %.3f, want 3(1+ln 2) = 5.079", w)
	}
	// "missile" is in the headline and twice in the body: 1 + ln 2 + 2.
	if w := f.Terms.Weight("missile"); w < 3.69 || w > 3.70 {
		t.Errorf("missile = %.3f, want 1+ln2+2 = 3.693", w)
	}
	for _, gone := range []string{"the", "said", "tuesday", "4", "600", "@tokyo"} {
		if f.Terms.Weight(gone) != 0 {
			t.Errorf("term %q kept", gone)
		}
	}
	if f.Terms.Weight("kilometer") == 0 {
		t.Errorf("plural not folded: %v", f.Terms)
	}
}

func TestFeaturesFallBackToCapitalisedRuns(t *testing.T) {
	var cl Clusterer
	a := news.Article{Body: `Asked about the report, press secretary Karoline Leavitt said the president remained open. "Kim Jong-un should call," she said. Pyongyang has not responded. The letter reached Pyongyang's mission in New York, Kim Jong Un's aides said.`}
	f := cl.Features(a, nil)
	for _, want := range []string{"@karoline leavitt", "@kim jong un", "@new york", "@pyongyang"} {
		if f.Terms.Weight(want) == 0 {
			t.Errorf("missing %s", want)
		}
	}
	if w := f.Terms.Weight("@kim jong un"); w < 5.07 {
		t.Errorf("the two spellings of Kim Jong Un are not one name: %.3f", w)
	}
	for _, term := range f.Terms {
		if term.Term == "@asked" || term.Term == "@the" {
			t.Errorf("sentence-initial word taken for a name: %s", term.Term)
		}
	}
}

func TestAssignJoinsSimilarAndStartsNew(t *testing.T) {
	var cl Clusterer
	first := cl.Assign(cl.Features(launch, nil), nil)
	if first.Join != 0 || first.Story.Articles != 1 || first.Story.Title != launch.Title {
		t.Fatalf("first article: %+v", first)
	}
	story := first.Story
	story.ID = 7

	d := cl.Assign(cl.Features(reaction, nil), []StoryState{story})
	if d.Join != 7 || d.Story.ID != 7 || d.Story.Articles != 2 {
		t.Fatalf("reaction: join %d (similarity %.3f), want 7", d.Join, d.Similarity)
	}
	if !d.Story.First.Equal(launch.Published) || !d.Story.Last.Equal(reaction.Published) || d.Story.Title != launch.Title {
		t.Errorf("joined story: %q %v..%v", d.Story.Title, d.Story.First, d.Story.Last)
	}
	if d := cl.Assign(cl.Features(tariffs, nil), []StoryState{story}); d.Join != 0 {
		t.Errorf("tariffs joined the missile story (similarity %.3f)", d.Similarity)
	}

	// An earlier article that arrives late gives the story its title and
	// first date.
	early := reaction
	early.Title, early.Published = "Missile Alert in Hokkaido", day("2022-10-03")
	d = cl.Assign(cl.Features(early, nil), []StoryState{story})
	if d.Join != 7 || d.Story.Title != early.Title || !d.Story.First.Equal(early.Published) || !d.Story.Last.Equal(launch.Published) {
		t.Errorf("late earlier article: %+v", d)
	}
}

func TestAssignIsPureAndIgnoresOrder(t *testing.T) {
	var cl Clusterer
	r := rand.New(rand.NewPCG(1, 1))
	var cands []StoryState
	for i, a := range []news.Article{launch, tariffs, reaction, launch, tariffs} {
		s := cl.Assign(cl.Features(a, nil), nil).Story
		s.ID = int64(10 - i)
		cands = append(cands, s)
	}
	f := cl.Features(launch, nil)
	before := fmt.Sprint(cands)
	want := cl.Assign(f, cands)
	if fmt.Sprint(cands) != before {
		t.Fatal("Assign changed its candidates")
	}
	// Two candidates are equally similar (the same article): the lower id
	// wins whatever the order.
	for range 20 {
		r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		if got := cl.Assign(f, cands); !reflect.DeepEqual(got, want) {
			t.Fatalf("order changed the decision: %d, want %d", got.Join, want.Join)
		}
	}
	if want.Join != 7 {
		t.Errorf("joined %d, want 7 (stories 10 and 7 are the same article: the lower id)", want.Join)
	}
}

func TestWindow(t *testing.T) {
	cl := Clusterer{Window: 3 * 24 * time.Hour, MaxSpan: 10 * 24 * time.Hour}
	s := StoryState{First: day("2022-10-04"), Last: day("2022-10-06")}
	for _, tc := range []struct {
		at   string
		want bool
	}{
		{"2022-10-01", true}, {"2022-09-30", false},
		{"2022-10-09", true}, {"2022-10-10", false},
		{"2022-10-05", true},
	} {
		if got := cl.InWindow(s, day(tc.at)); got != tc.want {
			t.Errorf("InWindow(%s) = %v", tc.at, got)
		}
	}
	long := StoryState{First: day("2022-10-01"), Last: day("2022-10-10")}
	if cl.InWindow(long, day("2022-10-12")) {
		t.Error("story may grow past MaxSpan")
	}
	if cl.InWindow(s, time.Time{}) || cl.InWindow(StoryState{}, day("2022-10-05")) {
		t.Error("undated article or story in window")
	}
	from, to := cl.ActiveRange(day("2022-10-05"))
	if !from.Equal(day("2022-10-02")) || !to.Equal(day("2022-10-08")) {
		t.Errorf("ActiveRange = %v, %v", from, to)
	}
	// An article outside every window starts a new story even if it is
	// the same text.
	var dflt Clusterer
	st := dflt.Assign(dflt.Features(launch, nil), nil).Story
	st.ID = 1
	later := launch
	later.Published = launch.Published.Add(DefaultWindow + time.Hour)
	if d := dflt.Assign(dflt.Features(later, nil), []StoryState{st}); d.Join != 0 {
		t.Error("joined a story outside the window")
	}
}

func TestCentroidStaysBounded(t *testing.T) {
	var cl Clusterer
	var s StoryState
	r := rand.New(rand.NewPCG(2, 2))
	for i := range 50 {
		var b strings.Builder
		for range 300 {
			fmt.Fprintf(&b, "word%d ", r.IntN(5000))
		}
		a := news.Article{ID: int64(i), Title: "Missile launch", Published: day("2022-10-04"), Body: "missile launch " + b.String()}
		s = cl.add(s, cl.Features(a, nil))
		if len(s.Centroid) > MaxTerms {
			t.Fatalf("after %d articles the centroid has %d terms", i+1, len(s.Centroid))
		}
	}
	// The terms every article shares survive the pruning.
	if s.Centroid.Weight("missile") < 50 || s.Articles != 50 {
		t.Errorf("missile = %.1f after %d articles", s.Centroid.Weight("missile"), s.Articles)
	}
}

func TestVocabIDF(t *testing.T) {
	var v Vocab
	cl := Clusterer{DF: &v}
	for _, a := range []news.Article{launch, reaction, tariffs} {
		v.Add(cl.Features(a, nil))
	}
	if v.Docs() != 3 || v.DocFreq("missile") != 2 || v.DocFreq("tariff") != 1 {
		t.Errorf("vocab: %d docs, missile %d, tariff %d", v.Docs(), v.DocFreq("missile"), v.DocFreq("tariff"))
	}
	if cl.idf("tariff") <= cl.idf("missile") || cl.idf("unseen") <= cl.idf("tariff") {
		t.Error("rarer terms do not weigh more")
	}
}
