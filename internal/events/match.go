package events

import (
	"sort"
	"strings"
)

// span is a half-open range of token indices; a zero span with end 0 is
// empty.
type span struct{ from, to int }

func (s span) empty() bool { return s.to <= s.from }

// match is one pattern found in a sentence.
type match struct {
	pat      *pattern
	from, to int   // token range covered
	lits     []int // indices of the tokens that matched words
	gaps     []span
	tslot    span
	sslot    span
	// passive is set when the first word is a participle after a form of
	// "be": a final +T may then be missing, the target being the subject.
	passive bool
	// verbSlot is, in a title, the index of the word where its verb
	// stands, which may meet a verb constraint whatever its tag: the
	// tagger reads "Expels" and "Fires" as nouns. It is -1 in a body.
	verbSlot int
}

// anchor is the token the event is reported at: the pattern's first word.
func (m *match) anchor() int { return m.lits[0] }

// hasCandidates reports whether any token of the sentence can begin a
// pattern, so that sentences without one are never tagged.
func (l *Lexicon) hasCandidates(s *sentence) bool {
	for i := range s.toks {
		for _, id := range s.toks[i].ids {
			if len(l.byFirst[id]) > 0 {
				return true
			}
		}
	}
	return false
}

// findMatches returns every match of the sentence in the order the coder
// should try them: more words first, then longer, then earlier. The coder
// takes a match if it yields an event and shares no word with one taken
// before, so that a more specific pattern wins over its parts, and a
// specific pattern that cannot name its parties ("fires missiles into
// the sea" as an attack) leaves the field to a general one ("fires
// missiles").
func (l *Lexicon) findMatches(s *sentence) []match {
	var all []match
	verbSlot := -1
	if s.headline {
		verbSlot = headlineVerb(s.toks)
	}
	for i := range s.toks {
		seen := map[int32]bool{}
		for _, id := range s.toks[i].ids {
			for _, pi := range l.byFirst[id] {
				if seen[pi] {
					continue
				}
				seen[pi] = true
				p := &l.patterns[pi]
				m := match{pat: p, from: i, passive: passiveAt(s.toks, i), verbSlot: verbSlot}
				if matchAt(s.toks, p.elems, 0, i, &m) {
					all = append(all, m)
				}
			}
		}
	}
	sort.SliceStable(all, func(a, b int) bool {
		x, y := &all[a], &all[b]
		if x.pat.literals != y.pat.literals {
			return x.pat.literals > y.pat.literals
		}
		if x.to-x.from != y.to-y.from {
			return x.to-x.from > y.to-y.from
		}
		if x.from != y.from {
			return x.from < y.from
		}
		return x.pat.rule.layer > y.pat.rule.layer
	})
	return all
}

// headlineVerb returns the index of a title's first word after its
// opening names ("Turkey Expels", "Russia, Ukraine Agree"): where a title
// puts its verb, which the tagger often reads as a noun.
func headlineVerb(toks []token) int {
	for k := range toks {
		t := &toks[k]
		if t.cap || t.lower == "," || t.lower == "and" || t.lower == "'s" || isAllCapsWord(t.text) || isInitialism(t.text) {
			continue
		}
		return k
	}
	return -1
}

// matchAt matches elems[e:] against toks from index i, filling m. It
// backtracks over gap lengths and slot extents.
func matchAt(toks []token, elems []elem, e, i int, m *match) bool {
	if e == len(elems) {
		m.to = i
		return true
	}
	el := elems[e]
	switch el.kind {
	case elWord:
		if e > 0 && i+1 < len(toks) && quoteMark(toks[i].lower) {
			// A closing quotation mark between a pattern's words: a
			// "very beautiful letter" from Kim.
			i++
		}
		if i >= len(toks) || !wordOK(&toks[i], &el, i == m.verbSlot) {
			return false
		}
		m.lits = append(m.lits, i)
		if matchAt(toks, elems, e+1, i+1, m) {
			return true
		}
		m.lits = m.lits[:len(m.lits)-1]
		return false
	case elGap:
		for n := 0; n <= el.max; n++ {
			if n > 0 {
				k := i + n - 1
				if k >= len(toks) || !gapOK(toks, k) {
					return false
				}
			}
			if matchAt(toks, elems, e+1, i+n, m) {
				if n > 0 {
					m.gaps = append(m.gaps, span{i, i + n})
				}
				return true
			}
		}
		return false
	case elTarget, elSource:
		// "lifted Friday a day-old blockade", "forced out on Wednesday
		// more than 1,000 refugees": a time phrase may come first.
		i = skipTime(toks, i)
		end := npExtent(toks, i)
		if el.kind == elTarget && m.passive && e == len(elems)-1 && end == i {
			m.to = i
			return true
		}
		for j := end; j > i; j-- {
			if !hasHead(toks, i, j) {
				continue
			}
			if matchAt(toks, elems, e+1, j, m) {
				if el.kind == elTarget {
					m.tslot = span{i, j}
				} else {
					m.sslot = span{i, j}
				}
				return true
			}
		}
		return false
	}
	return false
}

// wordOK reports whether a token is one of the element's words, with the
// part of speech it asks for.
func wordOK(t *token, el *elem, verbSlot bool) bool {
	for k, id := range el.ids {
		for _, x := range t.ids {
			if x == id && (posOK(t.tag, el.pos[k]) || verbSlot && el.pos[k] == 'v') {
				return true
			}
		}
	}
	return false
}

