package quality

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// filler is a clean paragraph long enough to keep a test body above the
// short threshold, so that each test sees only the problem it plants.
const filler = "Officials in the capital said on Tuesday that the new rules would apply to every port in the country from the start of next year. " +
	"Shipping companies will have six months to adjust their systems, and inspectors will visit each terminal at least twice before the deadline. " +
	"The transport ministry said the change would cut waiting times for lorries by about a third. " +
	"Port workers' unions said they had been consulted and broadly supported the plan, though they asked for more staff at the busiest terminals.\n\n"

func TestGarbledIsFlaggedWithEvidence(t *testing.T) {
	q := Assess(Input{Body: readFixture(t, "garbled.txt"), Language: "en"})
	if !q.HasFlag(news.FlagMachineTranslation) {
		t.Fatalf("garbled fixture not flagged: %+v", q)
	}
	if len(q.Flags) != 1 {
		t.Errorf("flags = %v, want only %s", q.Flags, news.FlagMachineTranslation)
	}
	if q.Score != 1-WeightMachineTranslation {
		t.Errorf("score = %v, want %v", q.Score, 1-WeightMachineTranslation)
	}
	for _, want := range []string{
		`stray word in name "Donald Nut Trump" ("Donald Trump" appears earlier)`,
		`sentence ends with "the": "…a very special bond with the."`,
		`"spokeswoman" followed by "he said"`,
	} {
		if !slices.ContainsFunc(q.Reasons, func(r string) bool { return strings.Contains(r, want) }) {
			t.Errorf("no reason contains %q; reasons:\n%s", want, strings.Join(q.Reasons, "\n"))
		}
	}
}

func TestCleanArticlesAreNotFlagged(t *testing.T) {
	for _, name := range []string{"clean_korea.txt", "clean_quote.txt", "clean_washington.txt", "clean_markets.txt"} {
		t.Run(name, func(t *testing.T) {
			q := Assess(Input{Body: readFixture(t, name), Language: "en", BoilerplateRatio: 0.2})
			if len(q.Flags) != 0 || q.Score != 1 || len(q.Reasons) != 0 {
				t.Errorf("clean article assessed %+v", q)
			}
			if signs := translationSigns(Input{Body: readFixture(t, name)}); len(signs) != 0 {
				t.Errorf("clean article has translation signs: %+v", signs)
			}
		})
	}
}

func TestOneWeakSignIsNotEnough(t *testing.T) {
	oneSign := filler + "The minister said the agreement would be signed in the spring and that talks would continue with the."
	if q := Assess(Input{Body: oneSign}); q.HasFlag(news.FlagMachineTranslation) {
		t.Errorf("one dangling sentence flagged: %v", q.Reasons)
	}
	twoKinds := oneSign + "\n\nA ministry spokeswoman confirmed the date. “Nothing has changed,” he said."
	if q := Assess(Input{Body: twoKinds}); !q.HasFlag(news.FlagMachineTranslation) {
		t.Errorf("dangling sentence plus gender mismatch not flagged: %+v", q)
	}
}

func TestStrayNames(t *testing.T) {
	tests := []struct {
		name, body string
		known      []string
		want       int  // signs found
		strong     bool // whether the first is strong
	}{
		{"stray word after short form", "Donald Trump landed on Monday. Later Donald Nut Trump spoke to reporters.", nil, 1, true},
		{"title before name", "President Joe Biden spoke on Monday. President Biden then left for Ohio.", nil, 0, false},
		{"different person sharing words", "Kim Jong Un arrived first. Kim Yo Jong, his sister, followed.", nil, 0, false},
		{"middle name at first mention", "Hillary Rodham Clinton spoke first. Later Hillary Clinton took questions.", nil, 1, false},
		{"middle initial", "George W. Bush spoke. George Bush then left.", nil, 0, false},
		{"known name, later mention", "Trump landed on Monday. Later Donald Nut Trump spoke to reporters.", []string{"Donald Trump"}, 1, true},
		{"known name, first mention", "Donald Nut Trump spoke to reporters on Monday.", []string{"Donald Trump"}, 1, false},
		{"known full name", "Hillary Rodham Clinton spoke. Trump replied.", []string{"Hillary Clinton", "Hillary Rodham Clinton"}, 0, false},
		{"comma separates names", "Donald Trump met aides. Donald, Nut Trump said nothing.", nil, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := strayNameSigns(tc.body, tc.known)
			if len(got) != tc.want {
				t.Fatalf("got %d signs %+v, want %d", len(got), got, tc.want)
			}
			if tc.want > 0 && got[0].strong != tc.strong {
				t.Errorf("strong = %v, want %v (%s)", got[0].strong, tc.strong, got[0].evidence)
			}
		})
	}
}

