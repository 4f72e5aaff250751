package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// hostile is text written to break out of every HTML context it may land
// in; no page may ever contain it unescaped.
const hostile = `"'><script>alert(1)</script><img src=x onerror=alert(2)>`

func day0(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixture stores a small, fully annotated corpus: a USA→PRK relationship
// over two months, a reply the other way, a non-factual event, and an
// article whose every field is hostile.
func fixture(t testing.TB) (store.Store, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ids := map[string]int64{}
	save := func(key string, doc *news.Document) {
		doc.Article.ContentHash = key
		id, _, err := st.Save(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		ids[key] = id
	}

	body := "PYONGYANG — Mike Pompeo met Kim Yong Chol on Friday for talks on the summit.\n\n" +
		"\"We made progress,\" Pompeo said. He did not meet Kim Jong Un."
	i := func(s string) int { return strings.Index(body, s) }
	doc := news.NewDocument(news.Article{Title: "Pompeo holds summit talks in Pyongyang", URL: "https://example.test/pompeo",
		Source: "Meridian", Published: day0("2018-07-06"), PublishedPrecision: "day", Language: "en", Body: body,
		Removed: []string{"Share this article", "Subscribe to our newsletter"}, RelatedHeadlines: []string{"Trump praises Kim"},
		Quality: news.Quality{Score: 0.6, Flags: []string{news.FlagShort}, Reasons: []string{"only 30 words"}}})
	doc.Entities = []news.EntityMention{
		{Text: "PYONGYANG", Type: news.Location, Canonical: "Pyongyang", Actor: "PRK", Country: "PRK", Start: 0, End: 9, Ref: -1},
		{Text: "Mike Pompeo", Type: news.Person, Canonical: "Mike Pompeo", Actor: "USAGOV", Start: i("Mike"), End: i("Mike") + 11, Ref: -1},
		{Text: "Kim Yong Chol", Type: news.Person, Canonical: "Kim Yong Chol", Actor: "PRKGOV", Start: i("Kim Yong"), End: i("Kim Yong") + 13, Ref: -1},
		{Text: "Pompeo", Type: news.Person, Canonical: "Mike Pompeo", Actor: "USAGOV", Start: i("Pompeo said"), End: i("Pompeo said") + 6, Ref: -1},
		{Text: "He", Type: news.Person, Canonical: "Mike Pompeo", Actor: "USAGOV", Start: i("He did"), End: i("He did") + 2, Ref: 1},
	}
	doc.Dates = []news.DateMention{{Text: "on Friday", Value: "2018-07-06", Precision: "day", Start: i("on Friday"), End: i("on Friday") + 9}}
	doc.Quotes = []news.Quote{{Text: `"We made progress,"`, Speaker: "Mike Pompeo", SpeakerActor: "USAGOV", Direct: true,
		Start: i(`"We`), End: i(`progress,"`) + 10, Cue: "said", Date: "2018-07-06"}}
	first := body[:i("\n\n")]
	doc.Events = []news.Event{
		{Source: []string{"USAGOV"}, Target: []string{"PRKGOV"}, CAMEO: "040", PLOVER: "CONSULT", QuadClass: 1, Goldstein: 1,
			Date: "2018-07-06", Location: "Pyongyang", SourceText: "Mike Pompeo", TargetText: "Kim Yong Chol", Evidence: first,
			EvidenceStart: 0, EvidenceEnd: len(first), Confidence: 0.9, Rule: "consult.meet"},
		{Source: []string{"USAGOV"}, Target: []string{"PRKGOV"}, CAMEO: "040", PLOVER: "CONSULT", QuadClass: 1, Goldstein: 1,
			Date: "2018-07-06", SourceText: "He", TargetText: "Kim Jong Un", Evidence: "He did not meet Kim Jong Un.",
			EvidenceStart: i("He did"), EvidenceEnd: len(body), Negated: true, Confidence: 0.7, Rule: "consult.meet"},
		{Source: []string{"USAGOV"}, Target: []string{"PRK"}, CAMEO: "036", PLOVER: "CONSULT", QuadClass: 1, Goldstein: 4,
			Date: "2018-07-06", Evidence: "Pompeo holds summit talks", EvidenceStart: 0, EvidenceEnd: 25, Headline: true,
			Confidence: 0.8, Rule: "intent.meet"},
	}
	save("pompeo", doc)

	strike := "Seoul, Aug 3 — The United States seized a North Korean ship."
	doc = news.NewDocument(news.Article{Title: "U.S. seizes ship", Source: "Harbor Post", Published: day0("2018-09-03"), Language: "en", Body: strike})
	doc.Events = []news.Event{{Source: []string{"USA"}, Target: []string{"PRK"}, CAMEO: "1711", PLOVER: "SEIZE", QuadClass: 4, Goldstein: -9.2,
		Date: "2018-09-02", Evidence: strike, EvidenceStart: 0, EvidenceEnd: len(strike), Confidence: 0.8, Rule: "seize"}}
	save("seize", doc)

	reply := "North Korea accused the United States of gangster-like demands."
	doc = news.NewDocument(news.Article{Title: "North Korea accuses U.S.", Published: day0("2018-07-07"), Language: "en", Body: reply})
	doc.Events = []news.Event{{Source: []string{"PRK"}, Target: []string{"USA"}, CAMEO: "112", PLOVER: "ACCUSE", QuadClass: 3, Goldstein: -2,
		Date: "2018-07-07", Evidence: reply, EvidenceStart: 0, EvidenceEnd: len(reply), Confidence: 0.8, Rule: "accuse"}}
	save("reply", doc)

	evil := "Evil " + hostile + " said " + hostile
	doc = news.NewDocument(news.Article{Title: hostile, URL: "javascript:alert(3)", Source: hostile, Author: hostile,
		Published: day0("2001-01-01"), Language: `en" onload="x`, Body: evil, Removed: []string{hostile}, RelatedHeadlines: []string{hostile},
		Quality: news.Quality{Flags: []string{hostile}, Reasons: []string{hostile}}})
	doc.Entities = []news.EntityMention{{Text: "Evil", Type: hostile, Canonical: hostile, Actor: hostile, Start: 0, End: 4, Ref: -1}}
	doc.Quotes = []news.Quote{{Text: hostile, Speaker: hostile, SpeakerActor: hostile, Start: 5, End: 5 + len(hostile), Cue: hostile}}
	doc.Dates = []news.DateMention{{Text: hostile, Value: hostile, Precision: "day", Start: 0, End: 4}}
	doc.Events = []news.Event{{Source: []string{"GBR" + hostile}, Target: []string{"FRA"}, CAMEO: hostile, PLOVER: hostile, Mode: hostile,
		QuadClass: 2, Date: hostile, Location: hostile, Evidence: hostile, EvidenceStart: 0, EvidenceEnd: len(evil), Rule: hostile, Confidence: 1}}
	save("hostile", doc)

	if err := st.RecordFailure(ctx, store.Failure{Input: "bad/" + hostile + ".html", Stage: store.StageExtract,
		Reason: "no text: " + hostile, Sample: []byte("\xff\xfe<script>binary")}); err != nil {
		t.Fatal(err)
	}
	return st, ids
}

func newServer(t testing.TB, st store.Store, configure func(*UI)) *httptest.Server {
	t.Helper()
	ui, err := New(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if configure != nil {
		configure(ui)
	}
	mux := http.NewServeMux()
	ui.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, srv *httptest.Server, path string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// checkPage asserts what every HTML page owes its readers: no script from
// input, a policy that forbids script, one h1, headings that do not skip a
// level, the landmarks, a label for every field, alt text on images, and
// ids that are unique.
func checkPage(t *testing.T, path string, h http.Header, body string) {
	t.Helper()
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("%s: Content-Security-Policy %q", path, csp)
	}
	if !strings.HasPrefix(h.Get("Server-Timing"), "app;dur=") {
		t.Errorf("%s: no Server-Timing header", path)
	}
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var h1 int
	var levels []int
	landmarks := map[string]bool{}
	ids := map[string]bool{}
	labelled := map[string]bool{}
	var fields []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: event handler attribute %s=%q on <%s>", path, a.Key, a.Val, n.Data)
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("%s: %s=%q", path, a.Key, a.Val)
				}
			}
			switch n.Data {
			case "script", "iframe", "object", "embed":
				t.Errorf("%s: <%s> in the page", path, n.Data)
			case "h1", "h2", "h3", "h4", "h5", "h6":
				levels = append(levels, int(n.Data[1]-'0'))
				if n.Data == "h1" {
					h1++
				}
			case "header", "nav", "main", "footer":
				landmarks[n.Data] = true
			case "img":
				if _, ok := attrs["alt"]; !ok {
					t.Errorf("%s: <img> without alt", path)
				}
			case "label":
				labelled[attrs["for"]] = true
			case "input", "select", "textarea":
				if attrs["type"] != "hidden" && attrs["type"] != "submit" {
					fields = append(fields, attrs["id"])
				}
			}
			if id, ok := attrs["id"]; ok {
				if ids[id] {
					t.Errorf("%s: duplicate id %q", path, id)
				}
				ids[id] = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if h1 != 1 {
		t.Errorf("%s: %d h1 elements, want 1", path, h1)
	}
	for i := 1; i < len(levels); i++ {
		if levels[i] > levels[i-1]+1 {
			t.Errorf("%s: heading h%d follows h%d", path, levels[i], levels[i-1])
		}
	}
	for _, l := range []string{"header", "nav", "main", "footer"} {
		if !landmarks[l] {
			t.Errorf("%s: no <%s>", path, l)
		}
	}
	for _, f := range fields {
		if f == "" || !labelled[f] {
			t.Errorf("%s: form field %q has no label", path, f)
		}
	}
	if !strings.Contains(body, `<html lang="en">`) {
		t.Errorf("%s: no document language", path)
	}
}

func TestPages(t *testing.T) {
	st, ids := fixture(t)
	srv := newServer(t, st, nil)
	pompeo := fmt.Sprintf("/articles/%d", ids["pompeo"])
	for _, tc := range []struct {
		path    string
		status  int
		want    []string
		wantNot []string
	}{
		{"/", 200, []string{"Latest headlines", "Pompeo holds summit talks in Pyongyang", "Most active dyads",
			`href="/dyads/USA/PRK"`, "United States", "North Korea", "3 events", "over all time", "Verbal cooperation"},
			[]string{"Latest stories"}},
		{"/?q=summit", 200, []string{"Articles matching “summit”", "Pompeo holds summit", `<mark class="hit">summit</mark>`}, []string{"U.S. seizes ship"}},
		{"/?q=zzzz", 200, []string{"No article matches"}, nil},
		{pompeo, 200, []string{
			// The headline event is drawn in the title.
			`<h1><mark class="ev q1" id="event-2"`,
			// The evidence of the first event, with a name linked inside it.
			`<mark class="ev q1" id="event-0"`, `<a class="ent ent-person" href="/entities/Mike%20Pompeo"`,
			// The negated event is apart, labelled, and drawn dashed.
			`Not factual`, `<span class="tag">negated</span>`, `class="ev q1 nonfactual" id="event-1"`,
			`id="quote-0"`, `<time class="dt" datetime="2018-07-06"`, `class="ent ent-person coref"`,
			"040</span> Consult", "PLOVER CONSULT", "consult.meet", "0.90", "Pyongyang",
			`href="/dyads/USA/PRK"`, "Removed as boilerplate (2)", "Subscribe to our newsletter",
			"Trump praises Kim", "Read with care", "only 30 words", `<a href="/entities/Mike%20Pompeo">Mike Pompeo</a>`,
			"</p>\n<p>", // two paragraphs
		}, nil},
		{"/articles/999", 404, []string{"There is no article 999."}, nil},
		{"/articles/x", 400, []string{"not an article number"}, nil},
		{"/dyads/USA/PRK", 200, []string{`<svg class="timeline"`, `role="img"`, `<title id="chart-title">Events USA → PRK, per month</title>`,
			`<desc id="chart-desc">3 events from July 2018 to September 2018: 2 cooperative and 1 conflictual.`,
			`<rect class="q1"`, `<rect class="q4"`, `class="goldstein"`, "Mean Goldstein score", "Material conflict",
			fmt.Sprintf(`href="/articles/%d#event-0"`, ids["pompeo"]), fmt.Sprintf(`href="/articles/%d#event-0"`, ids["seize"]),
			fmt.Sprintf(`href="/articles/%d#event-2"`, ids["pompeo"]), "September 2018", "July 2018", `href="/dyads/PRK/USA"`},
			// The negated event is not a fact: not listed, not counted.
			[]string{fmt.Sprintf(`href="/articles/%d#event-1"`, ids["pompeo"])}},
		{"/dyads/USA/PRK?by=week", 200, []string{"Week of 2 Jul 2018", "Week of 27 Aug 2018"}, nil},
		{"/dyads/USA/PRK?by=day&from=2018-07-01&to=2018-07-31", 200, []string{"6 Jul 2018"}, []string{"September 2018", "Sep 2018"}},
		{"/dyads/USA/PRK?by=year", 400, []string{"by must be month, week or day"}, nil},
		{"/dyads/USA/PRK?from=yesterday", 400, []string{"is not a date"}, nil},
		{"/dyads/us/prk1", 400, []string{"actor code"}, nil},
		{"/dyads/GBR/DEU", 200, []string{"No factual event from GBR to DEU"}, []string{"<svg class=\"timeline\""}},
		{"/dyads", 200, []string{"Most active", `href="/dyads/PRK/USA"`}, nil},
		{"/entities/Mike%20Pompeo", 200, []string{"<h1>Mike Pompeo</h1>", "Roles over time", "USAGOV", "Events as source",
			"We made progress", "Recent articles", "Pompeo holds summit talks in Pyongyang", `href="/events?source=USAGOV"`}, nil},
		{"/entities/Nobody", 404, []string{"No entity is named"}, nil},
		{"/events", 200, []string{"Confiscate property", "1711", "SEIZE", "Material conflict", "-9.2", `href="/api/events"`, `href="/events.csv"`},
			[]string{"negated</span>"}},
		{"/events?all=true&source=USA", 200, []string{"negated</span>", `href="/api/events?all=true&amp;source=USA"`, `href="/events.csv?all=true&amp;source=USA"`}, []string{"gangster-like"}},
		{"/events?from=never", 400, []string{"is not a date"}, nil},
		{"/events?limit=1", 200, []string{`rel="next"`, "offset=1"}, nil},
		{"/quotes", 200, []string{"We made progress", "Mike Pompeo", fmt.Sprintf("/articles/%d#quote-0", ids["pompeo"]), `href="/quotes.csv"`}, nil},
		{"/quotes?speaker=nobody", 200, []string{"No quote matches"}, nil},
		{"/failures", 200, []string{"no text:", "extract", "The start of the input", "\uFFFD"}, nil},
		{"/stories/999", 404, []string{"There is no story 999."}, nil},
		{"/nowhere", 404, []string{"There is no page at /nowhere."}, nil},
	} {
		status, h, body := get(t, srv, tc.path)
		if status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, status, tc.status)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: missing %q", tc.path, w)
			}
		}
		for _, w := range tc.wantNot {
			if strings.Contains(body, w) {
				t.Errorf("%s: contains %q", tc.path, w)
			}
		}
		checkPage(t, tc.path, h, body)
	}
}

