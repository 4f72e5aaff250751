package quotes

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

type npKind uint8

const (
	npName    npKind = iota + 1 // "Pat Caddell", "the White House"
	npPronoun                   // "he", "she"
	npRole                      // "the spokeswoman", "a senior U.S. official"
)

// np is a speaker phrase: toks[a:b]. For a name, toks[na:nb] is the name
// without titles; for a role, the phrase without its determiner.
type np struct {
	a, b   int
	kind   npKind
	na, nb int
	h      int // the head word
}

// isRoleWord reports whether a lower-case word can head a speaker phrase.
func (st *state) isRoleWord(w string) bool {
	w = stripPossessive(w)
	if speakerNouns[w] || speakerNouns[singular(w)] || statementNouns[w] || quantityNouns[w] {
		return true
	}
	_, ok := st.x.kb.Sector(w)
	return ok
}

// lowerish reports whether a token is to be read as a lower-case word: it
// is lower case, or it opens the sentence and is a function word or a
// common speaker noun ("The", "Officials").
func (st *state) lowerish(i int, s sentence) bool {
	t := st.toks[i]
	if !t.capitalized() {
		return true
	}
	if i != s.a && !st.afterColon(i) {
		return false
	}
	w := t.lower
	return determiners[w] || stopWords[w] || subjectPronouns[w] || skipAdverbs[w] || (st.isRoleWord(w) && !personTitles[w])
}

func (st *state) afterColon(i int) bool {
	return i > 0 && st.toks[i-1].kind == tPunct && (st.toks[i-1].text == ":" || st.toks[i-1].text == "(")
}

