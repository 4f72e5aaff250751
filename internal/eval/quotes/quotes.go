// Package quotes measures newsgraph's quote extractor on PolNeAR, a gold
// set of 924 US political news articles from 2016 in which every
// attribution (source, cue, content) is annotated. The data lives beside
// the project at ../shared/eval/quotes/polnear and is never copied into it.
//
// How the figures are counted:
//
// Direct quotations. A gold direct quotation is a Content span that
// contains a quotation mark (" “ ” ‘ « » „, a pair of apostrophes used as a
// double mark, or an apostrophe opening a word). Each fragment of a
// discontinuous Content ("“A,” said X. “B.”") is a quotation of its own, cut
// to run from its first quotation mark to its last, so that the unquoted
// words of a mixed quotation (said Trump was “absolutely right”) are not
// held against a system that returns the quoted words. The same span
// annotated under two attributions (nested speech) is one quotation with
// both sources.
//
//   - Recall: a gold quotation is found when one system direct quote
//     overlaps at least 50% of it.
//   - Precision: a system direct quote is right when it overlaps at least
//     50% of some gold quotation, or lies at least 50% inside one (a gold
//     span that strings several short quotations together, “nasty guy,”
//     “unstable” and “sick,” is found by none of its parts but each part
//     is correct).
//
// Speaker accuracy is counted over the system quotes found right, against
// the sources of the gold quotation they match. The system speaker names
// the gold source when:
//
//   - the gold source contains a name (a capitalised word that is not a
//     title or a function word and that the article never writes in lower
//     case, so that "Few" or "Officials" opening a sentence is not one):
//     the system Speaker shares a name word with it (case-folded,
//     possessive dropped), or the system's speaker mention
//     (SpeakerStart:SpeakerEnd) overlaps the gold source span;
//   - the gold source is a pronoun ("he", "she", "they", "I", "we"…): the
//     system Speaker shares a name word with the pronoun's referent, taken
//     to be the nearest gold source before it in the article that contains
//     a name and is not a description around one ("the Vermont senator");
//     PolNeAR does not link pronouns, and the nearest named source is how
//     a reader of the annotations resolves them. A pronoun with no named
//     source before it is not scored;
//   - the gold source is a relative pronoun ("who", "which"): the system
//     Speaker shares a word with the six words before it ("Stevie Wonder,
//     who joked");
//   - the gold source is a description without a name ("the New York
//     businessman", "officials"): the speaker mention overlaps the gold
//     source span, or the Speaker shares a content word with it ("U.S.
//     official" against "a senior U.S. official").
//
// An unattributed system quote (Speaker "") counts as wrong, except against
// PolNeAR's "Attribution-no-source", where it is the only right answer. A
// source that is a cue word ("said", an annotation slip) is not scored.
//
// Reported speech. A gold indirect attribution is a Content with no
// quotation mark, all its fragments together. A system indirect quote is
// right when it overlaps at least 50% of any gold Content (a mixed one
// included: it is reported speech too) or lies at least 50% inside one;
// a gold indirect Content is found when a system indirect quote overlaps
// at least 50% of it.
package quotes

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
	qx "github.com/newsgraph/newsgraph/internal/quotes"
)

// An Annotator is a pipeline stage to run before the extractor (entities,
// dates), as the pipeline runs it.
type Annotator interface {
	Annotate(doc *news.Document)
}

// Score is a precision/recall count. System items and gold items are
// counted apart because a match need not be one to one.
type Score struct {
	Gold        int     `json:"gold"`
	System      int     `json:"system"`
	GoldFound   int     `json:"gold_found"`
	SystemRight int     `json:"system_right"`
	Precision   float64 `json:"precision"`
	Recall      float64 `json:"recall"`
	F1          float64 `json:"f1"`
}

