package entities

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/nlp"
)

// gazetteer finds the knowledge base's names in tokenised text, longest
// first. It matches on the actors package's normalised words, so "Kim
// Jong-un", "Kim Jong Un" and "KIM JONG UN" all find the same entry, and
// only at token boundaries, so "Seoul" is not found inside "Seoul-based".
type gazetteer struct {
	// byFirst maps a name's first word to the names starting with it,
	// longest first.
	byFirst map[string][]gazName
}

// gazName is one surface form split into normalised words.
type gazName struct {
	words []string
	// entries are every KB name with these words: "Washington" may be a
	// seat and a person's alias at once.
	entries []actors.Name
	// exact is set for forms written in capitals in the data (US, UN, WHO),
	// which must be written in capitals in the text too; it holds the form
	// without periods, spaces or a leading "the".
	exact string
	// lower holds the words the form writes in lower case ("of", "al"),
	// which the text may too; every other word must be capitalised there, so
	// that "turkey" and "chad" stay common nouns.
	lower map[string]bool
}

func newGazetteer(kb *actors.KB) *gazetteer {
	g := &gazetteer{byFirst: map[string][]gazName{}}
	index := map[string]int{} // words+exact -> position in byFirst[first]
	for _, n := range kb.Names() {
		text := n.Text
		// The data writes an article that is not part of the name in lower
		// case ("the Kremlin"); the mention is the name without it.
		if rest, ok := strings.CutPrefix(text, "the "); ok {
			text = rest
		}
		words := strings.Fields(actors.Normalize(text))
		if len(words) == 0 {
			continue
		}
		exact := ""
		if n.CaseSensitive {
			exact = squeeze(text)
		}
		key := strings.Join(words, " ") + "\x00" + exact
		if i, ok := index[key]; ok {
			g.byFirst[words[0]][i].entries = append(g.byFirst[words[0]][i].entries, n)
			continue
		}
		index[key] = len(g.byFirst[words[0]])
		g.byFirst[words[0]] = append(g.byFirst[words[0]], gazName{
			words: words, entries: []actors.Name{n}, exact: exact, lower: lowerWords(text),
		})
	}
	for first, list := range g.byFirst {
		// kb.Names is longest first by bytes; order by words so that the
		// first fit is the longest.
		sortByWords(list)
		g.byFirst[first] = list
	}
	return g
}

func sortByWords(list []gazName) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && len(list[j].words) > len(list[j-1].words); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

// squeeze drops periods and spaces: "U.S." and "US" are both "US".
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func lowerWords(text string) map[string]bool {
	var m map[string]bool
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' }) {
		if r := []rune(w)[0]; unicode.IsLower(r) {
			if m == nil {
				m = map[string]bool{}
			}
			for _, nw := range strings.Fields(actors.Normalize(w)) {
				m[nw] = true
			}
		}
	}
	return m
}

// gazMatch is a name found in the text: tokens [start, end) of the document.
type gazMatch struct {
	start, end int
	name       *gazName
}

// tokenWords returns each token's normalised words.
func tokenWords(d *nlp.Doc) [][]string {
	out := make([][]string, len(d.Tokens))
	for i, t := range d.Tokens {
		out[i] = strings.Fields(actors.Normalize(t.Text))
	}
	return out
}

// match finds the known names in each sentence, leftmost longest, without
// overlaps.
func (g *gazetteer) match(d *nlp.Doc, words [][]string) []gazMatch {
	var out []gazMatch
	for _, s := range d.Sentences {
		for i := s.TokStart; i < s.TokEnd; {
			if len(words[i]) == 0 {
				i++
				continue
			}
			m, ok := g.longestAt(d, words, i, s.TokEnd)
			if !ok {
				i++
				continue
			}
			out = append(out, m)
			i = m.end
		}
	}
	return out
}

// longestAt returns the longest name that starts at token i and ends at a
// token boundary before limit.
func (g *gazetteer) longestAt(d *nlp.Doc, words [][]string, i, limit int) (gazMatch, bool) {
	for k := range g.byFirst[words[i][0]] {
		n := &g.byFirst[words[i][0]][k]
		if end, ok := n.fits(d, words, i, limit); ok {
			return gazMatch{start: i, end: end, name: n}, true
		}
	}
	return gazMatch{}, false
}

// fits reports whether n's words are the words of tokens i.. and returns the
// end token. Tokens with no word (a period, an apostrophe) may sit inside a
// name only when glued to the word before ("Workers’ Party").
func (n *gazName) fits(d *nlp.Doc, words [][]string, i, limit int) (int, bool) {
	w := 0
	j := i
	for w < len(n.words) {
		if j >= limit {
			return 0, false
		}
		tw := words[j]
		if len(tw) == 0 {
			if j == i || d.Tokens[j].Start != d.Tokens[j-1].End {
				return 0, false
			}
			j++
			continue
		}
		if w+len(tw) > len(n.words) {
			return 0, false
		}
		for k, x := range tw {
			if n.words[w+k] != x {
				return 0, false
			}
		}
		if !n.caseFits(d.Tokens[j].Text, tw) {
			return 0, false
		}
		w += len(tw)
		j++
	}
	if n.exact != "" {
		var b strings.Builder
		for _, t := range d.Tokens[i:j] {
			b.WriteString(t.Text)
		}
		if squeeze(b.String()) != n.exact {
			return 0, false
		}
	}
	return j, true
}

// caseFits reports whether a token is capitalised as the name requires.
func (n *gazName) caseFits(tok string, words []string) bool {
	if n.exact != "" {
		return true // checked on the whole match
	}
	for _, r := range tok {
		if unicode.IsUpper(r) {
			return true
		}
	}
	for _, w := range words {
		if !n.lower[w] {
			return false
		}
	}
	return true
}
