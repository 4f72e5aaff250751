package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/store"
)

// The CSV exports take the same filters as the tables and the JSON API.
// Without limit and offset they export everything that matches, read from
// the store a page at a time and streamed, so that memory stays bounded
// however much matches; with them, that one page.

var eventColumns = []string{"date", "source", "target", "cameo", "cameo_name", "plover", "mode", "quad_class", "quad_name",
	"goldstein", "negated", "hypothetical", "confidence", "location", "source_text", "target_text", "rule", "evidence",
	"article_id", "event_index", "article_title", "article_url", "article_source", "article_published", "link"}

var quoteColumns = []string{"date", "speaker", "speaker_actor", "direct", "cue", "text",
	"article_id", "quote_index", "article_title", "article_url", "article_source", "article_published", "link"}

func (u *UI) eventsCSV(w http.ResponseWriter, r *http.Request) {
	q, err := api.EventQuery(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	cw := startCSV(w, "events.csv", eventColumns)
	u.streamPages(r, q.Limit, q.Offset, cw, func(ctx context.Context, limit, offset int) (int, error) {
		q.Limit, q.Offset = limit, offset
		events, err := u.store.Events(ctx, q)
		for _, e := range events {
			cw.Write([]string{e.Date, strings.Join(e.Source, " "), strings.Join(e.Target, " "), e.CAMEO, cameoName(e.CAMEO),
				e.PLOVER, e.Mode, strconv.Itoa(e.QuadClass), quadName(e.QuadClass), num(e.Goldstein),
				strconv.FormatBool(e.Negated), strconv.FormatBool(e.Hypothetical), num(e.Confidence),
				text(e.Location), text(e.SourceText), text(e.TargetText), text(e.Rule), text(e.Evidence),
				strconv.FormatInt(e.ArticleID, 10), strconv.Itoa(e.Index), text(e.ArticleTitle), text(e.ArticleURL),
				text(e.ArticleSource), isoTime(e.ArticlePublished), fmt.Sprintf("/articles/%d#event-%d", e.ArticleID, e.Index)})
		}
		return len(events), err
	})
}

func (u *UI) quotesCSV(w http.ResponseWriter, r *http.Request) {
	q, err := api.QuoteQuery(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	cw := startCSV(w, "quotes.csv", quoteColumns)
	u.streamPages(r, q.Limit, q.Offset, cw, func(ctx context.Context, limit, offset int) (int, error) {
		q.Limit, q.Offset = limit, offset
		quotes, err := u.store.Quotes(ctx, q)
		for _, x := range quotes {
			cw.Write([]string{x.Date, text(x.Speaker), x.SpeakerActor, strconv.FormatBool(x.Direct), text(x.Cue), text(x.Text),
				strconv.FormatInt(x.ArticleID, 10), strconv.Itoa(x.Index), text(x.ArticleTitle), text(x.ArticleURL),
				text(x.ArticleSource), isoTime(x.ArticlePublished), fmt.Sprintf("/articles/%d#quote-%d", x.ArticleID, x.Index)})
		}
		return len(quotes), err
	})
}

func startCSV(w http.ResponseWriter, name string, columns []string) *csv.Writer {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	cw := csv.NewWriter(w)
	cw.Write(columns)
	return cw
}

// streamPages calls page for successive pages until one comes back short,
// flushing after each; or once, when the request asked for one page. An
// error after the header is sent can only be logged: the download then ends
// early, and the log says why.
func (u *UI) streamPages(r *http.Request, limit, offset int, cw *csv.Writer, page func(ctx context.Context, limit, offset int) (int, error)) {
	one := r.URL.Query().Has("limit") || r.URL.Query().Has("offset")
	if !one {
		limit, offset = store.MaxLimit, 0
	}
	for {
		n, err := page(r.Context(), limit, offset)
		cw.Flush()
		if err != nil {
			u.log.Error("csv export", "path", r.URL.Path, "err", err)
			return
		}
		if one || n < limit {
			return
		}
		offset += n
	}
}

// text defuses a value that a spreadsheet would read as a formula (one
// starting with = + - @ or a control character) by prefixing a quote, as
// spreadsheets themselves do; numbers are written by num and never touched.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
