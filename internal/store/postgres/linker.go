package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/stories"
)

// The linker's tables and queries follow the SQLite backend's
// (internal/store/sqlite/linker.go). Linking is meant to run in one writer
// at a time (see store.Linker); Link still takes its row locks in a fixed
// order (terms sorted), so that two writers linking at once wait rather
// than deadlock.

var _ store.Linker = (*Store)(nil)

// Candidates implements store.Linker.
func (s *Store) Candidates(ctx context.Context, keys []uint64, limit int) ([]int64, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	signed := make([]int64, len(keys))
	for i, k := range keys {
		signed[i] = int64(k) // bigint is signed; the bits are what matter
	}
	rows, err := s.pool.Query(ctx, `SELECT article_id FROM article_bands WHERE key = ANY($1)
		GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT $2`, signed, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// Body implements store.Linker.
func (s *Store) Body(ctx context.Context, id int64) (string, error) {
	var body string
	err := s.pool.QueryRow(ctx, `SELECT body FROM articles WHERE id = $1`, id).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	return body, err
}

// ArticleLinks implements store.Linker.
func (s *Store) ArticleLinks(ctx context.Context, id int64) (int64, int64, error) {
	var dup, story *int64
	err := s.pool.QueryRow(ctx, `SELECT duplicate_of, story_id FROM articles WHERE id = $1`, id).Scan(&dup, &story)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, 0, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return 0, 0, err
	}
	var d, st int64
	if dup != nil {
		d = *dup
	}
	if story != nil {
		st = *story
	}
	return d, st, nil
}

// Linked implements store.Linker.
func (s *Store) Linked(ctx context.Context, id int64) (bool, error) {
	var linked bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM article_signatures WHERE article_id = $1)`, id).Scan(&linked)
	return linked, err
}

// ActiveStories implements store.Linker.
func (s *Store) ActiveStories(ctx context.Context, from, to time.Time) ([]stories.StoryState, error) {
	rows, err := s.pool.Query(ctx, `SELECT state FROM stories WHERE last >= $1 AND first <= $2 ORDER BY id`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []stories.StoryState
	for rows.Next() {
		var state []byte
		if err := rows.Scan(&state); err != nil {
			return nil, err
		}
		var st stories.StoryState
		if err := json.Unmarshal(state, &st); err != nil {
			return nil, fmt.Errorf("story state: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// DocFreqs implements store.Linker.
func (s *Store) DocFreqs(ctx context.Context) (*stories.Vocab, error) {
	v := &stories.Vocab{DF: map[string]int{}}
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM article_signatures a JOIN articles r ON r.id = a.article_id
		WHERE r.duplicate_of IS NULL AND r.published IS NOT NULL`).Scan(&v.N); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT term, docs FROM term_docs`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var term string
		var n int
		if err := rows.Scan(&term, &n); err != nil {
			return nil, err
		}
		v.DF[term] = n
	}
	return v, rows.Err()
}

// Link implements store.Linker.
func (s *Store) Link(ctx context.Context, l store.Link) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO article_signatures (article_id, signature) VALUES ($1, $2)
			ON CONFLICT (article_id) DO NOTHING`, l.ArticleID, l.Signature)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			// Linked already (by another writer): linking is idempotent.
			return nil
		}
		bands := make([]int64, len(l.Bands))
		for i, k := range l.Bands {
			bands[i] = int64(k)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO article_bands (article_id, key) SELECT $1, unnest($2::bigint[])`,
			l.ArticleID, bands); err != nil {
			return err
		}
		if l.DuplicateOf != 0 {
			if _, err := tx.Exec(ctx, `UPDATE articles SET duplicate_of = $1 WHERE id = $2`, l.DuplicateOf, l.ArticleID); err != nil {
				return err
			}
		}
		storyID := l.StoryID
		if l.Story != nil {
			st := *l.Story
			if st.ID == 0 {
				if err := tx.QueryRow(ctx, `INSERT INTO stories (title, first, last, articles, state) VALUES ($1, $2, $3, $4, '{}')
					RETURNING id`, st.Title, st.First, st.Last, st.Articles).Scan(&st.ID); err != nil {
					return fmt.Errorf("new story: %w", err)
				}
			}
			state, err := json.Marshal(st)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE stories SET title = $1, first = $2, last = $3, articles = $4, state = $5 WHERE id = $6`,
				st.Title, st.First, st.Last, st.Articles, state, st.ID); err != nil {
				return fmt.Errorf("story %d: %w", st.ID, err)
			}
			storyID = st.ID
		}
		if storyID != 0 {
			if _, err := tx.Exec(ctx, `UPDATE articles SET story_id = $1 WHERE id = $2`, storyID, l.ArticleID); err != nil {
				return err
			}
		}
		if len(l.Terms) > 0 {
			if _, err := tx.Exec(ctx, `INSERT INTO term_docs (term, docs)
				SELECT DISTINCT t, 1 FROM unnest($1::text[]) t ORDER BY t
				ON CONFLICT (term) DO UPDATE SET docs = term_docs.docs + 1`, l.Terms); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("link article %d: %w", l.ArticleID, err)
	}
	return nil
}

// Stories implements store.Linker.
func (s *Store) Stories(ctx context.Context, q store.StoryQuery) ([]news.Story, error) {
	f := &filter{}
	if q.Text != "" {
		f.add("s.title ILIKE ?", "%"+escapeLike(q.Text)+"%")
	}
	if !q.From.IsZero() {
		f.add("s.last >= ?", q.From)
	}
	if !q.To.IsZero() {
		f.add("s.first < ?", q.To)
	}
	rows, err := s.pool.Query(ctx, `SELECT s.id, s.title, s.first, s.last, s.articles FROM stories s`+f.where()+
		` ORDER BY s.last DESC, s.id DESC`+f.page(q.Limit, q.Offset), f.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []news.Story{}
	for rows.Next() {
		var st news.Story
		if err := rows.Scan(&st.ID, &st.Title, &st.First, &st.Last, &st.Articles); err != nil {
			return nil, err
		}
		st.First, st.Last = st.First.UTC(), st.Last.UTC()
		out = append(out, st)
	}
	return out, rows.Err()
}

// Story implements store.Linker.
func (s *Store) Story(ctx context.Context, id int64) (*store.StoryDetail, error) {
	d := &store.StoryDetail{List: []news.Article{}}
	err := s.pool.QueryRow(ctx, `SELECT id, title, first, last, articles FROM stories WHERE id = $1`, id).
		Scan(&d.ID, &d.Title, &d.First, &d.Last, &d.Story.Articles)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	d.First, d.Last = d.First.UTC(), d.Last.UTC()
	rows, err := s.pool.Query(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.story_id = $1
		ORDER BY a.published NULLS FIRST, a.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		a, _, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		d.List = append(d.List, a)
	}
	return d, rows.Err()
}
