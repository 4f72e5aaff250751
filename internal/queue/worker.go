package queue

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store"
)

// Processor turns a raw document into an annotated one: the pipeline.
type Processor interface {
	Process(raw news.Raw) (*news.Document, error)
}

// Worker processes jobs until the queue is empty (Drain) or ctx ends.
type Worker struct {
	Queue    *Queue
	Store    store.Store
	Pipeline Processor
	// Name identifies the worker in the jobs it leases; default
	// "host:pid".
	Name string
	// Batch is how many jobs are claimed at once (default 50): larger
	// batches cost fewer claims, smaller ones leave less to redo when a
	// worker dies.
	Batch int
	// Lease is how long a claimed job is the worker's before others may
	// take it (default 2m). It is renewed every third of itself while the
	// batch is processed, so it bounds how long a dead worker's jobs wait,
	// not how long a batch may take.
	Lease time.Duration
	// Concurrency is the number of documents processed at once (default:
	// one per CPU).
	Concurrency int
	// Drain makes Run return once no job is queued or leased; otherwise it
	// polls for new jobs every Poll (default 2s) until ctx ends.
	Drain bool
	Poll  time.Duration
	// MaxAttempts fails a job claimed this many times without finishing
	// (default 5): a document that kills its worker must not kill them all.
	MaxAttempts int
	// Progress, if set, is called after each batch.
	Progress func(WorkCounts)
	// NoLink leaves stored articles unlinked to their duplicates and
	// stories. Otherwise, when Store is a store.PendingLinker, the worker
	// links them (pipeline.LinkPending) after each batch that stored an
	// article, and once more when it has drained the queue.
	NoLink bool
}

// WorkCounts are what a worker did.
type WorkCounts struct {
	Claimed int64 `json:"claimed"`
	Stored  int64 `json:"stored"`
	Known   int64 `json:"already_known"`
	Failed  int64 `json:"failed"`
	// Linked counts the articles this worker linked to their duplicates
	// and stories, its own or other workers'.
	Linked int64 `json:"linked"`
}

func (c WorkCounts) String() string {
	return fmt.Sprintf("claimed %d, stored %d, already known %d, failed %d, linked %d",
		c.Claimed, c.Stored, c.Known, c.Failed, c.Linked)
}

func (w *Worker) defaults() {
	if w.Name == "" {
		host, _ := os.Hostname()
		w.Name = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	if w.Batch <= 0 {
		w.Batch = 50
	}
	if w.Lease <= 0 {
		w.Lease = 2 * time.Minute
	}
	if w.Concurrency <= 0 {
		w.Concurrency = runtime.GOMAXPROCS(0)
	}
	if w.Poll <= 0 {
		w.Poll = 2 * time.Second
	}
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = 5
	}
}

// Run claims and processes batches of jobs. When ctx ends it stops taking
// documents, finishes none it has not started, and releases its leased
// jobs so that other workers take them at once. With Drain, it returns
// once the queue is empty and every stored article is linked.
func (w *Worker) Run(ctx context.Context) (WorkCounts, error) {
	w.defaults()
	var c counts
	defer func() {
		w.Queue.Release(context.WithoutCancel(ctx), w.Name)
	}()
	for ctx.Err() == nil {
		jobs, err := w.Queue.Claim(ctx, w.Name, w.Batch, w.Lease)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return c.snapshot(), err
		}
		if len(jobs) == 0 {
			if w.Drain {
				qc, err := w.Queue.Counts(ctx)
				if err != nil {
					return c.snapshot(), err
				}
				// Jobs leased by others may still come back to the
				// queue if their worker died: wait for them too.
				if qc.Pending() == 0 {
					return c.snapshot(), w.linkAll(ctx, &c)
				}
			}
			select {
			case <-ctx.Done():
			case <-time.After(w.pollDelay()):
			}
			continue
		}
		c.claimed.Add(int64(len(jobs)))
		stored := c.stored.Load()
		if err := w.runBatch(ctx, jobs, &c); err != nil {
			return c.snapshot(), err
		}
		if c.stored.Load() > stored && ctx.Err() == nil {
			// Linking as we go keeps stories current for readers. If
			// another worker is linking, it links these too.
			if _, err := w.link(ctx, &c); err != nil {
				if ctx.Err() != nil {
					break
				}
				return c.snapshot(), err
			}
		}
		if w.Progress != nil {
			w.Progress(c.snapshot())
		}
	}
	if errors.Is(ctx.Err(), context.Canceled) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return c.snapshot(), ctx.Err()
	}
	return c.snapshot(), nil
}

