package timex

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// m is an expected mention: its text, value and precision.
type m struct{ text, value, prec string }

const (
	day   = news.PrecisionDay
	month = news.PrecisionMonth
	year  = news.PrecisionYear
	rng   = news.PrecisionRange
	unres = news.PrecisionUnresolved
)

// pubDate is a publication time in mid-morning UTC; "" is no date.
func pubDate(t *testing.T, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatalf("bad publication date %q in table: %v", s, err)
	}
	return d.Add(9*time.Hour + 30*time.Minute)
}

// Weekdays used below, checked with date(1): 2019-02-28 is a Thursday, so
// its week runs Monday 2019-02-25 to Sunday 2019-03-03; 2019-02-22 and
// 2019-03-01 are Fridays; 2018-11-08 a Thursday; 2019-01-14 a Monday but
// 2018-01-14 a Sunday; 2019-06-14 a Friday.
var findCases = []struct {
	name string
	pub  string
	body string
	want []m
}{
	// Tense comes from the clause of the date, not from an attribution after
	// a comma, and an auxiliary can stand a dozen words back.
	{"future auxiliary far back, past attribution", "2019-01-19",
		"Trump will hold a second summit with Kim near the end of February, the White House said.",
		[]m{{"February", "2019-02", month}}},
	{"past clause, past attribution", "2019-01-19", "The two envoys last met in February, officials said.",
		[]m{{"in February", "2018-02", month}}},
	// Absolute dates.
	{"month day year", "2019-02-28", "The two leaders met in Singapore on June 12, 2018, for their first summit.",
		[]m{{"on June 12, 2018", "2018-06-12", day}}},
	{"day month year", "2019-02-28", "The summit took place on 12 June 2018 at a hotel on Sentosa island.",
		[]m{{"on 12 June 2018", "2018-06-12", day}}},
	{"month year", "2019-02-28", "Negotiations stalled after June 2018, officials said.",
		[]m{{"June 2018", "2018-06", month}}},
	{"in year", "2018-11-01", "Parliamentary elections are scheduled to take place in 2019.",
		[]m{{"in 2019", "2019", year}}},
	{"iso date", "2019-02-28", "The agency published the figures on 2018-06-12 without comment.",
		[]m{{"on 2018-06-12", "2018-06-12", day}}},
	{"abbreviated month with period", "2019-02-28", "Pyongyang tested the missile on Dec. 22, 2017, prompting new sanctions.",
		[]m{{"on Dec. 22, 2017", "2017-12-22", day}}},
	{"sept abbreviation without year", "2019-10-02", "The resolution was adopted on Sept. 19, the diplomat said.",
		[]m{{"on Sept. 19", "2019-09-19", day}}},
	{"on June 30", "2019-07-03", "Voting ended on June 30 with a record turnout.",
		[]m{{"on June 30", "2019-06-30", day}}},
	{"weekday with full date", "2019-06-20", "Talks resumed on Friday, June 14, 2019, in Geneva.",
		[]m{{"on Friday, June 14, 2019", "2019-06-14", day}}},
	{"ordinal day of month", "2019-02-28", "The ceasefire took effect on the 12th of June 2018.",
		[]m{{"on the 12th of June 2018", "2018-06-12", day}}},
	{"unambiguous slash date", "2019-02-28", "The invoice is dated 12/25/2017 and was never paid.",
		[]m{{"12/25/2017", "2017-12-25", day}}},
	{"ambiguous slash date is skipped", "2019-02-28", "The invoice is dated 06/07/2018 and was never paid.",
		nil},
	{"impossible day is skipped", "2019-02-28", "The memo claimed the ship sank on Feb. 30 near the port.",
		nil},
	{"bare year as modifier", "2019-02-28", "The 2018 summit in Singapore produced a vague statement.",
		[]m{{"2018", "2018", year}}},

	// Year-less dates.
	{"year-less date shortly before publication", "2019-06-20", "The ministry said on June 11 that the strike had ended.",
		[]m{{"on June 11", "2019-06-11", day}}},
	{"year-less past date after publication is last year", "2019-03-05", "The ministry said on June 11 that the strike had ended.",
		[]m{{"on June 11", "2018-06-11", day}}},
	{"year-less date within grace after publication", "2019-02-28", "Officials said the deal was signed on March 3.",
		[]m{{"on March 3", "2019-03-03", day}}},
	{"year-less future date", "2019-02-28", "The envoy will travel to Seoul on March 20 for talks.",
		[]m{{"on March 20", "2019-03-20", day}}},
	{"year-less future date wraps to next year", "2019-12-20", "The forum will open on Jan. 5 in Davos.",
		[]m{{"on Jan. 5", "2020-01-05", day}}},
	{"year-less past date wraps to last year", "2019-01-03", "Protests erupted on Dec. 28 in the capital.",
		[]m{{"on Dec. 28", "2018-12-28", day}}},
	{"weekday confirms inferred year", "2019-02-28", "The vote was held on Thursday, Nov. 8, after weeks of delay.",
		[]m{{"on Thursday, Nov. 8", "2018-11-08", day}}},
	{"weekday overrides inferred year", "2019-01-05", "The company said the plant closed on Monday, Jan. 14.",
		[]m{{"on Monday, Jan. 14", "2019-01-14", day}}},
	{"in month past", "2019-02-28", "The plant closed in June after a fire.",
		[]m{{"in June", "2018-06", month}}},
	{"in month future", "2019-02-28", "The plant will reopen in June, the company said.",
		[]m{{"in June", "2019-06", month}}},
	{"month and count after in", "2019-07-01", "In June 12 people were killed in the clashes.",
		[]m{{"In June", "2019-06", month}}},

	// Weekdays, published on Thursday 2019-02-28.
	{"bare weekday in past clause", "2019-02-28", "The talks, which began on Friday, ended without a deal.",
		[]m{{"on Friday", "2019-02-22", day}}},
	{"weekday after will", "2019-02-28", "Kim and Trump will meet on Friday in Hanoi.",
		[]m{{"on Friday", "2019-03-01", day}}},
	{"weekday after would", "2019-02-28", "The two sides would sign the agreement on Saturday, an official said.",
		[]m{{"on Saturday", "2019-03-02", day}}},
	{"future cue after sentence-initial weekday", "2019-02-28", "On Monday, the president will address parliament.",
		[]m{{"On Monday", "2019-03-04", day}}},
	{"last weekday", "2019-02-28", "Last Friday, the foreign minister flew to Beijing.",
		[]m{{"Last Friday", "2019-02-22", day}}},
	{"next weekday", "2019-02-28", "The envoy is to return next Friday.",
		[]m{{"next Friday", "2019-03-01", day}}},
	{"this weekday", "2019-02-28", "Officials plan to hold a vote this Friday.",
		[]m{{"this Friday", "2019-03-01", day}}},
	{"weekday of publication", "2019-02-28", "The ministry said Thursday that it had lodged a protest.",
		[]m{{"Thursday", "2019-02-28", day}}},
	{"time after weekday", "2019-02-28", "The leaders met on Tuesday at 3 p.m. local time.",
		[]m{{"on Tuesday at 3 p.m. local time", "2019-02-26", day}}},
	{"weekday night", "2019-03-02", "Friday night's attack killed four people.",
		[]m{{"Friday night", "2019-03-01", day}}},
	{"weekday range in future", "2019-02-28", "The exercises will run from Monday to Wednesday.",
		[]m{{"from Monday to Wednesday", "2019-03-04/2019-03-06", rng}}},

	// Relative expressions.
	{"today", "2019-02-28", "The minister arrived in Seoul today.",
		[]m{{"today", "2019-02-28", day}}},
	{"yesterday", "2019-02-28", "Police said yesterday that two suspects had been arrested.",
		[]m{{"yesterday", "2019-02-27", day}}},
	{"tomorrow", "2019-02-28", "The verdict is expected tomorrow.",
		[]m{{"tomorrow", "2019-03-01", day}}},
	{"day before yesterday", "2019-02-28", "The envoy arrived the day before yesterday.",
		[]m{{"the day before yesterday", "2019-02-26", day}}},
	// Narrative-relative days count from the sentence's own day.
	{"previous day from a weekday", "2022-01-06", "Pyongyang said on Thursday that it had fired a rocket the previous day.",
		[]m{{"on Thursday", "2022-01-06", day}, {"the previous day", "2022-01-05", day}}},
	{"following day from a date", "2019-02-28", "The envoys met on June 12, 2018, and signed a statement the following day.",
		[]m{{"on June 12, 2018", "2018-06-12", day}, {"the following day", "2018-06-13", day}}},
	{"same day", "2019-02-28", "Seoul lodged a protest on Tuesday, and Tokyo replied the same day.",
		[]m{{"on Tuesday", "2019-02-26", day}, {"the same day", "2019-02-26", day}}},
	{"days later", "2019-02-28", "The ship was seized on Feb. 3 and released two days later.",
		[]m{{"on Feb. 3", "2019-02-03", day}, {"two days later", "2019-02-05", day}}},
	{"a day earlier", "2019-02-28", "Police said on Monday that the suspect had fled a day earlier.",
		[]m{{"on Monday", "2019-02-25", day}, {"a day earlier", "2019-02-24", day}}},
	{"earlier than planned is not a date", "2019-02-28", "The talks ended on Monday, a day earlier than planned.",
		[]m{{"on Monday", "2019-02-25", day}}},
	{"day before at clause end", "2019-02-28", "Officials said on Wednesday that the convoy had left the day before.",
		[]m{{"on Wednesday", "2019-02-27", day}, {"the day before", "2019-02-26", day}}},
	{"day after an event is not a date", "2019-02-28", "On Monday, the day after the summit, markets rose.",
		[]m{{"On Monday", "2019-02-25", day}}},
	{"previous day without an anchor", "2019-02-28", "The ministry had announced the test the previous day.",
		[]m{}},
	{"anchor does not cross a sentence", "2019-02-28", "The talks began on Monday. Officials left the previous day.",
		[]m{{"on Monday", "2019-02-25", day}}},
	{"nine-year span after the is not a decade", "2019-02-28", "Under the 2018-2027 plan, output will double.",
		[]m{{"2018-2027", "2018/2027", rng}}},
	{"last night", "2019-02-28", "Rockets struck the town last night.",
		[]m{{"last night", "2019-02-27", day}}},
	{"last week", "2019-02-28", "Inflation eased last week, data showed.",
		[]m{{"last week", "2019-02-18/2019-02-24", rng}}},
	{"this week", "2019-02-28", "Parliament will debate the bill this week.",
		[]m{{"this week", "2019-02-25/2019-03-03", rng}}},
	{"next week", "2019-02-28", "The central bank meets next week.",
		[]m{{"next week", "2019-03-04/2019-03-10", rng}}},
	{"last month", "2019-02-28", "Exports fell 3 percent last month.",
		[]m{{"last month", "2019-01", month}}},
	{"last month across a year", "2019-01-15", "Exports fell 3 percent last month.",
		[]m{{"last month", "2018-12", month}}},
	{"this month", "2019-02-28", "Exports rose this month.",
		[]m{{"this month", "2019-02", month}}},
	{"last year", "2019-02-28", "Growth slowed last year.",
		[]m{{"last year", "2018", year}}},
	{"next year", "2019-02-28", "Elections are due next year.",
		[]m{{"next year", "2020", year}}},
	{"earlier this month", "2019-02-28", "He visited Pyongyang earlier this month.",
		[]m{{"earlier this month", "2019-02-01/2019-02-28", rng}}},
	{"later this month", "2019-02-12", "A decision is expected later this month.",
		[]m{{"later this month", "2019-02-12/2019-02-28", rng}}},
	{"earlier this year", "2019-02-28", "Prices rose sharply earlier this year.",
		[]m{{"earlier this year", "2019-01-01/2019-02-28", rng}}},
	{"days ago", "2019-02-28", "The militants attacked the base two days ago.",
		[]m{{"two days ago", "2019-02-26", day}}},
	{"weeks ago", "2019-02-28", "The law was passed three weeks ago.",
		[]m{{"three weeks ago", "2019-02-04/2019-02-10", rng}}},
	{"a month ago", "2019-02-28", "The ceasefire collapsed a month ago.",
		[]m{{"a month ago", "2019-01", month}}},
	{"years ago", "2019-02-28", "The company was founded 2 years ago.",
		[]m{{"2 years ago", "2017", year}}},
	{"rolling past week", "2019-02-28", "Over the past week, prices rose 3 percent.",
		[]m{{"the past week", "2019-02-21/2019-02-28", rng}}},
	{"over the weekend", "2019-02-25", "Protesters clashed with police over the weekend.",
		[]m{{"the weekend", "2019-02-23/2019-02-24", rng}}},
	{"late last year", "2019-02-28", "The plant was shut late last year.",
		[]m{{"late last year", "2018-09/2018-12", rng}}},
	{"vague expressions are skipped", "2019-02-28", "Fighting has intensified in recent days and is expected to continue in the coming weeks.",
		nil},
	{"bounds are skipped", "2019-02-28", "The plant closed more than a year ago.",
		nil},

	// Parts of months.
	{"early month", "2019-02-28", "The strike began in early February.",
		[]m{{"in early February", "2019-02-01/2019-02-10", rng}}},
	{"mid-month with hyphen", "2019-02-28", "Talks broke down in mid-February.",
		[]m{{"in mid-February", "2019-02-11/2019-02-20", rng}}},
	{"mid month without hyphen, future", "2019-01-20", "The vote is set for mid February.",
		[]m{{"mid February", "2019-02-11/2019-02-20", rng}}},
	{"late month", "2019-03-10", "Fighting flared in late February.",
		[]m{{"in late February", "2019-02-21/2019-02-28", rng}}},
	{"late February in a leap year", "2020-03-10", "The treaty was ratified in late February.",
		[]m{{"in late February", "2020-02-21/2020-02-29", rng}}},
	{"part of a later month in past clause", "2019-02-28", "Troops withdrew in mid-March, the report said.",
		[]m{{"in mid-March", "2018-03-11/2018-03-20", rng}}},
	{"part of year", "2019-02-28", "The reactor was shut in early 2018.",
		[]m{{"in early 2018", "2018-01/2018-04", rng}}},

	// Ranges.
	{"since part of month", "2019-02-28", "Prices have climbed since mid-February.",
		[]m{{"since mid-February", "2019-02-11/2019-02-28", rng}}},
	{"since year", "2019-02-28", "Since 2018, the two Koreas have held three summits.",
		[]m{{"Since 2018", "2018-01-01/2019-02-28", rng}}},
	{"since weekday", "2019-02-28", "Since Monday, the border has been closed.",
		[]m{{"Since Monday", "2019-02-25/2019-02-28", rng}}},
	{"between years", "2019-02-28", "Trade grew steadily between 2018 and 2019.",
		[]m{{"between 2018 and 2019", "2018/2019", rng}}},
	{"from date to date", "2019-02-28", "The festival ran from June 12 to June 14, 2018.",
		[]m{{"from June 12 to June 14, 2018", "2018-06-12/2018-06-14", rng}}},
	{"day range in month", "2019-02-28", "The drills took place June 12-14, 2018, off the coast.",
		[]m{{"June 12-14, 2018", "2018-06-12/2018-06-14", rng}}},
	{"from date to bare day", "2019-02-28", "The fair ran from June 12 to 14, 2018.",
		[]m{{"from June 12 to 14, 2018", "2018-06-12/2018-06-14", rng}}},
	{"year range with en dash", "2019-02-28", "During the 2018–2019 season, attendance fell.",
		[]m{{"2018–2019", "2018/2019", rng}}},
	{"fiscal year range", "2019-02-28", "The budget for the 2018-19 fiscal year was cut.",
		[]m{{"2018-19", "2018/2019", rng}}},
	{"decade", "2019-02-28", "The economy boomed in the 1990s.",
		[]m{{"in the 1990s", "1990/1999", rng}}},
	{"part of decade", "2019-02-28", "The famine of the late 1990s killed hundreds of thousands.",
		[]m{{"the late 1990s", "1997/1999", rng}}},
	{"part of decade without the", "2019-02-28", "The firm, founded in early 1980s Tokyo, grew fast.",
		[]m{{"in early 1980s", "1980/1983", rng}}},
	{"century-like decade is skipped", "2019-02-28", "Steel output grew through the 1900s.",
		nil},
	{"range across new year", "2019-12-01", "The conference will run from Dec. 28 to Jan. 3.",
		[]m{{"from Dec. 28 to Jan. 3", "2019-12-28/2020-01-03", rng}}},
	{"months with shared year", "2019-06-01", "The rainy season lasted from December to March 2019.",
		[]m{{"from December to March 2019", "2018-12/2019-03", rng}}},
	{"season with year", "2019-02-28", "The tunnels were dug in the summer of 2018.",
		[]m{{"in the summer of 2018", "2018-06/2018-08", rng}}},
	{"last season", "2019-02-28", "The reservoir ran dry last summer.",
		[]m{{"last summer", "2018-06/2018-08", rng}}},
	{"weekday range in past", "2019-02-28", "Schools were shut Monday to Wednesday.",
		[]m{{"Monday to Wednesday", "2019-02-25/2019-02-27", rng}}},
	{"rolling past years", "2019-02-28", "Over the past three years, exports doubled.",
		[]m{{"the past three years", "2016-02-28/2019-02-28", rng}}},
	{"since relative day", "2019-02-28", "The airport has been closed since yesterday.",
		[]m{{"since yesterday", "2019-02-27/2019-02-28", rng}}},
	{"month range with years", "2019-02-28", "Output fell from March 2018 through May 2018.",
		[]m{{"from March 2018 through May 2018", "2018-03/2018-05", rng}}},
	{"dateline then decade sentence end", "2019-02-28", "Growth peaked in the 1990s. Vision 2030 followed.",
		[]m{{"in the 1990s", "1990/1999", rng}}},

	// Words that look like dates but are not.
	{"may the modal verb", "2019-02-28", "Pyongyang may respond with another missile test, analysts warned.",
		nil},
	{"Theresa May", "2019-02-28", "Theresa May told parliament the deal was the best available.",
		nil},
	{"march the noun", "2019-02-28", "Thousands joined a march on Washington to demand action.",
		nil},
	{"newspaper named for a weekday", "2019-02-28", "The Sunday Times reported that the minister would resign.",
		nil},
	{"holiday named for a weekday", "2019-02-28", "The Good Friday Agreement ended decades of conflict.",
		nil},
	{"numbers that are not years", "2019-02-28", "The 2,000 troops were deployed under Resolution 2397 after the Hwasong-15 launch.",
		nil},
	{"fall the verb and second the ordinal", "2019-02-28", "Shares fall as investors sell, and the second round of talks stalls.",
		nil},
	{"since May the person", "2019-02-28", "Since May took office in 2016, the party has split.",
		[]m{{"in 2016", "2016", year}}},
	{"military time", "2019-02-28", "At 2100 GMT the ships left port.",
		nil},
	{"month as a surname before a count", "2019-02-28", "Prime Minister May 12 times refused to rule it out.",
		nil},
	{"year inside a programme name", "2019-02-28", "The kingdom unveiled Vision 2030 and Agenda 2063 was cited.",
		nil},
	{"abbreviation inside a place name", "2019-02-28", "The leaders dined at Mar-a-Lago in Florida.",
		nil},
	{"quantity before a four-digit number", "2019-02-28", "About 2000 people marched to the palace.",
		nil},
	{"count noun after a cue", "2019-02-28", "Police fired on a crowd of 2000 protesters in 2009.",
		[]m{{"in 2009", "2009", year}}},
	{"was is a past cue", "2019-02-28", "The deal was signed at a ceremony on March 20.",
		[]m{{"on March 20", "2018-03-20", day}}},
	{"newspaper named Today", "2019-02-28", "The poll was published by USA Today.",
		nil},
	{"Kim Jong Un and a count", "2019-02-28", "Kim Jong Un inspected 1,500 artillery pieces, KCNA said.",
		nil},

	// Times attached to dates.
	{"clock time after date", "2019-06-10", "The meeting began on June 3 at 10:30 a.m. in the capital.",
		[]m{{"on June 3 at 10:30 a.m.", "2019-06-03", day}}},

	// No publication date.
	{"no publication date", "", "The summit was held on June 12, 2018, and talks resumed on Friday.",
		[]m{{"on June 12, 2018", "2018-06-12", day}, {"on Friday", "", unres}}},
	{"no publication date for relative ranges", "", "Since 2018, exports have doubled; last week they fell between 2018 and 2019 levels.",
		[]m{{"Since 2018", "", unres}, {"last week", "", unres}, {"between 2018 and 2019", "2018/2019", rng}}},
	{"no publication date for year-less date", "", "The vote is on June 11.",
		[]m{{"on June 11", "", unres}}},

	// Several in one passage.
	{"passage", "2019-02-28", "SEOUL, Feb. 28 (Yonhap) -- North Korea said Thursday it would hold talks next week, after a missile test on Jan. 14 and a parade in early February.",
		[]m{{"Feb. 28", "2019-02-28", day}, {"Thursday", "2019-02-28", day}, {"next week", "2019-03-04/2019-03-10", rng},
			{"on Jan. 14", "2019-01-14", day}, {"in early February", "2019-02-01/2019-02-10", rng}}},
}

