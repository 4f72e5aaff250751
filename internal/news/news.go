// Package news holds the domain types that flow through newsgraph's pipeline:
// raw input documents, clean articles, and the annotations derived from them
// (entity mentions, date expressions, quotes, events) plus the stories that
// group articles. It has no dependencies beyond the standard library so that
// every stage, the store and the API can share it without import cycles.
//
// Offsets (Start, End) are always byte offsets into Article.Body.
package news

import (
	"encoding/json"
	"time"
)

// Raw is one input document as read from a file, a feed, a WARC record or a
// JSON line, before any extraction. Exactly one of Text or HTML is set.
type Raw struct {
	// Input names where the document came from (a path, "path:line",
	// "path#record", or a URL) so that errors and failures can point at it.
	Input string
	// Format is the input format: "text", "html", "json", "jsonl", "feed", "warc".
	Format string

	URL       string
	Title     string
	Source    string
	Published time.Time // zero when the input carries no date
	Fetched   time.Time // zero when unknown

	Text string
	HTML []byte
	// Charset is the charset declared by the transport (HTTP header, WARC
	// record), if any; HTML documents may also declare their own.
	Charset string
}

// Article is a clean news article: its main text without site chrome, and its
// metadata.
type Article struct {
	ID           int64     `json:"id,omitempty"`
	Title        string    `json:"title"`
	URL          string    `json:"url"`
	CanonicalURL string    `json:"canonical_url,omitempty"`
	Source       string    `json:"source,omitempty"`
	Author       string    `json:"author,omitempty"`
	Published    time.Time `json:"published"`
	// PublishedPrecision is "second", "day" or "" (unknown); a page that only
	// gives a date must not be read as midnight UTC.
	PublishedPrecision string    `json:"published_precision,omitempty"`
	Fetched            time.Time `json:"fetched,omitzero"`
	Language           string    `json:"language"`
	Body               string    `json:"body"`
	// Removed lists every string taken out of the text as chrome, in order.
	Removed []string `json:"removed"`
	// RelatedHeadlines are titles of other stories found as a trailing or
	// leading list; they are not part of this article.
	RelatedHeadlines []string `json:"related_headlines,omitempty"`
	// Dateline is the place (and date, if given) a dateline opened the text with.
	Dateline string  `json:"dateline,omitempty"`
	Quality  Quality `json:"quality"`

	Input  string `json:"input,omitempty"`
	Format string `json:"format,omitempty"`
	// ContentHash identifies the normalised body text; two articles with the
	// same hash are the same article.
	ContentHash string `json:"content_hash,omitempty"`
	DuplicateOf int64  `json:"duplicate_of,omitempty"`
	StoryID     int64  `json:"story_id,omitempty"`
}

