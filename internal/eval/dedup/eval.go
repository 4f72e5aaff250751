// Package dedupeval measures the near-duplicate detector of internal/dedup
// on generated pairs: copies of real and synthetic articles made the ways
// republishing makes them (positives), and different articles on the same
// topic (negatives). (It is not called dedup so that it can use that
// package without renaming it.)
//
// A pair counts as flagged when it passes both steps an ingest runs: the
// two signatures share an LSH band, and the exact shingle comparison says
// duplicate. Every random choice comes from a seeded generator, so a run is
// reproducible.
package dedupeval

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/dedup"
)

// Pair is two texts and whether they are the same article.
type Pair struct {
	A, B      string
	Duplicate bool
	// Kind names how the pair was made: a transform for positives,
	// "corpus-same-topic", "corpus-other", "synthetic-same-topic" or
	// "synthetic-follow-up" for negatives.
	Kind string
	// Stress marks positives beyond the detector's promise; they are
	// reported per kind but left out of the totals.
	Stress bool
}

// Generate returns the pairs made from the corpus articles and from
// synthetic articles. nSynthetic synthetic articles are written; every
// base article (corpus and synthetic) gives one positive per transform;
// the negatives are every pair of distinct corpus articles outside the
// rewrite set, consecutive pairs of synthetic articles, and a follow-up of
// each synthetic article.
func Generate(corpus []CorpusArticle, nSynthetic int, seed uint64) []Pair {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	var bases []string
	for _, c := range corpus {
		bases = append(bases, c.Body)
	}
	synth := make([]string, nSynthetic)
	for i := range synth {
		synth[i] = Synthetic(r)
	}
	bases = append(bases, synth...)

	var pairs []Pair
	for _, b := range bases {
		for _, t := range Transforms {
			pairs = append(pairs, Pair{A: b, B: t.Apply(r, b), Duplicate: true, Kind: t.Name, Stress: t.Stress})
		}
	}
	for i, a := range corpus {
		for _, b := range corpus[i+1:] {
			if rewriteSet(a.Name) && rewriteSet(b.Name) {
				continue // the known duplicates, tested on their own
			}
			kind := "corpus-other"
			if northKorea(a.Body) && northKorea(b.Body) {
				kind = "corpus-same-topic"
			}
			pairs = append(pairs, Pair{A: a.Body, B: b.Body, Kind: kind})
		}
	}
	for i := range synth {
		pairs = append(pairs,
			Pair{A: synth[i], B: synth[(i+1)%len(synth)], Kind: "synthetic-same-topic"},
			Pair{A: synth[i], B: FollowUp(r, synth[i]), Kind: "synthetic-follow-up"},
		)
	}
	return pairs
}

// rewriteSet reports the corpus files that are one article (the control
// is not among them).
func rewriteSet(name string) bool {
	return strings.HasPrefix(name, "rewrite-") && !strings.HasPrefix(name, "rewrite-control")
}

func northKorea(body string) bool {
	return strings.Contains(body, "North Korea") || strings.Contains(body, "Pyongyang")
}

// Kind is the tally of one kind of pair.
type Kind struct {
	Pairs   int `json:"pairs"`
	Flagged int `json:"flagged"`
	// Candidates counts pairs that shared an LSH band.
	Candidates int `json:"candidates"`
	// MaxJaccard and MinJaccard bound the exact Jaccard of the kind's
	// pairs, to show the margin to the threshold.
	MinJaccard float64 `json:"min_jaccard"`
	MaxJaccard float64 `json:"max_jaccard"`
}

// Report is the outcome of a run.
type Report struct {
	Seed         uint64  `json:"seed"`
	ShingleSize  int     `json:"shingle_size"`
	Bands        int     `json:"bands"`
	Rows         int     `json:"rows"`
	Jaccard      float64 `json:"jaccard_threshold"`
	Containment  float64 `json:"containment_threshold"`
	MinSizeRatio float64 `json:"min_size_ratio"`

	Positives int     `json:"positives"`
	Negatives int     `json:"negatives"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	// CandidateRecall is the share of positives that LSH put forward at
	// all: the ceiling on Recall.
	CandidateRecall float64 `json:"candidate_recall"`
	// NegativeCandidates is the share of negatives that cost an exact
	// check.
	NegativeCandidates float64 `json:"negative_candidate_rate"`

	Kinds map[string]*Kind `json:"kinds"`
	// Errors lists up to ten misclassified pairs, for reading.
	Errors []string `json:"errors,omitempty"`
}

// JSON returns the report as one line of JSON.
func (r Report) JSON() string {
	b, err := json.Marshal(r)
	if err != nil {
		panic(err) // numbers, strings and maps of them only
	}
	return string(b)
}

// Run scores the duplicate decision on pairs.
func Run(pairs []Pair, seed uint64) Report {
	rep := Report{
		Seed: seed, ShingleSize: dedup.ShingleSize, Bands: dedup.Bands, Rows: dedup.Rows,
		Jaccard: dedup.DuplicateJaccard, Containment: dedup.DuplicateContainment, MinSizeRatio: dedup.MinSizeRatio,
		Kinds: map[string]*Kind{},
	}
	var candPos, candNeg int
	for _, p := range pairs {
		sa, sb := dedup.ShinglesOf(p.A), dedup.ShinglesOf(p.B)
		m := dedup.Compare(sa, sb)
		cand := shareBand(sa.Signature().Bands(), sb.Signature().Bands())
		flagged := cand && m.IsDuplicate()

		k := rep.Kinds[p.Kind]
		if k == nil {
			k = &Kind{MinJaccard: 1}
			rep.Kinds[p.Kind] = k
		}
		k.Pairs++
		k.MinJaccard = min(k.MinJaccard, m.Jaccard)
		k.MaxJaccard = max(k.MaxJaccard, m.Jaccard)
		if cand {
			k.Candidates++
		}
		if flagged {
			k.Flagged++
		}
		if p.Stress {
			continue
		}
		switch {
		case p.Duplicate:
			rep.Positives++
			if cand {
				candPos++
			}
			if flagged {
				rep.TP++
			} else {
				rep.FN++
			}
		default:
			rep.Negatives++
			if cand {
				candNeg++
			}
			if flagged {
				rep.FP++
			}
		}
		if flagged != p.Duplicate && len(rep.Errors) < 10 {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s: jaccard %.3f containment %.3f size ratio %.2f candidate %v: %.60q | %.60q",
				p.Kind, m.Jaccard, m.Containment, m.SizeRatio, cand, p.A, p.B))
		}
	}
	if rep.TP+rep.FP > 0 {
		rep.Precision = float64(rep.TP) / float64(rep.TP+rep.FP)
	}
	if rep.Positives > 0 {
		rep.Recall = float64(rep.TP) / float64(rep.Positives)
		rep.CandidateRecall = float64(candPos) / float64(rep.Positives)
	}
	if rep.Negatives > 0 {
		rep.NegativeCandidates = float64(candNeg) / float64(rep.Negatives)
	}
	return rep
}

func shareBand(a, b []dedup.BandKey) bool {
	for _, k := range a {
		if slices.Contains(b, k) {
			return true
		}
	}
	return false
}
