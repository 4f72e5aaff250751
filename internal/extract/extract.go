// Package extract turns a raw input document into a clean article: the main
// text without site chrome, its metadata, its language and its quality.
//
// HTML goes through go-trafilatura (with its readability and dom-distiller
// fallbacks); plain text, where a scraper has already flattened the chrome
// into lines, goes through package boilerplate. Extraction is a pure function
// of its input.
package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/abadojack/whatlanggo"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/boilerplate"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/quality"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// ErrNoText is returned when a document has no main text left after
// extraction (an index page, a login wall, a page of links).
var ErrNoText = errors.New("no main text found")

// minWords is the fewest words an article body can have. Fewer is what the
// extractors return for an index or error page: a menu item, a caption.
const minWords = 4

// Article extracts the clean article from raw.
func Article(raw news.Raw) (news.Article, error) {
	var (
		a     news.Article
		decks []string
		err   error
	)
	switch {
	case len(raw.HTML) > 0:
		a, decks, err = fromHTML(raw)
	default:
		a, err = fromText(raw)
	}
	if err != nil {
		return a, err
	}
	a.Input = raw.Input
	a.Format = raw.Format
	if a.URL == "" {
		a.URL = raw.URL
	}
	if raw.Title != "" {
		a.Title = cleanLine(raw.Title)
	}
	if raw.Source != "" {
		a.Source = raw.Source
	}
	if a.Source == "" {
		a.Source = hostOf(firstNonEmpty(a.CanonicalURL, a.URL))
	}
	if !raw.Published.IsZero() {
		a.Published = raw.Published
		a.PublishedPrecision = "second"
		if raw.Published.Equal(dayStart(raw.Published)) && raw.Published.Location() == time.UTC {
			a.PublishedPrecision = "day"
		}
	}
	a.Fetched = raw.Fetched
	if a.Removed == nil {
		a.Removed = []string{}
	}
	a.Body, a.Removed = dropRepeatedTitle(a.Body, a.Title, a.Removed)
	a.Body, a.Removed = dropDeck(a.Body, decks, a.Removed)
	if n := len(strings.Fields(a.Body)); n < minWords {
		return a, fmt.Errorf("%w (%d words)", ErrNoText, n)
	}
	a.Language = Language(a.Body)
	a.ContentHash = ContentHash(a.Body)
	a.Quality = quality.Assess(quality.Input{
		Title:            a.Title,
		Body:             a.Body,
		Language:         a.Language,
		BoilerplateRatio: removedRatio(a),
		Removed:          len(a.Removed),
		KnownNames:       knownNames(),
	})
	return a, nil
}

// removedRatio is the share of the input text removed as chrome.
func removedRatio(a news.Article) float64 {
	removed := 0
	for _, r := range a.Removed {
		removed += len(r)
	}
	if removed == 0 {
		return 0
	}
	return float64(removed) / float64(removed+len(a.Body))
}

// knownNames are the full names of the people in the actor knowledge base,
// against which garbled names ("Donald Nut Trump") are recognised.
var knownNames = sync.OnceValue(func() []string {
	var names []string
	for _, p := range actors.Default().People() {
		names = append(names, p.Name)
	}
	return names
})

