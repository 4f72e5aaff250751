package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/eval/extraction"
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
	cmd.AddCommand(text, dates)
	return cmd
}
