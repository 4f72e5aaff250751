// Package sqlite is newsgraph's embedded store: one SQLite file, through the
// pure-Go modernc.org/sqlite driver (no cgo), in WAL mode so that the API can
// read while an ingest writes, with FTS5 over article titles and bodies.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// Store is a store.Store on one SQLite database file.
type Store struct {
	db   *sql.DB
	path string
}

var _ store.Store = (*Store)(nil)

// Open opens (creating if needed) the database at path and brings its schema
// up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(15000)", "foreign_keys(ON)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	// Writers take the write lock when their transaction begins, so that two
	// processes never deadlock upgrading read locks.
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies the migrations this database lacks. Each runs in an
// immediate transaction that first re-reads the schema version, so that two
// processes opening a new database at once (an ingest and a server) cannot
// both apply the same migration.
func (s *Store) migrate(ctx context.Context) error {
	for {
		done, err := s.migrateOne(ctx)
		if err != nil || done {
			return err
		}
	}
}

func (s *Store) migrateOne(ctx context.Context) (done bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	switch {
	case version > len(migrations):
		return false, fmt.Errorf("database schema version %d is newer than this newsgraph (%d); upgrade newsgraph", version, len(migrations))
	case version == len(migrations):
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, migrations[version]); err != nil {
		return false, fmt.Errorf("migration %d: %w", version+1, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version+1)); err != nil {
		return false, fmt.Errorf("migration %d: %w", version+1, err)
	}
	return false, tx.Commit()
}

const timeFormat = time.RFC3339Nano

func formatTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(timeFormat)
}

func formatUTC(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

func parseTime(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, _ := time.Parse(timeFormat, s.String)
	return t
}

func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// Known implements store.Store.
func (s *Store) Known(ctx context.Context, rawURL string) (int64, bool, error) {
	key := store.URLKey(rawURL)
	if key == "" {
		return 0, false, nil
	}
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT id FROM articles WHERE url_key = ?", key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// Save implements store.Store.
func (s *Store) Save(ctx context.Context, doc *news.Document) (int64, bool, error) {
	a := &doc.Article
	key := store.URLKey(firstNonEmpty(a.CanonicalURL, a.URL))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()

	var existing int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE content_hash = ? OR (url_key IS NOT NULL AND url_key = ?) LIMIT 1`,
		a.ContentHash, key).Scan(&existing)
	switch {
	case err == nil:
		return existing, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, false, err
	}

	var urlKey any
	if key != "" {
		urlKey = key
	}
	var dup any
	if a.DuplicateOf != 0 {
		dup = a.DuplicateOf
	}
	var storyID any
	if a.StoryID != 0 {
		storyID = a.StoryID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO articles (url, canonical_url, url_key, title, source, author,
		published, published_utc, published_precision, fetched, language, body, removed, related_headlines,
		dateline, quality_score, quality_flags, quality, input, format, content_hash, duplicate_of, story_id,
		skipped, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.URL, a.CanonicalURL, urlKey, a.Title, a.Source, a.Author,
		formatTime(a.Published), formatUTC(a.Published), a.PublishedPrecision, formatTime(a.Fetched),
		a.Language, a.Body, toJSON(nonNil(a.Removed)), toJSON(nonNil(a.RelatedHeadlines)),
		a.Dateline, a.Quality.Score, strings.Join(a.Quality.Flags, " "), toJSON(a.Quality),
		a.Input, a.Format, a.ContentHash, dup, storyID, toJSON(nonNil(doc.Skipped)),
		time.Now().UTC().Format(timeFormat))
	if err != nil {
		return 0, false, fmt.Errorf("insert article: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, false, err
	}
	if err := insertAnnotations(ctx, tx, id, doc); err != nil {
		return 0, false, err
	}
	if err := tx.Commit(); err != nil {
		return 0, false, err
	}
	a.ID = id
	return id, true, nil
}

func insertAnnotations(ctx context.Context, tx *sql.Tx, id int64, doc *news.Document) error {
	for i, e := range doc.Entities {
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_mentions (article_id, idx, text, type, canonical, actor, country, start, "end", ref)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, i, e.Text, e.Type, e.Canonical, e.Actor, e.Country, e.Start, e.End, e.Ref); err != nil {
			return fmt.Errorf("insert entity mention: %w", err)
		}
	}
	for i, d := range doc.Dates {
		if _, err := tx.ExecContext(ctx, `INSERT INTO date_mentions (article_id, idx, text, value, precision, start, "end")
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, i, d.Text, d.Value, d.Precision, d.Start, d.End); err != nil {
			return fmt.Errorf("insert date mention: %w", err)
		}
	}
	for i, q := range doc.Quotes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes (article_id, idx, text, speaker, speaker_actor, direct, cue, date, start, "end", speaker_start, speaker_end)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, i, q.Text, q.Speaker, q.SpeakerActor, q.Direct, q.Cue, q.Date, q.Start, q.End, q.SpeakerStart, q.SpeakerEnd); err != nil {
			return fmt.Errorf("insert quote: %w", err)
		}
	}
	for i, e := range doc.Events {
		root := e.CAMEO
		if len(root) > 2 {
			root = root[:2]
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO events (article_id, idx, source, target, source_country, target_country,
			cameo, root_code, plover, mode, quad_class, goldstein, date, location, source_text, target_text,
			evidence, evidence_start, evidence_end, negated, hypothetical, confidence, rule, headline)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, i, toJSON(nonNil(e.Source)), toJSON(nonNil(e.Target)), countryOf(e.Source), countryOf(e.Target),
			e.CAMEO, root, e.PLOVER, e.Mode, e.QuadClass, e.Goldstein, e.Date, e.Location, e.SourceText, e.TargetText,
			e.Evidence, e.EvidenceStart, e.EvidenceEnd, e.Negated, e.Hypothetical, e.Confidence, e.Rule, e.Headline); err != nil {
			return fmt.Errorf("insert event: %w", err)
		}
	}
	return nil
}

