package extract

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsgraph/newsgraph/internal/source"
)

// blockElements end a paragraph of the extracted text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
	atom.Pre: true, atom.Tr: true, atom.Table: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dd: true, atom.Dt: true, atom.Section: true, atom.Article: true,
	atom.Figure: true, atom.Figcaption: true, atom.Header: true, atom.Footer: true,
}

// paragraphs renders trafilatura's content node as text with a blank line
// between block elements, so that later stages see real paragraph
// boundaries rather than one run of text.
func paragraphs(n *html.Node) string {
	if n == nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := cleanLine(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	// trafilatura trims the text before and after every inline element
	// ("<code>pip</code> and" keeps "pip" and "and"), so a space is put
	// back where an element boundary separates two words, as its own text
	// output does; not before closing punctuation or between CJK letters,
	// which are written without spaces.
	boundary := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if boundary && cur.Len() > 0 && n.Data != "" {
				last, _ := utf8.DecodeLastRuneInString(cur.String())
				next, _ := utf8.DecodeRuneInString(n.Data)
				if needsSpace(last, next) {
					cur.WriteByte(' ')
				}
			}
			boundary = false
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch tagOf(n) {
			case atom.Script, atom.Style, atom.Noscript:
				return
			case atom.Br:
				cur.WriteByte(' ')
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[tagOf(n)]
		if block {
			flush()
		}
		boundary = true
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		boundary = true
		if block {
			flush()
		} else if t := tagOf(n); n.Type == html.ElementNode && (t == atom.Td || t == atom.Th) {
			cur.WriteByte(' ')
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}

// tagOf returns n's tag. trafilatura creates elements (and renames others)
// by their name alone, leaving DataAtom empty or stale, so the name is
// looked up rather than DataAtom trusted: a list it built would otherwise
// run all its items into one paragraph.
func tagOf(n *html.Node) atom.Atom {
	if n.Type != html.ElementNode {
		return 0
	}
	return atom.Lookup([]byte(n.Data))
}

// needsSpace reports whether two pieces of text that an inline element
// boundary separates, ending in last and starting with next, need a space
// between them.
func needsSpace(last, next rune) bool {
	switch {
	case unicode.IsSpace(last) || unicode.IsSpace(next):
		return false
	case strings.ContainsRune(".,;:!?)]}%…»”’'\"", next):
		return false
	case strings.ContainsRune("([{«“‘/-", last):
		return false
	case isCJK(last) || isCJK(next):
		return false
	}
	return true
}

// isCJK reports whether r belongs to a script written without spaces
// between words.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// pageMeta is what a page says about itself in machine-readable markup.
type pageMeta struct {
	title, author, siteName, canonical string
	published                          time.Time
	precision                          string
}

// publishedKeys are the meta names that state when an article was first
// published, most specific first. Modified dates are deliberately absent:
// a page updated today was not published today.
var publishedKeys = []string{
	"article:published_time", "og:article:published_time", "datepublished",
	"publishdate", "pubdate", "publish-date", "date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
}

// readMeta reads <meta>, <link rel=canonical>, <time> and JSON-LD from the
// page head. trafilatura also finds a date, but only the day: the time and
// zone are needed to resolve "on Friday" in the text against the local date.
func readMeta(page []byte) pageMeta {
	var m pageMeta
	found := map[string]string{}
	z := html.NewTokenizer(bytes.NewReader(page))
	inLD := false
	var ld bytes.Buffer
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			switch string(name) {
			case "meta":
				key := strings.ToLower(firstNonEmpty(attrs["property"], attrs["name"], attrs["itemprop"]))
				if key != "" && attrs["content"] != "" {
					if _, ok := found[key]; !ok {
						found[key] = attrs["content"]
					}
				}
			case "link":
				if strings.EqualFold(attrs["rel"], "canonical") && m.canonical == "" {
					m.canonical = attrs["href"]
				}
			case "time":
				if attrs["itemprop"] == "datePublished" || strings.Contains(attrs["class"], "published") {
					if _, ok := found["time"]; !ok && attrs["datetime"] != "" {
						found["time"] = attrs["datetime"]
					}
				}
			case "script":
				if strings.EqualFold(attrs["type"], "application/ld+json") {
					inLD = true
					ld.Reset()
				}
			}
		case html.TextToken:
			if inLD {
				ld.Write(z.Text())
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) == "script" && inLD {
				inLD = false
				readJSONLD(ld.Bytes(), found)
			}
		}
	}
	m.title = firstNonEmpty(found["og:title"], found["twitter:title"])
	m.author = firstNonEmpty(found["author"], found["article:author"], found["ld:author"])
	if strings.HasPrefix(m.author, "http") {
		m.author = ""
	}
	m.siteName = firstNonEmpty(found["og:site_name"], found["ld:publisher"])
	for _, k := range append(publishedKeys, "ld:datepublished", "time") {
		v := found[k]
		if v == "" {
			continue
		}
		if t, err := source.ParseTime(v); err == nil {
			m.published = t
			m.precision = "second"
			if len(strings.TrimSpace(v)) <= len("2006-01-02") {
				m.precision = "day"
			}
			break
		}
	}
	return m
}

// readJSONLD takes the publication date, author and publisher from a
// schema.org NewsArticle (or any object with datePublished) in JSON-LD.
func readJSONLD(data []byte, found map[string]string) {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return
	}
	var visit func(any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if s, ok := x["datePublished"].(string); ok && found["ld:datepublished"] == "" {
				found["ld:datepublished"] = s
				if a := ldName(x["author"]); a != "" && found["ld:author"] == "" {
					found["ld:author"] = a
				}
				if p := ldName(x["publisher"]); p != "" && found["ld:publisher"] == "" {
					found["ld:publisher"] = p
				}
			}
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
		}
	}
	visit(v)
}

