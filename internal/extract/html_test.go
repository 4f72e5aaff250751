package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

func readPage(t *testing.T, name string) news.Raw {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return news.Raw{Input: name, Format: "html", URL: "https://www.coastalledger.example/news/" + name, HTML: data}
}

// The deck (standfirst) under the headline is the editor's summary, not the
// reported text: it leaves the body, which starts with the first paragraph,
// and is listed as removed.
func TestDeckIsRemovedFromTheBody(t *testing.T) {
	a, err := Article(readPage(t, "deck-standfirst.html"))
	if err != nil {
		t.Fatal(err)
	}
	const deck = "Councillors back an early shutdown after a three-year campaign by residents, but the plant's 400 workers want guarantees on retraining."
	if a.Title != "Harbour city votes to close coal plant by 2030" {
		t.Errorf("title = %q", a.Title)
	}
	if strings.Contains(a.Body, "Councillors back an early shutdown") {
		t.Errorf("the deck stayed in the body:\n%s", a.Body)
	}
	if !contains(a.Removed, deck) {
		t.Errorf("the deck is not listed as removed: %q", a.Removed)
	}
	if !strings.HasPrefix(a.Body, "The city council voted 31 to 9 on Tuesday night") ||
		!strings.HasSuffix(a.Body, "a new grid connection being finished by 2029.") {
		t.Errorf("body does not run from the first to the last paragraph:\n%s", a.Body)
	}
	for _, chrome := range []string{"Most read", "Ferry fares", "All rights reserved"} {
		if strings.Contains(a.Body, chrome) {
			t.Errorf("body keeps chrome %q", chrome)
		}
	}
}

// A deck-like line that is not under the headline is article text.
func TestDropDeckOnlyAtTheTop(t *testing.T) {
	body := "First paragraph of the story, with its facts.\n\nA summary-like line deep in the story."
	got, removed := dropDeck(body, []string{"A summary-like line deep in the story."}, nil)
	if got != body || len(removed) != 0 {
		t.Errorf("dropDeck removed a paragraph below the top: %q, %q", got, removed)
	}
}

// A page that declares its charset only after 1024 bytes of script is still
// read as UTF-8, not as windows-1252 (which turns "é" into "Ã©").
func TestLateCharsetDeclaration(t *testing.T) {
	page := "<!DOCTYPE html><html><head><script>var x = '" + strings.Repeat("a", 1200) + "';</script>" +
		`<meta http-equiv="content-type" content="text/html; charset=UTF-8"><title>Fête</title></head><body><article>` +
		strings.Repeat("<p>Le café de la gare a rouvert ses portes après des travaux de rénovation qui ont duré près de deux ans, à la grande joie des habitués du quartier.</p>", 4) +
		"</article></body></html>"
	a, err := Article(news.Raw{Input: "late.html", Format: "html", HTML: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "Le café de la gare") || strings.Contains(a.Body, "Ã") {
		t.Errorf("body decoded wrongly:\n%s", a.Body)
	}
}

// trafilatura trims the text around inline elements; the words they
// separate keep their space, and list items stay separate paragraphs.
func TestInlineSpacingAndListItems(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Faster builds</title></head><body><article>
<p>Install the dependencies first, so that a change to your code does not invalidate the cached layer in the <code>Dockerfile</code> and every rebuild stays fast for the whole team.</p>
<p>Pin the versions you install with <em>pip-tools</em>, <em>pipenv</em> or <em>poetry</em>, and check the lock file into version control next to the code.</p>
<ul><li>Separate logical and pinned dependencies in two files</li><li>Install the pinned dependencies before copying the code</li><li>Rebuild the lock file when a logical dependency changes</li></ul>
<p>With this layout a rebuild after a code change takes seconds instead of minutes, because the dependency layer is reused from the cache.</p>
</article></body></html>`
	a, err := Article(news.Raw{Input: "builds.html", Format: "html", HTML: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"in the Dockerfile and every rebuild", "with pip-tools, pipenv or poetry, and check",
		"Separate logical and pinned dependencies in two files\n\nInstall the pinned dependencies"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
}

func BenchmarkArticleHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "deck-standfirst.html"))
	if err != nil {
		b.Fatal(err)
	}
	raw := news.Raw{Input: "deck.html", Format: "html", HTML: data}
	for b.Loop() {
		if _, err := Article(raw); err != nil {
			b.Fatal(err)
		}
	}
}
