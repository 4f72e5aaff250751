package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tPunct
	tQuote // a whole top-level quotation, marks included
)

// token is a word, a punctuation mark or a whole quotation. Treating a
// quotation as one token is what lets the attribution rules read the frame
// around it ("Q, X said.") without being misled by the words inside.
type token struct {
	start, end int
	kind       tokKind
	q          int // index into the spans for tQuote
	para       int // paragraph of the token's start
	paraEnd    int // paragraph of the token's end (differs for a long quote)
	text       string
	lower      string
}

func (t token) is(words ...string) bool {
	for _, w := range words {
		if t.lower == w {
			return true
		}
	}
	return false
}

func (t token) capitalized() bool {
	if t.kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

func (t token) punct(s string) bool { return t.kind == tPunct && t.text == s }

// abbreviations take their full stop as part of the word, so that "Sen."
// and "Sept." do not end a sentence.
var abbreviations = set(
	"mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "govs", "gen", "lt", "col", "sgt", "capt", "cmdr",
	"adm", "maj", "cpl", "pvt", "jr", "sr", "st", "rev", "prof", "hon", "pres", "gov", "supt", "atty", "messrs",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"inc", "corp", "co", "ltd", "llc", "bros", "no", "nos", "vs", "v", "etc", "approx", "dept", "univ", "est", "ft", "mt",
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md",
	"mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt",
	"wash", "wis", "wyo",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// tokenize splits the body into tokens, each top-level quotation becoming a
// single tQuote token.
func tokenize(body string, paras []paragraph, spans []span) []token {
	toks := make([]token, 0, len(body)/5)
	paraOf := func(pos int) int {
		lo, hi := 0, len(paras)
		for lo < hi {
			m := (lo + hi) / 2
			if paras[m].end <= pos {
				lo = m + 1
			} else {
				hi = m
			}
		}
		return lo
	}
	si := 0
	for i := 0; i < len(body); {
		if si < len(spans) && i >= spans[si].open {
			s := spans[si]
			if i == s.open {
				toks = append(toks, token{start: s.open, end: s.close, kind: tQuote, q: si, para: paraOf(s.open), paraEnd: paraOf(s.close - 1)})
				i = s.close
			}
			si++
			continue
		}
		limit := len(body)
		if si < len(spans) {
			limit = spans[si].open
		}
		r, n := utf8.DecodeRuneInString(body[i:])
		switch {
		case unicode.IsSpace(r) || isQuoteRune(r) || r == '`':
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			e := wordEnd(body, i, limit)
			p := paraOf(i)
			toks = append(toks, token{start: i, end: e, kind: tWord, para: p, paraEnd: p})
			i = e
		default:
			e := i + n
			if r == '-' && e < limit && body[e] == '-' {
				for e < limit && body[e] == '-' {
					e++
				}
			} else if r == '.' && strings.HasPrefix(body[e:limit], "..") {
				e += 2
			}
			p := paraOf(i)
			toks = append(toks, token{start: i, end: e, kind: tPunct, para: p, paraEnd: p})
			i = e
		}
	}
	for k := range toks {
		t := &toks[k]
		t.text = body[t.start:t.end]
		if t.kind == tWord {
			t.lower = strings.ToLower(strings.ReplaceAll(t.text, "’", "'"))
		} else if t.kind == tPunct {
			t.lower = t.text
		}
	}
	return toks
}

// wordEnd returns the end of the word starting at i. A word keeps inner
// apostrophes, hyphens, ampersands and full stops ("Clinton’s",
// "al-Assad", "AT&T", "U.S."), and the full stop of a known abbreviation or
// an initial.
func wordEnd(body string, i, limit int) int {
	e := i
	for e < limit {
		r, n := utf8.DecodeRuneInString(body[e:limit])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			e += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '&' || r == '.' || r == ',' {
			nr, _ := utf8.DecodeRuneInString(body[e+n : limit])
			if e+n < limit && (unicode.IsLetter(nr) || unicode.IsDigit(nr)) {
				if r == ',' || (r == '.' && !unicode.IsLetter(nr)) {
					// Only numbers keep commas and points: 1,000 and 3.5.
					pr, _ := utf8.DecodeLastRuneInString(body[i:e])
					if !unicode.IsDigit(pr) || !unicode.IsDigit(nr) {
						break
					}
				}
				e += n
				continue
			}
		}
		break
	}
	if e < limit && body[e] == '.' {
		w := body[i:e]
		lw := strings.ToLower(w)
		first, _ := utf8.DecodeRuneInString(w)
		switch {
		case abbreviations[lw],
			strings.Contains(w, "."), // U.S, a.m
			utf8.RuneCountInString(w) == 1 && unicode.IsUpper(first):
			e++
		}
	}
	return e
}

// sentence is a run of tokens, toks[a:b].
type sentence struct{ a, b int }

// sentences splits the tokens at paragraph breaks and at full stops,
// question and exclamation marks followed by a capital, a digit or a
// quotation. A quotation that ends with its own full stop ends the sentence
// when a capital follows; the attribution rules reattach a bare "Smith
// said." to it.
func sentences(body string, toks []token, spans []span) []sentence {
	var out []sentence
	a := 0
	for i := 1; i <= len(toks); i++ {
		if i == len(toks) {
			out = append(out, sentence{a, i})
			break
		}
		prev, t := toks[i-1], toks[i]
		brk := t.para != prev.paraEnd
		if !brk {
			next := t.kind == tQuote || t.capitalized() || (t.kind == tWord && isDigit(t.text[0]))
			switch {
			case prev.kind == tPunct && (prev.text == "." || prev.text == "!" || prev.text == "?"):
				brk = next || t.kind == tPunct && t.text == "("
			case prev.kind == tPunct && (prev.text == "..." || prev.text == "…"):
				brk = t.capitalized()
			case prev.kind == tQuote:
				brk = next && endsSentence(body, spans[prev.q])
			}
		}
		if brk {
			out = append(out, sentence{a, i})
			a = i
		}
	}
	if len(toks) == 0 {
		return nil
	}
	return out
}

// endsSentence reports whether a quotation ends with a full stop, a question
// or an exclamation mark inside its closing mark.
func endsSentence(body string, s span) bool {
	_, e := s.content()
	txt := strings.TrimRightFunc(body[s.parts[len(s.parts)-1][0]:e], func(r rune) bool {
		return unicode.IsSpace(r) || isQuoteRune(r)
	})
	return strings.HasSuffix(txt, ".") || strings.HasSuffix(txt, "?") || strings.HasSuffix(txt, "!") || strings.HasSuffix(txt, "…")
}
