package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv := httptest.NewServer(New(st, pipeline.New(), nil))
	t.Cleanup(srv.Close)
	return srv
}

func do(t *testing.T, method, url, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q", method, url, ct)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("%s %s: not a JSON object: %s", method, url, data)
	}
	return resp.StatusCode, out
}

const summit = `{"url":"https://example.org/summit","title":"Trump and Kim meet in Singapore","published":"2018-06-12T10:00:00+08:00",
"text":"U.S. President Donald Trump and North Korean leader Kim Jong Un met on Sentosa island on Tuesday and signed a joint statement."}`

const hanoi = `{"url":"https://example.org/hanoi","title":"Hanoi summit ends without a deal","published":"2019-02-28T15:00:00+07:00",
"text":"The second summit between the two leaders ended abruptly in Hanoi after they failed to agree on sanctions relief."}`

func TestPostListAndGetArticles(t *testing.T) {
	srv := newServer(t)
	status, body := do(t, "POST", srv.URL+"/api/articles", summit)
	if status != http.StatusCreated || body["created"] != true {
		t.Fatalf("POST = %d %v", status, body)
	}
	id := body["id"].(float64)
	if status, body = do(t, "POST", srv.URL+"/api/articles", summit); status != http.StatusOK || body["created"] != false || body["id"].(float64) != id {
		t.Errorf("second POST of the same article = %d %v; want 200, not created, same id", status, body)
	}
	do(t, "POST", srv.URL+"/api/articles", hanoi)

	_, list := do(t, "GET", srv.URL+"/api/articles", "")
	items := list["items"].([]any)
	if len(items) != 2 || items[0].(map[string]any)["title"] != "Hanoi summit ends without a deal" {
		t.Errorf("list = %v", list)
	}
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"q=sanctions", 1}, {"q=Sentosa+statement", 1}, {"q=nothing+like+this", 0},
		{"from=2019-01-01", 1}, {"to=2018-06-12", 1}, {"from=2018-01-01&to=2019-12-31", 2}, {"limit=1", 1},
	} {
		status, got := do(t, "GET", srv.URL+"/api/articles?"+tc.query, "")
		if n := len(got["items"].([]any)); status != 200 || n != tc.want {
			t.Errorf("?%s: %d, %d items; want %d", tc.query, status, n, tc.want)
		}
	}

	status, doc := do(t, "GET", srv.URL+"/api/articles/"+jsonNumber(id), "")
	if status != 200 {
		t.Fatalf("GET article = %d %v", status, doc)
	}
	article := doc["article"].(map[string]any)
	if article["published"] != "2018-06-12T10:00:00+08:00" || !strings.Contains(article["body"].(string), "Sentosa") {
		t.Errorf("article = %v", article)
	}
	for _, key := range []string{"entities", "dates", "quotes", "events"} {
		if _, ok := doc[key].([]any); !ok {
			t.Errorf("%s is not a list in %v", key, doc)
		}
	}
}

func jsonNumber(f float64) string {
	b, _ := json.Marshal(int64(f))
	return string(b)
}

func TestClearErrors(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct {
		method, path, body string
		status             int
		says               string
	}{
		{"GET", "/api/articles/999", "", 404, "no article with id 999"},
		{"GET", "/api/articles/abc", "", 400, `"abc" is not a positive number`},
		{"GET", "/api/articles?from=yesterday", "", 400, `from: "yesterday" is not a date`},
		{"GET", "/api/articles?limit=-3", "", 400, "limit"},
		{"GET", "/api/nothing", "", 404, "no API endpoint"},
		{"POST", "/api/articles", "{", 400, "invalid JSON"},
		{"POST", "/api/articles", `{"title":"x"}`, 422, `"text" or "html"`},
		{"POST", "/api/articles", `{"text":"a","colour":"red"}`, 400, `unknown field "colour"`},
		{"POST", "/api/articles", `{"text":"Talks went on.","published":"soon"}`, 422, "published"},
		{"POST", "/api/articles", `{"text":"` + strings.Repeat("a", MaxBody) + `"}`, 413, "larger than"},
	} {
		status, body := do(t, tc.method, srv.URL+tc.path, tc.body)
		msg, _ := body["error"].(string)
		if status != tc.status || !strings.Contains(msg, tc.says) {
			t.Errorf("%s %s: %d %q; want %d saying %q", tc.method, tc.path, status, msg, tc.status, tc.says)
		}
	}
}

