package entities

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/news"
)

// The sentences below are our own, written to exercise the model's known
// mistakes. People come from testdata/people.tsv, loaded over the built-in
// tables, so that the expected offices do not move with the shipped data.

var (
	testKBOnce sync.Once
	testKB     *actors.KB
)

func tagger(t testing.TB) *Tagger {
	t.Helper()
	testKBOnce.Do(func() {
		kb, err := actors.Load("testdata/people.tsv")
		if err != nil {
			panic(err)
		}
		testKB = kb
	})
	return New(testKB)
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// want is an expected mention: its text, type, actor and (if not "-")
// canonical name. Ref is checked when set ≥ 0 as the index of the mention
// with that text in the result.
type want struct {
	text, typ, actor, canonical string
	refText                     string
}

// check asserts that got holds each wanted mention (in order, first match by
// text after the previous one) and that the invariants hold.
func check(t *testing.T, body string, got []news.EntityMention, wants []want) {
	t.Helper()
	invariants(t, body, got)
	from := 0
	for _, w := range wants {
		found := -1
		for i := from; i < len(got); i++ {
			if got[i].Text == w.text {
				found = i
				break
			}
		}
		if found < 0 {
			t.Errorf("no mention %q after index %d in:\n%s", w.text, from, dump(got))
			continue
		}
		m := got[found]
		if m.Type != w.typ || m.Actor != w.actor || (w.canonical != "-" && m.Canonical != w.canonical) {
			t.Errorf("mention %q = %s actor %q canonical %q; want %s actor %q canonical %q",
				w.text, m.Type, m.Actor, m.Canonical, w.typ, w.actor, w.canonical)
		}
		if w.refText != "" {
			if m.Ref < 0 || got[m.Ref].Text != w.refText {
				t.Errorf("mention %q: Ref %d, want the mention %q", w.text, m.Ref, w.refText)
			}
		}
		from = found + 1
	}
}

func invariants(t *testing.T, body string, got []news.EntityMention) {
	t.Helper()
	for i, m := range got {
		if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
			t.Errorf("mention %d %q: [%d,%d) does not locate its text", i, m.Text, m.Start, m.End)
		}
		if i > 0 && m.Start < got[i-1].End {
			t.Errorf("mention %d %q overlaps %q", i, m.Text, got[i-1].Text)
		}
		if m.Ref >= i || m.Ref < -1 {
			t.Errorf("mention %d %q: Ref %d does not point back", i, m.Text, m.Ref)
		}
		switch m.Type {
		case news.Person, news.Organization, news.Location:
		default:
			t.Errorf("mention %q has type %q", m.Text, m.Type)
		}
	}
}

func dump(ms []news.EntityMention) string {
	var b strings.Builder
	for i, m := range ms {
		fmt.Fprintf(&b, "  %d %q %s actor=%s canon=%q ref=%d\n", i, m.Text, m.Type, m.Actor, m.Canonical, m.Ref)
	}
	return b.String()
}

