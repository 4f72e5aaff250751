package timex

import (
	"strings"
	"time"
)

// grace is how many days after publication a year-less past-tense date may
// fall and still belong to the publication year: reports are written before
// they are published, and time zones shift the day.
const grace = 7

// parser holds one body's tokens and the publication day they resolve against.
type parser struct {
	body   string
	toks   []token
	pub    time.Time // publication day at UTC midnight
	hasPub bool

	// The last single day the text named, for "the previous day" and "two
	// days later", which count from the story's own time, not publication.
	anchor    time.Time
	anchorEnd int // token index after the anchor's mention
	hasAnchor bool
}

// anchored returns the day that a narrative-relative expression at token i
// counts from: the last single day named before it in the same sentence.
// A sentence or line break in between cuts the link, since the previous
// sentence may be about another time.
func (p *parser) anchored(i int) (time.Time, bool) {
	if !p.hasAnchor || p.anchorEnd > i {
		return time.Time{}, false
	}
	for k := p.anchorEnd; k < i; k++ {
		if p.toks[k].nl || p.boundary(k) {
			return time.Time{}, false
		}
	}
	return p.anchor, true
}

// fromAnchor builds the value of a narrative-relative expression ending
// before token end: off days from the anchor of token i.
func (p *parser) fromAnchor(i, end, off int) (expr, bool) {
	a, ok := p.anchored(i)
	if !ok {
		return expr{}, false
	}
	return expr{end: end, kind: eValue, v: dayValue(a.AddDate(0, 0, off))}, true
}

// narrativeStep reads "previous", "prior", "following", "next" and "same"
// before "day": the offset in days from the anchor.
func (p *parser) narrativeStep(k int) (int, bool) {
	if k >= len(p.toks) || p.toks[k].kind != tWord {
		return 0, false
	}
	switch strings.ToLower(p.text(k)) {
	case "previous", "prior":
		return -1, true
	case "following", "next":
		return 1, true
	case "same":
		return 0, true
	}
	return 0, false
}

// singularDay reports whether token k is the word "day".
func (p *parser) singularDay(k int) bool {
	return p.cls(k, cUnit) && strings.EqualFold(p.text(k), "day")
}

// Expression kinds.
const (
	eValue   = 1 + iota // resolved when parsed (relative and numeric forms)
	eCal                // a calendar date as written, maybe without a year
	eWeekday            // a weekday, resolved with the sentence's tense
	eWeekend            // a weekend, resolved with the sentence's tense
)

// cal is a calendar expression as written; zero fields are absent.
type cal struct {
	y, m, d int
	d2      int // last day of "June 12-14"
	wd      int // weekday+1 when the text also names the weekday
	part    int // fEarly, fMid or fLate part of the month
}

// expr is one parsed time expression that has not yet been resolved.
type expr struct {
	end  int // index of the token after the expression
	kind uint8
	c    cal
	mod  int8 // fLast, fThis, fNext or 0 for weekdays and weekends
	wd   int  // time.Weekday for eWeekday
	v    value
	on   bool // may follow "on" as part of the mention
	in   bool // may follow "in" as part of the mention
	dec  bool // a decade: "1990s"
}

func (p *parser) word(i int, f int8) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tWord && p.toks[i].lex.cls == cFunc && p.toks[i].lex.val == f
}

func (p *parser) cls(i int, c uint8) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tWord && p.toks[i].lex.cls == c
}

func (p *parser) punct(i int, r rune) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tPunct && p.toks[i].r == r
}

func (p *parser) num(i int) bool { return i >= 0 && i < len(p.toks) && p.toks[i].kind == tNum }

// adj reports whether token i directly follows token i-1 with no space.
func (p *parser) adj(i int) bool { return i > 0 && i < len(p.toks) && !p.toks[i].gap }

func (p *parser) text(i int) string { return p.body[p.toks[i].start:p.toks[i].end] }

// dash reports whether token i is a hyphen or en dash joining two parts of a
// range; the em dash is left out because news prose uses it for asides.
func (p *parser) dash(i int) bool { return p.punct(i, '-') || p.punct(i, '–') }

var abbrevs = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
	"gen": true, "sen": true, "rep": true, "gov": true, "lt": true, "col": true, "jr": true,
	"sr": true, "no": true, "vs": true, "prof": true, "maj": true, "capt": true, "sgt": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "rev": true, "adm": true}

// boundary reports whether token k ends a sentence. A period after an
// abbreviation ("Dec.", "U.S.", "Mr.") does not.
func (p *parser) boundary(k int) bool {
	t := p.toks[k]
	if t.kind != tPunct {
		return false
	}
	switch t.r {
	case '!', '?', ';':
		return true
	case '.':
		if k == 0 || p.toks[k-1].kind != tWord || !p.adj(k) {
			return true
		}
		w := p.toks[k-1]
		if w.lex.abbr || w.end-w.start == 1 && !p.adj(k-1) { // "U.S.", "p.m." but not "1990s."
			return false
		}
		return !abbrevs[strings.ToLower(p.text(k-1))]
	}
	return false
}

// initial reports whether token i opens a sentence, a line or a quotation,
// where a capital letter says nothing about a name.
func (p *parser) initial(i int) bool {
	if i == 0 || p.toks[i].nl || p.boundary(i-1) {
		return true
	}
	if t := p.toks[i-1]; t.kind == tPunct {
		switch t.r {
		case '"', '“', '‘', '\'', '(', '[', '—', ':':
			return true
		}
	}
	return false
}