func TestHealth(t *testing.T) {
	srv := newServer(t)
	status, body := do(t, "GET", srv.URL+"/api/health", "")
	if status != 200 || body["status"] != "ok" {
		t.Errorf("health = %d %v", status, body)
	}
}

func TestEventQuoteEntityEndpoints(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	doc := news.NewDocument(news.Article{Title: "Diplomats refuse letter", Body: "North Korean diplomats refused to accept a letter from Trump, NK News reported.",
		Published: time.Date(2025, 6, 11, 9, 0, 0, 0, time.UTC), ContentHash: "x"})
	doc.Entities = []news.EntityMention{{Text: "Trump", Type: news.Person, Canonical: "Donald Trump", Actor: "USAGOV", Start: 55, End: 60, Ref: -1}}
	doc.Quotes = []news.Quote{{Text: "we will not take it", Speaker: "Kim Song", SpeakerActor: "PRKGOV", Direct: true, Date: "2025-06-11"}}
	doc.Events = []news.Event{{Source: []string{"PRKGOV"}, Target: []string{"USAGOV"}, CAMEO: "125", PLOVER: "REJECT", QuadClass: 3, Goldstein: -5,
		Date: "2025-06-11", Evidence: doc.Article.Body, EvidenceEnd: len(doc.Article.Body), Confidence: 0.9, Rule: "refuse-accept"}}
	if _, _, err := st.Save(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, nil, nil))
	defer srv.Close()

	_, events := do(t, "GET", srv.URL+"/api/events?source=PRK&target=USA&plover=REJECT&from=2025-06-01", "")
	items := events["items"].([]any)
	if len(items) != 1 {
		t.Fatalf("events = %v", events)
	}
	e := items[0].(map[string]any)
	if e["cameo"] != "125" || e["article_title"] != "Diplomats refuse letter" || e["evidence"] == "" {
		t.Errorf("event = %v; want its code, article and evidence", e)
	}
	if _, none := do(t, "GET", srv.URL+"/api/events?source=USA", ""); len(none["items"].([]any)) != 0 {
		t.Errorf("source=USA matched a PRK event: %v", none)
	}
	_, quotes := do(t, "GET", srv.URL+"/api/quotes?speaker=kim+song", "")
	if items := quotes["items"].([]any); len(items) != 1 || items[0].(map[string]any)["speaker_actor"] != "PRKGOV" {
		t.Errorf("quotes = %v", quotes)
	}
	_, entities := do(t, "GET", srv.URL+"/api/entities?q=trump", "")
	if items := entities["items"].([]any); len(items) != 1 || items[0].(map[string]any)["canonical"] != "Donald Trump" {
		t.Errorf("entities = %v", entities)
	}
	status, page := do(t, "GET", srv.URL+"/api/entities/Donald%20Trump", "")
	if status != 200 || page["actor"] != "USAGOV" || len(page["events_as_target"].([]any)) != 1 {
		t.Errorf("entity page = %d %v", status, page)
	}
	if status, _ := do(t, "GET", srv.URL+"/api/entities/Nobody", ""); status != 404 {
		t.Errorf("unknown entity: %d", status)
	}
	if status, body := do(t, "GET", srv.URL+"/api/events?all=maybe", ""); status != 400 {
		t.Errorf("all=maybe: %d %v", status, body)
	}
}
