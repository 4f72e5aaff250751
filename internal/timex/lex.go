package timex

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord  = 1 + iota // a run of letters
	tNum              // a run of ASCII digits
	tPunct            // one other rune
)

// A token is a word, a number or a punctuation rune of the body. The grammar
// works on tokens rather than on bytes so that every rule can ask about its
// neighbours (capitalisation, adjacency, the word before) in O(1).
type token struct {
	start, end int
	kind       uint8
	upper      bool // a word whose first letter is upper case
	gap        bool // whitespace separates it from the previous token
	nl         bool // the whitespace before it holds a line break
	lex        lexeme
	n          int  // value of a number of at most 9 digits, else -1
	ndig       int  // digits in a number
	r          rune // the rune of a punctuation token
	ed         bool // a lower-case word of 5+ letters ending in "ed"
}

// Lexeme classes.
const (
	cNone    = iota
	cMonth   // val 1..12
	cWeekday // val time.Weekday
	cCount   // a count word for "N units ago": val 1..12
	cUnit    // val uDay..uYear
	cRelDay  // today, yesterday...: val is the offset in days
	cSeason  // val is the first month
	cFunc    // a function word: val is one of the f constants
	cFuture  // a word that marks a future statement; val 1: only before "to"
	cPast    // a word that marks a past statement
	cDaypart // morning, afternoon, evening, night
)

// Units of "N units ago" and "the past N units".
const (
	uDay = 1 + iota
	uWeek
	uMonth
	uYear
)

// Function words the grammar asks about by identity.
const (
	fSince = 1 + iota
	fBetween
	fFrom
	fTo
	fUntil // until, till, through
	fAnd
	fIn
	fOn
	fThe
	fOf
	fAt
	fAgo
	fLast
	fThis
	fNext
	fPast
	fEarlier
	fLater
	fEarly
	fMid
	fLate
	fWeekend
	fBefore
	fAfter
	fBy
	fDuring
	fNoon
	fAM
	fPM
	fLocal
	fTime
	fBound // more, over, less, under, than: "more than a year ago" is not a year ago
	fIs    // is, are, was: "is to meet"
	fThat
	fOrdinal // st, nd, rd, th
	fCue     // other words that may stand before a bare month or year
)

type lexeme struct {
	cls  uint8
	val  int8
	abbr bool // an abbreviated month name
}

// lexicon maps lower-case words to their lexemes. Words outside it are
// irrelevant to the grammar except as context.
var lexicon = map[string]lexeme{}