// future reports whether the clause around tokens [i, j) speaks of the
// future. News is mostly past tense, so that is the default; the nearest
// tense cue among the twelve words before the expression in its clause
// decides (an auxiliary can stand that far back: "will hold a second summit
// with Kim near the end of February"), else the nearest among the words
// after it up to a comma or a "that" (which opens a reported clause with a
// tense of its own). Capitalised words are
// names more often than not ("is to hold a National Security Council
// meeting on Friday"), so they do not count towards the eight. The
// backward look stops at a comma, since "..., after a test on Jan. 14" has
// no verb of its own and must not borrow one from the clause before.
func (p *parser) future(i, j int) bool {
	// window bounds the words read, maxToks the tokens, so that text
	// without lower-case words (tables, headlines in capitals) stays linear.
	const window, maxToks = 12, 40
	fronted := true // no word before the expression in its sentence
	for k, words := i-1, 0; k >= 0 && k >= i-maxToks && words < window; k-- {
		if p.toks[k+1].nl || p.boundary(k) || p.punct(k, ',') {
			break
		}
		if p.toks[k].kind != tWord {
			continue
		}
		fronted = false
		if !p.toks[k].upper {
			words++
		}
		if f, ok := p.tense(k); ok {
			return f
		}
	}
	for k, words := j, 0; k < len(p.toks) && k < j+maxToks && words < window; k++ {
		// A comma ends the look too, unless the expression opens the
		// sentence ("On Monday, the president will ..."): what follows it
		// is another clause or the attribution (", the White House
		// said"), whose tense is the time of saying, not of the act.
		if p.toks[k].nl || p.boundary(k) || p.word(k, fThat) || !fronted && p.punct(k, ',') {
			break
		}
		if p.toks[k].kind != tWord {
			continue
		}
		if !p.toks[k].upper {
			words++
		}
		if f, ok := p.tense(k); ok {
			return f
		}
	}
	return false
}

// tense classifies word k as a future cue (true, true), a past cue
// (false, true) or neither.
func (p *parser) tense(k int) (future, ok bool) {
	t := p.toks[k]
	switch t.lex.cls {
	case cFuture:
		if t.lex.val == 1 && !p.word(k+1, fTo) && !(k+1 < len(p.toks) && strings.EqualFold(p.text(k+1), "for") && strings.EqualFold(p.text(k), "set")) {
			return false, false // "set up", "going ahead"; but "set to", "set for", "going to"
		}
		return true, true
	case cPast:
		return false, true
	case cRelDay:
		return t.lex.val > 0, t.lex.val != 0
	case cFunc:
		switch t.lex.val {
		case fIs:
			if p.word(k+1, fTo) { // "is to meet", "was to meet"
				return true, true
			}
			if strings.EqualFold(p.text(k), "was") {
				return false, true
			}
		case fNext:
			// "the next round" looks ahead; "next week" is a time
			// expression of its own and says nothing of its neighbours.
			if n := k + 1; n < len(p.toks) && p.toks[n].kind == tWord {
				switch p.toks[n].lex.cls {
				case cUnit, cWeekday, cMonth, cSeason:
					return false, false
				}
			}
			return true, true
		case fLast, fAgo:
			return false, true
		}
	case cNone:
		if t.ed {
			return false, true
		}
	}
	return false, false
}

// day reads a day of the month at token i, with an optional ordinal suffix,
// and returns it with the index after it. It refuses numbers that are part
// of something else: "12:30", "12.5", "12,000", "12%", "12km".
func (p *parser) day(i int) (d, end int, ok bool) {
	if !p.num(i) || p.toks[i].ndig > 2 || p.toks[i].n < 1 || p.toks[i].n > 31 {
		return 0, 0, false
	}
	end = i + 1
	if end < len(p.toks) && p.adj(end) {
		switch t := p.toks[end]; {
		case t.kind == tWord:
			if t.lex.cls != cFunc || t.lex.val != fOrdinal {
				return 0, 0, false
			}
			end++
		case t.r == ':' || t.r == '%' || t.r == '/':
			return 0, 0, false
		case (t.r == ',' || t.r == '.') && p.num(end+1) && p.adj(end+1):
			return 0, 0, false
		}
	}
	return p.toks[i].n, end, true
}

// year reads a four-digit year attached to a month or day at token i.
func (p *parser) year(i int) (int, bool) {
	if !p.num(i) || p.toks[i].ndig != 4 || p.toks[i].n < 1000 || p.toks[i].n > 2199 {
		return 0, false
	}
	if k := i + 1; k < len(p.toks) && p.adj(k) {
		switch t := p.toks[k]; {
		case t.kind == tWord || t.r == '%':
			return 0, false
		case (t.r == ',' || t.r == '.' || t.r == ':') && p.num(k+1) && p.adj(k+1):
			return 0, false
		}
	}
	return p.toks[i].n, true
}

// quantityWords follow a four-digit number that counts or measures
// something, so it is not a year: "2000 troops", "1500 GMT".
var quantityWords = map[string]bool{"percent": true, "per": true, "people": true, "persons": true,
	"troops": true, "soldiers": true, "workers": true, "residents": true, "civilians": true,
	"refugees": true, "migrants": true, "km": true, "kilometers": true, "kilometres": true,
	"miles": true, "meters": true, "metres": true, "feet": true, "ft": true, "tons": true,
	"tonnes": true, "gmt": true, "utc": true, "hours": true, "hrs": true, "local": true,
	"times": true, "yen": true, "won": true, "yuan": true, "dollars": true, "euros": true,
	"pounds": true, "rupees": true, "units": true, "cases": true, "deaths": true, "votes": true,
	"seats": true, "members": true, "homes": true, "households": true, "jobs": true,
	"students": true, "children": true, "kg": true, "mw": true, "barrels": true, "cars": true,
	"vehicles": true, "rockets": true, "missiles": true, "points": true, "employees": true}

// quantityBefore are words before a number that make it a quantity.
var quantityBefore = map[string]bool{"about": true, "some": true, "nearly": true, "almost": true,
	"approximately": true, "roughly": true, "around": true, "least": true, "than": true,
	"over": true, "under": true, "total": true, "number": true, "no": true}