// pollDelay is how long an idle worker waits: when draining, just long
// enough to notice a dead worker's lease running out soon after it does.
func (w *Worker) pollDelay() time.Duration {
	if w.Drain {
		return min(w.Poll, max(w.Lease/4, 100*time.Millisecond))
	}
	return w.Poll
}

type counts struct {
	claimed, stored, known, failed, linked atomic.Int64
}

func (c *counts) snapshot() WorkCounts {
	return WorkCounts{Claimed: c.claimed.Load(), Stored: c.stored.Load(), Known: c.known.Load(), Failed: c.failed.Load(),
		Linked: c.linked.Load()}
}

// link links the stored articles not linked yet, unless another process
// is doing it (busy). A linking error is a database error and stops the
// worker, as any other does.
func (w *Worker) link(ctx context.Context, c *counts) (busy bool, err error) {
	st, ok := w.Store.(store.PendingLinker)
	if w.NoLink || !ok {
		return false, nil
	}
	n, err := pipeline.LinkPending(ctx, st)
	c.linked.Add(int64(n))
	if errors.Is(err, pipeline.ErrLinkBusy) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("link: %w", err)
	}
	return false, nil
}

// linkAll links what is left once the queue is drained. While another
// process holds the linking lock it polls rather than waits on it: that
// process links whatever this worker stored, but if it dies halfway,
// this worker may be the last one left to finish.
func (w *Worker) linkAll(ctx context.Context, c *counts) error {
	for {
		busy, err := w.link(ctx, c)
		if err != nil || !busy {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(w.pollDelay()):
		}
	}
}

// runBatch processes one claimed batch on Concurrency goroutines while a
// ticker renews the leases of the jobs not yet finished.
func (w *Worker) runBatch(ctx context.Context, jobs []Job, c *counts) error {
	var mu sync.Mutex
	open := make(map[int64]bool, len(jobs))
	for _, j := range jobs {
		open[j.ID] = true
	}
	renewCtx, stopRenew := context.WithCancel(ctx)
	renewed := make(chan struct{})
	go func() {
		defer close(renewed)
		t := time.NewTicker(w.Lease / 3)
		defer t.Stop()
		for {
			select {
			case <-renewCtx.Done():
				return
			case <-t.C:
			}
			mu.Lock()
			ids := make([]int64, 0, len(open))
			for id := range open {
				ids = append(ids, id)
			}
			mu.Unlock()
			// A failed renewal only risks another worker redoing a job,
			// which the store's idempotent Save makes harmless.
			w.Queue.Renew(renewCtx, w.Name, ids, w.Lease)
		}
	}()
	defer func() { stopRenew(); <-renewed }()

	next := make(chan Job)
	errs := make(chan error, w.Concurrency)
	var wg sync.WaitGroup
	for range w.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				if err := w.process(ctx, j, c); err != nil {
					errs <- err
					return
				}
				mu.Lock()
				delete(open, j.ID)
				mu.Unlock()
			}
		}()
	}
	var err error
