package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock stands in for time so that politeness delays cost no real time.
// sleep advances the clock, which models callers that run one at a time.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func (f *fakeClock) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(d)
	f.slept = append(f.slept, d)
	return ctx.Err()
}

func (f *fakeClock) advance(d time.Duration) {
	f.mu.Lock()
	f.t = f.t.Add(d)
	f.mu.Unlock()
}

func (f *fakeClock) sleeps() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.slept...)
}

func newClient(opts Options) (*Client, *fakeClock) {
	c := New(opts)
	clock := &fakeClock{t: time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)}
	c.now, c.sleep = clock.now, clock.sleep
	return c, clock
}

// site is a test web server with a robots.txt and a few pages.
type site struct {
	*httptest.Server
	robots     atomic.Value // string; "" answers 404
	robotsCode atomic.Int64 // status for robots.txt when not 0
	robotsHits atomic.Int64
	mux        *http.ServeMux
}

func newSite(t *testing.T, robots string) *site {
	s := &site{mux: http.NewServeMux()}
	s.robots.Store(robots)
	s.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		s.robotsHits.Add(1)
		if code := s.robotsCode.Load(); code != 0 {
			w.WriteHeader(int(code))
			return
		}
		body := s.robots.Load().(string)
		if body == "" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, body)
	})
	s.Server = httptest.NewServer(s.mux)
	t.Cleanup(s.Close)
	return s
}

const page = `<!doctype html><html><head><title>Port strike</title></head><body><p>Dockworkers walked out.</p></body></html>`

func TestFetch(t *testing.T) {
	s := newSite(t, "")
	var gotUA, gotAccept string
	s.mux.HandleFunc("/news/port-strike.html", func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotAccept = r.UserAgent(), r.Header.Get("Accept")
		w.Header().Set("Content-Type", "text/html; Charset=\"Windows-1252\";")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Fri, 01 Mar 2024 08:00:00 GMT")
		fmt.Fprint(w, page)
	})
	c, _ := newClient(Options{UserAgent: UserAgent("1.2.3")})
	resp, err := c.Get(context.Background(), s.URL+"/news/port-strike.html#comments")
	if err != nil {
		t.Fatal(err)
	}
	if gotUA != "newsgraph/1.2.3 (+https://github.com/newsgraph/newsgraph)" || gotAccept != "*/*" {
		t.Errorf("User-Agent %q, Accept %q", gotUA, gotAccept)
	}
	if resp.Status != 200 || string(resp.Body) != page || resp.URL != s.URL+"/news/port-strike.html" {
		t.Errorf("got %d %q %q", resp.Status, resp.URL, resp.Body)
	}
	if resp.ContentType != "text/html" || resp.Charset != "windows-1252" || resp.ETag != `"v1"` || resp.LastModified != "Fri, 01 Mar 2024 08:00:00 GMT" {
		t.Errorf("got %q %q %q %q", resp.ContentType, resp.Charset, resp.ETag, resp.LastModified)
	}
}

func TestConditionalGet(t *testing.T) {
	s := newSite(t, "")
	s.mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"abc"` || r.Header.Get("If-Modified-Since") == "Fri, 01 Mar 2024 08:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"abc"`)
		w.Header().Set("Last-Modified", "Fri, 01 Mar 2024 08:00:00 GMT")
		fmt.Fprint(w, "<rss/>")
	})
	c, _ := newClient(Options{})
	ctx := context.Background()
	first, err := c.Fetch(ctx, Request{URL: s.URL + "/feed.xml"})
	if err != nil || first.NotModified {
		t.Fatalf("first fetch: %+v, %v", first, err)
	}
	for _, req := range []Request{
		{URL: s.URL + "/feed.xml", ETag: first.ETag},
		{URL: s.URL + "/feed.xml", LastModified: first.LastModified},
	} {
		resp, err := c.Fetch(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if !resp.NotModified || resp.Status != 304 || len(resp.Body) != 0 {
			t.Errorf("%+v: got %d NotModified=%v", req, resp.Status, resp.NotModified)
		}
		// The server did not repeat its validators; the ones sent stand.
		if resp.ETag != req.ETag || resp.LastModified != req.LastModified {
			t.Errorf("validators %q %q, want %q %q", resp.ETag, resp.LastModified, req.ETag, req.LastModified)
		}
	}
}

