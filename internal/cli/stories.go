package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/web"
)

func (e *env) storiesCommand() *cobra.Command {
	var q store.StoryQuery
	var dates dateFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stories [ID] [--q WORDS] [--from] [--to] [--json]",
		Short: "List stories (articles about one development, duplicates grouped), or one story's articles",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := e.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			l, ok := st.(store.Linker)
			if !ok {
				return errors.New("this database backend does not group stories")
			}
			if len(args) == 1 {
				var id int64
				if _, err := fmt.Sscan(args[0], &id); err != nil {
					return fmt.Errorf("story id %q is not a number", args[0])
				}
				d, err := l.Story(cmd.Context(), id)
				if err != nil {
					return err
				}
				if asJSON {
					return json.NewEncoder(e.stdout).Encode(d)
				}
				fmt.Fprintf(e.stdout, "%s (%d articles, %s to %s)\n", d.Title, d.Story.Articles, d.First.Format("2006-01-02"), d.Last.Format("2006-01-02"))
				for _, a := range d.List {
					dup := ""
					if a.DuplicateOf != 0 {
						dup = fmt.Sprintf("  (copy of %d)", a.DuplicateOf)
					}
					fmt.Fprintf(e.stdout, "  %d  %s  %s  %s%s\n", a.ID, a.Published.Format("2006-01-02"), a.Source, a.Title, dup)
				}
				return nil
			}
			if q.From, q.To, err = dates.parse(); err != nil {
				return err
			}
			list, err := l.Stories(cmd.Context(), q)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(e.stdout, list)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tFIRST\tLAST\tARTICLES\tTITLE")
			for _, s := range list {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\n", s.ID, s.First.Format("2006-01-02"), s.Last.Format("2006-01-02"), s.Articles, s.Title)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&q.Text, "q", "", "words in the story's title")
	cmd.Flags().IntVar(&q.Limit, "limit", 100, "how many to list")
	dates.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (e *env) timelineCommand() *cobra.Command {
	var by string
	var dates dateFlags
	var undirected, asJSON bool
	cmd := &cobra.Command{
		Use:   "timeline SOURCE TARGET [--by day|week|month] [--from] [--to] [--undirected] [--json]",
		Short: "A dyad's events over time: counts per QuadClass, mean Goldstein, and the events with their evidence",
		Long: `Print a dyad's timeline (e.g. USA PRK): for each day, week or month, the
factual events from SOURCE to TARGET counted per QuadClass, their mean
Goldstein score, and the events most reported. The same real-world event
reported by several articles counts once; copies of an article count once.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			from, to, err := dates.parse()
			if err != nil {
				return err
			}
			st, err := e.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			ui, err := web.New(st, nil)
			if err != nil {
				return err
			}
			q := web.TimelineQuery{Source: strings.ToUpper(args[0]), Target: strings.ToUpper(args[1]), By: by, From: from, To: to}
			tl, err := ui.DyadTimeline(cmd.Context(), q, undirected)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(tl)
			}
			arrow := "→"
			if undirected {
				arrow = "↔"
			}
			fmt.Fprintf(e.stdout, "%s %s %s per %s: %d events from %d mentions\n", q.Source, arrow, q.Target, tl.By, tl.Events, tl.Mentions)
			for _, b := range tl.Buckets {
				fmt.Fprintf(e.stdout, "\n%s  verbal coop %d, material coop %d, verbal conflict %d, material conflict %d; mean Goldstein %+.1f\n",
					b.Start, b.Counts["1"], b.Counts["2"], b.Counts["3"], b.Counts["4"], *b.MeanGoldstein)
				for _, ev := range b.Top {
					fmt.Fprintf(e.stdout, "  %s %s %s→%s (%d articles) %s  [article %d]\n", ev.Date, ev.CAMEO, strings.Join(ev.Source, ","),
						strings.Join(ev.Target, ","), ev.NumArticles, api.Snippet(ev.Evidence, 90), ev.ArticleID)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&by, "by", "month", "bucket: day, week or month")
	cmd.Flags().BoolVar(&undirected, "undirected", false, "count both directions")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (the shape of GET /api/timeline)")
	dates.register(cmd)
	return cmd
}
