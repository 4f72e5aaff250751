// Package feeds turns RSS, Atom and JSON Feed documents into raw news
// documents, and polls feed subscriptions for new items.
//
// Publication dates keep the time zone the feed gave them. Relative dates
// in an article ("on Tuesday", "yesterday") are resolved against the local
// day of publication, which converting to UTC can shift by one.
package feeds

import (
	"fmt"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Parse reads an RSS, Atom or JSON feed and returns one document per item,
// in feed order, with Format "feed" and Input "input#n" for the n-th item.
// Items with neither text nor a link are left out.
func Parse(r io.Reader, input string) ([]news.Raw, error) {
	f, err := parse(r, "")
	if err != nil {
		return nil, err
	}
	var out []news.Raw
	for i, e := range f.entries {
		if e.raw.Text == "" && e.raw.HTML == nil {
			continue
		}
		e.raw.Input = input + "#" + strconv.Itoa(i+1)
		out = append(out, e.raw)
	}
	return out, nil
}

// feed is a parsed feed.
type feed struct {
	title   string
	entries []entry
}

// entry is one feed item with what the poller needs beyond news.Raw.
type entry struct {
	raw news.Raw
	// key identifies the item across polls: its GUID, else its link.
	key string
	// textLen is the length in characters of the item's text, and
	// truncated whether it ends like an excerpt ("…", "Read more").
	textLen   int
	truncated bool
}

// parse parses a feed. base, when known, is the URL the feed was fetched
// from, against which relative item links are resolved.
func parse(r io.Reader, base string) (*feed, error) {
	gf, err := gofeed.NewParser().Parse(r)
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	f := &feed{title: plainText(gf.Title)}
	baseURL := resolveBase(base, gf.Link)
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		e := entry{raw: news.Raw{
			Format:    "feed",
			URL:       itemLink(it, baseURL),
			Title:     plainText(it.Title),
			Source:    f.title,
			Published: published(it),
		}}
		body := pickContent(it.Content, it.Description)
		text := plainText(body)
		e.textLen = utf8.RuneCountInString(text)
		e.truncated = looksTruncated(text)
		if hasMarkup(body) {
			e.raw.HTML = []byte(strings.TrimSpace(body))
		} else if text != "" {
			e.raw.Text = cleanText(body)
		}
		e.key = strings.TrimSpace(it.GUID)
		if e.key == "" {
			e.key = e.raw.URL
		}
		if e.key == "" && (e.raw.Title != "" || e.textLen > 0) {
			e.key = "title:" + e.raw.Title + "|" + it.Published
		}
		f.entries = append(f.entries, e)
	}
	return f, nil
}

// resolveBase picks the URL relative links are resolved against: the
// feed's own URL when known (RFC 3986), else the site link it declares.
func resolveBase(base, siteLink string) *url.URL {
	for _, s := range []string{base, siteLink} {
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && u.IsAbs() {
			return u
		}
	}
	return nil
}

// itemLink returns the item's absolute link. An RSS guid is a permalink
// unless it says otherwise, so an http(s) GUID stands in for a missing link.
func itemLink(it *gofeed.Item, base *url.URL) string {
	link := strings.TrimSpace(it.Link)
	if link == "" {
		if g := strings.TrimSpace(it.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
			link = g
		}
	}
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	if !u.IsAbs() && base != nil {
		u = base.ResolveReference(u)
	}
	return u.String()
}

// published returns the item's publication date (or, failing that, its
// update date) in the zone the feed wrote it in. gofeed normalises the dates
// it parses to UTC, so the raw strings are parsed here; gofeed's instant is
// the fallback for formats this parser does not know.
func published(it *gofeed.Item) time.Time {
	for _, s := range []string{it.Published, it.Updated} {
		if t, ok := parseDate(s); ok {
			return t
		}
	}
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if t != nil {
			return *t
		}
	}
	return time.Time{}
}

// pickContent prefers the full content (content:encoded, Atom content, JSON
// content_html/content_text) over the description or summary, unless the
// content is the shorter of the two.
func pickContent(content, description string) string {
	if strings.TrimSpace(content) == "" {
		return description
	}
	if utf8.RuneCountInString(plainText(content)) < utf8.RuneCountInString(plainText(description)) {
		return description
	}
	return content
}

// hasMarkup reports whether s contains HTML elements (or comments), as
// opposed to plain text that may hold a stray "<" or character references.
func hasMarkup(s string) bool {
	if !strings.Contains(s, "<") {
		return false
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return false
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken, xhtml.CommentToken:
			return true
		}
	}
}

// plainText returns the text of an HTML fragment (or plain text) with
// character references decoded and whitespace collapsed, as used for titles
// and for measuring how much text an item carries.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(s))
	skip := 0 // inside script or style
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken, xhtml.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if tt == xhtml.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case "p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
				"blockquote", "td", "th", "tr", "figcaption", "section", "article":
				// Block elements separate words; inline ones do not.
				b.WriteByte(' ')
			}
		case xhtml.SelfClosingTagToken:
			if name, _ := z.TagName(); string(name) == "br" {
				b.WriteByte(' ')
			}
		}
	}
}

// cleanText tidies a plain-text item body: character references decoded
// (feeds often escape their text twice), line breaks normalised, paragraphs
// kept.
func cleanText(s string) string {
	s = html.UnescapeString(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(s)
}

// looksTruncated reports whether text ends the way feed excerpts do.
func looksTruncated(text string) bool {
	lower := strings.ToLower(strings.TrimSpace(text))
	for _, end := range []string{"…", "...", "[…]", "[...]", "(more…)", "read more", "continue reading", "read the full story", "read full article"} {
		if strings.HasSuffix(lower, end) {
			return true
		}
	}
	// WordPress ends excerpts with "Continue reading <title> →".
	i := strings.LastIndex(lower, "continue reading")
	return i >= 0 && len(lower)-i < 200
}
