package boilerplate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// set builds a lookup table from words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// closers may follow a sentence's final punctuation.
const closers = "\"”’'»)] \t"

// openQuotes may precede a line's first word.
const openQuotes = "\"“‘'«([ \t"

// endsSentence reports whether s ends with sentence punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	t := strings.TrimRight(s, closers)
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// startsUpper reports whether s, after opening quotes, starts with an
// upper-case letter or a digit.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, openQuotes))
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// bullets are list markers a flattened list may keep.
var bullets = []string{"- ", "• ", "* ", "– ", "— ", "· ", "► ", "▶ ", "> "}

// stripBullet removes a leading list marker.
func stripBullet(s string) string {
	for _, b := range bullets {
		if strings.HasPrefix(s, b) {
			return strings.TrimSpace(s[len(b):])
		}
	}
	return s
}

func isBullet(s string) bool { return stripBullet(s) != s }

// normWord lower-cases w and strips the punctuation around it.
func normWord(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return strings.ToLower(w)
}

var quoteNormalizer = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"")

// normQuotes replaces typographic quotes with ASCII ones for matching.
func normQuotes(s string) string { return quoteNormalizer.Replace(s) }

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// hasPrefixWord reports whether s starts with prefix, ending at a word
// boundary when prefix ends in a letter.
func hasPrefixWord(s, prefix string) bool {
	if !strings.HasPrefix(s, prefix) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prefix)
	if !unicode.IsLetter(last) || len(s) == len(prefix) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[len(prefix):])
	return !unicode.IsLetter(next)
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// splitAny splits s at every occurrence of any of seps.
func splitAny(s string, seps ...string) []string {
	for _, sep := range seps[1:] {
		s = strings.ReplaceAll(s, sep, seps[0])
	}
	parts := strings.Split(s, seps[0])
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isYear reports a four-digit year from 1900 to 2099.
func isYear(n string) bool {
	return len(n) == 4 && allDigits(n) && (n[:2] == "19" || n[:2] == "20")
}

// isClock reports a time of day: "10:03", "10.03", "9am", "10:03pm".
func isClock(n string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(n, "am"), "pm")
	if base != n && allDigits(base) && len(base) <= 2 {
		return true
	}
	i := strings.IndexAny(base, ":.")
	return i > 0 && i <= 2 && allDigits(base[:i]) && len(base)-i-1 == 2 && allDigits(base[i+1:])
}

// isNumDate reports a numeric date: "12/06/2024", "2024-06-12".
func isNumDate(n string) bool {
	parts := strings.FieldsFunc(n, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if !allDigits(p) || len(p) > 4 {
			return false
		}
	}
	return true
}

// isNumberish reports a number, an ordinal or a short age ("12", "3rd",
// "2h", "5min").
func isNumberish(n string) bool {
	i := 0
	for i < len(n) && n[i] >= '0' && n[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	switch n[i:] {
	case "", "st", "nd", "rd", "th", "h", "m", "d", "s", "hr", "hrs", "min", "mins":
		return true
	}
	return false
}

// trailingFunction are words a headline does not end with; a line ending
// in one is a hard-wrapped sentence.
var trailingFunction = set(
	"the", "a", "an", "of", "to", "and", "or", "with", "for", "in", "on", "at",
	"by", "from", "as", "but", "that", "his", "her", "its", "their",
)

// headlineLike reports whether s has a headline's shape: 3 to 16 words,
// capitalised start, mostly words, no sentence or clause punctuation at the
// end. loose also admits questions, exclamations and bullets, which are
// safe to call headlines only inside an announced list.
func headlineLike(s string, loose bool) bool {
	t := s
	if loose {
		t = stripBullet(s)
	} else if isBullet(s) {
		return false
	}
	ws := strings.Fields(t)
	if len(ws) < 3 || len(ws) > maxHeadlineWords || len(t) > 160 || !startsUpper(t) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, closers))
	switch r {
	case '.', ',', ';', ':', '…', '-', '—', '–', '*':
		return false
	case '?', '!':
		if !loose {
			return false
		}
	}
	if trailingFunction[normWord(ws[len(ws)-1])] {
		return false
	}
	wordy := 0
	for _, w := range ws {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			wordy++
		}
	}
	return 2*wordy >= len(ws)+1
}

// titleLike reports whether s can be an article title: 2 to 20 words,
// capitalised, not ending like a sentence or a clause.
func titleLike(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > maxTitleWords || len(s) > 200 || !startsUpper(s) || isBullet(s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, closers))
	switch r {
	case '.', ',', ';', ':', '…', '-', '—', '–', '*':
		return false
	}
	return hasLetterOrDigit(s)
}
