// Package entities is newsgraph's entity stage: it finds the people,
// organisations and places an article names, resolves each to a canonical
// entity and to the CAMEO-style actor code it stands for on the article's
// date, and links later references ("Kim", "the president", "she") to the
// mention they refer to.
//
// prose's statistical model proposes names; rules and the actor knowledge
// base then correct it where it is known to err: a title glued to a name,
// months taken for places, "White House" taken for a person, outlets it has
// never seen, demonyms and hyphenated adjectives ("Seoul-based") taken for
// places. Precision comes first: a mention the rules cannot place gets no
// actor rather than a guess.
//
// Actor codes follow the knowledge base (package actors):
//   - a country is a LOCATION whose Actor and Country are its ISO code;
//   - a seat of power ("Pyongyang", "the White House") used as a speaker or
//     actor is an ORG with the government's code (PRKGOV) and its Country;
//     after a preposition of place ("talks in Pyongyang") it is a LOCATION
//     coded like the country it lies in;
//   - an organisation is an ORG with its code;
//   - a known person is coded with the office held on the publication date
//     (Donald Trump is USAGOV on 2018-06-12 and 2025-06-20); on a date when
//     they held no office, or when the article has no date, with their
//     country (USA), as CAMEO codes a private citizen, so that an undated
//     article never asserts an office;
//   - a description joining a state and a role ("U.S. officials", "North
//     Korea's delegation", "Iraqi special forces") is one mention coded
//     state+role (USAGOV, PRKGOV, IRQMIL), with an empty Canonical: it names
//     no one entity;
//   - an unknown person has no actor, unless a title or an apposition joins
//     a state and a role ("Kim Song, North Korea's ambassador to the UN").
package entities

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/nlp"
)

// Tagger is the entity stage. It is safe for concurrent use.
type Tagger struct {
	kb  *actors.KB
	gaz *gazetteer
	// holders maps a state's code to the people who held one of its offices
	// at some time, so that "the U.S. president" can be resolved to the one
	// holding it on the article's date.
	holders map[string][]string
}

// New returns a Tagger that resolves names against kb.
func New(kb *actors.KB) *Tagger {
	t := &Tagger{kb: kb, gaz: newGazetteer(kb), holders: map[string][]string{}}
	for _, p := range kb.People() {
		for _, o := range p.Offices {
			c := o.Actor
			if len(c) >= 3 {
				c = c[:3]
			}
			if !slices.Contains(t.holders[c], p.Name) {
				t.holders[c] = append(t.holders[c], p.Name)
			}
		}
	}
	return t
}

// Name returns the stage name.
func (t *Tagger) Name() string { return "entities" }

// EnglishOnly reports that the model and the rules are for English.
func (t *Tagger) EnglishOnly() bool { return true }

// Annotate fills doc.Entities with the mentions in the article's body,
// sorted by Start and never overlapping, resolved on the publication date.
func (t *Tagger) Annotate(doc *news.Document) {
	doc.Entities = t.Find(doc.Article.Body, doc.Article.Published)
}

// Find returns the entity mentions in text resolved on the day of on (zero
// for an undated text: see the package comment).
func (t *Tagger) Find(text string, on time.Time) []news.EntityMention {
	if strings.TrimSpace(text) == "" {
		return []news.EntityMention{}
	}
	a := &analysis{t: t, d: nlp.Analyze(text), on: on}
	a.words = tokenWords(a.d)
	a.covered = make([]int, len(a.d.Tokens))
	for i := range a.covered {
		a.covered[i] = -1
	}
	a.names()
	a.compass()
	a.shortNames()
	a.references()
	a.countryReferences()
	return a.output()
}

// mention is a mention under construction. Token ranges are [start, end)
// into the analysis's tokens; the byte span is derived from them.
type mention struct {
	start, end int
	typ        string
	canonical  string
	actor      string
	country    string
	sentence   int
	// ref is the antecedent's index in analysis.ms, or -1.
	ref int
	// person facts, for linking later references.
	gender gender
	roles  []string
	// known is set when the knowledge base resolved the name.
	known bool
	// generic is set on descriptions ("U.S. officials"), which name no one
	// entity.
	generic bool
	// pronoun is set on pronouns and bare role nouns.
	pronoun bool
	// group is set on a plural group of people ("Three Americans", "the
	// men", "them"); count is its size when a number gives it, else 0.
	group bool
	count int
}

// analysis is the state of one Find call.
type analysis struct {
	t     *Tagger
	d     *nlp.Doc
	on    time.Time
	words [][]string
	ms    []*mention
	// covered[i] is the index in ms of the mention covering token i, or -1.
	covered []int
	// ctx is the document's setting, read before names are resolved.
	ctx docContext
}

func (a *analysis) tok(i int) nlp.Token { return a.d.Tokens[i] }

func (a *analysis) lower(i int) string { return strings.ToLower(a.d.Tokens[i].Text) }

// free reports whether tokens [s, e) are not yet part of a mention.
func (a *analysis) free(s, e int) bool {
	for i := s; i < e; i++ {
		if a.covered[i] >= 0 {
			return false
		}
	}
	return true
}

// add records m and marks its tokens, returning its index.
func (a *analysis) add(m *mention) int {
	m.sentence = a.tok(m.start).Sentence
	if m.ref == 0 {
		m.ref = -1
	}
	a.ms = append(a.ms, m)
	for i := m.start; i < m.end; i++ {
		a.covered[i] = len(a.ms) - 1
	}
	return len(a.ms) - 1
}

// output sorts the mentions and turns them into news.EntityMention, with
// Ref rewritten to indexes of the sorted list.
func (a *analysis) output() []news.EntityMention {
	order := make([]int, len(a.ms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return a.ms[x].start - a.ms[y].start })
	pos := make([]int, len(a.ms))
	for p, i := range order {
		pos[i] = p
	}
	out := make([]news.EntityMention, 0, len(a.ms))
	for _, i := range order {
		m := a.ms[i]
		start, end := a.tok(m.start).Start, a.tok(m.end-1).End
		em := news.EntityMention{
			Text: a.d.Text[start:end], Type: m.typ, Canonical: m.canonical,
			Actor: m.actor, Country: m.country, Start: start, End: end, Ref: -1,
		}
		if m.ref >= 0 {
			em.Ref = pos[m.ref]
		}
		out = append(out, em)
	}
	return out
}

// isCapitalised reports whether a word begins with a capital letter.
func isCapitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// hasUpper reports whether a word has any capital letter.
func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// isProper reports whether the token is a proper noun, as tagged or as
// written: the tagger calls many unknown capitalised names NN or JJ.
func isProper(t nlp.Token) bool {
	return strings.HasPrefix(t.Tag, "NNP") || (hasUpper(t.Text) && t.Tag != "PRP" && t.Tag != "DT")
}

// isPossessive reports whether a token is a possessive ending.
func isPossessive(t nlp.Token) bool {
	switch t.Text {
	case "'s", "’s", "'S", "’S":
		return true
	case "'", "’":
		return t.Tag == "POS"
	}
	return false
}
