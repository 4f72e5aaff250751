package quotes

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/entities"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/timex"
)

var (
	tagger = entities.New(actors.Default())
	ex     = New(nil)
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// annotate runs the stages before the quotes as the pipeline does
// (entities, dates), then the extractor.
func annotate(body string, published time.Time) *news.Document {
	doc := news.NewDocument(news.Article{Body: body, Published: published, Language: "en"})
	tagger.Annotate(doc)
	doc.Dates = timex.Find(body, published)
	ex.Annotate(doc)
	return doc
}

// want is the part of a quote a test checks; an empty Actor or Date is
// checked as empty too.
type want struct {
	Text, Speaker, Actor, Cue, Date string
	Direct                          bool
	// Mention is the text at SpeakerStart:SpeakerEnd, "" when not checked.
	Mention string
}

func check(t *testing.T, doc *news.Document, wants []want) {
	t.Helper()
	body := doc.Article.Body
	if len(doc.Quotes) != len(wants) {
		for _, q := range doc.Quotes {
			t.Logf("got %+v", q)
		}
		t.Fatalf("got %d quotes, want %d", len(doc.Quotes), len(wants))
	}
	for i, w := range wants {
		q := doc.Quotes[i]
		if q.Text != w.Text || q.Speaker != w.Speaker || q.SpeakerActor != w.Actor || q.Cue != w.Cue || q.Direct != w.Direct || q.Date != w.Date {
			t.Errorf("quote %d:\n got  text %q speaker %q actor %q cue %q direct %v date %q\n want text %q speaker %q actor %q cue %q direct %v date %q",
				i, q.Text, q.Speaker, q.SpeakerActor, q.Cue, q.Direct, q.Date, w.Text, w.Speaker, w.Actor, w.Cue, w.Direct, w.Date)
		}
		if w.Mention != "" && body[q.SpeakerStart:q.SpeakerEnd] != w.Mention {
			t.Errorf("quote %d: speaker mention %q, want %q", i, body[q.SpeakerStart:q.SpeakerEnd], w.Mention)
		}
		if !strings.Contains(q.Text, "\n") && body[q.Start:q.End] != q.Text {
			t.Errorf("quote %d: body[%d:%d] = %q, not its text", i, q.Start, q.End, body[q.Start:q.End])
		}
	}
}

func TestPressSecretary(t *testing.T) {
	doc := annotate(`"I can confirm that we have reached out," White House press secretary Jen Psaki said on Monday.`, day("2021-03-15"))
	check(t, doc, []want{{
		Text: "I can confirm that we have reached out", Speaker: "Jen Psaki", Actor: "USAGOV", Cue: "say",
		Date: "2021-03-15", Direct: true, Mention: "Jen Psaki",
	}})
}

func TestDateOfTheSentence(t *testing.T) {
	// The date is the one the sentence gives the speech, not one inside
	// the quotation, and the publication day when it gives none.
	body := `"We will meet again in June," the prime minister said on Tuesday.` + "\n\n" +
		`"Nothing has been agreed," she added.`
	doc := annotate(body, day("2019-03-08"))
	if len(doc.Quotes) != 2 {
		t.Fatalf("got %d quotes: %+v", len(doc.Quotes), doc.Quotes)
	}
	if got := doc.Quotes[0].Date; got != "2019-03-05" {
		t.Errorf("first quote dated %q, want the Tuesday before publication, 2019-03-05", got)
	}
	if got := doc.Quotes[1].Date; got != "2019-03-08" {
		t.Errorf("second quote dated %q, want the publication day", got)
	}
	undated := annotate(`"Nothing has been agreed," she said.`, time.Time{})
	if len(undated.Quotes) != 1 || undated.Quotes[0].Date != "" {
		t.Errorf("undated article: %+v, want one quote with no date", undated.Quotes)
	}
}

func TestMultiParagraphQuote(t *testing.T) {
	body := `Anna Berg, the foreign minister, said: "We will rebuild the port first and then the roads.

"After that we will open the border crossings, one by one, as engineers clear them.

"Nobody should expect it to take less than a year."

The opposition has yet to respond.`
	doc := annotate(body, day("2022-05-02"))
	check(t, doc, []want{{
		Text: "We will rebuild the port first and then the roads.\n" +
			"After that we will open the border crossings, one by one, as engineers clear them.\n" +
			"Nobody should expect it to take less than a year.",
		Speaker: "Anna Berg", Cue: "say", Date: "2022-05-02", Direct: true, Mention: "Anna Berg",
	}})
	q := doc.Quotes[0]
	if !strings.HasPrefix(body[q.Start:], "We will rebuild") || !strings.HasSuffix(body[:q.End], "less than a year.") {
		t.Errorf("span %d:%d does not run from the first word to the last", q.Start, q.End)
	}
}

func TestPronounAfterNamedSpeaker(t *testing.T) {
	body := `Senator Mark Ellison arrived late to the hearing on the budget. "The numbers do not add up," he said.`
	doc := annotate(body, day("2023-02-10"))
	check(t, doc, []want{{
		Text: "The numbers do not add up", Speaker: "Mark Ellison", Cue: "say", Date: "2023-02-10", Direct: true, Mention: "he",
	}})
}

func TestSpokeswomanAdded(t *testing.T) {
	body := `"The company regrets the delay," said Maria Lopez, a spokeswoman for the airline. ` +
		`"We are working to rebook every passenger," she added.`
	doc := annotate(body, day("2023-07-01"))
	check(t, doc, []want{
		{Text: "The company regrets the delay", Speaker: "Maria Lopez", Cue: "say", Date: "2023-07-01", Direct: true, Mention: "Maria Lopez"},
		{Text: "We are working to rebook every passenger", Speaker: "Maria Lopez", Cue: "add", Date: "2023-07-01", Direct: true, Mention: "she"},
	})
}

func TestUnnamedSources(t *testing.T) {
	body := `The talks stalled over sanctions relief, according to a senior U.S. official. ` +
		`An unnamed U.S. official told CNN that the envoy would return next week. ` +
		`North Korean state media said the drills were a rehearsal for an invasion.`
	doc := annotate(body, day("2019-03-01"))
	check(t, doc, []want{
		{Text: "The talks stalled over sanctions relief", Speaker: "senior U.S. official", Actor: "USAGOV", Cue: "according to", Date: "2019-03-01"},
		{Text: "the envoy would return next week", Speaker: "U.S. official", Actor: "USAGOV", Cue: "tell", Date: "2019-03-01", Mention: "U.S. official"},
		{Text: "the drills were a rehearsal for an invasion", Speaker: "North Korean state media", Actor: "PRKMED", Cue: "say", Date: "2019-03-01"},
	})
}

func TestNotSpeech(t *testing.T) {
	// A scare quote, a title and a nickname: quotation marks, no speech.
	body := `The "reform" package, which lawmakers passed on Tuesday, cuts the budget of the agency. ` +
		`The film "Northern Lights" opened in 40 theaters on Friday. ` +
		`Dwayne "The Rock" Johnson was not at the premiere.`
	doc := annotate(body, day("2020-01-10"))
	check(t, doc, nil)
}

func TestShortQuoteWithCue(t *testing.T) {
	// A short phrase is a quotation when a speech verb frames it.
	body := `Kim Jong Un has sent what Trump described as "beautiful letters" in recent months.`
	doc := annotate(body, day("2019-07-01"))
	check(t, doc, []want{{
		Text: "beautiful letters", Speaker: "Donald Trump", Actor: "USAGOV", Cue: "describe", Date: "2019-07-01", Direct: true, Mention: "Trump",
	}})
}

func TestReportedSpeech(t *testing.T) {
	body := `Pyongyang said that it would not accept any deal that left sanctions in place. ` +
		`The foreign minister has acknowledged the talks were difficult. ` +
		`Officials in Seoul denied the report.`
	doc := annotate(body, day("2019-02-20"))
	check(t, doc, []want{
		{Text: "it would not accept any deal that left sanctions in place", Speaker: "Pyongyang", Actor: "PRKGOV", Cue: "say", Date: "2019-02-20", Mention: "Pyongyang"},
		{Text: "the talks were difficult", Speaker: "foreign minister", Cue: "acknowledge", Date: "2019-02-20"},
		{Text: "the report", Speaker: "Officials in Seoul", Cue: "deny", Date: "2019-02-20"},
	})
}

func TestQuotationMarks(t *testing.T) {
	cases := []struct {
		name, body string
		texts      []string
	}{
		{"straight", `"We are ready to talk," the envoy said.`, []string{"We are ready to talk"}},
		{"curly", `“We are ready to talk,” the envoy said.`, []string{"We are ready to talk"}},
		{"two apostrophes", `''We are ready to talk,'' the envoy said.`, []string{"We are ready to talk"}},
		{"nested", `"He told me, 'Do not sign it,' and I did not," the envoy said.`, []string{"He told me, 'Do not sign it,' and I did not"}},
		{"nested curly", `“He told me, ‘Do not sign it,’ and I did not,” the envoy said.`, []string{"He told me, ‘Do not sign it,’ and I did not"}},
		{"apostrophes", `“The ministers’ plan isn’t ready,” the envoy said.`, []string{"The ministers’ plan isn’t ready"}},
		{"headline single", "Envoy: Talks Are ‘Going Nowhere’\n\nThe talks broke up on Friday.", []string{"Going Nowhere"}},
		{"interrupted", `"We are ready," the envoy said, "but they are not."`, []string{"We are ready", "but they are not."}},
		{"colon", `The envoy said: "We are ready to talk."`, []string{"We are ready to talk."}},
		{"dash signature", "“Every family here has lost someone.” ― Rosa Imani, a teacher", []string{"Every family here has lost someone."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := annotate(c.body, day("2020-06-01"))
			var got []string
			for _, q := range doc.Quotes {
				if q.Direct {
					got = append(got, q.Text)
					if c.body[q.Start:q.End] != q.Text {
						t.Errorf("body[%d:%d] = %q, text %q", q.Start, q.End, c.body[q.Start:q.End], q.Text)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(c.texts, "|") {
				t.Errorf("got %q, want %q", got, c.texts)
			}
		})
	}
}

func TestSpeakerPatterns(t *testing.T) {
	cases := []struct {
		name, body, speaker, cue string
	}{
		{"said X", `"The bridge will reopen in May," said Tom Reyes.`, "Tom Reyes", "say"},
		{"X said", `"The bridge will reopen in May," Tom Reyes said.`, "Tom Reyes", "say"},
		{"appositive", `"The bridge will reopen in May," Tom Reyes, the city engineer, said.`, "Tom Reyes", "say"},
		{"X said colon", `Tom Reyes said: "The bridge will reopen in May."`, "Tom Reyes", "say"},
		{"told", `Tom Reyes told reporters, "The bridge will reopen in May."`, "Tom Reyes", "tell"},
		{"wrote", `Tom Reyes wrote in a letter to residents: "The bridge will reopen in May."`, "Tom Reyes", "write"},
		{"according to", `According to Tom Reyes, "the bridge will reopen in May."`, "Tom Reyes", "according to"},
		{"relative", `The plan was backed by Tom Reyes, who told the council, "The bridge will reopen in May."`, "Tom Reyes", "tell"},
		{"participle", `Tom Reyes defended the delay, saying, "The bridge will reopen in May."`, "Tom Reyes", "say"},
		{"bare next sentence", `"The bridge will reopen in May." Tom Reyes said.`, "Tom Reyes", "say"},
		{"sentence before", `Tom Reyes said the work was on schedule. "The bridge will reopen in May."`, "Tom Reyes", "say"},
		{"continued paragraph", "Tom Reyes continued:\n\n\"The bridge will reopen in May.\"", "Tom Reyes", "continue"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := annotate(c.body, day("2020-06-01"))
			var direct []news.Quote
			for _, q := range doc.Quotes {
				if q.Direct {
					direct = append(direct, q)
				}
			}
			if len(direct) != 1 {
				t.Fatalf("got %d direct quotes: %+v", len(direct), doc.Quotes)
			}
			if q := direct[0]; q.Speaker != c.speaker || q.Cue != c.cue {
				t.Errorf("speaker %q cue %q, want %q %q", q.Speaker, q.Cue, c.speaker, c.cue)
			}
		})
	}
}

func TestUnattributedQuoteKept(t *testing.T) {
	// Precision first: with no cue and no speaker to inherit, the quotation
	// is listed without a speaker rather than given a guessed one.
	body := "The storm cut power to most of the valley.\n\n" +
		`"We have never seen water this high, not in forty years."`
	doc := annotate(body, day("2021-10-04"))
	check(t, doc, []want{{Text: "We have never seen water this high, not in forty years.", Date: "2021-10-04", Direct: true}})
	if q := doc.Quotes[0]; q.SpeakerStart != 0 || q.SpeakerEnd != 0 {
		t.Errorf("unattributed quote has a speaker mention %d:%d", q.SpeakerStart, q.SpeakerEnd)
	}
}

func TestWithoutEntities(t *testing.T) {
	// The extractor works on its own when the entity stage has not run,
	// reading names through the knowledge base and the text itself.
	body := `Jen Psaki spoke to reporters on Monday. "We have reached out," Psaki said.`
	doc := news.NewDocument(news.Article{Body: body, Published: day("2021-03-15")})
	ex.Annotate(doc)
	check(t, doc, []want{{Text: "We have reached out", Speaker: "Jen Psaki", Actor: "USAGOV", Cue: "say", Date: "2021-03-15", Direct: true, Mention: "Psaki"}})
}

func TestAnnotatorInterface(t *testing.T) {
	if ex.Name() != "quotes" || !ex.EnglishOnly() {
		t.Errorf("Name %q EnglishOnly %v", ex.Name(), ex.EnglishOnly())
	}
	doc := news.NewDocument(news.Article{})
	ex.Annotate(doc)
	if doc.Quotes == nil || len(doc.Quotes) != 0 {
		t.Errorf("empty body: quotes %#v, want an empty, non-nil list", doc.Quotes)
	}
}

func TestConcurrentUse(t *testing.T) {
	// One extractor serves every goroutine of the pipeline.
	bodies := []string{benchBody, `"We are ready," the envoy said.`, "Tom Reyes continued:\n\n\"The bridge will reopen.\""}
	want := make([]int, len(bodies))
	for i, b := range bodies {
		want[i] = len(ex.Extract(news.NewDocument(news.Article{Body: b})))
	}
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			for i, b := range bodies {
				if n := len(ex.Extract(news.NewDocument(news.Article{Body: b}))); n != want[i] {
					done <- fmt.Errorf("body %d: %d quotes, want %d", i, n, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// FuzzExtract checks that no input makes the extractor panic and that
// every offset lies within the body, on rune boundaries, with the text of
// a one-paragraph quote equal to its span.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"I can confirm that we have reached out," White House press secretary Jen Psaki said.`,
		"Anna Berg said: \"We will rebuild.\n\n\"After that, the roads.\"",
		`''Two apostrophes,'' he said. 'Single,' she said. “Curly ‘nested’ marks,” said Smith.`,
		`"Unclosed quote at the end`, `"`, `'`, `“”`, "”Misused opening mark,” he said.",
		`according to`, `, said`, `said said said "x"`, "\"a\n\"b\n\"c",
		"Kim Jong Un has sent what Trump described as \"beautiful letters\".",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		doc := news.NewDocument(news.Article{Body: body, Published: day("2020-01-01")})
		for _, q := range New(nil).Extract(doc) {
			if q.Start < 0 || q.End > len(body) || q.Start > q.End {
				t.Fatalf("span %d:%d outside a body of %d bytes", q.Start, q.End, len(body))
			}
			if q.SpeakerStart < 0 || q.SpeakerEnd > len(body) || q.SpeakerStart > q.SpeakerEnd {
				t.Fatalf("speaker span %d:%d outside a body of %d bytes", q.SpeakerStart, q.SpeakerEnd, len(body))
			}
			if !strings.Contains(q.Text, "\n") && body[q.Start:q.End] != q.Text {
				t.Fatalf("body[%d:%d] = %q, text %q", q.Start, q.End, body[q.Start:q.End], q.Text)
			}
			if q.Text == "" {
				t.Fatalf("empty quote at %d", q.Start)
			}
		}
	})
}

// benchBody is a news article of about 600 words with quotations of every
// kind, written for the benchmark.
var benchBody = strings.Repeat(`The city council voted on Tuesday to close the old bridge for repairs, ending months of debate.

"We cannot wait any longer," Mayor Helen Voss said after the vote. "The inspectors were very clear."

Tom Reyes, the city engineer, told reporters that the work would take at least eight months. He added: "Nobody should expect the bridge to reopen before the spring.

"We will keep one lane open for emergency vehicles."

Residents who use the bridge every day called the plan a "disaster" for local shops, according to a petition signed by 300 people. The council's own report said the closure would cost businesses about $2 million.

"I understand the frustration," Voss said. "But a bridge that fails is a much bigger disaster."

`, 3)

func BenchmarkExtract(b *testing.B) {
	doc := news.NewDocument(news.Article{Body: benchBody, Published: day("2023-04-04")})
	b.SetBytes(int64(len(benchBody)))
	for b.Loop() {
		ex.Extract(doc)
	}
}

// TestAdministrationOfficial checks that an unnamed "administration
// official" is coded only when the text says whose administration it is.
func TestAdministrationOfficial(t *testing.T) {
	body := `"The talks are off for now," a senior administration official told reporters on Thursday.`
	for _, c := range []struct {
		name, dateline, body, want string
	}{
		{"US dateline", "WASHINGTON, May 24, 2018 (Meridian) —", body, "USAGOV"},
		{"Seoul dateline", "SEOUL, May 24, 2018 (Meridian) —", body, ""},
		{"two places", "WASHINGTON/SEOUL, May 24, 2018 —", body, ""},
		{"named in the phrase", "SEOUL —", `"The talks are off for now," a senior Trump administration official said.`, "USAGOV"},
		{"former", "WASHINGTON —", `"The talks are off for now," a former administration official said.`, ""},
	} {
		doc := news.NewDocument(news.Article{Body: c.body, Published: day("2018-05-24"), Language: "en", Dateline: c.dateline})
		tagger.Annotate(doc)
		doc.Dates = timex.Find(c.body, doc.Article.Published)
		ex.Annotate(doc)
		if len(doc.Quotes) != 1 || doc.Quotes[0].SpeakerActor != c.want {
			t.Errorf("%s: %+v, want one quote coded %q", c.name, doc.Quotes, c.want)
		}
	}
}
