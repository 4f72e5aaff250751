// Package store defines how newsgraph keeps what it extracts. Only the store
// implementations (sqlite, postgres) talk SQL; every other package works with
// these types and interfaces.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Store keeps documents with their annotations, and the inputs that failed.
type Store interface {
	// Save stores doc in one transaction, unless an article with the same
	// canonical URL or the same normalised text is already stored. It
	// returns the article's id and whether it was new.
	Save(ctx context.Context, doc *news.Document) (id int64, created bool, err error)
	// Known reports the id of a stored article with this canonical URL, so
	// that an ingest can skip work for inputs it already has.
	Known(ctx context.Context, url string) (id int64, ok bool, err error)
	RecordFailure(ctx context.Context, f Failure) error
	Failures(ctx context.Context, q FailureQuery) ([]Failure, error)
	Articles(ctx context.Context, q ArticleQuery) ([]news.Article, error)
	// Document returns an article with every annotation stored for it, or
	// ErrNotFound.
	Document(ctx context.Context, id int64) (*news.Document, error)
	Stats(ctx context.Context) (Stats, error)

	Events(ctx context.Context, q EventQuery) ([]EventRecord, error)
	Quotes(ctx context.Context, q QuoteQuery) ([]QuoteRecord, error)
	Entities(ctx context.Context, q EntityQuery) ([]EntitySummary, error)
	// Entity returns one canonical entity, or ErrNotFound.
	Entity(ctx context.Context, canonical string) (*EntityDetail, error)

	FeedStore

	Close() error
}

// FeedStore keeps feed subscriptions and which of their items were stored.
type FeedStore interface {
	// AddFeed subscribes to a feed; adding one already there is not an error.
	AddFeed(ctx context.Context, url string) (created bool, err error)
	Feeds(ctx context.Context) ([]Feed, error)
	// UpdateFeed records the outcome of a poll: the validators for the next
	// conditional GET, the feed's title, the time and any error.
	UpdateFeed(ctx context.Context, f Feed) error
	FeedItemSeen(ctx context.Context, feedURL, key string) (bool, error)
	// MarkFeedItem records that a feed's item was stored (or deliberately
	// skipped, with articleID 0) so that it is not fetched again.
	MarkFeedItem(ctx context.Context, feedURL, key string, articleID int64) error
}

// Feed is a subscription polled by `newsgraph feeds poll`.
type Feed struct {
	URL          string    `json:"url"`
	Title        string    `json:"title"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Added        time.Time `json:"added"`
	LastPolled   time.Time `json:"last_polled,omitzero"`
	LastError    string    `json:"last_error,omitempty"`
	Items        int       `json:"items"`
}

// ErrNotFound is returned for an id that does not exist.
var ErrNotFound = errors.New("not found")

// Failure records an input that could not be processed, with the stage that
// rejected it and why. A failure is kept (quarantined), never dropped; an
// input that fails again updates its record rather than adding another.
type Failure struct {
	ID       int64     `json:"id"`
	Input    string    `json:"input"`
	Stage    string    `json:"stage"`
	Reason   string    `json:"reason"`
	Sample   []byte    `json:"sample,omitempty"`
	At       time.Time `json:"at"`
	Attempts int       `json:"attempts"`
}

// Failure stages.
const (
	StageRead    = "read"
	StageExtract = "extract"
	StageStore   = "store"
)

// FailureQuery selects failures, newest first.
type FailureQuery struct {
	Stage  string
	Limit  int
	Offset int
}

// ArticleQuery selects articles, newest publication first. Text is a
// full-text query over title and body (words, all of which must occur).
type ArticleQuery struct {
	Text     string
	From, To time.Time
	Limit    int
	Offset   int
}

// Stats counts what the store holds.
type Stats struct {
	Articles int64 `json:"articles"`
	Failures int64 `json:"failures"`
	Entities int64 `json:"entities"`
	Dates    int64 `json:"dates"`
	Quotes   int64 `json:"quotes"`
	Events   int64 `json:"events"`
}

// DefaultLimit is the page size when a query gives none.
const DefaultLimit = 50

// MaxLimit bounds a page, so that one request cannot ask for everything.
const MaxLimit = 1000

// ClampLimit returns a page size within [1, MaxLimit].
func ClampLimit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}
