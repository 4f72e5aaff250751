package feeds

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/news"
)

// DefaultMinText is the length in characters below which an item's feed
// text is taken for a summary and its page is fetched. Full articles run to
// thousands of characters; excerpts to a few hundred.
const DefaultMinText = 500

// Accept headers: feeds first, then anything, so that servers that
// negotiate send a feed; pages as a browser would ask.
const (
	acceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
	acceptPage = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
)

// Subscription is a feed to poll with the validators from its last fetch.
type Subscription struct {
	URL          string
	ETag         string
	LastModified string
}

// State tells the poller which items it has already delivered.
type State interface {
	// Seen reports whether the item with key (see Item.Key) was delivered
	// from the feed at feedURL before.
	Seen(feedURL, itemKey string) bool
}

// Fetcher performs HTTP requests; *fetch.Client is the one to use.
type Fetcher interface {
	Fetch(ctx context.Context, req fetch.Request) (*fetch.Response, error)
}

// Poller fetches feeds and returns their new items. It keeps no state of
// its own: State says what was seen, and the caller records each Result.
type Poller struct {
	Fetcher Fetcher
	// State may be nil, in which case every item is new.
	State State
	// MinText is the summary threshold; 0 means DefaultMinText.
	MinText int
	// Workers is how many feeds are polled at once; 0 means 4. Requests
	// to one host are spaced out by the Fetcher whatever the number.
	Workers int
}

// Item is a new feed item ready for the article pipeline.
type Item struct {
	// Key identifies the item in its feed (its GUID, else its link); pass
	// it to the state store once the item is stored.
	Key string
	// Raw has Format "feed", Input the item's link, and the item's title,
	// feed title and publication date. When the feed carried the full text
	// it is in Raw.Text or Raw.HTML; when it carried only a summary,
	// Raw.HTML is the item's page, Raw.URL its final URL and Raw.Charset
	// the charset the server declared.
	Raw news.Raw
}

// ItemError reports a new item that could not be delivered, such as one
// whose page robots.txt disallows. The item stays unseen, so it is tried
// again next time unless the caller records Key as seen.
type ItemError struct {
	FeedURL string
	Key     string
	URL     string
	Err     error
}

func (e *ItemError) Error() string {
	return fmt.Sprintf("feed %s: item %s: %v", e.FeedURL, e.URL, e.Err)
}

func (e *ItemError) Unwrap() error { return e.Err }

// Result is the outcome of polling one subscription.
type Result struct {
	// Subscription carries the validators to send next time.
	Subscription Subscription
	NotModified  bool
	Items        []Item
	// Errors holds an *ItemError for each new item left out.
	Errors []error
	// Err is set when the feed itself could not be fetched or parsed;
	// Subscription then keeps the old validators.
	Err error
}

// Poll polls subs, several at a time, and returns their results in the
// same order.
func (p *Poller) Poll(ctx context.Context, subs []Subscription) []Result {
	results := make([]Result, len(subs))
	workers := p.Workers
	if workers <= 0 {
		workers = 4
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(subs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = p.PollOne(ctx, subs[i])
			}
		}()
	}
	for i := range subs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// PollOne fetches one feed (conditionally, with its validators) and returns
// the items not seen before, fetching the page of each one whose feed text
// is only a summary.
func (p *Poller) PollOne(ctx context.Context, sub Subscription) Result {
	res := Result{Subscription: sub}
	resp, err := p.Fetcher.Fetch(ctx, fetch.Request{
		URL: sub.URL, ETag: sub.ETag, LastModified: sub.LastModified, Accept: acceptFeed,
	})
	if err != nil {
		res.Err = err // fetch errors name the URL
		return res
	}
	res.Subscription.ETag, res.Subscription.LastModified = resp.ETag, resp.LastModified
	if resp.NotModified {
		res.NotModified = true
		return res
	}
	fetched := time.Now()
	body, err := toUTF8(resp.Body, resp.Charset)
	if err != nil {
		res.Subscription = sub
		res.Err = fmt.Errorf("feed %s: %w", sub.URL, err)
		return res
	}
	f, err := parse(bytes.NewReader(body), resp.URL)
	if err != nil {
		res.Subscription = sub
		res.Err = fmt.Errorf("feed %s: %w", sub.URL, err)
		return res
	}
	minText := p.MinText
	if minText <= 0 {
		minText = DefaultMinText
	}
	seen := make(map[string]bool)
	for _, e := range f.entries {
		if e.key == "" || seen[e.key] {
			continue
		}
		seen[e.key] = true
		if p.State != nil && p.State.Seen(sub.URL, e.key) {
			continue
		}
		if ctx.Err() != nil {
			res.Errors = append(res.Errors, &ItemError{FeedURL: sub.URL, Key: e.key, URL: e.raw.URL, Err: ctx.Err()})
			continue
		}
		raw := e.raw
		raw.Input = raw.URL
		if raw.Input == "" {
			raw.Input = sub.URL + "#" + e.key
		}
		raw.Fetched = fetched
		summary := e.textLen < minText || e.truncated
		if summary && raw.URL != "" {
			page, err := p.fetchPage(ctx, raw)
			if err != nil {
				res.Errors = append(res.Errors, &ItemError{FeedURL: sub.URL, Key: e.key, URL: raw.URL, Err: err})
				continue
			}
			raw = page
		}
		if raw.Text == "" && raw.HTML == nil {
			res.Errors = append(res.Errors, &ItemError{FeedURL: sub.URL, Key: e.key, URL: raw.URL,
				Err: fmt.Errorf("item has no text and no link")})
			continue
		}
		res.Items = append(res.Items, Item{Key: e.key, Raw: raw})
	}
	return res
}

// fetchPage replaces the feed text of raw with the HTML page it links to.
func (p *Poller) fetchPage(ctx context.Context, raw news.Raw) (news.Raw, error) {
	resp, err := p.Fetcher.Fetch(ctx, fetch.Request{URL: raw.URL, Accept: acceptPage})
	if err != nil {
		return raw, err
	}
	ctype := resp.ContentType
	if ctype == "" {
		// Sniff as a browser would; DetectContentType adds parameters.
		ctype, _, _ = strings.Cut(http.DetectContentType(resp.Body), ";")
	}
	if ctype != "text/html" && ctype != "application/xhtml+xml" {
		return raw, fmt.Errorf("page %s is %s, not HTML", resp.URL, ctype)
	}
	raw.URL = resp.URL
	raw.Text = ""
	raw.HTML = resp.Body
	raw.Charset = resp.Charset
	raw.Fetched = time.Now()
	return raw, nil
}
