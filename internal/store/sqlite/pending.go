package sqlite

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/store"
)

var _ store.PendingLinker = (*Store)(nil)

// Unlinked implements store.PendingLinker. An article is linked once it has
// a signature (store.Linker's Linked), so the unlinked ones are those
// without one; both lookups go by primary key.
func (s *Store) Unlinked(ctx context.Context, after int64, limit int) ([]int64, error) {
	var ids []int64
	err := queryEach(ctx, s.db, `SELECT a.id FROM articles a
		WHERE a.id > ? AND NOT EXISTS (SELECT 1 FROM article_signatures s WHERE s.article_id = a.id)
		ORDER BY a.id LIMIT ?`, []any{after, limit}, func(sc scanner) error {
		var id int64
		err := sc.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}
