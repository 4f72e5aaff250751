package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/store"
)

func (e *env) failuresCommand() *cobra.Command {
	var stage string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "failures [--stage read|extract|store] [--json]",
		Short: "List the inputs that could not be processed, and why",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := e.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			fs, err := st.Failures(cmd.Context(), store.FailureQuery{Stage: stage, Limit: limit})
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(e.stdout)
				for _, f := range fs {
					if err := enc.Encode(f); err != nil {
						return err
					}
				}
				return nil
			}
			if len(fs) == 0 {
				fmt.Fprintln(e.stdout, "no failures")
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "INPUT\tSTAGE\tTIMES\tWHEN\tREASON")
			for _, f := range fs {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", f.Input, f.Stage, f.Attempts, f.At.Local().Format("2006-01-02 15:04"), f.Reason)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&stage, "stage", "", "only failures at this stage")
	cmd.Flags().IntVar(&limit, "limit", 100, "how many to list")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON lines")
	return cmd
}