// bareYear reports whether the four-digit number at token i, standing alone,
// is a year. It never is before a unit or count noun ("2000 troops", "1500
// GMT"). After a cue word ("in", "since", "by"...) any year from 1000 is;
// otherwise only 1900–2099 in a context that is not a name ("Resolution
// 2397", "Vision 2030"), an amount ("$2018") or a quantity ("about 2000").
func (p *parser) bareYear(i int, cue bool) bool {
	y, ok := p.year(i)
	if !ok {
		return false
	}
	if p.adj(i) && i > 0 && p.toks[i-1].kind != tPunct {
		return false
	}
	if k := i + 1; k < len(p.toks) {
		t := p.toks[k]
		if t.kind == tWord && quantityWords[strings.ToLower(p.text(k))] {
			return false
		}
		// "a crowd of 2000 protesters": after "of", a plain plural noun
		// makes the number a count; "the end of 2018" has none.
		if p.word(i-1, fOf) && t.kind == tWord && !t.upper && t.lex.cls == cNone && strings.HasSuffix(p.text(k), "s") {
			return false
		}
	}
	if cue {
		return true
	}
	if y < 1900 || y > 2099 {
		return false
	}
	if i > 0 {
		switch pt := p.toks[i-1]; pt.kind {
		case tNum:
			return false
		case tPunct:
			switch pt.r {
			case '$', '€', '£', '¥', '#', '-', '/', '+':
				return false
			}
		case tWord:
			// A capitalised word that is no cue names the number, even at
			// the start of a sentence: "Resolution 2397", "Vision 2030".
			if pt.upper && pt.lex.cls == cNone {
				return false
			}
			if pt.lex.cls == cFunc && pt.lex.val == fAt || quantityBefore[strings.ToLower(p.text(i-1))] {
				return false
			}
		}
	}
	return true
}

// cueBefore reports whether the word before token i licenses a bare month
// or year after it: "in June", "since 2018", "by March", "the end of May".
func (p *parser) cueBefore(i int) bool {
	if i == 0 || p.toks[i-1].kind != tWord {
		return false
	}
	switch t := p.toks[i-1]; t.lex.cls {
	case cFunc:
		switch t.lex.val {
		case fIn, fSince, fUntil, fBy, fBefore, fAfter, fDuring, fFrom, fOf, fBetween, fCue:
			return true
		}
	case cUnit:
		return t.lex.val == uYear // "the year 2018", "fiscal year 2019"
	}
	return false
}

// bareMonthFollow reports whether the token after a bare "May" or "March"
// lets it be a month: a following verb or name ("since May took office",
// "Theresa May Brexit deal") means the word is something else.
func (p *parser) bareMonthFollow(k int) bool {
	if k >= len(p.toks) || p.toks[k].kind != tWord {
		return true
	}
	switch t := p.toks[k]; t.lex.cls {
	case cFunc:
		switch t.lex.val {
		case fAnd, fTo, fUntil, fOf, fIn, fOn, fAt, fThe, fLast, fThis, fNext, fBefore, fAfter, fSince, fBy, fDuring:
			return true
		}
	case cPast, cFuture, cUnit:
		return false
	}
	switch strings.ToLower(p.text(k)) {
	case "or", "when", "while", "but", "as", "for", "with", "amid", "despite", "alone", "whether":
		return true
	}
	return false
}

// monthAt reads a capitalised month name at i, with the period of an
// abbreviation, and returns its number and the index after it.
func (p *parser) monthAt(i int) (m, end int, ok bool) {
	if !p.cls(i, cMonth) || !p.toks[i].upper {
		return 0, 0, false
	}
	end = i + 1
	if p.toks[i].lex.abbr && p.punct(end, '.') && p.adj(end) {
		end++
	}
	return int(p.toks[i].lex.val), end, true
}

// monthForm parses the expressions that open with a month name: "June 12,
// 2018", "June 12-14, 2018", "Dec. 22", "June 2018", "June of 2018" and,
// after a cue word, a bare "June".
func (p *parser) monthForm(i int, cue bool) (expr, bool) {
	m, j, ok := p.monthAt(i)
	if !ok {
		return expr{}, false
	}
	if i > 0 && p.toks[i-1].kind == tWord && p.toks[i-1].upper && p.toks[i-1].lex.cls == cNone && !p.initial(i-1) {
		return expr{}, false // "Theresa May", "Prime Minister May 12 times"
	}
	if d, k, ok := p.day(j); ok && p.toks[j].gap && !p.countNotDay(i, k) {
		c := cal{m: m, d: d}
		j = k
		if p.dash(j) {
			if d2, k2, ok := p.day(j + 1); ok && d2 > d {
				c.d2, j = d2, k2
			}
		}
		k = j
		if p.punct(k, ',') {
			k++
		}
		if y, ok := p.year(k); ok {
			c.y, j = y, k+1
		}
		if !p.calOK(c) {
			return expr{}, false
		}
		return expr{end: j, kind: eCal, c: c, on: true}, true
	}
	k := j
	if p.punct(k, ',') || p.word(k, fOf) {
		k++
	}
	if y, ok := p.year(k); ok {
		return expr{end: k + 1, kind: eCal, c: cal{y: y, m: m}, in: true}, true
	}
	abbr := p.toks[i].lex.abbr
	if abbr || !cue || (m == 3 || m == 5) && !p.bareMonthFollow(i+1) {
		return expr{}, false
	}
	return expr{end: i + 1, kind: eCal, c: cal{m: m}, in: true}, true
}

// countNotDay catches "In June 12 people died": after "in", a month and a
// number followed by a plain word is a month and a count, not a date.
func (p *parser) countNotDay(month, after int) bool {
	if !p.word(month-1, fIn) || after >= len(p.toks) {
		return false
	}
	t := p.toks[after]
	return t.kind == tWord && !t.upper && t.lex.cls != cFunc && t.lex.cls != cDaypart
}

