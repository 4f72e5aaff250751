// Package ner measures newsgraph's entity recognition against third-party
// gold sets (wikigold and re3d, kept outside the repository in
// ../shared/eval/ner). It rebuilds each document's text from the sets'
// tokens, runs prose alone, prose as package nlp runs it, and newsgraph's
// entity stage on it, and scores each per type at the entity level.
//
// The headline figure is exact span match: a mention counts only if its
// byte range and type equal a gold mention's. Annotation conventions differ
// (re3d puts the determiner in "the United States" and marks pronouns and
// descriptions such as "the hospital lab"), so a partial-overlap figure is
// reported beside it to show how much of the gap is convention.
//
// Where re3d's conventions disagree with what newsgraph's users need (its
// mentions become actors for quotes and events), newsgraph keeps its own,
// and these count as errors on re3d:
//   - a name's span leaves out "the" ("United States", not "the United
//     States"): wikigold, like CoNLL, leaves it out too, so following re3d
//     here would cost as much on wikigold as it gains on re3d;
//   - a title is not part of a person's name ("Foreign Secretary" and "Boris
//     Johnson" are a role and a person, "Lt. Gen." is dropped);
//   - a country is a LOCATION coded with its state even where it acts ("X
//     said"), which re3d marks as an organisation;
//   - first- and third-person pronouns ("we", "they", "it", "I") and a
//     "he" or "she" that cannot be resolved to a named person are not
//     mentions: with no antecedent they would give quotes and events an
//     actor of no one;
//   - lower-case descriptions of places, groups and things ("the city",
//     "civilians", "ISIL fighters", "the front line") are not mentions unless
//     they join a state or body to a role ("Iraqi officials");
//   - a place and its country ("Palmyra, Syria") and a place after a
//     lower-case direction ("northern Iraq") are two names, or the name alone.
package ner

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jdkato/prose/v3"
	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/entities"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/nlp"
)

// Types scored, and the key of the figure over all three.
const All = "ALL"

var types = []string{news.Person, news.Organization, news.Location}

