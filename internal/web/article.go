package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"sort"
	"strconv"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// articlePage is the data of article.html.
type articlePage struct {
	meta
	A *news.Article
	// Headline and Body are the title and text with the annotations drawn
	// over them; built by highlight, which escapes every piece.
	Headline, Body template.HTML
	Events         []eventItem
	NonFactual     []eventItem
	Quotes         []quoteItem
	Entities       []entityGroup
	Dates          []news.DateMention
	Skipped        []string
	Story          *news.Story
	StoryArticles  []news.Article
}

type eventItem struct {
	Index int
	news.Event
	// Dyad links the event's source and target countries' timeline, when
	// it has both.
	Dyad string
	// Drawn reports that the evidence is marked in the text, where the
	// event's anchor then is; otherwise the anchor is on the event's entry.
	Drawn bool
}

type quoteItem struct {
	Index int
	news.Quote
	// SpeakerLink is the speaker's entity page, when the speaker is an
	// entity named in the article.
	SpeakerLink string
}

// entityGroup is one canonical entity with its mentions in the article.
type entityGroup struct {
	Name, Type, Actor string
	Link              string
	Mentions          int
	// Forms are the distinct ways the article writes it.
	Forms []string
}

func (u *UI) article(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		u.fail(w, r, http.StatusBadRequest, fmt.Sprintf("%q is not an article number.", r.PathValue("id")))
		return
	}
	doc, err := u.store.Document(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		u.fail(w, r, http.StatusNotFound, fmt.Sprintf("There is no article %d.", id))
		return
	}
	if err != nil {
		u.internal(w, r, err)
		return
	}
	a := &doc.Article
	title, headMarks := a.Title, titleMarks(doc)
	if title == "" {
		title, headMarks = "(untitled)", nil
	}
	page := articlePage{meta: meta{Title: title}, A: a, Dates: doc.Dates, Skipped: doc.Skipped,
		Headline: highlightInline(title, headMarks),
		Body:     highlight(a.Body, bodyMarks(doc))}
	for i, e := range doc.Events {
		item := eventItem{Index: i, Event: e, Drawn: drawable(a.Body, e.EvidenceStart, e.EvidenceEnd)}
		if e.Headline {
			item.Drawn = a.Title != "" && drawable(a.Title, e.EvidenceStart, e.EvidenceEnd)
		}
		if len(e.Source) > 0 && len(e.Target) > 0 && len(e.Source[0]) >= 3 && len(e.Target[0]) >= 3 && isCode(e.Source[0][:3]) && isCode(e.Target[0][:3]) {
			item.Dyad = "/dyads/" + e.Source[0][:3] + "/" + e.Target[0][:3]
		}
		if e.Factual() {
			page.Events = append(page.Events, item)
		} else {
			page.NonFactual = append(page.NonFactual, item)
		}
	}
	page.Entities = groupEntities(doc.Entities)
	named := map[string]bool{}
	for _, g := range page.Entities {
		if g.Link != "" {
			named[g.Name] = true
		}
	}
	for i, q := range doc.Quotes {
		item := quoteItem{Index: i, Quote: q}
		if named[q.Speaker] {
			item.SpeakerLink = entityHref(q.Speaker)
		}
		page.Quotes = append(page.Quotes, item)
	}
	if u.Stories != nil && a.StoryID != 0 {
		story, arts, err := u.Stories.StoryArticles(r.Context(), a.StoryID)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			u.internal(w, r, err)
			return
		default:
			page.Story = story
			for _, o := range arts {
				if o.ID != a.ID {
					page.StoryArticles = append(page.StoryArticles, o)
				}
			}
		}
	}
	u.render(w, r, http.StatusOK, "article.html", page)
}

// highlightInline is highlight for a one-line text such as a headline:
// the same marks, without the paragraph.
func highlightInline(text string, marks []mark) template.HTML {
	h := string(highlight(text, marks))
	return template.HTML(h[len("<p>") : len(h)-len("</p>")])
}

// groupEntities merges an article's mentions by canonical entity, most
// mentioned first; pronouns resolved to an entity count as its mentions.
func groupEntities(mentions []news.EntityMention) []entityGroup {
	var groups []entityGroup
	index := map[string]int{}
	actors := map[string]map[string]int{}
	for i, m := range mentions {
		key := m.Canonical
		if key == "" {
			key = m.Text
		}
		key = m.Type + "\x00" + key
		g, ok := index[key]
		if !ok {
			name := m.Canonical
			if name == "" {
				name = m.Text
			}
			eg := entityGroup{Name: name, Type: m.Type}
			if m.Canonical != "" {
				eg.Link = entityHref(m.Canonical)
			}
			g = len(groups)
			index[key] = g
			groups = append(groups, eg)
			actors[key] = map[string]int{}
		}
		groups[g].Mentions++
		if m.Actor != "" {
			actors[key][m.Actor]++
		}
		if !(m.Ref >= 0 && m.Ref < i) && !contains(groups[g].Forms, m.Text) {
			groups[g].Forms = append(groups[g].Forms, m.Text)
		}
	}
	for key, g := range index {
		best, n := "", 0
		for a, c := range actors[key] {
			if c > n || c == n && a < best {
				best, n = a, c
			}
		}
		groups[g].Actor = best
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Mentions > groups[j].Mentions })
	return groups
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isCode reports whether s is three capital ASCII letters: a country or
// actor prefix that may appear in a /dyads/ path.
func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