// calOK checks that the days written exist in some year that fits.
func (p *parser) calOK(c cal) bool {
	y := c.y
	if y == 0 {
		y = 2000 // a leap year, so "Feb. 29" is let through
	}
	if c.d != 0 && !validDay(y, c.m, c.d) {
		return false
	}
	return c.d2 == 0 || validDay(y, c.m, c.d2)
}

// dayFirst parses "12 June 2018", "12-14 June 2018", "12th of June" and
// "12 June".
func (p *parser) dayFirst(i int) (expr, bool) {
	if i > 0 && p.adj(i) && p.toks[i-1].kind != tWord {
		return expr{}, false // "2,12 June", "No.12"
	}
	d, j, ok := p.day(i)
	if !ok {
		return expr{}, false
	}
	c := cal{d: d}
	if p.dash(j) {
		if d2, k, ok := p.day(j + 1); ok && d2 > d {
			c.d2, j = d2, k
		}
	}
	if p.word(j, fOf) {
		j++
	}
	m, k, ok := p.monthAt(j)
	if !ok {
		return expr{}, false
	}
	c.m, j = m, k
	k = j
	if p.punct(k, ',') {
		k++
	}
	if y, ok := p.year(k); ok {
		c.y, j = y, k+1
	}
	if !p.calOK(c) {
		return expr{}, false
	}
	return expr{end: j, kind: eCal, c: c, on: true}, true
}

// weekdayNames are capitalised words that turn a weekday into a name:
// "Sunday Times", "Monday Night Football", "Good Friday Agreement".
var weekdayNames = map[string]bool{"times": true, "telegraph": true, "express": true,
	"mirror": true, "post": true, "herald": true, "star": true, "independent": true,
	"tribune": true, "mail": true, "observer": true, "sport": true, "night": true,
	"morning": true, "agreement": true, "service": true, "edition": true, "magazine": true,
	"review": true, "journal": true, "show": true, "football": true, "people": true,
	"business": true, "world": true, "sun": true}

var holidayWeekdays = map[string]bool{"good": true, "black": true, "super": true,
	"bloody": true, "easter": true, "ash": true, "cyber": true, "palm": true, "holy": true,
	"maundy": true, "shrove": true, "giving": true, "small": true, "manic": true}

// weekdayForm parses a weekday, alone ("Friday", "Friday night") or naming
// a date ("Friday, June 14, 2019", "Friday 14 June").
func (p *parser) weekdayForm(i int) (expr, bool) {
	t := p.toks[i]
	if !t.upper {
		return expr{}, false
	}
	k := i + 1
	if p.punct(k, ',') {
		k++
	}
	e, ok := p.monthForm(k, false)
	if !ok || e.c.d == 0 {
		e, ok = p.dayFirst(k)
	}
	if ok && e.c.d != 0 && e.c.d2 == 0 {
		e.c.wd = int(t.lex.val) + 1
		return e, true
	}
	if !p.weekdayAlone(i) {
		return expr{}, false
	}
	return expr{end: p.daypart(i + 1), kind: eWeekday, wd: int(t.lex.val), on: true}, true
}

// weekdayAlone reports whether a weekday without a date is a day and not
// part of a name or a holiday.
func (p *parser) weekdayAlone(i int) bool {
	if k := i + 1; k < len(p.toks) {
		if t := p.toks[k]; t.kind == tWord && t.upper && weekdayNames[strings.ToLower(p.text(k))] {
			return false
		}
	}
	if i > 0 && p.toks[i-1].kind == tWord && p.toks[i-1].upper && p.toks[i-1].lex.cls == cNone {
		if !p.initial(i-1) || holidayWeekdays[strings.ToLower(p.text(i-1))] {
			return false
		}
	}
	return true
}

// daypart skips a "morning", "afternoon", "evening" or "night" at k.
func (p *parser) daypart(k int) int {
	if p.cls(k, cDaypart) && !p.toks[k].upper {
		return k + 1
	}
	return k
}

// numForm parses the expressions that open with a number.
func (p *parser) numForm(i int, cue bool) (expr, bool) {
	t := p.toks[i]
	if t.ndig == 4 {
		return p.yearForm(i, cue)
	}
	if e, ok := p.dayFirst(i); ok {
		return e, true
	}
	if e, ok := p.ago(i); ok {
		return e, true
	}
	return p.slashDate(i)
}

// yearForm parses "2018-06-12", "2018-06", "2018-19", "2018–2019", the
// decade "1990s" and a bare year.
func (p *parser) yearForm(i int, cue bool) (expr, bool) {
	y := p.toks[i].n
	if y < 1000 || y > 2199 || p.adj(i) && i > 0 && p.toks[i-1].kind != tPunct {
		return expr{}, false
	}
	if p.punct(i+1, '-') && p.adj(i+1) && p.num(i+2) && p.adj(i+2) {
		n2 := p.toks[i+2]
		if n2.ndig == 2 && p.punct(i+3, '-') && p.adj(i+3) && p.num(i+4) && p.adj(i+4) && p.toks[i+4].ndig == 2 {
			m, d := n2.n, p.toks[i+4].n
			if validDay(y, m, d) && !(p.punct(i+5, '-') && p.adj(i+5)) && !(p.num(i+5) && p.adj(i+5)) {
				return expr{end: i + 5, kind: eCal, c: cal{y: y, m: m, d: d}, on: true}, true
			}
			return expr{}, false
		}
		if n2.ndig == 2 && !(p.punct(i+3, '-') && p.adj(i+3)) {
			switch {
			case n2.n == (y+1)%100: // "2018-19": a season or fiscal year
				return p.years(i+3, y, y+1)
			case n2.n >= 1 && n2.n <= 12:
				return expr{end: i + 3, kind: eCal, c: cal{y: y, m: n2.n}, in: true}, true
			case n2.n > y%100:
				return p.years(i+3, y, y-y%100+n2.n)
			}
			return expr{}, false
		}
	}
	if k := i + 1; p.dash(k) {
		if y2, ok := p.year(k + 1); ok && y2 > y && y2-y <= 100 {
			return p.years(k+2, y, y2)
		}
	}
	if y%10 == 0 && y%100 != 0 && p.adj(i+1) {
		k := i + 1
		if p.punct(k, '\'') || p.punct(k, '’') {
			k++
		}
		if p.cls(k, cNone) && p.text(k) == "s" && p.adj(k) {
			return expr{end: k + 1, kind: eValue, v: span(yearValue(y), yearValue(y+9)), in: true, dec: true}, true
		}
	}
	if !p.bareYear(i, cue) {
		return expr{}, false
	}
	return expr{end: i + 1, kind: eCal, c: cal{y: y}, in: true}, true
}

