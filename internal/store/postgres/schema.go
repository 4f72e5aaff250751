package postgres

// migrations are applied in order, each once, in its own transaction; the
// schema_migrations table records which have run. Append new ones; never
// edit one that has shipped, since databases already past it would never
// see the change.
//
// The tables mirror the SQLite backend's, column for column where the types
// allow, so that a query written for one reads naturally on the other. The
// differences are PostgreSQL's own types: timestamptz with the publisher's
// UTC offset kept beside it (timestamptz keeps the instant, not the zone),
// text[] for lists of codes, jsonb for structured values, and a generated
// tsvector column for full-text search.
var migrations = []string{
	// 1: articles with full-text search, failures, the annotations of each
	// article, and the job queue that `newsgraph worker` drains.
	`
CREATE TABLE articles (
	id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	url                 text NOT NULL DEFAULT '',
	canonical_url       text NOT NULL DEFAULT '',
	url_key             text UNIQUE,            -- NULL when the article has no usable URL
	title               text NOT NULL DEFAULT '',
	source              text NOT NULL DEFAULT '',
	author              text NOT NULL DEFAULT '',
	published           timestamptz,
	published_offset    integer NOT NULL DEFAULT 0,  -- seconds east of UTC, as the publisher gave it
	published_precision text NOT NULL DEFAULT '',
	fetched             timestamptz,
	fetched_offset      integer NOT NULL DEFAULT 0,
	language            text NOT NULL DEFAULT '',
	body                text NOT NULL,
	removed             jsonb NOT NULL DEFAULT '[]',
	related_headlines   jsonb NOT NULL DEFAULT '[]',
	dateline            text NOT NULL DEFAULT '',
	quality_score       double precision NOT NULL DEFAULT 1,
	quality_flags       text[] NOT NULL DEFAULT '{}',
	quality             jsonb NOT NULL DEFAULT '{}',
	input               text NOT NULL DEFAULT '',
	format              text NOT NULL DEFAULT '',
	content_hash        text NOT NULL UNIQUE,
	duplicate_of        bigint REFERENCES articles(id),
	story_id            bigint,
	skipped             jsonb NOT NULL DEFAULT '[]',
	created_at          timestamptz NOT NULL DEFAULT now(),
	-- Title words weigh more than body words in ranking. The body is cut at
	-- 200,000 characters because a tsvector is capped at 1 MB: a freak
	-- document must stay storable, and no real article is that long.
	tsv tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('english'::regconfig, title), 'A') ||
		setweight(to_tsvector('english'::regconfig, left(body, 200000)), 'B')) STORED
);
CREATE INDEX articles_published ON articles (published DESC NULLS LAST, id DESC);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

CREATE TABLE failures (
	id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	input    text NOT NULL,
	stage    text NOT NULL,
	reason   text NOT NULL,
	sample   bytea,
	at       timestamptz NOT NULL,
	attempts integer NOT NULL DEFAULT 1,
	UNIQUE (input, stage)
);
CREATE INDEX failures_at ON failures (at DESC, id DESC);

CREATE TABLE entity_mentions (
	article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx        integer NOT NULL,
	text       text NOT NULL,
	type       text NOT NULL,
	canonical  text NOT NULL DEFAULT '',
	actor      text NOT NULL DEFAULT '',
	country    text NOT NULL DEFAULT '',
	start      integer NOT NULL,
	"end"      integer NOT NULL,
	ref        integer NOT NULL DEFAULT -1,
	PRIMARY KEY (article_id, idx)
);
CREATE INDEX entity_mentions_canonical ON entity_mentions (canonical);
CREATE INDEX entity_mentions_actor ON entity_mentions (actor);

CREATE TABLE date_mentions (
	article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx        integer NOT NULL,
	text       text NOT NULL,
	value      text NOT NULL,
	precision  text NOT NULL,
	start      integer NOT NULL,
	"end"      integer NOT NULL,
	PRIMARY KEY (article_id, idx)
);

CREATE TABLE quotes (
	article_id    bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx           integer NOT NULL,
	text          text NOT NULL,
	speaker       text NOT NULL DEFAULT '',
	speaker_actor text NOT NULL DEFAULT '',
	direct        boolean NOT NULL,
	cue           text NOT NULL DEFAULT '',
	date          text COLLATE "C" NOT NULL DEFAULT '',
	start         integer NOT NULL,
	"end"         integer NOT NULL,
	speaker_start integer NOT NULL DEFAULT 0,
	speaker_end   integer NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX quotes_date ON quotes (date);

-- Event dates are ISO strings ("2018-06-12", "2018-06", "2018"), compared
-- byte by byte (COLLATE "C") so that ranges mean the same under any
-- database locale.
CREATE TABLE events (
	article_id     bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx            integer NOT NULL,
	source         text[] NOT NULL,
	target         text[] NOT NULL,
	source_country text NOT NULL DEFAULT '',
	target_country text NOT NULL DEFAULT '',
	cameo          text NOT NULL,
	root_code      text NOT NULL,
	plover         text NOT NULL DEFAULT '',
	mode           text NOT NULL DEFAULT '',
	quad_class     integer NOT NULL,
	goldstein      double precision NOT NULL,
	date           text COLLATE "C" NOT NULL DEFAULT '',
	location       text NOT NULL DEFAULT '',
	source_text    text NOT NULL DEFAULT '',
	target_text    text NOT NULL DEFAULT '',
	evidence       text NOT NULL,
	evidence_start integer NOT NULL,
	evidence_end   integer NOT NULL,
	negated        boolean NOT NULL DEFAULT false,
	hypothetical   boolean NOT NULL DEFAULT false,
	confidence     double precision NOT NULL,
	rule           text NOT NULL,
	headline       boolean NOT NULL DEFAULT false,
	PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_dyad ON events (source_country, target_country, date);
CREATE INDEX events_date ON events (date);

-- The work queue: one row per input document waiting to be processed. A
-- job's payload is the document itself (see internal/queue), so that a
-- worker on any machine can process it. Done jobs are deleted; failed ones
-- stay, with their reason, until requeued.
CREATE TABLE jobs (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	key          text NOT NULL UNIQUE,    -- hash of the payload: enqueuing the same document twice adds one job
	input        text NOT NULL,
	payload      bytea NOT NULL,
	state        text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'leased', 'failed')),
	attempts     integer NOT NULL DEFAULT 0,
	worker       text NOT NULL DEFAULT '',
	leased_until timestamptz,
	error        text NOT NULL DEFAULT '',
	created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_claimable ON jobs (id) WHERE state IN ('queued', 'leased');
`,
	// 2: feed subscriptions and the items already stored from them.
	`
CREATE TABLE feeds (
	url           text PRIMARY KEY,
	title         text NOT NULL DEFAULT '',
	etag          text NOT NULL DEFAULT '',
	last_modified text NOT NULL DEFAULT '',
	added         timestamptz NOT NULL DEFAULT now(),
	last_polled   timestamptz,
	last_error    text NOT NULL DEFAULT ''
);
CREATE TABLE feed_items (
	feed_url   text NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
	item_key   text NOT NULL,
	article_id bigint,
	seen_at    timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (feed_url, item_key)
);
`,
	// 3: near-duplicate signatures and band keys, stories, and the term
	// document frequencies story clustering weighs by.
	`
CREATE TABLE article_signatures (
	article_id bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	signature  bytea NOT NULL
);
CREATE TABLE article_bands (
	article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	key        bigint NOT NULL
);
CREATE INDEX article_bands_key ON article_bands (key);
CREATE TABLE stories (
	id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	title    text NOT NULL,
	first    timestamptz NOT NULL,
	last     timestamptz NOT NULL,
	articles integer NOT NULL,
	state    jsonb NOT NULL  -- the story's term centroid (stories.StoryState)
);
CREATE INDEX stories_last ON stories (last);
CREATE TABLE term_docs (
	term text PRIMARY KEY,
	docs integer NOT NULL
);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_duplicate ON articles (duplicate_of);
`,
}
