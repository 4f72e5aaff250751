package store

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/stories"
)

// Linker is what duplicate detection and story clustering need from a store.
// Linking runs in the ingest's single writer, after an article is saved, so
// that two copies ingested at once still see each other.
type Linker interface {
	// Candidates returns stored articles sharing LSH band keys with a new
	// one, those sharing the most first (the dedup.Index contract).
	Candidates(ctx context.Context, keys []uint64, limit int) ([]int64, error)
	// Body returns a stored article's body.
	Body(ctx context.Context, id int64) (string, error)
	// ArticleLinks returns what a stored article duplicates and its story
	// (0 for none).
	ArticleLinks(ctx context.Context, id int64) (duplicateOf, storyID int64, err error)
	// Linked reports whether an article was linked already, so that an
	// ingest interrupted between saving and linking finishes the job.
	Linked(ctx context.Context, id int64) (bool, error)
	// ActiveStories returns the stories whose span overlaps [from, to].
	ActiveStories(ctx context.Context, from, to time.Time) ([]stories.StoryState, error)
	// DocFreqs returns the document frequencies of story terms so far.
	DocFreqs(ctx context.Context) (*stories.Vocab, error)
	// Link records, in one transaction, an article's signature and band
	// keys, what it duplicates, its story (created or updated), and the
	// document frequencies of its terms.
	Link(ctx context.Context, l Link) error
	// Stories lists stories, latest first; Story returns one with its
	// articles (ErrNotFound if there is none).
	Stories(ctx context.Context, q StoryQuery) ([]news.Story, error)
	Story(ctx context.Context, id int64) (*StoryDetail, error)
}

// Link is the outcome of linking one article.
type Link struct {
	ArticleID int64
	// Signature is the article's MinHash signature (dedup.Signature in its
	// binary form) and Bands its LSH band keys.
	Signature []byte
	Bands     []uint64
	// DuplicateOf is the original the article copies, 0 for an original.
	DuplicateOf int64
	// Story is the story the article joins (Story.ID 0: a new one); nil
	// leaves it without a story (an undated article, or a duplicate whose
	// original has none).
	Story *stories.StoryState
	// StoryID is set instead of Story when a duplicate joins its
	// original's story unchanged.
	StoryID int64
	// Terms are the article's story terms, counted once each into the
	// document frequencies.
	Terms []string
}

// StoryQuery selects stories by their last article's date, latest first.
type StoryQuery struct {
	Text          string
	From, To      time.Time
	Limit, Offset int
}

// StoryDetail is a story with its articles, oldest first.
type StoryDetail struct {
	news.Story
	// List is the story's articles, copies included (their DuplicateOf is
	// set); the embedded Story's Articles counts the originals.
	List []news.Article `json:"article_list"`
}
