package events

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/cameo"
	"github.com/newsgraph/newsgraph/internal/news"
)

func TestBuiltinLexiconLoads(t *testing.T) {
	l, err := LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	rules := l.Rules()
	if len(rules) < 350 {
		t.Errorf("lexicon has %d rules, want several hundred", len(rules))
	}
	roots := map[string]int{}
	ids := map[string]bool{}
	for _, r := range rules {
		roots[cameo.Root(r.Code)]++
		if ids[r.ID] {
			t.Errorf("rule id %s used twice", r.ID)
		}
		ids[r.ID] = true
		if !strings.HasPrefix(r.Where, "internal/events/data/") {
			t.Errorf("rule %s: Where %q does not name its file", r.ID, r.Where)
		}
	}
	for r := 1; r <= 20; r++ {
		root := string([]byte{byte('0' + r/10), byte('0' + r%10)})
		if roots[root] == 0 {
			t.Errorf("no rule for CAMEO root %s", root)
		}
	}
	t.Logf("%d rules, %d patterns after expansion", len(rules), l.Patterns())
}

func TestInflect(t *testing.T) {
	for base, forms := range map[string][]string{
		"refuse":    {"refuse", "refuses", "refused", "refusing"},
		"meet":      {"met", "meets", "meeting"},
		"ban":       {"bans", "banned", "banning"},
		"deny":      {"denies", "denied", "denying"},
		"test-fire": {"test-fired", "test-fires", "test-firing"},
		"withdraw":  {"withdrew", "withdrawn", "withdraws"},
		"sanction":  {"sanctions", "sanctioned"},
		"veto":      {"vetoes", "vetoed"},
		"agree":     {"agreed", "agreeing", "agrees"},
		"expel":     {"expelled", "expelling"},
	} {
		got := inflect(base)
		for _, f := range forms {
			if !slices.Contains(got, f) {
				t.Errorf("inflect(%q) = %v, lacks %q", base, got, f)
			}
		}
	}
}

// writeLex writes a user lexicon file and returns its path.
func writeLex(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestUserLexiconMergesOverBuiltin(t *testing.T) {
	user := writeLex(t, "mine.tsv", strings.Join([]string{
		"# my additions",
		"my.snub\t120\t-\tgive +T the cold shoulder",
		"praise\t051\t-\t{extol|eulogize}/v +T", // replaces the built-in "praise" rule
		"criticize\t-\t-\tunused",               // removes the built-in rule
	}, "\n"))
	l, err := LoadLexicon(user)
	if err != nil {
		t.Fatal(err)
	}
	c := New(l)
	code := func(text string) []news.Event {
		doc := news.NewDocument(news.Article{Body: text, Published: day(2025, 3, 1), Language: "en"})
		c.Annotate(doc)
		return doc.Events
	}
	if evs := code("France gave Italy the cold shoulder."); len(evs) != 1 || evs[0].Rule != "my.snub" || evs[0].CAMEO != "120" || evs[0].Target[0] != "ITA" {
		t.Errorf("user rule: %s", describe(evs))
	}
	if evs := code("France extolled Italy."); len(evs) != 1 || evs[0].Rule != "praise" {
		t.Errorf("replaced rule: %s", describe(evs))
	}
	if evs := code("France praised Italy."); len(evs) != 0 {
		t.Errorf("the replaced pattern still fires: %s", describe(evs))
	}
	if evs := code("France condemned Italy."); len(evs) != 0 {
		t.Errorf("removed rule still fires: %s", describe(evs))
	}
	// A directory is read file by file.
	dir := filepath.Dir(user)
	if _, err := LoadLexicon(dir); err != nil {
		t.Errorf("loading a directory: %v", err)
	}
}

func TestLexiconErrorsNameFileAndLine(t *testing.T) {
	for name, body := range map[string]string{
		"bad code":      "# c\nx.rule\t999\t-\tattack +T\n",
		"bad flag":      "# c\nx.rule\t190\tloud\tattack +T\n",
		"columns":       "# c\nx.rule\t190\tattack +T\n",
		"unclosed":      "# c\nx.rule\t190\t-\t{attack|assault +T\n",
		"starts w/slot": "# c\nx.rule\t190\t-\t+T attacked\n",
		"duplicate id":  "# c\nx.rule\t190\t-\tattack +T\nx.rule\t190\t-\tassault +T\n",
		"two targets":   "# c\nx.rule\t190\t-\tattack +T and +T\n",
		"bad plover":    "# c\nx.rule\t190\tplover=FIGHTING\tattack +T\n",
	} {
		p := writeLex(t, "bad.tsv", body)
		_, err := LoadLexicon(p)
		line := ":2:"
		if name == "duplicate id" {
			line = ":3:"
		}
		if err == nil || !strings.Contains(err.Error(), p+line) {
			t.Errorf("%s: error %v, want one naming %s%s", name, err, p, line)
		}
	}
}

func TestPatternLanguage(t *testing.T) {
	p := writeLex(t, "lang.tsv", strings.Join([]string{
		"t.alt\t111\t-\t{slam|lash out at}/v +T",
		"t.opt\t042\t-\tpay (a {state|brief}) visit to +T",
		"t.exact\t130\t-\t=warned +T",
		"t.gap\t163\t-\tslap ** sanctions on +T",
		"t.src\t070\t-\tget * aid from +S",
	}, "\n"))
	l, err := LoadLexicon(p)
	if err != nil {
		t.Fatal(err)
	}
	c := New(l)
	for text, want := range map[string]string{
		"France slammed Italy.":                                    "FRA 111 ITA t.alt",
		"France lashed out at Italy.":                              "FRA 111 ITA t.alt",
		"France paid a state visit to Italy.":                      "FRA 042 ITA t.opt",
		"France paid visit to Italy.":                              "FRA 042 ITA t.opt",
		"France warned Italy.":                                     "FRA 130 ITA t.exact",
		"France warns Italy.":                                      "",
		"France slapped sweeping new economic sanctions on Italy.": "FRA 163 ITA t.gap",
		"Italy got emergency aid from France.":                     "FRA 070 ITA t.src",
	} {
		doc := news.NewDocument(news.Article{Body: text, Language: "en"})
		c.Annotate(doc)
		got := ""
		for _, e := range doc.Events {
			if !strings.HasPrefix(e.Rule, "t.") {
				continue
			}
			got = strings.Join(e.Source, "+") + " " + e.CAMEO + " " + strings.Join(e.Target, "+") + " " + e.Rule
		}
		if got != want {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}
