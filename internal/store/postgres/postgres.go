// Package postgres is newsgraph's store for large corpora and many worker
// processes: the same store.Store as the SQLite backend, on PostgreSQL
// through pgx's connection pool.
//
// What makes it safe for many processes at once:
//   - migrations are applied under a session advisory lock, so that workers
//     starting together do not race to create the schema;
//   - an article's url_key and content_hash are unique constraints, and Save
//     inserts with ON CONFLICT DO NOTHING and looks the winner up, so that
//     two workers saving the same article at once store it once.
//
// Full-text search uses a generated tsvector column (english configuration
// over title and body) with a GIN index; every word of a query must occur.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// Store is a store.Store on a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*Store)(nil)

// IsDSN reports whether dsn names a PostgreSQL database rather than a
// SQLite file.
func IsDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database at dsn (a postgres:// URL; pool settings
// such as pool_max_conns may be given as URL parameters) and brings its
// schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", Redact(dsn), err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", Redact(dsn), err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open %s: %w", Redact(dsn), err)
	}
	return &Store{pool: pool}, nil
}

// Pool returns the store's connection pool, for the packages that keep
// their own tables in the same database (the job queue).
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes every connection.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// Redact hides a password in a database URL before it is printed.
func Redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	userinfo := dsn[scheme+3 : at]
	if i := strings.IndexByte(userinfo, ':'); i >= 0 {
		return dsn[:scheme+3] + userinfo[:i] + ":***" + dsn[at:]
	}
	return dsn
}

// migrateLock is the advisory lock key that serialises migrations across
// every process using the database ("newsgraph" in ASCII).
const migrateLock int64 = 0x6e65777367726170

// migrate applies the migrations the database lacks. It holds a session
// advisory lock meanwhile, so that of several processes starting at once
// one migrates and the others wait, then find nothing left to do.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrateLock); err != nil {
		return fmt.Errorf("lock for migration: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrateLock)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    integer PRIMARY KEY,
		applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	var version int
	if err := conn.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this newsgraph (%d); upgrade newsgraph", version, len(migrations))
	}
	for v := version + 1; v <= len(migrations); v++ {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, migrations[v-1]); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version) VALUES ($1)", v)
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %d: %w", v, err)
		}
	}
	return nil
}

// Version returns the number of migrations applied to the database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&v)
	return v, err
}

// Known implements store.Store.
func (s *Store) Known(ctx context.Context, rawURL string) (int64, bool, error) {
	key := store.URLKey(rawURL)
	if key == "" {
		return 0, false, nil
	}
	var id int64
	err := s.pool.QueryRow(ctx, "SELECT id FROM articles WHERE url_key = $1", key).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// Save implements store.Store. Two processes saving the same article at once
// both reach the INSERT; the unique constraints make the second wait for
// the first and then do nothing, and its lookup finds the first's row.
func (s *Store) Save(ctx context.Context, doc *news.Document) (int64, bool, error) {
	var err error
	// A deadlock (two transactions each holding a key the other's article
	// also has) or a lookup that lost a race with a rolled-back insert is
	// retried; each attempt is a fresh transaction.
	for attempt := 0; attempt < 5; attempt++ {
		var id int64
		var created bool
		id, created, err = s.save(ctx, doc)
		if err == nil {
			if created {
				doc.Article.ID = id
			}
			return id, created, nil
		}
		if !retryable(err) {
			break
		}
	}
	input := doc.Article.Input
	if input == "" {
		input = doc.Article.URL
	}
	return 0, false, fmt.Errorf("save %s: %w", input, err)
}

// errLostRace reports an insert that conflicted with a row the lookup then
// could not see: the conflicting transaction rolled back.
var errLostRace = errors.New("conflicting article vanished")

func retryable(err error) bool {
	if errors.Is(err, errLostRace) {
		return true
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

func (s *Store) save(ctx context.Context, doc *news.Document) (int64, bool, error) {
	a := &doc.Article
	key := store.URLKey(firstNonEmpty(a.CanonicalURL, a.URL))
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))

	// Look first: the common case of an article already stored then costs
	// one indexed read and no write (and no burnt identity value).
	var existing int64
	err = tx.QueryRow(ctx, `SELECT id FROM articles WHERE content_hash = $1 OR url_key = $2 LIMIT 1`,
		a.ContentHash, nullString(key)).Scan(&existing)
	switch {
	case err == nil:
		return existing, false, nil
	case !errors.Is(err, pgx.ErrNoRows):
		return 0, false, err
	}

	var id int64
	err = tx.QueryRow(ctx, `INSERT INTO articles (url, canonical_url, url_key, title, source, author,
		published, published_offset, published_precision, fetched, fetched_offset, language, body, removed,
		related_headlines, dateline, quality_score, quality_flags, quality, input, format, content_hash,
		duplicate_of, story_id, skipped)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
		$21, $22, $23, $24, $25)
		ON CONFLICT DO NOTHING RETURNING id`,
		a.URL, a.CanonicalURL, nullString(key), a.Title, a.Source, a.Author,
		nullTime(a.Published), offset(a.Published), a.PublishedPrecision, nullTime(a.Fetched), offset(a.Fetched),
		a.Language, a.Body, nonNil(a.Removed), nonNil(a.RelatedHeadlines), a.Dateline,
		a.Quality.Score, nonNil(a.Quality.Flags), a.Quality, a.Input, a.Format, a.ContentHash,
		nullID(a.DuplicateOf), nullID(a.StoryID), nonNil(doc.Skipped)).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		// Another transaction stored the article between our look and our
		// insert; it has committed (the insert waited for it), so this
		// statement's fresh snapshot sees its row.
		err = tx.QueryRow(ctx, `SELECT id FROM articles WHERE content_hash = $1 OR url_key = $2 LIMIT 1`,
			a.ContentHash, nullString(key)).Scan(&existing)
		if errors.Is(err, pgx.ErrNoRows) {
			return 0, false, errLostRace
		}
		if err != nil {
			return 0, false, err
		}
		return existing, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("insert article: %w", err)
	}
	if err := insertAnnotations(ctx, tx, id, doc); err != nil {
		return 0, false, err
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, false, err
	}
	return id, true, nil
}

