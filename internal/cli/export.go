package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/store"
)

func (e *env) exportCommand() *cobra.Command {
	var format, out string
	var dates dateFlags
	var eq store.EventQuery
	var qq store.QuoteQuery
	var aq store.ArticleQuery
	var limit int
	cmd := &cobra.Command{
		Use:   "export events|quotes|articles [--format gdelt|plover|csv|parquet|jsonl] [--out FILE] [filters]",
		Short: "Write events, quotes or articles for other tools (GDELT readers, pandas, R, DuckDB, BigQuery, Spark)",
		Long: `Write what the database holds in a format other tools read, streamed row by
row, so that memory stays flat whatever the size of the export.

  gdelt    events only: the GDELT 2.0 event table's 61 columns, tab-separated,
           no header, as GDELT's *.export.CSV files (fields newsgraph does
           not produce, such as tone and coordinates, are left empty)
  plover   events only: JSON lines shaped like POLECAT records
  csv      a header line, then one row per record
  parquet  one file, Snappy-compressed, with typed columns
  jsonl    one JSON object per line, with every field

The format defaults to the --out file's extension (.parquet, .csv, .jsonl,
.tsv for gdelt), else jsonl. Without --out the export goes to standard
output. The filters are those of 'newsgraph events' and 'newsgraph quotes'
(--text, --from and --to for articles); negated and hypothetical events
are facts for no one and are left out unless --all is given.`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"events", "quotes", "articles"},
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := args[0]
			if _, ok := export.Formats[kind]; !ok {
				return fmt.Errorf("export %q: choose events, quotes or articles", kind)
			}
			if format == "" {
				format = export.FormatOf(out)
				if format == "" || (format == export.GDELT && kind != "events") {
					format = export.JSONL
				}
			}
			from, to, err := dates.parse()
			if err != nil {
				return err
			}
			eq.From, eq.To, qq.From, qq.To = from, to, from, to
			eq.Limit, qq.Limit, aq.Limit = limit, limit, limit
			aq.From, aq.To = from, to
			if !to.IsZero() && to.Equal(to.Truncate(24*time.Hour)) {
				// --to is an inclusive day; an article query's To is an
				// exclusive instant.
				aq.To = to.AddDate(0, 0, 1)
			}
			ctx := cmd.Context()
			st, err := e.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			return e.writeExport(ctx, out, func(w io.Writer) (int64, error) {
				switch kind {
				case "events":
					return export.Events(ctx, st, eq, format, w)
				case "quotes":
					return export.Quotes(ctx, st, qq, format, w)
				}
				return export.Articles(ctx, st, aq, format, w)
			}, kind)
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "", "gdelt, plover, csv, parquet or jsonl")
	f.StringVarP(&out, "out", "o", "", "file to write (default: standard output)")
	dates.register(cmd)
	f.StringVar(&eq.Source, "source", "", "events: source actor code prefix (USA, PRKGOV)")
	f.StringVar(&eq.Target, "target", "", "events: target actor code prefix")
	f.StringVar(&eq.PLOVER, "plover", "", "events: PLOVER event type (CONSULT, REJECT, …)")
	f.StringVar(&eq.CAMEO, "cameo", "", "events: CAMEO code prefix (04, 042)")
	f.BoolVar(&eq.AllModalities, "all", false, "events: include negated and hypothetical events")
	f.StringVar(&qq.Speaker, "speaker", "", "quotes: part of the speaker's name")
	f.StringVar(&qq.Actor, "actor", "", "quotes: speaker's actor code prefix")
	f.BoolVar(&qq.DirectOnly, "direct", false, "quotes: only direct quotes")
	f.StringVar(&aq.Text, "text", "", "articles: words that must all occur")
	f.IntVar(&limit, "limit", 0, "at most this many records (default: all)")
	return cmd
}

// writeExport runs write into --out, or standard output. A file is written
// under a temporary name and renamed when complete, so that a reader never
// sees half an export, nor a failed one.
func (e *env) writeExport(ctx context.Context, out string, write func(io.Writer) (int64, error), kind string) error {
	start := time.Now()
	if out == "" || out == "-" {
		n, err := write(e.stdout)
		if err == nil {
			fmt.Fprintf(e.stderr, "exported %d %s in %s\n", n, kind, time.Since(start).Round(time.Millisecond))
		}
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return fmt.Errorf("export to %s: %w", out, err)
	}
	defer os.Remove(tmp.Name())
	n, err := write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("export to %s: %w", out, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("export to %s: %w", out, err)
	}
	fmt.Fprintf(e.stderr, "exported %d %s to %s in %s\n", n, kind, out, time.Since(start).Round(time.Millisecond))
	return nil
}
