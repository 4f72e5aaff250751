// Package events measures the event coder against the PLOVER gold-standard
// records (../shared/eval/events/plover_gsr_dev.json): sentences from the
// CAMEO manual, each with its event type and source and target actors.
//
// Each record's sentence is coded as a one-sentence article, dated with the
// record's own date (a placeholder, 2000-01-01, in every record: the
// sentences come from many years, so a person's office is read for that
// day and otherwise falls back to their country, which is all the scoring
// compares). An event counts when it has a PLOVER type and is not negated:
// PLOVER codes no public statements (CAMEO 01) and drops negated events,
// and the gold records code intents and conditional offers as such.
//
// Scoring, per record:
//   - the gold type is mapped from the older PLOVER list (DEMAND is
//     REQUEST, DISAPPROVE and INVESTIGATE ACCUSE, FIGHT ASSAULT);
//   - actors are compared as states: the first three letters of each code
//     (USAGOV is USA, IGOUNO is IGO), as sets;
//   - an event's dyad is right when its source states equal the gold
//     source states, and, if the gold record names a target, its target
//     states equal the gold target states; a record that names no target
//     lists the parties of a mutual act as sources, so there the event's
//     source and target states together may equal them instead;
//   - an event is right when its type and dyad are.
//
// Precision is right events over events coded; recall is records with a
// right event over records.
package events

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/cameo"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Annotator is one pipeline stage; the last one given to Evaluate must be
// the event coder.
type Annotator interface {
	Annotate(doc *news.Document)
}

// Record is one gold-standard record, as far as scoring needs it.
type Record struct {
	ID     string
	Type   string   // current PLOVER type
	Source []string // states
	Target []string // states; empty when the record names none
	Text   string
	Date   time.Time
}

// Outcome is what the coder made of one record.
type Outcome struct {
	Record Record
	// Doc is the coded document, every stage's annotations included.
	Doc    *news.Document
	Events []news.Event
	// TypeRight, DyadRight and Right are per event.
	TypeRight, DyadRight, Right []bool
}

// Report is the result of one evaluation.
type Report struct {
	Records  int
	Coded    int // records with at least one event
	Events   int
	TypeHits int // records with an event of the gold type
	DyadHits int // records with an event of the gold type and dyad
	RightEvs int // events right in type and dyad

	// PerType holds the counts per PLOVER type, gold and coded.
	PerType map[string]*TypeCounts
	// Confusion counts, for each gold type, the types of the events coded
	// on its records ("-" for a record with none).
	Confusion map[string]map[string]int
	Outcomes  []Outcome
	Elapsed   time.Duration
}

// TypeCounts are the counts behind one type's precision and recall.
type TypeCounts struct {
	Gold, GoldHit, Coded, CodedRight int
}

// Precision is right events over events coded.
func (r Report) Precision() float64 { return ratio(r.RightEvs, r.Events) }

// Recall is records with a right event over records.
func (r Report) Recall() float64 { return ratio(r.DyadHits, r.Records) }

// F1 is the harmonic mean of precision and recall.
func (r Report) F1() float64 {
	p, q := r.Precision(), r.Recall()
	if p+q == 0 {
		return 0
	}
	return 2 * p * q / (p + q)
}

// TypeAccuracy is, of the records coded, those with an event of the gold
// type.
func (r Report) TypeAccuracy() float64 { return ratio(r.TypeHits, r.Coded) }

