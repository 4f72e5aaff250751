// Package nlp splits English text into sentences and tokens, tags parts of
// speech and finds named entities, all with byte offsets into the text it
// was given. It wraps prose (github.com/jdkato/prose/v3) and repairs the
// places where prose's models, trained on straight ASCII quotes, go wrong on
// news text typeset with curly quotes and dashes.
//
// The models are loaded once per process (about 60 ms) and prose documents
// its segmenter, tagger and entity extracter as safe for concurrent use, so
// one set serves every goroutine and Analyze holds no lock. The entity
// model dominates the cost: prose classifies each token by a binary search
// per feature and label, some tens of microseconds a token; Analyze
// therefore runs it only around capitalised words (see labelWindows).
package nlp

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// Entity types, the same strings as the news package uses.
const (
	Person       = "PERSON"
	Organization = "ORG"
	Location     = "LOCATION"
)

// Doc is the analysis of one text. Every offset is a byte offset into Text,
// and Text[x.Start:x.End] == x.Text for every token and entity.
type Doc struct {
	Text      string
	Sentences []Sentence
	Tokens    []Token
	Entities  []Entity
}

// Sentence is a span of text without its surrounding space. Its tokens are
// Tokens[TokStart:TokEnd].
type Sentence struct {
	Start, End       int
	TokStart, TokEnd int
}

// Token is a word or punctuation mark with its Penn Treebank tag.
type Token struct {
	Text string
	Tag  string
	// Label is the model's IOB entity label ("B-PERSON", "O"), kept so that
	// a caller can see what the model thought of a word it did not chunk.
	Label    string
	Start    int
	End      int
	Sentence int
}

// Entity is a named entity found by the model. Type is Person, Organization
// or Location; Label is the model's own label (GPE, FACILITY...). Its tokens
// are Tokens[TokStart:TokEnd].
type Entity struct {
	Text             string
	Type             string
	Label            string
	Start, End       int
	TokStart, TokEnd int
	Sentence         int
}

// models holds prose's components. Each loads its model on first use; all
// are documented as safe for concurrent use, so one set serves every call.
type models struct {
	seg *segment.Segmenter
	tok *tokenize.Tokenizer
	tag *tag.Tagger
	ner *ner.Extracter
}

var loadModels = sync.OnceValue(func() *models {
	seg, err := segment.New()
	if err != nil {
		panic("nlp: prose sentence model: " + err.Error())
	}
	tg, err := tag.New()
	if err != nil {
		panic("nlp: prose tagger model: " + err.Error())
	}
	ex, err := ner.New()
	if err != nil {
		panic("nlp: prose entity model: " + err.Error())
	}
	return &models{seg: seg, tok: tokenize.New(), tag: tg, ner: ex}
})

// Load loads the models now rather than on the first Analyze, so that a
// server can pay the cost at start-up. The models are embedded in the
// binary, so loading cannot fail short of a corrupt build, which panics.
func Load() { loadModels() }

// Analyze segments, tokenises, tags and chunks text. Lines are segmented
// separately, because news bodies put headings, datelines and list items on
// lines of their own without a full stop, and Punkt would run them into the
// next sentence.
func Analyze(text string) *Doc {
	m := loadModels()
	d := &Doc{Text: text}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			line := text[start:end]
			var spans [][2]int
			for _, s := range m.seg.Segment(line) {
				if n := len(spans); n > 0 && !endsSentence(line[spans[n-1][0]:spans[n-1][1]], line[s.Start:s.End()]) {
					spans[n-1][1] = s.End()
					continue
				}
				spans = append(spans, [2]int{s.Start, s.End()})
			}
			for _, s := range spans {
				d.addSentence(m, start+s[0], start+s[1])
			}
		}
		start = end + 1
	}
	d.label(m)
	return d
}

