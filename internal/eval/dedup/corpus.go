package dedupeval

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/extract"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/source"
)

// CorpusArticle is one article of the example corpus with the name it is
// known by in tests: the file name, with ":N" for the Nth record of a JSON
// lines file or feed.
type CorpusArticle struct {
	Name string
	news.Article
}

// readmeDates are the publication dates the corpus README gives for its
// plain-text files, from their datelines or "Posted on" lines. They fill a
// date only when extraction left it empty (it reads most datelines, but
// not, for instance, the garbled file's dateline on a line of its own), so
// that these measurements do not hang on the dateline parser.
var readmeDates = map[string]string{
	"hwasong-15-icbm-launch-2017.txt":                    "2017-11-29",
	"trump-cancels-singapore-summit-letter-2018.txt":     "2018-05-24",
	"singapore-summit-joint-statement-2018.txt":          "2018-06-12",
	"headline-list-pompeo-pyongyang-july-2018.txt":       "2018-07-07",
	"hanoi-summit-ends-without-deal-2019.txt":            "2019-02-28",
	"comment-chrome-dmz-meeting-blog-2019.txt":           "2019-06-30",
	"japan-south-korea-export-curbs-2019.txt":            "2019-07-02",
	"garbled-spun-north-korea-ignores-outreach-2021.txt": "2021-03-18",
	"ukraine-russia-istanbul-talks-2022.txt":             "2022-03-29",
	"rewrite-words-changed-refused-letter-2025.txt":      "2025-06-11",
	"rewrite-control-not-duplicate-kim-yo-jong-2025.txt": "2025-07-29",
}

// LoadCorpus reads every article of the example corpus in dir, in file
// order, through the same decoding and extraction as an ingest. Feeds are
// read with a small reader of their own (RSS items and Atom entries), so
// that the measurement does not depend on the feed package. A plain-text
// file whose headline extraction did not find has its first line taken as
// the headline.
func LoadCorpus(dir string) ([]CorpusArticle, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []CorpusArticle
	for _, e := range entries {
		name := e.Name()
		format := source.Format(name)
		if format == "" || e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		var raws []news.Raw
		switch format {
		case "jsonl":
			raws, err = jsonLines(data, name)
		case "feed":
			raws, err = feedItems(data, name)
		default:
			var raw news.Raw
			raw, err = source.Decode(data, format, name)
			raws = []news.Raw{raw}
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, raw := range raws {
			a, err := extract.Article(raw)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", raw.Input, err)
			}
			if format == "text" && a.Title == "" {
				title, rest, _ := strings.Cut(a.Body, "\n")
				a.Title, a.Body = strings.TrimSpace(title), strings.TrimSpace(rest)
			}
			if d, ok := readmeDates[name]; ok && a.Published.IsZero() {
				a.Published, _ = time.Parse(time.DateOnly, d)
				a.PublishedPrecision = news.PrecisionDay
			}
			out = append(out, CorpusArticle{Name: raw.Input, Article: a})
		}
	}
	for i := range out {
		out[i].ID = int64(i + 1)
	}
	return out, nil
}

func jsonLines(data []byte, name string) ([]news.Raw, error) {
	var raws []news.Raw
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		raw, err := source.Decode(sc.Bytes(), "json", fmt.Sprintf("%s:%d", name, n))
		if err != nil {
			return nil, err
		}
		raws = append(raws, raw)
	}
	return raws, sc.Err()
}

// feedXML covers the parts of RSS 2.0 and Atom the corpus feeds use.
type feedXML struct {
	Items []struct {
		Title       string `xml:"title"`
		Link        string `xml:"link"`
		PubDate     string `xml:"pubDate"`
		Description string `xml:"description"`
	} `xml:"channel>item"`
	Entries []struct {
		Title string `xml:"title"`
		Link  []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Published string `xml:"published"`
		Content   string `xml:"content"`
	} `xml:"entry"`
}

func feedItems(data []byte, name string) ([]news.Raw, error) {
	var f feedXML
	if err := xml.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	var raws []news.Raw
	add := func(title, link, date, content string) error {
		t, err := source.ParseTime(date)
		if err != nil {
			return err
		}
		raw := news.Raw{
			Input: fmt.Sprintf("%s:%d", name, len(raws)+1), Format: "feed",
			Title: strings.TrimSpace(title), URL: strings.TrimSpace(link), Published: t,
		}
		if strings.Contains(content, "<p>") {
			raw.HTML = []byte("<html><body><article>" + content + "</article></body></html>")
		} else {
			raw.Text = html.UnescapeString(strings.TrimSpace(content))
		}
		raws = append(raws, raw)
		return nil
	}
	for _, it := range f.Items {
		if err := add(it.Title, it.Link, it.PubDate, it.Description); err != nil {
			return nil, err
		}
	}
	for _, e := range f.Entries {
		link := ""
		for _, l := range e.Link {
			if l.Rel == "" || l.Rel == "alternate" {
				link = l.Href
			}
		}
		if err := add(e.Title, link, e.Published, e.Content); err != nil {
			return nil, err
		}
	}
	return raws, nil
}

// Find returns the corpus article whose name starts with prefix; it panics
// when there is not exactly one, since tests name fixtures they know.
func Find(corpus []CorpusArticle, prefix string) CorpusArticle {
	i := slices.IndexFunc(corpus, func(c CorpusArticle) bool { return strings.HasPrefix(c.Name, prefix) })
	if i < 0 || slices.IndexFunc(corpus[i+1:], func(c CorpusArticle) bool { return strings.HasPrefix(c.Name, prefix) }) >= 0 {
		panic("dedupeval: no single corpus article named " + prefix)
	}
	return corpus[i]
}
