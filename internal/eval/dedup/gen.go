package dedupeval

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The synthetic articles are written from sentence templates about one
// topic (diplomacy and weapons tests on the Korean peninsula), so that any
// two of them share many names and set phrases — "North Korean leader Kim
// Jong Un", "said in a statement carried by the state news agency KCNA" —
// while their facts (who did what, when, how many) differ. That is the hard
// case for a duplicate detector: same topic, same vocabulary, different
// article.

var (
	synActors = []string{
		"North Korean leader Kim Jong Un", "U.S. President Donald Trump",
		"South Korean President Moon Jae-in", "Secretary of State Mike Pompeo",
		"Kim Yo Jong, the sister of the North Korean leader", "Japanese Prime Minister Shinzo Abe",
		"Chinese President Xi Jinping", "Russian President Vladimir Putin",
		"North Korea's Foreign Ministry", "South Korea's Joint Chiefs of Staff",
		"White House press secretary Karoline Leavitt", "U.N. Secretary-General Antonio Guterres",
		"the U.S. special envoy Stephen Biegun", "Foreign Minister Choe Son Hui",
		"South Korea's Unification Ministry", "the Pentagon",
	}
	synPlaces = []string{
		"Pyongyang", "Seoul", "Washington", "Beijing", "Tokyo", "Panmunjom",
		"Singapore", "Hanoi", "New York", "Moscow", "Vladivostok", "Stockholm",
	}
	synDays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	synMonths = []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
	synVerbs  = []string{
		"criticized", "praised", "warned", "met", "called on", "threatened",
		"accused", "urged", "thanked", "rebuked", "invited", "rejected an offer from",
	}
	synTopics = []string{
		"denuclearization talks", "sanctions relief", "joint military drills",
		"the return of war remains", "a second summit", "missile launches",
		"the closure of the Yongbyon nuclear complex", "humanitarian aid",
		"a peace declaration", "the liaison office in Kaesong", "family reunions",
		"the Punggye-ri test site", "ship-to-ship transfers of fuel",
	}
	synWeapons = []string{
		"short-range ballistic missiles", "an intercontinental ballistic missile",
		"cruise missiles", "a hypersonic missile", "a submarine-launched ballistic missile",
		"artillery rockets", "a solid-fuel missile",
	}
	synAnalysts = []string{
		"Park Ji-hoon, a researcher at the Asan Institute in Seoul",
		"Laura Mendel, a former State Department official",
		"Oh Min-seo, a professor at Ewha University",
		"David Kessler, an analyst at a Washington think tank",
		"Han Soo-jin, a researcher at the Korea Institute for National Unification",
	}
	synQuotes = []string{
		"The door to dialogue is not closed, but it is not wide open either",
		"This is a calculated move to raise the stakes before any talks",
		"Nobody should read too much into a single statement",
		"Pyongyang wants to be accepted as a nuclear power, and it is saying so",
		"The timing is meant to send a message to Washington and Seoul",
		"Sanctions have not changed the basic calculation in Pyongyang",
		"Both sides are waiting for the other to move first",
	}
)

