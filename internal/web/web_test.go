package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

func TestHomeListsHeadlinesEscaped(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, a := range []news.Article{
		{Title: "Pompeo lands in Pyongyang", Body: "The secretary of state arrived for talks on Friday.", ContentHash: "1"},
		{Title: `<script>alert("x")</script> Hanoi talks`, Body: "The summit ended early.", ContentHash: "2"},
	} {
		if _, _, err := st.Save(context.Background(), news.NewDocument(a)); err != nil {
			t.Fatal(err)
		}
	}
	ui, err := New(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	ui.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, tc := range []struct {
		path    string
		want    []string
		wantNot []string
	}{
		{"/", []string{"Latest headlines", "Pompeo lands in Pyongyang", "&lt;script&gt;"}, []string{`<script>alert`}},
		{"/?q=summit", []string{"Articles matching", "Hanoi talks"}, []string{"Pompeo"}},
	} {
		resp, err := http.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", tc.path, resp.StatusCode)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s: missing %q", tc.path, w)
			}
		}
		for _, w := range tc.wantNot {
			if strings.Contains(string(body), w) {
				t.Errorf("%s: contains %q", tc.path, w)
			}
		}
	}
}
