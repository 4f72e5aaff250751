package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// The streams read every matching row from one query, so that an export
// sees one snapshot of the database (WAL keeps it while an ingest writes)
// and holds one row at a time. Their filters and order are those of Events,
// Quotes and Articles in queries.go and sqlite.go; stream_test.go checks
// that the two agree.

var (
	_ store.EventStreamer   = (*Store)(nil)
	_ store.QuoteStreamer   = (*Store)(nil)
	_ store.ArticleStreamer = (*Store)(nil)
)

// streamPage is the LIMIT clause of a stream: -1 is SQLite's no limit.
func streamPage(f *filter, limit, offset int) string {
	if limit <= 0 {
		limit = -1
	}
	f.args = append(f.args, limit, max(offset, 0))
	return ` LIMIT ? OFFSET ?`
}

// StreamEvents implements store.EventStreamer.
func (s *Store) StreamEvents(ctx context.Context, q store.EventQuery, fn func(store.EventRecord) error) error {
	var f filter
	if q.Source != "" {
		actorMatch(&f, "source", q.Source)
	}
	if q.Target != "" {
		actorMatch(&f, "target", q.Target)
	}
	if q.PLOVER != "" {
		f.add("e.plover = ?", strings.ToUpper(q.PLOVER))
	}
	if q.CAMEO != "" {
		f.add("e.cameo LIKE ? ESCAPE '\\'", escapeLike(q.CAMEO)+"%")
	}
	if !q.From.IsZero() {
		f.add("e.date >= ?", day(q.From))
	}
	if !q.To.IsZero() {
		f.add("e.date <> '' AND substr(e.date, 1, 10) <= ?", day(q.To))
	}
	if !q.AllModalities {
		f.add("e.negated = 0 AND e.hypothetical = 0")
	}
	if q.ArticleID != 0 {
		f.add("e.article_id = ?", q.ArticleID)
	}
	query := `SELECT e.idx, e.source, e.target, e.cameo, e.plover, e.mode, e.quad_class, e.goldstein, e.date, e.location,
		e.source_text, e.target_text, e.evidence, e.evidence_start, e.evidence_end, e.negated, e.hypothetical,
		e.confidence, e.rule, e.headline, coalesce(a.duplicate_of, 0), ` + refColumns + `
		FROM events e JOIN articles a ON a.id = e.article_id` + f.sql() +
		` ORDER BY e.date DESC, e.article_id DESC, e.idx`
	query += streamPage(&f, q.Limit, q.Offset)
	return queryEach(ctx, s.db, query, f.args, func(sc scanner) error {
		var r store.EventRecord
		var src, tgt string
		var published sql.NullString
		err := sc.Scan(&r.Index, &src, &tgt, &r.CAMEO, &r.PLOVER, &r.Mode, &r.QuadClass, &r.Goldstein, &r.Date, &r.Location,
			&r.SourceText, &r.TargetText, &r.Evidence, &r.EvidenceStart, &r.EvidenceEnd, &r.Negated, &r.Hypothetical,
			&r.Confidence, &r.Rule, &r.Headline, &r.ArticleDuplicateOf, &r.ArticleID, &r.ArticleTitle, &r.ArticleURL, &r.ArticleSource, &published)
		if err != nil {
			return err
		}
		json.Unmarshal([]byte(src), &r.Event.Source)
		json.Unmarshal([]byte(tgt), &r.Event.Target)
		scanRef(&r.ArticleRef, &published)
		return fn(r)
	})
}

// StreamQuotes implements store.QuoteStreamer.
func (s *Store) StreamQuotes(ctx context.Context, q store.QuoteQuery, fn func(store.QuoteRecord) error) error {
	var f filter
	if q.Speaker != "" {
		f.add("q.speaker LIKE ? ESCAPE '\\'", "%"+escapeLike(q.Speaker)+"%")
	}
	if q.Actor != "" {
		f.add("q.speaker_actor LIKE ? ESCAPE '\\'", escapeLike(strings.ToUpper(q.Actor))+"%")
	}
	if !q.From.IsZero() {
		f.add("q.date >= ?", day(q.From))
	}
	if !q.To.IsZero() {
		f.add("q.date <> '' AND substr(q.date, 1, 10) <= ?", day(q.To))
	}
	if q.DirectOnly {
		f.add("q.direct = 1")
	}
	if q.ArticleID != 0 {
		f.add("q.article_id = ?", q.ArticleID)
	}
	query := `SELECT q.idx, q.text, q.speaker, q.speaker_actor, q.direct, q.cue, q.date, q.start, q."end",
		q.speaker_start, q.speaker_end, ` + refColumns + `
		FROM quotes q JOIN articles a ON a.id = q.article_id` + f.sql() +
		` ORDER BY q.date DESC, q.article_id DESC, q.idx`
	query += streamPage(&f, q.Limit, q.Offset)
	return queryEach(ctx, s.db, query, f.args, func(sc scanner) error {
		var r store.QuoteRecord
		var published sql.NullString
		err := sc.Scan(&r.Index, &r.Text, &r.Speaker, &r.SpeakerActor, &r.Direct, &r.Cue, &r.Date, &r.Start, &r.End,
			&r.SpeakerStart, &r.SpeakerEnd, &r.ArticleID, &r.ArticleTitle, &r.ArticleURL, &r.ArticleSource, &published)
		if err != nil {
			return err
		}
		scanRef(&r.ArticleRef, &published)
		return fn(r)
	})
}

// StreamArticles implements store.ArticleStreamer.
func (s *Store) StreamArticles(ctx context.Context, q store.ArticleQuery, fn func(news.Article) error) error {
	query := `SELECT ` + articleColumns + ` FROM articles a`
	var f filter
	if match := ftsQuery(q.Text); match != "" {
		query += ` JOIN articles_fts f ON f.rowid = a.id`
		f.add(`articles_fts MATCH ?`, match)
	}
	if !q.From.IsZero() {
		f.add(`a.published_utc >= ?`, formatUTC(q.From))
	}
	if !q.To.IsZero() {
		f.add(`a.published_utc < ?`, formatUTC(q.To))
	}
	query += f.sql() + ` ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.id DESC`
	query += streamPage(&f, q.Limit, q.Offset)
	return queryEach(ctx, s.db, query, f.args, func(sc scanner) error {
		a, _, err := scanArticle(sc)
		if err != nil {
			return err
		}
		return fn(a)
	})
}
