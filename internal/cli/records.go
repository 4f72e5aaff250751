package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/store"
)

// dateFlags are --from and --to, read as days (or RFC 3339 times).
type dateFlags struct{ from, to string }

func (d *dateFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&d.from, "from", "", "earliest date (2018-06-12)")
	cmd.Flags().StringVar(&d.to, "to", "", "latest date, inclusive (2019-12-31)")
}

func (d *dateFlags) parse() (from, to time.Time, err error) {
	if from, err = api.ParseDay("--from", d.from); err != nil {
		return
	}
	to, err = api.ParseDay("--to", d.to)
	return
}

func (e *env) eventsCommand() *cobra.Command {
	var q store.EventQuery
	var dates dateFlags
	var format string
	cmd := &cobra.Command{
		Use:   "events [--source USA] [--target PRK] [--plover CONSULT] [--cameo 04] [--from] [--to] [--all] [--format table|json]",
		Short: "List coded events, newest first, each with its evidence",
		Long: `List coded events. --source and --target match actor codes by prefix
(USA matches USAGOV and USAMIL). Negated and hypothetical events are not
facts and are left out unless --all is given.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if q.From, q.To, err = dates.parse(); err != nil {
				return err
			}
			st, err := e.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			events, err := st.Events(cmd.Context(), q)
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeJSONLines(e.stdout, events)
			case "table":
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "DATE\tSOURCE\tCAMEO\tPLOVER\tTARGET\tGOLDSTEIN\tMODALITY\tARTICLE\tEVIDENCE")
				for _, ev := range events {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%+.1f\t%s\t%d\t%s\n", ev.Date, strings.Join(ev.Source, ","), ev.CAMEO, ev.PLOVER,
						strings.Join(ev.Target, ","), ev.Goldstein, modality(ev.Negated, ev.Hypothetical), ev.ArticleID, api.Snippet(ev.Evidence, 100))
				}
				return tw.Flush()
			}
			return fmt.Errorf("--format %q: use table or json", format)
		},
	}
	cmd.Flags().StringVar(&q.Source, "source", "", "source actor code prefix (USA, PRKGOV)")
	cmd.Flags().StringVar(&q.Target, "target", "", "target actor code prefix")
	cmd.Flags().StringVar(&q.PLOVER, "plover", "", "PLOVER event type (CONSULT, REJECT, …)")
	cmd.Flags().StringVar(&q.CAMEO, "cameo", "", "CAMEO code prefix (04, 042)")
	cmd.Flags().BoolVar(&q.AllModalities, "all", false, "include negated and hypothetical events")
	cmd.Flags().IntVar(&q.Limit, "limit", 100, "how many to list")
	dates.register(cmd)
	cmd.Flags().StringVar(&format, "format", "table", "table or json (JSON lines)")
	return cmd
}

func modality(negated, hypothetical bool) string {
	switch {
	case negated && hypothetical:
		return "negated,hypothetical"
	case negated:
		return "negated"
	case hypothetical:
		return "hypothetical"
	}
	return "fact"
}

func (e *env) quotesCommand() *cobra.Command {
	var q store.QuoteQuery
	var dates dateFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "quotes [--speaker NAME] [--actor USAGOV] [--from] [--to] [--direct] [--json]",
		Short: "List quotes with their speakers, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if q.From, q.To, err = dates.parse(); err != nil {
				return err
			}
			st, err := e.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			quotes, err := st.Quotes(cmd.Context(), q)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(e.stdout, quotes)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "DATE\tSPEAKER\tACTOR\tKIND\tARTICLE\tQUOTE")
			for _, qr := range quotes {
				kind := "reported"
				if qr.Direct {
					kind = "direct"
				}
				speaker := qr.Speaker
				if speaker == "" {
					speaker = "(unattributed)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", qr.Date, speaker, qr.SpeakerActor, kind, qr.ArticleID, api.Snippet(qr.Text, 100))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&q.Speaker, "speaker", "", "part of the speaker's name")
	cmd.Flags().StringVar(&q.Actor, "actor", "", "speaker's actor code prefix")
	cmd.Flags().BoolVar(&q.DirectOnly, "direct", false, "only direct quotes")
	cmd.Flags().IntVar(&q.Limit, "limit", 100, "how many to list")
	dates.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON lines")
	return cmd
}

func writeJSONLines[T any](w io.Writer, items []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	return nil
}
