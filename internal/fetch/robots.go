package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

// How long robots.txt answers are kept. A definite answer (rules, or a 4xx
// meaning there are none) is kept for a day, as the major crawlers do; a
// failure (5xx, network error) blocks the site only until the retry.
const (
	robotsTTL     = 24 * time.Hour
	robotsRetry   = 10 * time.Minute
	robotsMaxSize = 512 << 10 // larger files are cut, as Google does at 500 KiB
)

// robotsRecord is the cached robots.txt of one origin. ready is closed once
// the fields are set, so that concurrent requests to a new site fetch its
// robots.txt once.
type robotsRecord struct {
	ready   chan struct{}
	group   *robotstxt.Group // rules for our agent; nil when blocked
	blocked string           // why everything is disallowed, when it is
	expires time.Time
	// abandoned is set when the fetch was cut short by the caller's
	// context; the record is dropped and waiters try again.
	abandoned bool
}

// checkRobots returns an error wrapping ErrDisallowed unless robots.txt of
// u's origin lets newsgraph fetch u.
func (c *Client) checkRobots(ctx context.Context, u *url.URL) error {
	rec, err := c.robotsFor(ctx, u)
	if err != nil {
		return fmt.Errorf("fetch %s: robots.txt: %w", u, err)
	}
	if rec.blocked != "" {
		return fmt.Errorf("fetch %s: %w (%s)", u, ErrDisallowed, rec.blocked)
	}
	if !rec.group.Test(u.RequestURI()) {
		return fmt.Errorf("fetch %s: %w", u, ErrDisallowed)
	}
	return nil
}

// crawlDelay returns the Crawl-delay robots.txt sets for u's origin, if
// known, capped at MaxCrawlDelay.
func (c *Client) crawlDelay(u *url.URL) time.Duration {
	c.mu.Lock()
	rec := c.robots[origin(u)]
	c.mu.Unlock()
	if rec == nil {
		return 0
	}
	select {
	case <-rec.ready:
	default:
		return 0
	}
	if rec.group == nil {
		return 0
	}
	return min(rec.group.CrawlDelay, MaxCrawlDelay)
}

func origin(u *url.URL) string { return u.Scheme + "://" + strings.ToLower(u.Host) }

// robotsFor returns the robots record of u's origin, fetching it when it is
// not cached or has expired.
func (c *Client) robotsFor(ctx context.Context, u *url.URL) (*robotsRecord, error) {
	key := origin(u)
	for {
		c.mu.Lock()
		rec := c.robots[key]
		if rec != nil {
			select {
			case <-rec.ready:
				if c.now().After(rec.expires) {
					rec = nil
				}
			default:
			}
		}
		if rec == nil {
			rec = &robotsRecord{ready: make(chan struct{})}
			c.robots[key] = rec
			c.mu.Unlock()
			c.loadRobots(ctx, u, rec)
			if rec.abandoned {
				return nil, ctx.Err()
			}
			return rec, nil
		}
		c.mu.Unlock()
		select {
		case <-rec.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if !rec.abandoned {
			return rec, nil
		}
	}
}

// loadRobots fetches and parses robots.txt into rec and publishes it.
func (c *Client) loadRobots(ctx context.Context, u *url.URL, rec *robotsRecord) {
	defer close(rec.ready)
	status, body, err := c.getRobots(ctx, u)
	now := c.now()
	switch {
	case err != nil && ctx.Err() != nil:
		// Our caller gave up; that says nothing about the site.
		rec.abandoned = true
		c.mu.Lock()
		if c.robots[origin(u)] == rec {
			delete(c.robots, origin(u))
		}
		c.mu.Unlock()
		return
	case err != nil:
		rec.blocked = "robots.txt unreachable: " + err.Error()
		rec.expires = now.Add(robotsRetry)
		return
	case status >= 500:
		rec.blocked = fmt.Sprintf("robots.txt answered HTTP %d", status)
		rec.expires = now.Add(robotsRetry)
		return
	case status >= 400 || status < 200 || status > 299:
		// No robots.txt (or none we may read, or a redirect loop): no
		// restrictions, the convention every major crawler follows.
		rec.group = allowAll()
		rec.expires = now.Add(robotsTTL)
		return
	}
	data, err := parseRobots(body)
	if err != nil {
		rec.blocked = "robots.txt unparseable: " + err.Error()
		rec.expires = now.Add(robotsRetry)
		return
	}
	rec.group = data.FindGroup(robotsAgent)
	rec.expires = now.Add(robotsTTL)
}

// getRobots fetches u's robots.txt, following redirects, and returns its
// status and up to robotsMaxSize bytes of body.
func (c *Client) getRobots(ctx context.Context, u *url.URL) (int, []byte, error) {
	next := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	for hops := 0; hops <= c.maxRedirects; hops++ {
		if err := c.wait(ctx, next); err != nil {
			return 0, nil, err
		}
		status, loc, body, err := c.getRobotsOnce(ctx, next)
		if err != nil || loc == "" {
			return status, body, err
		}
		n, err := next.Parse(loc)
		if err != nil || (n.Scheme != "http" && n.Scheme != "https") {
			return http.StatusNotFound, nil, nil
		}
		next = n
	}
	// Too many redirects: treated as no robots.txt, as Google does.
	return http.StatusNotFound, nil, nil
}

func (c *Client) getRobotsOnce(ctx context.Context, u *url.URL) (status int, location string, body []byte, err error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return 0, "", nil, err
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "text/plain,*/*;q=0.5")
	resp, err := c.http.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return 0, "", nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 && resp.StatusCode <= 399 {
		if loc := resp.Header.Get("Location"); loc != "" {
			return resp.StatusCode, loc, nil, nil
		}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, "", nil, nil
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, robotsMaxSize))
	if err != nil {
		return 0, "", nil, err
	}
	if len(body) == robotsMaxSize {
		// Drop the line that was cut.
		if i := bytes.LastIndexByte(body, '\n'); i >= 0 {
			body = body[:i+1]
		}
	}
	return resp.StatusCode, "", body, nil
}

// parseRobots parses a robots.txt file. The parser rejects a whole file over
// a rule before the first User-agent line or a bad Crawl-delay; real files
// have both, and the crawlers that wrote the convention ignore such lines,
// so they are dropped and the rest parsed again.
func parseRobots(body []byte) (*robotstxt.RobotsData, error) {
	data, err := robotstxt.FromBytes(body)
	if err == nil {
		return data, nil
	}
	var kept [][]byte
	seenAgent := false
	for _, line := range bytes.Split(body, []byte("\n")) {
		field, _, _ := bytes.Cut(bytes.TrimSpace(line), []byte(":"))
		field = bytes.ToLower(bytes.TrimSpace(field))
		switch {
		case bytes.Equal(field, []byte("user-agent")):
			seenAgent = true
		case bytes.Equal(field, []byte("crawl-delay")):
			continue
		case !seenAgent && (bytes.Equal(field, []byte("allow")) || bytes.Equal(field, []byte("disallow"))):
			continue
		}
		kept = append(kept, line)
	}
	if data, err2 := robotstxt.FromBytes(bytes.Join(kept, []byte("\n"))); err2 == nil {
		return data, nil
	}
	return nil, err
}

// allowAll returns a group without rules, which allows every path.
func allowAll() *robotstxt.Group {
	data, _ := robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	return data.FindGroup(robotsAgent)
}
