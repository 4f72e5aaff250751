// Package pipeline wires newsgraph's stages together: extract, then the
// annotators (entities, dates, quotes, events), in one direction. It is the
// only package that knows the order of the stages; each stage stays a pure
// function of its input, and only Ingest touches the store.
package pipeline

import (
	"fmt"

	"github.com/newsgraph/newsgraph/internal/extract"
	"github.com/newsgraph/newsgraph/internal/news"
)

// An Annotator adds one kind of annotation to a document. Annotate must be
// safe for concurrent use on different documents.
type Annotator interface {
	// Name is the annotator's stage name, as reported in Document.Skipped.
	Name() string
	// EnglishOnly reports that the annotator's rules and models are for
	// English text, so that it is skipped (and says so) on other languages
	// rather than producing garbage.
	EnglishOnly() bool
	Annotate(doc *news.Document)
}

// Pipeline turns raw documents into annotated documents.
type Pipeline struct {
	annotators []Annotator
}

// New returns a pipeline that runs the annotators in order after extraction.
func New(annotators ...Annotator) *Pipeline {
	return &Pipeline{annotators: annotators}
}

// Annotators returns the annotators in the order they run.
func (p *Pipeline) Annotators() []Annotator { return p.annotators }

// Process extracts the article from raw and annotates it. The error, if any,
// comes from extraction: an annotator cannot fail a document.
func (p *Pipeline) Process(raw news.Raw) (*news.Document, error) {
	a, err := extract.Article(raw)
	if err != nil {
		return nil, err
	}
	doc := news.NewDocument(a)
	p.Annotate(doc)
	return doc, nil
}

// Annotate runs the annotators on an already extracted document.
func (p *Pipeline) Annotate(doc *news.Document) {
	lang := doc.Article.Language
	for _, an := range p.annotators {
		if an.EnglishOnly() && lang != "en" {
			reason := "language unknown"
			if lang != "" {
				reason = fmt.Sprintf("non-English text (%s)", lang)
			}
			doc.Skipped = append(doc.Skipped, an.Name()+": "+reason)
			continue
		}
		an.Annotate(doc)
	}
}
