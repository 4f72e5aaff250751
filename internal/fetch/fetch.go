// Package fetch is newsgraph's HTTP client for feeds and article pages. It is
// polite by construction, because a news crawler that hammers publishers
// gets blocked: it identifies itself, honours robots.txt, spaces out
// requests to each host, and uses conditional GET so that an unchanged feed
// costs the publisher a 304. It is equally careful with what it receives:
// bodies are size-capped and every request has a deadline.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Defaults for Options fields left zero.
const (
	DefaultTimeout        = 30 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxBodySize    = 10 << 20
	DefaultHostDelay      = time.Second
	DefaultMaxRedirects   = 5
)

// robotsAgent is the product token matched against robots.txt User-agent lines.
const robotsAgent = "newsgraph"

// UserAgent returns the User-Agent header for a newsgraph version. The URL
// lets a publisher find out who is fetching and how to reach us.
func UserAgent(version string) string {
	return "newsgraph/" + version + " (+https://github.com/newsgraph/newsgraph)"
}

// Errors wrapped by the errors Fetch returns, for use with errors.Is.
var (
	// ErrDisallowed means robots.txt does not let newsgraph fetch the URL,
	// or could not be read (a 5xx or network error), which counts as a
	// refusal until it is retried.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrTooLarge means the response body exceeds Options.MaxBodySize.
	ErrTooLarge = errors.New("response too large")
)

// StatusError reports a response whose status is neither 2xx nor 304.
type StatusError struct {
	URL    string // the URL that answered, after redirects
	Status int
	// RetryAfter is the delay a 429 or 503 response asked for, if any.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch %s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// Options configure a Client. Zero fields take the defaults above.
type Options struct {
	// UserAgent defaults to UserAgent("dev"); callers should pass the
	// build's version.
	UserAgent string
	// Timeout bounds each request from sending it to reading the last byte
	// of the body. Waits for politeness are not included; bound those
	// with the context.
	Timeout        time.Duration
	ConnectTimeout time.Duration
	MaxBodySize    int64
	// HostDelay is the least time between the starts of two requests to one
	// host. A robots.txt Crawl-delay raises it for that host (up to
	// MaxCrawlDelay). A negative value means no delay, for tests and for
	// servers you run yourself.
	HostDelay    time.Duration
	MaxRedirects int
}

// MaxCrawlDelay caps the Crawl-delay honoured from robots.txt: a site asking
// for more would stall a poll for minutes per page.
const MaxCrawlDelay = 30 * time.Second

// Request is one GET. ETag and LastModified are the validators of a copy
// fetched before; when the resource has not changed the server answers 304
// and Response.NotModified is set.
type Request struct {
	URL          string
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since
	// Accept overrides the Accept header, which otherwise asks for anything.
	Accept string
}

// Response is the result of a successful fetch.
type Response struct {
	URL         string // final URL, after redirects
	Status      int
	NotModified bool // the server answered 304; Body is empty
	Header      http.Header
	Body        []byte // decoded from gzip if the server compressed it
	// ETag and LastModified are the validators to send next time. After a
	// 304 that does not repeat them, they are the ones the request sent.
	ETag         string
	LastModified string
	// ContentType is the lower-case media type without parameters;
	// Charset the charset parameter, lower case, or "".
	ContentType string
	Charset     string
}

// Client fetches URLs politely. It is safe for concurrent use; requests to
// different hosts proceed in parallel while those to one host are spaced out.
type Client struct {
	http         *http.Client
	userAgent    string
	timeout      time.Duration
	maxBody      int64
	hostDelay    time.Duration
	maxRedirects int

	// now and sleep are the clock, replaced in tests.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error

	mu     sync.Mutex
	hosts  map[string]time.Time     // host → earliest start of the next request
	robots map[string]*robotsRecord // scheme://host → rules
}

// New returns a Client configured by opts.
func New(opts Options) *Client {
	c := &Client{
		userAgent:    opts.UserAgent,
		timeout:      opts.Timeout,
		maxBody:      opts.MaxBodySize,
		hostDelay:    opts.HostDelay,
		maxRedirects: opts.MaxRedirects,
		now:          time.Now,
		sleep:        sleepContext,
		hosts:        make(map[string]time.Time),
		robots:       make(map[string]*robotsRecord),
	}
	if c.userAgent == "" {
		c.userAgent = UserAgent("dev")
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	if c.maxBody <= 0 {
		c.maxBody = DefaultMaxBodySize
	}
	switch {
	case c.hostDelay == 0:
		c.hostDelay = DefaultHostDelay
	case c.hostDelay < 0:
		c.hostDelay = 0
	}
	if c.maxRedirects <= 0 {
		c.maxRedirects = DefaultMaxRedirects
	}
	connect := opts.ConnectTimeout
	if connect <= 0 {
		connect = DefaultConnectTimeout
	}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   connect,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	c.http = &http.Client{
		Transport: transport,
		// Redirects are followed by Fetch itself, so that each hop is
		// checked against robots.txt and spaced out like any request.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return c
}

// Get fetches rawURL unconditionally.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	return c.Fetch(ctx, Request{URL: rawURL})
}

// Fetch performs req, following up to MaxRedirects redirects. Errors name
// the URL; a refusal by robots.txt wraps ErrDisallowed, an oversized body
// ErrTooLarge, and an unwanted status is a *StatusError.
func (c *Client) Fetch(ctx context.Context, req Request) (*Response, error) {
	u, err := parseURL(req.URL)
	if err != nil {
		return nil, err
	}
	for hops := 0; ; hops++ {
		if err := c.checkRobots(ctx, u); err != nil {
			return nil, err
		}
		if err := c.wait(ctx, u); err != nil {
			return nil, fmt.Errorf("fetch %s: %w", u, err)
		}
		resp, next, err := c.do(ctx, u, req)
		if err != nil || next == nil {
			return resp, err
		}
		if hops == c.maxRedirects {
			return nil, fmt.Errorf("fetch %s: stopped after %d redirects (last from %s)", req.URL, hops, u)
		}
		u = next
	}
}

// do performs one request. For a redirect it returns the next URL.
func (c *Client) do(ctx context.Context, u *url.URL, req Request) (*Response, *url.URL, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	hreq.Header.Set("User-Agent", c.userAgent)
	accept := req.Accept
	if accept == "" {
		accept = "*/*"
	}
	hreq.Header.Set("Accept", accept)
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	hresp, err := c.http.Do(hreq)
	if err != nil {
		return nil, nil, c.requestError(ctx, u, err)
	}
	defer hresp.Body.Close()

	switch hresp.StatusCode {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		loc := hresp.Header.Get("Location")
		if loc == "" {
			return nil, nil, fmt.Errorf("fetch %s: HTTP %d without a Location", u, hresp.StatusCode)
		}
		next, err := u.Parse(loc)
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
			return nil, nil, fmt.Errorf("fetch %s: HTTP %d to unusable Location %q", u, hresp.StatusCode, loc)
		}
		// Drain a little so that the connection can be reused.
		_, _ = io.CopyN(io.Discard, hresp.Body, 4<<10)
		return nil, next, nil
	}

	resp := &Response{
		URL:          u.String(),
		Status:       hresp.StatusCode,
		Header:       hresp.Header,
		ETag:         hresp.Header.Get("ETag"),
		LastModified: hresp.Header.Get("Last-Modified"),
	}
	resp.ContentType, resp.Charset = mediaType(hresp.Header.Get("Content-Type"))
	if hresp.StatusCode == http.StatusNotModified {
		resp.NotModified = true
		if resp.ETag == "" {
			resp.ETag = req.ETag
		}
		if resp.LastModified == "" {
			resp.LastModified = req.LastModified
		}
		return resp, nil, nil
	}
	if hresp.StatusCode < 200 || hresp.StatusCode > 299 {
		_, _ = io.CopyN(io.Discard, hresp.Body, 4<<10)
		return nil, nil, &StatusError{URL: u.String(), Status: hresp.StatusCode, RetryAfter: retryAfter(hresp, c.now())}
	}
	if hresp.ContentLength > c.maxBody {
		return nil, nil, fmt.Errorf("fetch %s: %w: Content-Length %d exceeds limit of %d bytes", u, ErrTooLarge, hresp.ContentLength, c.maxBody)
	}
	// The limit applies after gzip decoding, which the transport does, so a
	// compression bomb stops at the cap too.
	body, err := io.ReadAll(io.LimitReader(hresp.Body, c.maxBody+1))
	if err != nil {
		return nil, nil, c.requestError(ctx, u, err)
	}
	if int64(len(body)) > c.maxBody {
		return nil, nil, fmt.Errorf("fetch %s: %w: body exceeds limit of %d bytes", u, ErrTooLarge, c.maxBody)
	}
	resp.Body = body
	return resp, nil, nil
}

// requestError names u and says plainly when the deadline ran out.
func (c *Client) requestError(ctx context.Context, u *url.URL, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("fetch %s: no complete response within %v: %w", u, c.timeout, context.DeadlineExceeded)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // url.Error repeats the method and URL
	}
	return fmt.Errorf("fetch %s: %w", u, err)
}

