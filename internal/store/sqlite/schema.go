package sqlite

// migrations are applied in order, each once; PRAGMA user_version records
// how many have run. Append new ones; never edit one that has shipped.
var migrations = []string{
	// 1: articles with full-text search, failures, and the annotations of
	// each article.
	`
CREATE TABLE articles (
	id                  INTEGER PRIMARY KEY,
	url                 TEXT NOT NULL DEFAULT '',
	canonical_url       TEXT NOT NULL DEFAULT '',
	url_key             TEXT,
	title               TEXT NOT NULL DEFAULT '',
	source              TEXT NOT NULL DEFAULT '',
	author              TEXT NOT NULL DEFAULT '',
	published           TEXT,          -- RFC 3339 in the publisher's own zone
	published_utc       TEXT,          -- the same instant in UTC, for sorting and ranges
	published_precision TEXT NOT NULL DEFAULT '',
	fetched             TEXT,
	language            TEXT NOT NULL DEFAULT '',
	body                TEXT NOT NULL,
	removed             TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
	related_headlines   TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
	dateline            TEXT NOT NULL DEFAULT '',
	quality_score       REAL NOT NULL DEFAULT 1,
	quality_flags       TEXT NOT NULL DEFAULT '',    -- space-separated flags
	quality             TEXT NOT NULL DEFAULT '{}',  -- JSON, with reasons
	input               TEXT NOT NULL DEFAULT '',
	format              TEXT NOT NULL DEFAULT '',
	content_hash        TEXT NOT NULL UNIQUE,
	duplicate_of        INTEGER REFERENCES articles(id),
	story_id            INTEGER,
	skipped             TEXT NOT NULL DEFAULT '[]',
	created_at          TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;
CREATE INDEX articles_published ON articles(published_utc);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TABLE failures (
	id       INTEGER PRIMARY KEY,
	input    TEXT NOT NULL,
	stage    TEXT NOT NULL,
	reason   TEXT NOT NULL,
	sample   BLOB,
	at       TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 1,
	UNIQUE (input, stage)
);

CREATE TABLE entity_mentions (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	canonical  TEXT NOT NULL DEFAULT '',
	actor      TEXT NOT NULL DEFAULT '',
	country    TEXT NOT NULL DEFAULT '',
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	ref        INTEGER NOT NULL DEFAULT -1,
	PRIMARY KEY (article_id, idx)
);
CREATE INDEX entity_mentions_canonical ON entity_mentions(canonical);
CREATE INDEX entity_mentions_actor ON entity_mentions(actor);

CREATE TABLE date_mentions (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	value      TEXT NOT NULL,
	precision  TEXT NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	PRIMARY KEY (article_id, idx)
);

CREATE TABLE quotes (
	article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx           INTEGER NOT NULL,
	text          TEXT NOT NULL,
	speaker       TEXT NOT NULL DEFAULT '',
	speaker_actor TEXT NOT NULL DEFAULT '',
	direct        INTEGER NOT NULL,
	cue           TEXT NOT NULL DEFAULT '',
	date          TEXT NOT NULL DEFAULT '',
	start         INTEGER NOT NULL,
	"end"         INTEGER NOT NULL,
	speaker_start INTEGER NOT NULL DEFAULT 0,
	speaker_end   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE events (
	article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx            INTEGER NOT NULL,
	source         TEXT NOT NULL,  -- JSON list of actor codes
	target         TEXT NOT NULL,  -- JSON list of actor codes
	source_country TEXT NOT NULL DEFAULT '',
	target_country TEXT NOT NULL DEFAULT '',
	cameo          TEXT NOT NULL,
	root_code      TEXT NOT NULL,
	plover         TEXT NOT NULL DEFAULT '',
	mode           TEXT NOT NULL DEFAULT '',
	quad_class     INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	date           TEXT NOT NULL DEFAULT '',
	location       TEXT NOT NULL DEFAULT '',
	source_text    TEXT NOT NULL DEFAULT '',
	target_text    TEXT NOT NULL DEFAULT '',
	evidence       TEXT NOT NULL,
	evidence_start INTEGER NOT NULL,
	evidence_end   INTEGER NOT NULL,
	negated        INTEGER NOT NULL DEFAULT 0,
	hypothetical   INTEGER NOT NULL DEFAULT 0,
	confidence     REAL NOT NULL,
	rule           TEXT NOT NULL,
	headline       INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_dyad ON events(source_country, target_country, date);
CREATE INDEX events_date ON events(date);
`,
	// 2: feed subscriptions and the items already stored from them.
	`
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	added         TEXT NOT NULL,
	last_polled   TEXT,
	last_error    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE feed_items (
	feed_url   TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
	item_key   TEXT NOT NULL,
	article_id INTEGER,
	seen_at    TEXT NOT NULL,
	PRIMARY KEY (feed_url, item_key)
);
`,
	// 3: near-duplicate signatures and band keys, stories, and the term
	// document frequencies story clustering weighs by.
	`
CREATE TABLE article_signatures (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	signature  BLOB NOT NULL
);
CREATE TABLE article_bands (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	key        INTEGER NOT NULL
);
CREATE INDEX article_bands_key ON article_bands(key);
CREATE TABLE stories (
	id       INTEGER PRIMARY KEY,
	title    TEXT NOT NULL,
	first    TEXT NOT NULL,
	last     TEXT NOT NULL,
	articles INTEGER NOT NULL,
	state    TEXT NOT NULL  -- JSON: the story's term centroid
);
CREATE INDEX stories_last ON stories(last);
CREATE TABLE term_docs (
	term TEXT PRIMARY KEY,
	docs INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_duplicate ON articles(duplicate_of);
`,
}