func TestRobots(t *testing.T) {
	s := newSite(t, `# Example News
User-agent: *
Disallow: /private/
Disallow: /*?print=

User-agent: newsgraph
Disallow: /drafts/
Allow: /drafts/published/

User-agent: BadBot
Disallow: /
`)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	c, _ := newClient(Options{})
	ctx := context.Background()
	tests := []struct {
		path    string
		allowed bool
	}{
		// The newsgraph group applies, not the * group.
		{"/news/a.html", true},
		{"/private/a.html", true},
		{"/news/a.html?print=1", true},
		{"/drafts/b.html", false},
		{"/drafts/published/b.html", true},
	}
	for _, tt := range tests {
		_, err := c.Get(ctx, s.URL+tt.path)
		if tt.allowed && err != nil {
			t.Errorf("%s: %v", tt.path, err)
		}
		if !tt.allowed {
			if !errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), s.URL+tt.path) {
				t.Errorf("%s: err = %v, want ErrDisallowed naming the URL", tt.path, err)
			}
		}
	}
	if n := s.robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
}

func TestRobotsWildcardGroup(t *testing.T) {
	s := newSite(t, "User-agent: *\nDisallow: /private/\nDisallow: /*?print=\n")
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	c, _ := newClient(Options{})
	for path, allowed := range map[string]bool{
		"/news/a.html": true, "/private/a.html": false, "/news/a.html?print=1": false,
	} {
		_, err := c.Get(context.Background(), s.URL+path)
		if (err == nil) != allowed || (err != nil && !errors.Is(err, ErrDisallowed)) {
			t.Errorf("%s: err = %v, allowed = %v", path, err, allowed)
		}
	}
}

func TestRobotsUnavailable(t *testing.T) {
	ctx := context.Background()
	t.Run("4xx allows all", func(t *testing.T) {
		for _, code := range []int{401, 403, 404, 410} {
			s := newSite(t, "")
			s.robotsCode.Store(int64(code))
			s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
			c, _ := newClient(Options{})
			if _, err := c.Get(ctx, s.URL+"/a"); err != nil {
				t.Errorf("robots %d: %v", code, err)
			}
		}
	})
	t.Run("5xx disallows until retried", func(t *testing.T) {
		s := newSite(t, "User-agent: *\nDisallow: /private/\n")
		s.robotsCode.Store(503)
		s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
		c, clock := newClient(Options{})
		_, err := c.Get(ctx, s.URL+"/a")
		if !errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), "robots.txt answered HTTP 503") {
			t.Fatalf("err = %v", err)
		}
		s.robotsCode.Store(0)
		clock.advance(5 * time.Minute)
		if _, err := c.Get(ctx, s.URL+"/a"); !errors.Is(err, ErrDisallowed) {
			t.Errorf("within the retry period: err = %v, want the cached refusal", err)
		}
		clock.advance(6 * time.Minute)
		if _, err := c.Get(ctx, s.URL+"/a"); err != nil {
			t.Errorf("after the retry period: %v", err)
		}
		if n := s.robotsHits.Load(); n != 2 {
			t.Errorf("robots.txt fetched %d times, want 2", n)
		}
	})
	t.Run("network error disallows", func(t *testing.T) {
		s := newSite(t, "")
		s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
		s.robotsCode.Store(0)
		// Replace the robots handler with one that drops the connection.
		hijack := http.NewServeMux()
		hijack.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
		})
		hijack.Handle("/", s.mux)
		s.Config.Handler = hijack
		c, _ := newClient(Options{})
		_, err := c.Get(ctx, s.URL+"/a")
		if !errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), "robots.txt unreachable") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("expires after a day", func(t *testing.T) {
		s := newSite(t, "User-agent: *\nDisallow: /a\n")
		s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
		c, clock := newClient(Options{})
		if _, err := c.Get(ctx, s.URL+"/a"); !errors.Is(err, ErrDisallowed) {
			t.Fatalf("err = %v", err)
		}
		s.robots.Store("User-agent: *\nDisallow: /b\n")
		clock.advance(25 * time.Hour)
		if _, err := c.Get(ctx, s.URL+"/a"); err != nil {
			t.Errorf("after a day: %v", err)
		}
	})
}

