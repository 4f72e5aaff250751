package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	eventseval "github.com/newsgraph/newsgraph/internal/eval/events"
	"github.com/newsgraph/newsgraph/internal/eval/extraction"
	nereval "github.com/newsgraph/newsgraph/internal/eval/ner"
	quoteseval "github.com/newsgraph/newsgraph/internal/eval/quotes"
	"github.com/newsgraph/newsgraph/internal/quotes"
)

// evalCommand measures newsgraph on third-party gold data. Each subcommand
// prints its figures and ends with one JSON line, for scripts.
func (e *env) evalCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure accuracy on gold data (extraction, dates, ner, quotes, events)",
	}
	var dir string
	addData := func(c *cobra.Command, def string) {
		c.Flags().StringVar(&dir, "data", def, "the evaluation set's folder")
	}
	text := &cobra.Command{
		Use:   "extraction --data DIR",
		Short: "Main-text precision, recall and F1 on trafilatura's evaluation set",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := extraction.EvaluateText(dir)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "main text on %d pages: precision %.3f, recall %.3f, F1 %.3f, accuracy %.3f (%d pages with no text); %.1f pages/s per core\n",
				r.Pages, r.Precision, r.Recall, r.F1, r.Accuracy, r.Failed, r.PagesPerSecond)
			return json.NewEncoder(e.stdout).Encode(r)
		},
	}
	addData(text, "../shared/eval/extraction")
	dates := &cobra.Command{
		Use:   "dates --data DIR",
		Short: "Publication-date accuracy and F1 on htmldate's evaluation set",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := extraction.EvaluateDates(dir)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "publication day on %d pages: %d right, %d wrong, %d missing; precision %.3f, recall %.3f, F1 %.3f, accuracy %.3f\n",
				r.Pages, r.Correct, r.Wrong, r.Missing, r.Precision, r.Recall, r.F1, r.Accuracy)
			return json.NewEncoder(e.stdout).Encode(r)
		},
	}
	addData(dates, "../shared/eval/dates")
	ner := &cobra.Command{
		Use:   "ner --data DIR",
		Short: "Entity P/R/F1 per type on wikigold and re3d, for prose alone and with our corrections",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := nereval.EvalNER(dir)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "DATASET\tSYSTEM\tTYPE\tPRECISION\tRECALL\tF1")
			for _, res := range r.Results {
				for _, typ := range []string{"PERSON", "ORG", "LOCATION", "ALL"} {
					if sc, ok := res.Exact[typ]; ok {
						fmt.Fprintf(tw, "%s\t%s\t%s\t%.3f\t%.3f\t%.3f\n", res.Dataset, res.System, typ, sc.Precision, sc.Recall, sc.F1)
					}
				}
			}
			tw.Flush()
			fmt.Fprintln(e.stdout, r.JSON())
			return nil
		},
	}
	addData(ner, "../shared/eval/ner")
	events := &cobra.Command{
		Use:   "events --data FILE",
		Short: "Event type and dyad accuracy, precision and recall on PLOVER gold records",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := newPipeline()
			if err != nil {
				return err
			}
			var stages []eventseval.Annotator
			for _, an := range p.Annotators() {
				stages = append(stages, an)
			}
			r, err := eventseval.Evaluate(dir, stages...)
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, r.String())
			return nil
		},
	}
	addData(events, "../shared/eval/events/plover_gsr_dev.json")
	quotesCmd := &cobra.Command{
		Use:   "quotes --data DIR",
		Short: "Direct-quote span P/R/F1, speaker accuracy and reported-speech P/R on a PolNeAR split",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := newPipeline()
			if err != nil {
				return err
			}
			// The stages before quotes run first; the quote stage is scored.
			var stages []quoteseval.Annotator
			for _, an := range p.Annotators() {
				if an.Name() == "quotes" {
					break
				}
				stages = append(stages, an)
			}
			r, err := quoteseval.Evaluate(dir, quotes.New(nil), stages...)
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, r.String())
			return nil
		},
	}
	addData(quotesCmd, "../shared/eval/quotes/polnear/dev")
	cmd.AddCommand(text, dates, ner, quotesCmd, events)
	return cmd
}