// TestHostileContentIsInert renders every page that shows the hostile
// article's fields and checks that none of them comes out as markup.
func TestHostileContentIsInert(t *testing.T) {
	st, ids := fixture(t)
	srv := newServer(t, st, nil)
	for _, path := range []string{
		fmt.Sprintf("/articles/%d", ids["hostile"]), "/?q=evil", "/?q=" + strings.ReplaceAll(hostile, "&", "%26"),
		"/events?source=GBR", "/quotes", "/failures", "/dyads/GBR/FRA",
		"/entities/" + strings.ReplaceAll(hostile, "?", "%3F"), "/dyads?source=" + hostile,
		"/nowhere" + hostile,
	} {
		status, h, body := get(t, srv, path)
		if status >= 500 {
			t.Errorf("%s: status %d", path, status)
		}
		// Escaped, the hostile text is shown as text; only markup is a fault,
		// and checkPage looks for event attributes and script URLs.
		for _, bad := range []string{"<script", "<img"} {
			if strings.Contains(strings.ToLower(body), bad) {
				i := strings.Index(strings.ToLower(body), bad)
				t.Errorf("%s: %q in page: …%s…", path, bad, body[max(0, i-80):min(len(body), i+80)])
			}
		}
		if strings.Contains(h.Get("Content-Type"), "html") {
			checkPage(t, path, h, body)
		}
	}
}

