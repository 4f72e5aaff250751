package events

import (
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// This file dates events: the date expression that governs an act, the
// report's date, and the forms that date nothing (a count of acts "this
// year", a "since" phrase after an ordinal).

// dateOf returns the event's date: the resolved date expression of its
// clause nearest the act, else the date of the reporting verb that
// carries it ("..., the White House said on Friday"), else the
// publication day, else "". It also returns the day actors are read for,
// and whether the text itself dated the act. With intended set, the act
// is one announced for later, whose dates after it are the plan's.
func (d *docText) dateOf(s *sentence, m *match, cl clause, intended bool) (string, time.Time, bool) {
	if !d.headline {
		toks := s.toks
		at := toks[m.anchor()].start
		from, end := clauseStart(toks, m.anchor()), clauseEnd(toks, m.to)
		// A date after the act ("fired missiles on Thursday") is the
		// act's; failing that, one before it in the same clause ("On
		// Tuesday, the minister summoned"), nearest first.
		after, before := "", ""
		afterAt, beforeAt := -1, -1
		for _, dm := range d.doc.Dates {
			if !d.usable(dm) || dm.End > end {
				continue
			}
			if dm.Start < from && !leadsInto(dm, toks, from) {
				continue
			}
			switch {
			case dm.Start >= at && (afterAt < 0 || dm.Start < afterAt):
				if (intended || verbBetween(toks, m.to, dm.Start)) && !sayingFrame(toks, dm) {
					continue
				}
				if dm.Precision == news.PrecisionYear && ordinalBefore(toks, m.anchor()) {
					// "his fourth trip to North Korea this year":
					// the year counts the trips; it does not date
					// this one.
					continue
				}
				if countingYear(toks, dm) || sinceDate(toks, dm) {
					// "his third visit to Qatar since January",
					// "the first president to visit since 2010":
					// a span the act is counted in, not its day.
					continue
				}
				after, afterAt = dm.Value, dm.Start
			case dm.Start < at && dm.Start > beforeAt:
				if sinceIntro(toks, dm) {
					// "Since returning to the White House in
					// January, Trump has said": the span's start,
					// not the act's day.
					continue
				}
				if countingYear(toks, dm) {
					// "on his third trip there this year, meeting":
					// the year counts the trips.
					continue
				}
				if reportBetween(toks, dm.End, m.anchor()) {
					// "said on Thursday that it had tested": the
					// saying's date, which reportDate weighs.
					continue
				}
				before, beforeAt = d.joinedDays(dm), dm.Start
			}
		}
		if after != "" {
			return after, parseDay(after), true
		}
		if before != "" {
			return before, parseDay(before), true
		}
		if v := d.whileDate(toks, from); v != "" {
			return v, parseDay(v), true
		}
		if v := d.reportDate(s, m, cl); v != "" {
			return v, parseDay(v), true
		}
		if v := d.earlierActDate(s, m, cl); v != "" {
			return v, parseDay(v), true
		}
	}
	return d.pubDate, time.Time{}, d.headline && d.pubDate != ""
}

// earlierActDate dates an undated act reported in the past perfect by
// the act of the same kind the sentence before dates: "The men were
// released on Wednesday. The agency said Kim had granted them amnesty."
// The report moves the tense back; the previous sentence told the day.
func (d *docText) earlierActDate(s *sentence, m *match, cl clause) string {
	if cl.reported < 0 || !pastPerfect(s.toks, m.anchor()) || len(d.prevSent.toks) == 0 || d.prevSent.toks[0].tag == "" {
		return ""
	}
	root := m.pat.rule.Code[:2]
	prev := d.prevSent
	for _, pm := range d.c.lex.findMatches(&prev) {
		if pm.pat.rule.Stop || pm.pat.rule.Code[:2] != root {
			continue
		}
		pcl := clause{reported: -1}
		if v, _, ok := d.dateOf(&prev, &pm, pcl, false); ok {
			return v
		}
	}
	return ""
}

// pastPerfect reports whether the verb at token a is in the past perfect:
// "had granted", "had already freed".
func pastPerfect(toks []token, a int) bool {
	for k := a - 1; k >= 0 && k >= a-3; k-- {
		if toks[k].lower == "had" {
			return true
		}
		if !(toks[k].tag == "RB" || adverbs[toks[k].lower]) {
			return false
		}
	}
	return false
}

// sinceIntro reports whether a date mention lies in a phrase opened by
// "since" that nothing but words separates from it.
func sinceIntro(toks []token, dm news.DateMention) bool {
	k := tokenAt(toks, dm.Start)
	for j := k - 1; j >= 0 && j >= k-10; j-- {
		if toks[j].lower == "since" {
			return true
		}
		if toks[j].isPunct() {
			return false
		}
	}
	return false
}

// sayingFrame reports whether a date mention dates the medium an act was
// said in: "in a television interview broadcast on Thursday", "in a
// statement released on Monday". Such a date is the saying's, and so an
// announced intent's or threat's, even after a later verb.
func sayingFrame(toks []token, dm news.DateMention) bool {
	k := tokenAt(toks, dm.Start)
	for j := k - 1; j >= 1 && j >= k-4; j-- {
		switch toks[j].lower {
		case "interview", "statement", "speech", "address", "briefing", "broadcast", "remarks", "post", "message":
			for i := j - 1; i >= 0 && i >= j-4; i-- {
				if toks[i].lower == "in" {
					return true
				}
				if toks[i].isPunct() || isVerbish(toks[i].tag) {
					break
				}
			}
		}
		if toks[j].isPunct() {
			return false
		}
	}
	return false
}

// joinedDays returns a day's value, or the range it closes with the day
// joined to it by "and" ("spent Friday and Saturday in Pyongyang").
func (d *docText) joinedDays(dm news.DateMention) string {
	if dm.Precision != news.PrecisionDay {
		return dm.Value
	}
	for _, o := range d.doc.Dates {
		if o.Precision == news.PrecisionDay && o.End < dm.Start && o.Value < dm.Value && d.usable(o) &&
			strings.TrimSpace(d.text[o.End:dm.Start]) == "and" {
			return o.Value + "/" + dm.Value
		}
	}
	return dm.Value
}

// whileDate dates a clause of simultaneity ("were released on Wednesday
// while Pompeo was in Pyongyang") by the clause it depends on: the date
// nearest before the subordinator that opens it at byte from.
func (d *docText) whileDate(toks []token, from int) string {
	sub := -1
	for k := range toks {
		if toks[k].end == from {
			sub = k
			break
		}
	}
	if sub < 1 || toks[sub].lower != "while" && toks[sub].lower != "when" {
		return ""
	}
	start := clauseStart(toks, sub)
	best, bestAt := "", -1
	for _, dm := range d.doc.Dates {
		if d.usable(dm) && dm.Start >= start && dm.End <= toks[sub].start && dm.Start > bestAt {
			best, bestAt = dm.Value, dm.Start
		}
	}
	return best
}

// usable reports whether a date mention can date an event: it is
// resolved, and not after the publication day (an act reported as done or
// said cannot be later than its report).
func (d *docText) usable(dm news.DateMention) bool {
	if dm.Value == "" || dm.Precision == news.PrecisionUnresolved {
		return false
	}
	if d.pubDate != "" {
		first, _, _ := strings.Cut(dm.Value, "/")
		if first > d.pubDate {
			return false
		}
	}
	return true
}

// leadsInto reports whether a date mention ends with the subordinator
// that opens the clause at byte from: "a day after North Korea fired" is
// the firing's date.
func leadsInto(dm news.DateMention, toks []token, from int) bool {
	for k := range toks {
		if toks[k].end == from && dm.End == from && (toks[k].lower == "after" || toks[k].lower == "before") {
			return true
		}
	}
	return false
}

// reportDate returns the date given to the verb that reports the act
// ("officials said on Friday that ...", "In June, an outlet reported
// that ...", "..., the White House said on Friday"), if any: the act was
// said, or done, by then. Only the verb that governs the act counts, not
// another report in the same sentence.
func (d *docText) reportDate(s *sentence, m *match, cl clause) string {
	toks := s.toks
	k, from := cl.reported, -1
	switch {
	case k >= 0 && toks[k].start < clauseStart(toks, m.anchor()):
		// "the White House said on Friday, after Trump met": the act
		// of a clause a subordinator opens was done by the time of the
		// report, but the report's own clause ("In February, officials
		// said") dates only the report.
		from = toks[k].end + 1
	case k >= 0:
		from = clauseStart(toks, k)
	default:
		// A trailing attribution: ", the White House said on Friday".
		end := clauseEnd(toks, m.to)
		for j := m.to; j < len(toks); j++ {
			if toks[j].start >= end && reportVerbs[toks[j].lower] && isVerbTag(toks[j].tag) {
				k, from = j, end
				break
			}
		}
	}
	if k < 0 {
		return ""
	}
	for _, dm := range d.doc.Dates {
		if !d.usable(dm) {
			continue
		}
		// Right after the verb ("said on Friday"), or in its clause
		// before it ("In June, an outlet reported").
		if k+1 < len(toks) && dm.Start == toks[k+1].start || dm.Start >= from && dm.End <= toks[k].start && !sinceIntro(toks, dm) {
			return dm.Value
		}
	}
	return ""
}

// sinceDate reports whether a date mention opens with "since" after an
// ordinal that counts the act ("the third visit since January", "the
// first president to set foot there since 2010"). A durative act keeps
// it: "has tried to reach them since mid-February".
func sinceDate(toks []token, dm news.DateMention) bool {
	k := tokenAt(toks, dm.Start)
	if !strings.HasPrefix(strings.ToLower(dm.Text), "since") && (k == 0 || toks[k-1].lower != "since") {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-12; j-- {
		if ordinals[toks[j].lower] || toks[j].lower == "only" || toks[j].lower == "most" || toks[j].tag == "JJS" {
			// "the first president to visit since 2010", "the most
			// senior official to visit the building since 2000".
			return true
		}
		if toks[j].isPunct() {
			return false
		}
	}
	return false
}

// countingYear reports whether a year follows an ordinal's noun phrase
// ("his third trip there this year", "the fifth launch this year"): it
// counts the acts rather than dates one.
func countingYear(toks []token, dm news.DateMention) bool {
	if dm.Precision != news.PrecisionYear {
		return false
	}
	k := tokenAt(toks, dm.Start)
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if ordinals[toks[j].lower] && !(j+1 < len(toks) && isVerbish(toks[j+1].tag)) {
			// "his third visit this year" counts; "last met in
			// 2019" dates.
			return true
		}
		if clauseBreak(toks, j) {
			return false
		}
	}
	return false
}

// ordinalBefore reports whether an ordinal modifies the noun at token a.
func ordinalBefore(toks []token, a int) bool {
	if isVerbish(toks[a].tag) {
		// "last met in 2019": an adverb before a verb, not a count.
		return false
	}
	for k := a - 1; k >= 0 && k >= a-3; k-- {
		if ordinals[toks[k].lower] {
			return true
		}
		if !(strings.HasPrefix(toks[k].tag, "JJ") || toks[k].tag == "CD" || toks[k].tag == "NN") {
			return false
		}
	}
	return false
}

// intervalDate dates an act told in a clause counted from another by a
// day or by hours ("The vote came a day after North Korea fired", "hours
// before the summit opened"): the other clause's date, a date of its own
// in the sentence before the interval or else the report's, moved by the
// interval. It returns "" for any other clause, or a vaguer interval
// ("days after"), whose act keeps the report's date.
func (d *docText) intervalDate(s *sentence, a int) string {
	toks := s.toks
	for k := a - 1; k >= 1; k-- {
		w := toks[k].lower
		if w == "," || w == ";" || subordinators[w] && w != "to" && w != "that" && w != "after" && w != "before" {
			return ""
		}
		if w != "after" && w != "before" {
			continue
		}
		shift := 0
		switch p := toks[k-1].lower; {
		case p == "hours" || p == "minutes":
		case p == "day" && k > 1 && (toks[k-2].lower == "a" || toks[k-2].lower == "the" || toks[k-2].lower == "one"):
			shift = -1
			if w == "before" {
				shift = 1
			}
		default:
			return ""
		}
		base := d.pubDate
		for _, dm := range d.doc.Dates {
			if d.usable(dm) && dm.Start >= s.start && dm.End <= toks[k-1].start && len(dm.Value) == 10 {
				base = dm.Value
			}
		}
		t, err := time.Parse("2006-01-02", base)
		if err != nil {
			return ""
		}
		return t.AddDate(0, 0, shift).Format("2006-01-02")
	}
	return ""
}
