package events

import (
	"strings"
	"testing"
	"time"

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

// coded fails unless a factual event of the code (a prefix) runs from
// source to target (both as lists, "" for none) on date ("" any).
func coded(t *testing.T, evs []news.Event, source, cameo, target, date string) {
	t.Helper()
	for _, e := range evs {
		if e.Factual() && strings.HasPrefix(e.CAMEO, cameo) && strings.Join(e.Source, ",") == source &&
			strings.Join(e.Target, ",") == target && (date == "" || e.Date == date) {
			return
		}
	}
	t.Errorf("no factual %s %s %s on %q:%s", source, cameo, target, date, describeDated(evs))
}

func describeDated(evs []news.Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString("\n  " + strings.Join(e.Source, "+") + " " + e.CAMEO + " " + strings.Join(e.Target, "+") + " " + e.Date + " [" + e.Rule + "]")
		if !e.Factual() {
			b.WriteString(" (not factual)")
		}
	}
	return b.String()
}

// A joint exercise staged in answer to a third party is a show of force
// by each partner besides their cooperation; a scheduled one is only
// cooperation.
func TestJointShowOfForce(t *testing.T) {
	pub := day(2023, 3, 16)
	doc := annotate("", "North Korea fired a ballistic missile into the sea on Thursday. "+
		"In response, Japanese and U.S. warplanes staged a joint live-fire drill over the sea on Thursday.", pub)
	coded(t, doc.Events, "JPN,USA", "062", "JPN,USA", "2023-03-16")
	coded(t, doc.Events, "JPN", "150", "", "2023-03-16")
	coded(t, doc.Events, "USA", "150", "", "2023-03-16")

	doc = annotate("", "Japan and India held joint naval exercises on Thursday.", pub)
	coded(t, doc.Events, "JPN,IND", "062", "JPN,IND", "2023-03-16")
	codedNot(t, doc.Events, "150", "")
}

// A measure announced as decided, with the day it takes effect in the next
// sentence, is imposed on the day it is announced; a conditional one stays
// a threat.
func TestDecidedMeasure(t *testing.T) {
	pub := day(2023, 5, 10)
	doc := annotate("", "China will ban exports to Taiwan of rare earth metals, the commerce ministry said on Tuesday. "+
		"From June 1, companies will need a permit for each shipment.", pub)
	coded(t, doc.Events, "CHN", "163", "TWN", "2023-05-09")
	codedNot(t, doc.Events, "13", "")

	doc = annotate("", "China would ban exports to Taiwan of rare earth metals, the commerce ministry said on Tuesday. "+
		"From June 1, companies would need a permit for each shipment.", pub)
	codedNot(t, doc.Events, "16", "")
	doc = annotate("", "China will ban exports to Taiwan of rare earth metals, the commerce ministry said on Tuesday. "+
		"Companies will need a permit for each shipment.", pub)
	codedNot(t, doc.Events, "16", "")
}

// "said the curbs violated trade rules": a verdict told by a verb, on the
// author of the act it names, by a speaker known by role only.
func TestViolationVerdict(t *testing.T) {
	pub := day(2023, 5, 10)
	doc := annotate("", "China will ban exports to Taiwan of rare earth metals, the commerce ministry said on Tuesday. "+
		"From June 1, companies will need a permit for each shipment. "+
		"Taiwan's economy minister, Lin Mei-hua, said on Wednesday that the curbs violated international trade rules.", pub)
	coded(t, doc.Events, "TWNGOV", "112", "CHN", "2023-05-10")

	doc = annotate("", "Japan said North Korea's launch on Monday violated U.N. resolutions.", pub)
	coded(t, doc.Events, "JPN", "112", "PRK", "")
	// Told as a fact by no one, a violation is no accusation.
	doc = annotate("", "Russian forces violated the truce on Monday.", pub)
	codedNot(t, doc.Events, "11", "")
}

// A resolution acts for the body that adopts it, on the day it is adopted.
func TestResolutionActs(t *testing.T) {
	doc := annotate("", "The United Nations Security Council has imposed many measures on Iran. "+
		"The first resolution, 1737, was adopted in December 2006. "+
		"It banned the sale of nuclear materials to Iran. "+
		"On March 24, 2007, the council adopted Resolution 1747, which banned Iranian exports of arms.", time.Time{})
	coded(t, doc.Events, "IGOUNO", "163", "IRN", "2006-12")
	coded(t, doc.Events, "IGOUNO", "163", "IRN", "2007-03-24")

	// In a dated report a resolution's measures are the report's news.
	pub := day(2007, 3, 25)
	doc = annotate("", "The United Nations Security Council met on Friday. Resolution 1747 bans Iranian exports of arms.", pub)
	coded(t, doc.Events, "IGOUNO", "163", "IRN", "2007-03-25")
}

