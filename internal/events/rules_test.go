package events

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// The tests below cover the rule families that read an event's parties,
// date or modality from beyond the pattern's own words. Each case is an
// article of our own: the events it must code and, where a rule must stay
// quiet, the events it must not.

// codedNot fails if the document has a factual event whose code begins
// with cameo and whose source is of the state ("" for any).
func codedNot(t *testing.T, evs []news.Event, cameo, state string) {
	t.Helper()
	for _, e := range evs {
		if strings.HasPrefix(e.CAMEO, cameo) && e.Factual() {
			for _, s := range e.Source {
				if state == "" || strings.HasPrefix(s, state) {
					t.Errorf("unexpected %s event from %s:%s", cameo, state, describe(evs))
				}
			}
		}
	}
}

// An act named by its noun ("condemned the launch") is aimed at whoever
// the text says did it: the first such act, not the critic's own reply;
// "it" takes up the act just named.
func TestActReference(t *testing.T) {
	pub := day(2024, 4, 10)
	doc := annotate("Iran Launches Satellite Rocket",
		"Iran launched a rocket carrying a satellite on Wednesday. "+
			"Israel responded within hours by firing two missiles of its own into the Mediterranean. "+
			"The British foreign secretary condemned the launch. "+
			"The French foreign minister called it a dangerous provocation. "+
			"German officials said the launch was a clear violation of a U.N. resolution.", pub)
	check(t, doc.Events, want{source: []string{"IRN"}, target: []string{}, cameo: "150", date: "2024-04-10"})
	// The reply is a show of force of its own, by the subject of
	// "responded".
	check(t, doc.Events, want{source: []string{"ISR"}, target: []string{}, cameo: "150", date: "2024-04-10"})
	check(t, doc.Events, want{source: []string{"GBRGOV"}, target: []string{"IRN"}, cameo: "111", rule: "criticize"})
	check(t, doc.Events, want{source: []string{"FRAGOV"}, target: []string{"IRN"}, cameo: "111", rule: "criticize.call"})
	check(t, doc.Events, want{source: []string{"DEUGOV"}, target: []string{"IRN"}, cameo: "112", rule: "accuse.judged.violation"})

	// Without an act of that kind before, the noun names no one.
	doc = annotate("", "The Canadian prime minister condemned the launch on Friday.", pub)
	if len(doc.Events) != 0 {
		t.Errorf("a launch nobody was said to make has no author:%s", describe(doc.Events))
	}
}

// A noun's possessor is the agent of its act: "Modi's first visit to
// Ukraine", "his second trip to Beijing".
func TestPossessorVisit(t *testing.T) {
	pub := day(2024, 8, 23)
	doc := annotate("", "Narendra Modi landed on Friday for his first visit to Ukraine this year. "+
		"The two leaders signed four agreements during Modi's visit to Ukraine.", pub)
	e := check(t, doc.Events, want{source: []string{"INDGOV"}, target: []string{"UKR"}, cameo: "042", plover: "CONSULT", rule: "consult.visit.poss"})
	// "this year" counts the visits; it does not date this one.
	if e.Date != "2024-08-23" {
		t.Errorf("visit dated %q, want the Friday, 2024-08-23", e.Date)
	}
	// A visit named without its visitor is not coded.
	doc = annotate("", "The visit to Ukraine was kept secret until Friday.", pub)
	codedNot(t, doc.Events, "042", "")
}

// A participle clause, a means clause and a reduced relative share the
// subject of the clause they hang on.
func TestSharedSubjects(t *testing.T) {
	pub := day(2023, 9, 14)
	doc := annotate("", "Sergei Lavrov spent Tuesday and Wednesday in Pyongyang, meeting Choe Son Hui.", pub)
	check(t, doc.Events, want{source: []string{"RUSGOV"}, target: []string{"PRKGOV"}, cameo: "040", date: "2023-09-12/2023-09-13", location: "Pyongyang"})

	doc = annotate("", "Thousands of people dressed in yellow marched through central Bangkok on Sunday.", day(2023, 9, 18))
	check(t, doc.Events, want{source: []string{"THACVL"}, target: []string{"THA"}, cameo: "141", plover: "PROTEST", date: "2023-09-17", location: "Bangkok"})
}