// DyadAccuracy is, of the records with an event of the gold type, those
// where such an event also has the gold dyad.
func (r Report) DyadAccuracy() float64 { return ratio(r.DyadHits, r.TypeHits) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// rawRecord is the file's record shape; source and target are a list of
// actors, a string, or absent.
type rawRecord struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// Load reads the gold records.
func Load(path string) ([]Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw []rawRecord
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make([]Record, 0, len(raw))
	for i, r := range raw {
		src, err := states(r.Source)
		if err != nil {
			return nil, fmt.Errorf("%s: record %d (%s) source: %w", path, i, r.ID, err)
		}
		tgt, err := states(r.Target)
		if err != nil {
			return nil, fmt.Errorf("%s: record %d (%s) target: %w", path, i, r.ID, err)
		}
		rec := Record{ID: r.ID, Type: cameo.PLOVERType(r.Event), Source: src, Target: tgt, Text: r.Text}
		if t, err := time.Parse("2006-01-02", r.Date); err == nil {
			rec.Date = t
		}
		out = append(out, rec)
	}
	return out, nil
}

// states reads an actor list as the sorted set of its states; a string or
// null is no actor.
func states(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || raw[0] != '[' {
		return nil, nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, err
	}
	var codes []string
	for _, item := range list {
		var a struct {
			Code string `json:"code"`
		}
		if len(item) > 0 && item[0] == '{' {
			if err := json.Unmarshal(item, &a); err != nil {
				return nil, err
			}
		}
		codes = append(codes, a.Code)
	}
	return stateSet(codes), nil
}

// stateSet maps actor codes to the sorted set of their first three letters.
func stateSet(codes []string) []string {
	var out []string
	for _, c := range codes {
		c = strings.ToUpper(strings.TrimSpace(c))
		if len(c) < 3 {
			continue
		}
		if s := c[:3]; !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// Evaluate codes every record of the gold file with the stages, in order,
// and scores the events the last one leaves in doc.Events.
func Evaluate(path string, stages ...Annotator) (Report, error) {
	recs, err := Load(path)
	if err != nil {
		return Report{}, err
	}
	return Score(recs, stages...), nil
}

// Score codes and scores records.
func Score(recs []Record, stages ...Annotator) Report {
	rep := Report{PerType: map[string]*TypeCounts{}, Confusion: map[string]map[string]int{}}
	start := time.Now()
	count := func(t string) *TypeCounts {
		if rep.PerType[t] == nil {
			rep.PerType[t] = &TypeCounts{}
		}
		return rep.PerType[t]
	}
	for _, rec := range recs {
		doc := news.NewDocument(news.Article{Body: rec.Text, Published: rec.Date, Language: "en"})
		for _, s := range stages {
			s.Annotate(doc)
		}
		o := Outcome{Record: rec, Doc: doc}
		for _, ev := range doc.Events {
			if ev.PLOVER != "" && !ev.Negated {
				o.Events = append(o.Events, ev)
			}
		}
		rep.Records++
		count(rec.Type).Gold++
		if rep.Confusion[rec.Type] == nil {
			rep.Confusion[rec.Type] = map[string]int{}
		}
		if len(o.Events) == 0 {
			rep.Confusion[rec.Type]["-"]++
		} else {
			rep.Coded++
		}
		typeHit, hit := false, false
		for _, ev := range o.Events {
			tr := ev.PLOVER == rec.Type
			dr := dyadRight(rec, ev)
			o.TypeRight = append(o.TypeRight, tr)
			o.DyadRight = append(o.DyadRight, dr)
			o.Right = append(o.Right, tr && dr)
			rep.Events++
			rep.Confusion[rec.Type][ev.PLOVER]++
			c := count(ev.PLOVER)
			c.Coded++
			if tr && dr {
				c.CodedRight++
				rep.RightEvs++
				hit = true
			}
			typeHit = typeHit || tr
		}
		if typeHit {
			rep.TypeHits++
		}
		if hit {
			rep.DyadHits++
			count(rec.Type).GoldHit++
		}
		rep.Outcomes = append(rep.Outcomes, o)
	}
	rep.Elapsed = time.Since(start)
	return rep
}

// dyadRight compares an event's states with the record's. A record that
// names no target marks its parties "SRC/TAR" when the act is mutual
// ("held talks with"), listing them all as sources: the event's source and
// target states together must then equal them, or its source alone.
func dyadRight(rec Record, ev news.Event) bool {
	src := stateSet(ev.Source)
	if len(rec.Target) == 0 {
		return slices.Equal(src, rec.Source) || slices.Equal(stateSet(append(slices.Clone(ev.Source), ev.Target...)), rec.Source)
	}
	return slices.Equal(src, rec.Source) && slices.Equal(stateSet(ev.Target), rec.Target)
}

// String renders the report as tables, then one JSON line with the
// headline figures.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "PLOVER gold records: %d, coded: %d, events: %d (%.0f ms)\n", r.Records, r.Coded, r.Events, float64(r.Elapsed.Microseconds())/1000)
	fmt.Fprintf(&b, "  precision %.3f  recall %.3f  F1 %.3f  type accuracy %.3f  dyad accuracy %.3f\n\n",
		r.Precision(), r.Recall(), r.F1(), r.TypeAccuracy(), r.DyadAccuracy())
	types := r.types()
	fmt.Fprintf(&b, "%-10s %5s %5s %6s  %5s %5s %6s\n", "type", "gold", "hit", "recall", "coded", "right", "prec")
	for _, t := range types {
		c := r.PerType[t]
		if c == nil {
			continue
		}
		fmt.Fprintf(&b, "%-10s %5d %5d %6.2f  %5d %5d %6.2f\n", t, c.Gold, c.GoldHit, ratio(c.GoldHit, c.Gold), c.Coded, c.CodedRight, ratio(c.CodedRight, c.Coded))
	}
	b.WriteString("\nconfusion (rows gold, columns coded; - no event)\n")
	cols := append(slices.Clone(types), "-")
	fmt.Fprintf(&b, "%-10s", "")
	for _, c := range cols {
		fmt.Fprintf(&b, " %4.4s", c)
	}
	b.WriteString("\n")
	for _, g := range types {
		row := r.Confusion[g]
		if row == nil {
			continue
		}
		fmt.Fprintf(&b, "%-10s", g)
		for _, c := range cols {
			if n := row[c]; n > 0 {
				fmt.Fprintf(&b, " %4d", n)
			} else {
				fmt.Fprintf(&b, " %4s", ".")
			}
		}
		b.WriteString("\n")
	}
	line, _ := json.Marshal(map[string]any{
		"records": r.Records, "coded": r.Coded, "events": r.Events,
		"precision": round3(r.Precision()), "recall": round3(r.Recall()), "f1": round3(r.F1()),
		"type_accuracy": round3(r.TypeAccuracy()), "dyad_accuracy": round3(r.DyadAccuracy()),
	})
	b.WriteString("\n")
	b.Write(line)
	b.WriteString("\n")
	return b.String()
}

// types lists the PLOVER types in the manual's order, then any other type
// that occurs.
func (r Report) types() []string {
	out := slices.Clone(cameo.PLOVERTypes)
	var extra []string
	for t := range r.PerType {
		if !slices.Contains(out, t) {
			extra = append(extra, t)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }
