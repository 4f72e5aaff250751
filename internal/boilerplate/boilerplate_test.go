package boilerplate

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the .golden body files")

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fixture is what Clean must make of one testdata article. Body is checked
// against testdata/<name>.golden.
type fixture struct {
	name                  string
	title, author         string
	dateline, place, date string
	removed, related      []string
	firstPara, lastPara   string // spot checks that survive golden updates
}

var relatedHeadlines = []string{
	"North Korea test-fires cruise missiles off west coast",
	"Seoul and Tokyo agree to share missile warning data in real time",
	"US envoy arrives in Seoul for talks on sanctions",
	"Families of abductees urge Japan to restart dialogue with Pyongyang",
	"Kim Jong Un inspects new naval destroyer at Nampo shipyard",
	"South Korean exports rise for ninth straight month",
}

var fixtures = []fixture{
	{
		name:     "related",
		title:    "Seoul and Pyongyang reopen military hotline after two-year silence",
		author:   "Min-ji Seo",
		dateline: "SEOUL, June 12 (Newsgraph) —", place: "SEOUL", date: "June 12",
		removed: append([]string{
			"Home > World > Asia", "By Min-ji Seo", "June 12, 2024",
			"SEOUL, June 12 (Newsgraph) —", "Related Articles",
		}, relatedHeadlines...),
		related:   relatedHeadlines,
		firstPara: "North and South Korea restored a military communication line on Wednesday",
		lastPara:  "Pyongyang's state media did not mention the hotline in its evening bulletin.",
	},
	{
		name:  "wordpress",
		title: "City council approves new bus lanes on Harbor Road",
		removed: []string{
			"Posted on March 4, 2024 by admin",
			"Share this:", "Twitter", "Facebook", "WhatsApp", "Email", "Print",
			"Like this:", "Like Loading...", "Related",
			"2 thoughts on “City council approves new bus lanes on Harbor Road”",
			"Daniel K.", "March 4, 2024 at 9:41 pm",
			"Finally. I have been waiting for this for years.", "Reply",
			"Mira Hoffmann", "March 5, 2024 at 7:02 am",
			"What about the cyclists? Nobody asked us.", "Reply",
			"Leave a Reply Cancel reply",
			"Your email address will not be published. Required fields are marked *",
			"Comment *", "Name *", "Email *", "Website",
			"Save my name, email, and website in this browser for the next time I comment.",
			"Post Comment", "Back to top button",
			"Copyright © 2024 Riverside Daily. All rights reserved.",
		},
		firstPara: "The Riverside city council voted 7–2 on Monday night",
		lastPara:  "Two members voted against the plan, saying shop owners along the road had not been consulted. Construction is expected to start in September.",
	},
	{
		name:     "byline_dateline",
		title:    "Wildfire forces thousands to flee homes in southern Greece",
		author:   "Eleni Markou and Tom Becker",
		dateline: "ATHENS, Aug. 14 (Newsgraph) —", place: "ATHENS", date: "Aug. 14",
		removed: []string{
			"Skip to content", "World",
			"By Eleni Markou and Tom Becker, Newsgraph",
			"Updated: August 14, 2024, 10:05 a.m. ET", "4 min read",
			"A firefighting helicopter drops water over a burning hillside near Nafplio on Tuesday. (Photo: Andreas Kostas/Newsgraph)",
			"ATHENS, Aug. 14 (Newsgraph) —",
			"Advertisement", "Image source, Getty Images",
			"Additional reporting by Nikos Petrou in Athens",
			"Copyright 2024 Newsgraph. All rights reserved.",
		},
		// The deck is the article's own text and stays.
		firstPara: "Firefighters battle the flames for a third day as winds pick up",
		lastPara:  "would pay for temporary housing for families whose homes were damaged.",
	},
	{
		name:      "short_ending",
		title:     "Train drivers call off Friday strike after pay offer",
		author:    "Sam Okafor",
		removed:   []string{"By Sam Okafor", "Share on Facebook", "Share on X", "Subscribe to our newsletter"},
		firstPara: "Rail services across the region will run normally on Friday",
		lastPara:  "The operator welcomed the news.\n\nTalks continue.\n\nNo date has been set.",
	},
	{
		name:      "no_title_mid",
		firstPara: "and the ministry said the new labelling rules would take effect in January",
		lastPara:  "The ministry said it would publish guidance for small producers next month.",
	},
	{
		name:      "no_title_long",
		removed:   []string{"Photo: Lina Haddad"},
		firstPara: "Heavy rain closed schools and flooded hundreds of homes",
		lastPara:  "Farmers' groups said it was too early to estimate the damage to crops.",
	},
	{
		name:     "quote_para",
		title:    "Fishermen protest offshore wind farm plan",
		author:   "Hanna Lind",
		dateline: "GOTHENBURG, Sweden (Newsgraph) —", place: "GOTHENBURG, Sweden",
		removed:   []string{"By Hanna Lind", "GOTHENBURG, Sweden (Newsgraph) —"},
		firstPara: "Several hundred fishermen sailed their boats into Gothenburg harbour on Saturday",
		lastPara:  "A court hearing on the permit is scheduled for October.",
	},
	{
		name:   "leading_list",
		title:  "Port workers end week-long strike after deal on wages",
		author: "Priya Raman",
		removed: []string{
			"Trending",
			"Central bank holds interest rates steady for fourth month",
			"Heatwave warning issued for the capital",
			"Opposition leader calls for early election",
			"By Priya Raman | May 2, 2024",
			"READ MORE: Shipping rates climb as strike delays cargo",
			"Tags: strike, port, wages",
		},
		related: []string{
			"Central bank holds interest rates steady for fourth month",
			"Heatwave warning issued for the capital",
			"Opposition leader calls for early election",
			"Shipping rates climb as strike delays cargo",
		},
		firstPara: "The dockworkers' union ended a week-long strike",
		lastPara:  `Union leader Omar Haddad said the agreement "shows what workers can win when they stand together".`,
	},
}

func TestFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			r := Clean(readFixture(t, f.name+".txt"))
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("Title", r.Title, f.title)
			check("Author", r.Author, f.author)
			check("Dateline", r.Dateline, f.dateline)
			check("DatelinePlace", r.DatelinePlace, f.place)
			check("DatelineDate", r.DatelineDate, f.date)
			if !slices.Equal(r.Removed, f.removed) {
				t.Errorf("Removed =\n%s\nwant\n%s", strings.Join(r.Removed, "\n"), strings.Join(f.removed, "\n"))
			}
			if !slices.Equal(r.RelatedHeadlines, f.related) {
				t.Errorf("RelatedHeadlines =\n%s\nwant\n%s", strings.Join(r.RelatedHeadlines, "\n"), strings.Join(f.related, "\n"))
			}
			paras := strings.Split(r.Body, "\n\n")
			if !strings.HasPrefix(paras[0], f.firstPara) {
				t.Errorf("first paragraph = %q, want it to start %q", paras[0], f.firstPara)
			}
			if !strings.HasSuffix(r.Body, f.lastPara) {
				t.Errorf("body ends %q, want %q", paras[len(paras)-1], f.lastPara)
			}

			golden := filepath.Join("testdata", f.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(r.Body+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want := strings.TrimSuffix(readFixture(t, f.name+".golden"), "\n")
			if r.Body != want {
				t.Errorf("Body differs from %s:\n--- got\n%s\n--- want\n%s", golden, r.Body, want)
			}
		})
	}
}

// TestEveryLineAccounted checks the Result invariant on every fixture: each
// non-blank input line is the title, a body paragraph (whole, or after its
// dateline) or a removed string, in input order.
func TestEveryLineAccounted(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures", err)
	}
	for _, file := range files {
		r := Clean(readFixture(t, filepath.Base(file)))
		paras := strings.Split(r.Body, "\n\n")
		removed := r.Removed
		for ln := range strings.SplitSeq(readFixture(t, filepath.Base(file)), "\n") {
			ln = strings.TrimSpace(ln)
			switch {
			case ln == "":
			case ln == r.Title:
			case len(removed) > 0 && ln == removed[0]:
				removed = removed[1:]
			case len(removed) > 0 && r.Dateline != "" && removed[0] == r.Dateline && len(paras) > 0 &&
				ln == r.Dateline+" "+paras[0]:
				removed, paras = removed[1:], paras[1:]
			case len(paras) > 0 && ln == paras[0]:
				paras = paras[1:]
			default:
				t.Errorf("%s: line %q is in neither Title, Body nor Removed (next body %q)", file, ln, paras[0])
			}
		}
		if len(paras) != 0 || len(removed) != 0 {
			t.Errorf("%s: left over: body %q removed %q", file, paras, removed)
		}
	}
}

func TestLineKinds(t *testing.T) {
	tests := []struct {
		line string
		want kind
	}{
		// Article text, however short, and quotes.
		{"“We will not back down,” she said.", kSentence},
		{"\"Not one metre,\" one protester shouted.", kSentence},
		{"Talks continue.", kSentence},
		{"Share prices fell sharply in early trading.", kSentence},
		{"Google uses cookies to track users across sites, regulators said.", kSentence},
		{"Reporting by the BBC found that the figures were wrong.", kSentence},
		{"By contrast, the ministry said it would wait.", kSentence},
		{"Copyright lawsuits have doubled since 2020, lawyers said.", kSentence},
		{"Twitter sues X over brand name", kHeadline},
		{"First 100 days of the new government", kHeadline},
		{"Seoul and Tokyo agree to share missile warning data", kHeadline},
		// Sharing and comment chrome.
		{"Share this:", kChrome},
		{"WhatsApp", kChrome},
		{"Like Loading...", kChrome},
		{"Click to share on WhatsApp (Opens in new window)", kChrome},
		{"Follow Newsgraph on Twitter", kChrome},
		{"Cancel reply", kChrome},
		{"Name *", kChrome},
		{"Email (required)", kChrome},
		{"Website", kChrome},
		{"Post Comment", kChrome},
		{"Back to top button", kChrome},
		{"Sign up for our morning briefing", kChrome},
		{"Advertisement", kChrome},
		{"Story continues below advertisement", kChrome},
		{"We use cookies to improve your experience. By continuing to browse you accept our cookie policy.", kChrome},
		{"Copyright © 2024 Newsgraph Media", kChrome},
		{"Copyright 2024 Newsgraph", kChrome},
		{"All rights reserved.", kChrome},
		{"* * *", kChrome},
		{"Leave a Reply", kOpener},
		{"12 Comments", kOpener},
		{"Comments (4)", kOpener},
		{"3 thoughts on “Seoul talks”", kOpener},
		// Captions and credits.
		{"Photo: AP", kChrome},
		{"(Photo credit: Jane Doe/Newsgraph)", kChrome},
		{"(AFP/Getty Images)", kChrome},
		{"File photo: Kim Jong Un at a party meeting in Pyongyang", kChrome},
		{"Kim Jong Un speaks at a party meeting in Pyongyang. (KCNA via Reuters)", kChrome},
		{"Image source, Getty Images", kChrome},
		{"(Reporting by Jane Doe; Editing by John Roe)", kChrome},
		// Navigation.
		{"Home > World > Asia", kChrome},
		{"News / World / Asia", kChrome},
		{"Home | World | Politics | Business", kChrome},
		{"Home World Politics Business Sport", kChrome},
		{"Live Updates", kChrome},
		{"Already a subscriber? Log in", kChrome},
		{"This article was originally published by The Conversation.", kChrome},
		// Dates and read times.
		{"Updated: June 12, 2024 10:03 AM", kMeta},
		{"Published 3 hours ago", kMeta},
		{"Published: 12 June 2024", kMeta},
		{"Mon 12 Jun 2024 10.03 BST", kMeta},
		{"3 min read", kMeta},
		{"Reading time: 4 minutes", kMeta},
		// Bylines.
		{"By Jane Doe", kByline},
		{"BY JANE DOE", kByline},
		{"By Jane Doe and John Roe, Reuters", kByline},
		{"Jane Doe, Staff Writer", kByline},
		{"Jane Doe | June 12, 2024 | 3 min read", kByline},
		// Labels.
		{"Related Articles", kLabel},
		{"More from World", kLabel},
		{"You may also like", kLabel},
		{"Most popular:", kLabel},
		{"READ MORE: Seoul and Tokyo agree to share missile data", kInlineRelated},
	}
	for _, tc := range tests {
		l := line{text: tc.line}
		classify(&l)
		if l.kind != tc.want {
			t.Errorf("classify(%q) = %d, want %d", tc.line, l.kind, tc.want)
		}
	}
}

func TestBylineAuthor(t *testing.T) {
	tests := []struct{ line, author string }{
		{"By Jane Doe", "Jane Doe"},
		{"By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe"},
		{"By Jane Doe in Seoul", "Jane Doe"},
		{"Written by Park Sung-ho", "Park Sung-ho"},
		{"Jane Doe, Seoul correspondent", "Jane Doe"},
		{"By Tuesday", ""},
		{"By the numbers", ""},
	}
	for _, tc := range tests {
		got, ok := parseByline(tc.line)
		if got != tc.author || ok != (tc.author != "") {
			t.Errorf("parseByline(%q) = %q, %v; want %q", tc.line, got, ok, tc.author)
		}
	}
}