// leftNP finds the speaker phrase that ends at toks[e] inside sentence s,
// reading leftwards: "White House press secretary Jen Psaki", "the
// spokeswoman", "he". It returns false when toks[e] cannot end a subject.
func (st *state) leftNP(s sentence, e int) (np, bool) {
	toks := st.toks
	if e >= s.a && toks[e].punct(")") {
		// "Rep. Gwen Moore (D-Wis.) said": skip the parenthesis.
		k := e - 1
		for k >= s.a && e-k < 10 && !toks[k].punct("(") {
			k--
		}
		if k < s.a || !toks[k].punct("(") {
			return np{}, false
		}
		e = k - 1
	}
	if e < s.a || toks[e].kind != tWord {
		return np{}, false
	}
	t := toks[e]
	if p, ok := contraction(t.lower); ok && subjectPronouns[p] {
		// "He’s claiming", "they've said"
		t.lower = p
	}
	if subjectPronouns[t.lower] {
		if t.lower == "it" || t.lower == "you" {
			return np{}, false
		}
		return np{a: e, b: e + 1, kind: npPronoun, na: e, nb: e + 1, h: e}, true
	}
	if timeWords[t.lower] || (stopWords[t.lower] && st.lowerish(e, s)) || determiners[t.lower] && st.lowerish(e, s) {
		return np{}, false
	}
	l := e
	for k := e - 1; k >= s.a && e-k < 10; k-- {
		tk := toks[k]
		if tk.kind != tWord {
			break
		}
		w := tk.lower
		low := st.lowerish(k, s)
		if isNumber(tk) && (toks[k+1].is("in", "out") || quantityNouns[toks[k+1].lower]) {
			l = k // "three in 10", "two-thirds"
			continue
		}
		if determiners[w] && low {
			if w != "that" && w != "this" {
				l = k
			}
			if k > s.a && prepositions[toks[k-1].lower] && st.lowerish(k-1, s) && !st.afterPreposition {
				if p := toks[k-1]; p.is("of", "for", "on") && k-2 >= s.a && (isTitle(toks[k-2].lower) || st.isRoleWord(toks[k-2].lower) || toks[k-2].capitalized()) {
					break // "the General Staff of the army": as before
				}
				// "Aides to the governor say": the phrase is the object of
				// a preposition, not the subject.
				return np{}, false
			}
			break
		}
		if timeWords[w] {
			break // "On Monday Smith said"
		}
		if st.inQuantity(k, e) {
			l = k // "Six in 10", "nine out of 10", "about 4 in 10"
			continue
		}
		if n := toks[k+1]; k+1 <= e && isNumber(n) && (k+2 <= e && (quantityNouns[toks[k+2].lower] || toks[k+2].is("in", "out", "of")) || k+1 == e) {
			break // a count opens the phrase: "The poll found | 47 percent of Democrats"
		}
		if low && (stopWords[w] || subjectPronouns[w] || skipAdverbs[w] && !st.isRoleWord(w)) {
			if (w == "of" || w == "for" || w == "on") && k > s.a && k+1 <= e {
				// "secretary of State John Kerry", "a spokesman for the
				// campaign", "the Commission on Presidential Debates": keep
				// the preposition when a title, a role or a name stands
				// before it.
				p := toks[k-1]
				if w != "on" && (personTitles[p.lower] || st.isRoleWord(p.lower)) || p.capitalized() && w != "for" {
					l = k
					continue
				}
			}
			if w == "in" || w == "at" || w == "from" {
				// "officials in Seoul", "a spokesman at the embassy"
				if k > s.a && st.lowerish(k-1, s) && st.isRoleWord(toks[k-1].lower) && !documentNouns[singular(toks[k-1].lower)] {
					l = k
					continue
				}
			}
			if prepositions[w] && low && !st.afterPreposition {
				// "the Commission on Presidential Debates", "a book by
				// Jane Doe": a name after a preposition is its object, not
				// the subject of the cue.
				return np{}, false
			}
			break
		}
		if low && (strings.HasSuffix(w, "ly") && !st.isRoleWord(w) || cueVerbs[w].lemma != "" ||
			(strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && !st.isRoleWord(w) && !anonymity[w] && !modifiers[w]) {
			break // "protesters carrying signs said": a verb, not the phrase
		}
		if !low && stopWords[w] && !(k > s.a && toks[k-1].capitalized()) {
			break // "But", "And" opening a clause mid-sentence after a colon
		}
		l = k
	}
	return st.classify(s, l, e+1)
}

// isPlace reports whether body[start:end] names a place: the knowledge
// base knows it as one, or the entity stage found a place there.
func (st *state) isPlace(start, end int) bool {
	if _, ok := st.x.kb.Place(st.body[start:end]); ok {
		return true
	}
	for _, e := range st.ents {
		if e.Start == start && e.Type == news.Location {
			return true
		}
	}
	return false
}

// modifiers in -ed and -ing that stay inside a speaker phrase.
var modifiers = set("retired", "elected", "embattled", "leading", "ranking", "outgoing", "incoming", "acting",
	"governing", "ruling", "founding", "longtime", "unnamed", "veteran", "respected", "seasoned", "appointed",
	"married", "concerned", "interested", "frustrated", "disgruntled", "unidentified", "unaffiliated")

// prepositions that make the name after them an object.
var prepositions = set("of", "on", "for", "at", "in", "from", "with", "by", "to", "about", "against", "into",
	"over", "under", "during", "after", "before", "among", "between", "through", "toward", "towards", "per")

// contraction splits "he's", "they're", "I've" into the pronoun.
func contraction(w string) (string, bool) {
	for _, suf := range []string{"'s", "'re", "'ve", "'d", "'ll", "'m"} {
		if p, ok := strings.CutSuffix(w, suf); ok {
			return p, true
		}
	}
	return w, false
}

// rightNP finds the speaker phrase that starts at toks[a]: the subject of
// an inverted cue ("said Caddell") or the object of "according to".
func (st *state) rightNP(s sentence, a int) (np, bool) {
	toks := st.toks
	if a >= s.b || toks[a].kind != tWord {
		return np{}, false
	}
	if subjectPronouns[toks[a].lower] && toks[a].lower != "it" && toks[a].lower != "you" {
		return np{a: a, b: a + 1, kind: npPronoun, na: a, nb: a + 1, h: a}, true
	}
	e := a
	for k := a; k < s.b && k-a < 10; k++ {
		tk := toks[k]
		if tk.kind != tWord {
			break
		}
		w := tk.lower
		low := st.lowerish(k, s) || k == a && determiners[w]
		if k == a && (w == "that" || w == "this") {
			break // a complementizer, not a determiner: "suggests that Phoenix…"
		}
		if determiners[w] && low {
			if k != a && !(k > a && (toks[k-1].is("of", "for"))) {
				break
			}
			e = k + 1
			continue
		}
		if timeWords[w] && (low || k > a) {
			break
		}
		if (w == "of" || w == "for") && k > a && k+1 < s.b {
			p, n := toks[k-1], toks[k+1]
			if (personTitles[p.lower] || st.isRoleWord(p.lower) || p.capitalized()) && (n.capitalized() || determiners[n.lower]) {
				e = k + 1
				continue
			}
			break
		}
		if low && (stopWords[w] || subjectPronouns[w]) {
			break
		}
		if low && (strings.HasSuffix(w, "ly") && !st.isRoleWord(w) || strings.HasSuffix(w, "ing") && !st.isRoleWord(w) ||
			strings.HasSuffix(w, "ed") && !anonymity[w] && w != "retired" && !st.isRoleWord(w) || cueVerbs[w].lemma != "") {
			break
		}
		e = k + 1
	}
	if e == a {
		return np{}, false
	}
	// Trailing "of"/"for" left by the length limit.
	for e > a && toks[e-1].is("of", "for", "the", "a", "an") {
		e--
	}
	if e == a {
		return np{}, false
	}
	n, ok := st.classify(s, a, e)
	if !ok {
		return n, false
	}
	// "a spokesman for the campaign, Brian Fallon," names the speaker
	// after the role.
	if n.kind == npRole && e+1 < s.b && toks[e].punct(",") {
		if m, ok := st.rightNP(s, e+1); ok && m.kind == npName && (m.b == s.b || toks[m.b].kind == tPunct) {
			return m, true
		}
	}
	return n, true
}

// classify reads toks[a:b] as a speaker phrase.
func (st *state) classify(s sentence, a, b int) (np, bool) {
	toks := st.toks
	// The trailing run of capitalised words is the name, if any.
	r := b
	for r > a {
		k := r - 1
		t := toks[k]
		if t.capitalized() && !st.lowerish(k, s) {
			r = k
			continue
		}
		if t.is("of", "and", "&", "de", "van", "von", "bin", "al", "da", "du", "la", "le") && k > a && r < b && toks[k-1].capitalized() {
			r = k
			continue
		}
		if t.is("the") && r < b && k-1 > a && toks[k-1].is("of", "on") && toks[k-2].capitalized() {
			r = k // "Stacey Plaskett of the Virgin Islands"
			continue
		}
		break
	}
	for r < b && toks[r].is("of", "and", "&") {
		r++
	}
	if r == b {
		return st.roleNP(s, a, b)
	}
	allTime := true
	for k := r; k < b; k++ {
		if !timeWords[toks[k].lower] {
			allTime = false
		}
	}
	if allTime {
		return np{}, false
	}
	if isPossessive(toks[b-1].text) {
		return np{}, false // "Clinton’s said" is not a subject
	}
	if p := r - 1; p > a {
		if determiners[toks[p].lower] && p-1 > a {
			p--
		}
		if toks[p].is("of", "for", "on", "in", "at", "from") {
			// "the head of the Congressional Black Caucus": the capitals
			// are the complement of a role that heads the phrase.
			return st.roleNPHead(s, a, b, p-1)
		}
	}
	if isTitle(toks[b-1].lower) && (b-r > 1 || r > a) {
		// "the President", "Wells Fargo CEO"; a title alone with no
		// determiner is a name ("Dean, a former chairman, said").
		return st.roleNP(s, a, b)
	}
	// Titles before the name: the name follows the last of them, unless
	// what follows is an organisation ("Justice Department").
	na := r
	if !orgHeads[stripPossessive(toks[b-1].lower)] {
		for k := r; k < b-1; k++ {
			if !isTitle(toks[k].lower) {
				continue
			}
			na = k + 1
			// "Secretary of State John Kerry"
			for na < b && toks[na].is("of") {
				m := na + 1
				for m < b && deptWords[toks[m].lower] {
					m++
				}
				if m == na+1 {
					break
				}
				na = m
			}
			k = na - 1
		}
	}
	if na >= b {
		return st.roleNP(s, a, b)
	}
	// "Gov. Earl Ray Tomblin of West Virginia": a person's name followed by
	// their place; "Bank of America" keeps its "of".
	nb := b
	for k := na + 1; k < b-1; k++ {
		if toks[k].is("of") && !orgHeads[stripPossessive(toks[k-1].lower)] {
			m := k + 1
			if m < b-1 && toks[m].is("the") {
				m++
			}
			// After a titled name, "of" gives the place or body the person
			// is from ("Rep. Elijah Cummings of Maryland").
			if na > r || st.isPlace(toks[m].start, toks[b-1].end) {
				nb = k
				break
			}
		}
	}
	return np{a: a, b: b, kind: npName, na: na, nb: nb, h: nb - 1}, true
}

func isTitle(w string) bool { return personTitles[w] || personTitles[strings.TrimSuffix(w, ".")] }

// deptWords follow "Secretary of" in a cabinet title.
var deptWords = set("state", "defense", "defence", "homeland", "security", "the", "treasury", "labor", "commerce",
	"energy", "education", "health", "and", "human", "services", "transportation", "agriculture", "interior",
	"veterans", "affairs", "housing", "urban", "development", "justice", "navy", "army", "air", "force")

// quantityNouns head a speaker phrase that counts people: "47 percent of
// Democrats said", "half said", "majorities in all five states say".
var quantityNouns = set("percent", "percentage", "majority", "majorities", "half", "third", "thirds", "quarter",
	"quarters", "plurality", "fifth", "fifths", "minority")

var numberWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred")

// isNumber reports whether a token is a number, in digits or words
// ("47", "Sixty-six", "three-quarters").
func isNumber(t token) bool {
	if t.kind != tWord {
		return false
	}
	if isDigit(t.text[0]) {
		return true
	}
	num := false
	for _, p := range strings.Split(t.lower, "-") {
		if !numberWords[p] && !quantityNouns[p] {
			return false
		}
		num = num || numberWords[p]
	}
	return num
}

// approximators stand before a number in a count of people.
var approximators = set("about", "nearly", "almost", "roughly", "around", "some", "only", "just", "over", "under",
	"barely", "fully", "than", "more", "fewer", "less", "mere", "a")

// inQuantity reports whether the function word toks[k] belongs to a count
// of people that the speaker phrase ending at toks[e] opens with: "in" in
// "six in 10", "out of" in "nine out of 10", "about" in "about 4 in 10",
// "more than" in "more than half".
func (st *state) inQuantity(k, e int) bool {
	toks := st.toks
	if k+1 > e {
		return false
	}
	n := toks[k+1]
	switch w := toks[k].lower; {
	case w == "in" || w == "of" && k > 0 && toks[k-1].is("out"):
		return isNumber(n) && k > 0 && (isNumber(toks[k-1]) || toks[k-1].is("out"))
	case w == "out":
		return n.is("of") && k > 0 && isNumber(toks[k-1])
	case approximators[w]:
		return isNumber(n) || n.is("than", "half", "a", "mere") || quantityNouns[n.lower]
	}
	return false
}

// roleNP accepts toks[a:b] as a role or generic speaker when its head is a
// speaker noun.
func (st *state) roleNP(s sentence, a, b int) (np, bool) { return st.roleNPHead(s, a, b, b-1) }

// roleNPHead is roleNP with the head word at toks[h].
func (st *state) roleNPHead(s sentence, a, b, h int) (np, bool) {
	toks := st.toks
	head := toks[h]
	count := isNumber(head) && h-1 > a && st.inQuantity(h-1, h) // "six in 10"
	if isPossessive(head.text) || !st.isRoleWord(head.lower) && !count {
		return np{}, false
	}
	na := a
	for na < h && (determiners[toks[na].lower] || anonymity[toks[na].lower]) && !(isNumber(toks[na]) && toks[na+1].is("in", "out")) {
		na++
	}
	return np{a: a, b: b, kind: npRole, na: na, nb: b, h: h}, true
}

// headFirst finds a subject that ends at toks[e] but whose head comes
// first, followed by its complement: "A spokesman for Mayor Frank Jackson
// of Cleveland", "Aides to Clinton", "A person familiar with the
// planning", "executives who have worked with him", "A news report
// published Wednesday", "26 percent of Democrats". The phrase must open
// its clause (the sentence, or what follows a comma, a semicolon or a
// conjunction), hold no punctuation, quotation, cue verb or subject
// pronoun, and its head must be a speaker noun among its first words. The
// speaker is the phrase up to its head, with an "of", "for" or "to"
// complement of a few words.
func (st *state) headFirst(s sentence, e int) (np, bool) {
	toks := st.toks
	if e < s.a || toks[e].kind != tWord {
		return np{}, false
	}
	c := e
	for c > s.a && e-c < 18 && toks[c-1].kind == tWord {
		c--
	}
	if e-c >= 18 {
		return np{}, false
	}
	if c > s.a && !(toks[c-1].punct(",") || toks[c-1].punct(";") || isDashTok(toks[c-1])) {
		return np{}, false
	}
	for c < e && toks[c].is("and", "but", "while", "as", "although", "because", "since", "yet", "so") && st.lowerish(c, s) {
		c++
	}
	for k := c; k <= e; k++ {
		w := toks[k].lower
		if cueVerbs[w].lemma != "" && !st.isRoleWord(w) || subjectPronouns[w] || toks[k].is("not", "never") {
			return np{}, false
		}
	}
	h := -1
	for k := c; k <= e && k-c < 6; k++ {
		t := toks[k]
		w := t.lower
		if st.inQuantity(k, e) || determiners[w] && st.lowerish(k, s) || anonymity[w] {
			continue
		}
		if isNumber(t) && k+1 <= e && (toks[k+1].is("in", "out") || quantityNouns[toks[k+1].lower]) {
			continue
		}
		if (st.lowerish(k, s) || k == c) && !isPossessive(t.text) && (st.isRoleWord(w) || isNumber(t) && k > c && st.inQuantity(k-1, k)) {
			h = k
			if k+1 <= e && st.isRoleWord(toks[k+1].lower) && st.lowerish(k+1, s) {
				continue // "campaign officials": the head is the last noun
			}
			break
		}
		if t.capitalized() && !st.lowerish(k, s) || !stopWords[w] && !strings.HasSuffix(w, "ly") {
			continue // "Clinton aides", "former officials", "Iowa biofuels advocates"
		}
		return np{}, false
	}
	if h < 0 || h == e {
		return np{}, false
	}
	if !toks[h+1].is("of", "for", "to", "with", "at", "in", "from", "on", "close", "familiar", "who", "that",
		"in", "across", "among", "inside", "within", "outside", "near", "around", "involved") &&
		!strings.HasSuffix(toks[h+1].lower, "ed") && !strings.HasSuffix(toks[h+1].lower, "ing") {
		return np{}, false
	}
	b := h + 1
	if toks[h+1].is("of", "for", "to") && e-h <= 5 {
		b = e + 1 // "Aides to Clinton", "a spokesman for the mayor"
	}
	na := c
	for na < h && (determiners[toks[na].lower] && st.lowerish(na, s) || anonymity[toks[na].lower]) && !isNumber(toks[na]) {
		na++
	}
	return np{a: c, b: b, kind: npRole, na: na, nb: b, h: h}, true
}

// sourceNP reads the source after "according to" when it is not a speaker
// phrase of the usual kinds: "the initial schedule published Thursday",
// "early results of exit polls conducted by…", "his biography". The
// phrase runs to the next punctuation (at most 15 words) and is the
// frame's extent; the speaker named is its part up to the head, before a
// participle, a relative pronoun or a preposition other than "of".
func (st *state) sourceNP(s sentence, a int) (np, bool) {
	toks := st.toks
	if a >= s.b || toks[a].kind != tWord || objectPronouns[toks[a].lower] || subjectPronouns[toks[a].lower] {
		return np{}, false
	}
	b := a
	for b < s.b && toks[b].kind == tWord && b-a < 15 {
		b++
	}
	if b-a >= 15 || b < s.b && toks[b].kind == tQuote {
		return np{}, false
	}
	h := a
	for k := a + 1; k < b; k++ {
		t := toks[k]
		w := t.lower
		if prepositions[w] && w != "of" || t.is("who", "which", "that", "and", "or") ||
			st.lowerish(k, s) && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && !modifiers[w] {
			break
		}
		if w != "of" {
			h = k
		}
	}
	na := a
	for na < h && determiners[toks[na].lower] && st.lowerish(na, s) {
		na++
	}
	return np{a: a, b: b, kind: npRole, na: na, nb: h + 1, h: h}, true
}
