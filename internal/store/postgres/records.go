package postgres

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// The queries here follow the SQLite backend's (internal/store/sqlite/
// queries.go) clause for clause, so that both backends answer alike: the
// same filters, the same order. SQLite's LIKE ignores ASCII case, so the
// matches on names here are ILIKE.

var (
	_ store.EventStreamer   = (*Store)(nil)
	_ store.QuoteStreamer   = (*Store)(nil)
	_ store.ArticleStreamer = (*Store)(nil)
)

func day(t time.Time) string { return t.Format("2006-01-02") }

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// actorMatch matches an actor code prefix against any code of a list. A
// bare country code tries the dyad index on the first actor's country, then
// the rest of the list: "Japan and South Korea signed" has both as source.
func actorMatch(f *filter, column, code string) {
	code = strings.ToUpper(strings.TrimSpace(code))
	any := "EXISTS (SELECT 1 FROM unnest(e." + column + ") c WHERE c LIKE ?)"
	if len(code) == 3 {
		f.add("(e."+column+"_country = ? OR "+any+")", code, escapeLike(code)+"%")
		return
	}
	f.add(any, escapeLike(code)+"%")
}

const refColumns = `a.id, a.title, a.url, a.source, a.published, a.published_offset`

func refDest(r *store.ArticleRef, published **time.Time, off *int) []any {
	return []any{&r.ArticleID, &r.ArticleTitle, &r.ArticleURL, &r.ArticleSource, published, off}
}

func eventFilter(q store.EventQuery) *filter {
	f := &filter{}
	if q.Source != "" {
		actorMatch(f, "source", q.Source)
	}
	if q.Target != "" {
		actorMatch(f, "target", q.Target)
	}
	if q.PLOVER != "" {
		f.add("e.plover = ?", strings.ToUpper(q.PLOVER))
	}
	if q.CAMEO != "" {
		f.add("e.cameo LIKE ?", escapeLike(q.CAMEO)+"%")
	}
	if !q.From.IsZero() {
		f.add("e.date >= ?", day(q.From))
	}
	if !q.To.IsZero() {
		f.add("e.date <> '' AND left(e.date, 10) <= ?", day(q.To))
	}
	if !q.AllModalities {
		f.add("NOT e.negated AND NOT e.hypothetical")
	}
	if q.ArticleID != 0 {
		f.add("e.article_id = ?", q.ArticleID)
	}
	return f
}

const eventSelect = `SELECT ` + eventColumns + `, coalesce(a.duplicate_of, 0), ` + refColumns +
	` FROM events e JOIN articles a ON a.id = e.article_id`
const eventOrder = ` ORDER BY e.date DESC, e.article_id DESC, e.idx`

