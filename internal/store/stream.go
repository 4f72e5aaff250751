package store

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/news"
)

// The streamers are optional: a store implements them when it can hand
// every matching row to a function from one query, in constant memory and
// from one consistent view of the data, as exports of millions of rows need.
// In a stream, Limit 0 means no limit and MaxLimit does not apply; the
// filters and the order are those of the paged method of the same name.
type (
	EventStreamer interface {
		StreamEvents(ctx context.Context, q EventQuery, fn func(EventRecord) error) error
	}
	QuoteStreamer interface {
		StreamQuotes(ctx context.Context, q QuoteQuery, fn func(QuoteRecord) error) error
	}
	ArticleStreamer interface {
		StreamArticles(ctx context.Context, q ArticleQuery, fn func(news.Article) error) error
	}
)

// EachEvent calls fn for every event q selects (Limit 0: all of them),
// through the store's stream when it has one, else page by page. An error
// from fn stops the iteration and is returned.
func EachEvent(ctx context.Context, s Store, q EventQuery, fn func(EventRecord) error) error {
	if st, ok := s.(EventStreamer); ok {
		return st.StreamEvents(ctx, q, fn)
	}
	return paginate(q.Limit, q.Offset, func(limit, offset int) (int, error) {
		q.Limit, q.Offset = limit, offset
		page, err := s.Events(ctx, q)
		return len(page), eachOf(page, fn, err)
	})
}

// EachQuote is EachEvent for quotes.
func EachQuote(ctx context.Context, s Store, q QuoteQuery, fn func(QuoteRecord) error) error {
	if st, ok := s.(QuoteStreamer); ok {
		return st.StreamQuotes(ctx, q, fn)
	}
	return paginate(q.Limit, q.Offset, func(limit, offset int) (int, error) {
		q.Limit, q.Offset = limit, offset
		page, err := s.Quotes(ctx, q)
		return len(page), eachOf(page, fn, err)
	})
}

// EachArticle is EachEvent for articles.
func EachArticle(ctx context.Context, s Store, q ArticleQuery, fn func(news.Article) error) error {
	if st, ok := s.(ArticleStreamer); ok {
		return st.StreamArticles(ctx, q, fn)
	}
	return paginate(q.Limit, q.Offset, func(limit, offset int) (int, error) {
		q.Limit, q.Offset = limit, offset
		page, err := s.Articles(ctx, q)
		return len(page), eachOf(page, fn, err)
	})
}

func eachOf[T any](page []T, fn func(T) error, err error) error {
	if err != nil {
		return err
	}
	for _, r := range page {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// paginate fetches pages of at most MaxLimit rows until total rows (0: all)
// are read or a page comes back short.
func paginate(total, offset int, fetch func(limit, offset int) (int, error)) error {
	offset = max(offset, 0)
	for read := 0; total <= 0 || read < total; {
		limit := MaxLimit
		if total > 0 {
			limit = min(limit, total-read)
		}
		n, err := fetch(limit, offset)
		if err != nil {
			return err
		}
		read += n
		offset += n
		if n < limit {
			return nil
		}
	}
	return nil
}
