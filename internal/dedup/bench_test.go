package dedup

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// article is about 700 words, a long news story.
var article = strings.Repeat(wire+"\n\n"+sameTopic+"\n\n", 2)

// BenchmarkSignature measures what an ingest spends per article: shingling,
// the signature and the band keys.
func BenchmarkSignature(b *testing.B) {
	b.SetBytes(int64(len(article)))
	for b.Loop() {
		_ = SignatureOf(article).Bands()
	}
}

// BenchmarkCandidates looks up a near-copy's band keys in an index of
// 100,000 articles. The stored signatures are random, as those of distinct
// articles are, so that the lookup cost is that of a realistic index in
// which a few articles match.
func BenchmarkCandidates(b *testing.B) {
	const n = 100_000
	r := rand.New(rand.NewPCG(5, 6))
	var idx MemIndex
	for id := range int64(n) {
		var sig Signature
		sig.Size = 300
		for i := range sig.Min {
			sig.Min[i] = r.Uint32()
		}
		idx.Add(id+1, sig.Bands())
	}
	orig := ShinglesOf(wire)
	idx.Add(n+1, orig.Signature().Bands())
	query := SignatureOf(wire + "\n\n" + credit).Bands()
	b.ResetTimer()
	for b.Loop() {
		ids, _ := idx.Candidates(query)
		if len(ids) != 1 || ids[0] != n+1 {
			b.Fatalf("candidates %v", ids)
		}
	}
}