func TestCSVExports(t *testing.T) {
	st, ids := fixture(t)
	srv := newServer(t, st, nil)
	read := func(path string) [][]string {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("%s: status %d, headers %v", path, resp.StatusCode, resp.Header)
		}
		rows, err := csv.NewReader(resp.Body).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return rows
	}
	rows := read("/events.csv?source=USA&target=PRK")
	if !slices.Equal(rows[0], eventColumns) {
		t.Errorf("header %v", rows[0])
	}
	if len(rows) != 4 { // header, the seizure, the meeting, the headline's; not the negated one
		t.Fatalf("got %d rows: %v", len(rows), rows)
	}
	col := func(name string) int { return slices.Index(eventColumns, name) }
	if rows[1][col("cameo")] != "1711" || rows[1][col("goldstein")] != "-9.2" || rows[1][col("quad_name")] != "Material conflict" ||
		rows[1][col("link")] != fmt.Sprintf("/articles/%d#event-0", ids["seize"]) {
		t.Errorf("row %v", rows[1])
	}
	if rows := read("/events.csv?all=true&source=USA&target=PRK"); len(rows) != 5 {
		t.Errorf("all=true: %d rows, want 5 (with the negated and the headline event)", len(rows))
	}
	if rows := read("/events.csv?limit=1"); len(rows) != 2 {
		t.Errorf("limit=1: %d rows", len(rows))
	}
	// A value a spreadsheet would run as a formula is defused.
	evil := read("/events.csv?source=GBR")
	if len(evil) != 2 {
		t.Fatalf("GBR: %v", evil)
	}
	quotes := read("/quotes.csv?speaker=pompeo")
	if len(quotes) != 2 || quotes[1][1] != "Mike Pompeo" || quotes[1][5] != `"We made progress,"` {
		t.Errorf("quotes %v", quotes)
	}
	if text("=HYPERLINK(x)") != "'=HYPERLINK(x)" || text("-2+3") != "'-2+3" || text("North") != "North" {
		t.Error("text does not defuse formulas")
	}
	resp, err := http.Get(srv.URL + "/events.csv?from=bad")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("bad filter: status %d", resp.StatusCode)
	}
}