// insertAnnotations sends every annotation row of a document in one batch:
// one round trip, whatever the number of rows.
func insertAnnotations(ctx context.Context, tx pgx.Tx, id int64, doc *news.Document) error {
	b := &pgx.Batch{}
	for i, e := range doc.Entities {
		b.Queue(`INSERT INTO entity_mentions (article_id, idx, text, type, canonical, actor, country, start, "end", ref)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, id, i, e.Text, e.Type, e.Canonical, e.Actor, e.Country, e.Start, e.End, e.Ref)
	}
	for i, d := range doc.Dates {
		b.Queue(`INSERT INTO date_mentions (article_id, idx, text, value, precision, start, "end")
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, i, d.Text, d.Value, d.Precision, d.Start, d.End)
	}
	for i, q := range doc.Quotes {
		b.Queue(`INSERT INTO quotes (article_id, idx, text, speaker, speaker_actor, direct, cue, date, start, "end", speaker_start, speaker_end)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			id, i, q.Text, q.Speaker, q.SpeakerActor, q.Direct, q.Cue, q.Date, q.Start, q.End, q.SpeakerStart, q.SpeakerEnd)
	}
	for i, e := range doc.Events {
		root := e.CAMEO
		if len(root) > 2 {
			root = root[:2]
		}
		b.Queue(`INSERT INTO events (article_id, idx, source, target, source_country, target_country,
			cameo, root_code, plover, mode, quad_class, goldstein, date, location, source_text, target_text,
			evidence, evidence_start, evidence_end, negated, hypothetical, confidence, rule, headline)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`,
			id, i, nonNil(e.Source), nonNil(e.Target), countryOf(e.Source), countryOf(e.Target),
			e.CAMEO, root, e.PLOVER, e.Mode, e.QuadClass, e.Goldstein, e.Date, e.Location, e.SourceText, e.TargetText,
			e.Evidence, e.EvidenceStart, e.EvidenceEnd, e.Negated, e.Hypothetical, e.Confidence, e.Rule, e.Headline)
	}
	if b.Len() == 0 {
		return nil
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("insert annotations: %w", err)
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

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func offset(t time.Time) int {
	_, off := t.Zone()
	return off
}

// inZone returns t (an instant from a timestamptz, or nil) in the zone the
// publisher gave, as the SQLite backend does by keeping RFC 3339 text.
func inZone(t *time.Time, off int) time.Time {
	if t == nil {
		return time.Time{}
	}
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", off))
}

// RecordFailure implements store.Store.
func (s *Store) RecordFailure(ctx context.Context, f store.Failure) error {
	if f.At.IsZero() {
		f.At = time.Now()
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO failures (input, stage, reason, sample, at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (input, stage) DO UPDATE SET reason = excluded.reason, sample = excluded.sample,
		at = excluded.at, attempts = failures.attempts + 1`,
		f.Input, f.Stage, validUTF8(f.Reason), f.Sample, f.At)
	if err != nil {
		return fmt.Errorf("record failure for %s: %w", f.Input, err)
	}
	return nil
}

// validUTF8 makes s storable in a text column, which PostgreSQL (unlike
// SQLite) refuses to hold invalid UTF-8 or NUL bytes in.
func validUTF8(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}

// Failures implements store.Store.
func (s *Store) Failures(ctx context.Context, q store.FailureQuery) ([]store.Failure, error) {
	var f filter
	if q.Stage != "" {
		f.add("stage = ?", q.Stage)
	}
	query := `SELECT id, input, stage, reason, sample, at, attempts FROM failures` + f.where() +
		` ORDER BY at DESC, id DESC` + f.page(q.Limit, q.Offset)
	rows, err := s.pool.Query(ctx, query, f.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Failure{}
	for rows.Next() {
		var fl store.Failure
		if err := rows.Scan(&fl.ID, &fl.Input, &fl.Stage, &fl.Reason, &fl.Sample, &fl.At, &fl.Attempts); err != nil {
			return nil, err
		}
		fl.At = fl.At.UTC()
		out = append(out, fl)
	}
	return out, rows.Err()
}

// filter accumulates WHERE clauses written with ? placeholders, numbering
// them as PostgreSQL wants ($1, $2, ...) as they are added.
type filter struct {
	conds []string
	args  []any
}

func (f *filter) add(cond string, args ...any) {
	var b strings.Builder
	n := 0
	for _, r := range cond {
		if r == '?' && n < len(args) {
			f.args = append(f.args, args[n])
			n++
			fmt.Fprintf(&b, "$%d", len(f.args))
			continue
		}
		b.WriteRune(r)
	}
	f.conds = append(f.conds, b.String())
}

// arg adds an argument without a clause and returns its placeholder.
func (f *filter) arg(v any) string {
	f.args = append(f.args, v)
	return fmt.Sprintf("$%d", len(f.args))
}

func (f *filter) where() string {
	if len(f.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(f.conds, " AND ")
}

// page is the LIMIT and OFFSET clause of a query page.
func (f *filter) page(limit, offset int) string {
	return " LIMIT " + f.arg(store.ClampLimit(limit)) + " OFFSET " + f.arg(max(offset, 0))
}

const articleColumns = `a.id, a.url, a.canonical_url, a.title, a.source, a.author, a.published, a.published_offset,
	a.published_precision, a.fetched, a.fetched_offset, a.language, a.body, a.removed, a.related_headlines,
	a.dateline, a.quality, a.input, a.format, a.content_hash, a.duplicate_of, a.story_id, a.skipped`

func scanArticle(row pgx.Row) (news.Article, []string, error) {
	var a news.Article
	var published, fetched *time.Time
	var pubOff, fetchOff int
	var dup, story *int64
	var skipped []string
	err := row.Scan(&a.ID, &a.URL, &a.CanonicalURL, &a.Title, &a.Source, &a.Author, &published, &pubOff,
		&a.PublishedPrecision, &fetched, &fetchOff, &a.Language, &a.Body, &a.Removed, &a.RelatedHeadlines,
		&a.Dateline, &a.Quality, &a.Input, &a.Format, &a.ContentHash, &dup, &story, &skipped)
	if err != nil {
		return a, nil, err
	}
	a.Published = inZone(published, pubOff)
	a.Fetched = inZone(fetched, fetchOff)
	if dup != nil {
		a.DuplicateOf = *dup
	}
	if story != nil {
		a.StoryID = *story
	}
	return a, skipped, nil
}

// articleFilter turns an article query into WHERE clauses. A text query
// becomes a tsquery in which every word must occur. Words that PostgreSQL's
// english configuration ignores (stop words: "the", "who") would leave an
// empty tsquery that matches nothing; a query of only such words is
// matched word by word against title and body instead, so that, as with
// the SQLite backend, every word given must occur.
func (s *Store) articleFilter(ctx context.Context, q store.ArticleQuery) (*filter, error) {
	f := &filter{}
	if words := searchWords(q.Text); len(words) > 0 {
		text := strings.Join(words, " ")
		var nodes int
		if err := s.pool.QueryRow(ctx, "SELECT numnode(plainto_tsquery('english', $1))", text).Scan(&nodes); err != nil {
			return nil, err
		}
		if nodes > 0 {
			f.add("a.tsv @@ plainto_tsquery('english', ?)", text)
		} else {
			for _, w := range words {
				f.add(`(a.title || ' ' || a.body) ~* ?`, `\m`+regexpQuote(w)+`\M`)
			}
		}
	}
	if !q.From.IsZero() {
		f.add("a.published >= ?", q.From)
	}
	if !q.To.IsZero() {
		f.add("a.published < ?", q.To)
	}
	return f, nil
}

// searchWords splits a user's query into words the way the SQLite backend
// does, so that punctuation and query syntax in the input are ignored.
func searchWords(text string) []string {
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return fields
}

func regexpQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Articles implements store.Store.
func (s *Store) Articles(ctx context.Context, q store.ArticleQuery) ([]news.Article, error) {
	f, err := s.articleFilter(ctx, q)
	if err != nil {
		return nil, err
	}
	query := `SELECT ` + articleColumns + ` FROM articles a` + f.where() +
		` ORDER BY a.published DESC NULLS LAST, a.id DESC` + f.page(q.Limit, q.Offset)
	rows, err := s.pool.Query(ctx, query, f.args...)
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

// Document implements store.Store.
func (s *Store) Document(ctx context.Context, id int64) (*news.Document, error) {
	a, skipped, err := scanArticle(s.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
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

// loadAnnotations reads a document's four annotation lists in one batch.
func (s *Store) loadAnnotations(ctx context.Context, doc *news.Document) error {
	id := doc.Article.ID
	b := &pgx.Batch{}
	b.Queue(`SELECT text, type, canonical, actor, country, start, "end", ref FROM entity_mentions WHERE article_id = $1 ORDER BY idx`, id).
		Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var e news.EntityMention
				if err := rows.Scan(&e.Text, &e.Type, &e.Canonical, &e.Actor, &e.Country, &e.Start, &e.End, &e.Ref); err != nil {
					return err
				}
				doc.Entities = append(doc.Entities, e)
			}
			return rows.Err()
		})
	b.Queue(`SELECT text, value, precision, start, "end" FROM date_mentions WHERE article_id = $1 ORDER BY idx`, id).
		Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var d news.DateMention
				if err := rows.Scan(&d.Text, &d.Value, &d.Precision, &d.Start, &d.End); err != nil {
					return err
				}
				doc.Dates = append(doc.Dates, d)
			}
			return rows.Err()
		})
	b.Queue(`SELECT text, speaker, speaker_actor, direct, cue, date, start, "end", speaker_start, speaker_end FROM quotes WHERE article_id = $1 ORDER BY idx`, id).
		Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var q news.Quote
				if err := rows.Scan(&q.Text, &q.Speaker, &q.SpeakerActor, &q.Direct, &q.Cue, &q.Date, &q.Start, &q.End, &q.SpeakerStart, &q.SpeakerEnd); err != nil {
					return err
				}
				doc.Quotes = append(doc.Quotes, q)
			}
			return rows.Err()
		})
	b.Queue(`SELECT `+eventColumns+` FROM events e WHERE e.article_id = $1 ORDER BY e.idx`, id).
		Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var e news.Event
				var idx int
				if err := rows.Scan(eventDest(&e, &idx)...); err != nil {
					return err
				}
				doc.Events = append(doc.Events, e)
			}
			return rows.Err()
		})
	return s.pool.SendBatch(ctx, b).Close()
}

const eventColumns = `e.idx, e.source, e.target, e.cameo, e.plover, e.mode, e.quad_class, e.goldstein, e.date, e.location,
	e.source_text, e.target_text, e.evidence, e.evidence_start, e.evidence_end, e.negated, e.hypothetical,
	e.confidence, e.rule, e.headline`

func eventDest(e *news.Event, idx *int) []any {
	return []any{idx, &e.Source, &e.Target, &e.CAMEO, &e.PLOVER, &e.Mode, &e.QuadClass, &e.Goldstein, &e.Date, &e.Location,
		&e.SourceText, &e.TargetText, &e.Evidence, &e.EvidenceStart, &e.EvidenceEnd, &e.Negated, &e.Hypothetical,
		&e.Confidence, &e.Rule, &e.Headline}
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM failures),
		(SELECT count(*) FROM entity_mentions), (SELECT count(*) FROM date_mentions),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM events)`).
		Scan(&st.Articles, &st.Failures, &st.Entities, &st.Dates, &st.Quotes, &st.Events)
	return st, err
}
