package entities

import (
	"github.com/newsgraph/newsgraph/internal/news"
)

// countryNouns are the singular nouns by which a text takes up a state it
// has named: "the country's imports", "the nation's capital".
var countryNouns = set("country", "nation")

// isState reports whether mention m names a state itself (not a place in
// it, nor its government): its actor is the bare country code.
func isState(m *mention) bool {
	return m.typ == news.Location && m.actor != "" && len(m.actor) == 3 && m.actor == m.country && !m.generic
}

// countryReferences resolves "the country" and "the nation" to the state
// the text is about at that point: the one state named in that sentence
// before it and in the sentence before ("eight days after North Korea's
// test, Resolution 2375 capped the country's imports"). With two states
// in view ("Japan protested to China; the country ...") it stays
// unresolved. A following "its" whose nearest preceding mention in the
// sentence is such a possessive state ("capped the country's imports and
// banned its textile exports") takes up the same state.
func (a *analysis) countryReferences() {
	for i := 0; i+1 < len(a.d.Tokens); i++ {
		if a.covered[i] >= 0 || a.covered[i+1] >= 0 || a.lower(i) != "the" || !countryNouns[a.lower(i+1)] {
			continue
		}
		if t := a.tok(i + 1); t.Tag != "NN" && t.Tag != "NNP" || t.Sentence != a.tok(i).Sentence {
			continue
		}
		if i+2 < len(a.d.Tokens) {
			// "the country of origin", "the country Kim leads": a longer
			// description, or a name after it.
			if n := a.tok(i + 2); n.Sentence == a.tok(i).Sentence && (a.lower(i+2) == "of" || isCapitalised(n.Text) && n.Text != "'s") {
				continue
			}
		}
		if ri := a.stateInView(i); ri >= 0 {
			a.addStateReference(i, i+2, ri)
		}
	}
	for i := 0; i < len(a.d.Tokens); i++ {
		if a.covered[i] >= 0 || a.lower(i) != "its" {
			continue
		}
		sent := a.tok(i).Sentence
		for j := i - 1; j >= 0 && a.tok(j).Sentence == sent; j-- {
			mi := a.covered[j]
			if mi < 0 {
				continue
			}
			m := a.ms[mi]
			if j+1 < len(a.d.Tokens) && a.tok(j+1).Text == "'s" && m.end == j+1 && isState(m) {
				ri := mi
				if m.ref >= 0 {
					ri = m.ref
				}
				a.addStateReference(i, i+1, ri)
			}
			break
		}
	}
}

// stateInView returns the mention of the one state named before token i
// in its sentence and the sentence before, or -1 if none or several.
func (a *analysis) stateInView(i int) int {
	sent := a.tok(i).Sentence
	found, code := -1, ""
	for mi, m := range a.ms {
		if m.start >= i || m.sentence < sent-1 || m.sentence > sent {
			continue
		}
		if m.country != "" && m.country != code && code != "" {
			return -1
		}
		if !isState(m) {
			if m.country != "" && code == "" {
				code = m.country
			}
			continue
		}
		if code != "" && m.country != code {
			return -1
		}
		code = m.country
		if m.ref >= 0 {
			mi = m.ref
		}
		if found < 0 || a.ms[mi].start > a.ms[found].start {
			found = mi
		}
	}
	return found
}

// addStateReference adds a reference for tokens [s, e) to the state
// mention ri.
func (a *analysis) addStateReference(s, e, ri int) {
	r := a.ms[ri]
	m := &mention{start: s, end: e, typ: r.typ, canonical: r.canonical, actor: r.actor,
		country: r.country, ref: ri, pronoun: true}
	a.add(m)
	m.ref = ri
}