func (p *parser) years(end, y1, y2 int) (expr, bool) {
	return expr{end: end, kind: eValue, v: span(yearValue(y1), yearValue(y2)), in: true}, true
}

// slashDate parses an all-numeric "12/06/2018" only when the order of day
// and month is not in doubt: one of them is above 12, or both are equal.
func (p *parser) slashDate(i int) (expr, bool) {
	if !(p.punct(i+1, '/') && p.adj(i+1) && p.num(i+2) && p.adj(i+2) && p.punct(i+3, '/') && p.adj(i+3) && p.adj(i+4)) {
		return expr{}, false
	}
	y, ok := p.year(i + 4)
	if !ok || p.toks[i+2].ndig > 2 || p.adj(i) && i > 0 {
		return expr{}, false
	}
	a, b := p.toks[i].n, p.toks[i+2].n
	var m, d int
	switch {
	case a == b || a <= 12 && b > 12:
		m, d = a, b
	case a > 12 && b <= 12:
		m, d = b, a
	default:
		return expr{}, false
	}
	if !validDay(y, m, d) {
		return expr{}, false
	}
	return expr{end: i + 5, kind: eCal, c: cal{y: y, m: m, d: d}, on: true}, true
}

// count reads the N of "N days ago": a digit string up to 99 or a count
// word ("a", "two").
func (p *parser) count(i int) (int, bool) {
	if p.num(i) && p.toks[i].ndig <= 2 && p.toks[i].n > 0 {
		return p.toks[i].n, true
	}
	if p.cls(i, cCount) {
		return int(p.toks[i].lex.val), true
	}
	return 0, false
}

// ago parses "two days ago", "three weeks ago", "a month ago", "a year ago".
// The value has the unit's precision: a day, the Monday–Sunday week, the
// month or the year that many units before publication. "More than a year
// ago" and "over two weeks ago" give only a bound, so they are not taken.
func (p *parser) ago(i int) (expr, bool) {
	n, ok := p.count(i)
	if ok && p.cls(i+1, cUnit) && p.toks[i+1].lex.val == uDay && (p.word(i+2, fEarlier) || p.word(i+2, fLater)) {
		// "a day earlier", "two days later": from the sentence's own day;
		// "a day earlier than planned" compares with a plan, not a date.
		if p.word(i+3, fBound) && strings.EqualFold(p.text(i+3), "than") {
			return expr{}, false
		}
		if p.word(i+2, fEarlier) {
			n = -n
		}
		return p.fromAnchor(i, i+3, n)
	}
	if !ok || !p.cls(i+1, cUnit) || !p.word(i+2, fAgo) {
		return expr{}, false
	}
	if p.word(i-1, fBound) {
		return expr{}, false
	}
	e := expr{end: i + 3, kind: eValue, v: unresolved}
	if !p.hasPub {
		return e, true
	}
	switch p.toks[i+1].lex.val {
	case uDay:
		e.v = dayValue(p.pub.AddDate(0, 0, -n))
	case uWeek:
		e.v = weekValue(weekOf(p.pub.AddDate(0, 0, -7*n)))
	case uMonth:
		e.v = monthValue(p.pub.Year(), p.pub.Month()-time.Month(n))
		e.v = monthValue(e.v.lo.Year(), e.v.lo.Month())
	case uYear:
		e.v = yearValue(p.pub.Year() - n)
	}
	return e, true
}

// rel builds a value that needs the publication date.
func (p *parser) rel(end int, f func() value) (expr, bool) {
	if !p.hasPub {
		return expr{end: end, kind: eValue, v: unresolved}, true
	}
	return expr{end: end, kind: eValue, v: f()}, true
}

// relDay parses "today", "tonight", "yesterday", "tomorrow", with an
// optional part of the day ("yesterday morning").
func (p *parser) relDay(i int) (expr, bool) {
	t := p.toks[i]
	if t.upper && !p.initial(i) { // "USA Today", the "Today" show
		return expr{}, false
	}
	off := int(t.lex.val)
	end := i + 1
	if !strings.EqualFold(p.text(i), "tonight") {
		end = p.daypart(end)
	}
	return p.rel(end, func() value { return dayValue(p.pub.AddDate(0, 0, off)) })
}