// label tags the whole text's tokens and runs the entity model over them in
// one sequence, as prose does, then chunks each sentence. The model's
// features include the label before, across sentence ends; labelled one
// sentence at a time, it lost about 0.03 F1 on wikigold.
//
// prose's models were trained on ASCII text in which quotes are the Penn
// Treebank's quote tokens: they are given that view of the text (see
// modelText), while our tokens keep their offsets into the real one.
func (d *Doc) label(m *models) {
	toks := d.Tokens
	if len(toks) == 0 {
		return
	}
	view := make([]ner.Token, len(toks))
	for i, t := range toks {
		view[i] = ner.Token{Text: modelText(toks, i), Start: t.Start}
	}
	m.tag.TagTokens(view)
	fixTags(view)
	labelWindows(m.ner, view)
	for i := range toks {
		toks[i].Tag = view[i].Tag
		toks[i].Label = view[i].Label
	}
	for si, s := range d.Sentences {
		d.chunk(s.TokStart, s.TokEnd, si)
	}
}

// addSentence tokenises text[start:end] as one sentence.
func (d *Doc) addSentence(m *models, start, end int) {
	si := len(d.Sentences)
	first := len(d.Tokens)
	for _, t := range m.tok.Tokenize(d.Text[start:end]) {
		s := start + t.Start
		for _, part := range splitQuotes(t.Text) {
			if n := len(d.Tokens); part == "." && n > first && d.Tokens[n-1].End == s && s+1 < end && abbreviation(d.Tokens[n-1].Text) {
				// "J." and "Capt." are one word, as the models were
				// trained: prose splits the period off both.
				d.Tokens[n-1].Text += "."
				d.Tokens[n-1].End++
				s++
				continue
			}
			d.Tokens = append(d.Tokens, Token{Text: part, Start: s, End: s + len(part), Sentence: si})
			s += len(part)
		}
	}
	d.Sentences = append(d.Sentences, Sentence{Start: start, End: end, TokStart: first, TokEnd: len(d.Tokens)})

}

