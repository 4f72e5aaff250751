package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/store"
)

// maxPage bounds a table page in the UI: a longer list belongs in an export.
const maxPage = 200

// filters are a table's form fields as the reader typed them, so that the
// form shows them again.
type filters map[string]string

func formValues(r *http.Request, names ...string) filters {
	f := filters{}
	for _, n := range names {
		f[n] = r.URL.Query().Get(n)
	}
	return f
}

// exports links a table's filters to the JSON API and to the CSV download.
type exports struct {
	JSON, CSV string
}

func exportLinks(r *http.Request, jsonPath, csvPath string) exports {
	v := r.URL.Query()
	all := url.Values{}
	for k, vs := range v {
		if k != "offset" && k != "limit" {
			all[k] = vs
		}
	}
	return exports{JSON: query(jsonPath, v), CSV: query(csvPath, all)}
}

// eventsPage is the data of events.html.
type eventsPage struct {
	meta
	F       filters
	Events  []store.EventRecord
	Pager   pager
	Exports exports
	Error   string
}

var eventFields = []string{"source", "target", "plover", "cameo", "from", "to", "all"}

func (u *UI) events(w http.ResponseWriter, r *http.Request) {
	page := eventsPage{meta: meta{Title: "Events", Section: "events"}, F: formValues(r, eventFields...),
		Exports: exportLinks(r, "/api/events", "/events.csv")}
	q, err := api.EventQuery(r)
	if err != nil {
		page.Error = err.Error()
		u.render(w, r, http.StatusBadRequest, "events.html", page)
		return
	}
	limit := min(q.Limit, maxPage)
	q.Limit = limit + 1
	if page.Events, err = u.store.Events(r.Context(), q); err != nil {
		u.internal(w, r, err)
		return
	}
	page.Pager = newPager(r.URL, q.Offset, limit, len(page.Events) > limit)
	page.Events = page.Events[:min(len(page.Events), limit)]
	u.render(w, r, http.StatusOK, "events.html", page)
}

// quotesPage is the data of quotes.html.
type quotesPage struct {
	meta
	F       filters
	Quotes  []store.QuoteRecord
	Pager   pager
	Exports exports
	Error   string
}

var quoteFields = []string{"speaker", "actor", "from", "to", "direct"}

func (u *UI) quotes(w http.ResponseWriter, r *http.Request) {
	page := quotesPage{meta: meta{Title: "Quotes", Section: "quotes"}, F: formValues(r, quoteFields...),
		Exports: exportLinks(r, "/api/quotes", "/quotes.csv")}
	q, err := api.QuoteQuery(r)
	if err != nil {
		page.Error = err.Error()
		u.render(w, r, http.StatusBadRequest, "quotes.html", page)
		return
	}
	limit := min(q.Limit, maxPage)
	q.Limit = limit + 1
	if page.Quotes, err = u.store.Quotes(r.Context(), q); err != nil {
		u.internal(w, r, err)
		return
	}
	page.Pager = newPager(r.URL, q.Offset, limit, len(page.Quotes) > limit)
	page.Quotes = page.Quotes[:min(len(page.Quotes), limit)]
	u.render(w, r, http.StatusOK, "quotes.html", page)
}

// failuresPage is the data of failures.html.
type failuresPage struct {
	meta
	Stage    string
	Failures []store.Failure
	Pager    pager
	Stages   []string
}

func (u *UI) failures(w http.ResponseWriter, r *http.Request) {
	stage := r.URL.Query().Get("stage")
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	offset = max(offset, 0)
	const limit = 100
	fs, err := u.store.Failures(r.Context(), store.FailureQuery{Stage: stage, Limit: limit + 1, Offset: offset})
	if err != nil {
		u.internal(w, r, err)
		return
	}
	page := failuresPage{meta: meta{Title: "Failures", Section: "failures"}, Stage: stage,
		Pager:  newPager(r.URL, offset, limit, len(fs) > limit),
		Stages: []string{store.StageRead, store.StageExtract, store.StageStore}}
	page.Failures = fs[:min(len(fs), limit)]
	u.render(w, r, http.StatusOK, "failures.html", page)
}
