package stories

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Vector is a sparse term vector in term order. Word terms are
// lower-cased, stop words dropped and a plural "s" stripped; entity terms
// are "@" followed by the lower-cased canonical name ("@kim jong un"), so a
// name never collides with a word. Keeping it sorted makes the cosine a
// merge of two lists, with sums taken in one order on every run, so that
// similarities and the ties between them are reproducible.
type Vector []Term

// Term is one entry of a Vector.
type Term struct {
	Term   string
	Weight float64
}

// Weight returns the weight of term in v, 0 if absent.
func (v Vector) Weight(term string) float64 {
	i, ok := slices.BinarySearchFunc(v, term, func(t Term, s string) int { return strings.Compare(t.Term, s) })
	if !ok {
		return 0
	}
	return v[i].Weight
}

// vectorOf returns m as a Vector.
func vectorOf(m map[string]float64) Vector {
	v := make(Vector, 0, len(m))
	for t, w := range m {
		v = append(v, Term{t, w})
	}
	slices.SortFunc(v, func(a, b Term) int { return strings.Compare(a.Term, b.Term) })
	return v
}

// MarshalJSON writes v as a JSON object of terms and weights, in term
// order: compact, and readable in the store.
func (v Vector) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, t := range v {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(t.Term)
		if err != nil {
			return nil, err
		}
		b = append(b, k...)
		b = append(b, ':')
		b = strconv.AppendFloat(b, t.Weight, 'g', -1, 64)
	}
	return append(b, '}'), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (v *Vector) UnmarshalJSON(data []byte) error {
	var m map[string]float64
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	*v = vectorOf(m)
	return nil
}

// Features are what clustering needs of one article.
type Features struct {
	ArticleID int64
	Title     string
	Published time.Time
	// Terms are the article's term weights before IDF: 1 + log(tf) per
	// body word, headline words counted TitleWeight times, entity names
	// EntityWeight times. Bounded to MaxTerms.
	Terms Vector
}

// Weights of the parts of an article in its term vector. A headline states
// the development in a few words, so its words count double. Named entities
// say who and where, which is most of what distinguishes two developments
// in one region (a summit in Singapore from one in Hanoi; Psaki's outreach
// from Kim Yo Jong's statement), so they count three times a word.
const (
	TitleWeight  = 2.0
	EntityWeight = 3.0
)

// MaxTerms bounds an article's and a story's vector, so that a story's
// state stays small (a few kilobytes of JSON) however many articles join
// it. A news article has 150 to 300 distinct content words; the top 200 by
// weight keep all of its names and repeated words.
const MaxTerms = 200

// Features returns the clustering features of a. entities are the
// article's entity mentions; when there are none (the entity stage was
// skipped, as for non-English text), runs of capitalised words stand in for
// them.
func (c *Clusterer) Features(a news.Article, entities []news.EntityMention) Features {
	tf := map[string]float64{}
	for _, w := range terms(a.Body) {
		tf[w]++
	}
	v := map[string]float64{}
	for w, n := range tf {
		v[w] = 1 + logf(n)
	}
	for _, w := range terms(a.Title) {
		v[w] += TitleWeight
	}
	names := map[string]int{}
	for _, e := range entities {
		name := e.Canonical
		if name == "" {
			name = e.Text
		}
		if name = normName(name); name != "" {
			names[name]++
		}
	}
	if len(entities) == 0 {
		for _, name := range capitalisedRuns(a.Body) {
			names[name]++
		}
	}
	for name, n := range names {
		v["@"+name] += EntityWeight * (1 + logf(float64(n)))
	}
	return Features{ArticleID: a.ID, Title: a.Title, Published: a.Published, Terms: top(vectorOf(v), MaxTerms, nil)}
}

