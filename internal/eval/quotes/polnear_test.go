package quotes

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
	qx "github.com/newsgraph/newsgraph/internal/quotes"
)

// Our own small article in PolNeAR's layout, with curly quotes and an
// accented name so that character and byte offsets differ.
const miniText = "Mayor José Ortiz opened the new library on Monday.\n\n" +
	"“It belongs to everyone,” Ortiz said. “Come and read.”\n\n" +
	"He said the city would extend its hours in the spring.\n"

// runeSpan returns the rune offsets of the n-th occurrence (from 0) of sub.
func runeSpan(t *testing.T, text, sub string, n int) (int, int) {
	t.Helper()
	i := -1
	for k := 0; k <= n; k++ {
		j := strings.Index(text[i+1:], sub)
		if j < 0 {
			t.Fatalf("%q not found", sub)
		}
		i += 1 + j
	}
	s := utf8.RuneCountInString(text[:i])
	return s, s + utf8.RuneCountInString(sub)
}

func writeSplit(t *testing.T, ann map[string]string) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "dev")
	for _, d := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	meta := "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\n" +
		"dev\tlocal_2020-05-04_library\t1\taaaa|bbbb\tlocal\t2020-05-04\n"
	if err := os.WriteFile(filepath.Join(root, "metadata.tsv"), []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "text", "local_2020-05-04_library.txt"), []byte(miniText), 0o644); err != nil {
		t.Fatal(err)
	}
	for annotator, body := range ann {
		name := "local_2020-05-04_library_" + annotator + ".ann"
		if err := os.WriteFile(filepath.Join(dir, "attributions", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// miniAnn annotates miniText as PolNeAR would: a discontinuous direct
// quotation with a named source, and reported speech with a pronoun source.
func miniAnn(t *testing.T) string {
	q1s, q1e := runeSpan(t, miniText, "“It belongs to everyone,”", 0)
	q2s, q2e := runeSpan(t, miniText, "“Come and read.”", 0)
	ss, se := runeSpan(t, miniText, "Ortiz", 1)
	cs, ce := runeSpan(t, miniText, "said", 0)
	hs, he := runeSpan(t, miniText, "He", 0)
	c2s, c2e := runeSpan(t, miniText, "said", 1)
	rs, re := runeSpan(t, miniText, "the city would extend its hours in the spring", 0)
	lines := []string{
		"T1\tContent " + strconv.Itoa(q1s) + " " + strconv.Itoa(q1e) + ";" + strconv.Itoa(q2s) + " " + strconv.Itoa(q2e) + "\t“It belongs to everyone,” “Come and read.”",
		"T2\tSource " + strconv.Itoa(ss) + " " + strconv.Itoa(se) + "\tOrtiz",
		"T3\tCue " + strconv.Itoa(cs) + " " + strconv.Itoa(ce) + "\tsaid",
		"T4\tAttribution " + strconv.Itoa(cs) + " " + strconv.Itoa(ce) + "\tsaid",
		"E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
		"T5\tSource " + strconv.Itoa(hs) + " " + strconv.Itoa(he) + "\tHe",
		"T6\tCue " + strconv.Itoa(c2s) + " " + strconv.Itoa(c2e) + "\tsaid",
		"T7\tContent " + strconv.Itoa(rs) + " " + strconv.Itoa(re) + "\tthe city would extend its hours in the spring",
		"T8\tAttribution " + strconv.Itoa(c2s) + " " + strconv.Itoa(c2e) + "\tsaid",
		"E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
		"#1\tAnnotatorNotes T1\ta note that runs",
		"over two lines",
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestReadSplit(t *testing.T) {
	good := miniAnn(t)
	dir := writeSplit(t, map[string]string{"bbbb": "", "aaaa": good})
	arts, err := ReadSplit(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 {
		t.Fatalf("%d articles, want 1 (one annotator per article)", len(arts))
	}
	a := arts[0]
	if a.Annotator != "aaaa" {
		t.Errorf("annotator %q, want the first in name order, aaaa", a.Annotator)
	}
	if !a.Published.Equal(time.Date(2020, 5, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("published %v", a.Published)
	}
	if len(a.Attributions) != 2 {
		t.Fatalf("%d attributions, want 2", len(a.Attributions))
	}
	at := a.Attributions[0]
	if got := joinSpans(a.Text, at.Content); got != "“It belongs to everyone,” “Come and read.”" {
		t.Errorf("content %q: rune offsets not converted to bytes", got)
	}
	if got := joinSpans(a.Text, at.Source); got != "Ortiz" {
		t.Errorf("source %q", got)
	}
}

func TestReadSplitRejectsBadOffsets(t *testing.T) {
	// Offsets read as bytes instead of characters would give other text:
	// the reader checks each span against the text field.
	dir := writeSplit(t, map[string]string{"aaaa": "T1\tSource 5 9\tJosé\n"})
	if _, err := ReadSplit(dir); err == nil {
		t.Error("no error for offsets that do not give the annotated text")
	}
}

func TestQuotedPart(t *testing.T) {
	cases := []struct{ text, want string }{
		{`that Trump was “absolutely right”`, `“absolutely right”`},
		{`“It belongs to everyone,”`, `“It belongs to everyone,”`},
		{`Trump Was ‘Mocking’ Clinton Camp`, `‘Mocking’`},
		{`''We're a content provider,''`, `''We're a content provider,''`},
		{`the 'comeback of the decade'`, `'comeback of the decade'`},
		{`” … what I learned from them`, ``},
		{`“`, ``},
		{`the party’s vacancy rules should be modernized`, ``},
	}
	for _, c := range cases {
		s, ok := quotedPart(c.text, Span{0, len(c.text)})
		got := ""
		if ok {
			got = c.text[s.Start:s.End]
		}
		if got != c.want {
			t.Errorf("quotedPart(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestSpeakerMatches(t *testing.T) {
	text := "Mayor José Ortiz opened the library. “Come and read,” he said. " +
		"The new librarian, who spoke next, said: “Welcome.” Stevie Wonder, who joked, “Not yet.”"
	span := func(sub string) Span {
		i := strings.Index(text, sub)
		return Span{i, i + len(sub)}
	}
	a := Article{Text: text}
	lower := lowerWords(text)
	named := []Span{span("Mayor José Ortiz")}
	g := func(src Span) []goldQuote { return []goldQuote{{sources: [][]Span{{src}}}} }
	cases := []struct {
		name    string
		q       news.Quote
		src     Span
		ok, scr bool
	}{
		{"name words", news.Quote{Speaker: "José Ortiz"}, span("Mayor José Ortiz"), true, true},
		{"other name", news.Quote{Speaker: "Ana Ruiz"}, span("Mayor José Ortiz"), false, true},
		{"pronoun to referent", news.Quote{Speaker: "José Ortiz"}, span("he"), true, true},
		{"unattributed", news.Quote{}, span("he"), false, true},
		{"description by mention", news.Quote{Speaker: "Ana Ruiz", SpeakerStart: span("new librarian").Start, SpeakerEnd: span("new librarian").End}, span("The new librarian"), true, true},
		{"description by words", news.Quote{Speaker: "librarian"}, span("The new librarian"), true, true},
		{"relative pronoun", news.Quote{Speaker: "Stevie Wonder"}, Span{span("who joked").Start, span("who joked").Start + 3}, true, true},
	}
	for _, c := range cases {
		ok, scr, want := speakerMatches(a, c.q, g(c.src), named, lower)
		if ok != c.ok || scr != c.scr {
			t.Errorf("%s: ok %v scorable %v (want %q), want %v %v", c.name, ok, scr, want, c.ok, c.scr)
		}
	}
	// No source annotated: only an unattributed quote is right.
	none := []goldQuote{{sources: [][]Span{nil}}}
	if ok, _, _ := speakerMatches(a, news.Quote{}, none, named, lower); !ok {
		t.Error("no source: an unattributed quote should be right")
	}
	if ok, _, _ := speakerMatches(a, news.Quote{Speaker: "José Ortiz"}, none, named, lower); ok {
		t.Error("no source: an attributed quote should be wrong")
	}
}

func TestEvaluateMini(t *testing.T) {
	dir := writeSplit(t, map[string]string{"aaaa": miniAnn(t)})
	r, err := Evaluate(dir, qx.New(nil))
	if err != nil {
		t.Fatal(err)
	}
	// Two gold direct quotations (the two fragments), both found; the
	// reported content found too, its pronoun source resolved to Ortiz.
	if r.Direct.Gold != 2 || r.Direct.GoldFound != 2 || r.Direct.System != 2 || r.Direct.SystemRight != 2 {
		t.Errorf("direct %+v", r.Direct)
	}
	if r.DirectSpeaker.Scored != 2 || r.DirectSpeaker.Correct != 2 {
		t.Errorf("direct speaker %+v\n%s", r.DirectSpeaker, strings.Join(r.Errors, "\n"))
	}
	if r.Indirect.Gold != 1 || r.Indirect.GoldFound != 1 || r.IndirectSpeaker.Correct != 1 {
		t.Errorf("indirect %+v speaker %+v\n%s", r.Indirect, r.IndirectSpeaker, strings.Join(r.Errors, "\n"))
	}
	if !strings.Contains(r.String(), "direct quotes") || !strings.HasPrefix(r.JSON(), "{") {
		t.Errorf("report:\n%s", r.String())
	}
}
