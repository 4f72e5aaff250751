package postgres

import (
	"context"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/store"
)

var (
	_ store.PendingLinker = (*Store)(nil)
	_ store.LinkLocker    = (*Store)(nil)
)

// Unlinked implements store.PendingLinker. An article is linked once it has
// a signature (store.Linker's Linked), so the unlinked ones are those
// without one: an anti-join on both primary keys.
func (s *Store) Unlinked(ctx context.Context, after int64, limit int) ([]int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT a.id FROM articles a
		WHERE a.id > $1 AND NOT EXISTS (SELECT 1 FROM article_signatures s WHERE s.article_id = a.id)
		ORDER BY a.id LIMIT $2`, after, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// linkLock is the advisory lock key held by the one process that links
// (migrateLock's neighbour, so the two never collide).
const linkLock = migrateLock + 1

// TryLinkLock implements store.LinkLocker with pg_try_advisory_xact_lock,
// which returns at once whether or not it got the lock. The lock is held
// by a transaction left open until release rather than by the session:
// behind PgBouncer in transaction mode a session lock could be taken on
// one server connection and "released" on another, and then never be
// freed, whereas a transaction keeps its server connection to the end.
// The transaction only ran a READ COMMITTED statement, so while it stays
// open it holds no snapshot back from vacuum. If the process dies, its
// connection closes and the lock goes with it.
func (s *Store) TryLinkLock(ctx context.Context) (func(), bool, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		return nil, false, fmt.Errorf("link lock: %w", err)
	}
	var ok bool
	if err := tx.QueryRow(ctx, `SELECT pg_try_advisory_xact_lock($1)`, linkLock).Scan(&ok); err != nil {
		tx.Rollback(context.WithoutCancel(ctx))
		return nil, false, fmt.Errorf("link lock: %w", err)
	}
	if !ok {
		tx.Rollback(context.WithoutCancel(ctx))
		return nil, false, nil
	}
	var once sync.Once
	release := func() {
		once.Do(func() { tx.Rollback(context.WithoutCancel(ctx)) })
	}
	return release, true, nil
}