func TestDatelines(t *testing.T) {
	tests := []struct {
		line                    string
		text, place, date, rest string
	}{
		{"SEOUL, June 12 (Newsgraph) — North Korea fired two missiles on Tuesday.",
			"SEOUL, June 12 (Newsgraph) —", "SEOUL", "June 12", "North Korea fired two missiles on Tuesday."},
		{"SEOUL (Reuters) - North Korea fired two missiles on Tuesday.",
			"SEOUL (Reuters) -", "SEOUL", "", "North Korea fired two missiles on Tuesday."},
		{"SAN FRANCISCO, Calif., Dec. 3, 2023 (AP) — The city council voted to ban the sale.",
			"SAN FRANCISCO, Calif., Dec. 3, 2023 (AP) —", "SAN FRANCISCO, Calif.", "Dec. 3, 2023", "The city council voted to ban the sale."},
		{"Seoul, June 12 (Yonhap) -- South Korea will send an envoy to Washington.",
			"Seoul, June 12 (Yonhap) --", "Seoul", "June 12", "South Korea will send an envoy to Washington."},
		{"WASHINGTON/SEOUL, March 18, 2021 —",
			"WASHINGTON/SEOUL, March 18, 2021 —", "WASHINGTON/SEOUL", "March 18, 2021", ""},
		{"WASHINGTON — The White House said on Thursday that talks would resume.",
			"WASHINGTON —", "WASHINGTON", "", "The White House said on Thursday that talks would resume."},
		{"SEOUL, June 12: North Korea fired two missiles on Tuesday, the military said.",
			"SEOUL, June 12:", "SEOUL", "June 12", "North Korea fired two missiles on Tuesday, the military said."},
		{"SEOUL, June 12 (Newsgraph) —", "SEOUL, June 12 (Newsgraph) —", "SEOUL", "June 12", ""},
	}
	for _, tc := range tests {
		d, ok := parseDateline(tc.line)
		if !ok || d.text != tc.text || d.place != tc.place || d.date != tc.date || d.rest != tc.rest {
			t.Errorf("parseDateline(%q) = %+v, %v", tc.line, d, ok)
		}
	}
	for _, s := range []string{
		"NATO — the alliance of 32 nations — said it would respond.",
		"NORTH KOREA FIRES MISSILE - REPORT",
		"The council voted 7–2 on Monday night to create bus lanes.",
		"Kim Jong Un (centre) — flanked by generals — watched the launch.",
		"Photo: North Korea fired two missiles on Tuesday, the military said.",
		"READ MORE: Shipping rates climb as strike delays cargo",
		"EXCLUSIVE: North Korea plans a new launch site near the coast",
		"SEOUL: North Korea fired two missiles on Tuesday, the military said.",
	} {
		if d, ok := parseDateline(s); ok {
			t.Errorf("parseDateline(%q) = %+v, want no dateline", s, d)
		}
	}
}

const articleBody = "The central bank left interest rates unchanged on Thursday, saying inflation was still too high.\n\n" +
	"Officials said they would watch wage data closely before the next meeting in July.\n\n"

func TestTailRules(t *testing.T) {
	tests := []struct {
		name, tail string
		keep       string   // text that must stay in the body
		related    []string // expected related headlines
	}{
		{
			name:    "unlabelled run of three",
			tail:    "Markets slide as oil prices jump\nGovernment names new finance minister\nFarmers protest import quotas in capital",
			related: []string{"Markets slide as oil prices jump", "Government names new finance minister", "Farmers protest import quotas in capital"},
		},
		{
			name: "two headline-like lines are not a list",
			tail: "Markets slide as oil prices jump\nGovernment names new finance minister",
			keep: "Government names new finance minister",
		},
		{
			name:    "list with dates between items",
			tail:    "Latest news\nMarkets slide as oil prices jump\n2 hours ago\nIs the housing boom over?\n5 hours ago",
			related: []string{"Markets slide as oil prices jump", "Is the housing boom over?"},
		},
		{
			name: "tags before the chrome go with it",
			tail: "North Korea\nMissiles\nShare this:\nFacebook",
			keep: "Officials said they would watch wage data closely before the next meeting in July.",
		},
		{
			name: "a cut-off last sentence stays",
			tail: "The bank said the next decision would depend on wage data from the spring,\nShare this:\nFacebook",
			keep: "would depend on wage data from the spring,",
		},
		{
			name: "chrome in the middle keeps what follows",
			tail: "Advertisement\nThe bank's next decision is due on July 18.",
			keep: "The bank's next decision is due on July 18.",
		},
		{
			name: "a lone comment heading does not swallow the article",
			tail: "Comments\nAnalysts expect one cut before the end of the year.\nThe euro was little changed.",
			keep: "Analysts expect one cut before the end of the year.\n\nThe euro was little changed.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Clean("Central bank holds rates\n" + articleBody + tc.tail)
			if !strings.HasPrefix(r.Body, strings.TrimSpace(articleBody)) {
				t.Errorf("article text lost: %q", r.Body)
			}
			if tc.keep != "" && !strings.HasSuffix(r.Body, tc.keep) {
				t.Errorf("body ends %q, want %q kept", r.Body, tc.keep)
			}
			if !slices.Equal(r.RelatedHeadlines, tc.related) {
				t.Errorf("RelatedHeadlines = %q, want %q", r.RelatedHeadlines, tc.related)
			}
		})
	}
}