// gapOK reports whether toks[k] may be skipped by a gap: words of the same
// clause that are not verbs.
func gapOK(toks []token, k int) bool {
	t := &toks[k]
	if t.isPunct() {
		// Quotation marks may wrap a modifier: a "very beautiful letter".
		return t.lower == "-" || t.lower == "'s" || t.lower == "'" || t.lower == "&" || quoteMark(t.lower)
	}
	if subordinators[t.lower] && t.lower != "to" || reportVerbs[t.lower] && isVerbTag(t.tag) {
		return false
	}
	if t.lower != "'s" && (beWords[t.lower] || auxWords[t.lower]) {
		// "have been in Seoul for talks": an auxiliary opens a verb
		// phrase of its own, whatever the tagger makes of it.
		return false
	}
	if isVerbTag(t.tag) && !adjectival(toks, k) {
		return false
	}
	return true
}

// npExtent returns the end of the longest noun phrase starting at i,
// coordination and one chain of linking prepositions included ("Japan and
// South Korea", "rebels in the Ivory Coast", "the president of Armenia").
func npExtent(toks []token, i int) int {
	j := i + quantityLead(toks, i)
	for j < len(toks) && j-i < 18 {
		switch {
		case toks[j].lower == "(" && j > i:
			// "the Democratic People's Republic of Korea (DPRK)"
			k := j + 1
			for k < len(toks) && k < j+5 && toks[k].lower != ")" {
				k++
			}
			if k < len(toks) && toks[k].lower == ")" && k > j+1 {
				j = k + 1
				continue
			}
			return trimNP(toks, i, j)
		case (toks[j].tag == "DT" || toks[j].tag == "PRP$") && j > i && (strings.HasPrefix(toks[j-1].tag, "NN") || toks[j-1].tag == "PRP"):
			// A determiner after a noun opens a second phrase: "called
			// the launch an outrageous act", "gave Kim his letter".
			return trimNP(toks, i, j)
		case npWord(toks, j) || toks[j].tag == "PRP" && j == i:
			j++
		case (toks[j].lower == "and" || toks[j].lower == "&" || toks[j].lower == "," && listAhead(toks, j, min(len(toks), j+8))) && j > i && j+1 < len(toks) && npWord(toks, j+1):
			j++
		case npLinks[toks[j].lower] && j > i && j+1 < len(toks) && (npWord(toks, j+1) || toks[j+1].lower == "in" && toks[j].lower == "based"):
			j++
		case toks[j].lower == "based" && j > i && j+1 < len(toks) && toks[j+1].lower == "in":
			j++
		default:
			return trimNP(toks, i, j)
		}
	}
	return trimNP(toks, i, j)
}

// trimNP drops trailing conjunctions, commas and prepositions.
func trimNP(toks []token, i, j int) int {
	for j > i {
		w := toks[j-1].lower
		if w == "and" || w == "," || w == "&" || npLinks[w] || w == "based" {
			j--
			continue
		}
		break
	}
	return j
}

// hasHead reports whether toks[i:j] contains a noun or pronoun.
func hasHead(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		t := toks[k].tag
		if len(t) >= 2 && t[:2] == "NN" || t == "PRP" || t == "CD" || toks[k].cap {
			return true
		}
	}
	return false
}

// posOK checks a word's part-of-speech constraint: 'v' wants a verb form,
// 'n' a noun.
func posOK(tag string, pos byte) bool {
	switch pos {
	case 'v':
		return len(tag) >= 2 && tag[:2] == "VB"
	case 'n':
		return len(tag) >= 2 && tag[:2] == "NN"
	}
	return true
}

// passiveAt reports whether toks[i] is a past participle after a form of
// "be" (adverbs and negation between allowed): "was rejected", "were
// flatly refused".
func passiveAt(toks []token, i int) bool {
	if t := toks[i].tag; t != "VBN" && t != "VBD" {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := toks[k].lower
		if beWords[w] && w != "'s" {
			return true
		}
		if !(negWords[w] || toks[k].tag == "RB" || adverbs[w]) {
			return false
		}
	}
	return false
}

// quantityLead returns how many words of a quantity phrase open a noun
// phrase at i: "more than 100 Palestinians", "at least three civilians",
// "up to 16 advisers", "some 800,000 Kurds".
func quantityLead(toks []token, i int) int {
	if i+2 < len(toks) {
		a, b := toks[i].lower, toks[i+1].lower
		if (a == "more" || a == "fewer" || a == "less") && b == "than" ||
			a == "at" && (b == "least" || b == "most") || a == "up" && b == "to" ||
			a == "as" && b == "many" {
			n := 2
			if a == "as" && i+2 < len(toks) && toks[i+2].lower == "as" {
				n = 3
			}
			if i+n < len(toks) && (toks[i+n].tag == "CD" || toks[i+n].tag == "DT") {
				return n
			}
		}
	}
	if i+1 < len(toks) && toks[i+1].tag == "CD" {
		switch toks[i].lower {
		case "some", "about", "nearly", "almost", "around", "over", "roughly", "approximately", "only", "just":
			return 1
		}
	}
	return 0
}

// skipTime returns the index after a time phrase or adverb at i ("on
// Wednesday", "Friday", "today", "again"), or i.
func skipTime(toks []token, i int) int {
	j := i
	for j < len(toks) && j < i+4 {
		w := toks[j].lower
		switch {
		case timeWords[w] && (toks[j].cap || w == "today" || w == "yesterday" || w == "tonight" || w == "tomorrow"):
			j++
			continue
		case (w == "on" || w == "last" || w == "this" || w == "late" || w == "early") && j+1 < len(toks) && timeWords[toks[j+1].lower]:
			j += 2
			continue
		case toks[j].tag == "RB" && !negWords[w] && w != "not":
			j++
			continue
		}
		break
	}
	if j > i && j < len(toks) && npWord(toks, j) {
		return j
	}
	return i
}

func quoteMark(w string) bool { return w == "\"" || w == "“" || w == "”" }