// "a declaration the two leaders signed": the object first; the two
// leaders are the state leaders named just before.
func TestSignedRelative(t *testing.T) {
	pub := day(2018, 4, 27)
	doc := annotate("", "South Korean President Moon Jae-in said North Korean leader Kim Jong Un agreed on Friday to close a test site. "+
		"The pledge was part of a declaration the two leaders signed at the border.", pub)
	coded(t, doc.Events, "KORGOV,PRKGOV", "057", "KORGOV,PRKGOV", "2018-04-27")

	doc = annotate("", "The deal that Japan and South Korea signed on Tuesday was praised.", pub)
	coded(t, doc.Events, "JPN,KOR", "057", "JPN,KOR", "2018-04-24")

	// "last met in 2019" dates the meeting; it does not count meetings.
	doc = annotate("", "Japan and South Korea signed a deal on Monday. Much had changed since the two sides last met in 2019.", day(2024, 4, 27))
	coded(t, doc.Events, "JPN,KOR", "040", "JPN,KOR", "2019")
}

// A crowd of an occupation is coded by its sector, in the country of the
// town it acts in; missiles of protest are a violent protest.
func TestSectorCrowd(t *testing.T) {
	pub := day(2024, 2, 2)
	doc := annotate("", "More than two hundred farmers drove tractors into the centre of Paris on Friday, "+
		"blocking roads and throwing eggs at the European Parliament.", pub)
	coded(t, doc.Events, "FRAAGR", "145", "IGOEUREEC", "2024-02-02")

	// Where they come from is not where they act.
	doc = annotate("", "The farmers, from France and several other member states, protested against cheap imports.", pub)
	codedNot(t, doc.Events, "14", "")
}

// An approach announced for later is the intent to talk, dated by the
// interview that tells it; a span opened by "since" dates nothing; a
// sentence that opens with a condition is hypothetical.
func TestAnnouncedApproach(t *testing.T) {
	pub := day(2025, 1, 24)
	doc := annotate("", "President Donald Trump said he would reach out to North Korean leader Kim Jong Un again, "+
		"calling him a smart guy in a television interview broadcast on Thursday.", pub)
	coded(t, doc.Events, "USAGOV", "036", "PRKGOV", "2025-01-23")

	doc = annotate("", "Since returning to office in January, Trump has said he would reach out to Kim Jong Un again.", day(2025, 6, 12))
	codedNot(t, doc.Events, "03", "")

	doc = annotate("", "Trump met Kim Jong Un in June. If talks resume, they would be the first negotiations between the two countries since 2019.", pub)
	codedNot(t, doc.Events, "046", "")
}

// "He was the most senior North Korean official to visit the building":
// the pronoun is the official, the building the seat named before.
func TestVisitTheBuilding(t *testing.T) {
	pub := day(2018, 6, 1)
	doc := annotate("", "The envoy spent about an hour at the White House on Friday. "+
		"He was the most senior North Korean official to visit the building since 2000.", pub)
	coded(t, doc.Events, "PRKGOV", "042", "USA", "2018-06-01")
}

// A court, jury or judge with no state of its own is the judiciary of the
// place named, else of the party judged.
func TestCourtSource(t *testing.T) {
	pub := day(2023, 12, 15)
	doc := annotate("Jury Orders Giuliani to Pay $148 Million",
		"A federal jury in Washington on Friday ordered Rudy Giuliani to pay $148 million in damages. "+
			"Judge Beryl Howell had already found Rudy Giuliani liable for defamation in August.", pub)
	coded(t, doc.Events, "USAJUD", "116", "USA", "2023-12-15")
	coded(t, doc.Events, "USAJUD", "116", "USA", "2023-08")
	// The title is the jury's order, not the judge's finding.
	for _, e := range doc.Events {
		if e.Headline && e.Date != "2023-12-15" {
			t.Errorf("title event dated %s, want the report's day", e.Date)
		}
	}
}

// Rules added for PLOVER recall, on sentences of our own.
func TestPloverRecallRules(t *testing.T) {
	pub := day(2003, 6, 10)
	// Destroying property is COERCE in PLOVER.
	doc := annotate("", "Israeli troops demolished Palestinian homes in Rafah on Monday.", pub)
	coded(t, doc.Events, "ISRMIL", "1712", "PSE", "")
	for _, e := range doc.Events {
		if e.CAMEO == "1712" && e.PLOVER != "COERCE" {
			t.Errorf("1712 coded as %s, want COERCE", e.PLOVER)
		}
	}
	// Agreeing to allow aid needs no recipient; a long opening phrase
	// ending in a comma is not the first item of a list.
	doc = annotate("", "With the signing of a memorandum on the cessation of hostilities in the east, "+
		"the Sudanese government and the rebels have agreed to allow humanitarian access.", pub)
	coded(t, doc.Events, "SDNGOV", "035", "", "")
	doc = annotate("", "Eritrea has agreed to re-open its borders to UN peacekeepers.", pub)
	coded(t, doc.Events, "ERI", "035", "IGOUNO", "")
	// Blows dealt out to a state are force; threatened, a threat.
	doc = annotate("", "Al-Qaeda has threatened to deliver devastating blows to Britain and Spain.", pub)
	coded(t, doc.Events, "IMGMOSALQ", "138", "GBR,ESP", "")
	doc = annotate("", "The ruling dealt a blow to the government's plans.", pub)
	codedNot(t, doc.Events, "19", "")
}

