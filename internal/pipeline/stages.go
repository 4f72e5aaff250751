package pipeline

import (
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// Dates finds the time expressions in the body and resolves them against the
// publication date (in the publisher's own time zone).
type Dates struct{}

// Name implements Annotator.
func (Dates) Name() string { return "dates" }

// EnglishOnly implements Annotator: the grammar of time expressions is
// English.
func (Dates) EnglishOnly() bool { return true }

// Annotate implements Annotator.
func (Dates) Annotate(doc *news.Document) {
	doc.Dates = timex.Find(doc.Article.Body, doc.Article.Published)
}
