// Package extraction measures newsgraph's article extraction on the
// third-party evaluation sets kept beside the project (../shared/eval):
// trafilatura's main-text set and htmldate's publication-date set. The
// figures are computed as those projects count them, so they can be set
// beside the published ones.
package extraction

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/extract"
	"github.com/newsgraph/newsgraph/internal/news"
)

// TextReport is the main-text score: a "with" snippet found in the text is a
// true positive, missing a false negative; a "without" snippet found is a
// false positive, absent a true negative.
type TextReport struct {
	Pages          int     `json:"pages"`
	TP             int     `json:"tp"`
	FN             int     `json:"fn"`
	FP             int     `json:"fp"`
	TN             int     `json:"tn"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	Accuracy       float64 `json:"accuracy"`
	Failed         int     `json:"failed"`
	Seconds        float64 `json:"seconds"`
	PagesPerSecond float64 `json:"pages_per_second_per_core"`
}

// DateReport is the publication-date score: the right day is a true
// positive, a wrong day a false positive, no date a false negative.
type DateReport struct {
	Pages     int     `json:"pages"`
	Correct   int     `json:"correct"`
	Wrong     int     `json:"wrong"`
	Missing   int     `json:"missing"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Accuracy  float64 `json:"accuracy"`
	Seconds   float64 `json:"seconds"`
	// Errors lists a few wrong or missing pages, for inspection.
	Errors []string `json:"-"`
}

type textCase struct {
	URL     string   `json:"-"`
	File    string   `json:"file"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

type dateCase struct {
	URL  string `json:"-"`
	File string `json:"file"`
	Date string `json:"date"`
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	return io.ReadAll(r)
}

// pagePath finds a case's page, stored gzipped or not.
func pagePath(dir, file string) string {
	p := filepath.Join(dir, "html", file)
	if _, err := os.Stat(p + ".gz"); err == nil {
		return p + ".gz"
	}
	return p
}

func loadCases[T any](path string, setURL func(*T, string)) ([]T, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m map[string]T
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	urls := make([]string, 0, len(m))
	for u := range m {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	out := make([]T, 0, len(m))
	for _, u := range urls {
		c := m[u]
		setURL(&c, u)
		out = append(out, c)
	}
	return out, nil
}

// each runs fn on every index in [0, n) on one goroutine per CPU.
func each(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// EvaluateText scores main-text extraction on the set in dir (evaldata.json
// and html/).
func EvaluateText(dir string) (TextReport, error) {
	cases, err := loadCases(filepath.Join(dir, "evaldata.json"), func(c *textCase, u string) { c.URL = u })
	if err != nil {
		return TextReport{}, err
	}
	type score struct{ tp, fn, fp, tn int }
	scores := make([]score, len(cases))
	failed := make([]bool, len(cases))
	start := time.Now()
	var cpu time.Duration
	var mu sync.Mutex
	each(len(cases), func(i int) {
		c := cases[i]
		page, err := readGzip(pagePath(dir, c.File))
		if err != nil {
			failed[i] = true
			return
		}
		t0 := time.Now()
		a, err := extract.Article(news.Raw{Input: c.File, Format: "html", URL: c.URL, HTML: page})
		mu.Lock()
		cpu += time.Since(t0)
		mu.Unlock()
		text := a.Body
		if err != nil {
			failed[i] = true
			text = ""
		}
		var s score
		for _, w := range c.With {
			if strings.Contains(text, w) {
				s.tp++
			} else {
				s.fn++
			}
		}
		for _, w := range c.Without {
			if strings.Contains(text, w) {
				s.fp++
			} else {
				s.tn++
			}
		}
		scores[i] = s
	})
	r := TextReport{Pages: len(cases), Seconds: time.Since(start).Seconds()}
	for i, s := range scores {
		r.TP += s.tp
		r.FN += s.fn
		r.FP += s.fp
		r.TN += s.tn
		if failed[i] {
			r.Failed++
		}
	}
	r.Precision = ratio(r.TP, r.TP+r.FP)
	r.Recall = ratio(r.TP, r.TP+r.FN)
	r.F1 = f1(r.Precision, r.Recall)
	r.Accuracy = ratio(r.TP+r.TN, r.TP+r.TN+r.FP+r.FN)
	if cpu > 0 {
		r.PagesPerSecond = float64(len(cases)) / cpu.Seconds()
	}
	return r, nil
}

// EvaluateDates scores the publication day found for each page of the set in
// dir (eval.json and html/).
func EvaluateDates(dir string) (DateReport, error) {
	cases, err := loadCases(filepath.Join(dir, "eval.json"), func(c *dateCase, u string) { c.URL = u })
	if err != nil {
		return DateReport{}, err
	}
	found := make([]string, len(cases))
	start := time.Now()
	each(len(cases), func(i int) {
		c := cases[i]
		page, err := readGzip(pagePath(dir, c.File))
		if err != nil {
			return
		}
		// The date is read even when the page has no main text to keep.
		a, _ := extract.Article(news.Raw{Input: c.File, Format: "html", URL: c.URL, HTML: page})
		if !a.Published.IsZero() {
			found[i] = a.Published.Format("2006-01-02")
		}
	})
	r := DateReport{Pages: len(cases), Seconds: time.Since(start).Seconds()}
	for i, c := range cases {
		switch found[i] {
		case c.Date:
			r.Correct++
		case "":
			r.Missing++
			r.Errors = append(r.Errors, fmt.Sprintf("%s: missing, want %s", c.File, c.Date))
		default:
			r.Wrong++
			r.Errors = append(r.Errors, fmt.Sprintf("%s: %s, want %s", c.File, found[i], c.Date))
		}
	}
	r.Precision = ratio(r.Correct, r.Correct+r.Wrong)
	r.Recall = ratio(r.Correct, r.Correct+r.Missing)
	r.F1 = f1(r.Precision, r.Recall)
	r.Accuracy = ratio(r.Correct, r.Pages)
	return r, nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
