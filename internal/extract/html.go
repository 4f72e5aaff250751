package extract

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

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
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript:
				return
			case atom.Br:
				cur.WriteByte(' ')
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		} else if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
			cur.WriteByte(' ')
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
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