// theForm parses the expressions that open with "the": "the 1990s", "the
// early 2000s", "the day before yesterday", "the past week", "the past
// three years", "the last two months", "the weekend", "the 12th of June",
// "the summer of 2018".
func (p *parser) theForm(i int) (expr, bool) {
	k := i + 1
	if k >= len(p.toks) {
		return expr{}, false
	}
	if off, ok := p.narrativeStep(k); ok && p.singularDay(k+1) {
		// "the previous day", "the following day", "the same day".
		return p.fromAnchor(i, k+2, off)
	}
	switch t := p.toks[k]; {
	case t.kind == tNum && t.ndig == 4:
		if e, ok := p.yearForm(k, false); ok && e.dec {
			return e, true
		}
	case t.kind == tNum:
		if e, ok := p.dayFirst(k); ok {
			return e, true
		}
	case t.lex.cls == cUnit && t.lex.val == uDay:
		if (p.word(k+1, fBefore) || p.word(k+1, fAfter)) && p.cls(k+2, cRelDay) {
			off := int(p.toks[k+2].lex.val)
			if p.word(k+1, fBefore) && off == -1 {
				return p.rel(k+3, func() value { return dayValue(p.pub.AddDate(0, 0, -2)) })
			}
			if p.word(k+1, fAfter) && off == 1 {
				return p.rel(k+3, func() value { return dayValue(p.pub.AddDate(0, 0, 2)) })
			}
		}
		// "the day before" or "the day after" ending its clause; followed
		// by a noun ("the day after the summit") it counts from an event.
		if p.singularDay(k) && (p.word(k+1, fBefore) || p.word(k+1, fAfter)) && (k+2 >= len(p.toks) || p.toks[k+2].kind == tPunct) {
			off := -1
			if p.word(k+1, fAfter) {
				off = 1
			}
			return p.fromAnchor(i, k+2, off)
		}
	case t.lex.cls == cFunc && (t.lex.val == fPast || t.lex.val == fLast):
		return p.pastUnits(k)
	case t.lex.cls == cFunc && (t.lex.val == fEarly || t.lex.val == fMid || t.lex.val == fLate):
		part := int(t.lex.val)
		j := k + 1
		if p.punct(j, '-') && p.adj(j) {
			j++
		}
		if p.num(j) && p.toks[j].ndig == 4 {
			if e, ok := p.yearForm(j, false); ok && e.dec {
				e.v = partOfDecade(e.v.lo.Year(), part)
				return e, true
			}
		}
	case t.lex.cls == cFunc && t.lex.val == fWeekend:
		// "over the weekend", "at the weekend", "on the weekend".
		if p.word(i-1, fOn) || p.word(i-1, fAt) || p.word(i-1, fDuring) || p.word(i-1, fBound) && strings.EqualFold(p.text(i-1), "over") {
			return expr{end: k + 1, kind: eWeekend, on: true}, true
		}
	case t.lex.cls == cSeason:
		return p.seasonYear(k, true)
	}
	return expr{}, false
}

// pastUnits parses "past week", "past three years", "last two months" after
// "the": the rolling span ending on the publication day. "The last" needs a
// count, since "the last week of June" is not a rolling span.
func (p *parser) pastUnits(k int) (expr, bool) {
	n, j := 1, k+1
	if c, ok := p.count(j); ok && !p.word(j, fAnd) {
		if p.toks[j].kind == tWord && p.toks[j].lex.val == 1 && strings.HasPrefix(strings.ToLower(p.text(j)), "a") {
			return expr{}, false // "the past a week"
		}
		n, j = c, j+1
	} else if p.word(k, fLast) {
		return expr{}, false
	}
	if !p.cls(j, cUnit) || p.word(j+1, fOf) {
		return expr{}, false
	}
	unit := p.toks[j].lex.val
	return p.rel(j+1, func() value {
		var lo time.Time
		switch unit {
		case uDay:
			lo = p.pub.AddDate(0, 0, -n)
		case uWeek:
			lo = p.pub.AddDate(0, 0, -7*n)
		case uMonth:
			lo = p.pub.AddDate(0, -n, 0)
		default:
			lo = p.pub.AddDate(-n, 0, 0)
		}
		return dayRange(lo, p.pub)
	})
}

// lastThisNext parses "last Friday", "next week", "this month", "last
// year", "last weekend", "last June", "last night", "this morning", "next
// summer". "The last week" and "the next month" are rolling spans, not
// calendar units, and are left alone.
func (p *parser) lastThisNext(i int) (expr, bool) {
	mod := p.toks[i].lex.val
	if mod != fThis && p.word(i-1, fThe) {
		return expr{}, false
	}
	k := i + 1
	if k >= len(p.toks) || p.toks[k].kind != tWord {
		return expr{}, false
	}
	t := p.toks[k]
	switch t.lex.cls {
	case cWeekday:
		if !t.upper {
			return expr{}, false
		}
		return expr{end: p.daypart(k + 1), kind: eWeekday, wd: int(t.lex.val), mod: mod}, true
	case cUnit:
		if strings.HasSuffix(p.text(k), "s") {
			return expr{}, false
		}
		unit := t.lex.val
		return p.rel(k+1, func() value { return relUnit(p.pub, unit, mod) })
	case cMonth:
		if !t.upper || t.lex.abbr {
			return expr{}, false
		}
		m := time.Month(t.lex.val)
		return p.rel(k+1, func() value {
			y := p.pub.Year()
			switch {
			case mod == fLast && m >= p.pub.Month():
				y--
			case mod == fNext && m <= p.pub.Month():
				y++
			}
			return monthValue(y, m)
		})
	case cDaypart:
		if mod == fNext || mod == fLast && !strings.EqualFold(p.text(k), "night") {
			return expr{}, false
		}
		off := 0
		if mod == fLast {
			off = -1
		}
		return p.rel(k+1, func() value { return dayValue(p.pub.AddDate(0, 0, off)) })
	case cSeason:
		first := time.Month(t.lex.val)
		return p.rel(k+1, func() value {
			y := p.pub.Year()
			switch {
			case mod == fLast && p.pub.Month() <= first+2:
				y--
			case mod == fNext && p.pub.Month() >= first:
				y++
			}
			return monthRange(y, first, y, first+2)
		})
	case cFunc:
		if t.lex.val == fWeekend {
			return expr{end: k + 1, kind: eWeekend, mod: mod}, true
		}
	}
	return expr{}, false
}