// MarshalJSON writes an unknown publication date as null rather than as
// year 1, which a reader could take for a date.
func (a Article) MarshalJSON() ([]byte, error) {
	type plain Article
	out := struct {
		plain
		Published *time.Time `json:"published"`
	}{plain: plain(a)}
	if !a.Published.IsZero() {
		out.Published = &a.Published
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (a *Article) UnmarshalJSON(data []byte) error {
	type plain Article
	in := struct {
		*plain
		Published *time.Time `json:"published"`
	}{plain: (*plain)(a)}
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	a.Published = time.Time{}
	if in.Published != nil {
		a.Published = *in.Published
	}
	return nil
}

// Quality describes how far an article's text can be trusted.
type Quality struct {
	// Score is 1 for clean text and falls towards 0 with each problem found.
	Score float64 `json:"score"`
	// Flags name the problems: short, boilerplate_heavy, truncated,
	// non_english, suspected_machine_translation.
	Flags []string `json:"flags"`
	// Reasons explain the flags with the evidence found in the text.
	Reasons []string `json:"reasons,omitempty"`
}

// Quality flags.
const (
	FlagShort              = "short"
	FlagBoilerplateHeavy   = "boilerplate_heavy"
	FlagTruncated          = "truncated"
	FlagNonEnglish         = "non_english"
	FlagMachineTranslation = "suspected_machine_translation"
)

// HasFlag reports whether q carries flag.
func (q Quality) HasFlag(flag string) bool {
	for _, f := range q.Flags {
		if f == flag {
			return true
		}
	}
	return false
}

// Entity types.
const (
	Person       = "PERSON"
	Organization = "ORG"
	Location     = "LOCATION"
)

// EntityMention is one name in the body, resolved where possible to a
// canonical entity and to the CAMEO-style actor code it stands for on the
// article's date.
type EntityMention struct {
	Text      string `json:"text"`
	Type      string `json:"type"`
	Canonical string `json:"canonical"`
	Actor     string `json:"actor"`
	// Country is the ISO 3166 alpha-3 code of a LOCATION that is, or lies in,
	// a country.
	Country string `json:"country,omitempty"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	// Ref is set on pronouns and role nouns resolved to an earlier mention:
	// the index of that mention in the document's entity list, else -1.
	Ref int `json:"ref"`
}

// Date precisions.
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
	PrecisionRange = "range"
	// PrecisionUnresolved marks a relative expression with no publication
	// date to resolve it against.
	PrecisionUnresolved = "unresolved"
)

// DateMention is one time expression in the body resolved against the
// publication date. Value is an ISO 8601 date ("2018-06-12"), month
// ("2018-06"), year ("2018") or interval ("2018-02-15/2018-03-01"); it is
// empty when Precision is unresolved.
type DateMention struct {
	Text      string `json:"text"`
	Value     string `json:"value"`
	Precision string `json:"precision"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Quote is a direct quotation or a reported-speech attribution with its speaker.
type Quote struct {
	Text         string `json:"text"`
	Speaker      string `json:"speaker"`
	SpeakerActor string `json:"speaker_actor"`
	Direct       bool   `json:"direct"`
	Start        int    `json:"start"`
	End          int    `json:"end"`
	Cue          string `json:"cue,omitempty"`
	// SpeakerStart and SpeakerEnd locate the speaker's mention in the body,
	// when it is named there; both are 0 otherwise.
	SpeakerStart int    `json:"speaker_start,omitempty"`
	SpeakerEnd   int    `json:"speaker_end,omitempty"`
	Date         string `json:"date,omitempty"`
}

// Event is one coded interaction: who did what to whom, when and where, with
// the sentence that proves it and the rule that fired.
type Event struct {
	Source    []string `json:"source"`
	Target    []string `json:"target"`
	CAMEO     string   `json:"cameo"`
	PLOVER    string   `json:"plover"`
	Mode      string   `json:"mode,omitempty"`
	QuadClass int      `json:"quad_class"`
	Goldstein float64  `json:"goldstein"`
	Date      string   `json:"date"`
	Location  string   `json:"location"`
	// SourceText and TargetText are the words the actors were coded from.
	SourceText    string  `json:"source_text,omitempty"`
	TargetText    string  `json:"target_text,omitempty"`
	Evidence      string  `json:"evidence"`
	EvidenceStart int     `json:"evidence_start"`
	EvidenceEnd   int     `json:"evidence_end"`
	Negated       bool    `json:"negated"`
	Hypothetical  bool    `json:"hypothetical"`
	Confidence    float64 `json:"confidence"`
	Rule          string  `json:"rule"`
	// Headline is true when the event was coded from the article's title
	// rather than its body; offsets then refer to the title.
	Headline bool `json:"headline,omitempty"`
}

// Factual reports whether the event is asserted as having happened.
func (e Event) Factual() bool { return !e.Negated && !e.Hypothetical }

// Story groups articles about the same development.
type Story struct {
	ID       int64     `json:"id"`
	Title    string    `json:"title"`
	First    time.Time `json:"first"`
	Last     time.Time `json:"last"`
	Articles int       `json:"articles"`
}

// Document is an article with every annotation newsgraph derives from it. It
// is what `newsgraph annotate` prints and what the store keeps together.
// A stage that has not run leaves its list empty, never nil, so that the JSON
// always has every key.
type Document struct {
	Article  Article         `json:"article"`
	Entities []EntityMention `json:"entities"`
	Dates    []DateMention   `json:"dates"`
	Quotes   []Quote         `json:"quotes"`
	Events   []Event         `json:"events"`
	// Skipped names the stages that did not run on this document and why,
	// e.g. "entities: non-English text (de)".
	Skipped []string `json:"skipped,omitempty"`
}

// NewDocument returns a Document for a with every annotation list empty.
func NewDocument(a Article) *Document {
	return &Document{
		Article:  a,
		Entities: []EntityMention{},
		Dates:    []DateMention{},
		Quotes:   []Quote{},
		Events:   []Event{},
	}
}