func TestDanglingSentences(t *testing.T) {
	tests := []struct {
		body string
		want int
	}{
		{"He said he had formed a bond with the. Talks went on.", 1},
		{"The deal was signed by both sides and. Then they left.", 1},
		{"It was not what he was accused of. They wanted to. He came in.", 0},
		{"Take vitamin A. The meeting starts at 10 a.m. on Monday.", 0},
		{"This is their.", 1},
	}
	for _, tc := range tests {
		if got := danglingSigns(tc.body); len(got) != tc.want {
			t.Errorf("danglingSigns(%q) = %+v, want %d", tc.body, got, tc.want)
		}
	}
}

func TestQuoteSigns(t *testing.T) {
	tests := []struct {
		name, body string
		want       int
	}{
		{"balanced", "“We will not back down,” she said.", 0},
		{"unclosed", "“We will not back down, she said. The talks end today.", 1},
		{"straight unclosed", `"We will not back down, she said.`, 1},
		{"multi-paragraph quote", "“We have seen floods before.\n\n“Still, we open tomorrow,” she said.", 0},
		{"closed mid-sentence", "“We will not back down from the union” demands were rejected on Monday.", 1},
		{"attribution without comma", "“We will not back down from the union” he said on Monday.", 0},
		{"scare quotes", "The so-called “peace deal” was signed on Monday by both sides.", 0},
		{"phrase inside sentence", "He described the plan as “a reckless gamble with people's lives” and vowed to fight.", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := quoteSigns(tc.body); len(got) != tc.want {
				t.Errorf("got %+v, want %d signs", got, tc.want)
			}
		})
	}
}

func TestGenderSigns(t *testing.T) {
	tests := []struct {
		name, body string
		want       int
	}{
		{"spokeswoman then he", "A ministry spokeswoman confirmed the talks. “We are ready,” he said.", 1},
		{"named woman then he", "Karin Olsson chairs the association. “Not one metre,” he added.", 1},
		{"Ms. then he", "Ms. Olsson was asked about the permit. He said it was unfair.", 1},
		{"spokeswoman then she", "A ministry spokeswoman confirmed the talks. “We are ready,” she said.", 0},
		{"another man in between", "Ms. Park said her husband was detained in March. He said he was innocent.", 0},
		{"a name in between", "A ministry spokeswoman said Lee Jae-myung would attend. He said he would.", 0},
		{"too far away", "A spokeswoman confirmed the talks. The room was full. Nobody moved. “Yes,” he said.", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := genderSigns(tc.body); len(got) != tc.want {
				t.Errorf("got %+v, want %d signs", got, tc.want)
			}
		})
	}
}

func TestTruncated(t *testing.T) {
	tests := []struct {
		end  string
		want bool
	}{
		{"The ministry said the talks would resume next week.", false},
		{"“We will not back down,” she said.", false},
		{"“We will see what happens next”", false},
		{"He left for Seoul (his first trip abroad).", false},
		{"The ministry said the talks would resume next", true},
		{"The ministry said the talks would resume next week and...", true},
		{"The ministry said the talks would resume next week and…", true},
		{"The ministry said the talks would [...]", true},
		{"The ministry said the talks would resume next week and [+2481 chars]", true},
		{"The talks resume next week. Read more", true},
		{"She said voters wanted to read more.", false},
		{"The talks resume next week. Continue reading »", true},
		{"The ministry said:", true},
	}
	for _, tc := range tests {
		why, got := truncation(filler + tc.end)
		if got != tc.want {
			t.Errorf("truncation(…%q) = %v (%s), want %v", tc.end, got, why, tc.want)
		}
	}
	q := Assess(Input{Body: filler + "The ministry said the talks would resume next"})
	if !q.HasFlag(news.FlagTruncated) || len(q.Flags) != 1 {
		t.Errorf("flags = %v, want only truncated", q.Flags)
	}
	if !strings.Contains(q.Reasons[0], `ends mid-sentence: "…The ministry said the talks would resume next"`) {
		t.Errorf("reason = %q", q.Reasons[0])
	}
}