// relUnit is the calendar week (Monday–Sunday), month or year before, at or
// after the one holding pub.
func relUnit(pub time.Time, unit, mod int8) value {
	n := 0
	switch mod {
	case fLast:
		n = -1
	case fNext:
		n = 1
	}
	switch unit {
	case uDay:
		return dayValue(pub.AddDate(0, 0, n))
	case uWeek:
		return weekValue(weekOf(pub).AddDate(0, 0, 7*n))
	case uMonth:
		first := civil(pub.Year(), pub.Month()+time.Month(n), 1)
		return monthValue(first.Year(), first.Month())
	}
	return yearValue(pub.Year() + n)
}

// earlierLater parses "earlier this week/month/year", "later this
// week/month/year" (ranges from the unit's start to publication, or from
// publication to the unit's end) and "earlier today", "later today".
func (p *parser) earlierLater(i int) (expr, bool) {
	later := p.toks[i].lex.val == fLater
	if p.cls(i+1, cRelDay) && p.toks[i+1].lex.val == 0 && strings.EqualFold(p.text(i+1), "today") {
		return p.rel(i+2, func() value { return dayValue(p.pub) })
	}
	if !p.word(i+1, fThis) || !p.cls(i+2, cUnit) || p.toks[i+2].lex.val == uDay {
		return expr{}, false
	}
	unit := p.toks[i+2].lex.val
	return p.rel(i+3, func() value {
		u := relUnit(p.pub, unit, fThis)
		if later {
			return dayRange(p.pub, u.hi)
		}
		return dayRange(u.lo, p.pub)
	})
}

// partForm parses "early February", "mid-February", "late February 2018",
// "mid-2018", "late last year", "early next month" and "early 1990s".
func (p *parser) partForm(i int) (expr, bool) {
	part := int(p.toks[i].lex.val)
	k := i + 1
	if p.punct(k, '-') && p.adj(k) {
		k++
	}
	if m, j, ok := p.monthAt(k); ok {
		c := cal{m: m, part: part}
		y := j
		if p.punct(y, ',') {
			y++
		}
		if yr, ok := p.year(y); ok {
			c.y, j = yr, y+1
		}
		return expr{end: j, kind: eCal, c: c, in: true}, true
	}
	if p.num(k) && p.toks[k].ndig == 4 {
		e, ok := p.yearForm(k, true)
		if !ok {
			return expr{}, false
		}
		switch {
		case e.dec:
			return expr{end: e.end, kind: eValue, v: partOfDecade(e.v.lo.Year(), part), in: true, dec: true}, true
		case e.kind == eCal && e.c.m == 0:
			return expr{end: e.end, kind: eValue, v: partOfYear(e.c.y, part), in: true}, true
		}
		return expr{}, false
	}
	if (p.word(k, fLast) || p.word(k, fThis) || p.word(k, fNext)) && p.cls(k+1, cUnit) {
		mod, unit := p.toks[k].lex.val, p.toks[k+1].lex.val
		if unit != uMonth && unit != uYear {
			return expr{}, false
		}
		return p.rel(k+2, func() value {
			u := relUnit(p.pub, unit, mod)
			if unit == uMonth {
				return partOfMonth(u.lo.Year(), u.lo.Month(), part)
			}
			return partOfYear(u.lo.Year(), part)
		})
	}
	return expr{}, false
}

// seasonYear parses "summer 2018", "summer of 2018" and, after "the",
// "the fall of 2017". A bare "fall" is too often the verb to take without
// "the" or "in" before it. Seasons are those of the northern hemisphere by
// month (spring March–May, summer June–August, autumn September–November);
// winter straddles two years and is not resolved.
func (p *parser) seasonYear(k int, afterThe bool) (expr, bool) {
	t := p.toks[k]
	if strings.EqualFold(p.text(k), "fall") && !afterThe && !p.word(k-1, fIn) {
		return expr{}, false
	}
	j := k + 1
	if p.word(j, fOf) {
		j++
	}
	y, ok := p.year(j)
	if !ok {
		return expr{}, false
	}
	first := time.Month(t.lex.val)
	return expr{end: j + 1, kind: eValue, v: monthRange(y, first, y, first+2), in: true}, true
}

// core parses one time expression starting at token i, without a leading
// preposition or range. cue says whether the word before licenses a bare
// month or year.
func (p *parser) core(i int, cue bool) (expr, bool) {
	if i >= len(p.toks) {
		return expr{}, false
	}
	t := p.toks[i]
	if t.kind == tNum {
		return p.numForm(i, cue)
	}
	if t.kind != tWord {
		return expr{}, false
	}
	switch t.lex.cls {
	case cMonth:
		return p.monthForm(i, cue)
	case cWeekday:
		return p.weekdayForm(i)
	case cRelDay:
		return p.relDay(i)
	case cCount:
		return p.ago(i)
	case cSeason:
		return p.seasonYear(i, false)
	case cFunc:
		switch t.lex.val {
		case fThe:
			return p.theForm(i)
		case fLast, fThis, fNext:
			return p.lastThisNext(i)
		case fEarlier, fLater:
			return p.earlierLater(i)
		case fEarly, fMid, fLate:
			return p.partForm(i)
		}
	}
	return expr{}, false
}

