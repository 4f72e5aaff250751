package boilerplate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzClean checks that Clean never panics and never invents text: every
// line of the title, the body and each removed string is a piece of the
// input.
func FuzzClean(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("SEOUL, June 12 (Newsgraph) —\nBy \n\n“\n(\nREAD MORE: \n1 comments")
	f.Fuzz(func(t *testing.T, text string) {
		r := Clean(text)
		check := func(what, s string) {
			for piece := range strings.SplitSeq(s, "\n") {
				if piece != "" && !strings.Contains(text, piece) {
					t.Fatalf("%s piece %q is not in the input", what, piece)
				}
			}
		}
		check("title", r.Title)
		check("body", strings.ReplaceAll(r.Body, "\n\n", "\n"))
		for _, s := range r.Removed {
			check("removed", s)
		}
		for _, s := range r.RelatedHeadlines {
			check("related", s)
		}
		if strings.Contains(r.Body, "\n\n\n") {
			t.Fatalf("empty paragraph in body %q", r.Body)
		}
	})
}
