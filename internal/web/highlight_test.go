package web

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

func simple(start, end int, name string) mark {
	return mark{start: start, end: end, open: "<" + name + ` id="x">`, reopen: "<" + name + ">", close: "</" + name + ">"}
}

func TestHighlightNestsOverlappingMarks(t *testing.T) {
	text := "Alpha beta gamma delta"
	//       0     6    11    17
	got := string(highlight(text, []mark{
		simple(0, 16, "a"), // "Alpha beta gamma"
		simple(6, 22, "b"), // "beta gamma delta": crosses a's end
	}))
	want := `<p><a id="x">Alpha <b id="x">beta gamma</b></a><b> delta</b></p>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestHighlightLongerMarkOutside(t *testing.T) {
	got := string(highlight("Kim said so.", []mark{simple(0, 3, "i"), simple(0, 12, "o")}))
	want := `<p><o id="x"><i id="x">Kim</i> said so.</o></p>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestHighlightParagraphs(t *testing.T) {
	text := "First para.\n\nSecond\nline.\n\n\n"
	got := string(highlight(text, []mark{simple(6, 19, "m")}))
	want := "<p>First <m id=\"x\">para.</m></p>\n<p><m>Second</m>\nline.</p>"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestHighlightEscapesTextAndDropsBadOffsets(t *testing.T) {
	text := `<script>alert("x")</script> café & co`
	i := strings.Index(text, "é")
	got := string(highlight(text, []mark{
		simple(-1, 3, "bad"),
		simple(5, 500, "bad"),
		simple(i+1, i+2, "bad"), // inside the two bytes of é
		simple(4, 4, "bad"),
		simple(0, 8, "ok"),
	}))
	if strings.Contains(got, "<script") || strings.Contains(got, "<bad") {
		t.Fatalf("unescaped or bad mark: %s", got)
	}
	if !strings.Contains(got, `<ok id="x">&lt;script&gt;</ok>`) || !strings.Contains(got, "café &amp; co") {
		t.Errorf("got %s", got)
	}
}

func TestHighlightDropsLinkInsideLink(t *testing.T) {
	a := mark{start: 0, end: 9, open: `<a href="/1">`, reopen: `<a href="/1">`, close: `</a>`, link: true}
	b := mark{start: 4, end: 9, open: `<a href="/2">`, reopen: `<a href="/2">`, close: `</a>`, link: true}
	got := string(highlight("Kim Jong Un", []mark{a, b}))
	if strings.Count(got, "<a ") != 1 {
		t.Errorf("nested links: %s", got)
	}
}

func TestBodyMarksEscapeAnnotationValues(t *testing.T) {
	body := "Evil said hello."
	doc := news.NewDocument(news.Article{Body: body})
	doc.Entities = []news.EntityMention{{Text: "Evil", Type: `PERSON" onmouseover="x`, Canonical: `"><script>alert(1)</script>/..`, Actor: `<b>`, Start: 0, End: 4, Ref: -1}}
	doc.Quotes = []news.Quote{{Text: "hello", Speaker: `"><img src=x onerror=alert(1)>`, Start: 10, End: 15}}
	doc.Dates = []news.DateMention{{Text: "x", Value: `2018"><script>`, Precision: "day", Start: 5, End: 9}}
	doc.Events = []news.Event{{Source: []string{`<i>`}, Target: []string{"PRK"}, CAMEO: "040", QuadClass: 1, EvidenceStart: 0, EvidenceEnd: len(body)}}
	got := string(highlight(body, bodyMarks(doc)))
	for _, bad := range []string{"<script", "<img", "<i>", "<b>", `" onmouseover`} {
		if strings.Contains(got, bad) {
			t.Errorf("%q in %s", bad, got)
		}
	}
	// The canonical name is one escaped path segment: "/" cannot climb.
	if !strings.Contains(got, `href="/entities/%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E%2F..`) {
		t.Errorf("entity link not escaped as a path segment: %s", got)
	}
	if !strings.Contains(got, `id="event-0"`) || !strings.Contains(got, `id="quote-0"`) {
		t.Errorf("anchors missing: %s", got)
	}
}