// titleAbbrevs are abbreviated titles, which stand before a name and so
// never end a sentence ("Navy Capt. Charles Keating").
var titleAbbrevs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms dr prof rev gen lt col maj capt cpt sgt spc
		pvt pfc cpl adm cmdr cdr brig sen rep gov amb sr jr messrs mme mlle`) {
		titleAbbrevs[w] = true
	}
}

// abbreviation reports whether a word followed by a period is an initial
// ("J") or an abbreviated title ("Capt"), which the period belongs to.
func abbreviation(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) {
		return unicode.IsUpper(r)
	}
	return unicode.IsUpper(r) && titleAbbrevs[strings.ToLower(w)]
}

// endsSentence reports whether the segmenter was right to end a sentence
// with prev before next. It splits after an abbreviated title ("Navy
// Capt. | Charles Keating") and after a middle initial ("Stephen J. |
// Townsend"), which stand before a name and cannot end a sentence; a
// single capital after a capitalised word is taken for an initial when a
// capitalised word follows.
func endsSentence(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsUpper(r) {
		return true
	}
	body, ok := strings.CutSuffix(prev, ".")
	if !ok {
		return true
	}
	i := strings.LastIndexAny(body, " \t")
	last := body[i+1:]
	if titleAbbrevs[strings.ToLower(last)] {
		return false
	}
	if c, n := utf8.DecodeRuneInString(last); n == len(last) && unicode.IsUpper(c) && i > 0 {
		before := strings.TrimSpace(body[:i])
		j := strings.LastIndexAny(before, " \t")
		return !capitalised(before[j+1:])
	}
	return true
}

// context is how many tokens on each side of a capitalised word the entity
// model is run on; its features look one word either side and at the label
// before.
const context = 2

// labelWindows runs the entity model only on the stretches of a sentence
// around capitalised words and numbers, with context tokens either side,
// and labels the rest O. Classifying a token costs prose about ten
// microseconds, most of a sentence's analysis, and a run of lower-case
// words far from any capital is not part of a name. On news text this skips
// 40 to 60% of the tokens; on the wikigold and re3d texts it left every
// entity found unchanged.
func labelWindows(ex *ner.Extracter, toks []ner.Token) {
	want := make([]bool, len(toks))
	for i, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || strings.Contains(t.Text, "-") {
			for k := max(0, i-context); k <= min(len(toks)-1, i+context); k++ {
				want[k] = true
			}
		}
	}
	for i := 0; i < len(toks); {
		if !want[i] {
			toks[i].Label = "O"
			i++
			continue
		}
		j := i
		for j < len(toks) && want[j] {
			j++
		}
		ex.Label(toks[i:j])
		i = j
	}
}

// splitQuotes splits a single quote off the front of a word ("'maybe" ->
// "'", "maybe"), which prose's tokenizer leaves attached, while keeping the
// contractions and elisions that begin with an apostrophe ("'s", "'90s").
func splitQuotes(w string) []string {
	r, n := utf8.DecodeRuneInString(w)
	if (r != '\'' && r != '‘' && r != '’') || n == len(w) {
		return []string{w}
	}
	rest := w[n:]
	switch strings.ToLower(rest) {
	case "s", "re", "ve", "ll", "d", "m", "t", "em", "n", "tis", "twas":
		return []string{w}
	}
	if c, _ := utf8.DecodeRuneInString(rest); !unicode.IsLetter(c) {
		return []string{w}
	}
	return []string{w[:n], rest}
}

// modelText returns the spelling of toks[i] that prose's models know:
// straight apostrophes, the Penn Treebank's quote tokens (two backquotes to
// open, two apostrophes to close) for double quotes, and -- for dashes.
func modelText(toks []Token, i int) string {
	w := toks[i].Text
	switch w {
	case "\"", "“", "”", "„", "«", "»", "``", "''":
		if opening(toks, i) {
			return "``"
		}
		return "''"
	case "‘", "’", "'":
		if opening(toks, i) {
			return "`"
		}
		return "'"
	case "—", "–", "―":
		return "--"
	}
	if !strings.ContainsAny(w, "’‘") {
		return w
	}
	return strings.NewReplacer("’", "'", "‘", "'").Replace(w)
}

// opening reports whether the quote at toks[i] opens a quotation: it is
// followed directly by a word and not directly preceded by one.
func opening(toks []Token, i int) bool {
	w := toks[i].Text
	switch w {
	case "“", "„", "«", "‘":
		return true
	case "”", "»", "’":
		return false
	}
	gluedAfter := i+1 < len(toks) && toks[i+1].Start == toks[i].End
	gluedBefore := i > 0 && toks[i-1].End == toks[i].Start
	if gluedBefore && !gluedAfter {
		return false
	}
	return !gluedBefore || i == 0
}

// fixTags corrects tags the tagger gets wrong even on the ASCII view: quote
// tokens it has not learned, and a possessive 's after a noun that it reads
// as "is".
func fixTags(toks []ner.Token) {
	for i := range toks {
		switch toks[i].Text {
		case "``", "`":
			toks[i].Tag = "``"
		case "''":
			toks[i].Tag = "''"
		case "--":
			toks[i].Tag = ":"
		case "'s", "'S":
			if i > 0 && strings.HasPrefix(toks[i-1].Tag, "NN") {
				toks[i].Tag = "POS"
			}
		case "'":
			if i > 0 && strings.HasPrefix(toks[i-1].Tag, "NN") && strings.HasSuffix(toks[i-1].Text, "s") {
				toks[i].Tag = "POS"
			} else {
				toks[i].Tag = "''"
			}
		}
	}
}