// stopwords are dropped from term vectors: function words, and the words
// of news writing itself ("said", "told", "reporters", weekdays) that every
// story shares and that no document frequency is needed to know are
// uninformative.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor of to in on at by for
		from with as into onto about over after before than then that this these
		those there here is are was were be been being has have had do does did
		it its he she they we you i his her their our your him them us me my
		who whom which what when where while why how not no so if also would
		could should will can may might must just very more most other some any
		all both each such only own same too up down out off again further once
		said says say told tell according added asked reporters statement
		official officials spokesman spokeswoman news report reported reports
		monday tuesday wednesday thursday friday saturday sunday today yesterday
		week weeks month months year years day days time new first last
		one two three four five mr ms mrs percent since during against between
		under without within through until because however while people`) {
		m[w] = true
	}
	return m
}()

// notNames are capitalised words that do not start or continue a name:
// function words that open sentences, and calendar words.
var notNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but of to in on at by for from
		with as into about over after before than then that this these those
		there here it its he she they we you i his her their our your who which
		what when where while if also not no so asked says said according
		monday tuesday wednesday thursday friday saturday sunday january
		february march april may june july august september october november
		december jan feb mar apr jun jul aug sep sept oct nov dec`) {
		m[w] = true
	}
	return m
}()

// terms returns the content words of text: lower-cased runs of letters
// and digits (apostrophes inside words dropped), without stop words and
// bare numbers, a final plural "s" removed from words of five letters or
// more ("missiles", "talks") but not from "-ss", "-us", "-is" endings.
func terms(text string) []string {
	var out []string
	for _, w := range words(text) {
		if stopwords[w] || isNumber(w) || utf8.RuneCountInString(w) < 2 {
			continue
		}
		if len(w) >= 5 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
			!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
			w = w[:len(w)-1]
		}
		out = append(out, w)
	}
	return out
}

func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(dropApostrophes(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// dropApostrophes removes apostrophes between letters, so that "Korea's"
// is one word.
func dropApostrophes(s string) string {
	if !strings.ContainsAny(s, "'’") {
		return s
	}
	rs := []rune(s)
	out := rs[:0]
	for i, r := range rs {
		if (r == '\'' || r == '’') && i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// normName lower-cases a name and collapses its spacing and hyphens, so
// that "Kim Jong-un" and "Kim Jong Un" are one term.
func normName(s string) string {
	return strings.Join(words(s), " ")
}

// capitalisedRuns finds the names in text without an entity tagger: runs
// of capitalised words, where a single word opening a sentence counts only
// if it recurs mid-sentence elsewhere (so "Asked" at a sentence start is not
// a name, but "Pyongyang" is). It is a fallback, coarser than the entity
// stage: it cannot tell a person's "Kim" from another.
func capitalisedRuns(text string) []string {
	type run struct {
		name    string
		initial bool // one word, at a sentence start
	}
	var (
		runs  []run
		cur   []string
		start = true // at a sentence start
		first bool   // cur began at a sentence start
		mid   = map[string]bool{}
	)
	flush := func() {
		if len(cur) > 0 {
			name := normName(strings.Join(cur, " "))
			if !notNames[name] && name != "" {
				runs = append(runs, run{name, first && len(cur) == 1})
				if !(first && len(cur) == 1) {
					mid[name] = true
				}
			}
			cur = cur[:0]
		}
	}
	for _, tok := range strings.Fields(text) {
		core := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		r, _ := utf8.DecodeRuneInString(core)
		capital := core != "" && unicode.IsUpper(r) && !notNames[strings.ToLower(core)]
		lead := strings.IndexFunc(tok, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
		if !capital || (lead > 0 && len(cur) > 0) {
			// A word in lower case, or one after an opening quote or
			// bracket, ends the run.
			flush()
		}
		if capital {
			if len(cur) == 0 {
				first = start
			}
			// A possessive ends the name: "Kim Jong Un's aides".
			name, possessive := strings.CutSuffix(core, "'s")
			if !possessive {
				name, possessive = strings.CutSuffix(core, "’s")
			}
			cur = append(cur, name)
			if possessive {
				flush()
			}
		}
		end := strings.TrimRight(tok, `"'’”)]`)
		start = strings.HasSuffix(end, ".") || strings.HasSuffix(end, "?") || strings.HasSuffix(end, "!") ||
			strings.HasSuffix(end, ":") || strings.HasSuffix(end, "—")
		if core != tok && capital && strings.ContainsAny(tok[lead+len(core):], ",.;:!?\"”)—") {
			// Punctuation after the word ends the run.
			flush()
		}
	}
	flush()
	var out []string
	for _, r := range runs {
		if !r.initial || mid[r.name] {
			out = append(out, r.name)
		}
	}
	return out
}