func TestFind(t *testing.T) {
	for _, c := range findCases {
		t.Run(c.name, func(t *testing.T) {
			got := Find(c.body, pubDate(t, c.pub))
			checkMentions(t, c.body, got)
			if !sameMentions(got, c.want) {
				t.Errorf("Find(%q, %s)\n got %s\nwant %s", c.body, c.pub, showGot(got), showWant(c.want))
			}
		})
	}
}

// TestFindZone checks that the publication day is the one in the
// publication's own zone, not in UTC.
func TestFindZone(t *testing.T) {
	ny := time.FixedZone("EST", -5*3600)
	pub := time.Date(2019, 2, 28, 22, 30, 0, 0, ny) // 2019-03-01 03:30 UTC
	got := Find("The minister resigned today.", pub)
	want := []m{{"today", "2019-02-28", day}}
	if !sameMentions(got, want) {
		t.Errorf("got %s, want %s", showGot(got), showWant(want))
	}
}

func TestResolve(t *testing.T) {
	pub := time.Date(2019, 2, 28, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		expr, value, prec string
		ok                bool
	}{
		{"June 12, 2018", "2018-06-12", day, true},
		{"  last week ", "2019-02-18/2019-02-24", rng, true},
		{"June", "2018-06", month, true},
		{"Friday", "2019-02-22", day, true},
		{"since 2018", "2018-01-01/2019-02-28", rng, true},
		{"mid-February", "2019-02-11/2019-02-20", rng, true},
		{"the talks on Friday", "", "", false},
		{"Theresa May", "", "", false},
		{"", "", "", false},
	} {
		v, p, ok := Resolve(c.expr, pub)
		if v != c.value || p != c.prec || ok != c.ok {
			t.Errorf("Resolve(%q) = %q, %q, %v; want %q, %q, %v", c.expr, v, p, ok, c.value, c.prec, c.ok)
		}
	}
}

