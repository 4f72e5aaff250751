package feeds

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

func parseFile(t *testing.T, path string) []news.Raw {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raws, err := Parse(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return raws
}

// stamp formats t with its own offset, which is what the tests check.
func stamp(t time.Time) string { return t.Format("2006-01-02T15:04:05-07:00") }

func TestParseRSS(t *testing.T) {
	raws := parseFile(t, "testdata/world.rss")
	if len(raws) != 3 {
		t.Fatalf("%d items, want 3 (the one without text or link left out)", len(raws))
	}
	for _, r := range raws {
		if r.Format != "feed" || r.Source != "Example News – World" || !r.Fetched.IsZero() {
			t.Errorf("%s: Format %q Source %q Fetched %v", r.Input, r.Format, r.Source, r.Fetched)
		}
	}

	a := raws[0]
	if a.Input != "testdata/world.rss#1" || a.URL != "https://news.example.org/2024/03/01/rotterdam-port-strike.html" ||
		a.Title != "Dockworkers strike shuts port of Rotterdam" {
		t.Errorf("item 1: %q %q %q", a.Input, a.URL, a.Title)
	}
	// content:encoded wins over the one-line description, and is HTML.
	if a.Text != "" || !strings.HasPrefix(string(a.HTML), "<p>ROTTERDAM (Example News) &#8211; Thousands") {
		t.Errorf("item 1 HTML %q, Text %q", a.HTML, a.Text)
	}
	if got := stamp(a.Published); got != "2024-03-01T09:15:00-05:00" {
		t.Errorf("item 1 Published %s, want EST kept", got)
	}

	b := raws[1]
	// A relative link resolves against the channel link.
	if b.URL != "https://news.example.org/2024/02/29/rbi-rates.html" {
		t.Errorf("item 2 URL %q", b.URL)
	}
	// In UTC this is 29 February; the publisher's day is 1 March.
	if got := stamp(b.Published); got != "2024-03-01T03:40:00+05:30" {
		t.Errorf("item 2 Published %s", got)
	}
	if b.HTML != nil || b.Text != "The Reserve Bank of India left its key rate unchanged on Thursday, citing food prices & a strong economy." {
		t.Errorf("item 2 Text %q HTML %q", b.Text, b.HTML)
	}

	c := raws[2]
	if c.Title != "Ministers meet in Brussels over energy" {
		t.Errorf("item 3 Title %q", c.Title)
	}
	if got := stamp(c.Published); got != "2024-02-28T18:02:11+01:00" {
		t.Errorf("item 3 Published (dc:date) %s", got)
	}
	if !strings.Contains(string(c.HTML), "Continue reading") {
		t.Errorf("item 3 HTML %q", c.HTML)
	}
}

func TestParseAtom(t *testing.T) {
	raws := parseFile(t, "testdata/europe.atom")
	if len(raws) != 2 {
		t.Fatalf("%d items", len(raws))
	}
	a, b := raws[0], raws[1]
	if a.URL != "https://eu.example.net/2024/03/01/farmers-paris" || a.Source != "Example Europe Desk" {
		t.Errorf("entry 1: %q %q", a.URL, a.Source)
	}
	if got := stamp(a.Published); got != "2024-03-01T07:30:00+01:00" {
		t.Errorf("entry 1 Published %s", got)
	}
	if a.Text != "Farmers blocked roads around Paris on Friday morning." {
		t.Errorf("entry 1 Text %q", a.Text)
	}
	if b.Title != "Polish truckers end border blockade" {
		t.Errorf("entry 2 Title %q", b.Title)
	}
	// No <published>: the update time stands in.
	if got := stamp(b.Published); got != "2024-02-29T16:20:00+01:00" {
		t.Errorf("entry 2 Published %s", got)
	}
	if !strings.HasPrefix(string(b.HTML), "<p>WARSAW – Polish truck drivers") {
		t.Errorf("entry 2 HTML %q", b.HTML)
	}
}

func TestParseJSONFeed(t *testing.T) {
	raws := parseFile(t, "testdata/asia.json")
	if len(raws) != 1 {
		t.Fatalf("%d items", len(raws))
	}
	r := raws[0]
	if got := stamp(r.Published); got != "2024-03-01T06:10:00+09:00" {
		t.Errorf("Published %s", got)
	}
	if r.Source != "Example Asia" || r.URL != "https://asia.example.com/2024/03/01/typhoon" {
		t.Errorf("%q %q", r.Source, r.URL)
	}
	if !strings.Contains(r.Text, "homes.\n\nRail services") || r.HTML != nil {
		t.Errorf("Text %q (paragraphs must survive)", r.Text)
	}
}

func TestParseNotAFeed(t *testing.T) {
	_, err := Parse(strings.NewReader("<!doctype html><html><body>Hello</body></html>"), "page.xml")
	if err == nil || !strings.Contains(err.Error(), "parse feed") {
		t.Errorf("err = %v", err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Fri, 01 Mar 2024 09:15:00 +0000", "2024-03-01T09:15:00+00:00"},
		{"Fri, 1 Mar 2024 09:15:00 -0800", "2024-03-01T09:15:00-08:00"},
		{"Fri, 01 Mar 2024 09:15:00 GMT", "2024-03-01T09:15:00+00:00"},
		{"Fri, 01 Mar 2024 09:15:00 PDT", "2024-03-01T09:15:00-07:00"},
		{"Fri, 01 Mar 2024 09:15:00 CEST", "2024-03-01T09:15:00+02:00"},
		{"Fri, 01 Mar 2024 09:15 +0100", "2024-03-01T09:15:00+01:00"},
		{"01 Mar 2024 09:15:00 +0100", "2024-03-01T09:15:00+01:00"},
		{"Friday, 01 March 2024 09:15:00 +0100", "2024-03-01T09:15:00+01:00"},
		{"Fri,  01 Mar 2024   09:15:00 +0000 (UTC)", "2024-03-01T09:15:00+00:00"},
		{"2024-03-01T09:15:00.123+05:45", "2024-03-01T09:15:00+05:45"},
		{"2024-03-01T09:15:00Z", "2024-03-01T09:15:00+00:00"},
		{"2024-03-01T09:15+02:00", "2024-03-01T09:15:00+02:00"},
		{"2024-03-01 09:15:00 +0300", "2024-03-01T09:15:00+03:00"},
		{"2024-03-01", "2024-03-01T00:00:00+00:00"},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if !ok || stamp(got) != tt.want {
			t.Errorf("parseDate(%q) = %s, %v; want %s", tt.in, stamp(got), ok, tt.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "Fri, 01 Mar 2024 09:15:00 IST", "32/13/2024"} {
		if got, ok := parseDate(bad); ok {
			t.Errorf("parseDate(%q) = %v, want failure", bad, got)
		}
	}
}

func TestParseKeepsZoneOverGofeed(t *testing.T) {
	// gofeed hands back pubDate in UTC; the item must keep +09:00.
	const rss = `<rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>https://example.org/a</link><description>x</description>
<pubDate>Fri, 01 Mar 2024 09:15:00 +0900</pubDate></item></channel></rss>`
	raws, err := Parse(strings.NewReader(rss), "t.rss")
	if err != nil {
		t.Fatal(err)
	}
	if _, off := raws[0].Published.Zone(); off != 9*3600 {
		t.Errorf("offset %d, want +09:00 kept", off)
	}
}

func TestHasMarkup(t *testing.T) {
	for s, want := range map[string]bool{
		"<p>Text</p>":                      true,
		"Text with <b>bold</b>":            true,
		"Line<br/>break":                   true,
		"Profits rose <5% & costs fell":    false,
		"AT&amp;T said":                    false,
		"Plain text only":                  false,
		"x < y and y > z":                  false,
		"<!-- comment --> hidden":          true,
		"a <3 heart":                       false,
		"Fish &amp; chips &#8211; cheaper": false,
	} {
		if got := hasMarkup(s); got != want {
			t.Errorf("hasMarkup(%q) = %v", s, got)
		}
	}
}
