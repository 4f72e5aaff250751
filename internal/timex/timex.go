// Package timex finds the time expressions of an English news article and
// resolves each against the publication date, with the precision the text
// supports: "June 12, 2018" is a day, "June 2018" a month, "in 2019" a year,
// "last week" and "since mid-February" ranges.
//
// The scanner is our own token grammar, not go-dateparser's search mode.
// Measured on news sentences, that search took about 0.4 ms per sentence
// and found dates in "Pyongyang may respond" (the modal), "Theresa May",
// "a march on Washington" and "The Sunday Times", and read "Dec. 22, 2017"
// as two wrong dates. Its Parse costs about 0.2 ms per string, more than
// this whole package spends on an article, and every absolute form it reads
// is a fixed pattern of month names and numbers, so the grammar parses
// those itself too.
//
// Rules that decide a value when the text alone does not:
//
//   - Tense. News is past tense by default. A clause is future when the
//     nearest tense cue before the expression (or, failing that, after it
//     before any "that") is "will", "would", "shall", "'ll", "is/are to",
//     "plans", "scheduled", "expected", "due", "set to", "next" and the
//     like; a past verb ("said", "met", any "-ed" word) makes it past.
//   - A year-less date ("June 11", "mid-February") is in the publication
//     year unless, in a past clause, it falls more than 7 days after
//     publication (then the year before), or, in a future clause, more than
//     7 days before it (then the year after). A bare month ("in June")
//     moves the same way when it lies after (past) or before (future) the
//     publication month. A weekday written with the date picks among the
//     neighbouring years the one where it matches.
//   - A bare weekday ("on Friday", "said Friday") is the latest such day on
//     or before publication, or in a future clause the earliest on or after
//     it. "Last Friday" is strictly before, "next Friday" strictly after,
//     "this Friday" in publication's Monday–Sunday week.
//   - Weeks run Monday to Sunday: "last week" is the previous such week.
//     "Earlier this month" runs from the month's first day to publication,
//     "later this year" from publication to December 31.
//   - Parts of a month: early 1–10, mid 11–20, late 21–end. Parts of a
//     year: early January–April, mid May–August, late September–December.
//     Parts of a decade: early 0–3, mid 4–6, late 7–9.
//   - "N days/weeks/months/years ago" takes the unit's precision: a day, a
//     Monday–Sunday week, a month or a year.
//   - "Since X" runs from X's first day to publication; "between X and Y",
//     "from X to Y", "X–Y" from X's start to Y's end, each end at its own
//     precision, with a missing year shared from the other end.
//   - "The previous day", "the following day", "the same day", "the day
//     before", "a day earlier" and "two days later" count from the story's
//     own time, not from publication: from the last single day named
//     earlier in the same sentence ("said on Thursday that it had tested a
//     missile the previous day"). With no such day they are not taken,
//     since the previous sentence may be about another time.
//
// Left alone on purpose, because any value would be a guess: "recently",
// "in recent days", "in the coming weeks", "soon", "in two weeks" (also "the first
// time in two weeks"), "more than a year ago" (a bound), winter (it spans
// two years), "the 1900s" (decade or century), holidays ("Christmas"),
// all-numeric dates whose day/month order is in doubt ("06/07/2018"), and
// bare "May"/"March"/"June" without a cue word ("in", "since", "by", ...)
// or a day or year beside them.
//
// The leading "in" or "on" of "in 2019" or "on Friday" is part of the
// mention, as are "since", "between" and "from", which change the value;
// other prepositions ("by", "until", "before") are not.
package timex

