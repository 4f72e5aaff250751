package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/stories"
)

var _ store.Linker = (*Store)(nil)

// Candidates implements store.Linker.
func (s *Store) Candidates(ctx context.Context, keys []uint64, limit int) ([]int64, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := make([]any, 0, len(keys)+1)
	for _, k := range keys {
		args = append(args, int64(k)) // SQLite integers are signed; the bits are what matter
	}
	args = append(args, limit)
	query := `SELECT article_id FROM article_bands WHERE key IN (?` + strings.Repeat(",?", len(keys)-1) + `)
		GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT ?`
	var ids []int64
	err := queryEach(ctx, s.db, query, args, func(sc scanner) error {
		var id int64
		err := sc.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}

// Body implements store.Linker.
func (s *Store) Body(ctx context.Context, id int64) (string, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT body FROM articles WHERE id = ?`, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	return body, err
}

// ArticleLinks implements store.Linker.
func (s *Store) ArticleLinks(ctx context.Context, id int64) (int64, int64, error) {
	var dup, story sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT duplicate_of, story_id FROM articles WHERE id = ?`, id).Scan(&dup, &story)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	return dup.Int64, story.Int64, err
}

// Linked implements store.Linker.
func (s *Store) Linked(ctx context.Context, id int64) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM article_signatures WHERE article_id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// ActiveStories implements store.Linker.
func (s *Store) ActiveStories(ctx context.Context, from, to time.Time) ([]stories.StoryState, error) {
	var out []stories.StoryState
	err := queryEach(ctx, s.db, `SELECT state FROM stories WHERE last >= ? AND first <= ? ORDER BY id`,
		[]any{formatUTC(from), formatUTC(to)}, func(sc scanner) error {
			var state string
			if err := sc.Scan(&state); err != nil {
				return err
			}
			var st stories.StoryState
			if err := json.Unmarshal([]byte(state), &st); err != nil {
				return fmt.Errorf("story state: %w", err)
			}
			out = append(out, st)
			return nil
		})
	return out, err
}

// DocFreqs implements store.Linker.
func (s *Store) DocFreqs(ctx context.Context) (*stories.Vocab, error) {
	v := &stories.Vocab{DF: map[string]int{}}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM article_signatures a JOIN articles r ON r.id = a.article_id
		WHERE r.duplicate_of IS NULL AND r.published_utc IS NOT NULL`).Scan(&v.N); err != nil {
		return nil, err
	}
	err := queryEach(ctx, s.db, `SELECT term, docs FROM term_docs`, nil, func(sc scanner) error {
		var term string
		var n int
		err := sc.Scan(&term, &n)
		v.DF[term] = n
		return err
	})
	return v, err
}

// Link implements store.Linker.
func (s *Store) Link(ctx context.Context, l store.Link) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)
		ON CONFLICT (article_id) DO NOTHING`, l.ArticleID, l.Signature); err != nil {
		return fmt.Errorf("link article %d: %w", l.ArticleID, err)
	}
	for _, k := range l.Bands {
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_bands (article_id, key) VALUES (?, ?)`, l.ArticleID, int64(k)); err != nil {
			return fmt.Errorf("link article %d: %w", l.ArticleID, err)
		}
	}
	if l.DuplicateOf != 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET duplicate_of = ? WHERE id = ?`, l.DuplicateOf, l.ArticleID); err != nil {
			return err
		}
	}
	storyID := l.StoryID
	if l.Story != nil {
		st := *l.Story
		if st.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO stories (title, first, last, articles, state) VALUES (?, ?, ?, ?, '{}')`,
				st.Title, formatUTC(st.First), formatUTC(st.Last), st.Articles)
			if err != nil {
				return fmt.Errorf("new story: %w", err)
			}
			if st.ID, err = res.LastInsertId(); err != nil {
				return err
			}
		}
		state, err := json.Marshal(st)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stories SET title = ?, first = ?, last = ?, articles = ?, state = ? WHERE id = ?`,
			st.Title, formatUTC(st.First), formatUTC(st.Last), st.Articles, string(state), st.ID); err != nil {
			return fmt.Errorf("story %d: %w", st.ID, err)
		}
		storyID = st.ID
	}
	if storyID != 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = ? WHERE id = ?`, storyID, l.ArticleID); err != nil {
			return err
		}
	}
	for _, t := range l.Terms {
		if _, err := tx.ExecContext(ctx, `INSERT INTO term_docs (term, docs) VALUES (?, 1)
			ON CONFLICT (term) DO UPDATE SET docs = docs + 1`, t); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Stories implements store.Linker.
func (s *Store) Stories(ctx context.Context, q store.StoryQuery) ([]news.Story, error) {
	var f filter
	if q.Text != "" {
		f.add("s.title LIKE ? ESCAPE '\\'", "%"+escapeLike(q.Text)+"%")
	}
	if !q.From.IsZero() {
		f.add("s.last >= ?", formatUTC(q.From))
	}
	if !q.To.IsZero() {
		f.add("s.first < ?", formatUTC(q.To))
	}
	query := `SELECT s.id, s.title, s.first, s.last, s.articles FROM stories s` + f.sql() +
		` ORDER BY s.last DESC, s.id DESC LIMIT ? OFFSET ?`
	args := append(f.args, store.ClampLimit(q.Limit), max(q.Offset, 0))
	out := []news.Story{}
	err := queryEach(ctx, s.db, query, args, func(sc scanner) error {
		var st news.Story
		var first, last sql.NullString
		if err := sc.Scan(&st.ID, &st.Title, &first, &last, &st.Articles); err != nil {
			return err
		}
		st.First, st.Last = parseUTC(first), parseUTC(last)
		out = append(out, st)
		return nil
	})
	return out, err
}

// Story implements store.Linker.
func (s *Store) Story(ctx context.Context, id int64) (*store.StoryDetail, error) {
	d := &store.StoryDetail{List: []news.Article{}}
	var first, last sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT id, title, first, last, articles FROM stories WHERE id = ?`, id).
		Scan(&d.ID, &d.Title, &first, &last, &d.Story.Articles)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	d.First, d.Last = parseUTC(first), parseUTC(last)
	err = queryEach(ctx, s.db, `SELECT `+articleColumns+` FROM articles a WHERE a.story_id = ?
		ORDER BY a.published_utc, a.id`, []any{id}, func(sc scanner) error {
		a, _, err := scanArticle(sc)
		d.List = append(d.List, a)
		return err
	})
	return d, err
}