// wait blocks until a request to u's host may start, keeping HostDelay (or
// the site's Crawl-delay) between the starts of requests to one host. Each
// caller reserves its slot before sleeping, so concurrent callers queue up
// instead of all waking at once.
func (c *Client) wait(ctx context.Context, u *url.URL) error {
	delay := max(c.hostDelay, c.crawlDelay(u))
	host := strings.ToLower(u.Host)
	c.mu.Lock()
	now := c.now()
	at := c.hosts[host]
	if at.Before(now) {
		at = now
	}
	c.hosts[host] = at.Add(delay)
	if len(c.hosts) > 10000 {
		// Forget hosts whose delay has passed, so that a long crawl
		// over many sites does not grow the map for ever.
		for h, t := range c.hosts {
			if t.Before(now) {
				delete(c.hosts, h)
			}
		}
	}
	c.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		return c.sleep(ctx, d)
	}
	return nil
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// parseURL accepts absolute http and https URLs only.
func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("fetch %q: %w", raw, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("fetch %q: not an absolute http or https URL", raw)
	}
	u.Fragment = ""
	return u, nil
}

// retryAfter reads a Retry-After header (seconds or an HTTP date) of a 429
// or 503 response.
func retryAfter(resp *http.Response, now time.Time) time.Duration {
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
		return 0
	}
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// mediaType splits a Content-Type into its lower-case media type and
// charset. It is more forgiving than mime.ParseMediaType, which gives up on
// the parameters over things like a trailing semicolon that real servers
// send.
func mediaType(ctype string) (mt, charset string) {
	mt, params, _ := strings.Cut(ctype, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(p, "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "charset") {
			charset = strings.ToLower(strings.Trim(strings.TrimSpace(v), `"'`))
		}
	}
	return mt, charset
}
