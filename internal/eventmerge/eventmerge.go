// Package eventmerge collapses the coded events of many articles into
// merged events: one record per real-world event, with counts of how often
// and how widely it was reported. Without it, an event reported by forty
// outlets is forty events, which is how event data sets come to show a wave
// of abductions where there was one.
//
// The counts follow GDELT's event table (GDELT 1.0/2.0 codebooks):
//
//   - NumMentions is every mention of the event in every article, several
//     in one article included ("Multiple references to an event within a
//     single document also contribute to this count"). A duplicate article
//     (a republished wire copy) is a real publication, so its mentions count.
//   - NumSources is the number of distinct information sources (publishers)
//     with at least one mention. An outlet that republished the wire copy
//     did carry the report, so it counts; NumSources measures reach.
//   - NumArticles is the number of distinct documents with at least one
//     mention. Here GDELT, which did not detect syndicated copies, counted
//     every copy; newsgraph counts a duplicate as the article it copies, so
//     a wire story run by fifty sites is one article. NumArticles is the
//     count to read as the weight of independent reporting.
//
// Events are merged when they agree on the source and target actor codes,
// the CAMEO base code (the first three digits; configurable to the
// two-digit root), the place, and whether they are factual, and their dates
// fall within a window. A negated or hypothetical event ("did not meet",
// "would meet if") is never merged into a factual one: it stays a merged
// event of its own mode, so that a denial cannot inflate the count of the
// thing denied.
package eventmerge

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Mention is one coded event with what merging needs of its article.
type Mention struct {
	Event news.Event
	// ArticleID is the article the event was coded from, and Index the
	// event's position in that article's event list (the store's key for
	// it).
	ArticleID int64
	Index     int
	// Source is the article's publisher (news.Article.Source, or its
	// domain).
	Source string
	// DuplicateOf is the article's DuplicateOf: the id of the article it
	// copies, 0 for an original.
	DuplicateOf int64
}

// MentionRef names a mention in the store: an article and the event's
// index in it.
type MentionRef struct {
	ArticleID int64 `json:"article_id"`
	Index     int   `json:"index"`
}