func TestShort(t *testing.T) {
	brief := "North Korea fired a short-range ballistic missile into the sea off its east coast on Tuesday, South Korea's military said. It was the third launch this month."
	q := Assess(Input{Body: brief, Language: "en"})
	if !q.HasFlag(news.FlagShort) || len(q.Flags) != 1 {
		t.Fatalf("flags = %v, want only short", q.Flags)
	}
	if q.Reasons[0] != "short: body has 27 words, fewer than 80" {
		t.Errorf("reason = %q", q.Reasons[0])
	}
	if q := Assess(Input{Body: filler + brief}); q.HasFlag(news.FlagShort) {
		t.Errorf("%d-word body flagged short", countWords(filler+brief))
	}
	if q := Assess(Input{}); !q.HasFlag(news.FlagShort) || q.HasFlag(news.FlagTruncated) {
		t.Errorf("empty body: flags = %v, want short only", q.Flags)
	}
}

func TestLanguageAndBoilerplate(t *testing.T) {
	body := filler + "The plan takes effect in January."
	tests := []struct {
		lang  string
		ratio float64
		want  []string
	}{
		{"en", 0.3, []string{}},
		{"en-GB", 0.5, []string{}},
		{"", 0, []string{}},
		{"de", 0, []string{news.FlagNonEnglish}},
		{"pt_BR", 0.51, []string{news.FlagBoilerplateHeavy, news.FlagNonEnglish}},
	}
	for _, tc := range tests {
		q := Assess(Input{Body: body, Language: tc.lang, BoilerplateRatio: tc.ratio, Removed: 12})
		if !slices.Equal(q.Flags, tc.want) {
			t.Errorf("lang %q ratio %v: flags = %v, want %v", tc.lang, tc.ratio, q.Flags, tc.want)
		}
	}
	q := Assess(Input{Body: body, Language: "pt_BR", BoilerplateRatio: 0.51, Removed: 12})
	if q.Score != 0.7 {
		t.Errorf("score = %v, want 0.7", q.Score)
	}
	if want := "boilerplate_heavy: 51% of the page text (12 lines) was removed as chrome"; q.Reasons[0] != want {
		t.Errorf("reason = %q, want %q", q.Reasons[0], want)
	}
}

func TestScoreFloorsAtZero(t *testing.T) {
	q := Assess(Input{Body: "Donald Trump left. Donald Nut Trump said the talks were over and", Language: "fr", BoilerplateRatio: 0.9})
	want := []string{news.FlagShort, news.FlagBoilerplateHeavy, news.FlagTruncated, news.FlagNonEnglish, news.FlagMachineTranslation}
	if !slices.Equal(q.Flags, want) {
		t.Errorf("flags = %v, want %v", q.Flags, want)
	}
	if q.Score != 0 {
		t.Errorf("score = %v, want 0", q.Score)
	}
}

func TestSentences(t *testing.T) {
	got := sentences(`Ms. Park met Mr. Kim in the U.S. capital. “We agreed,” she said. He left at 10 a.m. on Monday. Then J. Doe spoke.`)
	want := []string{"Ms. Park met Mr. Kim in the U.S. capital.", "“We agreed,” she said.", "He left at 10 a.m. on Monday.", "Then J. Doe spoke."}
	if !slices.Equal(got, want) {
		t.Errorf("sentences =\n%q\nwant\n%q", got, want)
	}
}

func BenchmarkAssess(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("testdata", "garbled.txt"))
	if err != nil {
		b.Fatal(err)
	}
	in := Input{Body: strings.Repeat(string(body)+"\n\n", 4), Language: "en", KnownNames: []string{"Donald Trump", "Kim Jong Un"}}
	b.SetBytes(int64(len(in.Body)))
	for b.Loop() {
		Assess(in)
	}
}

// TestLinearTime guards against inputs that make Assess quadratic: one
// long paragraph of quotes, honorifics or names.
func TestLinearTime(t *testing.T) {
	for name, unit := range map[string]string{
		"quotes": "“We will not back down from the union” demands. ",
		"ms":     "Ms. ",
		"names":  "Donald Nut Trump ",
		"he":     "A spokeswoman spoke. He said so. ",
	} {
		in := strings.Repeat(unit, 20000)
		start := time.Now()
		Assess(Input{Body: in})
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: Assess took %v on %d bytes", name, d, len(in))
		}
	}
}

func TestRepeatedThreeWordNameIsNotStray(t *testing.T) {
	body := `North Korea freed three Americans on Wednesday. Kim Hak Song, an agricultural researcher, had been held since May 2017.

The three, Kim Dong Chul, Kim Sang Duk and Kim Hak Song, landed at Joint Base Andrews early on Thursday, where the president greeted them on the tarmac before television cameras.`
	q := Assess(Input{Body: body, Language: "en", KnownNames: []string{"Kim Song", "Donald Trump"}})
	if q.HasFlag(news.FlagMachineTranslation) {
		t.Errorf("a real three-part name written twice was flagged: %v", q.Reasons)
	}
}