// "the two", "the two sides", "the negotiators" take up the two parties of
// an act of cooperation told just before.
func TestGroupReference(t *testing.T) {
	pub := day(2024, 5, 2)
	doc := annotate("", "Antony Blinken met Wang Yi in Beijing on Thursday, and the two agreed to resume military talks.", pub)
	check(t, doc.Events, want{source: []string{"USAGOV"}, target: []string{"CHNGOV"}, cameo: "040", date: "2024-05-02", location: "Beijing"})
	e, ok := findEvent(doc.Events, "036", []string{"USAGOV", "CHNGOV"})
	if !ok || !e.Factual() {
		t.Errorf("want the two leaders' agreement as a factual 03x between them:%s", describe(doc.Events))
	}
	// Nothing before to take up: no event.
	doc = annotate("", "The two sides agreed to resume talks.", pub)
	if len(doc.Events) != 0 {
		t.Errorf("the two sides name no one here:%s", describe(doc.Events))
	}
}

// Symmetric talk without a preposition needs a compound subject; a
// pronoun may open it.
func TestTalkedTogether(t *testing.T) {
	pub := day(2024, 11, 20)
	doc := annotate("", "Xi Jinping and Joe Biden talked for two hours in Lima on Saturday.", pub)
	check(t, doc.Events, want{source: []string{"CHNGOV", "USAGOV"}, target: []string{"CHNGOV", "USAGOV"}, cameo: "040", date: "2024-11-16", location: "Lima"})
	doc = annotate("", "Xi Jinping met Joe Biden in Lima. He and Biden then spoke by phone on Monday.", pub)
	check(t, doc.Events, want{source: []string{"CHNGOV", "USAGOV"}, target: []string{"CHNGOV", "USAGOV"}, cameo: "041", date: "2024-11-18"})
	// One speaker alone has no counterpart; talking to reporters is no
	// consultation.
	doc = annotate("", "Biden talked to reporters in Lima on Saturday.", pub)
	if len(doc.Events) != 0 {
		t.Errorf("want no event:%s", describe(doc.Events))
	}
}

// What a state says it will refuse, it refuses now; a sanction announced
// with the day it takes effect is imposed, not threatened; "should" is an
// appeal, "must" a demand.
func TestAnnouncedPositions(t *testing.T) {
	pub := day(2024, 3, 5)
	doc := annotate("", "Venezuela said on Monday that it would refuse any talks with Guyana over the Essequibo region.", pub)
	check(t, doc.Events, want{source: []string{"VEN"}, target: []string{"GUY"}, cameo: "125", plover: "REJECT", date: "2024-03-04", rule: "reject.talks"})

	doc = annotate("", "Canada said on Monday that it would raise tariffs on Chinese electric vehicles from April 1.", pub)
	check(t, doc.Events, want{source: []string{"CAN"}, target: []string{"CHN"}, cameo: "163", plover: "SANCTION", date: "2024-03-04"})
	// Without a day it takes effect, the announcement stays a threat.
	doc = annotate("", "Canada said on Monday that it would raise tariffs on Chinese electric vehicles.", pub)
	check(t, doc.Events, want{source: []string{"CAN"}, target: []string{"CHN"}, cameo: "1312", plover: "THREATEN", date: "2024-03-04"})

	doc = annotate("", "Brazil's foreign minister said Argentina should reopen its consulate.", pub)
	check(t, doc.Events, want{source: []string{"BRAGOV"}, target: []string{"ARG"}, cameo: "020", plover: "REQUEST", rule: "appeal.should"})
}

