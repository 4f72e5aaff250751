package events

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/eval/evaldata"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Floors just under what the coder reaches on the dev records (precision
// 0.908, recall 0.615 with the shipped pipeline); a change that falls below
// them has lost something. See the misses with EVAL_VERBOSE=1; about ten
// are gold codings that differ from the current PLOVER manual.
const (
	floorPrecision = 0.90
	floorRecall    = 0.61
)

// stages are the shipped pipeline's stages, the event coder last.
func stages() []Annotator {
	var out []Annotator
	for _, an := range pipeline.Default(nil).Annotators() {
		out = append(out, an)
	}
	return out
}

func TestPLOVERFloor(t *testing.T) {
	path := filepath.Join(evaldata.Require(t, "events"), "plover_gsr_dev.json")
	rep, err := Evaluate(path, stages()...)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + rep.String())
	if os.Getenv("EVAL_VERBOSE") != "" {
		for _, o := range rep.Outcomes {
			var evs []string
			for i, e := range o.Events {
				mark := "x"
				if o.Right[i] {
					mark = "ok"
				}
				evs = append(evs, fmt.Sprintf("%s %v %s %v (%s %s)", mark, e.Source, e.PLOVER, e.Target, e.CAMEO, e.Rule))
			}
			hit := false
			for _, r := range o.Right {
				hit = hit || r
			}
			if !hit || len(o.Events) > 1 {
				var ents []string
				for _, e := range o.Doc.Entities {
					if e.Actor != "" {
						ents = append(ents, e.Text+"="+e.Actor)
					}
				}
				fmt.Printf("%s gold %v %s %v | %s\n    => %s\n    entities: %s\n", o.Record.ID, o.Record.Source, o.Record.Type, o.Record.Target, o.Record.Text, strings.Join(evs, "; "), strings.Join(ents, ", "))
			}
		}
	}
	if rep.Precision() < floorPrecision || rep.Recall() < floorRecall {
		t.Errorf("precision %.3f recall %.3f, floors %.2f %.2f", rep.Precision(), rep.Recall(), floorPrecision, floorRecall)
	}
}

func TestScoring(t *testing.T) {
	rec := Record{Type: "ASSAULT", Source: []string{"ISR"}, Target: []string{"PSE"}}
	ev := func(plover string, src, tgt []string, neg bool) news.Event {
		return news.Event{PLOVER: plover, Source: src, Target: tgt, Negated: neg}
	}
	// A stub coder that returns fixed events for the record's text.
	stub := stubStage{evs: []news.Event{
		ev("ASSAULT", []string{"ISRMIL"}, []string{"PSE"}, false),
		ev("ACCUSE", []string{"ISRGOV"}, []string{"PSE"}, false),
		ev("ASSAULT", []string{"ISR"}, []string{"LBN"}, true), // negated: not counted
		ev("", []string{"ISR"}, []string{"PSE"}, false),       // CAMEO 01: not counted
	}}
	rep := Score([]Record{rec}, stub)
	if rep.Events != 2 || rep.RightEvs != 1 || rep.DyadHits != 1 || rep.TypeHits != 1 {
		t.Fatalf("events %d right %d dyad hits %d type hits %d, want 2 1 1 1", rep.Events, rep.RightEvs, rep.DyadHits, rep.TypeHits)
	}
	if rep.Precision() != 0.5 || rep.Recall() != 1 {
		t.Errorf("precision %v recall %v, want 0.5 1", rep.Precision(), rep.Recall())
	}
	if rep.Confusion["ASSAULT"]["ACCUSE"] != 1 || rep.Confusion["ASSAULT"]["ASSAULT"] != 1 {
		t.Errorf("confusion %v", rep.Confusion)
	}
	s := rep.String()
	if !strings.Contains(s, `"precision":0.5`) || !strings.Contains(s, "ASSAULT") {
		t.Errorf("report text lacks the figures:\n%s", s)
	}
	// A symmetric event against a record with sources only.
	sym := Record{Type: "CONSULT", Source: []string{"PRK", "USA"}}
	rep = Score([]Record{sym}, stubStage{evs: []news.Event{ev("CONSULT", []string{"USAGOV", "PRKGOV"}, []string{"USAGOV", "PRKGOV"}, false)}})
	if rep.RightEvs != 1 {
		t.Errorf("symmetric event not scored right: %+v", rep)
	}
}

type stubStage struct{ evs []news.Event }

func (s stubStage) Annotate(doc *news.Document) { doc.Events = s.evs }

func TestLoadReadsEveryShape(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "g.json")
	data := `[{"id":"a","date":"2000-01-01","event":"DEMAND","text":"x","source":[{"actorText":"U.S.","code":"USA"},{"actorText":"UN","code":"IGO","sector":"GOV"}],"target":""},
{"id":"b","event":"FIGHT","text":"y","source":"ISR","target":[{"code":"PSE"}]},
{"id":"c","event":"AGREE","text":"z"}]`
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	recs, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0].Type != "REQUEST" || strings.Join(recs[0].Source, ",") != "IGO,USA" || len(recs[0].Target) != 0 {
		t.Fatalf("record a read as %+v", recs[0])
	}
	if recs[1].Type != "ASSAULT" || len(recs[1].Source) != 0 || recs[1].Target[0] != "PSE" {
		t.Errorf("record b read as %+v", recs[1])
	}
	if recs[0].Date.Year() != 2000 || !recs[2].Date.IsZero() {
		t.Errorf("dates %v %v", recs[0].Date, recs[2].Date)
	}
}
