// Package quotes finds the quotations and reported speech of an English
// news article and says who spoke them, in what role and when.
//
// GDELT lists quotations without their speakers, yet "who said it" is the
// first thing an analyst asks of a quote. The extractor reads the frame
// around each quotation the way news style writes it ("…," Smith said;
// Smith said: "…"; according to Smith, …) and resolves the speaker phrase to
// a canonical name and an actor code on the article's date, through the
// entity mentions of the document (pronouns and role nouns carry their
// antecedent) and the actor knowledge base.
//
// Precision comes first: a speaker is given only when a rule of the frame
// grammar finds one, so an unattributed direct quotation is listed with an
// empty Speaker rather than guessed. Text in quotation marks that is not
// speech (titles, nicknames, scare quotes of a few words with no speech
// verb to frame them) is not listed at all.
package quotes

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Extractor finds quotes and their speakers. It holds no per-document
// state and is safe for concurrent use.
type Extractor struct {
	kb *actors.KB
}

// New returns an extractor that resolves speakers against kb, or against
// the built-in knowledge base when kb is nil.
func New(kb *actors.KB) *Extractor {
	if kb == nil {
		kb = actors.Default()
	}
	return &Extractor{kb: kb}
}

// Name is the stage name reported in Document.Skipped.
func (x *Extractor) Name() string { return "quotes" }

// EnglishOnly reports that the frame grammar is English.
func (x *Extractor) EnglishOnly() bool { return true }

// Annotate fills doc.Quotes. It reads doc.Entities and doc.Dates when
// earlier stages filled them, and works without them otherwise.
func (x *Extractor) Annotate(doc *news.Document) {
	doc.Quotes = x.Extract(doc)
}

