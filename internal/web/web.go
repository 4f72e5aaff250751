// Package web renders newsgraph's HTML pages on the server with html/template.
// Templates, styles and charts are embedded in the binary or drawn by our own
// Go code as SVG, so the UI works offline and needs nothing from a CDN.
//
// Every value from input is escaped by html/template, or by the highlighter,
// which escapes each piece of an article's body itself; and every page is
// served with a Content-Security-Policy that allows no script at all, so that
// an article's content can never run script in our pages even if escaping
// were wrong somewhere. The pages need no JavaScript.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// StorySource is what the story pages need from the store. The store does
// not group articles into stories yet; when it does, a store that has these
// two methods is used as is, and one with other signatures is plugged in by
// setting UI.Stories to an adapter.
type StorySource interface {
	// LatestStories returns up to limit stories, the most recently updated
	// first.
	LatestStories(ctx context.Context, limit int) ([]news.Story, error)
	// StoryArticles returns a story and its articles, oldest first, or an
	// error wrapping store.ErrNotFound.
	StoryArticles(ctx context.Context, id int64) (*news.Story, []news.Article, error)
}

// UI serves the HTML pages. Its exported fields are the data sources that
// are computed here until the store can answer them directly; replace them
// after New to use a store query instead.
type UI struct {
	store store.Store
	pages map[string]*template.Template
	log   *slog.Logger

	// Stories is nil while the store has no stories: the story route then
	// answers 404 with an explanation and the pages leave stories out.
	Stories StorySource
	// Timeline computes a dyad's timeline; by default from store.Events.
	Timeline TimelineFunc
	// Dyads counts events per dyad; by default from store.Events.
	Dyads DyadsFunc
	// Now is the clock, for tests.
	Now func() time.Time
}

// New returns the UI on s.
func New(s store.Store, log *slog.Logger) (*UI, error) {
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	u := &UI{store: s, pages: pages, log: log, Timeline: EventsTimeline(s), Dyads: EventsDyads(s), Now: time.Now}
	if ss, ok := s.(StorySource); ok {
		u.Stories = ss
	} else if l, ok := s.(store.Linker); ok {
		u.Stories = linkerStories{l}
	}
	return u, nil
}

// parsePages parses each page with the shared layout and partials. Every
// page gets its own template set, so that each can define the same
// "title" and "content" blocks.
func parsePages() (map[string]*template.Template, error) {
	base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/_*.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, name := range names {
		file := strings.TrimPrefix(name, "templates/")
		if strings.HasPrefix(file, "_") {
			continue
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(templateFS, name); err != nil {
			return nil, err
		}
		pages[file] = t
	}
	return pages, nil
}

// Register adds the UI's routes to mux.
func (u *UI) Register(mux *http.ServeMux) {
	static, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	mux.Handle("GET /static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	}))
	handle := func(pattern string, h http.HandlerFunc) { mux.HandleFunc(pattern, timed(h)) }
	handle("GET /{$}", u.home)
	handle("GET /articles/{id}", u.article)
	handle("GET /stories/{id}", u.story)
	handle("GET /dyads", u.dyadIndex)
	handle("GET /dyads/{source}/{target}", u.dyad)
	handle("GET /entities/{name...}", u.entity)
	handle("GET /events", u.events)
	handle("GET /quotes", u.quotes)
	handle("GET /events.csv", u.eventsCSV)
	handle("GET /quotes.csv", u.quotesCSV)
	handle("GET /failures", u.failures)
	handle("GET /api/timeline", u.timelineJSON)
	// Any other path outside the API and the static files is a page that
	// does not exist; say so in HTML rather than with a bare text 404.
	handle("/", func(w http.ResponseWriter, r *http.Request) {
		u.fail(w, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
	})
}

// contentPolicy allows our own styles and nothing else: no script of any
// origin, no plugins, no framing. The pages work without script.
const contentPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// meta is what the layout needs from every page.
type meta struct {
	Title string
	// Section is the navigation item to mark as current.
	Section string
	// Query fills the search box.
	Query string
}

// render executes a page into a buffer first, so that a template error
// becomes a 500 rather than half a page, and reports the time the request
// took in a Server-Timing header, which the browser tests read.
func (u *UI) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	start, _ := r.Context().Value(startKey{}).(time.Time)
	t, ok := u.pages[name]
	var buf bytes.Buffer
	if !ok {
		u.log.Error("render: no template", "template", name)
		http.Error(w, "internal error: no template "+name, http.StatusInternalServerError)
		return
	}
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		u.log.Error("render", "template", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error; see the server log", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", contentPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if !start.IsZero() {
		h.Set("Server-Timing", fmt.Sprintf("app;dur=%.2f", float64(time.Since(start).Microseconds())/1000))
	}
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type startKey struct{}

// timed records when a request started, for the Server-Timing header.
func timed(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h(w, r.WithContext(context.WithValue(r.Context(), startKey{}, time.Now())))
	}
}

// errorPage is the data of error.html.
type errorPage struct {
	meta
	Status  int
	Message string
}

// fail renders an error page with a message meant for the reader.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	u.render(w, r, status, "error.html", errorPage{meta: meta{Title: http.StatusText(status)}, Status: status, Message: msg})
}

// internal logs err and renders a 500 page that does not leak it.
func (u *UI) internal(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	u.log.Error("page failed", "path", r.URL.Path, "err", err)
	u.fail(w, r, http.StatusInternalServerError, "Something went wrong reading the database; the server log says what.")
}
