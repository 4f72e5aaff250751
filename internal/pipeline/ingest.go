package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store"
)

// Counts are what an ingest did, for its summary line.
type Counts struct {
	Read   int64 `json:"read"`
	Stored int64 `json:"stored"`
	Known  int64 `json:"already_known"`
	Failed int64 `json:"failed"`
	// Bytes is how far into the input the documents finished so far
	// reach: the bytes the reader had read when it passed on the latest
	// of them. It needs a Reader counting BytesRead, and is what a
	// progress display should show, since the reader runs ahead of the
	// workers and the writer by up to a few documents.
	Bytes int64 `json:"-"`
}

func (c Counts) String() string {
	return fmt.Sprintf("read %d, stored %d, already known %d, failed %d", c.Read, c.Stored, c.Known, c.Failed)
}

// Ingester reads inputs, runs the pipeline on every document on a bounded
// pool of workers, and stores the results through one writer.
type Ingester struct {
	Pipeline *Pipeline
	Reader   *source.Reader
	Store    store.Store
	// Workers is the number of documents processed at once; 0 means one
	// per CPU.
	Workers int
	// Progress, if set, is called from the writer after each document.
	Progress func(Counts)
	// Saved, if set, is called from the writer for each document stored or
	// found already stored, with the input it came from and its article id.
	Saved func(input string, id int64)
}

// Producer reads documents and passes each (or an error for one that could
// not be read) to yield, stopping when yield returns false.
type Producer func(ctx context.Context, yield func(news.Raw, error) bool) error

type job struct {
	raw news.Raw
	err error
	pos int64 // bytes read when the reader passed it on
}

type result struct {
	input   string
	stage   string
	doc     *news.Document
	err     error
	sample  []byte
	known   bool
	knownID int64
	pos     int64
}

// Run ingests every document under paths. Memory stays bounded: documents
// are streamed from the reader through channels of fixed capacity. It
// returns when all is read and stored or ctx is cancelled; documents already
// stored stay stored, so running it again continues where it stopped.
func (in *Ingester) Run(ctx context.Context, paths []string) (Counts, error) {
	return in.RunDocuments(ctx, func(ctx context.Context, yield func(news.Raw, error) bool) error {
		return in.Reader.Read(ctx, paths, yield)
	})
}

// RunDocuments ingests the documents produce yields, like Run.
func (in *Ingester) RunDocuments(ctx context.Context, produce Producer) (Counts, error) {
	workers := in.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan job, 2*workers)
	results := make(chan result, 2*workers)

	position := func() int64 { return 0 }
	if in.Reader != nil && in.Reader.BytesRead != nil {
		position = in.Reader.BytesRead.Load
	}
	var readErr error
	go func() {
		defer close(jobs)
		readErr = produce(ctx, func(raw news.Raw, err error) bool {
			select {
			case jobs <- job{raw: raw, err: err, pos: position()}:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- in.process(ctx, j)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var link *linker
	if l, ok := in.Store.(store.Linker); ok {
		var err error
		if link, err = newLinker(ctx, l); err != nil {
			return Counts{}, err
		}
	}

	var c Counts
	var fatal error
	for r := range results {
		c.Read++
		c.Bytes = max(c.Bytes, r.pos)
		switch {
		case r.err != nil:
			c.Failed++
			if err := in.Store.RecordFailure(context.WithoutCancel(ctx), store.Failure{Input: r.input, Stage: r.stage, Reason: r.err.Error(), Sample: r.sample}); err != nil && fatal == nil {
				fatal = err
			}
		case r.known:
			c.Known++
			if in.Saved != nil {
				in.Saved(r.input, r.knownID)
			}
		default:
			// A document being written when the ingest is interrupted is
			// still written whole: the transaction is not cancelled.
			id, created, err := in.Store.Save(context.WithoutCancel(ctx), r.doc)
			switch {
			case err != nil:
				c.Failed++
				in.Store.RecordFailure(context.WithoutCancel(ctx), store.Failure{Input: r.input, Stage: store.StageStore, Reason: err.Error()})
			case created:
				c.Stored++
			default:
				c.Known++
			}
			if err == nil && link != nil {
				if err := link.link(context.WithoutCancel(ctx), id, r.doc); err != nil {
					in.Store.RecordFailure(context.WithoutCancel(ctx), store.Failure{Input: r.input, Stage: StageLink, Reason: err.Error()})
				}
			}
			if err == nil && in.Saved != nil {
				in.Saved(r.input, id)
			}
		}
		if in.Progress != nil {
			in.Progress(c)
		}
	}
	if fatal != nil {
		return c, fmt.Errorf("record failure: %w", fatal)
	}
	if readErr != nil {
		return c, readErr
	}
	return c, ctx.Err()
}

// StageLink is the failure stage of an article stored but not linked to
// its duplicates and story.
const StageLink = "link"

// linked reports whether a stored article needs no more work: it is linked,
// or the store does not link.
func (in *Ingester) linked(ctx context.Context, id int64) bool {
	l, ok := in.Store.(store.Linker)
	if !ok {
		return true
	}
	done, err := l.Linked(ctx, id)
	return err == nil && done
}

func (in *Ingester) process(ctx context.Context, j job) result {
	r := result{input: j.raw.Input, pos: j.pos}
	if j.err != nil {
		r.stage, r.err = store.StageRead, j.err
		var se *source.Error
		if errors.As(j.err, &se) {
			r.input, r.err, r.sample = se.Input, se.Err, se.Sample
		}
		return r
	}
	if j.raw.URL != "" {
		if id, ok, err := in.Store.Known(ctx, j.raw.URL); err == nil && ok && in.linked(ctx, id) {
			r.known, r.knownID = true, id
			return r
		}
	}
	doc, err := in.Pipeline.Process(j.raw)
	if err != nil {
		r.stage, r.err = store.StageExtract, err
		return r
	}
	r.doc = doc
	return r
}
