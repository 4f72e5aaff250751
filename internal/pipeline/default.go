package pipeline

import (
	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/entities"
	"github.com/newsgraph/newsgraph/internal/events"
	"github.com/newsgraph/newsgraph/internal/quotes"
)

// Default returns the pipeline with every annotator newsgraph has, in the
// order they depend on each other: names and dates first, then the quotes
// and events that use them. kb is the actor knowledge base (nil for the
// built-in one).
func Default(kb *actors.KB) *Pipeline {
	if kb == nil {
		kb = actors.Default()
	}
	return New(entities.New(kb), Dates{}, quotes.New(kb), events.New(nil, events.WithKB(kb)))
}