// checkMentions asserts the invariants every result must keep: offsets in
// range, Text equal to its slice of body, sorted and non-overlapping, and a
// value exactly when the precision is resolved.
func checkMentions(t *testing.T, body string, ms []news.DateMention) {
	t.Helper()
	if ms == nil {
		t.Fatalf("Find(%q) returned nil, want an empty slice", body)
	}
	last := 0
	for _, x := range ms {
		if x.Start < last || x.End <= x.Start || x.End > len(body) {
			t.Fatalf("Find(%q): bad offsets %d:%d after %d", body, x.Start, x.End, last)
		}
		if body[x.Start:x.End] != x.Text {
			t.Fatalf("Find(%q): body[%d:%d] = %q, Text %q", body, x.Start, x.End, body[x.Start:x.End], x.Text)
		}
		if (x.Value == "") != (x.Precision == news.PrecisionUnresolved) {
			t.Fatalf("Find(%q): %q has value %q with precision %q", body, x.Text, x.Value, x.Precision)
		}
		last = x.End
	}
}

func sameMentions(got []news.DateMention, want []m) bool {
	if len(got) != len(want) {
		return false
	}
	for i, g := range got {
		if g.Text != want[i].text || g.Value != want[i].value || g.Precision != want[i].prec {
			return false
		}
	}
	return true
}

func showGot(ms []news.DateMention) string {
	var b strings.Builder
	for _, x := range ms {
		fmt.Fprintf(&b, "{%q %q %s} ", x.Text, x.Value, x.Precision)
	}
	return "[" + b.String() + "]"
}

func showWant(ms []m) string {
	var b strings.Builder
	for _, x := range ms {
		fmt.Fprintf(&b, "{%q %q %s} ", x.text, x.value, x.prec)
	}
	return "[" + b.String() + "]"
}
