package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// entityPage is the data of entity.html.
type entityPage struct {
	meta
	E                  *store.EntityDetail
	Roles              []roleRow
	Quotes             []store.QuoteRecord
	AsSource, AsTarget eventSample
	Recent             []store.ArticleRef
	// More counts the articles beyond Recent.
	More int
	// PersonFilter reports that the events were narrowed to those that
	// name the person.
	PersonFilter bool
}

// roleRow is one actor code the entity held, placed on the span of all its
// roles: X and W are percentages of that span, for the bar drawn beside it.
type roleRow struct {
	store.ActorSpan
	X, W float64
}

// eventSample is the first events of a list, with how many there are and
// where to see them all.
type eventSample struct {
	Events []store.EventRecord
	Total  int
	// More is true when the store holds more than were read.
	More bool
	All  string
}

// entityLists bounds the lists on an entity's page; entityEvents is how many
// events are read to pick the entity's own from.
const (
	entityLists  = 10
	entityEvents = 300
)

func (u *UI) entity(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	d, err := u.store.Entity(r.Context(), name)
	if errors.Is(err, store.ErrNotFound) {
		u.fail(w, r, http.StatusNotFound, fmt.Sprintf("No entity is named %q.", name))
		return
	}
	if err != nil {
		u.internal(w, r, err)
		return
	}
	page := entityPage{meta: meta{Title: d.Canonical}, E: d, Roles: roleRows(d.Roles)}
	ctx := r.Context()
	if page.Quotes, err = u.store.Quotes(ctx, store.QuoteQuery{Speaker: d.Canonical, Limit: entityLists}); err != nil {
		u.internal(w, r, err)
		return
	}
	// Events are found through the actor code the entity was most often
	// coded as, as the API does. For a person, that code (USAGOV) is shared
	// by everyone in the same office, so only the events whose actor words
	// name the person are theirs; the page says how it chose.
	if d.Actor != "" {
		for _, side := range []struct {
			dst   *eventSample
			q     store.EventQuery
			words func(store.EventRecord) string
			param string
		}{
			{&page.AsSource, store.EventQuery{Source: d.Actor, Limit: entityEvents}, func(e store.EventRecord) string { return e.SourceText }, "source"},
			{&page.AsTarget, store.EventQuery{Target: d.Actor, Limit: entityEvents}, func(e store.EventRecord) string { return e.TargetText }, "target"},
		} {
			events, err := u.store.Events(ctx, side.q)
			if err != nil {
				u.internal(w, r, err)
				return
			}
			side.dst.More = len(events) == entityEvents
			if d.Type == news.Person {
				events = namedIn(events, side.words, d.Aliases)
			}
			side.dst.Total = len(events)
			side.dst.Events = events[:min(len(events), entityLists)]
			side.dst.All = query("/events", url.Values{side.param: {d.Actor}})
		}
		page.PersonFilter = d.Type == news.Person
	}
	page.Recent = d.Recent
	if len(page.Recent) > 20 {
		page.More = len(page.Recent) - 20
		page.Recent = page.Recent[:20]
	}
	u.render(w, r, http.StatusOK, "entity.html", page)
}

// namedIn keeps the events whose actor words contain one of names,
// ignoring case.
func namedIn(events []store.EventRecord, words func(store.EventRecord) string, names []string) []store.EventRecord {
	var out []store.EventRecord
	for _, e := range events {
		w := strings.ToLower(words(e))
		for _, n := range names {
			if n != "" && strings.Contains(w, strings.ToLower(n)) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// roleRows places each role on the span from the first to the last date of
// any role, so that a reader sees when the entity was coded as what.
func roleRows(spans []store.ActorSpan) []roleRow {
	var first, last time.Time
	for _, s := range spans {
		if !s.First.IsZero() && (first.IsZero() || s.First.Before(first)) {
			first = s.First
		}
		if s.Last.After(last) {
			last = s.Last
		}
	}
	total := last.Sub(first).Hours()
	rows := make([]roleRow, 0, len(spans))
	for _, s := range spans {
		row := roleRow{ActorSpan: s}
		if s.First.IsZero() || total <= 0 {
			row.X, row.W = 0, 100
		} else {
			row.X = s.First.Sub(first).Hours() / total * 100
			row.W = max(s.Last.Sub(s.First).Hours()/total*100, 1.5)
			row.X = min(row.X, 100-row.W)
		}
		rows = append(rows, row)
	}
	return rows
}
