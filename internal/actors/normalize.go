package actors

import (
	"strings"
	"unicode"
)

// Normalize returns the key under which the knowledge base files a name:
// lower case, accents and apostrophes dropped ("Élysée" = "Elysee",
// "Workers’ Party" = "Workers Party"), periods dropped so that abbreviations
// match their bare form ("U.S." = "US"), hyphens, dashes and other
// punctuation read as spaces ("Kim Jong-un" = "Kim Jong Un") and runs of
// space collapsed.
//
// A leading "the" is kept, because in some names it belongs to the name:
// "The Economist" is a paper, "economist" a profession. The data files mark
// the difference by case: a name listed as "the Kremlin" is filed without
// its article, one listed as "The Hague" with it; a lookup tries the text as
// given and then without a leading "the", so "the Kremlin", "Kremlin" and
// "The Hague" all resolve while "Hague" does not.
//
// Normalize folds case, so on its own it cannot tell the country "US" from
// the pronoun "us"; the knowledge base therefore matches names written in
// capitals in its data (US, UN, WHO, AU) only against text also written in
// capitals. Callers that build their own indexes over Names should do the
// same for names whose CaseSensitive field is set.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending between two words
	for _, r := range s {
		switch {
		case r == '.' || isApostrophe(r):
			// Dropped, not a separator: "U.S." is "US", "Sana'a" is "Sanaa".
			continue
		case r == '&':
			// "Trinidad & Tobago" is "Trinidad and Tobago".
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("and")
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if f, ok := foldRune(r); ok {
				b.WriteString(f)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		default:
			// Spaces, hyphens, dashes, commas, slashes and the rest separate words.
			space = true
		}
	}
	return b.String()
}

// fileKey is the key a name from a data file is filed under: its Normalize
// form, without a leading "the" written in lower case.
func fileKey(s string) string {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "the "); ok {
		s = rest
	}
	return Normalize(s)
}

// queryKeys returns the keys a looked-up name is tried under: its Normalize
// form and, if that starts with "the", the form without it.
func queryKeys(s string) []string {
	k := Normalize(s)
	if rest, ok := strings.CutPrefix(k, "the "); ok && rest != "" {
		return []string{k, rest}
	}
	return []string{k}
}

// exactKey returns the key of a name written in capitals ("U.S.", "the UN",
// "D.P.R.K.", "RFE/RL"): the name without a leading "the", periods and
// spaces, case kept. ok is false when the name has a lower-case letter or no
// letter at all; such names are only ever matched through Normalize.
func exactKey(s string) (key string, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = strings.TrimSpace(s[4:])
	}
	var b strings.Builder
	letters := 0
	for _, r := range s {
		switch {
		case r == '.' || unicode.IsSpace(r):
			continue
		case unicode.IsLower(r):
			return "", false
		case unicode.IsLetter(r):
			letters++
		}
		b.WriteRune(r)
	}
	if letters == 0 {
		return "", false
	}
	return b.String(), true
}

// isApostrophe reports whether r is one of the apostrophes and single quotes
// that news text uses inside names.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2018', '\u2019', '\u02BC', '\u02BB', '`', '\u00B4':
		return true
	}
	return false
}

// foldRune maps a Latin letter with a diacritic to its bare lower-case form,
// so that names typed without accents ("Erdogan", "Elysee", "Sao Tome")
// match the spelling in the data and vice versa. The table covers the
// Latin-1 and Latin Extended-A letters that occur in the names of states,
// capitals and office holders; it is deliberately small rather than a full
// Unicode decomposition, which would need a dependency.
func foldRune(r rune) (string, bool) {
	if r < 0xC0 {
		return "", false
	}
	if s, ok := foldTable[unicode.ToLower(r)]; ok {
		return s, true
	}
	return "", false
}

var foldTable = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c",
	'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ĝ': "g", 'ğ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i",
	'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ŏ': "o", 'ő': "o",
	'œ': "oe", 'ŕ': "r", 'ŗ': "r", 'ř': "r",
	'ś': "s", 'ŝ': "s", 'ş': "s", 'š': "s", 'ș': "s", 'ß': "ss",
	'ţ': "t", 'ť': "t", 'ŧ': "t", 'ț': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ŵ': "w", 'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}