// Events implements store.Store.
func (s *Store) Events(ctx context.Context, q store.EventQuery) ([]store.EventRecord, error) {
	f := eventFilter(q)
	out := []store.EventRecord{}
	err := s.eachEvent(ctx, eventSelect+f.where()+eventOrder+f.page(q.Limit, q.Offset), f.args, func(r store.EventRecord) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// StreamEvents implements store.EventStreamer: one query whose rows are
// read from the connection as fn consumes them.
func (s *Store) StreamEvents(ctx context.Context, q store.EventQuery, fn func(store.EventRecord) error) error {
	f := eventFilter(q)
	return s.eachEvent(ctx, eventSelect+f.where()+eventOrder+f.streamPage(q.Limit, q.Offset), f.args, fn)
}

func (s *Store) eachEvent(ctx context.Context, query string, args []any, fn func(store.EventRecord) error) error {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r store.EventRecord
		var published *time.Time
		var off int
		dest := append(eventDest(&r.Event, &r.Index), &r.ArticleDuplicateOf)
		if err := rows.Scan(append(dest, refDest(&r.ArticleRef, &published, &off)...)...); err != nil {
			return err
		}
		r.ArticlePublished = inZone(published, off)
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// streamPage is page without the MaxLimit clamp: 0 is no limit.
func (f *filter) streamPage(limit, offset int) string {
	var s string
	if limit > 0 {
		s = " LIMIT " + f.arg(limit)
	}
	if offset > 0 {
		s += " OFFSET " + f.arg(offset)
	}
	return s
}

func quoteFilter(q store.QuoteQuery) *filter {
	f := &filter{}
	if q.Speaker != "" {
		f.add("q.speaker ILIKE ?", "%"+escapeLike(q.Speaker)+"%")
	}
	if q.Actor != "" {
		f.add("q.speaker_actor ILIKE ?", escapeLike(strings.ToUpper(q.Actor))+"%")
	}
	if !q.From.IsZero() {
		f.add("q.date >= ?", day(q.From))
	}
	if !q.To.IsZero() {
		f.add("q.date <> '' AND left(q.date, 10) <= ?", day(q.To))
	}
	if q.DirectOnly {
		f.add("q.direct")
	}
	if q.ArticleID != 0 {
		f.add("q.article_id = ?", q.ArticleID)
	}
	return f
}

const quoteSelect = `SELECT q.idx, q.text, q.speaker, q.speaker_actor, q.direct, q.cue, q.date, q.start, q."end",
	q.speaker_start, q.speaker_end, ` + refColumns + `
	FROM quotes q JOIN articles a ON a.id = q.article_id`
const quoteOrder = ` ORDER BY q.date DESC, q.article_id DESC, q.idx`

// Quotes implements store.Store.
func (s *Store) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteRecord, error) {
	f := quoteFilter(q)
	out := []store.QuoteRecord{}
	err := s.eachQuote(ctx, quoteSelect+f.where()+quoteOrder+f.page(q.Limit, q.Offset), f.args, func(r store.QuoteRecord) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// StreamQuotes implements store.QuoteStreamer.
func (s *Store) StreamQuotes(ctx context.Context, q store.QuoteQuery, fn func(store.QuoteRecord) error) error {
	f := quoteFilter(q)
	return s.eachQuote(ctx, quoteSelect+f.where()+quoteOrder+f.streamPage(q.Limit, q.Offset), f.args, fn)
}

func (s *Store) eachQuote(ctx context.Context, query string, args []any, fn func(store.QuoteRecord) error) error {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r store.QuoteRecord
		var published *time.Time
		var off int
		dest := []any{&r.Index, &r.Text, &r.Speaker, &r.SpeakerActor, &r.Direct, &r.Cue, &r.Date, &r.Start, &r.End,
			&r.SpeakerStart, &r.SpeakerEnd}
		if err := rows.Scan(append(dest, refDest(&r.ArticleRef, &published, &off)...)...); err != nil {
			return err
		}
		r.ArticlePublished = inZone(published, off)
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// StreamArticles implements store.ArticleStreamer.
func (s *Store) StreamArticles(ctx context.Context, q store.ArticleQuery, fn func(news.Article) error) error {
	f, err := s.articleFilter(ctx, q)
	if err != nil {
		return err
	}
	rows, err := s.pool.Query(ctx, `SELECT `+articleColumns+` FROM articles a`+f.where()+
		` ORDER BY a.published DESC NULLS LAST, a.id DESC`+f.streamPage(q.Limit, q.Offset), f.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		a, _, err := scanArticle(rows)
		if err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Entities implements store.Store. Pronouns and role nouns resolved to an
// entity count as its mentions but are not listed as its names.
func (s *Store) Entities(ctx context.Context, q store.EntityQuery) ([]store.EntitySummary, error) {
	f := &filter{}
	f.add("m.canonical <> ''")
	if q.Text != "" {
		f.add("m.canonical ILIKE ?", "%"+escapeLike(q.Text)+"%")
	}
	if q.Type != "" {
		f.add("m.type = ?", strings.ToUpper(q.Type))
	}
	query := `SELECT m.canonical, m.type,
		(SELECT m2.actor FROM entity_mentions m2 WHERE m2.canonical = m.canonical AND m2.type = m.type
			GROUP BY m2.actor ORDER BY count(*) DESC, m2.actor LIMIT 1),
		count(*), count(DISTINCT m.article_id)
		FROM entity_mentions m` + f.where() + `
		GROUP BY m.canonical, m.type ORDER BY count(*) DESC, m.canonical` + f.page(q.Limit, q.Offset)
	rows, err := s.pool.Query(ctx, query, f.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.EntitySummary{}
	for rows.Next() {
		var e store.EntitySummary
		if err := rows.Scan(&e.Canonical, &e.Type, &e.Actor, &e.Mentions, &e.Articles); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Entity implements store.Store.
func (s *Store) Entity(ctx context.Context, canonical string) (*store.EntityDetail, error) {
	d := &store.EntityDetail{Aliases: []string{}, Roles: []store.ActorSpan{}, Recent: []store.ArticleRef{}}
	err := s.pool.QueryRow(ctx, `SELECT canonical, type, count(*), count(DISTINCT article_id) FROM entity_mentions
		WHERE canonical = $1 GROUP BY canonical, type ORDER BY count(*) DESC LIMIT 1`, canonical).
		Scan(&d.Canonical, &d.Type, &d.Mentions, &d.Articles)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("entity %q: %w", canonical, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	b := &pgx.Batch{}
	// Names written in the text, without resolved pronouns and role nouns.
	b.Queue(`SELECT text FROM entity_mentions WHERE canonical = $1 AND ref < 0
		GROUP BY text ORDER BY count(*) DESC, text`, canonical).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var a string
			if err := rows.Scan(&a); err != nil {
				return err
			}
			d.Aliases = append(d.Aliases, a)
		}
		return rows.Err()
	})
	b.Queue(`SELECT m.actor, min(a.published), max(a.published), count(*)
		FROM entity_mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.canonical = $1 AND m.actor <> '' GROUP BY m.actor`, canonical).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var r store.ActorSpan
			var first, last *time.Time
			if err := rows.Scan(&r.Actor, &first, &last, &r.Mentions); err != nil {
				return err
			}
			r.First, r.Last = inZone(first, 0), inZone(last, 0)
			d.Roles = append(d.Roles, r)
		}
		return rows.Err()
	})
	b.Queue(`SELECT `+refColumns+` FROM articles a WHERE a.id IN
		(SELECT article_id FROM entity_mentions WHERE canonical = $1)
		ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT $2`, canonical, store.MaxLimit).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var r store.ArticleRef
			var published *time.Time
			var off int
			if err := rows.Scan(refDest(&r, &published, &off)...); err != nil {
				return err
			}
			r.ArticlePublished = inZone(published, off)
			d.Recent = append(d.Recent, r)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, err
	}
	sort.Slice(d.Roles, func(i, j int) bool { return d.Roles[i].First.Before(d.Roles[j].First) })
	if len(d.Roles) > 0 {
		best := d.Roles[0]
		for _, r := range d.Roles {
			if r.Mentions > best.Mentions {
				best = r
			}
		}
		d.Actor = best.Actor
	}
	return d, nil
}
