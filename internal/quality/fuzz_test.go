package quality

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// FuzzAssess checks that Assess never panics, keeps the score in [0, 1],
// and reports flags only from the documented set with a reason for each.
func FuzzAssess(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), "en")
	}
	f.Add("“A\n\n“B” c d e f g h i j” k. Ms. X. He said the.", "de")
	known := []string{news.FlagShort, news.FlagBoilerplateHeavy, news.FlagTruncated, news.FlagNonEnglish, news.FlagMachineTranslation}
	f.Fuzz(func(t *testing.T, body, lang string) {
		q := Assess(Input{Body: body, Language: lang, KnownNames: []string{"Donald Trump"}})
		if q.Score < 0 || q.Score > 1 {
			t.Fatalf("score %v out of range", q.Score)
		}
		for _, fl := range q.Flags {
			if !slices.Contains(known, fl) {
				t.Fatalf("unknown flag %q", fl)
			}
		}
		if len(q.Reasons) < len(q.Flags) {
			t.Fatalf("%d flags but %d reasons", len(q.Flags), len(q.Reasons))
		}
	})
}
