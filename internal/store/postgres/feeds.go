package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/store"
)

// AddFeed implements store.FeedStore.
func (s *Store) AddFeed(ctx context.Context, url string) (bool, error) {
	tag, err := s.pool.Exec(ctx, `INSERT INTO feeds (url) VALUES ($1) ON CONFLICT (url) DO NOTHING`, url)
	if err != nil {
		return false, err
	}
	return tag.RowsAffected() == 1, nil
}

// Feeds implements store.FeedStore.
func (s *Store) Feeds(ctx context.Context) ([]store.Feed, error) {
	rows, err := s.pool.Query(ctx, `SELECT f.url, f.title, f.etag, f.last_modified, f.added, f.last_polled, f.last_error,
		(SELECT count(*) FROM feed_items i WHERE i.feed_url = f.url AND i.article_id IS NOT NULL)
		FROM feeds f ORDER BY f.added, f.url`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Feed{}
	for rows.Next() {
		var f store.Feed
		var polled *time.Time
		if err := rows.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &f.Added, &polled, &f.LastError, &f.Items); err != nil {
			return nil, err
		}
		f.Added = f.Added.UTC()
		f.LastPolled = inZone(polled, 0)
		out = append(out, f)
	}
	return out, rows.Err()
}

// UpdateFeed implements store.FeedStore.
func (s *Store) UpdateFeed(ctx context.Context, f store.Feed) error {
	_, err := s.pool.Exec(ctx, `UPDATE feeds SET title = CASE WHEN $1 <> '' THEN $1 ELSE title END,
		etag = $2, last_modified = $3, last_polled = $4, last_error = $5 WHERE url = $6`,
		f.Title, f.ETag, f.LastModified, nullTime(f.LastPolled), validUTF8(f.LastError), f.URL)
	return err
}

// FeedItemSeen implements store.FeedStore.
func (s *Store) FeedItemSeen(ctx context.Context, feedURL, key string) (bool, error) {
	var one int
	err := s.pool.QueryRow(ctx, `SELECT 1 FROM feed_items WHERE feed_url = $1 AND item_key = $2`, feedURL, key).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// MarkFeedItem implements store.FeedStore.
func (s *Store) MarkFeedItem(ctx context.Context, feedURL, key string, articleID int64) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO feed_items (feed_url, item_key, article_id) VALUES ($1, $2, $3)
		ON CONFLICT (feed_url, item_key) DO UPDATE SET article_id = coalesce(excluded.article_id, feed_items.article_id)`,
		feedURL, key, nullID(articleID))
	return err
}
