package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
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

// actorMatch matches an actor code prefix against a JSON list of codes.
func actorMatch(f *filter, column, code string) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) == 3 {
		f.add("e."+column+"_country = ?", code)
		return
	}
	f.add("EXISTS (SELECT 1 FROM json_each(e."+column+") WHERE value LIKE ? ESCAPE '\\')", escapeLike(code)+"%")
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

const refColumns = `a.id, a.title, a.url, a.source, a.published`

func scanRef(ref *store.ArticleRef, published *sql.NullString) {
	ref.ArticlePublished = parseTime(*published)
}

// Events implements store.Store.
func (s *Store) Events(ctx context.Context, q store.EventQuery) ([]store.EventRecord, error) {
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
		` ORDER BY e.date DESC, e.article_id DESC, e.idx LIMIT ? OFFSET ?`
	args := append(f.args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	out := []store.EventRecord{}
	err := queryEach(ctx, s.db, query, args, func(sc scanner) error {
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
		out = append(out, r)
		return nil
	})
	return out, err
}

// Quotes implements store.Store.
func (s *Store) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteRecord, error) {
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
		` ORDER BY q.date DESC, q.article_id DESC, q.idx LIMIT ? OFFSET ?`
	args := append(f.args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	out := []store.QuoteRecord{}
	err := queryEach(ctx, s.db, query, args, func(sc scanner) error {
		var r store.QuoteRecord
		var published sql.NullString
		err := sc.Scan(&r.Index, &r.Text, &r.Speaker, &r.SpeakerActor, &r.Direct, &r.Cue, &r.Date, &r.Start, &r.End,
			&r.SpeakerStart, &r.SpeakerEnd, &r.ArticleID, &r.ArticleTitle, &r.ArticleURL, &r.ArticleSource, &published)
		if err != nil {
			return err
		}
		scanRef(&r.ArticleRef, &published)
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
