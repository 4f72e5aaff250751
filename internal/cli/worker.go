package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/queue"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/postgres"
)

func (e *env) workerCommand() *cobra.Command {
	w := &queue.Worker{}
	var requeue bool
	cmd := &cobra.Command{
		Use:   "worker --db postgres://... [--batch 50] [--lease 2m] [--drain]",
		Short: "Process the documents queued by 'ingest --enqueue', alongside other workers",
		Long: `Claim documents from the database's job queue, run the pipeline on them and
store the results. Start as many workers as you like, on any machines that
reach the database: each claims its own batches (FOR UPDATE SKIP LOCKED).
A worker that dies leaves its batch leased; other workers take it again
once the lease runs out, and articles are still stored once.

After each batch, a worker links the stored articles to what they
duplicate and to their stories, in the order they were stored. One worker
links at a time (a PostgreSQL advisory lock); the others go on with their
next batch. With --drain, a worker exits once the queue is empty and every
stored article is linked.

Without --drain a worker waits for new jobs until stopped (Ctrl-C or
SIGTERM, which hands its unfinished jobs back at once). Failed documents
are listed by 'newsgraph failures'; --requeue makes them claimable again.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, q, err := e.openQueue(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			if requeue {
				n, err := q.Requeue(ctx)
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stderr, "requeued %d failed jobs\n", n)
			}
			p, err := newPipeline()
			if err != nil {
				return err
			}
			w.Queue, w.Store, w.Pipeline = q, st, p
			start := time.Now()
			c, err := w.Run(ctx)
			elapsed := time.Since(start)
			fmt.Fprintf(e.stderr, "worker %s: %s in %s (%.1f docs/s)\n", w.Name, c, elapsed.Round(time.Millisecond),
				float64(c.Stored+c.Known+c.Failed)/max(elapsed.Seconds(), 1e-9))
			if errors.Is(err, context.Canceled) {
				return nil
			}
			return err
		},
	}
	cmd.Flags().IntVar(&w.Batch, "batch", 50, "jobs claimed at once")
	cmd.Flags().DurationVar(&w.Lease, "lease", 2*time.Minute, "how long claimed jobs stay this worker's before others may take them (renewed while working)")
	cmd.Flags().BoolVar(&w.Drain, "drain", false, "exit once no job is queued or leased, instead of waiting for more")
	cmd.Flags().DurationVar(&w.Poll, "poll", 2*time.Second, "wait between checks of an empty queue")
	cmd.Flags().IntVarP(&w.Concurrency, "workers", "w", 0, "documents processed at once (default: one per CPU)")
	cmd.Flags().IntVar(&w.MaxAttempts, "max-attempts", 5, "fail a job after this many claims that did not finish it")
	cmd.Flags().StringVar(&w.Name, "name", "", "worker name recorded on its jobs (default host:pid)")
	cmd.Flags().BoolVar(&requeue, "requeue", false, "first make failed jobs claimable again")
	cmd.Flags().BoolVar(&w.NoLink, "no-link", false, "store articles without linking duplicates and stories (other workers, or a later worker --drain, link them)")
	return cmd
}

// openQueue opens the store, which must be PostgreSQL, and its job queue.
func (e *env) openQueue(ctx context.Context) (store.Store, *queue.Queue, error) {
	if !postgres.IsDSN(e.dsn()) {
		return nil, nil, fmt.Errorf("--db %s: the job queue needs a PostgreSQL database (--db postgres://... or NEWSGRAPH_DB)", redact(e.dsn()))
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	pg, ok := st.(*postgres.Store)
	if !ok {
		st.Close()
		return nil, nil, fmt.Errorf("--db %s: not a PostgreSQL store", redact(e.dsn()))
	}
	return st, queue.New(pg.Pool()), nil
}

// enqueue is 'ingest --enqueue': it reads the documents and queues them
// for workers instead of processing them.
func (e *env) enqueue(ctx context.Context, paths []string) error {
	st, q, err := e.openQueue(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	c, err := q.EnqueueAll(ctx, newReader(e.stdin), paths, st)
	fmt.Fprintf(e.stderr, "%s in %s\n", c, time.Since(start).Round(time.Millisecond))
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted; run the same command again to continue (documents already queued are not queued twice)")
	}
	if err != nil {
		return err
	}
	if c.Failed > 0 {
		fmt.Fprintf(e.stderr, "see the failures with: newsgraph failures --db %s\n", redact(e.dsn()))
	}
	fmt.Fprintf(e.stderr, "process them with: newsgraph worker --db %s --drain\n", redact(e.dsn()))
	return nil
}