// Score is the tally of one type.
type Score struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"p"`
	Recall    float64 `json:"r"`
	F1        float64 `json:"f1"`
}

func (s *Score) finish() {
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Result is one system's scores on one dataset: exact span match per type
// and over all types, and the overall partial-overlap score, under which a
// system mention matches a gold mention of its type that it overlaps.
type Result struct {
	Dataset string           `json:"dataset"`
	System  string           `json:"system"`
	Docs    int              `json:"docs"`
	Exact   map[string]Score `json:"exact"`
	Partial Score            `json:"partial"`
}

// Report holds every result of a run.
type Report struct {
	Results []Result `json:"results"`
}

// JSON returns the report as one line of JSON.
func (r Report) JSON() string {
	b, err := json.Marshal(r)
	if err != nil {
		// Only maps and numbers: cannot fail.
		panic(err)
	}
	return string(b)
}

// Get returns the result of system on dataset.
func (r Report) Get(dataset, system string) (Result, bool) {
	for _, res := range r.Results {
		if res.Dataset == dataset && res.System == system {
			return res, true
		}
	}
	return Result{}, false
}

// System names.
const (
	SystemProse     = "prose"
	SystemNLP       = "nlp"
	SystemNewsgraph = "newsgraph"
)

// A System finds the entity mentions in a text.
type System func(text string) []Span

// Prose is prose's own pipeline, untouched: its tokenizer, tagger, model
// and chunker, with its labels mapped as package nlp maps them.
func Prose(text string) []Span {
	doc, err := prose.NewDocument(text)
	if err != nil {
		return nil
	}
	var out []Span
	for _, e := range doc.Entities() {
		typ := ""
		switch e.Label {
		case "PERSON":
			typ = news.Person
		case "ORGANIZATION":
			typ = news.Organization
		case "GPE", "GSP", "LOCATION", "FACILITY":
			typ = news.Location
		default:
			continue
		}
		out = append(out, Span{Start: e.Start, End: e.End(), Type: typ})
	}
	return out
}

// NLP is prose's model as package nlp runs it: the same model, with quotes
// and dashes shown to it as it was trained and its labels chunked without
// gluing titles to names.
func NLP(text string) []Span {
	var out []Span
	for _, e := range nlp.Analyze(text).Entities {
		out = append(out, Span{Start: e.Start, End: e.End, Type: e.Type})
	}
	return out
}

// Newsgraph returns newsgraph's entity stage as a System. The gold sets
// carry no dates, so people resolve without offices, which does not change
// the spans scored.
//
// With namesOnly, only names are returned: not pronouns, role nouns and
// descriptions ("she", "the spokeswoman", "U.S. officials"), which a set
// that annotates names alone (wikigold, like CoNLL) would count as errors
// although they are right. re3d annotates them, so it is scored on all.
func Newsgraph(kb *actors.KB, namesOnly bool) System {
	t := entities.New(kb)
	return func(text string) []Span {
		doc := news.NewDocument(news.Article{Body: text, Language: "en"})
		t.Annotate(doc)
		out := make([]Span, 0, len(doc.Entities))
		for _, m := range doc.Entities {
			if namesOnly && (m.Ref >= 0 || m.Canonical == "") {
				continue
			}
			out = append(out, Span{Start: m.Start, End: m.End, Type: m.Type})
		}
		return out
	}
}

// EvalNER scores prose and newsgraph on the gold sets in dir (the ner folder
// of the shared evaluation data): wikigold.conll.txt and re3d/. A set that
// is missing is skipped; finding neither is an error.
func EvalNER(dir string) (Report, error) {
	var sets []Dataset
	if wg := filepath.Join(dir, "wikigold.conll.txt"); exists(wg) {
		ds, err := LoadWikigold(wg)
		if err != nil {
			return Report{}, err
		}
		sets = append(sets, ds)
	}
	if re := filepath.Join(dir, "re3d"); exists(re) {
		ds, err := LoadRe3d(re)
		if err != nil {
			return Report{}, err
		}
		sets = append(sets, ds)
	}
	if len(sets) == 0 {
		return Report{}, fmt.Errorf("eval ner: %s holds neither wikigold.conll.txt nor re3d/", dir)
	}
	kb := actors.Default()
	var r Report
	for _, ds := range sets {
		ours := Newsgraph(kb, ds.Name == "wikigold")
		r.Results = append(r.Results,
			Evaluate(ds, SystemProse, Prose),
			Evaluate(ds, SystemNLP, NLP),
			Evaluate(ds, SystemNewsgraph, ours))
	}
	return r, nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Evaluate runs sys over every document of ds and scores it.
func Evaluate(ds Dataset, name string, sys System) Result {
	res := Result{Dataset: ds.Name, System: name, Docs: len(ds.Docs), Exact: map[string]Score{}}
	for _, d := range ds.Docs {
		got := scored(sys(d.Text))
		tallyExact(res.Exact, d.Gold, got)
		tallyPartial(&res.Partial, d.Gold, got)
	}
	all := Score{}
	for _, t := range types {
		s := res.Exact[t]
		all.TP += s.TP
		all.FP += s.FP
		all.FN += s.FN
		s.finish()
		res.Exact[t] = s
	}
	all.finish()
	res.Exact[All] = all
	res.Partial.finish()
	return res
}

// scored keeps the spans of the types scored, once each.
func scored(spans []Span) []Span {
	seen := map[Span]bool{}
	var out []Span
	for _, s := range spans {
		ok := false
		for _, t := range types {
			ok = ok || s.Type == t
		}
		if ok && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func tallyExact(scores map[string]Score, gold, got []Span) {
	want := map[Span]bool{}
	for _, g := range gold {
		want[g] = true
	}
	for _, s := range got {
		sc := scores[s.Type]
		if want[s] {
			sc.TP++
			delete(want, s)
		} else {
			sc.FP++
		}
		scores[s.Type] = sc
	}
	for g := range want {
		sc := scores[g.Type]
		sc.FN++
		scores[g.Type] = sc
	}
}

// tallyPartial matches each system span to at most one unmatched gold span
// of its type that it overlaps.
func tallyPartial(sc *Score, gold, got []Span) {
	used := make([]bool, len(gold))
	for _, s := range got {
		hit := false
		for i, g := range gold {
			if !used[i] && g.Type == s.Type && s.Start < g.End && g.Start < s.End {
				used[i], hit = true, true
				break
			}
		}
		if hit {
			sc.TP++
		} else {
			sc.FP++
		}
	}
	for _, u := range used {
		if !u {
			sc.FN++
		}
	}
}