// Dates read from the clause around the act.
func TestClauseDates(t *testing.T) {
	pub := day(2024, 6, 8)
	// A clause of simultaneity takes the date of the clause it depends on.
	doc := annotate("", "The prisoners were freed on Thursday while Blinken was in Doha on his third visit to Qatar since January.", pub)
	check(t, doc.Events, want{source: []string{"USAGOV"}, target: []string{"QAT"}, cameo: "042", date: "2024-06-06", location: "Doha"})
	// An aside set off by commas does not cut the clause from its date.
	doc = annotate("", "On Friday, while attending a summit in Rome, Macron wrote that he would be glad to meet Erdogan.", pub)
	check(t, doc.Events, want{source: []string{"FRAGOV"}, target: []string{"TURGOV"}, cameo: "036", plover: "AGREE", date: "2024-06-07", location: "Rome"})
	// A title has no date of its own: it takes the body's for the same act.
	doc = annotate("Pakistan Says It Tested Cruise Missile",
		"Pakistan said on Saturday that it had tested a cruise missile the previous day.", pub)
	for _, e := range doc.Events {
		if e.CAMEO == "150" && e.Headline && e.Date != "2024-06-07" {
			t.Errorf("title's test dated %q, want the body's 2024-06-07", e.Date)
		}
	}
}

// Threats in their own words; the threat is a fact even when the act
// threatened hangs on a condition.
func TestThreatWordings(t *testing.T) {
	pub := day(2024, 2, 14)
	doc := annotate("", "On Tuesday, Serbian President Aleksandar Vucic warned that Kosovo would pay a heavy price if it closed the border crossings.", pub)
	check(t, doc.Events, want{source: []string{"SRBGOV"}, target: []string{"KSV"}, cameo: "130", plover: "THREATEN", date: "2024-02-13", rule: "threaten.warn.face"})
	doc = annotate("", "Greece said it would respond firmly if Turkey sent survey ships into its waters.", pub)
	check(t, doc.Events, want{source: []string{"GRC"}, target: []string{"TUR"}, cameo: "130", plover: "THREATEN", rule: "threaten.respond"})
}

// Announcing a cut in operations is the intent to de-escalate.
func TestDeescalation(t *testing.T) {
	pub := day(2024, 1, 9)
	doc := annotate("", "Israel said on Monday that it would reduce military operations in Gaza.", pub)
	check(t, doc.Events, want{source: []string{"ISR"}, target: []string{"PSE"}, cameo: "0356", plover: "AGREE", date: "2024-01-08", location: "Gaza"})
}

// A veto needs no target; the first to do something takes the subject of
// the copula; a relative after an appositive takes the name before it.
func TestSubjectsAcrossPhrases(t *testing.T) {
	pub := day(2024, 4, 19)
	doc := annotate("", "The United States vetoed a resolution on Thursday.", pub)
	check(t, doc.Events, want{source: []string{"USA"}, target: []string{}, cameo: "129", plover: "REJECT", date: "2024-04-18"})

	doc = annotate("", "On Monday Lula became the first Brazilian president to set foot in Angola since 2010.", pub)
	check(t, doc.Events, want{source: []string{"BRAGOV"}, target: []string{"AGO"}, cameo: "042", plover: "CONSULT", date: "2024-04-15", rule: "consult.set.foot", location: "Angola"})

	doc = annotate("", "The remarks came from Wang Yi, the Chinese foreign minister, who mocked Antony Blinken on Thursday.", pub)
	check(t, doc.Events, want{source: []string{"CHNGOV"}, target: []string{"USAGOV"}, cameo: "111", plover: "ACCUSE", date: "2024-04-18"})
}

