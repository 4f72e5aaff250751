package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/source"
)

const corpus = "../../examples/corpus"

func readCorpus(t *testing.T, name string) news.Raw {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus, name))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := source.Decode(data, source.Format(name), name)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestHTMLPageWithHeavyChrome(t *testing.T) {
	a, err := Article(readCorpus(t, "heavy-chrome-hanoi-north-korea-rebuttal-2019.html"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "North Korea Disputes Trump's Account of Hanoi Talks, Says It Sought Only Partial Sanctions Relief" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Source != "Pacific Courier" || !strings.Contains(a.Author, "Nguyen Thi Lan") {
		t.Errorf("source %q, author %q", a.Source, a.Author)
	}
	if got := a.Published.Format(time.RFC3339); got != "2019-03-01T02:10:00+07:00" || a.PublishedPrecision != "second" {
		t.Errorf("published = %s (%s); want the page's local time and zone", got, a.PublishedPrecision)
	}
	if !strings.HasPrefix(a.CanonicalURL, "https://www.pacificcourier.example/") {
		t.Errorf("canonical = %q", a.CanonicalURL)
	}
	if !strings.HasPrefix(a.Body, "North Korea's foreign minister disputed") || a.Dateline != "HANOI —" ||
		!strings.HasSuffix(a.Body, "before returning home by train.") {
		t.Errorf("body does not run from the first to the last paragraph:\n%s", a.Body)
	}
	for _, chrome := range []string{"Accept all", "Cookie settings", "Most Read", "China Factory Activity", "Sign up", "Advertise With Us", "Share on Facebook", "Get the Korea Brief"} {
		if strings.Contains(a.Body, chrome) {
			t.Errorf("body keeps chrome %q", chrome)
		}
	}
	if n := strings.Count(a.Body, "\n\n") + 1; n < 6 {
		t.Errorf("body has %d paragraphs; paragraph boundaries were lost", n)
	}
	if a.Language != "en" {
		t.Errorf("language = %q", a.Language)
	}
}

func TestLegacyCharsetPage(t *testing.T) {
	a, err := Article(readCorpus(t, "windows-1252-seoul-hails-dmz-handshake-2019.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"tête-à-tête", "“Today’s handshake", "café in Paju", "stagecraft… whether"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q: windows-1252 not decoded", want)
		}
	}
	if strings.HasPrefix(a.Body, "Seoul Hails") || !contains(a.Removed, "Seoul Hails Trump–Kim Handshake as a ‘Turning Point’; Analysts Urge Caution") || a.Dateline != "SEOUL —" {
		t.Errorf("the headline repeated as first paragraph should be removed: body %q…, removed %q", a.Body[:40], a.Removed)
	}
}

func TestNonEnglishIsDetected(t *testing.T) {
	for name, want := range map[string]string{
		"german-language-hanoi-gipfel-2019.html":     "de",
		"korean-language-singapore-summit-2018.json": "ko",
	} {
		a, err := Article(readCorpus(t, name))
		if err != nil {
			t.Fatal(err)
		}
		if a.Language != want {
			t.Errorf("%s: language %q, want %q", name, a.Language, want)
		}
	}
}

func TestNoMainText(t *testing.T) {
	_, err := Article(news.Raw{Input: "index.html", HTML: []byte("<html><body><nav><a href='/'>Home</a></nav></body></html>")})
	if !errors.Is(err, ErrNoText) {
		t.Errorf("err = %v, want ErrNoText", err)
	}
}

func TestContentHashIgnoresFormatting(t *testing.T) {
	a := ContentHash("North Korea fired two missiles on Thursday.")
	b := ContentHash("  north korea fired TWO missiles\non Thursday ")
	c := ContentHash("North Korea fired three missiles on Thursday.")
	if a != b || a == c {
		t.Errorf("hashes: %s %s %s", a, b, c)
	}
}

func TestRawMetadataWins(t *testing.T) {
	published := time.Date(2018, 6, 12, 0, 0, 0, 0, time.UTC)
	a, err := Article(news.Raw{Input: "x.json", Format: "json", URL: "https://www.example.org/a", Title: "  Leaders  meet ", Published: published,
		Text: "The two leaders met on Sentosa island and signed a joint statement after four hours of talks."})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Leaders meet" || !a.Published.Equal(published) || a.PublishedPrecision != "day" || a.Source != "example.org" {
		t.Errorf("article = %+v", a)
	}
}

// between returns the part of the file from the first occurrence of start
// through the end of end: the article text as a person would cut it out.
func between(t *testing.T, name, start, end string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus, name))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i := strings.Index(text, start)
	j := strings.Index(text, end)
	if i < 0 || j < 0 {
		t.Fatalf("%s: fixture changed", name)
	}
	return normaliseParagraphs(text[i : j+len(end)])
}

