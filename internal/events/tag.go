package events

import (
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/tag"
)

// The coder needs parts of speech to tell a verb from a noun ("attack",
// "protest", "proposed") and to find where a noun phrase ends. prose's
// averaged-perceptron tagger costs about a microsecond a word; the coder
// runs it only on sentences in which a pattern's first word occurs.

var tagger = sync.OnceValue(func() *tag.Tagger {
	t, err := tag.New()
	if err != nil {
		// The model is embedded in prose; failing to load it means a
		// corrupt build.
		panic("events: prose tagger: " + err.Error())
	}
	return t
})

// tagSentence fills the tag of every token of s.
func tagSentence(s *sentence) {
	view := make([]tag.Token, len(s.toks))
	for i := range s.toks {
		view[i] = tag.Token{Text: modelText(s.toks, i), Start: s.toks[i].start}
	}
	tagger().TagTokens(view)
	for i := range s.toks {
		s.toks[i].tag = view[i].Tag
	}
	// "Pompeo spent two days in Pyongyang, meeting Kim Yong Chol": an
	// -ing word after a comma and before a name is a participle, which the
	// model reads as a noun.
	for i := 1; i+1 < len(s.toks); i++ {
		t := &s.toks[i]
		if t.tag == "NN" && strings.HasSuffix(t.lower, "ing") && !t.cap && s.toks[i-1].lower == "," && s.toks[i+1].tag == "NNP" {
			t.tag = "VBG"
		}
	}
	// "Pompeo spent Friday and Saturday": an irregular past form between
	// a name and the start of a noun phrase is the verb.
	for i := 1; i+1 < len(s.toks); i++ {
		t := &s.toks[i]
		n := s.toks[i+1].tag
		if t.tag == "NN" && pastForms[t.lower] && !t.cap && s.toks[i-1].tag == "NNP" && (n == "NNP" || n == "DT" || n == "CD" || n == "PRP$") {
			t.tag = "VBD"
		}
	}
	// A possessive after a noun, which the model sometimes reads as "is".
	for i := 1; i < len(s.toks); i++ {
		if (s.toks[i].lower == "'s" || s.toks[i].lower == "'") && isNounTag(s.toks[i-1].tag) {
			s.toks[i].tag = "POS"
		}
	}
}

// modelText is the spelling of toks[i] that prose's model was trained on:
// straight apostrophes, “ and ” for double quotes, -- for dashes.
func modelText(toks []token, i int) string {
	w := toks[i].text
	switch w {
	case "\"", "“", "”", "«", "»":
		if w == "“" || w == "«" || (w == "\"" && i+1 < len(toks) && toks[i+1].start == toks[i].end) {
			return "``"
		}
		return "''"
	case "—", "–":
		return "--"
	}
	if strings.ContainsAny(w, "’‘") {
		return strings.NewReplacer("’", "'", "‘", "'").Replace(w)
	}
	return w
}

func isNounTag(t string) bool { return strings.HasPrefix(t, "NN") || t == "PRP" || t == "CD" }

// pastForms are the irregular past forms of morph.go that are not also
// the base form or a noun ("cut", "men").
var pastForms = func() map[string]bool {
	m := map[string]bool{}
	for base, forms := range irregular {
		for _, f := range forms {
			if f != base && !strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "en") {
				m[f] = true
			}
		}
	}
	return m
}()
