package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// dateRange reads from and to; a day given as "to" includes that day.
func dateRange(r *http.Request) (from, to time.Time, err error) {
	if from, err = ParseDay("from", r.URL.Query().Get("from")); err != nil {
		return
	}
	to, err = ParseDay("to", r.URL.Query().Get("to"))
	return
}

func boolParam(r *http.Request, name string) (bool, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s: %q is not true or false", name, v)
	}
	return b, nil
}

// EventQuery reads the event filters shared by the API, the UI and exports.
func EventQuery(r *http.Request) (store.EventQuery, error) {
	q := store.EventQuery{
		Source: r.URL.Query().Get("source"), Target: r.URL.Query().Get("target"),
		PLOVER: r.URL.Query().Get("plover"), CAMEO: r.URL.Query().Get("cameo"),
	}
	var err error
	if q.Limit, q.Offset, err = paging(r); err != nil {
		return q, err
	}
	if q.From, q.To, err = dateRange(r); err != nil {
		return q, err
	}
	if q.AllModalities, err = boolParam(r, "all"); err != nil {
		return q, err
	}
	if v := r.URL.Query().Get("article"); v != "" {
		if q.ArticleID, err = strconv.ParseInt(v, 10, 64); err != nil {
			return q, fmt.Errorf("article: %q is not an article id", v)
		}
	}
	return q, nil
}

// QuoteQuery reads the quote filters shared by the API and the UI.
func QuoteQuery(r *http.Request) (store.QuoteQuery, error) {
	q := store.QuoteQuery{Speaker: r.URL.Query().Get("speaker"), Actor: r.URL.Query().Get("actor")}
	var err error
	if q.Limit, q.Offset, err = paging(r); err != nil {
		return q, err
	}
	if q.From, q.To, err = dateRange(r); err != nil {
		return q, err
	}
	if q.DirectOnly, err = boolParam(r, "direct"); err != nil {
		return q, err
	}
	return q, nil
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	q, err := EventQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	events, err := s.store.Events(r.Context(), q)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, Page[store.EventRecord]{Items: events, Limit: q.Limit, Offset: q.Offset})
}

func (s *Server) listQuotes(w http.ResponseWriter, r *http.Request) {
	q, err := QuoteQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	quotes, err := s.store.Quotes(r.Context(), q)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, Page[store.QuoteRecord]{Items: quotes, Limit: q.Limit, Offset: q.Offset})
}

func (s *Server) listEntities(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := paging(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	list, err := s.store.Entities(r.Context(), store.EntityQuery{Text: r.URL.Query().Get("q"), Type: r.URL.Query().Get("type"), Limit: limit, Offset: offset})
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, Page[store.EntitySummary]{Items: list, Limit: limit, Offset: offset})
}

// entityPage is an entity with its quotes and its events as source and as
// target.
type entityPage struct {
	*store.EntityDetail
	Quotes       []store.QuoteRecord `json:"quotes"`
	EventsSource []store.EventRecord `json:"events_as_source"`
	EventsTarget []store.EventRecord `json:"events_as_target"`
}

func (s *Server) getEntity(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	d, err := s.store.Entity(r.Context(), name)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no entity named %q", name))
		return
	}
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	page := entityPage{EntityDetail: d, EventsSource: []store.EventRecord{}, EventsTarget: []store.EventRecord{}}
	if page.Quotes, err = s.store.Quotes(r.Context(), store.QuoteQuery{Speaker: d.Canonical, Limit: 100}); err != nil {
		s.internalError(w, r, err)
		return
	}
	// An entity's events are those coded with its actor code; a person's
	// events are found through the actor they were coded as.
	if d.Actor != "" {
		if page.EventsSource, err = s.store.Events(r.Context(), store.EventQuery{Source: d.Actor, Limit: 100}); err != nil {
			s.internalError(w, r, err)
			return
		}
		if page.EventsTarget, err = s.store.Events(r.Context(), store.EventQuery{Target: d.Actor, Limit: 100}); err != nil {
			s.internalError(w, r, err)
			return
		}
	}
	writeJSON(w, http.StatusOK, page)
}

func (s *Server) linker(w http.ResponseWriter) (store.Linker, bool) {
	l, ok := s.store.(store.Linker)
	if !ok {
		writeError(w, http.StatusNotImplemented, "this database backend does not group stories")
	}
	return l, ok
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) {
	l, ok := s.linker(w)
	if !ok {
		return
	}
	limit, offset, err := paging(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q := store.StoryQuery{Text: r.URL.Query().Get("q"), Limit: limit, Offset: offset}
	if q.From, q.To, err = dateRange(r); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	list, err := l.Stories(r.Context(), q)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, Page[news.Story]{Items: list, Limit: limit, Offset: offset})
}

func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	l, ok := s.linker(w)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("story id %q is not a positive number", r.PathValue("id")))
		return
	}
	d, err := l.Story(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no story with id %d", id))
		return
	}
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	out := struct {
		news.Story
		Articles []articleSummary `json:"articles"`
	}{Story: d.Story, Articles: []articleSummary{}}
	for _, a := range d.List {
		out.Articles = append(out.Articles, summarise(a))
	}
	writeJSON(w, http.StatusOK, out)
}