// fakeStories is a StorySource for the story pages until the store has one.
type fakeStories struct{ articles []news.Article }

func (f fakeStories) LatestStories(ctx context.Context, limit int) ([]news.Story, error) {
	return []news.Story{{ID: 7, Title: "Pompeo's July visit", First: day0("2018-07-06"), Last: day0("2018-07-07"), Articles: 2}}, nil
}

func (f fakeStories) StoryArticles(ctx context.Context, id int64) (*news.Story, []news.Article, error) {
	if id != 7 {
		return nil, nil, store.ErrNotFound
	}
	s, _ := f.LatestStories(ctx, 1)
	return &s[0], f.articles, nil
}

func TestStoriesWhenTheStoreHasThem(t *testing.T) {
	st, ids := fixture(t)
	arts, err := st.Articles(context.Background(), store.ArticleQuery{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var inStory []news.Article
	for _, a := range arts {
		if a.ID == ids["pompeo"] || a.ID == ids["reply"] {
			a.StoryID = 7
			inStory = append(inStory, a)
		}
	}
	srv := newServer(t, st, func(u *UI) { u.Stories = fakeStories{inStory} })
	for _, tc := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"Latest stories", `href="/stories/7"`, "Pompeo&#39;s July visit", "2 articles"}},
		{"/stories/7", 200, []string{"<h1>Pompeo&#39;s July visit</h1>", "North Korea accuses U.S.", "Pompeo holds summit talks"}},
		{"/stories/8", 404, []string{"There is no story 8."}},
	} {
		status, h, body := get(t, srv, tc.path)
		if status != tc.status {
			t.Errorf("%s: status %d", tc.path, status)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: missing %q", tc.path, w)
			}
		}
		checkPage(t, tc.path, h, body)
	}
}

