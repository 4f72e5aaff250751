package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// feedServer serves a feed with one full-text item, one summary-only item
// whose page must be fetched, and one item whose page robots.txt forbids.
func feedServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var feedFetches atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		feedFetches.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		base := "http://" + r.Host
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Korea Desk</title><link>%[1]s/</link>
<item><title>Leaders meet at the border</title><link>%[1]s/dmz</link><guid>dmz-1</guid><pubDate>Sun, 30 Jun 2019 22:30:00 +0900</pubDate>
<description>President Donald Trump stepped into North Korea on Sunday and met Kim Jong Un at Panmunjom, the first time a sitting U.S. president had set foot in the country. The two men talked for nearly an hour in a building on the southern side of the line and agreed that negotiators would meet again within weeks, officials said. South Korean President Moon Jae-in joined them briefly outside. Neither side gave a date for the working-level talks, which stalled after the Hanoi summit in February, but both described the meeting as a fresh start for diplomacy that had gone quiet for four months.</description></item>
<item><title>Envoy to visit Seoul</title><link>%[1]s/envoy</link><guid>envoy-2</guid><pubDate>Mon, 01 Jul 2019 09:00:00 +0900</pubDate>
<description>The U.S. envoy will travel to Seoul…</description></item>
<item><title>Members only</title><link>%[1]s/private/memo</link><guid>memo-3</guid><pubDate>Mon, 01 Jul 2019 10:00:00 +0900</pubDate>
<description>Read more…</description></item>
</channel></rss>`, base)
	})
	mux.HandleFunc("/envoy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Envoy to visit Seoul</title></head><body><article>
<p>Stephen Biegun, the U.S. special representative for North Korea, will travel to Seoul on Friday to prepare for working-level talks with Pyongyang, the State Department said on Monday.</p>
<p>Biegun is expected to meet South Korean officials and discuss how to restart negotiations that stalled after the Hanoi summit in February.</p>
</article></body></html>`)
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("robots.txt forbids %s, but it was fetched", r.URL.Path)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &feedFetches
}

func TestFeedsPollIngestsNewItemsOnce(t *testing.T) {
	srv, fetches := feedServer(t)
	db := filepath.Join(t.TempDir(), "feeds.db")
	if code, out, stderr := run(t, "", "feeds", "add", "--db", db, srv.URL+"/feed.rss"); code != 0 || !strings.Contains(out, "added") {
		t.Fatalf("feeds add: %d %s %s", code, out, stderr)
	}
	code, _, stderr := run(t, "", "feeds", "poll", "--db", db, "--host-delay=-1ns")
	if code != 0 || !strings.Contains(stderr, "2 new items") || !strings.Contains(stderr, "stored 2") {
		t.Fatalf("first poll: exit %d\n%s", code, stderr)
	}
	code, _, stderr = run(t, "", "feeds", "poll", "--db", db, "--host-delay=-1ns")
	if code != 0 || !strings.Contains(stderr, "not modified") || fetches.Load() != 2 {
		t.Fatalf("second poll: exit %d, %d feed fetches\n%s", code, fetches.Load(), stderr)
	}

	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, _ := st.Articles(context.Background(), store.ArticleQuery{})
	if len(arts) != 2 {
		t.Fatalf("articles = %d, want 2", len(arts))
	}
	var envoy, dmz int64
	for _, a := range arts {
		switch a.Title {
		case "Envoy to visit Seoul":
			envoy = a.ID
			if !strings.Contains(a.Body, "Stephen Biegun, the U.S. special representative") {
				t.Errorf("summary-only item: body %q; want the page's full text", a.Body)
			}
		case "Leaders meet at the border":
			dmz = a.ID
		}
	}
	if envoy == 0 || dmz == 0 {
		t.Fatalf("titles: %v", arts)
	}
	// The envoy item was published at 09:00 on Monday in Seoul, which is
	// still Sunday in UTC: its "on Monday" must resolve against the local
	// day, so the feed's own zone has to survive into the article.
	doc, err := st.Document(context.Background(), envoy)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Article.Published.Format("2006-01-02T15:04:05-07:00"); got != "2019-07-01T09:00:00+09:00" {
		t.Errorf("published = %s; want the feed's own zone", got)
	}
	var monday string
	for _, d := range doc.Dates {
		if d.Text == "on Monday" {
			monday = d.Value
		}
	}
	if monday != "2019-07-01" {
		t.Errorf(`"on Monday" = %q in %+v; want 2019-07-01, the local publication day (in UTC it was still Sunday)`, monday, doc.Dates)
	}
	fs, _ := st.Failures(context.Background(), store.FailureQuery{})
	if len(fs) != 1 || fs[0].Stage != StageFetch || !strings.Contains(fs[0].Input, "/private/memo") {
		t.Errorf("failures = %+v; want the robots-disallowed page", fs)
	}
	feedsList, _ := st.Feeds(context.Background())
	if len(feedsList) != 1 || feedsList[0].Title != "Korea Desk" || feedsList[0].Items != 2 || feedsList[0].ETag != `"v1"` {
		t.Errorf("feeds = %+v", feedsList)
	}
}
