package timex

import (
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Precision of one end of a value.
const (
	pDay = 1 + iota
	pMonth
	pYear
)

// A value is an inclusive interval of days [lo, hi] with the precision each
// end is known to. A point value (a day, a month, a year) has lo and hi
// spanning that unit and rng false; a range value prints as "lo/hi".
type value struct {
	lo, hi     time.Time // UTC midnights
	lp, hp     uint8
	rng        bool
	unresolved bool // needs a publication date the caller did not give
}

var unresolved = value{unresolved: true}

func civil(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func daysIn(y int, m time.Month) int { return civil(y, m+1, 0).Day() }

// validDay reports whether y-m-d exists; time.Date would silently normalise
// "February 30" to March 2, which is not what the text says.
func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, time.Month(m))
}

func dayValue(t time.Time) value { return value{lo: t, hi: t, lp: pDay, hp: pDay} }

func monthValue(y int, m time.Month) value {
	return value{lo: civil(y, m, 1), hi: civil(y, m, daysIn(y, m)), lp: pMonth, hp: pMonth}
}

func yearValue(y int) value {
	return value{lo: civil(y, 1, 1), hi: civil(y, 12, 31), lp: pYear, hp: pYear}
}

// span joins a and b into the range from a's start to b's end, each end
// keeping its own precision.
func span(a, b value) value {
	if a.unresolved || b.unresolved {
		return unresolved
	}
	return value{lo: a.lo, hi: b.hi, lp: a.lp, hp: b.hp, rng: true}
}

// dayRange is the range of whole days from lo to hi.
func dayRange(lo, hi time.Time) value { return value{lo: lo, hi: hi, lp: pDay, hp: pDay, rng: true} }

// monthRange is the range of months from (y1, m1) to (y2, m2).
func monthRange(y1 int, m1 time.Month, y2 int, m2 time.Month) value {
	return span(monthValue(y1, m1), monthValue(y2, m2))
}

// weekOf returns the Monday that starts t's ISO week.
func weekOf(t time.Time) time.Time { return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) }

func weekValue(monday time.Time) value { return dayRange(monday, monday.AddDate(0, 0, 6)) }

// partOfMonth splits a month into early (1–10), mid (11–20) and late (21–end).
func partOfMonth(y int, m time.Month, part int) value {
	switch part {
	case fEarly:
		return dayRange(civil(y, m, 1), civil(y, m, 10))
	case fMid:
		return dayRange(civil(y, m, 11), civil(y, m, 20))
	default:
		return dayRange(civil(y, m, 21), civil(y, m, daysIn(y, m)))
	}
}

// partOfYear splits a year into thirds of four months each, at month
// precision: "early 2018" is 2018-01/2018-04.
func partOfYear(y, part int) value {
	first := time.January + time.Month(4*(part-fEarly))
	return monthRange(y, first, y, first+3)
}

// partOfDecade splits the decade starting in y into early (0–3), mid (4–6)
// and late (7–9) years.
func partOfDecade(y, part int) value {
	switch part {
	case fEarly:
		return span(yearValue(y), yearValue(y+3))
	case fMid:
		return span(yearValue(y+4), yearValue(y+6))
	default:
		return span(yearValue(y+7), yearValue(y+9))
	}
}

// format renders the value in the notation of news.DateMention.
func (v value) format() (val, precision string) {
	if v.unresolved {
		return "", news.PrecisionUnresolved
	}
	if v.rng {
		return formatEnd(v.lo, v.lp) + "/" + formatEnd(v.hi, v.hp), news.PrecisionRange
	}
	switch v.lp {
	case pDay:
		return formatEnd(v.lo, pDay), news.PrecisionDay
	case pMonth:
		return formatEnd(v.lo, pMonth), news.PrecisionMonth
	default:
		return formatEnd(v.lo, pYear), news.PrecisionYear
	}
}

func formatEnd(t time.Time, p uint8) string {
	b := make([]byte, 0, 10)
	y := t.Year()
	if y < 1000 {
		b = append(b, "000"[:4-len(strconv.Itoa(y))]...)
	}
	b = strconv.AppendInt(b, int64(y), 10)
	if p == pYear {
		return string(b)
	}
	b = append(b, '-')
	b = append2(b, int(t.Month()))
	if p == pMonth {
		return string(b)
	}
	b = append(b, '-')
	b = append2(b, t.Day())
	return string(b)
}

func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