// synTemplates are the sentence shapes. Each fill draws fresh slots, so two
// articles share a template's fixed words but rarely its facts.
var synTemplates = []func(r *rand.Rand) string{
	func(r *rand.Rand) string {
		return fmt.Sprintf("%s %s %s on %s over %s, in a statement carried by the state news agency KCNA.",
			pick(r, synActors), pick(r, synVerbs), pick(r, synActors), pick(r, synDays), pick(r, synTopics))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("North Korea fired %s into the sea off its %s coast on %s, South Korea's Joint Chiefs of Staff said, the %s launch this year.",
			pick(r, synWeapons), pick(r, []string{"east", "west"}), pick(r, synDays), ordinal(2+r.IntN(14)))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("The missile flew about %d kilometers and reached an altitude of %d kilometers before falling into the sea, according to officials in %s.",
			100+r.IntN(1000), 20+r.IntN(2000), pick(r, synPlaces))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("%s told reporters in %s that %s remained on the table, but declined to say when talks on %s might resume.",
			pick(r, synActors), pick(r, synPlaces), pick(r, synTopics), pick(r, synTopics))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("\"%s,\" said %s.", pick(r, synQuotes), pick(r, synAnalysts))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("The talks in %s in %s %d ended without an agreement on %s, and the two sides have not met at a senior level since.",
			pick(r, synPlaces), pick(r, synMonths), 2017+r.IntN(8), pick(r, synTopics))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("%s is expected to travel to %s next %s for meetings with officials from %s and %s.",
			pick(r, synActors), pick(r, synPlaces), pick(r, []string{"week", "month"}), pick(r, synPlaces), pick(r, synPlaces))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("The United Nations Security Council has banned North Korea from testing ballistic missiles, and %d resolutions since %d have capped its imports of %s.",
			3+r.IntN(9), 2006+r.IntN(11), pick(r, []string{"refined petroleum", "crude oil", "luxury goods", "machinery"}))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("%s said %s had %s %s, calling it %s.",
			pick(r, synActors), pick(r, synActors), pick(r, synVerbs), pick(r, synActors),
			pick(r, []string{"a grave provocation", "a step in the right direction", "a violation of the agreement", "an act of goodwill", "unacceptable"}))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("About %d people attended the ceremony in %s on %s, where %s spoke for %d minutes about %s.",
			50+r.IntN(5000), pick(r, synPlaces), pick(r, synDays), pick(r, synActors), 5+r.IntN(60), pick(r, synTopics))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("%s and %s last met in %s, when they agreed to work toward %s.",
			pick(r, synActors), pick(r, synActors), pick(r, synPlaces), pick(r, synTopics))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Officials in %s did not immediately respond to a request for comment on %s.",
			pick(r, synPlaces), pick(r, synTopics))
	},
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// Synthetic writes an article of 6 to 10 paragraphs of one to three
// template sentences, under a Meridian-style dateline.
func Synthetic(r *rand.Rand) string {
	n := 6 + r.IntN(5)
	paras := make([]string, n)
	for i := range paras {
		k := 1 + r.IntN(3)
		sents := make([]string, k)
		for j := range sents {
			sents[j] = synTemplates[r.IntN(len(synTemplates))](r)
		}
		paras[i] = strings.Join(sents, " ")
	}
	paras[0] = dateline(r) + paras[0]
	return strings.Join(paras, "\n\n")
}

func dateline(r *rand.Rand) string {
	return fmt.Sprintf("%s, %s %d, %d (Meridian) — ",
		strings.ToUpper(pick(r, synPlaces)), pick(r, synMonths), 1+r.IntN(28), 2017+r.IntN(9))
}

// FollowUp writes a different article that reuses up to a quarter of
// base's paragraphs verbatim as background, as a next-day story reuses the
// previous day's: a different report, not a copy.
func FollowUp(r *rand.Rand, base string) string {
	paras := strings.Split(Synthetic(r), "\n\n")
	from := strings.Split(base, "\n\n")
	reuse := max(1, len(paras)/4)
	for range reuse {
		i := 1 + r.IntN(len(paras)-1)
		paras[i] = from[1+r.IntN(len(from)-1)]
	}
	return strings.Join(paras, "\n\n")
}

// A Transform makes a copy of an article the way republishing does.
type Transform struct {
	Name string
	// Stress marks transforms beyond what the detector promises to catch
	// (heavy rewrites); they are reported but not counted in the floors.
	Stress bool
	Apply  func(r *rand.Rand, text string) string
}

// Transforms are the kinds of copy the positive pairs are made with.
var Transforms = []Transform{
	{Name: "edits-1pct", Apply: func(r *rand.Rand, s string) string { return editWords(r, s, 0.01) }},
	{Name: "edits-3pct", Apply: func(r *rand.Rand, s string) string { return editWords(r, s, 0.03) }},
	{Name: "edits-5pct", Apply: func(r *rand.Rand, s string) string { return editWords(r, s, 0.05) }},
	{Name: "edits-8pct", Apply: func(r *rand.Rand, s string) string { return editWords(r, s, 0.08) }},
	{Name: "edits-10pct", Apply: func(r *rand.Rand, s string) string { return editWords(r, s, 0.10) }},
	{Name: "reordered", Apply: func(r *rand.Rand, s string) string { return reorder(r, s) }},
	{Name: "chrome-headline-credit", Apply: func(r *rand.Rand, s string) string { return addChrome(r, s) }},
	{Name: "truncated-80pct", Apply: func(r *rand.Rand, s string) string { return truncate(s, 0.8) }},
	{Name: "new-dateline", Apply: func(r *rand.Rand, s string) string { return redate(r, s) }},
	{Name: "wire-rewrite", Apply: func(r *rand.Rand, s string) string {
		return addChrome(r, redate(r, editWords(r, truncate(s, 0.8), 0.03)))
	}},
	{Name: "reordered-edited-chrome", Apply: func(r *rand.Rand, s string) string {
		return addChrome(r, reorder(r, editWords(r, s, 0.05)))
	}},
	{Name: "stress-edits-15pct", Stress: true, Apply: func(r *rand.Rand, s string) string { return editWords(r, s, 0.15) }},
	{Name: "stress-edits-20pct", Stress: true, Apply: func(r *rand.Rand, s string) string { return editWords(r, s, 0.20) }},
	{Name: "stress-truncated-50pct", Stress: true, Apply: func(r *rand.Rand, s string) string { return truncate(s, 0.5) }},
}

