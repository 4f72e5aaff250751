package quotes

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// objectPronouns can be the listener of "told", "warned" and the like.
var objectPronouns = set("me", "him", "her", "them", "us", "you")

// clauseOpeners may begin reported content although they are function
// words: "said he would", "said there was", "asked whether".
var clauseOpeners = set("he", "she", "they", "we", "i", "it", "you", "there", "whether", "if", "how", "why",
	"what", "when", "where", "who", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
	"no", "not", "all", "some", "many", "most", "both", "each", "one", "two", "every", "any", "now", "only",
	"even", "just")

// reported lists the reported-speech attributions: the content of a cue
// verb that has a resolved speaker and no quotation of its own — "X said
// (that) …", "X denied …", "…, X said.", "according to X, …".
func (st *state) reported() []news.Quote {
	toks := st.toks
	var out []news.Quote
	seen := map[[2]int]bool{}
	for k, f := range st.frames {
		if f.sp == nil || f.colon || f.sp.name == "" {
			continue
		}
		s := st.sents[f.sent]
		a, b := -1, s.b
		switch {
		case f.according:
			if !f.hasNP {
				continue
			}
			if f.first() == s.a || f.first() == s.a+1 && toks[s.a].kind == tWord && st.lowerish(s.a, s) {
				a = f.np.b
				if a < s.b && toks[a].punct(",") {
					a++
				}
			} else {
				a, b = s.a, f.first()
			}
		case f.inverted:
			if f.first()-1 > s.a && toks[f.first()-1].punct(",") && st.bareTail(f, s) {
				a, b = s.a, f.first()-1
			}
		default:
			a = st.contentStart(f, s)
			if a < 0 && f.first()-1 > s.a && toks[f.first()-1].punct(",") && f.inherit < 0 {
				switch {
				case st.parenthetical(f, s):
					// "The plan, Smith said, is dead.": the content runs
					// on both sides of the cue, which it takes in.
					a = s.a
				case st.bareTail(f, s):
					a, b = s.a, f.first()-1 // "The plan is dead, Smith said."
				}
			}
		}
		if a < 0 || a >= b {
			continue
		}
		// The content stops where another cue of the sentence begins
		// ("…, adding that…", "…, and Jones said…").
		for j := st.framesBefore(f.sent); j < len(st.frames) && st.frames[j].sent == f.sent; j++ {
			g := st.frames[j]
			if j == k {
				continue
			}
			if g.first() > a && g.first() < b {
				b = g.first()
			} else if g.first() < f.ci && g.ci > a && g.ci < b {
				// "Podesta, who said the plan was vetted, said…": the
				// second cue's subject opens the sentence.
				b = g.ci
			}
		}
		for b > a && (toks[b-1].kind == tPunct && toks[b-1].text != ")" || toks[b-1].is("and", "but", "or", "while", "as")) {
			b--
		}
		if a >= b || b-a == 1 && toks[a].kind == tQuote {
			continue // a quotation alone is direct speech, listed already
		}
		if toks[a].kind == tQuote && b-a == 2 && toks[b-1].kind == tPunct {
			continue
		}
		words := 0
		for i := a; i < b; i++ {
			if toks[i].kind == tWord || toks[i].kind == tQuote {
				words++
			}
		}
		need := 3
		if f.flags&cueObject != 0 || f.according {
			need = 2
		}
		if words < need {
			continue
		}
		start, end := toks[a].start, toks[b-1].end
		if seen[[2]int{start, end}] {
			continue
		}
		seen[[2]int{start, end}] = true
		q := news.Quote{
			Text: st.body[start:end], Start: start, End: end, Cue: f.lemma,
			Speaker: f.sp.name, SpeakerActor: f.sp.actor, SpeakerStart: f.sp.start, SpeakerEnd: f.sp.end,
		}
		q.Date = st.date(f.sent, f.ci, &[2]int{start, end})
		out = append(out, q)
	}
	return out
}