feed:
	for _, j := range jobs {
		select {
		case next <- j:
		case <-ctx.Done():
			break feed
		case err = <-errs:
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err == nil {
		select {
		case err = <-errs:
		default:
		}
	}
	return err
}

// process runs one job to its end: stored (or found already stored) and
// deleted, or failed with its reason recorded. Only a database error
// returns, which stops the worker.
func (w *Worker) process(ctx context.Context, j Job, c *counts) error {
	// Writes are not cancelled halfway: a document being stored when the
	// worker is stopped is stored whole.
	wctx := context.WithoutCancel(ctx)
	if j.Attempts > w.MaxAttempts {
		c.failed.Add(1)
		return w.fail(wctx, j, store.StageExtract, fmt.Errorf("gave up after %d attempts: each worker that claimed it died or ran out of lease", j.Attempts-1))
	}
	if j.Raw.URL != "" {
		if _, ok, err := w.Store.Known(ctx, j.Raw.URL); err == nil && ok {
			c.known.Add(1)
			return w.Queue.Done(wctx, j.ID)
		}
	}
	doc, err := w.Pipeline.Process(j.Raw)
	if err != nil {
		c.failed.Add(1)
		return w.fail(wctx, j, store.StageExtract, err)
	}
	_, created, err := w.Store.Save(wctx, doc)
	if err != nil {
		c.failed.Add(1)
		return w.fail(wctx, j, store.StageStore, err)
	}
	if created {
		c.stored.Add(1)
	} else {
		c.known.Add(1)
	}
	return w.Queue.Done(wctx, j.ID)
}

func (w *Worker) fail(ctx context.Context, j Job, stage string, reason error) error {
	input := j.Raw.Input
	if err := w.Store.RecordFailure(ctx, store.Failure{Input: input, Stage: stage, Reason: reason.Error()}); err != nil {
		return err
	}
	return w.Queue.Fail(ctx, j.ID, reason.Error())
}

// EnqueueCounts are what an enqueue did.
type EnqueueCounts struct {
	Read     int64 `json:"read"`
	Enqueued int64 `json:"enqueued"`
	// Queued counts documents already waiting in the queue.
	Queued int64 `json:"already_queued"`
	Known  int64 `json:"already_known"`
	Failed int64 `json:"failed"`
}

func (c EnqueueCounts) String() string {
	return fmt.Sprintf("read %d, enqueued %d, already queued %d, already known %d, failed %d",
		c.Read, c.Enqueued, c.Queued, c.Known, c.Failed)
}

// EnqueueAll reads every document under paths and enqueues each one, in
// batches. Documents whose URL is already stored are skipped; documents
// that cannot be read are recorded as failures, as an ingest does.
func (q *Queue) EnqueueAll(ctx context.Context, rd *source.Reader, paths []string, st store.Store) (EnqueueCounts, error) {
	const batch = 200
	var c EnqueueCounts
	var pending []news.Raw
	var fatal error
	flush := func() bool {
		n, err := q.Enqueue(ctx, pending)
		if err != nil {
			fatal = err
			return false
		}
		c.Enqueued += int64(n)
		c.Queued += int64(len(pending) - n)
		pending = pending[:0]
		return true
	}
	readErr := rd.Read(ctx, paths, func(raw news.Raw, err error) bool {
		c.Read++
		if err != nil {
			c.Failed++
			f := store.Failure{Input: raw.Input, Stage: store.StageRead, Reason: err.Error()}
			var se *source.Error
			if errors.As(err, &se) {
				f.Input, f.Reason, f.Sample = se.Input, se.Err.Error(), se.Sample
			}
			if err := st.RecordFailure(ctx, f); err != nil {
				fatal = err
				return false
			}
			return true
		}
		if raw.URL != "" {
			if _, ok, err := st.Known(ctx, raw.URL); err == nil && ok {
				c.Known++
				return true
			}
		}
		pending = append(pending, raw)
		return len(pending) < batch || flush()
	})
	if fatal == nil && len(pending) > 0 {
		flush()
	}
	if fatal != nil {
		return c, fatal
	}
	return c, readErr
}