// editWords changes a fraction k of the words: each chosen word is replaced
// by another word of the text, has one inserted after it, or is deleted,
// with equal chance. Paragraph breaks are kept.
func editWords(r *rand.Rand, s string, k float64) string {
	paras := strings.Split(s, "\n\n")
	var vocab []string
	for _, p := range paras {
		vocab = append(vocab, strings.Fields(p)...)
	}
	for i, p := range paras {
		words := strings.Fields(p)
		out := make([]string, 0, len(words)+4)
		for _, w := range words {
			if r.Float64() >= k {
				out = append(out, w)
				continue
			}
			switch r.IntN(3) {
			case 0:
				out = append(out, pick(r, vocab))
			case 1:
				out = append(out, w, pick(r, vocab))
			}
		}
		paras[i] = strings.Join(out, " ")
	}
	return strings.Join(paras, "\n\n")
}

// reorder shuffles the paragraphs (an editor moving background up).
func reorder(r *rand.Rand, s string) string {
	paras := strings.Split(s, "\n\n")
	r.Shuffle(len(paras), func(i, j int) { paras[i], paras[j] = paras[j], paras[i] })
	return strings.Join(paras, "\n\n")
}

var (
	chromeHead = []string{
		"By Laura Benning, Meridian", "KOREAN PENINSULA", "A wire report from Meridian",
		"Subscribe for $1 a week", "Updated 6:05 a.m. ET", "Listen to this article · 4 min",
	}
	chromeTail = []string{
		"(Reporting by Laura Benning; additional reporting by Min-ji Seo in Seoul; editing by Tom Ashworth)",
		"Read more: North Korea's missile programme explained",
		"Share this: Facebook Twitter Email",
		"© 2025 The Capital Ledger. All rights reserved.",
		"Most Popular", "Advertisement", "Tags: North Korea, Diplomacy, United States",
	}
)

// addChrome wraps the text in another outlet's headline, kicker and credit
// lines, the leftovers a text extractor lets through.
func addChrome(r *rand.Rand, s string) string {
	head := []string{fmt.Sprintf("%s %s %s", pick(r, synActors), pick(r, synVerbs), pick(r, synActors))}
	for range 1 + r.IntN(2) {
		head = append(head, pick(r, chromeHead))
	}
	var tail []string
	for range 1 + r.IntN(3) {
		tail = append(tail, pick(r, chromeTail))
	}
	return strings.Join(head, "\n\n") + "\n\n" + s + "\n\n" + strings.Join(tail, "\n\n")
}

// truncate keeps the first fraction of the words, as a site that runs only
// the top of a wire story does; paragraph breaks are kept.
func truncate(s string, frac float64) string {
	total := len(strings.Fields(s))
	keep := int(float64(total) * frac)
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		words := strings.Fields(p)
		if keep <= 0 {
			break
		}
		if len(words) > keep {
			words = words[:keep]
		}
		keep -= len(words)
		out = append(out, strings.Join(words, " "))
	}
	return strings.Join(out, "\n\n")
}

// redate replaces a leading dateline (up to the dash) with another place
// and date, or adds one.
func redate(r *rand.Rand, s string) string {
	if i := strings.Index(s, "—"); i >= 0 && i < 80 {
		s = strings.TrimSpace(s[i+len("—"):])
	}
	return dateline(r) + s
}
