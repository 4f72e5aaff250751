package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/dyads"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// storyPage is the data of story.html.
type storyPage struct {
	meta
	Story    *news.Story
	Articles []news.Article
}

func (u *UI) story(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		u.fail(w, r, http.StatusBadRequest, fmt.Sprintf("%q is not a story number.", r.PathValue("id")))
		return
	}
	if u.Stories == nil {
		u.fail(w, r, http.StatusNotFound, "Stories are not available yet: this database does not group articles into stories.")
		return
	}
	s, arts, err := u.Stories.StoryArticles(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		u.fail(w, r, http.StatusNotFound, fmt.Sprintf("There is no story %d.", id))
		return
	}
	if err != nil {
		u.internal(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "story.html", storyPage{meta: meta{Title: s.Title}, Story: s, Articles: arts})
}

// dyadPage is the data of dyad.html, and of the dyad index.
type dyadPage struct {
	meta
	// Source and Target are the actor codes as asked (upper-cased).
	Source, Target string
	By             string
	From, To       string // the form's date fields
	Timeline       *Timeline
	Chart          *chart
	// Table lists the buckets that have events, for readers of the data.
	Table  []Bucket
	Groups []eventGroup
	Pager  pager
	// Reverse links the timeline of the opposite direction.
	Reverse string
	// Dyads are suggestions: the most active dyads.
	Dyads     []DyadCount
	DyadScope string
	Error     string
}

type eventGroup struct {
	Label  string
	Events []dyads.Event
}

// dyadEventsPage is how many events the dyad page lists at once.
const dyadEventsPage = 100

// validActor reports whether s can be an actor code: capital letters only,
// in three-letter segments, as the store codes them.
func validActor(s string) bool {
	if len(s) < 3 || len(s)%3 != 0 || len(s) > 30 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// dyadIndex is /dyads: the form to pick a dyad and the most active ones. A
// submitted form redirects to the dyad's own address.
func (u *UI) dyadIndex(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	src, tgt := strings.ToUpper(strings.TrimSpace(v.Get("source"))), strings.ToUpper(strings.TrimSpace(v.Get("target")))
	page := dyadPage{meta: meta{Title: "Dyads", Section: "dyads"}, Source: src, Target: tgt, By: ByMonth}
	if src != "" || tgt != "" {
		if validActor(src) && validActor(tgt) {
			rest := url.Values{"by": {v.Get("by")}, "from": {v.Get("from")}, "to": {v.Get("to")}}
			http.Redirect(w, r, query("/dyads/"+src+"/"+tgt, rest), http.StatusSeeOther)
			return
		}
		page.Error = "Source and target must each be an actor code such as USA, PRK or USAGOV."
	}
	var err error
	if page.Dyads, page.DyadScope, err = u.activeDyads(r.Context(), 20); err != nil {
		u.internal(w, r, err)
		return
	}
	status := http.StatusOK
	if page.Error != "" {
		status = http.StatusBadRequest
	}
	u.render(w, r, status, "dyads.html", page)
}

func (u *UI) dyad(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	src, tgt := strings.ToUpper(r.PathValue("source")), strings.ToUpper(r.PathValue("target"))
	page := dyadPage{meta: meta{Section: "dyads", Title: src + " → " + tgt}, Source: src, Target: tgt,
		By: v.Get("by"), From: v.Get("from"), To: v.Get("to")}
	if page.By == "" {
		page.By = ByMonth
	}
	var problems []string
	if !validActor(src) || !validActor(tgt) {
		problems = append(problems, "source and target must each be an actor code such as USA, PRK or USAGOV")
	}
	if page.By != ByMonth && page.By != ByWeek && page.By != ByDay {
		problems = append(problems, fmt.Sprintf("by must be month, week or day, not %q", page.By))
	}
	from, err := api.ParseDay("from", page.From)
	if err != nil {
		problems = append(problems, err.Error())
	}
	to, err := api.ParseDay("to", page.To)
	if err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		page.Error = strings.Join(problems, "; ") + "."
		u.render(w, r, http.StatusBadRequest, "dyad.html", page)
		return
	}
	tl, err := u.Timeline(r.Context(), TimelineQuery{Source: src, Target: tgt, By: page.By, From: from, To: to})
	if err != nil {
		u.internal(w, r, err)
		return
	}
	page.Timeline = tl
	if len(tl.Buckets) > 0 {
		page.Chart = drawChart(tl, src+" → "+tgt)
		for _, b := range tl.Buckets {
			if b.Total > 0 {
				page.Table = append(page.Table, b)
			}
		}
	}
	offset, _ := strconv.Atoi(v.Get("offset"))
	offset = min(max(offset, 0), len(tl.Merged))
	events := tl.Merged[offset:min(len(tl.Merged), offset+dyadEventsPage)]
	page.Pager = newPager(r.URL, offset, dyadEventsPage, offset+len(events) < len(tl.Merged))
	page.Groups = groupEvents(events, tl.Query.By)
	page.Reverse = query("/dyads/"+tgt+"/"+src, url.Values{"by": {v.Get("by")}, "from": {page.From}, "to": {page.To}})
	u.render(w, r, http.StatusOK, "dyad.html", page)
}

// groupEvents splits events (newest first) under a heading per bucket.
func groupEvents(events []dyads.Event, by string) []eventGroup {
	var groups []eventGroup
	for _, e := range events {
		label := "Undated"
		if d, ok := eventDay(e.EventRecord); ok {
			label = bucketLabel(bucketStart(d, by), by)
		}
		if len(groups) == 0 || groups[len(groups)-1].Label != label {
			groups = append(groups, eventGroup{Label: label})
		}
		g := &groups[len(groups)-1]
		g.Events = append(g.Events, e)
	}
	return groups
}
