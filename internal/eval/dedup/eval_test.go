package dedupeval

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/dedup"
)

const corpusDir = "../../../examples/corpus"

// seed fixes every random choice of the generated pairs.
const seed = 20250611

func loadCorpus(t testing.TB) []CorpusArticle {
	t.Helper()
	c, err := LoadCorpus(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDuplicateFloors holds the detector to its promise on generated pairs:
// precision at least 0.99 and recall at least 0.95, over the copies it
// promises to catch (the stress kinds, heavier rewrites, are reported in
// the log but not counted). Run with -v to see the report.
func TestDuplicateFloors(t *testing.T) {
	c := loadCorpus(t)
	rep := Run(Generate(c, 200, seed), seed)
	t.Log(rep.JSON())
	if rep.Positives < 1000 || rep.Negatives < 1000 {
		t.Fatalf("too few pairs: %d positives, %d negatives", rep.Positives, rep.Negatives)
	}
	if rep.Precision < 0.99 {
		t.Errorf("precision %.4f < 0.99", rep.Precision)
	}
	if rep.Recall < 0.95 {
		t.Errorf("recall %.4f < 0.95", rep.Recall)
	}
	for _, e := range rep.Errors {
		t.Log(e)
	}
}

// TestCorpusRewrites ingests the example corpus in file order through the
// detector, as an ingest would, and checks the corpus's deduplication
// expectations: the three rewrites are copies of the original, the control
// on the same subject is not, and nothing else is flagged — not the English
// and German Hanoi reports, nor the English and Korean Singapore ones.
func TestCorpusRewrites(t *testing.T) {
	c := loadCorpus(t)
	bodies := map[int64]string{}
	dupOf := map[int64]int64{}
	var idx dedup.MemIndex
	det := dedup.Detector{Index: &idx, Body: func(id int64) (string, error) { return bodies[id], nil }}
	for _, a := range c {
		chk, err := det.Check(a.Body)
		if err != nil {
			t.Fatal(err)
		}
		if of := chk.DuplicateOf; of != 0 {
			// Point every copy at the first stored one, as the store does.
			if root := dupOf[of]; root != 0 {
				of = root
			}
			dupOf[a.ID] = of
			t.Logf("%s duplicates id %d: %+v after %d exact checks", a.Name, of, chk.Match, chk.Compared)
		}
		bodies[a.ID] = a.Body
		idx.Add(a.ID, chk.Bands)
	}

	orig := Find(c, "rewrite-original-")
	for _, name := range []string{"rewrite-words-changed-", "rewrite-reordered-", "rewrite-wire-republished-"} {
		a := Find(c, name)
		if dupOf[a.ID] != orig.ID {
			t.Errorf("%s: duplicate of %d, want the original (%d)", a.Name, dupOf[a.ID], orig.ID)
		}
		delete(dupOf, a.ID)
	}
	for id, of := range dupOf {
		t.Errorf("%s flagged as a duplicate of %s", c[id-1].Name, c[of-1].Name)
	}

	// The same expectations pairwise, without the index, so that a failure
	// of either step shows.
	control := Find(c, "rewrite-control-not-duplicate-")
	for _, a := range c {
		if a.ID == control.ID {
			continue
		}
		if m := dedup.Compare(dedup.ShinglesOf(control.Body), dedup.ShinglesOf(a.Body)); m.IsDuplicate() {
			t.Errorf("control matches %s: %+v", a.Name, m)
		}
	}
	for _, pair := range [][2]string{
		{"hanoi-summit-ends-without-deal-", "german-language-hanoi-gipfel-"},
		{"singapore-summit-joint-statement-", "korean-language-singapore-summit-"},
	} {
		a, b := Find(c, pair[0]), Find(c, pair[1])
		if m := dedup.Compare(dedup.ShinglesOf(a.Body), dedup.ShinglesOf(b.Body)); m.Jaccard > 0.05 {
			t.Errorf("%s and %s: %+v", a.Name, b.Name, m)
		}
	}
}