// A sanction on a state's own trade names the state by its possessive,
// also when the text takes it up as "the country" or "its".
func TestSanctionOnPossessiveTrade(t *testing.T) {
	pub := day(2019, 3, 6)
	doc := annotate("Council Tightens Measures",
		"The U.N. Security Council met on Tuesday. "+
			"A week after Venezuela's election, the Security Council capped the country's imports of fuel and banned its timber exports.", pub)
	check(t, doc.Events, want{source: []string{"IGOUNO"}, target: []string{"VEN"}, cameo: "163"})
	// "banned its timber exports" is the same sanction, not a ban of a
	// group (1722).
	codedNot(t, doc.Events, "17", "")
	doc = annotate("Council Tightens Measures",
		"The U.N. Security Council met on Tuesday. The Security Council banned Iran's oil exports.", pub)
	check(t, doc.Events, want{source: []string{"IGOUNO"}, target: []string{"IRN"}, cameo: "163", rule: "sanction.ban.exports.poss"})
}

// Destroying a facility shared with a state is aimed at that state; a
// building of no one's is not.
func TestDestroySharedFacility(t *testing.T) {
	pub := day(2021, 9, 14)
	doc := annotate("Border Talks Collapse",
		"Armenia demolished a customs office shared with Georgia on Tuesday.", pub)
	check(t, doc.Events, want{source: []string{"ARM"}, target: []string{"GEO"}, cameo: "1712", rule: "coerce.destroy.shared"})
}

// Ordering other states to send a country's workers home sanctions that
// country.
func TestSendHomeWorkers(t *testing.T) {
	doc := annotate("", "The Security Council on Monday ordered member states to send home Eritrean workers within a year.", day(2021, 3, 9))
	check(t, doc.Events, want{source: []string{"IGOUNO"}, target: []string{"ERILAB"}, cameo: "163", rule: "sanction.send.home"})
	doc = annotate("", "The minister said the firm would send home its workers within a year.", day(2021, 3, 9))
	codedNot(t, doc.Events, "16", "")
}

// "Grant X amnesty" sets persons free (0841); a release reported in the
// past perfect takes the day the sentence before gave an act of its kind.
func TestAmnestyRelease(t *testing.T) {
	pub := day(2021, 3, 12)
	doc := annotate("", "Two Canadians who had been jailed in Iran flew home to Ottawa on Friday. "+
		"The men were freed on Tuesday after months of talks. "+
		"State media said President Hassan Rouhani had granted them amnesty.", pub)
	coded(t, doc.Events, "IRNGOV", "0841", "CAN", "2021-03-09")

	// Without a dated act of the kind before, the report's day stands.
	doc = annotate("", "Two Canadians who had been jailed in Iran flew home to Ottawa on Friday. "+
		"State media said President Hassan Rouhani had granted them amnesty.", pub)
	coded(t, doc.Events, "IRNGOV", "0841", "CAN", "2021-03-12")
}

// What a reported clause says someone must do is the speaker's demand, not
// the act; what a resolution aims to do is not yet its body's act. Neither
// is coded at all, not even as hypothetical.
func TestObligationAndDraftResolution(t *testing.T) {
	pub := day(2022, 5, 4)
	doc := annotate("", "Ugandan rebels announced that President Museveni must agree to a ceasefire before they disarm.", pub)
	check(t, doc.Events, want{source: []string{"UGAREB"}, target: []string{"UGAGOV"}, cameo: "100", rule: "demand.must.pos"})
	if len(doc.Events) != 1 {
		t.Errorf("only the demand is an event:%s", describe(doc.Events))
	}

	doc = annotate("", "Norway said it would back a European Union resolution that seeks to impose an arms embargo on Myanmar.", pub)
	check(t, doc.Events, want{source: []string{"NOR"}, target: []string{"IGOEUREEC"}, cameo: "032", rule: "endorse.resolution"})
	if len(doc.Events) != 1 {
		t.Errorf("a draft resolution's aim is not an act:%s", describe(doc.Events))
	}
}

// "Pakistan's militia ally" is a party allied to Pakistan, not Pakistan:
// an act on it names no state.
func TestPossessorsAlly(t *testing.T) {
	pub := day(2022, 5, 4)
	doc := annotate("", "Taliban fighters killed the commander of Pakistan's militia ally on Monday.", pub)
	for _, e := range doc.Events {
		for _, c := range e.Target {
			if strings.HasPrefix(c, "PAK") {
				t.Errorf("the ally is not Pakistan:%s", describe(doc.Events))
			}
		}
	}
	doc = annotate("", "Taliban fighters killed two Pakistani soldiers on Monday.", pub)
	check(t, doc.Events, want{source: []string{"AFGINSTAL"}, target: []string{"PAKMIL"}, cameo: "1823", rule: "assault.kill"})
}
