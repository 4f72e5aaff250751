// Package api serves newsgraph's JSON API over HTTP, on the standard
// library's ServeMux. Handlers read from and write to a store.Store; they
// never see SQL.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store"
)

// MaxBody bounds the size of a POSTed article.
const MaxBody = 4 << 20

// Processor runs the pipeline on one raw document.
type Processor interface {
	Process(raw news.Raw) (*news.Document, error)
}

// Server is the API's HTTP handler.
type Server struct {
	store     store.Store
	processor Processor
	mux       *http.ServeMux
	log       *slog.Logger
}

// New returns the API on s, processing POSTed articles with p. Extra routes
// (the web UI) can be added to Mux before serving.
func New(s store.Store, p Processor, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	srv := &Server{store: s, processor: p, mux: http.NewServeMux(), log: log}
	srv.mux.HandleFunc("GET /api/health", srv.health)
	srv.mux.HandleFunc("GET /api/articles", srv.listArticles)
	srv.mux.HandleFunc("GET /api/articles/{id}", srv.getArticle)
	srv.mux.HandleFunc("POST /api/articles", srv.postArticle)
	srv.mux.HandleFunc("GET /api/failures", srv.listFailures)
	srv.mux.HandleFunc("GET /api/events", srv.listEvents)
	srv.mux.HandleFunc("GET /api/quotes", srv.listQuotes)
	srv.mux.HandleFunc("GET /api/entities", srv.listEntities)
	srv.mux.HandleFunc("GET /api/entities/{name}", srv.getEntity)
	srv.mux.HandleFunc("GET /api/stories", srv.listStories)
	srv.mux.HandleFunc("GET /api/stories/{id}", srv.getStory)
	srv.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no API endpoint %s %s", r.Method, r.URL.Path))
	})
	return srv
}

// Mux is the router, for adding the UI's routes.
func (s *Server) Mux() *http.ServeMux { return s.mux }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.mux.ServeHTTP(w, r)
	s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "took", time.Since(start))
}

type errorBody struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	st, err := s.store.Stats(ctx)
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "counts": st})
}

// Page is the envelope of a list response.
type Page[T any] struct {
	Items  []T `json:"items"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

// articleSummary is an article in a list: without its body, which the
// article's own endpoint returns.
type articleSummary struct {
	ID        int64        `json:"id"`
	Title     string       `json:"title"`
	URL       string       `json:"url"`
	Source    string       `json:"source"`
	Published *time.Time   `json:"published"`
	Language  string       `json:"language"`
	Snippet   string       `json:"snippet"`
	Quality   news.Quality `json:"quality"`
	Duplicate int64        `json:"duplicate_of,omitempty"`
	Story     int64        `json:"story_id,omitempty"`
	Link      string       `json:"link"`
}

func summarise(a news.Article) articleSummary {
	s := articleSummary{ID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Language: a.Language,
		Snippet: Snippet(a.Body, 240), Quality: a.Quality, Duplicate: a.DuplicateOf, Story: a.StoryID,
		Link: fmt.Sprintf("/api/articles/%d", a.ID)}
	if !a.Published.IsZero() {
		p := a.Published
		s.Published = &p
	}
	return s
}

// Snippet returns the start of text, cut at a word boundary within n bytes.
func Snippet(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if len(text) <= n {
		return text
	}
	cut := strings.LastIndexByte(text[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && text[cut]&0xC0 == 0x80 {
			cut--
		}
	}
	return text[:cut] + "…"
}

// paging reads limit and offset, rejecting values that are not numbers.
func paging(r *http.Request) (limit, offset int, err error) {
	if v := r.URL.Query().Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 0 {
			return 0, 0, fmt.Errorf("limit: %q is not a non-negative number", v)
		}
	}
	if v := r.URL.Query().Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, fmt.Errorf("offset: %q is not a non-negative number", v)
		}
	}
	return store.ClampLimit(limit), offset, nil
}

// ParseDay reads a query date: a day (2018-06-12) or an RFC 3339 time.
func ParseDay(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%s: %q is not a date (use 2018-06-12 or RFC 3339)", name, v)
}

func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := paging(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q := store.ArticleQuery{Text: r.URL.Query().Get("q"), Limit: limit, Offset: offset}
	if q.From, err = ParseDay("from", r.URL.Query().Get("from")); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if q.To, err = ParseDay("to", r.URL.Query().Get("to")); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if !q.To.IsZero() && len(r.URL.Query().Get("to")) == len("2006-01-02") {
		q.To = q.To.AddDate(0, 0, 1) // "to" a day includes that day
	}
	arts, err := s.store.Articles(r.Context(), q)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	items := make([]articleSummary, 0, len(arts))
	for _, a := range arts {
		items = append(items, summarise(a))
	}
	writeJSON(w, http.StatusOK, Page[articleSummary]{Items: items, Limit: limit, Offset: offset})
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("article id %q is not a positive number", r.PathValue("id")))
		return
	}
	doc, err := s.store.Document(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no article with id %d", id))
		return
	}
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

// postedArticle is the body of POST /api/articles: the same fields as a
// JSON line for `newsgraph ingest`.
type postedArticle struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

func (s *Server) postArticle(w http.ResponseWriter, r *http.Request) {
	if s.processor == nil {
		writeError(w, http.StatusMethodNotAllowed, "this server does not accept articles")
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %q: send application/json", ct))
		return
	}
	body := http.MaxBytesReader(w, r.Body, MaxBody)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	var p postedArticle
	if err := dec.Decode(&p); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d bytes", MaxBody))
			return
		}
		writeError(w, http.StatusBadRequest, "invalid JSON: "+err.Error())
		return
	}
	if strings.TrimSpace(p.Text) == "" && strings.TrimSpace(p.HTML) == "" {
		writeError(w, http.StatusUnprocessableEntity, `an article needs a non-empty "text" or "html" field`)
		return
	}
	raw := news.Raw{Input: "api", Format: "json", URL: p.URL, Title: p.Title, Source: p.Source, Text: p.Text}
	if p.HTML != "" {
		raw.HTML, raw.Format = []byte(p.HTML), "html"
	}
	if p.Published != "" {
		t, err := source.ParseTime(p.Published)
		if err != nil {
			writeError(w, http.StatusUnprocessableEntity, "published: "+err.Error())
			return
		}
		raw.Published = t
	}
	if p.URL != "" {
		raw.Input = p.URL
	}
	doc, err := s.processor.Process(raw)
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	id, created, err := s.store.Save(r.Context(), doc)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	status := http.StatusCreated
	if !created {
		status = http.StatusOK
	}
	w.Header().Set("Location", fmt.Sprintf("/api/articles/%d", id))
	writeJSON(w, status, map[string]any{"id": id, "created": created, "link": fmt.Sprintf("/api/articles/%d", id)})
}

func (s *Server) listFailures(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := paging(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	fs, err := s.store.Failures(r.Context(), store.FailureQuery{Stage: r.URL.Query().Get("stage"), Limit: limit, Offset: offset})
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, Page[store.Failure]{Items: fs, Limit: limit, Offset: offset})
}

func (s *Server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, "internal error; see the server log")
}
