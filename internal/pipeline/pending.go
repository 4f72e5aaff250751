package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/store"
)

// ErrLinkBusy is returned by LinkPending when another process holds the
// linking lock. It is not a failure: that process links what is pending.
var ErrLinkBusy = errors.New("another process is linking")

// linkPage is how many unlinked ids are read at once.
const linkPage = 200

// LinkPending links every stored article that is not linked yet to what it
// duplicates and to its story, in id order, so that of two copies the one
// stored first is the original. Worker processes store articles without
// linking them, because linking needs one writer that sees every earlier
// article; they call LinkPending after storing instead.
//
// On a store that many processes write (store.LinkLocker), only the holder
// of the linking lock links; the others return ErrLinkBusy at once rather
// than wait. After releasing the lock, the holder looks again and links
// anything stored meanwhile: an article committed while it held the lock,
// whose writer then found the lock taken, is therefore never left behind.
//
// It returns how many articles it linked. It stops at the first error (a
// store error): linking later articles past an unlinked one would make a
// copy the original.
func LinkPending(ctx context.Context, st store.PendingLinker) (int, error) {
	locker, _ := st.(store.LinkLocker)
	total := 0
	for {
		release := func() {}
		if locker != nil {
			r, ok, err := locker.TryLinkLock(ctx)
			if err != nil {
				return total, err
			}
			if !ok {
				if total == 0 {
					return 0, ErrLinkBusy
				}
				// The holder took the lock after we released it,
				// so it will see what we saw pending.
				return total, nil
			}
			release = r
		}
		n, err := linkPass(ctx, st)
		release()
		total += n
		if err != nil || locker == nil {
			// Without a lock there is one writer, and it stored
			// nothing during the pass.
			return total, err
		}
		more, err := st.Unlinked(ctx, 0, 1)
		if err != nil || len(more) == 0 {
			return total, err
		}
	}
}

// linkPass links the unlinked articles in id order. The linker (with its
// story vocabulary) is built only when there is something to link, and
// anew for each pass, since another process may have linked in between.
func linkPass(ctx context.Context, st store.PendingLinker) (int, error) {
	var l *linker
	n := 0
	var after int64
	for {
		ids, err := st.Unlinked(ctx, after, linkPage)
		if err != nil {
			return n, fmt.Errorf("unlinked articles: %w", err)
		}
		if len(ids) == 0 {
			return n, nil
		}
		if l == nil {
			if l, err = newLinker(ctx, st); err != nil {
				return n, err
			}
		}
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			doc, err := st.Document(ctx, id)
			if err != nil {
				return n, fmt.Errorf("link article %d: %w", id, err)
			}
			if err := l.link(ctx, id, doc); err != nil {
				return n, fmt.Errorf("link article %d: %w", id, err)
			}
			n++
			after = id
		}
	}
}
