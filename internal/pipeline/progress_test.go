package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
)

// TestProgressCountsFinishedDocuments checks that the progress an ingest
// reports follows the documents stored, not the reader, which runs ahead of
// them by the capacity of the queues between the stages.
func TestProgressCountsFinishedDocuments(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	var ends []int64 // bytes of the inputs up to and including each file
	var total int64
	for i := range 12 {
		body := fmt.Sprintf("Talks resume in Geneva, round %d\n\n", i+1) +
			strings.Repeat(fmt.Sprintf("Delegates from both countries met for the %d-th session on Tuesday and agreed to meet again. ", i+1), 10+i)
		p := filepath.Join(dir, fmt.Sprintf("round-%02d.txt", i+1))
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		total += int64(len(body))
		ends = append(ends, total)
	}
	var read atomic.Int64
	var seen []pipeline.Counts
	in := &pipeline.Ingester{
		Pipeline: pipeline.Default(nil),
		Reader:   &source.Reader{BytesRead: &read},
		Store:    openStore(t),
		Workers:  1,
		Progress: func(c pipeline.Counts) { seen = append(seen, c) },
	}
	c, err := in.Run(context.Background(), paths)
	if err != nil {
		t.Fatal(err)
	}
	if c.Stored != 12 || len(seen) != 12 {
		t.Fatalf("stored %d, progress reported %d times; want 12 and 12", c.Stored, len(seen))
	}
	// With one worker the documents finish in input order, so after the
	// n-th the progress stands exactly at the end of the n-th file.
	for i, s := range seen {
		if s.Bytes != ends[i] {
			t.Errorf("after %d documents: progress at byte %d, want %d (the end of %s)", i+1, s.Bytes, ends[i], filepath.Base(paths[i]))
		}
	}
	if read.Load() != total {
		t.Errorf("reader counted %d bytes, want %d", read.Load(), total)
	}
}
