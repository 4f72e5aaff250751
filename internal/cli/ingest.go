package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
)

func (e *env) ingestCommand() *cobra.Command {
	var workers int
	var enqueue bool
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read articles from files, folders or stdin (-) and store them",
		Long: `Read articles and store them with their annotations.

PATH is a file, a folder (read recursively) or - for JSON lines on standard
input. Formats by extension: .txt, .html/.htm, .json (one article),
.jsonl (one article per line: url, title, published, source, and text or
html), .rss/.atom/.xml feeds, .warc/.warc.gz web archives.

An input that cannot be read or extracted is recorded with its reason
(see 'newsgraph failures') and the rest goes on. Ingesting the same input
again stores nothing new.

With --enqueue (PostgreSQL only) the documents are put in the database's
job queue, each with its content, for 'newsgraph worker' processes on any
machine to process.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if enqueue {
				return e.enqueue(cmd.Context(), args)
			}
			_, err := e.ingest(cmd.Context(), args, workers)
			return err
		},
	}
	cmd.Flags().IntVarP(&workers, "workers", "w", 0, "documents processed at once (default: one per CPU)")
	cmd.Flags().BoolVar(&enqueue, "enqueue", false, "queue the documents for 'newsgraph worker' instead of processing them (PostgreSQL)")
	return cmd
}

// ingest runs an ingest with a progress display and a summary line.
func (e *env) ingest(ctx context.Context, paths []string, workers int) (pipeline.Counts, error) {
	st, err := e.openStore(ctx)
	if err != nil {
		return pipeline.Counts{}, err
	}
	defer st.Close()
	p, err := newPipeline()
	if err != nil {
		return pipeline.Counts{}, err
	}
	var bytesRead atomic.Int64
	reader := newReader(e.stdin)
	reader.BytesRead = &bytesRead
	in := &pipeline.Ingester{Pipeline: p, Reader: reader, Store: st, Workers: workers}

	if bar := e.progressBar(paths); bar != nil {
		in.Progress = func(c pipeline.Counts) {
			bar.Describe(fmt.Sprintf("%d stored, %d known, %d failed", c.Stored, c.Known, c.Failed))
			bar.Set64(c.Bytes)
		}
		defer func() { bar.Finish(); fmt.Fprintln(e.stderr) }()
	}
	start := time.Now()
	c, err := in.Run(ctx, paths)
	elapsed := time.Since(start)
	fmt.Fprintf(e.stderr, "%s in %s (%.1f docs/s)\n", c, elapsed.Round(time.Millisecond), float64(c.Read)/max(elapsed.Seconds(), 1e-9))
	if errors.Is(err, context.Canceled) {
		return c, fmt.Errorf("interrupted; run the same command again to continue")
	}
	if err != nil {
		return c, err
	}
	if c.Failed > 0 {
		fmt.Fprintf(e.stderr, "see the failures with: newsgraph failures --db %s\n", redact(e.dsn()))
	}
	if c.Stored == 0 && c.Known == 0 {
		return c, errQuietf(e, "nothing could be stored")
	}
	return c, nil
}

func errQuietf(e *env, format string, args ...any) error {
	fmt.Fprintf(e.stderr, "newsgraph: "+format+"\n", args...)
	return errQuiet
}

// progressBar returns a progress bar on stderr when stderr is a terminal,
// or nil for logs and pipes, which get only the summary line. It counts the
// input bytes of the documents finished (pipeline.Counts.Bytes), not those
// read, which run ahead of what is stored.
func (e *env) progressBar(paths []string) *progressbar.ProgressBar {
	f, ok := e.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	var total int64
	source.Walk(paths, func(in source.Input, err error) bool {
		if err == nil && in.Size > 0 {
			total += in.Size
		}
		return true
	})
	if total == 0 {
		total = -1 // unknown: stdin
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetWidth(30),
	)
}