// countryOf is the country part (first three letters) of the first actor
// code, which dyad queries index.
func countryOf(actors []string) string {
	if len(actors) == 0 || len(actors[0]) < 3 {
		return ""
	}
	return actors[0][:3]
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// RecordFailure implements store.Store.
func (s *Store) RecordFailure(ctx context.Context, f store.Failure) error {
	if f.At.IsZero() {
		f.At = time.Now()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO failures (input, stage, reason, sample, at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (input, stage) DO UPDATE SET reason = excluded.reason, sample = excluded.sample,
		at = excluded.at, attempts = failures.attempts + 1`,
		f.Input, f.Stage, f.Reason, f.Sample, f.At.UTC().Format(timeFormat))
	if err != nil {
		return fmt.Errorf("record failure for %s: %w", f.Input, err)
	}
	return nil
}

// Failures implements store.Store.
func (s *Store) Failures(ctx context.Context, q store.FailureQuery) ([]store.Failure, error) {
	query := `SELECT id, input, stage, reason, sample, at, attempts FROM failures`
	var args []any
	if q.Stage != "" {
		query += ` WHERE stage = ?`
		args = append(args, q.Stage)
	}
	query += ` ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`
	args = append(args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Failure{}
	for rows.Next() {
		var f store.Failure
		var at sql.NullString
		if err := rows.Scan(&f.ID, &f.Input, &f.Stage, &f.Reason, &f.Sample, &at, &f.Attempts); err != nil {
			return nil, err
		}
		f.At = parseTime(at)
		out = append(out, f)
	}
	return out, rows.Err()
}

const articleColumns = `a.id, a.url, a.canonical_url, a.title, a.source, a.author, a.published, a.published_precision,
	a.fetched, a.language, a.body, a.removed, a.related_headlines, a.dateline, a.quality, a.input, a.format,
	a.content_hash, a.duplicate_of, a.story_id, a.skipped`

func scanArticle(sc interface{ Scan(...any) error }) (news.Article, []string, error) {
	var a news.Article
	var published, fetched sql.NullString
	var removed, related, quality, skipped string
	var dup, story sql.NullInt64
	err := sc.Scan(&a.ID, &a.URL, &a.CanonicalURL, &a.Title, &a.Source, &a.Author, &published, &a.PublishedPrecision,
		&fetched, &a.Language, &a.Body, &removed, &related, &a.Dateline, &quality, &a.Input, &a.Format,
		&a.ContentHash, &dup, &story, &skipped)
	if err != nil {
		return a, nil, err
	}
	a.Published = parseTime(published)
	a.Fetched = parseTime(fetched)
	a.DuplicateOf = dup.Int64
	a.StoryID = story.Int64
	json.Unmarshal([]byte(removed), &a.Removed)
	json.Unmarshal([]byte(related), &a.RelatedHeadlines)
	json.Unmarshal([]byte(quality), &a.Quality)
	var sk []string
	json.Unmarshal([]byte(skipped), &sk)
	return a, sk, nil
}

// Articles implements store.Store.
func (s *Store) Articles(ctx context.Context, q store.ArticleQuery) ([]news.Article, error) {
	query := `SELECT ` + articleColumns + ` FROM articles a`
	var where []string
	var args []any
	if match := ftsQuery(q.Text); match != "" {
		query += ` JOIN articles_fts f ON f.rowid = a.id`
		where = append(where, `articles_fts MATCH ?`)
		args = append(args, match)
	}
	if !q.From.IsZero() {
		where = append(where, `a.published_utc >= ?`)
		args = append(args, formatUTC(q.From))
	}
	if !q.To.IsZero() {
		where = append(where, `a.published_utc < ?`)
		args = append(args, formatUTC(q.To))
	}
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.id DESC LIMIT ? OFFSET ?`
	args = append(args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []news.Article{}
	for rows.Next() {
		a, _, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ftsQuery turns a user's words into an FTS5 query in which every word must
// occur, quoting each so that FTS5 syntax characters in the input cannot
// make the query fail.
func ftsQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
	var parts []string
	for _, w := range words {
		w = strings.Trim(w, "-'")
		if w == "" {
			continue
		}
		parts = append(parts, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(parts, " ")
}

// Document implements store.Store.
func (s *Store) Document(ctx context.Context, id int64) (*news.Document, error) {
	a, skipped, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	doc := news.NewDocument(a)
	doc.Skipped = skipped
	if err := s.loadAnnotations(ctx, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

func (s *Store) loadAnnotations(ctx context.Context, doc *news.Document) error {
	id := doc.Article.ID
	if err := queryEach(ctx, s.db, `SELECT text, type, canonical, actor, country, start, "end", ref FROM entity_mentions WHERE article_id = ? ORDER BY idx`,
		[]any{id}, func(sc scanner) error {
			var e news.EntityMention
			err := sc.Scan(&e.Text, &e.Type, &e.Canonical, &e.Actor, &e.Country, &e.Start, &e.End, &e.Ref)
			doc.Entities = append(doc.Entities, e)
			return err
		}); err != nil {
		return err
	}
	if err := queryEach(ctx, s.db, `SELECT text, value, precision, start, "end" FROM date_mentions WHERE article_id = ? ORDER BY idx`,
		[]any{id}, func(sc scanner) error {
			var d news.DateMention
			err := sc.Scan(&d.Text, &d.Value, &d.Precision, &d.Start, &d.End)
			doc.Dates = append(doc.Dates, d)
			return err
		}); err != nil {
		return err
	}
	if err := queryEach(ctx, s.db, `SELECT text, speaker, speaker_actor, direct, cue, date, start, "end", speaker_start, speaker_end FROM quotes WHERE article_id = ? ORDER BY idx`,
		[]any{id}, func(sc scanner) error {
			var q news.Quote
			err := sc.Scan(&q.Text, &q.Speaker, &q.SpeakerActor, &q.Direct, &q.Cue, &q.Date, &q.Start, &q.End, &q.SpeakerStart, &q.SpeakerEnd)
			doc.Quotes = append(doc.Quotes, q)
			return err
		}); err != nil {
		return err
	}
	return queryEach(ctx, s.db, `SELECT source, target, cameo, plover, mode, quad_class, goldstein, date, location, source_text, target_text,
		evidence, evidence_start, evidence_end, negated, hypothetical, confidence, rule, headline FROM events WHERE article_id = ? ORDER BY idx`,
		[]any{id}, func(sc scanner) error {
			var e news.Event
			var src, tgt string
			err := sc.Scan(&src, &tgt, &e.CAMEO, &e.PLOVER, &e.Mode, &e.QuadClass, &e.Goldstein, &e.Date, &e.Location, &e.SourceText, &e.TargetText,
				&e.Evidence, &e.EvidenceStart, &e.EvidenceEnd, &e.Negated, &e.Hypothetical, &e.Confidence, &e.Rule, &e.Headline)
			json.Unmarshal([]byte(src), &e.Source)
			json.Unmarshal([]byte(tgt), &e.Target)
			doc.Events = append(doc.Events, e)
			return err
		})
}

type scanner interface{ Scan(...any) error }

func queryEach(ctx context.Context, db *sql.DB, query string, args []any, fn func(scanner) error) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM failures),
		(SELECT count(*) FROM entity_mentions), (SELECT count(*) FROM date_mentions),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM events)`).
		Scan(&st.Articles, &st.Failures, &st.Entities, &st.Dates, &st.Quotes, &st.Events)
	return st, err
}
