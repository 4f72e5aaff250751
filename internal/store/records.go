package store

import (
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// ArticleRef names the article a record came from, so that every record
// links back to its evidence.
type ArticleRef struct {
	ArticleID        int64     `json:"article_id"`
	ArticleTitle     string    `json:"article_title"`
	ArticleURL       string    `json:"article_url"`
	ArticleSource    string    `json:"article_source"`
	ArticlePublished time.Time `json:"article_published,omitzero"`
	// ArticleDuplicateOf is the original the article copies (0 for an
	// original), so that merged counts count a copy once.
	ArticleDuplicateOf int64 `json:"article_duplicate_of,omitempty"`
}

// EventRecord is a stored event with the article it was coded from.
type EventRecord struct {
	news.Event
	ArticleRef
	// Index is the event's position in its article, so that (ArticleID,
	// Index) identifies it.
	Index int `json:"index"`
}

// EventQuery selects events, newest first. Source and Target match an
// actor code by prefix: "USA" matches USAGOV and USAMIL, "USAGOV" only it.
type EventQuery struct {
	Source, Target string
	// PLOVER is an event type (CONSULT); CAMEO a code prefix ("04", "042").
	PLOVER, CAMEO string
	// From and To bound the event date, inclusive, as days.
	From, To time.Time
	// AllModalities includes negated and hypothetical events, which are
	// otherwise left out: they are not facts.
	AllModalities bool
	ArticleID     int64
	Limit, Offset int
}

// QuoteRecord is a stored quote with the article it came from.
type QuoteRecord struct {
	news.Quote
	ArticleRef
	Index int `json:"index"`
}

// QuoteQuery selects quotes, newest first. Speaker matches any part of the
// speaker's name, ignoring case; Actor matches the speaker's actor code by
// prefix.
type QuoteQuery struct {
	Speaker, Actor string
	From, To       time.Time
	DirectOnly     bool
	ArticleID      int64
	Limit, Offset  int
}

// EntitySummary is one canonical entity with how often it is mentioned.
type EntitySummary struct {
	Canonical string `json:"canonical"`
	Type      string `json:"type"`
	// Actor is the actor code most often given to the entity's mentions.
	Actor    string `json:"actor"`
	Mentions int    `json:"mentions"`
	Articles int    `json:"articles"`
}

// EntityQuery selects entities, most mentioned first. Text matches any part
// of the canonical name, ignoring case.
type EntityQuery struct {
	Text, Type    string
	Limit, Offset int
}

// ActorSpan is an actor code an entity was given over a span of article
// dates: its roles over time as the articles saw them.
type ActorSpan struct {
	Actor    string    `json:"actor"`
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
	Mentions int       `json:"mentions"`
}

// EntityDetail is everything known about one canonical entity.
type EntityDetail struct {
	EntitySummary
	// Aliases are the surface forms the entity was written as.
	Aliases []string    `json:"aliases"`
	Roles   []ActorSpan `json:"roles"`
	// Recent are the articles that mention the entity, newest first.
	Recent []ArticleRef `json:"recent_articles"`
}