func TestHeadRules(t *testing.T) {
	// An unlabelled list above the article, with no byline to show where
	// the title is, gives no title: a sidebar headline must not become one.
	r := Clean("Markets slide as oil prices jump\nGovernment names new finance minister\nFarmers protest import quotas in capital\n" + articleBody)
	if r.Title != "" || len(r.RelatedHeadlines) != 3 {
		t.Errorf("Title = %q, RelatedHeadlines = %q; want no title and 3 related", r.Title, r.RelatedHeadlines)
	}
	// A dated list is not followed by a title just because of the last date.
	r = Clean("Trending\nMarkets slide as oil prices jump\n2 hours ago\nGovernment names new finance minister\n3 hours ago\n" + articleBody)
	if r.Title != "" || len(r.RelatedHeadlines) != 2 {
		t.Errorf("dated list: Title = %q, RelatedHeadlines = %q", r.Title, r.RelatedHeadlines)
	}
	// A title with a deck under it keeps both.
	r = Clean("Central bank holds rates\nPolicymakers want more evidence that inflation is falling\n" + articleBody)
	if r.Title != "Central bank holds rates" || !strings.HasPrefix(r.Body, "Policymakers want more evidence") {
		t.Errorf("Title = %q, Body = %q", r.Title, r.Body)
	}
	// A role line under the byline goes with it.
	r = Clean("Central bank holds rates\nBy Jane Doe\nEconomics correspondent, Frankfurt\n" + articleBody)
	if r.Author != "Jane Doe" || !slices.Equal(r.Removed, []string{"By Jane Doe", "Economics correspondent, Frankfurt"}) {
		t.Errorf("Author = %q, Removed = %q", r.Author, r.Removed)
	}
	// A section or story-type word above the title is a kicker, not the title.
	r = Clean("Economy\nBreaking News\nCentral bank holds rates\n" + articleBody)
	if r.Title != "Central bank holds rates" || !slices.Equal(r.Removed, []string{"Economy", "Breaking News"}) {
		t.Errorf("Title = %q, Removed = %q", r.Title, r.Removed)
	}
}

func TestHardWrappedParagraph(t *testing.T) {
	in := "Central bank holds rates\n\nThe central bank left interest rates unchanged on Thursday, saying that\ninflation was still too high and that wage growth\nremained strong in several member states.\n\nOfficials said they would wait."
	r := Clean(in)
	want := "The central bank left interest rates unchanged on Thursday, saying that\ninflation was still too high and that wage growth\nremained strong in several member states.\n\nOfficials said they would wait."
	if r.Body != want {
		t.Errorf("Body = %q, want %q", r.Body, want)
	}
}

func TestLowerCaseMenuIsNotJoined(t *testing.T) {
	r := Clean("home\nworld\npolitics\nCentral bank holds rates\n" + articleBody)
	if r.Title != "Central bank holds rates" || !slices.Equal(r.Removed, []string{"home", "world", "politics"}) {
		t.Errorf("Title = %q, Removed = %q", r.Title, r.Removed)
	}
}

func TestEmptyAndChromeOnly(t *testing.T) {
	if r := Clean(""); r.Body != "" || r.Title != "" || len(r.Removed) != 0 {
		t.Errorf("Clean(\"\") = %+v", r)
	}
	r := Clean("Share this:\nFacebook\nTwitter\n\nAdvertisement")
	if r.Body != "" || len(r.Removed) != 4 {
		t.Errorf("chrome-only page: Body = %q, Removed = %q", r.Body, r.Removed)
	}
}

func BenchmarkClean(b *testing.B) {
	var sb strings.Builder
	for _, f := range fixtures {
		sb.WriteString(readFixture(b, f.name+".txt"))
		sb.WriteString("\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Clean(text)
	}
}
