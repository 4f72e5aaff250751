package events

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// BenchmarkAnnotate measures the events stage alone on an article whose
// entities and dates the earlier stages have already found, and reports
// sentences per second.
func BenchmarkAnnotate(b *testing.B) {
	body, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	pub := day(2025, 3, 8)
	doc := news.NewDocument(news.Article{Title: "North Korea Fires Two Ballistic Missiles", Body: string(body), Published: pub, Language: "en"})
	testTagger.Annotate(doc)
	doc.Dates = timex.Find(doc.Article.Body, pub)
	sentences := len(splitSentences(doc.Article.Body, 0, len(doc.Article.Body))) + 1
	c := New(nil)
	c.Annotate(doc) // load the tagger model outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Annotate(doc)
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