func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// fromText cleans scraped plain text: chrome lines, bylines and datelines
// are removed (and kept as metadata), and a first line that looks like a
// headline becomes the title.
func fromText(raw news.Raw) (news.Article, error) {
	text := strings.ReplaceAll(raw.Text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	c := boilerplate.Clean(text)
	a := news.Article{
		Title:            c.Title,
		Author:           c.Author,
		Dateline:         c.Dateline,
		Body:             normaliseParagraphs(c.Body),
		Removed:          c.Removed,
		RelatedHeadlines: c.RelatedHeadlines,
	}
	// Scraped text has no metadata, but its dateline or a "Posted on …
	// by …" line often states the day of publication and the author.
	for _, line := range append([]string{c.Dateline}, c.Removed...) {
		if a.Published.IsZero() {
			if day, ok := fullDate(line); ok {
				a.Published, a.PublishedPrecision = day, "day"
			}
		}
		if a.Author == "" {
			if m := postedBy.FindStringSubmatch(line); m != nil {
				a.Author = m[1]
			}
		}
	}
	return a, nil
}

// postedBy finds the author in a blog's "Posted on June 30, 2019 by Jane
// Doe" line.
var postedBy = regexp.MustCompile(`(?i)^(?:posted|published|written)\b.*\bby ([A-Z][\p{L}.'-]+(?: [A-Z][\p{L}.'-]+){1,3})\s*$`)

// fullDate returns the day in line when line states one with its year
// ("July 7, 2018"): a day without a year cannot be a publication date.
func fullDate(line string) (time.Time, bool) {
	if line == "" {
		return time.Time{}, false
	}
	for _, d := range timex.Find(line, time.Time{}) {
		if d.Precision != news.PrecisionDay {
			continue
		}
		if t, err := time.Parse("2006-01-02", d.Value); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// fromHTML extracts the article from a page, and returns with it the texts
// that the page marks up as its deck (see deckTexts).
func fromHTML(raw news.Raw) (news.Article, []string, error) {
	var a news.Article
	contentType := ""
	if raw.Charset != "" {
		contentType = "text/html; charset=" + raw.Charset
	}
	page, err := source.HTMLToUTF8(raw.HTML, contentType)
	if err != nil {
		return a, nil, err
	}
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		// Deduplication drops repeated segments, which costs recall on
		// real pages (F1 0.898 with it, 0.899 without; docs/accuracy.md).
	}
	if u, err := url.Parse(raw.URL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return a, nil, fmt.Errorf("parse page: %w", err)
	}
	decks := deckTexts(doc)
	links := linkTexts(doc)
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return a, nil, fmt.Errorf("extract main text: %w", err)
	}
	meta := readMeta(page)
	// trafilatura keeps some chrome inside the content node: section
	// labels, "Read more" links, photo credits, bare dates. The plain-text
	// rules remove those lines too. The first line stays (the title comes
	// from the page's metadata), and the dateline with it is cut as usual.
	c := boilerplate.CleanWith(paragraphs(res.ContentNode), boilerplate.Options{
		IsLink: func(line string) bool { return links[linkKey(line)] },
	})
	a.Body = normaliseParagraphs(strings.TrimSpace(c.Title + "\n\n" + c.Body))
	a.Removed = c.Removed
	a.RelatedHeadlines = c.RelatedHeadlines
	a.Dateline = c.Dateline
	a.Title = cleanLine(firstNonEmpty(meta.title, res.Metadata.Title))
	a.Author = cleanLine(firstNonEmpty(meta.author, res.Metadata.Author))
	a.Source = cleanLine(firstNonEmpty(meta.siteName, res.Metadata.Sitename))
	a.CanonicalURL = firstNonEmpty(meta.canonical, res.Metadata.URL)
	switch {
	case !meta.published.IsZero():
		a.Published = meta.published
		a.PublishedPrecision = meta.precision
	case !res.Metadata.Date.IsZero():
		a.Published = res.Metadata.Date
		a.PublishedPrecision = "day"
	}
	return a, decks, nil
}

// dropRepeatedTitle removes the title where the body repeats it among its
// first paragraphs (pages often keep their <h1> inside the article), and
// the short lines above it: whatever stands over the headline — a section
// label, a breadcrumb — is page furniture, not the article. Everything
// removed is listed in removed.
func dropRepeatedTitle(body, title string, removed []string) (string, []string) {
	if title == "" {
		return body, removed
	}
	want := ContentHash(title)
	paras := strings.Split(body, "\n\n")
	for i := 0; i < len(paras) && i < maxTitleDepth; i++ {
		if ContentHash(paras[i]) == want {
			removed = append(removed, paras[:i+1]...)
			return strings.TrimSpace(strings.Join(paras[i+1:], "\n\n")), removed
		}
		if len(strings.Fields(paras[i])) > maxFurnitureWords {
			break // article text before any repeat: the title is not repeated on top
		}
	}
	return body, removed
}

// maxTitleDepth is how many paragraphs deep a repeated title is looked for,
// and maxFurnitureWords the longest line that may stand above it.
const (
	maxTitleDepth     = 3
	maxFurnitureWords = 12
)

// normaliseParagraphs keeps paragraph boundaries (blank lines) and single
// line breaks, trims each line, and collapses runs of blank lines.
func normaliseParagraphs(text string) string {
	var out []string
	blank := true
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		line = strings.TrimLeftFunc(line, unicode.IsSpace)
		if line == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, line)
		blank = false
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// cleanLine collapses white space in a one-line field.
func cleanLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// Language returns the ISO 639-1 code of text's language, or "" when the
// detector is not confident (very short text).
func Language(text string) string {
	sample := text
	if len(sample) > 4000 {
		sample = sample[:4000]
	}
	info := whatlanggo.Detect(sample)
	// Short texts (a headline, a one-line item) leave the detector unsure.
	// English is taken on its best guess alone, since English-only stages
	// are built for it and most input is English; another language must be
	// detected with confidence before the English stages are skipped.
	if info.Lang == whatlanggo.Eng {
		return "en"
	}
	if !info.IsReliable() && info.Confidence < 0.5 {
		return ""
	}
	return info.Lang.Iso6391()
}

// ContentHash identifies the article text whatever its white space, case and
// punctuation, so that the same text ingested from two inputs is one article.
func ContentHash(body string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(body) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		default:
			space = true
		}
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:16])
}

// dropDeck removes the deck from the body: the page's marked-up deck (see
// deckTexts) when it stands as the body's first paragraph, directly under
// the headline. A deck is the editor's summary of the story, written for
// the page rather than part of the reported text; left in the body it
// would repeat the lead's facts as a second account of them. It is listed
// in removed. A deck text found further down is left alone: there the page
// has reused the class for something else.
func dropDeck(body string, decks, removed []string) (string, []string) {
	if len(decks) == 0 || body == "" {
		return body, removed
	}
	first, rest, _ := strings.Cut(body, "\n\n")
	h := ContentHash(first)
	for _, d := range decks {
		if ContentHash(d) == h {
			return strings.TrimSpace(rest), append(removed, first)
		}
	}
	return body, removed
}