func TestBuildTimeline(t *testing.T) {
	ev := func(date string, quad int, g float64) store.EventRecord {
		return store.EventRecord{Event: news.Event{Date: date, QuadClass: quad, Goldstein: g}}
	}
	events := []store.EventRecord{
		ev("2018-06-12", 1, 4), ev("2018-06-30", 4, -10), ev("2018-08-01", 3, -2),
		ev("2018-06", 2, 6),               // month precision: counts on the 1st
		ev("2018-06-01/2018-06-05", 1, 2), // a range: on its first day
		{Event: news.Event{QuadClass: 1, Goldstein: 1}, ArticleRef: store.ArticleRef{ArticlePublished: day0("2018-07-15")}}, // the article's date
		{Event: news.Event{QuadClass: 1}}, // no date at all
		{Event: news.Event{Date: "2018-06-12", QuadClass: 1, Negated: true}},
	}
	tl := BuildTimeline(TimelineQuery{By: ByMonth}, events)
	if len(tl.Buckets) != 3 || tl.Events != 6 || tl.Undated != 1 {
		t.Fatalf("buckets %d, events %d, undated %d", len(tl.Buckets), tl.Events, tl.Undated)
	}
	june := tl.Buckets[0]
	if june.Counts != [5]int{0, 2, 1, 0, 1} || june.Total != 4 || june.Goldstein != (4-10+6+2)/4.0 {
		t.Errorf("June %+v", june)
	}
	if tl.Buckets[1].Total != 1 || !tl.Buckets[1].Start.Equal(day0("2018-07-01")) {
		t.Errorf("July %+v", tl.Buckets[1])
	}

	week := BuildTimeline(TimelineQuery{By: ByWeek}, events[:3])
	if !week.Buckets[0].Start.Equal(day0("2018-06-11")) || week.Buckets[0].Start.Weekday() != time.Monday {
		t.Errorf("weeks start %v", week.Buckets[0].Start)
	}
	if n := len(week.Buckets); n != 8 { // 11 Jun to the week of 30 Jul
		t.Errorf("%d weeks", n)
	}

	// Ten years of days are too many bars: the timeline counts weeks.
	long := BuildTimeline(TimelineQuery{By: ByDay}, []store.EventRecord{ev("2010-01-01", 1, 1), ev("2019-12-31", 1, 1)})
	if long.Query.By != ByMonth || long.Coarsened != ByDay || len(long.Buckets) != 120 {
		t.Errorf("by %s, coarsened %q, %d buckets", long.Query.By, long.Coarsened, len(long.Buckets))
	}

	bounded := BuildTimeline(TimelineQuery{By: ByMonth, From: day0("2018-05-01"), To: day0("2018-06-30")}, events)
	if len(bounded.Buckets) != 2 || bounded.Buckets[0].Total != 0 || bounded.Events != 4 {
		t.Errorf("bounded: %+v", bounded)
	}
}

