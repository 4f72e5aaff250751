package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/bench"
)

func (e *env) benchCommand() *cobra.Command {
	var n, workers int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "bench [--n 2000] [--workers N] [CORPUS...]",
		Short: "Measure pipeline throughput and peak memory on a generated corpus",
		Long: `Generate n articles from the example corpus (or the given folders) with
controlled variations (paragraph order, dates, an added sentence), run the
whole pipeline on them with N workers, and print articles per second and
peak memory. Nothing is stored.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"examples/corpus"}
			}
			seeds, err := bench.LoadSeeds(cmd.Context(), args, newReader(e.stdin))
			if err != nil {
				return err
			}
			p, err := newPipeline()
			if err != nil {
				return err
			}
			// One warm-up pass so that lazily loaded models and lexicons
			// are not counted against throughput.
			bench.Run(cmd.Context(), p, seeds, len(seeds), workers)
			r := bench.Run(cmd.Context(), p, seeds, n, workers)
			if asJSON {
				return json.NewEncoder(e.stdout).Encode(r)
			}
			fmt.Fprintln(e.stdout, r)
			return nil
		},
	}
	cmd.Flags().IntVarP(&n, "n", "n", 2000, "articles to generate and process")
	cmd.Flags().IntVarP(&workers, "workers", "w", 0, "workers (default: one per CPU)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	return cmd
}
