package ner

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/eval/evaldata"
)

// reFloor is the exact-match F1 (PERSON, ORG and LOCATION together) that
// newsgraph's entity stage reaches on re3d, rounded down to 0.01. Raise it
// when the tagger improves; falling below it is a regression. It is far
// from the 0.70 once aimed at, which newsgraph's conventions cannot reach:
// of re3d's 2,704 mentions, 370 are pronouns ("I", "we", "they") and 542
// lower-case descriptions ("the hospital", "civilians"), so a tagger of
// names alone is capped near 0.66 recall; re3d also puts the determiner in
// 375 names ("the United States"), puts titles in person names ("Minister
// Ellwood") and reads a state as an organisation when it acts, none of
// which newsgraph follows; see the package comment.
const reFloor = 0.38

// wgFloor is the same figure on wikigold (names only), rounded down.
const wgFloor = 0.57

func TestNERFloor(t *testing.T) {
	dir := evaldata.Require(t, "ner")
	if testing.Short() {
		t.Skip("-short: the evaluation runs both gold sets through two systems")
	}
	r, err := EvalNER(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.JSON())
	for _, res := range r.Results {
		for _, typ := range []string{"PERSON", "ORG", "LOCATION", All} {
			s := res.Exact[typ]
			t.Logf("%-8s %-9s %-8s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", res.Dataset, res.System, typ, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN)
		}
		t.Logf("%-8s %-9s partial  P %.3f R %.3f F1 %.3f", res.Dataset, res.System, res.Partial.Precision, res.Partial.Recall, res.Partial.F1)
	}
	ours, ok := r.Get("re3d", SystemNewsgraph)
	if !ok {
		t.Fatal("no re3d result for newsgraph")
	}
	if ours.Docs == 0 {
		t.Fatal("re3d: no documents")
	}
	if f := ours.Exact[All].F1; f < reFloor {
		t.Errorf("re3d exact-match F1 = %.3f, below the floor %.2f", f, reFloor)
	}
	if wg, ok := r.Get("wikigold", SystemNewsgraph); ok && wg.Exact[All].F1 < wgFloor {
		t.Errorf("wikigold exact-match F1 = %.3f, below the floor %.2f", wg.Exact[All].F1, wgFloor)
	}
	prose, _ := r.Get("re3d", SystemProse)
	if ours.Exact[All].F1 <= prose.Exact[All].F1 {
		t.Errorf("newsgraph (%.3f) does not beat prose alone (%.3f) on re3d", ours.Exact[All].F1, prose.Exact[All].F1)
	}
}

func TestDetokenize(t *testing.T) {
	sent := []token{
		{text: "Officials"}, {text: "in"}, {text: "Washington"}, {text: ","},
		{text: "D"}, {text: "."}, {text: "C"}, {text: "."}, {text: "said"},
		{text: "Iraq"}, {text: "'"}, {text: "s"}, {text: "counter"}, {text: "-"},
		{text: "terrorism"}, {text: "forces"}, {text: "'"}, {text: "chief"},
		{text: "("}, {text: "Ali"}, {text: ")"}, {text: "Da"}, {text: "’"}, {text: "esh"},
		{text: "paid"}, {text: "$"},
		{text: "5"}, {text: "."}, {text: "5"}, {text: "million"}, {text: "."},
	}
	var b strings.Builder
	offs := detokenize(&b, sent)
	want := "Officials in Washington, D.C. said Iraq's counter-terrorism forces' chief (Ali) Da’esh paid $5.5 million."
	if b.String() != want {
		t.Fatalf("detokenize:\n got %q\nwant %q", b.String(), want)
	}
	for i, o := range offs {
		if got := b.String()[o[0]:o[1]]; got != sent[i].text {
			t.Errorf("token %d at %v is %q, want %q", i, o, got, sent[i].text)
		}
	}
}

func TestBuildDocSpans(t *testing.T) {
	sents := [][]token{{
		{text: "The", label: "Organisation", begin: true},
		{text: "Iraqi", label: "Organisation"},
		{text: "army", label: "Organisation"},
		{text: "entered"},
		{text: "Mosul", label: "Location", begin: true},
		{text: "with"},
		{text: "Iraqi", label: "Nationality", begin: true},
		{text: "police"},
		{text: "."},
	}, {
		{text: "Abadi", label: "Person", begin: true},
		{text: "Karim", label: "Person", begin: true},
		{text: "spoke"},
	}}
	d := buildDoc(sents, re3dLabels)
	var got []string
	for _, s := range d.Gold {
		got = append(got, s.Type+":"+d.Text[s.Start:s.End])
	}
	want := []string{"ORG:The Iraqi army", "LOCATION:Mosul", "PERSON:Abadi", "PERSON:Karim"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("gold spans = %q, want %q", got, want)
	}
}

func TestScoring(t *testing.T) {
	gold := []Span{{0, 5, "PERSON"}, {10, 20, "ORG"}, {30, 35, "LOCATION"}}
	got := []Span{{0, 5, "PERSON"}, {10, 15, "ORG"}, {30, 35, "PERSON"}}
	ds := Dataset{Name: "toy", Docs: []Doc{{Text: strings.Repeat("x", 40), Gold: gold}}}
	r := Evaluate(ds, "toy", func(string) []Span { return got })
	all := r.Exact[All]
	if all.TP != 1 || all.FP != 2 || all.FN != 2 {
		t.Errorf("exact tally = %+v, want tp 1 fp 2 fn 2", all)
	}
	if r.Partial.TP != 2 || r.Partial.FP != 1 || r.Partial.FN != 1 {
		t.Errorf("partial tally = %+v, want tp 2 fp 1 fn 1", r.Partial)
	}
	if !strings.HasPrefix(Report{Results: []Result{r}}.JSON(), `{"results":[{"dataset":"toy"`) || strings.Contains(Report{Results: []Result{r}}.JSON(), "\n") {
		t.Errorf("JSON is not one line: %s", Report{Results: []Result{r}}.JSON())
	}
}
