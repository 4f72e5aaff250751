// Package bench measures the pipeline's throughput and memory on a corpus it
// generates from example articles, so that every change can report its
// effect in the same units: articles per second and peak memory.
package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/source"
)

// Processor is the pipeline under measurement.
type Processor interface {
	Process(raw news.Raw) (*news.Document, error)
}

// Result is one measurement.
type Result struct {
	Articles       int     `json:"articles"`
	Failed         int     `json:"failed"`
	Workers        int     `json:"workers"`
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	PerCorePerSec  float64 `json:"articles_per_sec_per_worker"`
	MBPerSec       float64 `json:"mb_per_sec"`
	PeakHeapMB     float64 `json:"peak_heap_mb"`
	MaxRSSMB       float64 `json:"max_rss_mb"`
	Entities       int     `json:"entities"`
	Dates          int     `json:"dates"`
	Quotes         int     `json:"quotes"`
	Events         int     `json:"events"`
}

func (r Result) String() string {
	return fmt.Sprintf("%d articles (%d failed) with %d workers in %.2fs: %.1f articles/s (%.1f per worker), %.2f MB/s of text; peak heap %.0f MB, max RSS %.0f MB; %d entities, %d dates, %d quotes, %d events",
		r.Articles, r.Failed, r.Workers, r.Seconds, r.ArticlesPerSec, r.PerCorePerSec, r.MBPerSec, r.PeakHeapMB, r.MaxRSSMB, r.Entities, r.Dates, r.Quotes, r.Events)
}

// LoadSeeds reads the documents under paths (the example corpus) as the
// seeds the generated corpus varies.
func LoadSeeds(ctx context.Context, paths []string, rd *source.Reader) ([]news.Raw, error) {
	var seeds []news.Raw
	err := rd.Read(ctx, paths, func(raw news.Raw, err error) bool {
		if err == nil {
			seeds = append(seeds, raw)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if len(seeds) == 0 {
		return nil, fmt.Errorf("no readable documents under %s", strings.Join(paths, ", "))
	}
	return seeds, nil
}

// Variant returns the i-th generated document: a seed with its paragraphs
// reordered, its publication date moved and a numbered sentence added, so
// that no two generated documents are the same text and caches cannot
// flatter the figures. The same (seeds, i) always gives the same document.
func Variant(seeds []news.Raw, i int) news.Raw {
	seed := seeds[i%len(seeds)]
	rng := rand.New(rand.NewPCG(uint64(i), 0x6e657773))
	v := seed
	v.Input = fmt.Sprintf("bench#%d", i)
	v.URL = ""
	if !v.Published.IsZero() {
		v.Published = v.Published.AddDate(0, 0, rng.IntN(365)-182)
	}
	extra := fmt.Sprintf("Officials said the figures would be reviewed again in round %d of the talks.", i)
	if len(v.HTML) > 0 {
		page := string(v.HTML)
		if k := strings.LastIndex(page, "</p>"); k >= 0 {
			page = page[:k+4] + "<p>" + extra + "</p>" + page[k+4:]
		}
		v.HTML = []byte(page)
		return v
	}
	paras := strings.Split(v.Text, "\n\n")
	if len(paras) > 3 {
		// Keep the first (title) and last paragraphs, shuffle the middle.
		mid := paras[1 : len(paras)-1]
		rng.Shuffle(len(mid), func(a, b int) { mid[a], mid[b] = mid[b], mid[a] })
	}
	v.Text = strings.Join(paras, "\n\n") + "\n\n" + extra
	return v
}

// Run processes n generated documents on workers goroutines and measures
// throughput and memory. Memory is sampled while it runs; documents are
// generated on the fly and dropped once processed, as in a real ingest.
func Run(ctx context.Context, p Processor, seeds []news.Raw, n, workers int) Result {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Add(1)
	go func() {
		defer sampler.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()

	var next atomic.Int64
	var failed, entities, dates, quotes, events, bytes atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				raw := Variant(seeds, i)
				bytes.Add(int64(len(raw.Text) + len(raw.HTML)))
				doc, err := p.Process(raw)
				if err != nil {
					failed.Add(1)
					continue
				}
				entities.Add(int64(len(doc.Entities)))
				dates.Add(int64(len(doc.Dates)))
				quotes.Add(int64(len(doc.Quotes)))
				events.Add(int64(len(doc.Events)))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start).Seconds()
	close(stop)
	sampler.Wait()

	done := min(int(next.Load()), n)
	r := Result{
		Articles: done, Failed: int(failed.Load()), Workers: workers, Seconds: elapsed,
		ArticlesPerSec: float64(done) / elapsed,
		MBPerSec:       float64(bytes.Load()) / (1 << 20) / elapsed,
		PeakHeapMB:     float64(peak.Load()) / (1 << 20),
		MaxRSSMB:       maxRSSMB(),
		Entities:       int(entities.Load()), Dates: int(dates.Load()), Quotes: int(quotes.Load()), Events: int(events.Load()),
	}
	r.PerCorePerSec = r.ArticlesPerSec / float64(workers)
	return r
}

// maxRSSMB is the process's peak resident memory, as the kernel counts it.
func maxRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports kilobytes
}
