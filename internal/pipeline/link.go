package pipeline

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/stories"
)

// linker links each stored article to what it copies and to its story. It
// needs what is already stored, so it runs in the ingest's single writer,
// in storage order: two copies ingested at once still see each other.
type linker struct {
	st        store.Linker
	clusterer stories.Clusterer
	vocab     *stories.Vocab
}

func newLinker(ctx context.Context, st store.Linker) (*linker, error) {
	vocab, err := st.DocFreqs(ctx)
	if err != nil {
		return nil, fmt.Errorf("load story terms: %w", err)
	}
	l := &linker{st: st, vocab: vocab}
	l.clusterer.DF = vocab
	return l, nil
}

// bandIndex adapts the store to dedup.Index.
type bandIndex struct {
	ctx context.Context
	st  store.Linker
}

func (b bandIndex) Candidates(keys []dedup.BandKey) ([]int64, error) {
	raw := make([]uint64, len(keys))
	for i, k := range keys {
		raw[i] = uint64(k)
	}
	return b.st.Candidates(b.ctx, raw, 50)
}

// link finds what the article with id copies and which story it belongs to,
// and records both. An article already linked is left alone, so linking is
// idempotent and an interrupted ingest can finish it on the next run.
func (l *linker) link(ctx context.Context, id int64, doc *news.Document) error {
	if done, err := l.st.Linked(ctx, id); err != nil || done {
		return err
	}
	det := dedup.Detector{
		Index: bandIndex{ctx: ctx, st: l.st},
		Body:  func(id int64) (string, error) { return l.st.Body(ctx, id) },
	}
	check, err := det.Check(doc.Article.Body)
	if err != nil {
		return fmt.Errorf("duplicate check: %w", err)
	}
	sig, err := check.Signature.MarshalBinary()
	if err != nil {
		return err
	}
	link := store.Link{ArticleID: id, Signature: sig}
	for _, k := range check.Bands {
		link.Bands = append(link.Bands, uint64(k))
	}
	if check.DuplicateOf != 0 {
		// Links always point at the first stored article, so the match's
		// own link (if any) is the original. A copy joins the original's
		// story without being counted in it again.
		dupOf, story, err := l.st.ArticleLinks(ctx, check.DuplicateOf)
		if err != nil {
			return err
		}
		link.DuplicateOf = check.DuplicateOf
		if dupOf != 0 {
			link.DuplicateOf = dupOf
			if _, story, err = l.st.ArticleLinks(ctx, dupOf); err != nil {
				return err
			}
		}
		link.StoryID = story
		return l.st.Link(ctx, link)
	}
	a := doc.Article
	a.ID = id
	if a.Published.IsZero() {
		// An undated article cannot be placed in a story's time window.
		return l.st.Link(ctx, link)
	}
	f := l.clusterer.Features(a, doc.Entities)
	from, to := l.clusterer.ActiveRange(a.Published)
	candidates, err := l.st.ActiveStories(ctx, from, to)
	if err != nil {
		return err
	}
	d := l.clusterer.Assign(f, candidates)
	link.Story = &d.Story
	for _, t := range f.Terms {
		link.Terms = append(link.Terms, t.Term)
	}
	if err := l.st.Link(ctx, link); err != nil {
		return err
	}
	l.vocab.Add(f)
	return nil
}