// contentStart returns where the content of a forward cue begins, past
// its listener ("told reporters"), time adverbials ("said Thursday", "said
// on Monday") and a "that"; -1 when what follows the cue is not a clause
// or an object the cue reports.
func (st *state) contentStart(f frame, s sentence) int {
	toks := st.toks
	k := f.ce
	if k >= s.b {
		return -1
	}
	if f.flags&cueAddressee != 0 {
		switch {
		case objectPronouns[toks[k].lower]:
			k++
		default:
			n, ok := st.rightNP(s, k)
			if !ok {
				if f.lemma == "tell" {
					return -1
				}
				break
			}
			k = n.b
		}
	}
	for guard := 0; guard < 4 && k < s.b; guard++ {
		t := toks[k]
		if t.kind == tWord && timeWords[t.lower] && t.lower != "this" && t.lower != "that" {
			k++
			continue
		}
		if t.is("on", "in", "at", "during", "over", "after", "before", "late", "early", "earlier", "last", "this", "to", "via", "through") {
			// "said in a statement on Tuesday that…": jump to the "that".
			for j := k + 1; j < s.b && j-k <= 12; j++ {
				if toks[j].kind != tWord {
					break
				}
				if toks[j].is("that") {
					return j + 1
				}
			}
			if k+1 < s.b && timeWords[toks[k+1].lower] {
				k += 2
				continue
			}
			if k+2 < s.b && determiners[toks[k+1].lower] && timeWords[toks[k+2].lower] {
				k += 3
				continue
			}
			return -1
		}
		break
	}
	if k >= s.b {
		return -1
	}
	t := toks[k]
	if t.is("that") {
		return k + 1
	}
	if f.flags&cueQuoteOnly != 0 && !t.is("whether", "if", "how", "why", "what", "when") {
		return -1
	}
	switch {
	case t.kind == tQuote, t.kind == tWord && !st.lowerish(k, s):
		return k
	case t.kind != tWord:
		return -1
	case clauseOpeners[t.lower] || determiners[t.lower]:
		return k
	case stopWords[t.lower] || cueVerbs[t.lower].lemma != "" || skipAdverbs[t.lower]:
		return -1
	}
	return k
}

// bareTail reports whether what follows the frame f to the end of its
// sentence is no content of its own: adverbials ("Smith said on
// Thursday."), an appositive or a relative clause about the speaker
// ("…, said Jane Roe, a spokeswoman for the group."), or another cue that
// shares the speaker (", adding that…").
func (st *state) bareTail(f frame, s sentence) bool {
	if st.bare(f, s) {
		return true
	}
	toks := st.toks
	end := s.b
	for j := st.framesBefore(f.sent); j < len(st.frames) && st.frames[j].sent == f.sent; j++ {
		if g := st.frames[j]; g.ci > f.last() && g.inherit >= 0 && g.first() < end {
			end = g.first() // ", adding…"
		}
	}
	i := f.last()
	if i >= end {
		return true
	}
	if !toks[i].punct(",") {
		return end < s.b && st.bareUntil(i, end)
	}
	if i+1 >= end {
		return true
	}
	n := toks[i+1]
	if !(n.is("a", "an", "the", "who", "whose", "which") || n.capitalized() && !st.lowerish(i+1, s)) {
		return false
	}
	return st.bareUntil(i+1, end)
}

// bareUntil reports whether toks[i:end] holds at most 20 words and no
// quotation, "that" or cue verb.
func (st *state) bareUntil(i, end int) bool {
	words := 0
	for ; i < end; i++ {
		t := st.toks[i]
		if t.kind == tQuote || t.is("that") || t.kind == tWord && cueVerbs[t.lower].lemma != "" {
			return false
		}
		if t.kind == tWord {
			words++
		}
	}
	return words <= 20
}

// parenthetical reports whether the frame f stands between commas inside
// the clause it reports, "The plan, Smith said, is dead.": a comma follows
// the frame, at least three words follow that, and the sentence holds no
// quotation (which would be direct speech) and no other cue.
func (st *state) parenthetical(f frame, s sentence) bool {
	toks := st.toks
	i := f.last()
	if i+1 >= s.b || !toks[i].punct(",") {
		return false
	}
	for j := st.framesBefore(f.sent); j < len(st.frames) && st.frames[j].sent == f.sent; j++ {
		if st.frames[j].ci != f.ci {
			return false
		}
	}
	// "…, Smith said, citing the budget", "…, Smith said, a day after…"
	if n := toks[i+1]; n.kind != tWord || strings.HasSuffix(n.lower, "ing") || n.is("a", "an", "who", "which", "whose", "in", "on",
		"at", "during", "after", "before", "when", "while", "as", "according", "without", "with", "because", "since", "and", "but") || timeWords[n.lower] {
		return false
	}
	words := 0
	for k := s.a; k < s.b; k++ {
		if toks[k].kind == tQuote {
			return false
		}
		if k > i && toks[k].kind == tWord {
			words++
		}
	}
	return words >= 3
}