func TestRobotsRepair(t *testing.T) {
	// A rule before any User-agent and a bad Crawl-delay make the parser
	// reject the file; the valid rules must still apply.
	s := newSite(t, "Disallow: /everything\nUser-agent: *\nCrawl-delay: soon\nDisallow: /private/\n")
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	c, _ := newClient(Options{})
	if _, err := c.Get(context.Background(), s.URL+"/news"); err != nil {
		t.Errorf("/news: %v", err)
	}
	if _, err := c.Get(context.Background(), s.URL+"/private/x"); !errors.Is(err, ErrDisallowed) {
		t.Errorf("/private/x: err = %v", err)
	}
}

func TestPoliteness(t *testing.T) {
	a, b := newSite(t, ""), newSite(t, "User-agent: *\nCrawl-delay: 4\n")
	for _, s := range []*site{a, b} {
		s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	}
	c, clock := newClient(Options{HostDelay: 1500 * time.Millisecond})
	ctx := context.Background()
	get := func(u string) {
		if _, err := c.Get(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	get(a.URL + "/1") // robots.txt at once, then the page 1.5 s later
	get(a.URL + "/2")
	get(b.URL + "/1") // another host: robots.txt at once; its Crawl-delay applies to the page
	get(b.URL + "/2")
	clock.advance(time.Minute)
	get(a.URL + "/3") // long after the last request: no wait
	want := []time.Duration{1500 * time.Millisecond, 1500 * time.Millisecond, 1500 * time.Millisecond, 4 * time.Second}
	if got := clock.sleeps(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sleeps %v, want %v", got, want)
	}
}

func TestCrawlDelayCapped(t *testing.T) {
	s := newSite(t, "User-agent: *\nCrawl-delay: 3600\n")
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	c, clock := newClient(Options{})
	for _, p := range []string{"/1", "/2"} {
		if _, err := c.Get(context.Background(), s.URL+p); err != nil {
			t.Fatal(err)
		}
	}
	if got := clock.sleeps(); len(got) != 2 || got[1] != MaxCrawlDelay {
		t.Errorf("sleeps %v, want the second capped at %v", got, MaxCrawlDelay)
	}
}

func TestPolitenessConcurrent(t *testing.T) {
	// Real clock, short delay: concurrent requests to one host must start
	// at least the delay apart.
	const delay = 40 * time.Millisecond
	var mu sync.Mutex
	var starts []time.Time
	s := newSite(t, "")
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		fmt.Fprint(w, page)
	})
	c := New(Options{HostDelay: delay})
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), fmt.Sprintf("%s/%d", s.URL, i)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if len(starts) != 4 {
		t.Fatalf("%d requests", len(starts))
	}
	for i := 1; i < len(starts); i++ {
		// Loosely: timers may fire a little early relative to the
		// server's view, never by half the delay.
		if gap := starts[i].Sub(starts[i-1]); gap < delay/2 {
			t.Errorf("requests %d and %d started %v apart, want about %v", i-1, i, gap, delay)
		}
	}
}

func TestSizeCap(t *testing.T) {
	big := bytes.Repeat([]byte("<p>paragraph</p>\n"), 4096) // 68 KiB
	s := newSite(t, "")
	s.mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(big) })
	s.mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < len(big); i += 1000 {
			w.Write(big[i:min(i+1000, len(big))])
			w.(http.Flusher).Flush()
		}
	})
	s.mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		// 2 MiB of zeros in a few KiB of gzip.
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(make([]byte, 2<<20))
		zw.Close()
	})
	c, _ := newClient(Options{MaxBodySize: 32 << 10})
	for _, p := range []string{"/big", "/chunked", "/bomb"} {
		_, err := c.Get(context.Background(), s.URL+p)
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), s.URL+p) {
			t.Errorf("%s: err = %v, want ErrTooLarge naming the URL", p, err)
		}
	}
}