func TestPlainTextWithChromeComesOutExactly(t *testing.T) {
	for _, tc := range []struct {
		file, first, last string
		title, author     string
		published         string
		removed           []string
		related           int
	}{
		{
			file:      "headline-list-pompeo-pyongyang-july-2018.txt",
			first:     "North Korea on Saturday accused",
			last:      "foreign ministers in Tokyo on Sunday.",
			title:     "North Korea Accuses U.S. of 'Gangster-Like' Demands After Pompeo Talks",
			author:    "Sofia Marin",
			published: "2018-07-07",
			removed:   []string{"By Sofia Marin", "TOKYO, July 7, 2018 (Meridian) —", "Related Articles"},
			related:   6,
		},
		{
			file:      "comment-chrome-dmz-meeting-blog-2019.txt",
			first:     "Donald Trump on Sunday became the first",
			last:      "will be waiting on the table.",
			title:     "Twenty Steps Into North Korea: Trump Meets Kim at the DMZ",
			author:    "Daniel Park",
			published: "2019-06-30",
			removed:   []string{"Posted on June 30, 2019 by Daniel Park", "Share this:", "Leave a Reply", "Your email address will not be published. Required fields are marked *", "Back to top button"},
		},
	} {
		a, err := Article(readCorpus(t, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if want := between(t, tc.file, tc.first, tc.last); a.Body != want {
			t.Errorf("%s body:\n%s\nwant:\n%s", tc.file, a.Body, want)
		}
		if a.Title != tc.title || a.Author != tc.author || a.Published.Format("2006-01-02") != tc.published || a.PublishedPrecision != "day" {
			t.Errorf("%s: title %q, author %q, published %v (%s)", tc.file, a.Title, a.Author, a.Published, a.PublishedPrecision)
		}
		for _, r := range tc.removed {
			if !contains(a.Removed, r) {
				t.Errorf("%s: %q not listed as removed: %q", tc.file, r, a.Removed)
			}
		}
		if len(a.RelatedHeadlines) != tc.related {
			t.Errorf("%s: related headlines %q, want %d", tc.file, a.RelatedHeadlines, tc.related)
		}
		if len(a.Quality.Flags) != 0 {
			t.Errorf("%s: clean article flagged %v: %v", tc.file, a.Quality.Flags, a.Quality.Reasons)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestQualityFlagsOnTheCorpus checks that the garbled example is flagged as
// machine-translated and no clean English example is.
func TestQualityFlagsOnTheCorpus(t *testing.T) {
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range entries {
		format := source.Format(e.Name())
		if format != "text" && format != "html" && format != "json" {
			continue
		}
		a, err := Article(readCorpus(t, e.Name()))
		if err != nil {
			t.Errorf("%s: %v", e.Name(), err)
			continue
		}
		garbled := strings.HasPrefix(e.Name(), "garbled-")
		flagged := a.Quality.HasFlag(news.FlagMachineTranslation)
		switch {
		case garbled && !flagged:
			t.Errorf("%s: not flagged as machine-translated: %+v", e.Name(), a.Quality)
		case !garbled && flagged:
			t.Errorf("%s: clean article flagged: %v", e.Name(), a.Quality.Reasons)
		case a.Language != "en" && !a.Quality.HasFlag(news.FlagNonEnglish):
			t.Errorf("%s: %s article not flagged non_english", e.Name(), a.Language)
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("checked %d corpus articles", checked)
	}
}

func TestFurnitureAboveARepeatedHeadlineIsRemoved(t *testing.T) {
	a, err := Article(readCorpus(t, "rewrite-reordered-refused-letter-2025.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Body, "KOREAN PENINSULA") || strings.HasPrefix(a.Body, a.Title) {
		t.Errorf("body still opens with the section label or the headline:\n%.200s", a.Body)
	}
	if !contains(a.Removed, "KOREAN PENINSULA") || !contains(a.Removed, a.Title) {
		t.Errorf("removed = %q; want the section label and the repeated headline listed", a.Removed)
	}
	if !strings.Contains(a.Body, "North Korean diplomats at the United Nations in New York refused to accept a letter") {
		t.Errorf("the article's first sentence was lost:\n%.300s", a.Body)
	}
	// A headline-like line inside the text, not above a repeated title, stays.
	body, removed := dropRepeatedTitle("Talks resume\n\nThe envoys met in Stockholm on Saturday for the first time in months.\n\nTalks resume", "Talks resume", nil)
	if !strings.HasPrefix(body, "The envoys met") || len(removed) != 1 {
		t.Errorf("dropRepeatedTitle = %q, %q", body, removed)
	}
}
