package sqlite

import (
	"context"
	"database/sql"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
)

// AddFeed implements store.FeedStore.
func (s *Store) AddFeed(ctx context.Context, url string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, added) VALUES (?, ?) ON CONFLICT (url) DO NOTHING`,
		url, time.Now().UTC().Format(timeFormat))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Feeds implements store.FeedStore.
func (s *Store) Feeds(ctx context.Context) ([]store.Feed, error) {
	out := []store.Feed{}
	err := queryEach(ctx, s.db, `SELECT f.url, f.title, f.etag, f.last_modified, f.added, f.last_polled, f.last_error,
		(SELECT count(*) FROM feed_items i WHERE i.feed_url = f.url AND i.article_id IS NOT NULL)
		FROM feeds f ORDER BY f.added, f.url`, nil, func(sc scanner) error {
		var f store.Feed
		var added, polled sql.NullString
		if err := sc.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &added, &polled, &f.LastError, &f.Items); err != nil {
			return err
		}
		f.Added, f.LastPolled = parseTime(added), parseTime(polled)
		out = append(out, f)
		return nil
	})
	return out, err
}

// UpdateFeed implements store.FeedStore.
func (s *Store) UpdateFeed(ctx context.Context, f store.Feed) error {
	_, err := s.db.ExecContext(ctx, `UPDATE feeds SET title = CASE WHEN ? <> '' THEN ? ELSE title END,
		etag = ?, last_modified = ?, last_polled = ?, last_error = ? WHERE url = ?`,
		f.Title, f.Title, f.ETag, f.LastModified, formatTime(f.LastPolled), f.LastError, f.URL)
	return err
}

// FeedItemSeen implements store.FeedStore.
func (s *Store) FeedItemSeen(ctx context.Context, feedURL, key string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM feed_items WHERE feed_url = ? AND item_key = ?`, feedURL, key).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return err == nil, err
}

// MarkFeedItem implements store.FeedStore.
func (s *Store) MarkFeedItem(ctx context.Context, feedURL, key string, articleID int64) error {
	var id any
	if articleID != 0 {
		id = articleID
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO feed_items (feed_url, item_key, article_id, seen_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (feed_url, item_key) DO UPDATE SET article_id = coalesce(excluded.article_id, feed_items.article_id)`,
		feedURL, key, id, time.Now().UTC().Format(timeFormat))
	return err
}