// Extract returns the quotes of doc in body order: each direct quotation
// (Direct set, Text the words inside the marks) and each reported-speech
// attribution (Direct unset, Text the reported content).
func (x *Extractor) Extract(doc *news.Document) []news.Quote {
	st := newState(x, doc)
	st.findFrames()
	out := st.direct()
	out = append(out, st.reported()...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	if out == nil {
		out = []news.Quote{}
	}
	return out
}

// state is the working data of one document.
type state struct {
	x     *Extractor
	doc   *news.Document
	body  string
	pub   time.Time
	paras []paragraph
	spans []span
	toks  []token
	sents []sentence
	// sentOf maps a token index to its sentence.
	sentOf []int
	// ents are the entity mentions sorted by start.
	ents []news.EntityMention
	// fullNames maps the lower-cased last word of a multi-word person name
	// to its occurrences, so that "Caddell" can be read as "Pat Caddell".
	fullNames map[string][]nameAt
	frames    []frame
	// gender maps lower-cased names and surnames to "he" or "she".
	gender map[string]string
	// afterPreposition lets leftNP take a name after a preposition, as the
	// subject of a participle ("footage of Trump saying") or the antecedent
	// of "who" ("backed by Tom Reyes, who said") may be.
	afterPreposition bool
	// headlines caches headline(p): 1 yes, -1 no, 0 not yet known.
	headlines []int8
	// resolved caches the speaker of a name or role phrase by its span;
	// actors caches knowledge-base actor codes by phrase. The same few
	// names come back in every paragraph of an article.
	resolved map[[2]int]resolution
	actors   map[string]string
	people   map[string]string // name -> the knowledge base's canonical name, "" if unknown
}

type resolution struct {
	sp speaker
	ok bool
}

type nameAt struct {
	pos  int
	name string
}

// speaker is a resolved speaker phrase.
type speaker struct {
	name, actor string
	start, end  int // the mention in the body
	person      bool
	para        int
}

// frame is one attribution cue with its speaker phrase.
type frame struct {
	lemma string
	flags cueFlags
	// ci, ce: the cue's tokens; sent: its sentence.
	ci, ce, sent int
	np           np
	hasNP        bool
	inverted     bool // "…," said Smith
	colon        bool // a headline's "Smith: …"
	according    bool
	inherit      int // index of the frame whose speaker a participle shares, else -1
	sp           *speaker
}

// first and last return the frame's extent in tokens.
func (f frame) first() int {
	if f.hasNP && f.np.a < f.ci {
		return f.np.a
	}
	return f.ci
}

func (f frame) last() int {
	if f.hasNP && f.np.b > f.ce {
		return f.np.b
	}
	return f.ce
}

func newState(x *Extractor, doc *news.Document) *state {
	st := &state{x: x, doc: doc, body: doc.Article.Body, pub: doc.Article.Published}
	st.paras = paragraphs(st.body)
	st.spans = findSpans(st.body, st.paras)
	sort.Slice(st.spans, func(i, j int) bool { return st.spans[i].open < st.spans[j].open })
	st.toks = tokenize(st.body, st.paras, st.spans)
	st.sents = sentences(st.body, st.toks, st.spans)
	st.sentOf = make([]int, len(st.toks))
	for si, s := range st.sents {
		for i := s.a; i < s.b; i++ {
			st.sentOf[i] = si
		}
	}
	for _, e := range doc.Entities {
		if e.Start >= 0 && e.End <= len(st.body) && e.Start < e.End {
			st.ents = append(st.ents, e)
		}
	}
	sort.SliceStable(st.ents, func(i, j int) bool { return st.ents[i].Start < st.ents[j].Start })
	st.collectNames()
	st.collectGender()
	return st
}

// collectNames indexes the multi-word person names of the document by
// their last word: the PERSON entity mentions, and runs of capitalised
// words after their titles.
func (st *state) collectNames() {
	st.fullNames = map[string][]nameAt{}
	add := func(pos int, name string) {
		name = stripPossessive(strings.TrimSpace(name))
		f := strings.Fields(name)
		if len(f) < 2 || len(f) > 4 {
			return
		}
		key := strings.ToLower(f[len(f)-1])
		st.fullNames[key] = append(st.fullNames[key], nameAt{pos, name})
	}
	for _, e := range st.ents {
		if e.Type == news.Person && strings.ContainsRune(e.Text, ' ') && isUpperStart(e.Text) {
			add(e.Start, e.Text)
		}
	}
	if len(st.fullNames) > 0 {
		for _, v := range st.fullNames {
			sort.Slice(v, func(i, j int) bool { return v[i].pos < v[j].pos })
		}
		return
	}
	for _, s := range st.sents {
		for i := s.a; i < s.b; {
			if !st.toks[i].capitalized() || st.lowerish(i, s) {
				i++
				continue
			}
			j := i
			for j < s.b && st.toks[j].capitalized() && !timeWords[st.toks[j].lower] {
				j++
				if isPossessive(st.toks[j-1].text) {
					break
				}
			}
			a := i
			for k := i; k < j-1; k++ {
				if isTitle(st.toks[k].lower) {
					a = k + 1
				}
			}
			if j-a >= 2 && !orgHeads[stripPossessive(st.toks[j-1].lower)] && !isTitle(st.toks[j-1].lower) {
				add(st.toks[a].start, st.body[st.toks[a].start:st.toks[j-1].end])
			}
			i = max(j, i+1)
		}
	}
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// findFrames finds every attribution cue of the document and resolves its
// speaker, in text order so that a pronoun can fall back on the speaker
// before it.
func (st *state) findFrames() {
	toks := st.toks
	for si, s := range st.sents {
		first := len(st.frames)
		st.colonFrame(si, s)
		st.dashFrames(si, s)
		for i := s.a; i < s.b; i++ {
			if toks[i].lower == "according" && i+1 < s.b && toks[i+1].lower == "to" {
				f := frame{lemma: "according to", ci: i, ce: i + 2, sent: si, according: true, inherit: -1}
				if n, ok := st.rightNP(s, i+2); ok {
					f.np, f.hasNP = n, true
				} else if n, ok := st.sourceNP(s, i+2); ok {
					f.np, f.hasNP = n, true
				}
				st.frames = append(st.frames, f)
				i++
				continue
			}
			c, w, ok := lookupCue(toks, s, i, st.headline(toks[i].para))
			if !ok {
				continue
			}
			f := frame{lemma: c.lemma, flags: c.flags, ci: i, ce: i + w, sent: si, inherit: -1}
			if !st.subject(&f, s, first) {
				continue
			}
			if !isLowerStart(toks[i].text) && (!f.hasNP || f.np.a != s.a) {
				continue // a headline's "Obama Says": the speaker opens it
			}
			st.frames = append(st.frames, f)
		}
		for k := first; k < len(st.frames); k++ {
			f := &st.frames[k]
			switch {
			case f.hasNP:
				if sp, ok := st.resolve(f.np, s); ok {
					f.sp = &sp
				}
			case f.inherit >= 0:
				f.sp = st.frames[f.inherit].sp
			}
		}
	}
}

// colonFrame reads a headline's "Pat Caddell: …": a short name, all in
// capitals, opening the sentence and followed by a colon.
func (st *state) colonFrame(si int, s sentence) {
	for k := s.a + 1; k < s.b && k-s.a <= 4; k++ {
		t := st.toks[k]
		if t.kind == tPunct && t.text == ":" {
			n, ok := st.leftNP(s, k-1)
			if !ok || n.kind != npName || n.a != s.a {
				return
			}
			for i := n.a; i < n.b; i++ {
				if !st.toks[i].capitalized() {
					return
				}
			}
			st.frames = append(st.frames, frame{ci: k, ce: k + 1, sent: si, np: n, hasNP: true, colon: true, inherit: -1})
			return
		}
		if t.kind != tWord {
			return
		}
	}
}

// dashFrames reads a quotation signed with a dash: "“…” ― Sonya Herridge".
func (st *state) dashFrames(si int, s sentence) {
	toks := st.toks
	for i := s.a; i+2 < s.b; i++ {
		if toks[i].kind != tQuote || !isDashTok(toks[i+1]) {
			continue
		}
		n, ok := st.rightNP(s, i+2)
		if !ok || n.kind != npName || n.b < s.b && toks[n.b].kind != tPunct {
			continue
		}
		st.frames = append(st.frames, frame{ci: n.a, ce: n.a, sent: si, np: n, hasNP: true, inverted: true, inherit: -1})
	}
}

// subject finds the speaker phrase of the cue f: after it when the cue is
// inverted ("…," said Smith), else before it, past adverbs, auxiliaries and
// an appositive ("Smith, the group's leader, said"). A participle with no
// subject of its own (", adding that…") shares that of the clause it
// hangs from. It returns false for a negated cue.
func (st *state) subject(f *frame, s sentence, first int) bool {
	toks := st.toks
	j := f.ci - 1
	for skipped := 0; j >= s.a && skipped < 3 && toks[j].kind == tWord && st.lowerish(j, s) && (skipAdverbs[toks[j].lower] || negation(toks[j].lower) || st.adverb(toks[j].lower)); skipped++ {
		if negation(toks[j].lower) {
			return false
		}
		j--
	}
	// "Stevie Wonder, who joked, …", "the study, which notes that…": the
	// relative pronoun stands for the phrase before its comma or dash.
	if j-1 > s.a && toks[j].kind == tWord && toks[j].is("who", "which") && (toks[j-1].punct(",") || isDashTok(toks[j-1])) {
		st.afterPreposition = true
		n, ok := st.leftNP(s, j-2)
		st.afterPreposition = false
		if ok && n.kind != npPronoun {
			f.np, f.hasNP = n, true
			return true
		}
		return true
	}
	// "… outlined his plan and vowed to…": a second verb shares the
	// subject of the first.
	if j > s.a && toks[j].kind == tWord && toks[j].is("and", "but") && st.lowerish(j, s) {
		if n, ok := st.sentenceSubject(s, j); ok {
			f.np, f.hasNP = n, true
		}
		return true
	}
	ing := strings.HasSuffix(toks[f.ci].lower, "ing")
	// Inversion follows a clause that ends at a comma or a dash, or a
	// quotation that ends with its own comma, question or exclamation
	// mark: "“…,” said Smith", not "the ad “wrongly” suggests that…".
	afterBreak := j < s.a || toks[j].kind == tQuote && st.quoteEndsClause(toks[j]) || toks[j].kind == tPunct && (toks[j].text == "," || isDashTok(toks[j]))
	if f.flags&cueInvert != 0 && afterBreak && !ing {
		if n, ok := st.rightNP(s, f.ce); ok && st.boundary(s, n.b) && (j < s.a || toks[j].kind == tQuote || j > s.a && toks[j-1].kind == tQuote || st.invertedEnd(s, n)) {
			f.np, f.hasNP, f.inverted = n, true, true
			return true
		}
	}
	if j < s.a {
		return true
	}
	if toks[j].kind == tPunct && toks[j].text == "," {
		if ing {
			st.participle(f, s, first)
			return true
		}
		// An appositive or a relative clause between commas.
		pos := j
		var inner np
		innerOK := false
		for tries := 0; tries < 5; tries++ {
			k := pos - 1
			for k > s.a && pos-k < 30 && !toks[k].punct(",") && toks[k].kind != tQuote {
				k--
			}
			if k <= s.a || !toks[k].punct(",") {
				break
			}
			if tries == 0 && pos-k-1 <= 5 {
				inner, innerOK = st.classify(s, k+1, pos)
				innerOK = innerOK && inner.kind == npName
			}
			if n, ok := st.leftNP(s, k-1); ok && !st.placeAppositive(n, s) {
				if n.kind == npRole && innerOK {
					n = inner // "a spokesman, Brian Fallon, said"
				}
				f.np, f.hasNP = n, true
				return true
			}
			pos = k
		}
		if innerOK {
			// "His former partner at Lenox, Lawrence Cummings, called…":
			// the name between the commas is the subject.
			f.np, f.hasNP = inner, true
		}
		return true
	}
	st.afterPreposition = ing
	n, ok := st.leftNP(s, j)
	st.afterPreposition = false
	if ok && ing && n.kind == npRole {
		// "the polls saying", "a man holding a sign reading": before a
		// participle a common noun is as often its object's owner as its
		// subject; only a name or a pronoun is taken.
		ok = false
	}
	if !ok && !ing && toks[j].is("who") && j-1 >= s.a && toks[j-1].kind == tWord {
		// "voters who say…", "64 percent who said…": a relative clause
		// with no comma speaks for the phrase before it.
		st.afterPreposition = true
		n, ok = st.leftNP(s, j-1)
		st.afterPreposition = false
		ok = ok && n.kind != npPronoun
	}
	if !ok && !ing {
		// "A spokesman for the mayor said…", "Aides to Clinton say…":
		// a subject whose head comes before a complement.
		n, ok = st.headFirst(s, j)
	}
	if ok {
		f.np, f.hasNP = n, true
		return true
	}
	if ing && toks[j].kind == tWord {
		// "before saying", "while adding", "tweets early Friday saying":
		// a participle with no subject of its own hangs from its clause.
		st.participle(f, s, first)
	}
	return true
}

// invertedEnd reports whether the phrase n after a cue that follows a
// comma or a dash can be the cue's inverted subject ("The plan is dead,
// said Smith."): it ends the clause, or an adverbial or a relative clause
// follows it. Otherwise the cue has a subject of its own before the comma,
// and n opens its content: "Brian Deese, an adviser, said he was…";
// "Craig Minassian, a spokesman, said the decision to…". An inverted
// pronoun ("…, said he.") only ever ends the clause.
func (st *state) invertedEnd(s sentence, n np) bool {
	if n.b >= s.b || st.toks[n.b].kind != tWord {
		return true
	}
	if n.kind == npPronoun {
		return false
	}
	t := st.toks[n.b]
	return timeWords[t.lower] || t.is("in", "on", "at", "during", "after", "before", "from", "via", "who", "which",
		"whose", "when", "while", "as", "of", "for", "with") || strings.HasSuffix(t.lower, "ing")
}

// quoteEndsClause reports whether a quotation ends with a comma, a
// question or an exclamation mark inside its closing mark, as one does
// before an inverted attribution.
func (st *state) quoteEndsClause(t token) bool {
	_, e := st.spans[t.q].content()
	txt := strings.TrimRightFunc(st.body[st.spans[t.q].parts[0][0]:e], func(r rune) bool { return unicode.IsSpace(r) || isQuoteRune(r) })
	return strings.HasSuffix(txt, ",") || strings.HasSuffix(txt, "?") || strings.HasSuffix(txt, "!") || strings.HasSuffix(txt, "—") || strings.HasSuffix(txt, "-")
}

// placeAppositive reports whether a phrase found between commas is a place
// that describes the name before it ("Donna Rawlings, 59, of Ashton, Md.,
// said"), so that the search for the subject goes on leftwards.
func (st *state) placeAppositive(n np, s sentence) bool {
	if n.kind != npName || n.a <= s.a || !st.toks[n.a-1].punct(",") {
		return false
	}
	name := st.body[st.toks[n.na].start:st.toks[n.nb-1].end]
	if _, ok := st.x.kb.Place(name); ok {
		return true
	}
	return n.nb-n.na == 1 && abbreviations[strings.TrimSuffix(strings.ToLower(name), ".")] && strings.HasSuffix(name, ".")
}

// adverb reports whether a lower-case word is a manner adverb that may
// stand between a speaker and the cue ("Gingrich cynically dismissed").
func (st *state) adverb(w string) bool {
	return strings.HasSuffix(w, "ly") && len(w) > 4 && !st.isRoleWord(w) && !timeWords[w]
}

func negation(w string) bool {
	return w == "not" || w == "never" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
}

// participle gives a subjectless participle the subject of its clause: the
// frame before it in the sentence, else the sentence's own subject.
func (st *state) participle(f *frame, s sentence, first int) {
	for k := len(st.frames) - 1; k >= first; k-- {
		if st.frames[k].sent == f.sent && (st.frames[k].hasNP || st.frames[k].inherit >= 0) && st.frames[k].ci < f.ci {
			f.inherit = k
			return
		}
	}
	if n, ok := st.sentenceSubject(s, f.ci); ok {
		f.np, f.hasNP = n, true
	}
}

// sentenceSubject finds the subject of a sentence: the phrase at its start,
// after an opening adverbial that ends with a comma ("During a speech,
// Trump attacked…") or a quotation, followed by a lower-case word (its
// verb), possibly after an appositive ("Dean, a former chairman, poked…").
func (st *state) sentenceSubject(s sentence, limit int) (np, bool) {
	toks := st.toks
	a := s.a
	for a < limit && (toks[a].kind == tQuote || toks[a].kind == tPunct) {
		a++
	}
	if a < limit && toks[a].kind == tWord {
		w := toks[a].lower
		if st.lowerish(a, s) && !determiners[w] || strings.HasSuffix(w, "ing") || timeWords[w] || st.adverb(w) {
			// "During a speech earlier in the day, Trump attacked…"
			for k := a; k < limit && k-a < 15; k++ {
				if toks[k].punct(",") {
					a = k + 1
					break
				}
			}
		}
	}
	n, ok := st.rightNP(s, a)
	if !ok || n.b >= limit || n.kind == npRole && toks[n.b-1].lower != toks[n.b-1].text {
		return np{}, false
	}
	k := n.b
	if toks[k].punct(",") {
		// An appositive: skip to its closing comma.
		e := k + 1
		for e < limit && e-k < 25 && !toks[e].punct(",") && toks[e].kind != tQuote {
			e++
		}
		if e >= limit || !toks[e].punct(",") {
			return np{}, false
		}
		k = e + 1
	}
	if k >= limit {
		return np{}, false
	}
	for k < limit && toks[k].kind == tWord && st.lowerish(k, s) && st.adverb(toks[k].lower) {
		k++
	}
	if k >= limit {
		return np{}, false
	}
	next := toks[k]
	if next.kind != tWord || !isLowerStart(next.text) || stopWords[next.lower] && !next.is("has", "had", "was", "is", "also", "then", "later", "will", "would") {
		return np{}, false
	}
	return n, true
}

// boundary reports whether a speaker phrase may end before toks[i]: at the
// end of the sentence, at punctuation or a quotation, or before a
// preposition, a time word or a participle.
func (st *state) boundary(s sentence, i int) bool {
	if i >= s.b {
		return true
	}
	t := st.toks[i]
	if t.kind != tWord {
		return true
	}
	w := t.lower
	return stopWords[w] || timeWords[w] || strings.HasSuffix(w, "ing") || cueVerbs[w].lemma != ""
}

// resolve turns a speaker phrase into a speaker: through the entity
// mention that covers its head (a role noun's mention carries its
// antecedent's canonical name and actor), else through the document's own
// full names and the knowledge base. A pronoun goes to its antecedent (see
// antecedent).
func (st *state) resolve(n np, s sentence) (speaker, bool) {
	toks := st.toks
	start, end := toks[n.na].start, toks[n.nb-1].end
	head := toks[n.nb-1]
	para := toks[n.a].para
	if n.kind == npPronoun {
		pron, _ := contraction(head.lower)
		if pron == "it" || pron == "they" {
			sp, ok := st.groupAntecedent(n.a, pron)
			sp.start, sp.end, sp.para = start, end, para
			return sp, ok
		}
		if pron != "he" && pron != "she" {
			return speaker{}, false
		}
		// Our own antecedent first, which knows who has been speaking
		// and never picks a name from inside a quotation; the entity
		// stage's coreference when it finds none.
		sp, ok := st.antecedent(n.a, pron)
		if !ok {
			sp, ok = st.entitySpeaker(n, start, end)
		}
		if !ok {
			return speaker{}, false
		}
		sp.start, sp.end, sp.para = start, end, para
		return sp, true
	}
	key := [2]int{n.a, n.b}
	if r, ok := st.resolved[key]; ok {
		return r.sp, r.ok
	}
	sp, ok := st.resolveName(n, s, start, end, para)
	if ok && n.kind == npName && sp.person && sp.actor == "" {
		sp.actor = st.appositiveActor(n)
	}
	if st.resolved == nil {
		st.resolved = map[[2]int]resolution{}
	}
	st.resolved[key] = resolution{sp, ok}
	return sp, ok
}

// resolveName resolves a name or a role phrase (see resolve).
func (st *state) resolveName(n np, s sentence, start, end, para int) (speaker, bool) {
	toks := st.toks
	if sp, ok := st.entitySpeaker(n, start, end); ok {
		return sp, true
	}
	switch n.kind {
	case npName:
		raw := stripPossessive(st.body[start:end])
		name := st.canonical(raw, start)
		person := st.isPerson(name)
		if person && name == raw && n.nb-n.na == 1 && n.na == s.a {
			// A lone capitalised word opening a sentence ("Debates",
			// "Officials") is a person only if the text names one so.
			person = len(st.fullNames[strings.ToLower(raw)]) > 0
		}
		return speaker{name: name, actor: st.actor(name), start: start, end: end, para: para, person: person}, true
	case npRole:
		if sp, ok := st.statementAuthor(n, s); ok {
			sp.start, sp.end, sp.para = start, end, para
			return sp, true
		}
		var words []string
		for k := n.na; k < n.nb; k++ {
			if !anonymity[toks[k].lower] {
				words = append(words, toks[k].text)
			}
		}
		phrase := strings.Join(words, " ")
		// The actor is read from the phrase up to its head: "officials in
		// Seoul" is not coded from "Seoul" alone.
		var upToHead []string
		for k := n.na; k <= n.h; k++ {
			if !anonymity[toks[k].lower] {
				upToHead = append(upToHead, toks[k].text)
			}
		}
		return speaker{name: phrase, actor: st.roleActor(upToHead), start: start, end: end, para: para}, true
	}
	return speaker{}, false
}

// appositiveActor codes a person the knowledge base does not know from
// the description the text gives right after the name, when the entity
// stage found it to be a role phrase with an actor: "Laura Kessler, a
// former U.S. diplomat" is coded as a former US official. The phrase is
// coded again here so that "former" is read (see roleActor); the entity
// stage's own code is taken only when it is a bare country.
func (st *state) appositiveActor(n np) string {
	if n.b+1 >= len(st.toks) || !st.toks[n.b].punct(",") || !st.toks[n.b+1].is("a", "an") {
		return ""
	}
	at := st.toks[n.b+1].start
	i := sort.Search(len(st.ents), func(i int) bool { return st.ents[i].Start >= at })
	if i == len(st.ents) || st.ents[i].Start != at || st.ents[i].Actor == "" {
		return ""
	}
	e := st.ents[i]
	words := strings.Fields(e.Text)[1:]
	if a := st.roleActor(words); a != "" {
		return a
	}
	if len(e.Actor) == 3 {
		return e.Actor
	}
	return ""
}

// statementNouns name a statement that a person issues; "the statement
// said" speaks for its author. ("assertion" is how spun text rewrites
// "statement".)
var statementNouns = set("statement", "assertion", "declaration", "communique", "communiqué", "release")

// statementAuthor resolves "the statement" as a speaker to the person who
// issued it: the text introduces the statement first ("In a statement
// carried by KCNA, she said…"; "Choe mentioned in a press release…"), and
// the definite phrase points back to it. The nearest earlier sentence, up
// to two paragraphs back, that mentions a statement with "a" or "an" gives
// its speaker, or the person its clause is about. A statement with no such
// introduction, or introduced with no person, stays the speaker itself.
func (st *state) statementAuthor(n np, s sentence) (speaker, bool) {
	toks := st.toks
	if !statementNouns[toks[n.h].lower] || !toks[n.a].is("the", "this", "that") {
		return speaker{}, false
	}
	si := st.sentOf[n.a]
	para := toks[n.a].para
	for k := si - 1; k >= 0 && si-k <= 8; k-- {
		sk := st.sents[k]
		if para-toks[sk.b-1].paraEnd > 2 {
			break
		}
		intro := false
		for i := sk.a; i < sk.b && !intro; i++ {
			if !statementNouns[toks[i].lower] || toks[i].kind != tWord {
				continue
			}
			for j := i - 1; j >= sk.a && i-j <= 3; j-- {
				if toks[j].is("a", "an") {
					intro = true
					break
				}
			}
		}
		if !intro {
			continue
		}
		for fi := st.framesBefore(k+1) - 1; fi >= 0 && st.frames[fi].sent == k; fi-- {
			if f := st.frames[fi]; f.sp != nil && f.sp.person && f.sp.name != "" {
				return *f.sp, true
			}
		}
		if c := st.clauseSubjects(sk); len(c) > 0 {
			return c[0], true
		}
		return speaker{}, false
	}
	return speaker{}, false
}

// entitySpeaker reads the speaker off the entity mention at the head of
// the phrase, when the entity stage resolved it to a named entity.
func (st *state) entitySpeaker(n np, start, end int) (speaker, bool) {
	head := st.toks[n.h]
	e, ok := st.entityAt(head.start, head.end, n.kind)
	if n.kind == npName && (!ok || e.Type != news.Person) {
		// "Rep. Elijah Cummings of Maryland": the person, not the place.
		if p, found := st.entityAt(start, end, n.kind); found && p.Type == news.Person {
			e, ok = p, true
		}
	}
	if !ok {
		return speaker{}, false
	}
	name := e.Canonical
	if name == "" && e.Ref >= 0 && e.Ref < len(st.doc.Entities) && isLowerStart(e.Text) {
		// A pronoun or role noun resolved to a mention the knowledge base
		// does not know: its antecedent's own words name the speaker.
		if a := st.doc.Entities[e.Ref]; a.Type == news.Person {
			name = a.Canonical
			if name == "" {
				name = a.Text
			}
		}
	}
	if name == "" && n.kind == npName {
		name = e.Text
	}
	if name == "" {
		return speaker{}, false
	}
	sp := speaker{name: name, actor: e.Actor, start: start, end: end, person: e.Type == news.Person, para: st.toks[n.a].para}
	if sp.actor == "" && n.kind == npName {
		sp.actor = st.actor(name)
	}
	return sp, true
}

// antecedent resolves "he" or "she" before a cue verb to the person the
// text was last about: going back sentence by sentence, up to two
// paragraphs, the speaker of a cue there or the named subject of the
// sentence, skipping a person known to be of the other gender. Names
// inside quotations are never candidates: "he said" after a quotation that
// mentions Obama is not Obama.
func (st *state) antecedent(ti int, pron string) (speaker, bool) {
	si := st.sentOf[ti]
	para := st.toks[ti].para
	// "Ban Ki-moon condemned what he called…", "Putney said…, but he said
	// that…": the subject of the pronoun's own sentence comes first.
	if n, ok := st.sentenceSubject(st.sents[si], ti); ok && n.kind == npName && n.b <= ti {
		if sp, ok := st.resolve(n, st.sents[si]); ok && sp.person && st.genderOK(sp.name, pron) {
			return sp, true
		}
	}
	for k := si - 1; k >= 0 && si-k <= 8; k-- {
		sk := st.sents[k]
		if para-st.toks[sk.b-1].paraEnd > 2 {
			break
		}
		cands := st.clauseSubjects(sk)
		for fi := st.framesBefore(k+1) - 1; fi >= 0 && st.frames[fi].sent == k; fi-- {
			if f := st.frames[fi]; f.sp != nil && f.sp.person {
				cands = append(cands, *f.sp)
			}
		}
		for _, c := range cands {
			if st.genderOK(c.name, pron) {
				return c, true
			}
		}
	}
	return speaker{}, false
}

// clauseSubjects returns the people who are the subjects of the clauses
// of sentence s, the last clause first: in "Kim addressed Trump…; Trump
// answered…" the nearer clause is about Trump, and a "he" that follows is
// read as him. Clauses are split at semicolons. A subject is a name, or a
// role noun ("The president declined…") that the entity stage resolved to
// a named person.
func (st *state) clauseSubjects(s sentence) []speaker {
	var out []speaker
	b := s.b
	for a := s.b - 1; a >= s.a-1; a-- {
		if a >= s.a && !st.toks[a].punct(";") {
			continue
		}
		c := sentence{a: a + 1, b: b}
		b = a
		if c.a >= c.b {
			continue
		}
		n, ok := st.sentenceSubject(c, c.b)
		if !ok {
			continue
		}
		var sp speaker
		switch n.kind {
		case npName:
			sp, ok = st.resolve(n, c)
		case npRole:
			sp, ok = st.entitySpeaker(n, st.toks[n.na].start, st.toks[n.nb-1].end)
		default:
			ok = false
		}
		if ok && sp.person && sp.name != "" {
			out = append(out, sp)
		}
	}
	return out
}

// groupAntecedent resolves "it" or "they" before a cue verb to the body,
// group or document that spoke last, within the three sentences before:
// "the letter reads. “…,” it added."; "they" also takes a plural role
// ("officials said… they said").
func (st *state) groupAntecedent(ti int, pron string) (speaker, bool) {
	si := st.sentOf[ti]
	for fi := st.framesBefore(si) - 1; fi >= 0; fi-- {
		f := st.frames[fi]
		if si-f.sent > 3 {
			break
		}
		if f.sp == nil || f.sp.person || f.sp.name == "" {
			continue
		}
		if f.np.kind == npPronoun {
			continue
		}
		plural := f.np.kind == npRole && singular(st.toks[f.np.h].lower) != st.toks[f.np.h].lower
		if pron == "it" && plural || pron == "they" && !plural && f.np.kind == npRole {
			continue
		}
		return *f.sp, true
	}
	return speaker{}, false
}

// genderOK reports whether a person may be referred to by pron, as far as
// the document tells: an entity mention "she" resolved to them, or a "Mr."
// or "Ms." before their name.
func (st *state) genderOK(name, pron string) bool {
	g, ok := st.gender[strings.ToLower(name)]
	if !ok {
		f := strings.Fields(name)
		g, ok = st.gender[strings.ToLower(f[len(f)-1])]
	}
	if !ok || g == "" {
		return true
	}
	return g == pron
}

// collectGender records the gender the document gives its people.
func (st *state) collectGender() {
	st.gender = map[string]string{}
	set := func(key, g string) {
		key = strings.ToLower(key)
		if old, ok := st.gender[key]; ok && old != g {
			st.gender[key] = "" // contradictory: unknown
			return
		}
		st.gender[key] = g
	}
	for _, e := range st.ents {
		if e.Canonical == "" {
			continue
		}
		switch strings.ToLower(e.Text) {
		case "he", "him", "his", "himself":
			set(e.Canonical, "he")
		case "she", "her", "hers", "herself":
			set(e.Canonical, "she")
		}
	}
	for i := 0; i+1 < len(st.toks); i++ {
		g := ""
		switch st.toks[i].lower {
		case "mr.", "mr":
			g = "he"
		case "mrs.", "mrs", "ms.", "ms":
			g = "she"
		}
		if g == "" || !st.toks[i+1].capitalized() {
			continue
		}
		j := i + 1
		for j+1 < len(st.toks) && st.toks[j+1].capitalized() && st.toks[j+1].para == st.toks[i].para {
			j++
		}
		set(stripPossessive(st.toks[j].lower), g)
	}
}

// entityAt returns the entity mention that covers [start, end), preferring
// a person to an organisation and an organisation to a place.
func (st *state) entityAt(start, end int, kind npKind) (news.EntityMention, bool) {
	i := sort.Search(len(st.ents), func(i int) bool { return st.ents[i].End > start })
	best, rank := news.EntityMention{}, 0
	for ; i < len(st.ents) && st.ents[i].Start < end; i++ {
		e := st.ents[i]
		if e.End <= start {
			continue
		}
		r := 1
		switch e.Type {
		case news.Person:
			r = 3
		case news.Organization:
			r = 2
		}
		if kind == npRole && e.Type == news.Location {
			continue // "U.S." inside "a U.S. official" is not the speaker
		}
		if r > rank {
			best, rank = e, r
		}
	}
	return best, rank > 0
}

// canonical expands a surname to the full name the document gave the
// person most recently before (else first after) pos, and then to the
// knowledge base's canonical name.
func (st *state) canonical(name string, pos int) string {
	if p := st.person(name); p != "" {
		return p
	}
	if !strings.ContainsRune(name, ' ') {
		if list := st.fullNames[strings.ToLower(name)]; len(list) > 0 {
			full := list[0].name
			for _, n := range list {
				if n.pos < pos {
					full = n.name
				}
			}
			if p := st.person(full); p != "" {
				return p
			}
			return full
		}
	}
	return name
}

// person returns the knowledge base's canonical name for a person's name,
// or "" if it knows no such person.
func (st *state) person(name string) string {
	if p, ok := st.people[name]; ok {
		return p
	}
	p, _, ok := st.x.kb.Person(name, st.pub)
	if st.people == nil {
		st.people = map[string]string{}
	}
	if !ok {
		p.Name = ""
	}
	st.people[name] = p.Name
	return p.Name
}

func (st *state) isPerson(name string) bool {
	kb := st.x.kb
	if st.person(name) != "" {
		return true
	}
	if _, ok := kb.Organization(name); ok {
		return false
	}
	if _, ok := kb.Country(name); ok {
		return false
	}
	if _, _, ok := kb.Seat(name); ok {
		return false
	}
	f := strings.Fields(name)
	if orgHeads[strings.ToLower(f[len(f)-1])] {
		return false
	}
	// A single word is a person only as the surname of a full name the
	// text gives ("Caddell" after "Pat Caddell"); "Florida" is not.
	return len(f) > 1 || len(st.fullNames[strings.ToLower(name)]) > 0
}

// actor returns the actor code of a name on the article's date.
func (st *state) actor(name string) string {
	if a, ok := st.actors[name]; ok {
		return a
	}
	a, _ := st.x.kb.Actor(name, st.pub)
	if st.actors == nil {
		st.actors = map[string]string{}
	}
	st.actors[name] = a
	return a
}

// roleActor codes a generic speaker such as "senior U.S. official": the
// longest ending of the phrase that the knowledge base reads as an actor,
// so that adjectives before the state ("senior") do not hide it. A former
// holder of a role no longer acts for the state: "a former State
// Department official" is coded as the country's elite (ELI, CAMEO's code
// for former officials), never as its government. An "administration"
// with no state in the phrase is read by administrationActor.
func (st *state) roleActor(words []string) string {
	lapsed := false
	for _, w := range words {
		if lapsedWords[strings.ToLower(w)] || strings.HasPrefix(strings.ToLower(w), "ex-") {
			lapsed = true
		}
	}
	for i := 0; i < len(words); i++ {
		if lapsedWords[strings.ToLower(words[i])] {
			continue
		}
		if a := st.actor(strings.Join(words[i:], " ")); a != "" {
			if lapsed {
				return st.formerActor(a)
			}
			return a
		}
	}
	if lapsed {
		return ""
	}
	return st.administrationActor(words)
}

// lapsedWords mark a role that is no longer held.
var lapsedWords = set("former", "retired", "ex", "onetime", "one-time")

// formerActor turns the code of a state role into the code of a former
// holder of it: the country with ELI. A code that is not a country's (an
// international organisation's) gives nothing, as CAMEO has no former
// member of one.
func (st *state) formerActor(code string) string {
	if len(code) < 3 {
		return ""
	}
	if _, ok := st.x.kb.CountryByCode(code[:3]); !ok {
		return ""
	}
	return code[:3] + "ELI"
}

// administrationActor codes an unnamed official of "the administration"
// when the text leaves no doubt which one it is, and returns "" otherwise:
//   - the phrase names its head: "a Biden administration official" is the
//     government of Biden's country;
//   - else the article names administrations by their heads, all of one
//     country ("the Biden administration has tried…"): that country's;
//   - else, with no administration named at all, an article datelined in
//     the United States: in American news usage an unqualified "the
//     administration" is the sitting US executive. Other countries' press
//     says "the government", so elsewhere the word alone is left uncoded.
func (st *state) administrationActor(words []string) string {
	at := -1
	for i, w := range words {
		if strings.EqualFold(w, "administration") {
			at = i
		}
	}
	if at < 0 {
		return ""
	}
	if at > 0 {
		if c := st.headCountry(stripPossessive(words[at-1])); c != "" {
			return c + "GOV"
		}
		if isUpperStart(words[at-1]) {
			return "" // an administration named by something else
		}
	}
	named := st.namedAdministrations()
	switch {
	case len(named) == 1:
		for c := range named {
			return c + "GOV"
		}
	case len(named) > 1:
		return ""
	}
	if st.datelineCountry() == "USA" {
		return "USAGOV"
	}
	return ""
}

// headCountry returns the country of the person a name stands for on the
// article's date, or "".
func (st *state) headCountry(name string) string {
	p, _, ok := st.x.kb.Person(name, st.pub)
	if !ok {
		p, _, ok = st.x.kb.Person(st.canonical(name, 0), st.pub)
	}
	if !ok {
		return ""
	}
	return p.Country
}

// namedAdministrations returns the countries of the administrations the
// body names by their heads ("the Biden administration", "Trump's
// administration").
func (st *state) namedAdministrations() map[string]bool {
	out := map[string]bool{}
	for i := 1; i < len(st.toks); i++ {
		if st.toks[i].lower != "administration" || !st.toks[i-1].capitalized() {
			continue
		}
		if c := st.headCountry(stripPossessive(st.toks[i-1].text)); c != "" {
			out[c] = true
		}
	}
	return out
}

// datelineCountry returns the country of the one place the article's
// dateline names ("WASHINGTON, May 24, 2018 (Meridian) —"), or "" when it
// names none, several ("WASHINGTON/SEOUL") or one the knowledge base does
// not place.
func (st *state) datelineCountry() string {
	place := st.doc.Article.Dateline
	if i := strings.IndexAny(place, ",(—–"); i >= 0 {
		place = place[:i]
	}
	place = strings.TrimSpace(place)
	if place == "" || strings.ContainsAny(place, "/&") {
		return ""
	}
	c, _ := st.x.kb.Place(place)
	return c
}
