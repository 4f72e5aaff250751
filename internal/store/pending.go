package store

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/news"
)

// PendingLinker is what linking articles after they were stored needs: a
// worker stores articles without linking them, and one process later links
// what is not linked yet, loading each article back from the store.
type PendingLinker interface {
	Linker
	// Document returns a stored article with its annotations (the
	// entities weigh in story clustering), or ErrNotFound.
	Document(ctx context.Context, id int64) (*news.Document, error)
	// Unlinked returns up to limit ids of stored articles that are not
	// linked yet and whose id is greater than after, in id order, so that
	// a caller can page through them and link originals before copies.
	Unlinked(ctx context.Context, after int64, limit int) ([]int64, error)
}

// LinkLocker is implemented by stores that many processes write at once
// (PostgreSQL). Linking must see articles in storage order and one at a
// time, so only the process holding the lock links.
type LinkLocker interface {
	// TryLinkLock takes the linking lock if no other process holds it,
	// without waiting. When ok, release must be called to let others link;
	// the lock is also freed if the process dies.
	TryLinkLock(ctx context.Context) (release func(), ok bool, err error)
}