func init() {
	months := [...]string{"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december"}
	for i, m := range months {
		lexicon[m] = lexeme{cls: cMonth, val: int8(i + 1)}
	}
	for m, v := range map[string]int8{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
		"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		lexicon[m] = lexeme{cls: cMonth, val: v, abbr: true}
	}
	days := [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, d := range days {
		lexicon[d] = lexeme{cls: cWeekday, val: int8(i)}
	}
	counts := [...]string{"one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve"}
	for i, c := range counts {
		lexicon[c] = lexeme{cls: cCount, val: int8(i + 1)}
	}
	lexicon["a"] = lexeme{cls: cCount, val: 1}
	lexicon["an"] = lexeme{cls: cCount, val: 1}
	for w, u := range map[string]int8{"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek,
		"month": uMonth, "months": uMonth, "year": uYear, "years": uYear} {
		lexicon[w] = lexeme{cls: cUnit, val: u}
	}
	for w, v := range map[string]int8{"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1} {
		lexicon[w] = lexeme{cls: cRelDay, val: v}
	}
	for w, v := range map[string]int8{"spring": 3, "summer": 6, "autumn": 9, "fall": 9} {
		lexicon[w] = lexeme{cls: cSeason, val: v}
	}
	for _, w := range []string{"morning", "afternoon", "evening", "night"} {
		lexicon[w] = lexeme{cls: cDaypart}
	}
	for w, f := range map[string]int8{
		"since": fSince, "between": fBetween, "from": fFrom, "to": fTo,
		"until": fUntil, "till": fUntil, "through": fUntil, "and": fAnd,
		"in": fIn, "on": fOn, "the": fThe, "of": fOf, "at": fAt, "ago": fAgo,
		"last": fLast, "this": fThis, "next": fNext, "past": fPast,
		"earlier": fEarlier, "later": fLater, "early": fEarly, "mid": fMid,
		"late": fLate, "weekend": fWeekend, "before": fBefore, "after": fAfter,
		"by": fBy, "during": fDuring, "throughout": fDuring, "noon": fNoon,
		"midnight": fNoon, "am": fAM, "pm": fPM, "local": fLocal, "time": fTime,
		"more": fBound, "over": fBound, "less": fBound, "under": fBound, "than": fBound,
		"is": fIs, "are": fIs, "was": fIs, "that": fThat,
		"st": fOrdinal, "nd": fOrdinal, "rd": fOrdinal, "th": fOrdinal,
		"circa": fCue, "fiscal": fCue,
	} {
		lexicon[w] = lexeme{cls: cFunc, val: f}
	}
	// "set" and "going" mark the future only before "to" ("set to meet",
	// "going to meet", and "set for"); the tense check looks at the next
	// word for them.
	lexicon["set"] = lexeme{cls: cFuture, val: 1}
	lexicon["going"] = lexeme{cls: cFuture, val: 1}
	for _, w := range []string{"will", "shall", "would", "ll", "plans", "plan", "planned",
		"planning", "scheduled", "slated", "expected", "expects", "due", "upcoming",
		"intends", "intend", "aims"} {
		lexicon[w] = lexeme{cls: cFuture}
	}
	for _, w := range []string{"said", "told", "had", "has", "have", "did", "were",
		"met", "held", "began", "begun", "came", "went", "left", "took", "made", "gave",
		"saw", "fell", "rose", "won", "lost", "sent", "spoke", "wrote", "ran", "broke",
		"struck", "fled", "shot", "led", "fought", "brought", "thought", "felt", "kept",
		"sought", "bought", "found", "became", "stood", "sat", "hit", "spent", "knew"} {
		lexicon[w] = lexeme{cls: cPast}
	}
}

// tokenize splits body into tokens. Whitespace separates tokens and is not
// kept; every other rune belongs to exactly one token, so token offsets are
// always valid slice bounds of body.
func tokenize(body string, toks []token) []token {
	var buf [16]byte
	gap, nl := true, false
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			gap = true
			i++
			continue
		case c == '\n':
			gap, nl = true, true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(body) && body[j] >= '0' && body[j] <= '9' {
				j++
			}
			t := token{start: i, end: j, kind: tNum, gap: gap, nl: nl, ndig: j - i, n: -1}
			if j-i <= 9 {
				n := 0
				for k := i; k < j; k++ {
					n = n*10 + int(body[k]-'0')
				}
				t.n = n
			}
			toks = append(toks, t)
			i = j
		case c < utf8.RuneSelf && !isASCIILetter(c):
			toks = append(toks, token{start: i, end: i + 1, kind: tPunct, gap: gap, nl: nl, r: rune(c), n: -1})
			i++
		default:
			r, size := utf8.DecodeRuneInString(body[i:])
			if r != utf8.RuneError && unicode.IsSpace(r) {
				gap = true
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					nl = true
				}
				i += size
				continue
			}
			if !(r != utf8.RuneError && unicode.IsLetter(r)) {
				toks = append(toks, token{start: i, end: i + size, kind: tPunct, gap: gap, nl: nl, r: r, n: -1})
				i += size
				break
			}
			// A word: letters only, so "mid-February" and "Hwasong-15"
			// split at the hyphen and "12th" into a number and a suffix.
			j, ascii := i, true
			for j < len(body) {
				if b := body[j]; b < utf8.RuneSelf {
					if !isASCIILetter(b) {
						break
					}
					j++
					continue
				}
				r, size := utf8.DecodeRuneInString(body[j:])
				if r == utf8.RuneError || !unicode.IsLetter(r) {
					break
				}
				ascii = false
				j += size
			}
			t := token{start: i, end: j, kind: tWord, gap: gap, nl: nl, n: -1, upper: unicode.IsUpper(r)}
			if ascii && j-i <= len(buf) {
				w := buf[:j-i]
				for k := range w {
					b := body[i+k]
					if b >= 'A' && b <= 'Z' {
						b += 'a' - 'A'
					}
					w[k] = b
				}
				t.lex = lexicon[string(w)]
				t.ed = !t.upper && len(w) >= 5 && w[len(w)-2] == 'e' && w[len(w)-1] == 'd'
			}
			toks = append(toks, t)
			i = j
		}
		gap, nl = false, false
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