// chunk groups the labelled tokens [first, end) of sentence si into
// entities. prose's own chunker joins any run of tokens with the same tag,
// which glues a title to a name ("U.S. President Donald Trump" becomes one
// place); this one follows the labels instead:
//   - an I- token continues the entity before it, keeping that entity's type
//     ("Jen/B-PERSON Psaki/I-GPE" is one person);
//   - a B- token right after another entity's capitalised token continues it
//     when it is capitalised too, since the model often begins every word of
//     a name ("Donald/B-PERSON Trump/B-PERSON", "North/B-GPE Korean/B-GPE"),
//     but a person's name right after a name of several words starts a new
//     entity;
//   - a run of proper nouns continues a name, as in prose's own chunker,
//     but not into a title word;
//   - a capitalised, hyphenated proper noun the model left out continues a
//     person's name ("Kim Jong-un", "Ban Ki-moon"), as do a middle initial
//     ("Stephen J. Townsend") and a particle ("Abu Musab al-Zarqawi",
//     "Osama bin Laden").
func (d *Doc) chunk(first, end, si int) {
	var cur *Entity
	flush := func() {
		if cur != nil {
			cur.Text = d.Text[cur.Start:cur.End]
			cur.Type, cur.Label = d.entityOf(cur.TokStart, cur.TokEnd)
			d.Entities = append(d.Entities, *cur)
			cur = nil
		}
	}
	for i := first; i < end; i++ {
		t := d.Tokens[i]
		typ, label, inside := entityType(t.Label)
		switch {
		case cur != nil && cur.Type == Person && isInitial(t.Text) && i+1 < end && capitalised(d.Tokens[i+1].Text):
			// A middle initial: "Stephen J. Townsend".
			cur.End, cur.TokEnd = t.End, i+1
		case cur != nil && cur.Type == Person && strings.Contains(t.Text, "-") && nameParticle(d.Tokens, i, end):
			// "al-Zarqawi" after a given name, whatever the model made of it.
			cur.End, cur.TokEnd = t.End, i+1
		case typ == "" && cur != nil && cur.Type == Person && nameContinuation(d.Tokens, i):
			cur.End, cur.TokEnd = t.End, i+1
		case typ == "" && cur != nil && cur.Type == Person && nameParticle(d.Tokens, i, end):
			// "Abu Musab al-Zarqawi", "Osama bin Laden": the particle and
			// the capitalised word after it.
			if !strings.Contains(t.Text, "-") {
				i++
			}
			cur.End, cur.TokEnd = d.Tokens[i].End, i+1
		case typ == "" && cur != nil && strings.HasPrefix(t.Tag, "NNP") && strings.HasPrefix(d.Tokens[i-1].Tag, "NNP") && capitalised(t.Text) && !titleWords[strings.ToLower(strings.TrimSuffix(t.Text, "."))]:
			// The model often labels only the first words of a long name
			// ("Islamic State", "Defamation Action League", "Bridgton
			// Junction"); like prose's own chunker, a run of proper nouns
			// continues it, but not into a title.
			cur.End, cur.TokEnd = t.End, i+1
		case typ == "":
			flush()
		case cur != nil && inside:
			cur.End, cur.TokEnd = t.End, i+1
		case cur != nil && capitalised(d.Tokens[i-1].Text) && capitalised(t.Text) && (typ != Person || cur.Type == Person || cur.TokEnd-cur.TokStart == 1):
			// A person's name beginning right after a place or body of
			// several words is a new entity: "Minister for the Middle East
			// Tobias Ellwood". After one word it is more often the model
			// wavering over one name ("Angelo/GPE Fresquet/PERSON").
			cur.End, cur.TokEnd = t.End, i+1
		default:
			flush()
			cur = &Entity{Type: typ, Label: label, Start: t.Start, End: t.End, TokStart: i, TokEnd: i + 1, Sentence: si}
		}
	}
	flush()
}

// entityOf returns the type of the entity over tokens [s, e) as prose's
// model was trained to read its labels: a two-word name with a person's
// label on either word is a person ("Angelo/GPE Fresquet/PERSON"), which
// the model finds hardest; otherwise the first labelled word decides.
func (d *Doc) entityOf(s, e int) (typ, label string) {
	if e-s == 2 {
		for _, t := range d.Tokens[s:e] {
			if t.Label == "B-PERSON" {
				return Person, "PERSON"
			}
		}
	}
	for _, t := range d.Tokens[s:e] {
		if typ, label, _ := entityType(t.Label); typ != "" {
			return typ, label
		}
	}
	return "", ""
}