func TestCountDyads(t *testing.T) {
	ev := func(src, tgt string, quad int) store.EventRecord {
		e := store.EventRecord{Event: news.Event{QuadClass: quad, Date: "2019-01-01"}}
		if src != "" {
			e.Source = []string{src}
		}
		if tgt != "" {
			e.Target = []string{tgt}
		}
		return e
	}
	got := CountDyads([]store.EventRecord{
		ev("USAGOV", "PRKGOV", 1), ev("USA", "PRK", 4), ev("PRKMIL", "USA", 3),
		ev("USAGOV", "USA", 1), ev("PRK", "", 4), ev("KOR", "PRK", 1),
	}, 2)
	if len(got) != 2 || got[0].Source != "USA" || got[0].Target != "PRK" || got[0].Total != 2 || got[0].Counts != [5]int{0, 1, 0, 0, 1} {
		t.Errorf("%+v", got)
	}
}

func TestChartGeometry(t *testing.T) {
	tl := &Timeline{Query: TimelineQuery{By: ByMonth}, Events: 4, Buckets: []Bucket{
		{Start: day0("2018-01-01"), Counts: [5]int{0, 2, 1, 0, 0}, Total: 3, Goldstein: 3},
		{Start: day0("2018-02-01")},
		{Start: day0("2018-03-01"), Counts: [5]int{0, 0, 0, 0, 1}, Total: 1, Goldstein: -10},
	}}
	c := drawChart(tl, "USA → PRK")
	// Cooperation stacks up from the zero line, conflict hangs below it.
	segs := c.Bars[0].Segs
	if len(segs) != 2 || segs[0].Y+segs[0].H != c.Zero || segs[1].Y+segs[1].H != segs[0].Y {
		t.Errorf("January segments %+v, zero %v", segs, c.Zero)
	}
	down := c.Bars[2].Segs[0]
	if down.Class != "q4" || down.Y != c.Zero || down.Y+down.H > c.Base+0.01 {
		t.Errorf("March segment %+v", down)
	}
	// -10 is the bottom of the plot, and the line does not cross the empty
	// month between the two points.
	if len(c.Points) != 2 || c.Points[1].Y != c.Base || strings.Count(c.Line, "M") != 2 || strings.Contains(c.Line, "L") {
		t.Errorf("points %+v, line %q", c.Points, c.Line)
	}
	if !strings.Contains(c.Desc, "4 events from January 2018 to March 2018: 3 cooperative and 1 conflictual") {
		t.Errorf("desc %q", c.Desc)
	}
}