import (
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Find returns every time expression in body resolved against published,
// in order of Start, never overlapping; where two readings compete the
// longer wins ("June 12, 2018" over "June 12"). The publication day is
// published's calendar day in its own location. With a zero published,
// absolute dates still resolve and every relative or year-less expression
// comes back with Precision news.PrecisionUnresolved and an empty Value.
// Find is pure and safe for concurrent use.
func Find(body string, published time.Time) []news.DateMention {
	p := parser{body: body}
	if !published.IsZero() {
		p.pub = civil(published.Date())
		p.hasPub = true
	}
	p.toks = tokenize(body, make([]token, 0, len(body)/5+8))
	out := []news.DateMention{}
	for i := 0; i < len(p.toks); {
		if !p.trigger(i) {
			i++
			continue
		}
		end, v, ok := p.parseAt(i)
		if !ok || end <= i {
			i++
			continue
		}
		val, prec := v.format()
		s, e := p.toks[i].start, p.toks[end-1].end
		out = append(out, news.DateMention{Text: body[s:e], Value: val, Precision: prec, Start: s, End: e})
		if !v.unresolved && !v.rng && v.lp == pDay {
			p.anchor, p.anchorEnd, p.hasAnchor = v.lo, end, true
		}
		i = end
	}
	return out
}

// Resolve resolves one time expression written on its own, such as
// "June 12", "last week" or "since 2018", against published. ok is false
// when expr is not, as a whole, one expression Find recognises. A bare
// month name ("June") is read as "in June", since a caller asking about it
// has already decided it is a month. Tense cannot be seen without a
// sentence, so year-less dates resolve as in past-tense reporting.
func Resolve(expr string, published time.Time) (value, precision string, ok bool) {
	expr = strings.TrimSpace(expr)
	if expr == "" {
		return "", "", false
	}
	for _, s := range [...]string{expr, "in " + expr} {
		if ms := Find(s, published); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(s) {
			return ms[0].Value, ms[0].Precision, true
		}
	}
	return "", "", false
}

// trigger reports whether an expression can start at token i; it keeps the
// grammar off the great majority of words.
func (p *parser) trigger(i int) bool {
	t := p.toks[i]
	switch t.kind {
	case tNum:
		return true
	case tWord:
		switch t.lex.cls {
		case cMonth, cWeekday, cRelDay, cCount, cSeason:
			return true
		case cFunc:
			switch t.lex.val {
			case fSince, fBetween, fFrom, fIn, fOn, fThe, fLast, fThis, fNext, fEarlier, fLater, fEarly, fMid, fLate:
				return true
			}
		}
	}
	return false
}

// parseAt parses the longest mention starting at token i and returns the
// index after it and its value.
func (p *parser) parseAt(i int) (end int, v value, ok bool) {
	if t := p.toks[i]; t.kind == tWord && t.lex.cls == cFunc {
		switch t.lex.val {
		case fSince:
			return p.since(i)
		case fBetween:
			return p.between(i, fAnd)
		case fFrom:
			return p.between(i, fTo)
		case fIn, fOn:
			in := t.lex.val == fIn
			if e, ok := p.core(i+1, in); ok && (in && e.in || !in && e.on) {
				return p.finish(i, e)
			}
			return 0, value{}, false
		}
	}
	e, ok := p.core(i, p.cueBefore(i))
	if !ok {
		return 0, value{}, false
	}
	return p.finish(i, e)
}

// finish resolves expression e of the mention starting at token start,
// first trying to read it as the start of a range ("June 12 to June 14",
// "Monday to Wednesday") and then taking a clock time after a day.
func (p *parser) finish(start int, e expr) (int, value, bool) {
	if k := e.end; p.dash(k) || p.word(k, fTo) || p.word(k, fUntil) {
		if y, ok := p.core(k+1, true); ok && rangeable(e, y) {
			if v, ok := p.rangeValue(e, y, p.future(start, y.end)); ok {
				return y.end, v, true
			}
		}
	}
	v, ok := p.resolve(e, p.future(start, e.end))
	if !ok {
		return 0, value{}, false
	}
	end := e.end
	if e.kind == eWeekday || e.kind == eCal && e.c.d != 0 && e.c.d2 == 0 || e.kind == eValue && !v.rng && v.lp == pDay {
		end = p.timeTail(end)
	}
	return end, v, true
}

// rangeable reports whether x and y, joined by a dash or "to" with no
// "from" or "between" before them, are the two ends of one range: they
// must have the same shape, so "2018 to 3 percent" or "Friday to June"
// are not ranges.
func rangeable(x, y expr) bool {
	switch {
	case x.kind == eCal && y.kind == eCal:
		a, b := x.c, y.c
		return (a.d != 0) == (b.d != 0) && (a.m != 0) == (b.m != 0) && a.part == 0 && b.part == 0 && a.d2 == 0 && b.d2 == 0
	case x.kind == eWeekday && y.kind == eWeekday:
		return x.mod == 0 && y.mod == 0
	}
	return false
}

// since parses "since X": the range from X's first day to publication.
func (p *parser) since(i int) (int, value, bool) {
	e, ok := p.core(i+1, true)
	if !ok {
		return 0, value{}, false
	}
	v, ok := p.resolve(e, false)
	if !ok {
		return 0, value{}, false
	}
	if v.unresolved || !p.hasPub {
		return e.end, unresolved, true
	}
	if v.lo.After(p.pub) {
		return 0, value{}, false
	}
	return e.end, dayRange(v.lo, p.pub), true
}

// between parses "between X and Y" (conn fAnd) or "from X to Y" (conn fTo,
// also "until", "through" and a dash).
func (p *parser) between(i int, conn int8) (int, value, bool) {
	x, ok := p.core(i+1, true)
	if !ok {
		return 0, value{}, false
	}
	k := x.end
	if conn == fAnd && !p.word(k, fAnd) || conn == fTo && !(p.word(k, fTo) || p.word(k, fUntil) || p.dash(k)) {
		return 0, value{}, false
	}
	y, ok := p.rangeEnd(k+1, x)
	if !ok {
		return 0, value{}, false
	}
	v, ok := p.rangeValue(x, y, p.future(i, y.end))
	if !ok {
		return 0, value{}, false
	}
	return y.end, v, true
}

// rangeEnd parses the second end of a range: any expression, or a bare day
// after a dated first end ("from June 12 to 14, 2018").
func (p *parser) rangeEnd(k int, x expr) (expr, bool) {
	if y, ok := p.core(k, true); ok {
		return y, true
	}
	if x.kind != eCal || x.c.d == 0 || x.c.d2 != 0 {
		return expr{}, false
	}
	d, j, ok := p.day(k)
	if !ok {
		return expr{}, false
	}
	c := cal{d: d}
	yk := j
	if p.punct(yk, ',') {
		yk++
	}
	if y, ok := p.year(yk); ok {
		c.y, j = y, yk+1
	}
	return expr{end: j, kind: eCal, c: c}, true
}

// rangeValue resolves the range from x to y. A missing year or month is
// taken from the other end: "June 12 to 14, 2018", "December to March
// 2019" (December 2018).
func (p *parser) rangeValue(x, y expr, future bool) (value, bool) {
	var vx, vy value
	var ok bool
	switch {
	case x.kind == eCal && y.kind == eCal:
		a, b := x.c, y.c
		if b.m == 0 && b.d != 0 {
			b.m = a.m
		}
		if a.y == 0 && b.y != 0 && a.m != 0 {
			a.y = b.y
			if a.m > b.m || a.m == b.m && a.d > b.d {
				a.y--
			}
		}
		if a.y == 0 {
			v, ok := p.resolveCal(a, future)
			if !ok || v.unresolved {
				return v, ok
			}
			a.y = v.lo.Year()
		}
		if b.y == 0 && b.m != 0 {
			b.y = a.y
			if b.m < a.m || b.m == a.m && b.d < a.d {
				b.y++
			}
		}
		if b.y == 0 || b.m == 0 && a.m != 0 {
			return value{}, false // "between June and 2019"
		}
		if vx, ok = p.resolveCal(a, future); !ok {
			return value{}, false
		}
		if vy, ok = p.resolveCal(b, future); !ok {
			return value{}, false
		}
	case x.kind == eWeekday && y.kind == eWeekday && x.mod == 0 && y.mod == 0:
		vx, _ = p.resolve(x, future)
		if vx.unresolved {
			return vx, true
		}
		vy = dayValue(vx.lo.AddDate(0, 0, (y.wd-x.wd+7)%7))
	default:
		vx, ok = p.resolve(x, future)
		if !ok {
			return value{}, false
		}
		if vy, ok = p.resolve(y, future); !ok {
			return value{}, false
		}
	}
	if vx.unresolved || vy.unresolved {
		return unresolved, true
	}
	if vy.hi.Before(vx.lo) {
		return value{}, false
	}
	return span(vx, vy), true
}