func texts(ms []news.EntityMention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func TestTitleGluedToName(t *testing.T) {
	body := "U.S. President Donald Trump arrived in Singapore on Tuesday for the summit."
	got := tagger(t).Find(body, day("2018-06-12"))
	check(t, body, got, []want{
		{"U.S.", news.Location, "USA", "United States", ""},
		{"Donald Trump", news.Person, "USAGOV", "Donald Trump", ""},
		{"Singapore", news.Location, "SGP", "-", ""},
	})
	for _, m := range got {
		if strings.Contains(m.Text, "President") || m.Text == "Tuesday" {
			t.Errorf("mention %q should not exist", m.Text)
		}
	}
	if m := got[0]; m.Country != "USA" {
		t.Errorf("U.S. country = %q", m.Country)
	}
}

func TestOfficeByDate(t *testing.T) {
	body := "Donald Trump spoke to reporters at the White House."
	for date, actor := range map[string]string{
		"2018-06-12": "USAGOV",
		"2022-03-01": "USA", // out of office: a private American
		"2025-06-20": "USAGOV",
	} {
		got := tagger(t).Find(body, day(date))
		check(t, body, got, []want{{"Donald Trump", news.Person, actor, "Donald Trump", ""}})
	}
	// Undated: the country, never an office.
	got := tagger(t).Find(body, time.Time{})
	check(t, body, got, []want{{"Donald Trump", news.Person, "USA", "Donald Trump", ""}})

	body = "Jen Psaki told reporters the administration would respond."
	got = tagger(t).Find(body, day("2021-03-15"))
	check(t, body, got, []want{{"Jen Psaki", news.Person, "USAGOV", "Jen Psaki", ""}})
}

func TestSeats(t *testing.T) {
	body := "Pyongyang said it would respond. The White House said the offer stood. Talks in Pyongyang were delayed."
	got := tagger(t).Find(body, day("2018-06-12"))
	check(t, body, got, []want{
		{"Pyongyang", news.Organization, "PRKGOV", "Pyongyang", ""},
		{"White House", news.Organization, "USAGOV", "-", ""},
		// As a place, the seat is coded like its country.
		{"Pyongyang", news.Location, "PRK", "Pyongyang", ""},
	})
	if got[0].Country != "PRK" {
		t.Errorf("Pyongyang country = %q, want PRK", got[0].Country)
	}
	for _, m := range got {
		if m.Text == "it" {
			t.Error(`"it" should not be a mention`)
		}
	}
}

func TestModelMistakesDropped(t *testing.T) {
	body := "Officials said the talks would resume in March. The meeting on Tuesday was short. Seoul-based monitoring outlet NK News said Kim Jong Un’s sister attended."
	got := tagger(t).Find(body, day("2018-06-12"))
	check(t, body, got, []want{
		{"NK News", news.Organization, "KORMED", "NK News", ""},
		{"Kim Jong Un", news.Person, "PRKGOV", "Kim Jong Un", ""},
	})
	for _, m := range got {
		switch m.Text {
		case "Officials", "March", "Tuesday", "The", "Seoul-based", "Seoul", "Seoul-based monitoring outlet":
			t.Errorf("mention %q should not exist:\n%s", m.Text, dump(got))
		}
	}
}

func TestDescriptions(t *testing.T) {
	body := "North Korea's delegation at the United Nations rejected the plan. " +
		"U.S. officials said Iraqi special forces had retaken the town. " +
		"South Korean officials met the North Korean foreign ministry. " +
		"Russian troops crossed the border, a Seoul-based monitoring outlet reported."
	got := tagger(t).Find(body, day("2018-06-12"))
	check(t, body, got, []want{
		{"North Korea's delegation", news.Organization, "PRKGOV", "", ""},
		{"United Nations", news.Organization, "IGOUNO", "United Nations", ""},
		{"U.S. officials", news.Organization, "USAGOV", "", ""},
		{"Iraqi special forces", news.Organization, "IRQMIL", "", ""},
		{"South Korean officials", news.Organization, "KORGOV", "", ""},
		{"the North Korean foreign ministry", news.Organization, "PRKGOV", "", ""},
		{"Russian troops", news.Organization, "RUSMIL", "", ""},
		{"a Seoul-based monitoring outlet", news.Organization, "KORMED", "", ""},
	})
	if len(got) != 8 {
		t.Errorf("got %d mentions, want 8:\n%s", len(got), dump(got))
	}
	// A role that is not the head of its phrase makes no description.
	body = "The U.S. military base was closed."
	got = tagger(t).Find(body, day("2018-06-12"))
	if strings.Join(texts(got), "|") != "U.S." {
		t.Errorf("military base: got\n%s", dump(got))
	}
}

func TestAppositionCodesUnknownPerson(t *testing.T) {
	body := "Kim Song, North Korea's ambassador to the UN, said the sanctions were illegal."
	got := tagger(t).Find(body, day("2018-06-12"))
	check(t, body, got, []want{
		{"Kim Song", news.Person, "PRKGOV", "Kim Song", ""},
		{"North Korea's ambassador", news.Person, "PRKGOV", "Kim Song", "Kim Song"},
		{"UN", news.Organization, "IGOUNO", "United Nations", ""},
	})
	// Without a state, an unknown person gets no actor.
	body = "Lee Min-ho, a farmer, said the harvest was poor."
	got = tagger(t).Find(body, day("2018-06-12"))
	check(t, body, got, []want{{"Lee Min-ho", news.Person, "", "Lee Min-ho", ""}})
}

func TestNameVariantsInDocument(t *testing.T) {
	body := "Kim Jong-un arrived on Tuesday. KCNA said Kim Jong Un had inspected a factory. Later, Kim met officials."
	got := tagger(t).Find(body, day("2018-06-12"))
	var kims []news.EntityMention
	for _, m := range got {
		if strings.HasPrefix(m.Text, "Kim") {
			kims = append(kims, m)
		}
	}
	if len(kims) != 3 {
		t.Fatalf("want 3 mentions of Kim, got:\n%s", dump(got))
	}
	for _, m := range kims {
		if m.Canonical != "Kim Jong Un" || m.Actor != "PRKGOV" || m.Type != news.Person {
			t.Errorf("%q: canonical %q actor %q type %s", m.Text, m.Canonical, m.Actor, m.Type)
		}
	}
	// An unknown person's surname links back too.
	body = "Park Hyun-soo, a defector, spoke in Seoul. Park said conditions had worsened."
	got = tagger(t).Find(body, day("2018-06-12"))
	check(t, body, got, []want{
		{"Park Hyun-soo", news.Person, "", "Park Hyun-soo", ""},
		{"Park", news.Person, "", "Park Hyun-soo", ""},
	})
}

func TestPronounsAndRoleNouns(t *testing.T) {
	body := "Jen Psaki briefed reporters on Monday. " +
		"She said Donald Trump had called Moon Jae-in. " +
		"Trump said he was pleased with the call. " +
		"The spokeswoman added that the talks would continue."
	got := tagger(t).Find(body, day("2018-06-12"))
	check(t, body, got, []want{
		{"Jen Psaki", news.Person, "USA", "Jen Psaki", ""},
		{"She", news.Person, "USA", "Jen Psaki", "Jen Psaki"},
		{"Donald Trump", news.Person, "USAGOV", "Donald Trump", ""},
		{"Moon Jae-in", news.Person, "KORGOV", "Moon Jae-in", ""},
		{"Trump", news.Person, "USAGOV", "Donald Trump", ""},
		{"he", news.Person, "USAGOV", "Donald Trump", "Donald Trump"},
		// A woman was mentioned: the spokeswoman is not one of the men.
		{"The spokeswoman", news.Person, "USA", "Jen Psaki", "Jen Psaki"},
	})
	for _, m := range got {
		if m.Text == "it" || m.Text == "they" {
			t.Errorf("%q should not be a mention", m.Text)
		}
	}
}

func TestRoleNounNeedsRole(t *testing.T) {
	body := "Moon Jae-in met Kim Jong Un at the border. The president said the meeting had gone well."
	got := tagger(t).Find(body, day("2018-06-12"))
	// Moon holds "president" in the knowledge base; Kim holds "supreme leader".
	check(t, body, got, []want{{"The president", news.Person, "KORGOV", "Moon Jae-in", "Moon Jae-in"}})
}

func TestReferenceWindow(t *testing.T) {
	body := "Jen Psaki spoke first. The weather was cold. The hall was full. The session ran late. Then she left."
	got := tagger(t).Find(body, day("2021-03-15"))
	for _, m := range got {
		if m.Text == "she" {
			t.Errorf("\"she\" four sentences after its only candidate should stay unresolved:\n%s", dump(got))
		}
	}
}

func TestDefiniteDescriptionNamesHolder(t *testing.T) {
	body := "The U.S. president will travel to Seoul."
	got := tagger(t).Find(body, day("2018-06-12"))
	check(t, body, got, []want{{"The U.S. president", news.Person, "USAGOV", "Donald Trump", ""}})
	got = tagger(t).Find(body, day("2022-03-01"))
	check(t, body, got, []want{{"The U.S. president", news.Person, "USAGOV", "Joe Biden", ""}})
}

func TestAnnotate(t *testing.T) {
	tg := tagger(t)
	if tg.Name() != "entities" || !tg.EnglishOnly() {
		t.Errorf("Name %q EnglishOnly %v", tg.Name(), tg.EnglishOnly())
	}
	doc := news.NewDocument(news.Article{Body: "Pyongyang said it would respond.", Published: day("2018-06-12"), Language: "en"})
	tg.Annotate(doc)
	if len(doc.Entities) != 1 || doc.Entities[0].Actor != "PRKGOV" {
		t.Errorf("Annotate: %s", dump(doc.Entities))
	}
	empty := news.NewDocument(news.Article{Body: "  "})
	tg.Annotate(empty)
	if empty.Entities == nil || len(empty.Entities) != 0 {
		t.Errorf("empty body: entities %#v, want an empty list", empty.Entities)
	}
}

func TestCanonicalKey(t *testing.T) {
	for _, s := range []string{"Kim Jong-un", "Kim Jong Un", "KIM JONG UN", "Kim Jong Un’s", "leader Kim Jong Un"} {
		if got := CanonicalKey(s); got != "kim jong un" {
			t.Errorf("CanonicalKey(%q) = %q", s, got)
		}
	}
	if CanonicalKey("Kim Yo Jong") == CanonicalKey("Kim Jong Un") {
		t.Error("different people share a key")
	}
}

func TestUngarble(t *testing.T) {
	tg := tagger(t)
	for in, out := range map[string]string{
		"Donald Nut Trump":  "Donald Trump",
		"Jen Nut Psaki":     "Jen Psaki",
		"Kim Yo Jong":       "", // a known person, not a garbled one
		"Donald Trump":      "", // known as it is
		"Donald Duck Smith": "", // first and last words name no one
	} {
		got, ok := tg.Ungarble(in)
		if got != out || ok != (out != "") {
			t.Errorf("Ungarble(%q) = %q, %v; want %q", in, got, ok, out)
		}
	}
	// Two known people fitting one garbled form: no answer.
	known := map[string]string{"ann lee": "Ann Lee", "ann b lee": "Ann B Lee"}
	lookup := func(k string) (string, bool) { c, ok := known[k]; return c, ok }
	if got, ok := Ungarble("Ann X B Lee", lookup); ok {
		t.Errorf("ambiguous garble resolved to %q", got)
	}
}

func TestConcurrentFind(t *testing.T) {
	tg := tagger(t)
	on := day("2018-06-12")
	want := dump(tg.Find(benchArticle, on))
	var wg sync.WaitGroup
	var mu sync.Mutex
	bad := 0
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 3; n++ {
				if dump(tg.Find(benchArticle, on)) != want {
					mu.Lock()
					bad++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if bad > 0 {
		t.Errorf("%d concurrent runs differed", bad)
	}
}

func TestArticleInvariants(t *testing.T) {
	got := tagger(t).Find(benchArticle, day("2018-06-12"))
	invariants(t, benchArticle, got)
	if len(got) < 20 {
		t.Errorf("only %d mentions in the article:\n%s", len(got), dump(got))
	}
}

// benchArticle is a ~400-word article of our own.
const benchArticle = `SEOUL — South Korean President Moon Jae-in met North Korean leader Kim Jong Un at the border village of Panmunjom on Saturday, the second summit between the two leaders in a month, Moon’s office said.

The meeting was arranged at short notice and lasted about two hours. Kim Yo Jong, the North Korean leader’s sister, greeted Moon as he crossed into the northern side of the truce village.

Moon told reporters in Seoul on Sunday that Kim Jong Un remained committed to a summit with the United States. “Chairman Kim made clear that his will is firm,” Moon said. He added that Kim had asked for guarantees for the security of his government.

In Washington, U.S. President Donald Trump said the planned meeting in Singapore could still take place on June 12. “We’re talking to them now,” Trump told reporters at the White House. The president said a U.S. delegation had arrived in Panmunjom to prepare the talks.

North Korea’s state media gave a brief account of the meeting. The Korean Central News Agency said Kim and Moon had agreed to meet again soon. It did not mention the United States.

Seoul-based monitoring outlet NK News said the North Korean foreign ministry had issued no statement. Pyongyang said last week it might pull out of the summit because of joint military drills by South Korean and U.S. troops.

U.S. officials said Secretary of State Mike Pompeo would travel to Beijing next week. Chinese officials have urged both sides to keep talking. Russian Foreign Minister Sergei Lavrov is due in Pyongyang on Thursday, the Russian foreign ministry said.

Analysts in Tokyo were cautious. Japan’s Prime Minister Shinzo Abe said he would speak to Trump by phone. The Japanese government has asked Washington to raise the fate of citizens abducted by North Korea decades ago.

Meanwhile, Iraqi special forces and Russian troops were not involved in any of the drills, a Pentagon spokeswoman said. She declined to say whether U.S. troops in South Korea would be reduced.

Kim Song, North Korea’s ambassador to the United Nations, said sanctions remained the main obstacle. The ambassador said his country wanted “action, not words.”`

func BenchmarkFind(b *testing.B) {
	tg := tagger(b)
	on := day("2018-06-12")
	tg.Find(benchArticle, on) // load the models
	words := len(strings.Fields(benchArticle))
	b.ResetTimer()
	for b.Loop() {
		tg.Find(benchArticle, on)
	}
	b.ReportMetric(float64(words), "words")
}