// timeTail skips a clock time after a day ("on Tuesday at 3 p.m.", "at
// 15:30 local time", "at noon GMT"): it is part of the mention but does not
// change the day.
func (p *parser) timeTail(j int) int {
	k := j
	if p.punct(k, ',') {
		k++
	}
	if !p.word(k, fAt) {
		return j
	}
	k++
	switch {
	case p.word(k, fNoon):
		k++
	case p.num(k) && p.toks[k].ndig <= 2 && p.toks[k].n <= 23:
		k++
		clock := false
		if p.punct(k, ':') && p.adj(k) && p.num(k+1) && p.adj(k+1) && p.toks[k+1].ndig == 2 && p.toks[k+1].n < 60 {
			k, clock = k+2, true
		}
		if p.word(k, fAM) || p.word(k, fPM) {
			k++
		} else if mer := p.dottedMeridiem(k); mer > k {
			k = mer
		} else if !clock {
			return j // "at 3" alone may be a count
		}
	default:
		return j
	}
	if p.word(k, fLocal) && p.word(k+1, fTime) {
		return k + 2
	}
	if k < len(p.toks) && p.toks[k].kind == tWord && p.toks[k].gap && allCaps(p.text(k)) {
		return k + 1
	}
	return k
}

// dottedMeridiem skips "a.m." or "p.m." at k.
func (p *parser) dottedMeridiem(k int) int {
	if k+2 >= len(p.toks) || p.toks[k].kind != tWord || !p.punct(k+1, '.') || !p.adj(k+1) || !p.adj(k+2) {
		return k
	}
	a, m := strings.ToLower(p.text(k)), strings.ToLower(p.text(k+2))
	if a != "a" && a != "p" || m != "m" {
		return k
	}
	if p.punct(k+3, '.') && p.adj(k+3) {
		return k + 4
	}
	return k + 3
}

func allCaps(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// resolve turns a parsed expression into a value; future is the tense of
// its clause.
func (p *parser) resolve(e expr, future bool) (value, bool) {
	switch e.kind {
	case eCal:
		return p.resolveCal(e.c, future)
	case eWeekday:
		if !p.hasPub {
			return unresolved, true
		}
		return dayValue(p.weekday(e.wd, e.mod, future)), true
	case eWeekend:
		if !p.hasPub {
			return unresolved, true
		}
		sat := weekOf(p.pub).AddDate(0, 0, 5)
		switch {
		case e.mod == fLast, e.mod == 0 && !future && p.pub.Before(sat):
			sat = sat.AddDate(0, 0, -7)
		case e.mod == fNext:
			sat = sat.AddDate(0, 0, 7)
		}
		return dayRange(sat, sat.AddDate(0, 0, 1)), true
	}
	return e.v, true
}

// weekday resolves a weekday against the publication day. A bare weekday in
// a past-tense clause is the latest such day on or before publication (news
// says "on Friday" of the Friday just gone, or of the publication day
// itself); in a future clause it is the earliest on or after publication.
// "Last Friday" is the latest strictly before publication, "next Friday"
// the earliest strictly after, and "this Friday" the one in publication's
// Monday–Sunday week.
func (p *parser) weekday(wd int, mod int8, future bool) time.Time {
	pw := int(p.pub.Weekday())
	switch mod {
	case fLast:
		d := (pw - wd + 7) % 7
		if d == 0 {
			d = 7
		}
		return p.pub.AddDate(0, 0, -d)
	case fNext:
		d := (wd - pw + 7) % 7
		if d == 0 {
			d = 7
		}
		return p.pub.AddDate(0, 0, d)
	case fThis:
		return weekOf(p.pub).AddDate(0, 0, (wd+6)%7)
	}
	if future {
		return p.pub.AddDate(0, 0, (wd-pw+7)%7)
	}
	return p.pub.AddDate(0, 0, -((pw - wd + 7) % 7))
}

// resolveCal fills in a missing year and returns the calendar value.
func (p *parser) resolveCal(c cal, future bool) (value, bool) {
	if c.y == 0 {
		if !p.hasPub {
			return unresolved, true
		}
		c.y = p.inferYear(c, future)
		if c.wd != 0 {
			for _, y := range [...]int{c.y, c.y - 1, c.y + 1} {
				if validDay(y, c.m, c.d) && int(civil(y, time.Month(c.m), c.d).Weekday()) == c.wd-1 {
					c.y = y
					break
				}
			}
		}
	}
	switch {
	case c.d != 0:
		if !validDay(c.y, c.m, c.d) || c.d2 != 0 && !validDay(c.y, c.m, c.d2) {
			return value{}, false
		}
		lo := civil(c.y, time.Month(c.m), c.d)
		if c.d2 != 0 {
			return dayRange(lo, civil(c.y, time.Month(c.m), c.d2)), true
		}
		return dayValue(lo), true
	case c.part != 0:
		return partOfMonth(c.y, time.Month(c.m), c.part), true
	case c.m != 0:
		return monthValue(c.y, time.Month(c.m)), true
	}
	return yearValue(c.y), true
}

// inferYear picks the year of a date written without one. It starts from
// the publication year. In a past-tense clause a date more than grace days
// after publication has not happened yet, so it is last year's; in a future
// clause a date more than grace days before publication is next year's. A
// bare month moves the same way when it lies after (past) or before
// (future) the publication month.
func (p *parser) inferYear(c cal, future bool) int {
	y := p.pub.Year()
	if c.d == 0 && c.part == 0 {
		switch {
		case !future && time.Month(c.m) > p.pub.Month():
			y--
		case future && time.Month(c.m) < p.pub.Month():
			y++
		}
		return y
	}
	d := c.d
	switch c.part {
	case fMid:
		d = 11
	case fLate:
		d = 21
	case fEarly:
		d = 1
	}
	step := -1
	if future {
		step = 1
	}
	if !validDay(y, c.m, d) { // Feb. 29: the nearest leap year in the clause's direction
		for !validDay(y, c.m, d) {
			y += step
		}
		return y
	}
	cand := civil(y, time.Month(c.m), d)
	switch {
	case !future && cand.After(p.pub.AddDate(0, 0, grace)):
		y--
	case future && cand.Before(p.pub.AddDate(0, 0, -grace)):
		y++
	}
	for !validDay(y, c.m, d) {
		y += step
	}
	return y
}
