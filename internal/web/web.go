// Package web renders newsgraph's HTML pages on the server with html/template.
// Templates and styles are embedded in the binary, so the UI works offline
// and needs nothing from a CDN. Every value from input is escaped by
// html/template; no script from an article ever runs in our pages.
package web

import (
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// UI serves the HTML pages.
type UI struct {
	store store.Store
	tmpl  *template.Template
	log   *slog.Logger
}

var funcs = template.FuncMap{
	"day": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2 Jan 2006")
	},
	"snippet": api.Snippet,
}

// New returns the UI on s.
func New(s store.Store, log *slog.Logger) (*UI, error) {
	tmpl, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	return &UI{store: s, tmpl: tmpl, log: log}, nil
}

// Register adds the UI's routes to mux.
func (u *UI) Register(mux *http.ServeMux) {
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", u.home)
}

func (u *UI) render(w http.ResponseWriter, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := u.tmpl.ExecuteTemplate(w, name, data); err != nil {
		u.log.Error("render", "template", name, "err", err)
	}
}

func (u *UI) home(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	arts, err := u.store.Articles(r.Context(), store.ArticleQuery{Text: q, Limit: 50})
	if err != nil {
		u.log.Error("home", "err", err)
		http.Error(w, "could not read articles", http.StatusInternalServerError)
		return
	}
	u.render(w, "home.html", map[string]any{"Query": q, "Articles": arts})
}
