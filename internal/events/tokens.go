package events

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The coder tokenises and splits sentences itself rather than through the
// nlp package: nlp.Analyze runs prose's tagger and entity model on every
// sentence (about 300 sentences a second measured here), while most
// sentences hold no event word at all. Our splitter is a few rules over the
// bytes; only the sentences in which a lexicon word occurs are then tagged
// with prose's part-of-speech model (see tag.go).

// token is one word or punctuation mark of a sentence.
type token struct {
	start, end int // byte offsets into the coded text
	text       string
	lower      string // lower-cased, curly apostrophes made straight
	tag        string // Penn Treebank tag, once the sentence is tagged
	ids        []int32
	cap        bool // begins with a capital letter
}

// sentence is a span of the coded text and its tokens.
type sentence struct {
	start, end int
	toks       []token
	headline   bool
}

// abbreviations keep their full stop: they do not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true,
	"sgt": true, "gov": true, "sen": true, "rep": true, "st": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "no": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "jr": true, "sr": true, "prof": true, "adm": true, "capt": true, "maj": true,
	"cmdr": true, "vs": true, "etc": true, "gens": true, "messrs": true, "rev": true, "ft": true,
	"mt": true, "pres": true, "sec": true, "dept": true, "univ": true, "approx": true,
}

// sentenceStarters are words that, capitalised after "U.S." or a similar
// initialism, show that the initialism ended the sentence.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "in": true, "on": true, "but": true, "this": true, "that": true,
	"there": true, "his": true, "her": true, "their": true, "its": true, "however": true,
	"meanwhile": true, "later": true, "after": true, "earlier": true,
}

// tokenize splits text[start:end] into tokens with offsets into text.
func tokenize(text string, start, end int) []token {
	var out []token
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		out = splitWord(text, i, j, out)
		i = j
	}
	return out
}

// splitWord splits one whitespace-delimited chunk into tokens: leading and
// trailing punctuation, a possessive 's, a negative n't.
func splitWord(text string, i, j int, out []token) []token {
	// Leading punctuation.
	for i < j {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isLeadPunct(r) {
			break
		}
		out = append(out, mkToken(text, i, i+n))
		i += n
	}
	// Trailing punctuation, kept aside to append after the word.
	var tail []token
	for j > i {
		r, n := utf8.DecodeLastRuneInString(text[i:j])
		if r == '.' {
			w := text[i : j-1]
			if isInitialism(text[i:j]) || abbreviations[strings.ToLower(w)] {
				break
			}
		} else if !isTrailPunct(r) {
			break
		}
		tail = append(tail, mkToken(text, j-n, j))
		j -= n
	}
	if i < j {
		w := text[i:j]
		lw := strings.ToLower(w)
		switch {
		case hasSuffixApos(lw, "s") && len(w) > 2:
			k := j - apostropheLen(w, 1) - 1
			out = append(out, mkToken(text, i, k), mkToken(text, k, j))
		case hasSuffixApos(lw, "t") && strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(lw, "t"), "'"), "n") && len(w) > 3:
			k := j - apostropheLen(w, 1) - 2
			out = append(out, mkToken(text, i, k), mkToken(text, k, j))
		case (strings.HasSuffix(lw, "s'") || strings.HasSuffix(lw, "s’")) && len(w) > 2:
			k := j - apostropheLen(w, 0)
			out = append(out, mkToken(text, i, k), mkToken(text, k, j))
		default:
			out = append(out, mkToken(text, i, j))
		}
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// hasSuffixApos reports whether w ends in an apostrophe and then suffix.
func hasSuffixApos(w, suffix string) bool {
	return strings.HasSuffix(w, "'"+suffix) || strings.HasSuffix(w, "’"+suffix)
}

// apostropheLen returns the byte length of the apostrophe found before the
// last skip bytes of w.
func apostropheLen(w string, skip int) int {
	r, n := utf8.DecodeLastRuneInString(w[:len(w)-skip])
	if r == '’' {
		return n
	}
	return 1
}

func mkToken(text string, i, j int) token {
	w := text[i:j]
	lower := strings.ToLower(w)
	if strings.ContainsAny(lower, "’‘") {
		lower = strings.NewReplacer("’", "'", "‘", "'").Replace(lower)
	}
	switch lower {
	case "wo": // "won't"
		lower = "will"
	case "ca":
		lower = "can"
	case "sha":
		lower = "shall"
	}
	r, _ := utf8.DecodeRuneInString(w)
	return token{start: i, end: j, text: w, lower: lower, cap: unicode.IsUpper(r)}
}

func isLeadPunct(r rune) bool {
	return strings.ContainsRune("\"“‘'([{«—–-", r)
}

func isTrailPunct(r rune) bool {
	return strings.ContainsRune(".,;:!?\"”’')]}»—–…", r)
}

// isInitialism reports whether w is written like "U.S." or "N.K.": letters
// each followed by a full stop.
func isInitialism(w string) bool {
	if len(w) < 2 {
		return false
	}
	for k := 0; k < len(w); k += 2 {
		if k+1 >= len(w) || w[k+1] != '.' || !isASCIILetter(w[k]) {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// isPunct reports whether a token is punctuation only.
func (t *token) isPunct() bool {
	for _, r := range t.text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// splitSentences splits text[start:end] into sentences. A line break always
// ends a sentence, since bodies put headings and datelines on lines of their
// own; otherwise a sentence ends at . ! or ? (and any closing quotes) before
// a word that can begin one.
func splitSentences(text string, start, end int) []sentence {
	var out []sentence
	for ls := start; ls < end; {
		le := strings.IndexByte(text[ls:end], '\n')
		if le < 0 {
			le = end
		} else {
			le += ls
		}
		toks := tokenize(text, ls, le)
		first := 0
		for k := 0; k < len(toks); k++ {
			if !endsSentence(toks, k) {
				continue
			}
			last := k
			for last+1 < len(toks) && isClosing(toks[last+1].text) {
				last++
			}
			out = append(out, sentence{start: toks[first].start, end: toks[last].end, toks: toks[first : last+1 : last+1]})
			first = last + 1
			k = last
		}
		if first < len(toks) {
			out = append(out, sentence{start: toks[first].start, end: toks[len(toks)-1].end, toks: toks[first:len(toks):len(toks)]})
		}
		ls = le + 1
	}
	return out
}

func isClosing(w string) bool {
	switch w {
	case "\"", "”", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

// endsSentence reports whether toks[k] ends a sentence.
func endsSentence(toks []token, k int) bool {
	t := toks[k].text
	next := k + 1
	for next < len(toks) && isClosing(toks[next].text) {
		next++
	}
	if next >= len(toks) {
		return false // the line's end closes it anyway
	}
	n := toks[next]
	startsNew := n.cap || unicode.IsDigit(rune(n.text[0])) || strings.ContainsRune("\"“‘'(", rune(n.text[0]))
	switch t {
	case ".", "!", "?", "…":
		return startsNew
	}
	// An initialism ends the sentence when a typical sentence opener
	// follows it: "talks with the U.S. The next day".
	if isInitialism(t) && n.cap && sentenceStarters[n.lower] {
		return true
	}
	return false
}

// tokenAt returns the index of the first token starting at or after byte
// offset off, or len(toks).
func tokenAt(toks []token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].start >= off })
}
