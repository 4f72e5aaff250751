package entities

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/news"
)

// corpusCase is one article of examples/corpus, its publication date as
// EXPECTED.md gives it, and the people, states and bodies that EXPECTED.md
// names in it with the actor code each must carry on that date.
type corpusCase struct {
	file string
	on   string // YYYY-MM-DD; for a .json file the file's own date is used
	want []corpusWant
}

// corpusWant is a name as written in the text. Every mention with exactly
// that text must be of typ, carry actor and, if canonical is set, resolve
// to it; at least one such mention must exist.
type corpusWant struct {
	text, typ, actor, canonical string
}

var corpusCases = []corpusCase{{
	file: "singapore-summit-joint-statement-2018.txt",
	on:   "2018-06-12",
	want: []corpusWant{
		{"Donald Trump", news.Person, "USAGOV", "Donald Trump"},
		{"Trump", news.Person, "USAGOV", "Donald Trump"},
		{"Kim Jong Un", news.Person, "PRKGOV", "Kim Jong Un"},
		{"Kim", news.Person, "PRKGOV", "Kim Jong Un"},
		{"North Korea", news.Location, "PRK", "North Korea"},
		{"South Korea", news.Location, "KOR", "South Korea"},
	},
}, {
	file: "hanoi-summit-ends-without-deal-2019.txt",
	on:   "2019-02-28",
	want: []corpusWant{
		{"Donald Trump", news.Person, "USAGOV", "Donald Trump"},
		// The hyphenated spelling is the same canonical person.
		{"Kim Jong-un", news.Person, "PRKGOV", "Kim Jong Un"},
		{"Kim", news.Person, "PRKGOV", "Kim Jong Un"},
		{"Mike Pompeo", news.Person, "USAGOV", "Mike Pompeo"},
	},
}, {
	file: "psaki-new-york-channel-outreach-2021.json",
	want: []corpusWant{
		{"Jen Psaki", news.Person, "USAGOV", "Jen Psaki"},
		{"Psaki", news.Person, "USAGOV", "Jen Psaki"},
		{"North Korea", news.Location, "PRK", "North Korea"},
	},
}, {
	file: "rewrite-words-changed-refused-letter-2025.txt",
	on:   "2025-06-11",
	want: []corpusWant{
		// Back in office in 2025, Trump is USAGOV again.
		{"Donald Trump", news.Person, "USAGOV", "Donald Trump"},
		{"Trump", news.Person, "USAGOV", "Donald Trump"},
		{"Kim Jong Un", news.Person, "PRKGOV", "Kim Jong Un"},
		{"Karoline Leavitt", news.Person, "USAGOV", "Karoline Leavitt"},
		{"NK News", news.Organization, "KORMED", "NK News"},
		{"Lee Jae-myung", news.Person, "KORGOV", "Lee Jae-myung"},
		// "Pyongyang is still cool", "Pyongyang has not publicly
		// responded": the capital speaks for the government.
		{"Pyongyang", news.Organization, "PRKGOV", "Pyongyang"},
		{"Russia", news.Location, "RUS", "Russia"},
	},
}}

func TestCorpusActors(t *testing.T) {
	tg := New(actors.Default())
	for _, tc := range corpusCases {
		t.Run(tc.file, func(t *testing.T) {
			body, on := readCorpus(t, tc.file, tc.on)
			got := tg.Find(body, on)
			invariants(t, body, got)
			for _, w := range tc.want {
				n := 0
				for _, m := range got {
					if m.Text != w.text {
						continue
					}
					n++
					if m.Type != w.typ || m.Actor != w.actor || (w.canonical != "" && m.Canonical != w.canonical) {
						t.Errorf("%q at %d: %s actor %q canonical %q; want %s actor %q canonical %q",
							m.Text, m.Start, m.Type, m.Actor, m.Canonical, w.typ, w.actor, w.canonical)
					}
				}
				if n == 0 {
					t.Errorf("%q not found among:\n%s", w.text, dump(got))
				}
			}
		})
	}
}

// readCorpus returns an article's body and publication date. A .json file
// carries both ("text", "published"); a .txt file is its body, dated as
// EXPECTED.md says the dateline dates it.
func readCorpus(t *testing.T, file, on string) (string, time.Time) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "corpus", file))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(file, ".json") {
		return string(data), day(on)
	}
	var doc struct {
		Text      string    `json:"text"`
		Published time.Time `json:"published"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return doc.Text, doc.Published
}