// An act counted from another by a day is dated by it; a vaguer interval
// keeps the report's date.
func TestIntervalDates(t *testing.T) {
	pub := day(2024, 7, 12)
	doc := annotate("", "The council vote came a day after Iran launched two ballistic missiles.", pub)
	check(t, doc.Events, want{source: []string{"IRN"}, target: []string{}, cameo: "150", date: "2024-07-11"})
	doc = annotate("", "On Wednesday, hours after Iran launched two ballistic missiles, the council met.", pub)
	check(t, doc.Events, want{source: []string{"IRN"}, target: []string{}, cameo: "150", date: "2024-07-10"})
}

// Disagreeing with an argument is no rejection; an apology to the public
// is aimed at the source's own people.
func TestArgumentsAndThePublic(t *testing.T) {
	pub := day(2024, 7, 12)
	doc := annotate("", "Manila has rejected Beijing's reasoning.", pub)
	codedNot(t, doc.Events, "12", "PHL")
	doc = annotate("", "The Peruvian president apologized to the public on Thursday.", pub)
	check(t, doc.Events, want{source: []string{"PERGOV"}, target: []string{"PERCVL"}, cameo: "055", plover: "SUPPORT", date: "2024-07-11"})
}

// The flags of the new rule families are read from the lexicon files.
func TestRuleFlags(t *testing.T) {
	byID := map[string]Rule{}
	for _, r := range DefaultLexicon().Rules() {
		byID[r.ID] = r
	}
	for id, ok := range map[string]func(Rule) bool{
		"consult.visit.poss":      func(r Rule) bool { return r.Poss },
		"criticize":               func(r Rule) bool { return r.ActRef },
		"criticize.call":          func(r Rule) bool { return r.ActRef },
		"accuse.judged.violation": func(r Rule) bool { return r.Judged && r.ActRef },
		"reject.veto":             func(r Rule) bool { return r.Intrans },
	} {
		r, found := byID[id]
		if !found || !ok(r) {
			t.Errorf("rule %s: missing or without its flag: %+v", id, r)
		}
	}
	if _, err := readRules("x.tsv", strings.NewReader("a\t111\tposs,actref,judged\tcondemn +T\n")); err != nil {
		t.Errorf("new flags rejected: %v", err)
	}
}

// Who presents an act as a warning to others issues the warning.
func TestWarningDescribed(t *testing.T) {
	pub := day(2024, 9, 6)
	doc := annotate("", "Russia held naval drills in the Baltic on Thursday, describing them as a warning to NATO.", pub)
	check(t, doc.Events, want{source: []string{"RUS"}, target: []string{"IGOWSTNAT"}, cameo: "130", plover: "THREATEN", date: "2024-09-05", location: "Baltic"})
}

// A name two people of one state share stands for that state when the
// date does not say which of them is meant.
func TestSharedNameState(t *testing.T) {
	doc := annotate("", "President Bush criticized Cuba on Tuesday.", day(2000, 1, 5))
	check(t, doc.Events, want{source: []string{"USA"}, target: []string{"CUB"}, cameo: "111", plover: "ACCUSE", date: "2000-01-04"})
}

// An event's place is a known place after "in" or "at", or the place that
// owns the site after "on"; a name that modifies a common noun is a venue.
func TestEventPlace(t *testing.T) {
	pub := day(2023, 5, 20)
	for _, c := range []struct{ body, place string }{
		{"The Japanese and South Korean leaders met on Saturday on Japan's Miyajima Island.", "Japan"},
		{"The Japanese and South Korean leaders met on Saturday in Hiroshima.", "Hiroshima"},
		{"The Japanese and South Korean leaders met on Saturday at the Grand Prince hotel.", ""},
	} {
		doc := annotate("", c.body, pub)
		var got []string
		for _, e := range doc.Events {
			if strings.HasPrefix(e.CAMEO, "04") {
				got = append(got, e.Location)
			}
		}
		if len(got) == 0 {
			t.Errorf("%q: no meeting coded:%s", c.body, describe(doc.Events))
			continue
		}
		for _, g := range got {
			if g != c.place {
				t.Errorf("%q: meeting placed in %q, want %q", c.body, g, c.place)
			}
		}
	}
}
