package stories

import (
	"testing"
	"time"
)

// BenchmarkFeatures measures the features of one corpus article.
func BenchmarkFeatures(b *testing.B) {
	c := byPublicationB(b)
	var cl Clusterer
	a := c[len(c)/2].Article
	for b.Loop() {
		cl.Features(a, nil)
	}
}

// BenchmarkAssign measures one assignment against 50 active stories of
// full centroids, with IDF: a busy news day in one window.
func BenchmarkAssign(b *testing.B) {
	c := byPublicationB(b)
	var vocab Vocab
	cl := &Clusterer{DF: &vocab}
	var stories []StoryState
	for i := range 50 {
		a := c[i%len(c)].Article
		a.Published = c[0].Published
		f := cl.Features(a, nil)
		s := cl.add(StoryState{}, f)
		s = cl.add(s, cl.Features(c[(i+7)%len(c)].Article, nil))
		s.ID = int64(i + 1)
		stories = append(stories, s)
		vocab.Add(f)
	}
	a := c[len(c)/2].Article
	a.Published = c[0].Published.Add(time.Hour)
	f := cl.Features(a, nil)
	for b.Loop() {
		cl.Assign(f, stories)
	}
}
