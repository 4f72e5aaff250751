package feeds

import (
	"context"
	"crypto/sha1"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/fetch"
)

// memState is an in-memory State, as the store would back it.
type memState struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (s *memState) Seen(feedURL, key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seen[feedURL+" "+key]
}

func (s *memState) mark(feedURL string, items []Item) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen == nil {
		s.seen = make(map[string]bool)
	}
	for _, it := range items {
		s.seen[feedURL+" "+it.Key] = true
	}
}

// newsSite serves an RSS feed with an ETag, article pages and a robots.txt
// that keeps crawlers out of /private/.
type newsSite struct {
	*httptest.Server
	mu        sync.Mutex
	items     []string // <item> elements, newest first
	hits      map[string]int
	feedCodes []int // statuses the feed answered, in order
}

func newNewsSite(t *testing.T) *newsSite {
	s := &newsSite{hits: make(map[string]int)}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		body := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example News</title><link>` + "http://" + r.Host + `/</link>` + strings.Join(s.items, "\n") + `</channel></rss>`
		s.mu.Unlock()
		etag := fmt.Sprintf(`"%x"`, sha1.Sum([]byte(body)))
		code := http.StatusOK
		if r.Header.Get("If-None-Match") == etag {
			code = http.StatusNotModified
		}
		s.mu.Lock()
		s.feedCodes = append(s.feedCodes, code)
		s.mu.Unlock()
		w.Header().Set("ETag", etag)
		if code == http.StatusNotModified {
			w.WriteHeader(code)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, body)
	})
	page := func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><p>Full text of %s.</p></article></body></html>", r.URL.Path, r.URL.Path)
	}
	mux.HandleFunc("/articles/", page)
	mux.HandleFunc("/private/", page)
	mux.HandleFunc("/old-path", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/articles/moved.html", http.StatusMovedPermanently)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) setItems(items ...string) {
	s.mu.Lock()
	s.items = items
	s.mu.Unlock()
}

func (s *newsSite) pageHits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

var longText = strings.Repeat("The port authority said container traffic would resume once talks with the union concluded. ", 8)

func fullItem(guid, path, title string) string {
	return fmt.Sprintf(`<item><title>%s</title><link>%s</link><guid isPermaLink="false">%s</guid>
<pubDate>Fri, 01 Mar 2024 09:15:00 +0100</pubDate>
<content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>`, title, path, guid, longText)
}

func summaryItem(guid, path, title string) string {
	return fmt.Sprintf(`<item><title>%s</title><link>%s</link><guid isPermaLink="false">%s</guid>
<pubDate>Fri, 01 Mar 2024 07:40:00 +0100</pubDate>
<description>A short summary of %s.</description></item>`, title, path, guid, title)
}

func newPoller(state State) *Poller {
	return &Poller{Fetcher: fetch.New(fetch.Options{HostDelay: -1}), State: state}
}

func TestPoll(t *testing.T) {
	s := newNewsSite(t)
	s.setItems(
		fullItem("a", "/articles/a.html", "Port strike enters second day"),
		summaryItem("b", "/articles/b.html", "Ministers meet in Brussels"),
		summaryItem("c", "/private/c.html", "Embargoed story"),
		summaryItem("e", "/old-path", "Moved story"),
	)
	state := &memState{}
	p := newPoller(state)
	ctx := context.Background()
	sub := Subscription{URL: s.URL + "/feed.rss"}

	// First poll: everything is new.
	res := p.PollOne(ctx, sub)
	if res.Err != nil || res.NotModified {
		t.Fatalf("first poll: %+v", res)
	}
	if res.Subscription.ETag == "" {
		t.Error("no ETag kept for the next poll")
	}
	keys := itemKeys(res.Items)
	if keys != "a b e" {
		t.Errorf("items %q, want a b e", keys)
	}
	a, b, e := res.Items[0].Raw, res.Items[1].Raw, res.Items[2].Raw
	// The full item comes from the feed; its page is not fetched.
	if !strings.Contains(string(a.HTML), "container traffic would resume") || s.pageHits("/articles/a.html") != 0 {
		t.Errorf("full item: HTML %q, page hits %d", a.HTML, s.pageHits("/articles/a.html"))
	}
	if a.Input != s.URL+"/articles/a.html" || a.Source != "Example News" || a.Format != "feed" || a.Fetched.IsZero() {
		t.Errorf("full item: %+v", a)
	}
	// The summary-only item is replaced by its page, keeping feed metadata.
	if string(b.HTML) != "<html><head><title>/articles/b.html</title></head><body><article><p>Full text of /articles/b.html.</p></article></body></html>" {
		t.Errorf("summary item HTML %q", b.HTML)
	}
	if b.Title != "Ministers meet in Brussels" || b.Charset != "iso-8859-1" || b.Text != "" || stamp(b.Published) != "2024-03-01T07:40:00+01:00" {
		t.Errorf("summary item: %+v", b)
	}
	// A redirected page is recorded under its final URL.
	if e.URL != s.URL+"/articles/moved.html" || e.Input != s.URL+"/old-path" {
		t.Errorf("redirected item: URL %q Input %q", e.URL, e.Input)
	}
	// The disallowed page is an error for that item only.
	if len(res.Errors) != 1 {
		t.Fatalf("errors %v", res.Errors)
	}
	var ie *ItemError
	if !errors.As(res.Errors[0], &ie) || ie.Key != "c" || !errors.Is(ie, fetch.ErrDisallowed) || s.pageHits("/private/c.html") != 0 {
		t.Errorf("error %v, want ErrDisallowed for item c", res.Errors[0])
	}
	state.mark(sub.URL, res.Items)

	// Second poll with the ETag: not modified, nothing fetched.
	sub = res.Subscription
	res = p.PollOne(ctx, sub)
	if res.Err != nil || !res.NotModified || len(res.Items) != 0 || len(res.Errors) != 0 {
		t.Errorf("second poll: %+v", res)
	}
	if res.Subscription != sub {
		t.Errorf("validators changed on 304: %+v", res.Subscription)
	}

	// A new item appears: only it is returned (and c, still unseen, fails again).
	s.setItems(
		summaryItem("d", "/articles/d.html", "Farmers block roads"),
		fullItem("a", "/articles/a.html", "Port strike enters second day"),
		summaryItem("b", "/articles/b.html", "Ministers meet in Brussels"),
		summaryItem("c", "/private/c.html", "Embargoed story"),
	)
	res = p.PollOne(ctx, sub)
	if res.Err != nil || res.NotModified {
		t.Fatalf("third poll: %+v", res)
	}
	if keys := itemKeys(res.Items); keys != "d" {
		t.Errorf("third poll items %q, want d", keys)
	}
	if len(res.Errors) != 1 || s.pageHits("/articles/b.html") != 1 || s.pageHits("/articles/d.html") != 1 {
		t.Errorf("errors %v; page hits b=%d d=%d", res.Errors, s.pageHits("/articles/b.html"), s.pageHits("/articles/d.html"))
	}
	if res.Subscription.ETag == sub.ETag {
		t.Error("ETag not updated after the feed changed")
	}
	if got := fmt.Sprint(s.feedCodes); got != "[200 304 200]" {
		t.Errorf("feed answered %s", got)
	}
}

func itemKeys(items []Item) string {
	var keys []string
	for _, it := range items {
		keys = append(keys, it.Key)
	}
	return strings.Join(keys, " ")
}

func TestPollMany(t *testing.T) {
	s1, s2 := newNewsSite(t), newNewsSite(t)
	s1.setItems(fullItem("one", "/articles/1.html", "First"))
	s2.setItems(fullItem("two", "/articles/2.html", "Second"), fullItem("three", "/articles/3.html", "Third"))
	gone := httptest.NewServer(http.NotFoundHandler())
	defer gone.Close()
	notFeed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><body>We moved our feed.</body></html>")
	}))
	defer notFeed.Close()

	p := newPoller(nil)
	p.Workers = 2
	results := p.Poll(context.Background(), []Subscription{
		{URL: s1.URL + "/feed.rss"},
		{URL: gone.URL + "/feed.rss"},
		{URL: s2.URL + "/feed.rss"},
		{URL: notFeed.URL + "/feed"},
	})
	if len(results) != 4 {
		t.Fatalf("%d results", len(results))
	}
	if itemKeys(results[0].Items) != "one" || itemKeys(results[2].Items) != "two three" {
		t.Errorf("items %q / %q", itemKeys(results[0].Items), itemKeys(results[2].Items))
	}
	var se *fetch.StatusError
	if !errors.As(results[1].Err, &se) || se.Status != 404 {
		t.Errorf("missing feed: %v", results[1].Err)
	}
	if err := results[3].Err; err == nil || !strings.Contains(err.Error(), notFeed.URL+"/feed") || !strings.Contains(err.Error(), "parse feed") {
		t.Errorf("not a feed: %v", err)
	}
	if results[3].Subscription.ETag != "" {
		t.Error("validators of an unparsable feed must not be kept")
	}
}

func TestPollTruncatedExcerpt(t *testing.T) {
	// A long excerpt that ends in "Continue reading" is still a summary.
	s := newNewsSite(t)
	s.setItems(fmt.Sprintf(`<item><title>Long excerpt</title><link>/articles/x.html</link><guid>x</guid>
<description><![CDATA[<p>%s</p><p><a href="/articles/x.html">Continue reading Long excerpt &rarr;</a></p>]]></description></item>`, longText))
	res := newPoller(nil).PollOne(context.Background(), Subscription{URL: s.URL + "/feed.rss"})
	if res.Err != nil || len(res.Items) != 1 || s.pageHits("/articles/x.html") != 1 {
		t.Errorf("result %+v, page hits %d", res, s.pageHits("/articles/x.html"))
	}
}