func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		s, _ := x["name"].(string)
		return s
	case []any:
		var names []string
		for _, e := range x {
			if n := ldName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// deckClasses are the class and id words with which pages mark the deck
// (standfirst, subheadline): the line or two under the headline that
// summarises the story.
var deckClasses = map[string]bool{
	"dek": true, "deck": true, "standfirst": true, "subtitle": true,
	"subheadline": true, "subhead": true, "strapline": true, "subheading": true,
}

// maxDeckWords is the longest deck: a summary line, not a paragraph.
const maxDeckWords = 60

// deckTexts returns the texts a page marks up as its deck: an element whose
// class or id names a deck (.dek, .standfirst, .article-subtitle,
// #sub-headline), an itemprop="alternativeHeadline", or a subheading (h2,
// p) that shares the article's header with the h1. Navigation, forms and
// teasers of other stories are not looked into.
func deckTexts(doc *html.Node) []string {
	var out []string
	add := func(n *html.Node) {
		t := cleanLine(textOf(n))
		if w := len(strings.Fields(t)); w >= 3 && w <= maxDeckWords {
			out = append(out, t)
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return
		}
		switch n.DataAtom {
		case atom.Nav, atom.Form, atom.Aside, atom.Footer, atom.Script, atom.Style, atom.A, atom.Li:
			return
		case atom.Header, atom.Hgroup:
			if h1 := findChild(n, atom.H1); h1 != nil {
				for s := h1.NextSibling; s != nil; s = s.NextSibling {
					if s.Type == html.ElementNode {
						if s.DataAtom == atom.H2 || s.DataAtom == atom.P {
							add(s)
						}
						break
					}
				}
			}
		}
		if n.Type == html.ElementNode && isDeckElement(n) {
			add(n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// isDeckElement reports whether n's class, id or itemprop marks it as a
// deck. Class names are split into words at "-", "_" and case changes'
// separators, so "article__standfirst" and "sub-title" count.
func isDeckElement(n *html.Node) bool {
	for _, at := range n.Attr {
		switch at.Key {
		case "itemprop":
			if strings.EqualFold(at.Val, "alternativeHeadline") {
				return true
			}
		case "class", "id":
			words := strings.FieldsFunc(strings.ToLower(at.Val), func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r)
			})
			for i, w := range words {
				if deckClasses[w] {
					return true
				}
				if w == "sub" && i+1 < len(words) && (words[i+1] == "title" || words[i+1] == "headline" || words[i+1] == "head") {
					return true
				}
			}
		}
	}
	return false
}

// findChild returns n's first element child (at any depth, outside
// nested sections) with tag a.
func findChild(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == a {
			return c
		}
		if c.DataAtom == atom.Div || c.DataAtom == atom.Span {
			if f := findChild(c, a); f != nil {
				return f
			}
		}
	}
	return nil
}

// textOf returns the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
			if n.DataAtom == atom.Br || blockElements[n.DataAtom] {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// linkTexts returns the keys (linkKey) of the texts of the page's links of
// at least two words: the headlines a page lists are links.
func linkTexts(doc *html.Node) map[string]bool {
	out := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if k := linkKey(textOf(n)); strings.Contains(k, " ") {
				out[k] = true
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// linkKey normalises a link's or a line's text for comparison: lower case,
// single spaces.
func linkKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