// Event is a merged event.
type Event struct {
	// Key identifies the merged event for idempotent storage: a hash of the
	// grouping fields and the first date. Merging the same mentions again
	// gives the same keys.
	Key    string   `json:"key"`
	Source []string `json:"source"`
	Target []string `json:"target"`
	// Code is the grouping code (base or root); CAMEO is the full code
	// most mentions carry (ties to the smaller code).
	Code      string  `json:"code"`
	CAMEO     string  `json:"cameo"`
	PLOVER    string  `json:"plover,omitempty"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	// Date is the first date of the merged mentions, and EndDate the last
	// when they differ (both ISO days, or the exact value for month, year
	// and undated events, which are merged only with equal values).
	Date         string `json:"date"`
	EndDate      string `json:"end_date,omitempty"`
	Location     string `json:"location"`
	Negated      bool   `json:"negated"`
	Hypothetical bool   `json:"hypothetical"`

	NumMentions int `json:"num_mentions"`
	NumSources  int `json:"num_sources"`
	NumArticles int `json:"num_articles"`
	// Articles are the distinct articles counted in NumArticles (a copy
	// counted as its original), ascending.
	Articles []int64      `json:"articles"`
	Mentions []MentionRef `json:"mentions"`
}

// Factual reports whether the merged event is asserted as having happened.
func (e Event) Factual() bool { return !e.Negated && !e.Hypothetical }

// Merger merges events. The zero value merges on the base code within a
// DefaultWindow.
type Merger struct {
	// Window is how far after a merged event's first date a mention may be
	// and still join it; 0 means DefaultWindow.
	Window time.Duration
	// Root merges on the two-digit CAMEO root instead of the base code.
	Root bool
}

// DefaultWindow merges mentions up to one day after the first: reports
// written in different time zones give one event dates a day apart (the
// Singapore summit was on June 12 in Singapore and June 11 in the evening
// in Washington), and coders resolve "yesterday" against publication
// times that straddle midnight. A longer window starts merging repeated
// events, such as protests on consecutive days.
const DefaultWindow = 24 * time.Hour

// Merge groups mentions into merged events, ordered by date, then key. It
// is a pure function of its input; the order of mentions does not matter.
//
// A merged event's key depends on its first date, which an earlier-dated
// report arriving later can move. To keep stored merged events right as
// articles arrive, the store re-merges, for each group (actors, code, mode)
// a new article's events fall in, the stored mentions dated within two
// windows of them, and replaces the merged rows of that range by key.
func (m Merger) Merge(mentions []Mention) []Event {
	window := m.Window
	if window <= 0 {
		window = DefaultWindow
	}
	// Group by everything but the place and the date.
	groups := map[string][]Mention{}
	for _, mn := range mentions {
		k := m.groupKey(mn.Event)
		groups[k] = append(groups[k], mn)
	}
	var out []Event
	for _, g := range groups {
		out = append(out, m.mergeGroup(g, window)...)
	}
	slices.SortFunc(out, func(a, b Event) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Key, b.Key))
	})
	return out
}

func (m Merger) code(c string) string {
	n := 3
	if m.Root {
		n = 2
	}
	if len(c) > n {
		return c[:n]
	}
	return c
}

func (m Merger) groupKey(e news.Event) string {
	return strings.Join([]string{actors(e.Source), actors(e.Target), m.code(e.CAMEO), mode(e)}, "\x1f")
}

// actors is a canonical form of an actor list: upper case, sorted, joined.
func actors(codes []string) string {
	cs := make([]string, 0, len(codes))
	for _, c := range codes {
		if c = strings.ToUpper(strings.TrimSpace(c)); c != "" {
			cs = append(cs, c)
		}
	}
	slices.Sort(cs)
	return strings.Join(slices.Compact(cs), "+")
}

func mode(e news.Event) string {
	switch {
	case e.Negated && e.Hypothetical:
		return "negated+hypothetical"
	case e.Negated:
		return "negated"
	case e.Hypothetical:
		return "hypothetical"
	}
	return "factual"
}

func place(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// dated is a mention with its date read.
type dated struct {
	Mention
	// day is the event's day (the first of a range); zero when the date
	// is not a day or a short range, and value then holds it as written.
	day, end time.Time
	value    string
}

func readDate(s string, window time.Duration) (day, end time.Time, value string) {
	s = strings.TrimSpace(s)
	from, to, isRange := strings.Cut(s, "/")
	d, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return time.Time{}, time.Time{}, s
	}
	if !isRange {
		return d, d, s
	}
	e, err := time.Parse(time.DateOnly, to)
	if err != nil || e.Before(d) || e.Sub(d) > window {
		// A long range ("2018-02-15/2018-03-01") does not say which day;
		// it merges only with the same range.
		return time.Time{}, time.Time{}, s
	}
	return d, e, s
}

// cluster is a merged event being built.
type cluster struct {
	place      string
	first, end time.Time
	value      string
	members    []dated
}

// accepts reports whether d's date fits c: a day within window of the
// cluster's first day, or the same value for dates that are not days.
func (c *cluster) accepts(d dated, window time.Duration) bool {
	if d.day.IsZero() || c.first.IsZero() {
		return d.day.IsZero() && c.first.IsZero() && c.value == d.value
	}
	gap := d.day.Sub(c.first)
	return gap <= window && gap >= -window
}

func (c *cluster) add(d dated) {
	if !d.day.IsZero() && d.day.Before(c.first) {
		c.first = d.day
	}
	if d.end.After(c.end) {
		c.end = d.end
	}
	c.members = append(c.members, d)
}

// mergeGroup splits one group (same actors, code, mode) by place and date.
// Mentions with a place are clustered first; a mention without one then
// joins the one placed cluster its date fits, and only if there is exactly
// one: "the summit" with no place in one report is the Singapore summit of
// another, but not when two places are in play.
func (m Merger) mergeGroup(g []Mention, window time.Duration) []Event {
	ds := make([]dated, len(g))
	for i, mn := range g {
		day, end, value := readDate(mn.Event.Date, window)
		ds[i] = dated{Mention: mn, day: day, end: end, value: value}
	}
	// A fixed order makes the result independent of the input's.
	slices.SortFunc(ds, func(a, b dated) int {
		return cmp.Or(a.day.Compare(b.day), cmp.Compare(a.value, b.value),
			cmp.Compare(place(a.Event.Location), place(b.Event.Location)),
			cmp.Compare(a.ArticleID, b.ArticleID), cmp.Compare(a.Index, b.Index))
	})

	var placed, unplaced []*cluster
	// join adds d to the last cluster of cs that accepts it (the latest
	// window), or to a new one.
	join := func(cs []*cluster, d dated) []*cluster {
		for i := len(cs) - 1; i >= 0; i-- {
			if cs[i].place == place(d.Event.Location) && cs[i].accepts(d, window) {
				cs[i].add(d)
				return cs
			}
		}
		c := &cluster{place: place(d.Event.Location), first: d.day, value: d.value}
		c.add(d)
		return append(cs, c)
	}
	for _, d := range ds {
		if place(d.Event.Location) != "" {
			placed = join(placed, d)
		}
	}
	for _, d := range ds {
		if place(d.Event.Location) != "" {
			continue
		}
		var fits []*cluster
		for _, c := range placed {
			if c.accepts(d, window) {
				fits = append(fits, c)
			}
		}
		if len(fits) == 1 {
			fits[0].add(d)
			continue
		}
		unplaced = join(unplaced, d)
	}

	all := foldMonths(append(placed, unplaced...))
	out := make([]Event, 0, len(all))
	for _, c := range all {
		out = append(out, m.build(c.members, c.first, c.end, c.value))
	}
	return out
}

// foldMonths merges a cluster dated only by its month ("2025-06", as a
// background mention dates an event: "diplomats refused a letter in June")
// into the one cluster dated to a day of that month, at the same place or
// with no place given: the month-dated mentions report that same event.
// With two such days in the month the month stays apart, since it cannot
// say which.
func foldMonths(cs []*cluster) []*cluster {
	out := cs[:0:0]
	for _, c := range cs {
		if !c.first.IsZero() || len(c.value) != len("2006-01") {
			out = append(out, c)
			continue
		}
		var fits []*cluster
		for _, d := range cs {
			if !d.first.IsZero() && d.first.Format("2006-01") == c.value && (c.place == "" || c.place == d.place) {
				fits = append(fits, d)
			}
		}
		if len(fits) != 1 {
			out = append(out, c)
			continue
		}
		for _, mn := range c.members {
			fits[0].add(mn)
		}
	}
	return out
}

// build makes the merged event of one cluster's mentions.
func (m Merger) build(ms []dated, first, end time.Time, value string) Event {
	rep := ms[0].Event
	codes := map[string]int{}
	sources := map[string]bool{}
	articles := map[int64]bool{}
	location := ""
	var refs []MentionRef
	for _, d := range ms {
		codes[d.Event.CAMEO]++
		root := d.ArticleID
		if d.DuplicateOf != 0 {
			root = d.DuplicateOf
		}
		articles[root] = true
		src := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(d.Source)), "www.")
		if src == "" {
			// An unnamed publisher is at least one source: its article's.
			src = "\x00article " + strconv.FormatInt(root, 10)
		}
		sources[src] = true
		if location == "" && place(d.Event.Location) != "" {
			location = strings.TrimSpace(d.Event.Location)
		}
		refs = append(refs, MentionRef{ArticleID: d.ArticleID, Index: d.Index})
	}
	cameo := ""
	for c, n := range codes {
		if cameo == "" || n > codes[cameo] || (n == codes[cameo] && c < cameo) {
			cameo = c
		}
	}
	for _, d := range ms {
		if d.Event.CAMEO == cameo {
			rep = d.Event
			break
		}
	}
	e := Event{
		Source: splitActors(actors(rep.Source)), Target: splitActors(actors(rep.Target)),
		Code: m.code(cameo), CAMEO: cameo, PLOVER: rep.PLOVER, QuadClass: rep.QuadClass, Goldstein: rep.Goldstein,
		Location: location, Negated: rep.Negated, Hypothetical: rep.Hypothetical,
		NumMentions: len(ms), NumSources: len(sources), NumArticles: len(articles),
		Mentions: refs,
	}
	if first.IsZero() {
		e.Date = value
	} else {
		e.Date = first.Format(time.DateOnly)
		if end.After(first) {
			e.EndDate = end.Format(time.DateOnly)
		}
	}
	for id := range articles {
		e.Articles = append(e.Articles, id)
	}
	slices.Sort(e.Articles)
	e.Key = key(e, m.Root)
	return e
}

func splitActors(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "+")
}

// key hashes what identifies a merged event: actors, grouping code and
// level, mode, place and first date. The full CAMEO code, the counts and
// the end date are left out, since more mentions change them.
func key(e Event, root bool) string {
	level := "base"
	if root {
		level = "root"
	}
	mode := mode(news.Event{Negated: e.Negated, Hypothetical: e.Hypothetical})
	h := sha256.Sum256([]byte(strings.Join([]string{
		"v1", strings.Join(e.Source, "+"), strings.Join(e.Target, "+"), level, e.Code, mode, place(e.Location), e.Date,
	}, "\x1f")))
	return hex.EncodeToString(h[:12])
}