// capitalised reports whether a word begins with a capital letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nameContinuation reports whether toks[i], labelled O, is the rest of a
// person's name: a capitalised, hyphenated proper noun such as the given
// names of Korean and Chinese names. Unhyphenated words are left out, since
// the word after a name is as often a title or an organisation ("Trump
// Tower").
func nameContinuation(toks []Token, i int) bool {
	t := toks[i]
	if !strings.HasPrefix(t.Tag, "NNP") {
		return false
	}
	if !capitalised(t.Text) || isAllCaps(t.Text) {
		return false
	}
	for _, c := range t.Text {
		if !unicode.IsLetter(c) && c != '-' {
			return false
		}
	}
	return strings.Contains(t.Text, "-")
}

// nameParticle reports whether toks[i] is a lower-case particle inside an
// Arabic, Dutch, German, Spanish or Portuguese name: "al-Zarqawi" itself,
// or "bin", "de", "van" followed by a capitalised word.
func nameParticle(toks []Token, i, end int) bool {
	w := toks[i].Text
	for _, p := range []string{"al-", "el-", "ad-", "ash-", "as-", "an-", "ar-", "at-", "az-"} {
		if rest, ok := strings.CutPrefix(w, p); ok && capitalised(rest) {
			return true
		}
	}
	switch w {
	case "bin", "ibn", "bint", "al", "el", "de", "del", "della", "di", "da", "dos", "das", "du", "van", "von", "der", "den", "ter", "le", "la":
		return i+1 < end && capitalised(toks[i+1].Text) && strings.HasPrefix(toks[i+1].Tag, "NNP")
	}
	return false
}

// titleWords are the capitalised words that stand between a name and the
// next one ("U.S. President Donald Trump", "Iraqi Foreign Minister Ibrahim
// al-Jaafari"), so that a run of proper nouns is not one name across them.
var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`president vice prime minister secretary chancellor premier
		foreign defence defense interior finance deputy general gen lt col maj capt
		sgt adm admiral commander chief chairman chairwoman leader spokesman spokeswoman
		spokesperson ambassador envoy senator sen rep gov governor mayor king queen prince
		princess sheikh emir sultan pope cardinal bishop mr mrs ms dr sir lord lady judge
		justice director head minister-president representative special supreme crown`) {
		titleWords[w] = true
	}
}

// isInitial reports whether w is a capital letter and a period ("J.").
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && w[n:] == "."
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// entityType maps one of prose's labels to our types. Countries, cities and
// regions (GPE, GSP), natural places (LOCATION) and buildings (FACILITY) are
// all locations here.
func entityType(label string) (typ, raw string, inside bool) {
	if label == "" || label == "O" {
		return "", "", false
	}
	prefix, raw, ok := strings.Cut(label, "-")
	if !ok {
		raw = label
	}
	switch raw {
	case "PERSON":
		typ = Person
	case "ORGANIZATION":
		typ = Organization
	case "GPE", "GSP", "LOCATION", "FACILITY":
		typ = Location
	default:
		return "", "", false
	}
	return typ, raw, prefix == "I"
}

// SentenceOf returns the index of the sentence that contains byte offset
// off, or -1.
func (d *Doc) SentenceOf(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		switch s := d.Sentences[mid]; {
		case off < s.Start:
			hi = mid
		case off >= s.End:
			lo = mid + 1
		default:
			return mid
		}
	}
	return -1
}

// TokenAt returns the index of the token that starts at byte offset off, or
// -1.
func (d *Doc) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.Tokens[mid].Start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(d.Tokens) && d.Tokens[lo].Start == off {
		return lo
	}
	return -1
}
