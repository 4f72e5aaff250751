package boilerplate

import (
	"strings"
	"unicode"
)

// dateline is a parsed dateline: its text as written (with the separator),
// its place and date, and the paragraph text after it.
type dateline struct {
	text, place, date, rest string
}

// datelineSeps end a dateline, spaced forms first so that the earliest
// match wins with its spaces.
var datelineSeps = []string{" — ", " – ", " -- ", " - ", "—", "–", "--"}

// parseDateline reads a dateline at the start of s:
//
//	SEOUL, June 12 (Newsgraph) — North Korea ...
//	SAN FRANCISCO, Calif., Dec. 3 (AP) — ...
//	Seoul, June 12 (Yonhap) -- ...
//	SEOUL, June 12: North Korea ...
//
// The place must be in capitals unless a date or an agency follows it, and
// the text after the separator must start a new sentence of at least five
// words (or be empty, for a dateline on its own line), so that an
// all-capitals headline ("NORTH KOREA FIRES MISSILE - REPORT") or an
// acronym opening a sentence ("NATO — the alliance ...") is not taken for
// one.
func parseDateline(s string) (dateline, bool) {
	var d dateline
	at, sepLen, colon := -1, 0, false
	for _, sep := range datelineSeps {
		if i := strings.Index(s, sep); i > 0 && i <= 100 && (at < 0 || i < at) {
			at, sepLen = i, len(sep)
		}
	}
	if at < 0 {
		i := strings.Index(s, ": ")
		if i <= 0 || i > 40 {
			return d, false
		}
		at, sepLen, colon = i, 2, true
	}
	head := strings.TrimSpace(s[:at])
	rest := strings.TrimSpace(s[at+sepLen:])
	if rest != "" && (!startsUpper(rest) || len(strings.Fields(rest)) < 5) {
		return d, false
	}

	agency := ""
	if strings.HasSuffix(head, ")") {
		o := strings.LastIndex(head, "(")
		if o < 0 {
			return d, false
		}
		agency = head[o+1 : len(head)-1]
		if !agencyLike(agency) {
			return d, false
		}
		head = strings.TrimSpace(head[:o])
	}
	parts := strings.Split(head, ",")
	place := strings.TrimSpace(parts[0])
	caps := capsPlace(place)
	if !caps && !titlePlace(place) {
		return d, false
	}
	date := ""
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		switch {
		case date == "" && dateText(p):
			date = p
		case date == "" && titlePlace(p):
			place += ", " + p
		case date != "" && isYear(p):
			date += ", " + p
		default:
			return d, false
		}
	}
	// "EXCLUSIVE: ...", "UPDATE: ..." and "READ MORE: ..." have the shape
	// of a bare colon dateline, so a colon needs a date to be one.
	if colon && (!caps || date == "" || agency != "") {
		return d, false
	}
	if !caps && date == "" && agency == "" {
		return d, false
	}
	if rest == "" && !caps && agency == "" {
		return d, false
	}
	d.text = strings.TrimSpace(s[:at+sepLen])
	d.place, d.date, d.rest = place, date, rest
	return d, true
}

// isPlaceRune reports the characters place names are written with.
func isPlaceRune(r rune) bool {
	// '/' joins the places of a joint dateline: "WASHINGTON/SEOUL".
	return unicode.IsLetter(r) || r == ' ' || r == '.' || r == '\'' || r == '’' || r == '-' || r == '/'
}

// capsPlace reports a place in capitals ("SEOUL", "SAN FRANCISCO",
// "RIO DE JANEIRO").
func capsPlace(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	letters := 0
	for _, r := range s {
		if !isPlaceRune(r) || unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// titlePlace reports a capitalised place or region ("Seoul", "Calif.",
// "South Korea", "D.C."), not a month or weekday.
func titlePlace(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		n := normWord(w)
		if n == "" || months[n] || weekdays[n] || !startsUpper(w) {
			return false
		}
	}
	for _, r := range s {
		if !isPlaceRune(r) {
			return false
		}
	}
	return true
}

// dateText reports the date part of a dateline: "June 12", "Dec. 3",
// "Tuesday", "12 June".
func dateText(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	named := false
	for _, w := range ws {
		n := normWord(w)
		switch {
		case months[n] || weekdays[n]:
			named = true
		case isNumberish(n) || isYear(n):
		default:
			return false
		}
	}
	return named
}

// agencyLike reports a news agency or publisher in a dateline's
// parenthesis: "Reuters", "AP", "Newsgraph", "Yonhap".
func agencyLike(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 4 || !startsUpper(s) {
		return false
	}
	return !containsAny(strings.ToLower(s), photoWords...)
}