func (s *Score) finish() {
	s.Precision = ratio(s.SystemRight, s.System)
	s.Recall = ratio(s.GoldFound, s.Gold)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Speakers counts speaker accuracy over the system quotes found right.
type Speakers struct {
	Scored     int `json:"scored"`
	Correct    int `json:"correct"`
	Attributed int `json:"attributed"` // scored quotes with a speaker
	// Accuracy is Correct/Scored; AttributedAccuracy is Correct/Attributed,
	// the precision of the speakers given.
	Accuracy           float64 `json:"accuracy"`
	AttributedAccuracy float64 `json:"attributed_accuracy"`
	// Unscorable counts quotes whose gold source is a pronoun with no named
	// source before it.
	Unscorable int `json:"unscorable"`
}

func (s *Speakers) finish() {
	s.Accuracy = ratio(s.Correct, s.Scored)
	s.AttributedAccuracy = ratio(s.Correct, s.Attributed)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report is the result of one evaluation run.
type Report struct {
	Dir             string   `json:"dir"`
	Docs            int      `json:"docs"`
	Direct          Score    `json:"direct"`
	DirectSpeaker   Speakers `json:"direct_speaker"`
	Indirect        Score    `json:"indirect"`
	IndirectSpeaker Speakers `json:"indirect_speaker"`
	Seconds         float64  `json:"seconds"`
	DocsPerSecond   float64  `json:"docs_per_second"`
	// Errors lists missed, spurious and misattributed quotes for
	// inspection; it is not part of the JSON.
	Errors []string `json:"-"`
}

// JSON returns the report as one line of JSON.
func (r Report) JSON() string {
	b, err := json.Marshal(r)
	if err != nil {
		panic(err) // numbers and strings only
	}
	return string(b)
}

// String returns the report as a table, then its JSON line.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "PolNeAR %s: %d articles, %.1f s (%.1f articles/s, stages included)\n", r.Dir, r.Docs, r.Seconds, r.DocsPerSecond)
	fmt.Fprintf(&b, "%-16s %6s %6s %6s %6s %7s %7s %7s\n", "", "gold", "found", "system", "right", "P", "R", "F1")
	for _, row := range []struct {
		name string
		s    Score
	}{{"direct quotes", r.Direct}, {"reported speech", r.Indirect}} {
		fmt.Fprintf(&b, "%-16s %6d %6d %6d %6d %7.3f %7.3f %7.3f\n", row.name, row.s.Gold, row.s.GoldFound, row.s.System, row.s.SystemRight, row.s.Precision, row.s.Recall, row.s.F1)
	}
	fmt.Fprintf(&b, "%-16s %6s %6s %6s %6s %7s %7s\n", "", "scored", "attrib", "right", "unsc.", "acc", "acc|att")
	for _, row := range []struct {
		name string
		s    Speakers
	}{{"direct speaker", r.DirectSpeaker}, {"reported speaker", r.IndirectSpeaker}} {
		fmt.Fprintf(&b, "%-16s %6d %6d %6d %6d %7.3f %7.3f\n", row.name, row.s.Scored, row.s.Attributed, row.s.Correct, row.s.Unscorable, row.s.Accuracy, row.s.AttributedAccuracy)
	}
	b.WriteString(r.JSON())
	b.WriteByte('\n')
	return b.String()
}

// Evaluate runs the stages and then ex on every article of the PolNeAR
// split in dir (".../polnear/dev") and scores the quotes.
func Evaluate(dir string, ex *qx.Extractor, stages ...Annotator) (Report, error) {
	arts, err := ReadSplit(dir)
	if err != nil {
		return Report{}, err
	}
	r := Report{Dir: dir, Docs: len(arts)}
	results := make([][]news.Quote, len(arts))
	start := time.Now()
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = run(arts[i], ex, stages)
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	r.Seconds = time.Since(start).Seconds()
	if r.Seconds > 0 {
		r.DocsPerSecond = float64(len(arts)) / r.Seconds
	}
	for i, a := range arts {
		r.score(a, results[i])
	}
	r.Direct.finish()
	r.Indirect.finish()
	r.DirectSpeaker.finish()
	r.IndirectSpeaker.finish()
	return r, nil
}

// run annotates one article as the pipeline would.
func run(a Article, ex *qx.Extractor, stages []Annotator) []news.Quote {
	doc := news.NewDocument(news.Article{Body: a.Text, Published: a.Published, PublishedPrecision: "day", Language: "en"})
	for _, s := range stages {
		s.Annotate(doc)
	}
	ex.Annotate(doc)
	return doc.Quotes
}

// goldQuote is a gold quotation or reported content with the sources of
// the attributions it belongs to.
type goldQuote struct {
	parts   []Span
	sources [][]Span
}

func (g goldQuote) extent() Span { return Span{g.parts[0].Start, g.parts[len(g.parts)-1].End} }

func (g goldQuote) size() int {
	n := 0
	for _, p := range g.parts {
		n += p.End - p.Start
	}
	return n
}

// overlap returns how many bytes of g the span [s, e) covers.
func (g goldQuote) overlap(s, e int) int {
	n := 0
	for _, p := range g.parts {
		if a, b := max(p.Start, s), min(p.End, e); b > a {
			n += b - a
		}
	}
	return n
}

// gold splits an article's attributions into direct quotations and
// indirect contents.
func gold(a Article) (direct, indirect, all []goldQuote) {
	index := map[string]int{}
	add := func(list *[]goldQuote, parts []Span, src []Span) {
		key := fmt.Sprint(parts)
		if i, ok := index[key]; ok && i < len(*list) && fmt.Sprint((*list)[i].parts) == key {
			(*list)[i].sources = append((*list)[i].sources, src)
			return
		}
		index[key] = len(*list)
		*list = append(*list, goldQuote{parts: parts, sources: [][]Span{src}})
	}
	for _, at := range a.Attributions {
		parts := append([]Span(nil), at.Content...)
		sort.Slice(parts, func(i, j int) bool { return parts[i].Start < parts[j].Start })
		all = append(all, goldQuote{parts: parts, sources: [][]Span{at.Source}})
		quoted := false
		for _, p := range parts {
			if s, ok := quotedPart(a.Text, p); ok {
				quoted = true
				add(&direct, []Span{s}, at.Source)
			}
		}
		if !quoted {
			add(&indirect, parts, at.Source)
		}
	}
	return direct, indirect, all
}

// quotedPart cuts a content fragment to run from its first quotation mark
// to its last; ok is false when it has none.
func quotedPart(text string, p Span) (Span, bool) {
	first, last := -1, -1
	s := text[p.Start:p.End]
	// A closing mark that opens the fragment belongs to the text before
	// it (the annotators' fragments sometimes start one character early).
	for _, m := range []string{"”", "’"} {
		if t := strings.TrimLeft(s, " "); strings.HasPrefix(t, m) {
			skip := len(s) - len(t) + len(m)
			s, p.Start = s[skip:], p.Start+skip
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		open, closing := false, false
		switch r {
		case '"', '“', '”', '«', '»', '„':
			open, closing = true, true
		case '‘':
			open = true
		case '\'', '’':
			prev, _ := utf8.DecodeLastRuneInString(text[:p.Start+i])
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			switch {
			case i+n < len(s) && s[i+n] == '\'' && r == '\'':
				open, closing = true, true // '' as a double mark
			case !isWordRune(prev) && isWordRune(next) && r == '\'':
				open = true
			case !isWordRune(next) && first >= 0 && first != i:
				closing = true // closes what opened before; else an apostrophe
			}
		}
		if open && first < 0 {
			first = i
		}
		if closing || open && first != i {
			last = i + n
		}
		i += n
	}
	if first < 0 {
		return Span{}, false
	}
	if last <= first {
		last = len(s)
	}
	if strings.IndexFunc(s[first:last], isWordRune) < 0 {
		return Span{}, false // a lone mark: no quotation
	}
	return Span{p.Start + first, p.Start + last}, true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// score adds one article's counts to r.
func (r *Report) score(a Article, got []news.Quote) {
	direct, indirect, all := gold(a)
	lower := lowerWords(a.Text)
	named := namedSources(a, lower)
	var sysDirect, sysIndirect []news.Quote
	for _, q := range got {
		if q.Direct {
			sysDirect = append(sysDirect, q)
		} else {
			sysIndirect = append(sysIndirect, q)
		}
	}
	r.tally(a, &r.Direct, &r.DirectSpeaker, direct, direct, sysDirect, named, lower, "direct")
	r.tally(a, &r.Indirect, &r.IndirectSpeaker, indirect, all, sysIndirect, named, lower, "reported")
}

// lowerWords returns the words the article writes in lower case, so that a
// capitalised "Few" or "Delegates" opening a sentence is not taken for a
// name.
func lowerWords(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			out[w] = true
		}
	}
	return out
}

// tally scores system quotes against gold: recall over want, precision
// against any of right.
func (r *Report) tally(a Article, sc *Score, sp *Speakers, want, right []goldQuote, got []news.Quote, named []Span, lower map[string]bool, kind string) {
	sc.Gold += len(want)
	sc.System += len(got)
	for _, g := range want {
		found := false
		for _, q := range got {
			if 2*g.overlap(q.Start, q.End) >= g.size() {
				found = true
				break
			}
		}
		if found {
			sc.GoldFound++
		} else {
			e := g.extent()
			r.Errors = append(r.Errors, fmt.Sprintf("%s missed  %s: %q", kind, a.Name, clip(a.Text[e.Start:e.End])))
		}
	}
	for _, q := range got {
		var match []goldQuote
		for _, g := range right {
			ov := g.overlap(q.Start, q.End)
			if 2*ov >= g.size() || 2*ov >= q.End-q.Start && ov > 0 {
				match = append(match, g)
			}
		}
		if len(match) == 0 {
			r.Errors = append(r.Errors, fmt.Sprintf("%s spurious %s: %q [%s]", kind, a.Name, clip(q.Text), q.Speaker))
			continue
		}
		sc.SystemRight++
		ok, scorable, want := speakerMatches(a, q, match, named, lower)
		if !scorable {
			sp.Unscorable++
			continue
		}
		sp.Scored++
		if q.Speaker != "" {
			sp.Attributed++
		}
		if ok {
			sp.Correct++
		} else {
			r.Errors = append(r.Errors, fmt.Sprintf("%s speaker %s: %q got %q want %q", kind, a.Name, clip(q.Text), q.Speaker, want))
		}
	}
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 100 {
		i := 100
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		return s[:i] + "…"
	}
	return s
}

// namedSources returns the gold source spans that contain a name, in text
// order, for resolving pronoun sources.
func namedSources(a Article, lower map[string]bool) []Span {
	var out []Span
	for _, at := range a.Attributions {
		for _, s := range at.Source {
			if text := a.Text[s.Start:s.End]; len(nameWords(text, lower)) > 0 && !isDescription(text) {
				out = append(out, s)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// speakerMatches reports whether q's speaker names one of the gold sources
// of the quotations it matched (see the package comment). scorable is
// false when no gold source can be judged: none was annotated, it is a
// pronoun with no named source before it, or it is an annotation slip (a
// source that is the cue word itself).
func speakerMatches(a Article, q news.Quote, match []goldQuote, named []Span, lower map[string]bool) (ok, scorable bool, want string) {
	sys := words(q.Speaker)
	noSource := true
	for _, g := range match {
		for _, src := range g.sources {
			if len(src) == 0 {
				continue
			}
			noSource = false
			text := joinSpans(a.Text, src)
			if cueWords[strings.ToLower(strings.TrimSpace(text))] {
				continue
			}
			if want == "" {
				want = text
			}
			mentionOverlap := q.SpeakerEnd > q.SpeakerStart && overlapsAny(src, q.SpeakerStart, q.SpeakerEnd)
			switch {
			case isRelative(text):
				// "Stevie Wonder, who joked": the words just before.
				scorable = true
				before := precedingWords(a.Text, src[0].Start, 6)
				want = text + " → " + strings.Join(before, " ")
				if shares(sys, before) || mentionOverlap {
					return true, true, want
				}
			case isPronoun(text):
				ref, found := referent(named, src[0].Start)
				if !found {
					continue
				}
				scorable = true
				refText := a.Text[ref.Start:ref.End]
				want = text + " → " + refText
				if shares(sys, nameWords(refText, lower)) {
					return true, true, want
				}
			case len(nameWords(text, lower)) > 0:
				scorable = true
				if shares(sys, nameWords(text, lower)) || mentionOverlap {
					return true, true, want
				}
			default:
				scorable = true
				if mentionOverlap || shares(sys, words(text)) {
					return true, true, want
				}
			}
		}
	}
	if noSource {
		// "Attribution-no-source": only a quote left without a speaker is
		// right.
		return q.Speaker == "", true, "(no source)"
	}
	return false, scorable, want
}

// isDescription reports whether a source is a description that merely
// contains a name, "the Vermont senator" or "The Cruz campaign": it opens
// with an article and ends with a lower-case word. Such a source is itself
// a reference, not the name a pronoun's referent is read from.
func isDescription(s string) bool {
	f := strings.Fields(strings.Trim(s, " ,"))
	if len(f) < 2 {
		return false
	}
	switch strings.ToLower(f[0]) {
	case "the", "a", "an", "this", "that":
	default:
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[len(f)-1])
	return unicode.IsLower(r)
}

// cueWords are verbs an annotator sometimes marked as the source by slip.
var cueWords = map[string]bool{"said": true, "says": true, "say": true, "told": true, "added": true, "wrote": true}

func isRelative(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	return len(f) == 1 && (f[0] == "who" || f[0] == "which" || f[0] == "that")
}

// precedingWords returns the content words of the n words before pos in
// the same sentence.
func precedingWords(text string, pos, n int) []string {
	start := max(0, pos-200)
	chunk := text[start:pos]
	if i := strings.LastIndexAny(chunk, ".?!\n"); i >= 0 {
		chunk = chunk[i+1:]
	}
	f := strings.Fields(chunk)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return words(strings.Join(f, " "))
}

func joinSpans(text string, spans []Span) string {
	var parts []string
	for _, s := range spans {
		parts = append(parts, text[s.Start:s.End])
	}
	return strings.Join(parts, " ")
}

func overlapsAny(spans []Span, s, e int) bool {
	for _, p := range spans {
		if max(p.Start, s) < min(p.End, e) {
			return true
		}
	}
	return false
}

// referent returns the nearest named source before pos.
func referent(named []Span, pos int) (Span, bool) {
	i := sort.Search(len(named), func(i int) bool { return named[i].Start >= pos })
	if i == 0 {
		return Span{}, false
	}
	return named[i-1], true
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "it": true, "you": true,
	"him": true, "her": true, "them": true, "me": true, "us": true, "his": true, "their": true, "its": true,
	"himself": true, "herself": true, "themselves": true, "who": true, "which": true, "that": true}

func isPronoun(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	return len(f) == 1 && pronouns[strings.Trim(f[0], ",.")]
}

// stop words and titles carry no identity.
var stop = map[string]bool{"the": true, "a": true, "an": true, "of": true, "for": true, "and": true, "in": true,
	"at": true, "on": true, "to": true, "by": true, "with": true, "from": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "sen": true, "rep": true, "gov": true, "gen": true, "lt": true, "president": true, "his": true,
	"her": true, "their": true, "its": true, "who": true, "that": true, "this": true, "said": true, "says": true,
	"former": true, "senior": true, "top": true, "s": true, "one": true, "two": true, "some": true, "many": true,
	"other": true, "new": true, "also": true, "d": true, "r": true, "jr": true, "sr": true, "vice": true,
	"secretary": true, "senator": true, "candidate": true, "nominee": true, "presidential": true, "democratic": true,
	"republican": true, "u.s": true, "us": true}

// words returns the lower-cased content words of s, possessives dropped.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '.' && r != '-'
	}) {
		w = strings.ToLower(strings.Trim(w, ".'’-"))
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w == "" || stop[w] {
			continue
		}
		if strings.HasSuffix(w, "s") && len(w) > 3 && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1] // officials ~ official
		}
		out = append(out, w)
	}
	return out
}

// nameWords returns the words of s that are written with a capital, are
// not titles or function words, and that the article never writes in lower
// case.
func nameWords(s string, lower map[string]bool) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		f = strings.TrimLeft(f, "(“\"'‘")
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			continue
		}
		if l := strings.ToLower(strings.TrimRight(f, ",.;:”\"'’)")); lower[l] {
			continue
		}
		for _, w := range words(f) {
			if !pronouns[w] {
				out = append(out, w)
			}
		}
	}
	return out
}

func shares(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