func TestGzip(t *testing.T) {
	s := newSite(t, "")
	s.mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("Accept-Encoding %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, page)
		zw.Close()
	})
	c, _ := newClient(Options{})
	resp, err := c.Get(context.Background(), s.URL+"/a")
	if err != nil || string(resp.Body) != page {
		t.Errorf("got %q, %v", resp.Body, err)
	}
}

func TestRedirects(t *testing.T) {
	other := newSite(t, "User-agent: *\nDisallow: /closed/\n")
	other.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	s := newSite(t, "")
	s.mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
		if n == 0 {
			fmt.Fprint(w, page)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("%d", n-1), http.StatusMovedPermanently) // relative
	})
	s.mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/open/story", http.StatusFound)
	})
	s.mux.HandleFunc("/closed", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/closed/story", http.StatusSeeOther)
	})
	s.mux.HandleFunc("/nowhere", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "mailto:desk@example.org")
		w.WriteHeader(http.StatusFound)
	})
	c, _ := newClient(Options{})
	ctx := context.Background()

	resp, err := c.Get(ctx, s.URL+"/hop/5")
	if err != nil || resp.URL != s.URL+"/hop/0" || string(resp.Body) != page {
		t.Errorf("5 redirects: %v %v", resp, err)
	}
	if _, err := c.Get(ctx, s.URL+"/hop/6"); err == nil || !strings.Contains(err.Error(), "stopped after 5 redirects") {
		t.Errorf("6 redirects: err = %v", err)
	}
	resp, err = c.Get(ctx, s.URL+"/away")
	if err != nil || resp.URL != other.URL+"/open/story" {
		t.Errorf("cross-site redirect: %v %v", resp, err)
	}
	if _, err := c.Get(ctx, s.URL+"/closed"); !errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), other.URL+"/closed/story") {
		t.Errorf("redirect into a disallowed path: err = %v", err)
	}
	if _, err := c.Get(ctx, s.URL+"/nowhere"); err == nil || !strings.Contains(err.Error(), "mailto:") {
		t.Errorf("redirect to mailto: err = %v", err)
	}
}

func TestTimeout(t *testing.T) {
	s := newSite(t, "")
	s.mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	s.mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html><body>first part"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	c, _ := newClient(Options{Timeout: 150 * time.Millisecond})
	for _, p := range []string{"/slow", "/stall"} {
		start := time.Now()
		_, err := c.Get(context.Background(), s.URL+p)
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), s.URL+p) {
			t.Errorf("%s: err = %v, want a deadline error naming the URL", p, err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s: took %v", p, d)
		}
	}
}

func TestStatusError(t *testing.T) {
	s := newSite(t, "")
	s.mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	s.mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c, _ := newClient(Options{})
	_, err := c.Get(context.Background(), s.URL+"/gone")
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 410 || se.URL != s.URL+"/gone" || err.Error() != "fetch "+s.URL+"/gone: HTTP 410 Gone" {
		t.Errorf("err = %v", err)
	}
	_, err = c.Get(context.Background(), s.URL+"/busy")
	if !errors.As(err, &se) || se.Status != 429 || se.RetryAfter != 2*time.Minute {
		t.Errorf("err = %v (%+v)", err, se)
	}
}

func TestBadURL(t *testing.T) {
	c, _ := newClient(Options{})
	for _, u := range []string{"ftp://example.org/a", "/relative/path", "https://", "http://exa mple.org/"} {
		if _, err := c.Get(context.Background(), u); err == nil || !strings.Contains(err.Error(), u) {
			t.Errorf("%q: err = %v", u, err)
		}
	}
}

func TestCanceledRobotsFetchIsNotCached(t *testing.T) {
	s := newSite(t, "")
	release := make(chan struct{})
	block := http.NewServeMux()
	var first atomic.Bool
	block.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if !first.Swap(true) {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}
		http.NotFound(w, r)
	})
	block.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	s.Config.Handler = block
	defer close(release)
	c, _ := newClient(Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Get(ctx, s.URL+"/a"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
	if _, err := c.Get(context.Background(), s.URL+"/a"); err != nil {
		t.Errorf("after a canceled robots fetch: %v", err)
	}
}
