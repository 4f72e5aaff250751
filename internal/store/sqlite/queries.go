package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
)

// filter accumulates WHERE clauses and their arguments.
type filter struct {
	where []string
	args  []any
}

func (f *filter) add(clause string, args ...any) {
	f.where = append(f.where, clause)
	f.args = append(f.args, args...)
}

func (f *filter) sql() string {
	if len(f.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(f.where, " AND ")
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// actorMatch matches an actor code prefix against any code of a JSON list.
func actorMatch(f *filter, column, code string) {
	code = strings.ToUpper(strings.TrimSpace(code))
	any := "EXISTS (SELECT 1 FROM json_each(e." + column + ") WHERE value LIKE ? ESCAPE '\\')"
	if len(code) == 3 {
		// The first actor's country is indexed; the others are in the
		// list: "Japan and South Korea signed" has both as its source.
		f.add("(e."+column+"_country = ? OR "+any+")", code, escapeLike(code)+"%")
		return
	}
	f.add(any, escapeLike(code)+"%")
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

const refColumns = `a.id, a.title, a.url, a.source, a.published`

func scanRef(ref *store.ArticleRef, published *sql.NullString) {
	ref.ArticlePublished = parseTime(*published)
}

// Events implements store.Store: a page of StreamEvents.
func (s *Store) Events(ctx context.Context, q store.EventQuery) ([]store.EventRecord, error) {
	q.Limit = store.ClampLimit(q.Limit)
	out := []store.EventRecord{}
	err := s.StreamEvents(ctx, q, func(r store.EventRecord) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// Quotes implements store.Store: a page of StreamQuotes.
func (s *Store) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteRecord, error) {
	q.Limit = store.ClampLimit(q.Limit)
	out := []store.QuoteRecord{}
	err := s.StreamQuotes(ctx, q, func(r store.QuoteRecord) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// Entities implements store.Store. Pronouns and role nouns resolved to an
// entity count as its mentions but are not listed as its names.
func (s *Store) Entities(ctx context.Context, q store.EntityQuery) ([]store.EntitySummary, error) {
	var f filter
	f.add("m.canonical <> ''")
	if q.Text != "" {
		f.add("m.canonical LIKE ? ESCAPE '\\'", "%"+escapeLike(q.Text)+"%")
	}
	if q.Type != "" {
		f.add("m.type = ?", strings.ToUpper(q.Type))
	}
	query := `SELECT m.canonical, m.type,
		(SELECT m2.actor FROM entity_mentions m2 WHERE m2.canonical = m.canonical AND m2.type = m.type
			GROUP BY m2.actor ORDER BY count(*) DESC, m2.actor LIMIT 1),
		count(*), count(DISTINCT m.article_id)
		FROM entity_mentions m` + f.sql() + `
		GROUP BY m.canonical, m.type ORDER BY count(*) DESC, m.canonical LIMIT ? OFFSET ?`
	args := append(f.args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	out := []store.EntitySummary{}
	err := queryEach(ctx, s.db, query, args, func(sc scanner) error {
		var e store.EntitySummary
		if err := sc.Scan(&e.Canonical, &e.Type, &e.Actor, &e.Mentions, &e.Articles); err != nil {
			return err
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// Entity implements store.Store.
func (s *Store) Entity(ctx context.Context, canonical string) (*store.EntityDetail, error) {
	d := &store.EntityDetail{Aliases: []string{}, Roles: []store.ActorSpan{}, Recent: []store.ArticleRef{}}
	err := s.db.QueryRowContext(ctx, `SELECT canonical, type, count(*), count(DISTINCT article_id) FROM entity_mentions
		WHERE canonical = ? GROUP BY canonical, type ORDER BY count(*) DESC LIMIT 1`, canonical).
		Scan(&d.Canonical, &d.Type, &d.Mentions, &d.Articles)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %q: %w", canonical, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	// Names written in the text, without resolved pronouns and role nouns.
	if err := queryEach(ctx, s.db, `SELECT text FROM entity_mentions WHERE canonical = ? AND ref < 0
		GROUP BY text ORDER BY count(*) DESC, text`, []any{canonical}, func(sc scanner) error {
		var a string
		err := sc.Scan(&a)
		d.Aliases = append(d.Aliases, a)
		return err
	}); err != nil {
		return nil, err
	}
	if err := queryEach(ctx, s.db, `SELECT m.actor, min(a.published_utc), max(a.published_utc), count(*)
		FROM entity_mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.canonical = ? AND m.actor <> '' GROUP BY m.actor`, []any{canonical}, func(sc scanner) error {
		var r store.ActorSpan
		var first, last sql.NullString
		if err := sc.Scan(&r.Actor, &first, &last, &r.Mentions); err != nil {
			return err
		}
		r.First, r.Last = parseUTC(first), parseUTC(last)
		d.Roles = append(d.Roles, r)
		return nil
	}); err != nil {
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
	err = queryEach(ctx, s.db, `SELECT `+refColumns+` FROM articles a WHERE a.id IN
		(SELECT article_id FROM entity_mentions WHERE canonical = ?)
		ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.id DESC LIMIT ?`, []any{canonical, store.MaxLimit},
		func(sc scanner) error {
			var r store.ArticleRef
			var published sql.NullString
			if err := sc.Scan(&r.ArticleID, &r.ArticleTitle, &r.ArticleURL, &r.ArticleSource, &published); err != nil {
				return err
			}
			scanRef(&r, &published)
			d.Recent = append(d.Recent, r)
			return nil
		})
	return d, err
}

func parseUTC(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, _ := time.Parse("2006-01-02T15:04:05Z", s.String)
	return t
}
