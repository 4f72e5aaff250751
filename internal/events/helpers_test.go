package events

import (
	"time"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/entities"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/quotes"
	"github.com/newsgraph/newsgraph/internal/timex"
)

var (
	testKB     = actors.Default()
	testTagger = entities.New(testKB)
	testQuotes = quotes.New(testKB)
	testCoder  = New(nil)
)

// annotate runs the real stages before ours, as the pipeline does:
// entities, dates and quotes, then events.
func annotate(title, body string, published time.Time) *news.Document {
	doc := news.NewDocument(news.Article{Title: title, Body: body, Published: published, Language: "en"})
	testTagger.Annotate(doc)
	doc.Dates = timex.Find(body, published)
	testQuotes.Annotate(doc)
	testCoder.Annotate(doc)
	return doc
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
