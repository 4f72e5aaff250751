package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// homePage is the data of home.html: a front page, or search results.
type homePage struct {
	meta
	// Lead is the newest article, set out as the front page's lead story.
	Lead     *news.Article
	Articles []news.Article
	Searched bool
	Stats    store.Stats
	// Dyads are the most active dyads over DyadScope.
	Dyads     []DyadCount
	DyadScope string
	Stories   []news.Story
	Pager     pager
}

// activeWindow is how far back "most active" looks from the newest event.
const activeWindow = 30 // days

// minActive is how many events the window must hold to say anything; with
// fewer (an old or small database) the home page counts over all time.
const minActive = 10

func (u *UI) home(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	offset = max(offset, 0)
	page := homePage{meta: meta{Title: "newsgraph", Section: "home", Query: q}, Searched: q != ""}
	limit := 30
	if page.Searched {
		page.Title = q + " — search"
	}
	arts, err := u.store.Articles(r.Context(), store.ArticleQuery{Text: q, Limit: limit + 1, Offset: offset})
	if err != nil {
		u.internal(w, r, err)
		return
	}
	page.Pager = newPager(r.URL, offset, limit, len(arts) > limit)
	arts = arts[:min(len(arts), limit)]
	if !page.Searched && offset == 0 && len(arts) > 0 {
		page.Lead, arts = &arts[0], arts[1:]
	}
	page.Articles = arts
	if !page.Searched {
		if page.Stats, err = u.store.Stats(r.Context()); err != nil {
			u.internal(w, r, err)
			return
		}
		if page.Dyads, page.DyadScope, err = u.activeDyads(r.Context(), 8); err != nil {
			u.internal(w, r, err)
			return
		}
		if u.Stories != nil {
			if page.Stories, err = u.Stories.LatestStories(r.Context(), 6); err != nil {
				u.internal(w, r, err)
				return
			}
		}
	}
	u.render(w, r, http.StatusOK, "home.html", page)
}

// activeDyads returns the dyads with the most events in the activeWindow
// days up to the newest event, or over all time when that window is too
// quiet to rank anything, and says which.
func (u *UI) activeDyads(ctx context.Context, limit int) ([]DyadCount, string, error) {
	latest, err := u.store.Events(ctx, store.EventQuery{Limit: 1})
	if err != nil || len(latest) == 0 {
		return nil, "", err
	}
	if newest, ok := eventDay(latest[0]); ok {
		from := newest.AddDate(0, 0, -activeWindow)
		ds, err := u.Dyads(ctx, from, newest, limit)
		if err != nil {
			return nil, "", err
		}
		total := 0
		for _, d := range ds {
			total += d.Total
		}
		if total >= minActive {
			return ds, "in the " + strconv.Itoa(activeWindow) + " days to " + day(newest), nil
		}
	}
	ds, err := u.Dyads(ctx, time.Time{}, time.Time{}, limit)
	return ds, "over all time", err
}

// pager links to the previous and next pages of a list, keeping the
// request's other parameters.
type pager struct {
	Prev, Next string
	Offset     int
}

func newPager(u *url.URL, offset, limit int, more bool) pager {
	p := pager{Offset: offset}
	v := u.Query()
	if offset > 0 {
		v.Set("offset", strconv.Itoa(max(offset-limit, 0)))
		if offset-limit <= 0 {
			v.Del("offset")
		}
		p.Prev = query(u.Path, v)
	}
	if more {
		v.Set("offset", strconv.Itoa(offset+limit))
		p.Next = query(u.Path, v)
	}
	return p
}

// hitSnippet returns about n bytes of body around the first word of the
// query it contains, with every query word in it marked, so that a search
// result shows why it matched. Matching ignores ASCII case only, which
// keeps byte offsets the same in the lowered copy. Without a hit it is the
// start of the body.
func hitSnippet(body, q string, n int) template.HTML {
	body = strings.Join(strings.Fields(body), " ")
	lower := asciiLower(body)
	var words []string
	for _, w := range strings.FieldsFunc(asciiLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) > 1 {
			words = append(words, w)
		}
	}
	first := -1
	for _, w := range words {
		if i := strings.Index(lower, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 {
		return template.HTML(template.HTMLEscapeString(api.Snippet(body, n)))
	}
	start := max(0, first-n/3)
	for start > 0 && body[start-1] != ' ' {
		start--
	}
	end := min(len(body), start+n)
	for end < len(body) && body[end] != ' ' {
		end++
	}
	var marks []mark
	for _, w := range words {
		for i := start; i < end; {
			j := strings.Index(lower[i:end], w)
			if j < 0 {
				break
			}
			marks = append(marks, mark{start: j + i - start, end: j + i - start + len(w), open: `<mark class="hit">`, reopen: `<mark class="hit">`, close: `</mark>`})
			i += j + len(w)
		}
	}
	h := string(highlightInline(body[start:end], marks))
	if start > 0 {
		h = "…" + h
	}
	if end < len(body) {
		h += "…"
	}
	return template.HTML(h)
}

// asciiLower lowers A-Z only, so that offsets into the result are offsets
// into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
