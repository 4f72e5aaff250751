package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A span is one top-level stretch of quoted text: the outermost pair of
// quotation marks, nested quotes included. A quote that runs over several
// paragraphs has one part per paragraph, because each paragraph reopens it
// with a mark of its own and only the last one closes it.
type span struct {
	// open and close are the byte offsets of the outer marks: body[open:]
	// starts with the opening mark and close is just past the closing one
	// (or the end of the last paragraph for an unclosed quote).
	open, close int
	// parts are the content spans, without marks, one per paragraph.
	parts [][2]int
	// single is set when the outer marks are single quotes, the way
	// headlines and some house styles quote.
	single bool
}

// content returns the first and last content offsets of s.
func (s span) content() (int, int) { return s.parts[0][0], s.parts[len(s.parts)-1][1] }

type markKind uint8

const (
	markDouble markKind = iota + 1
	markSingle
)

// Where a mark may stand: it may open a quote, close one, or either, and
// the pairing decides.
type markRole uint8

const (
	roleOpen markRole = 1 << iota
	roleClose
	roleEither = roleOpen | roleClose
)

type mark struct {
	pos, size int
	kind      markKind
	role      markRole
}

// scanMarks returns the quotation marks of one paragraph, body[start:end],
// in order. Straight marks are read from their neighbours: a mark after a
// space and before a letter opens, one after a letter and before a space
// closes. A single mark between two letters is an apostrophe, as is one
// before a decade ("'90s") or an elision ("'em", "rock 'n' roll").
func scanMarks(body string, start, end int) []mark {
	var out []mark
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(body[i:end])
		switch r {
		case '“', '„', '«':
			out = append(out, mark{i, n, markDouble, roleOpen})
		case '”', '»':
			role := roleClose
			if openSide(body, start, i) && !closeSide(body, i+n, end) {
				role = roleOpen // a closing mark misused to open
			}
			out = append(out, mark{i, n, markDouble, role})
		case '"':
			out = append(out, mark{i, n, markDouble, straightRole(body, start, end, i, n)})
		case '`':
			if i+1 < end && body[i+1] == '`' {
				out = append(out, mark{i, 2, markDouble, roleOpen})
				n = 2
			}
		case '\'':
			run := 1
			for i+run < end && body[i+run] == '\'' {
				run++
			}
			if run >= 2 {
				// Two apostrophes stand for a double mark. In a run of three,
				// the single one is the inner mark: it comes last when the
				// run opens and first when it closes.
				opening := openSide(body, start, i) && !closeSide(body, i+run, end)
				pos := i
				if run%2 == 1 && !opening {
					if m, ok := singleMark(body, start, end, pos, 1); ok {
						out = append(out, m)
					}
					pos++
				}
				for ; pos+1 < i+run; pos += 2 {
					out = append(out, mark{pos, 2, markDouble, straightRole(body, start, end, pos, 2)})
				}
				if pos < i+run {
					if m, ok := singleMark(body, start, end, pos, 1); ok {
						out = append(out, m)
					}
				}
				n = run
				break
			}
			if m, ok := singleMark(body, start, end, i, 1); ok {
				out = append(out, m)
			}
		case '‘', '’':
			if m, ok := singleMark(body, start, end, i, n); ok {
				out = append(out, m)
			}
		}
		i += n
	}
	return out
}

// straightRole reads a straight double mark (or a pair of apostrophes) from
// its neighbours.
func straightRole(body string, start, end, i, n int) markRole {
	before, after := openSide(body, start, i), closeSide(body, i+n, end)
	switch {
	case before && !after:
		return roleOpen
	case after && !before:
		return roleClose
	}
	return roleEither
}

// singleMark classifies a single quotation mark or apostrophe at i; ok is
// false for an apostrophe.
func singleMark(body string, start, end, i, n int) (mark, bool) {
	prev, _ := utf8.DecodeLastRuneInString(body[start:i])
	next, _ := utf8.DecodeRuneInString(body[i+n : end])
	if i == start {
		prev = ' '
	}
	if i+n >= end {
		next = ' '
	}
	letterBefore := unicode.IsLetter(prev) || unicode.IsDigit(prev)
	letterAfter := unicode.IsLetter(next) || unicode.IsDigit(next)
	r, _ := utf8.DecodeRuneInString(body[i:])
	switch {
	case letterBefore && letterAfter:
		return mark{}, false // don't, Clinton’s
	case !letterAfter && !letterBefore && r != '’':
		// Between punctuation: a closing mark after a full stop ('.'), or
		// an opening one before another mark.
		if unicode.IsPunct(prev) && prev != '(' && prev != '[' && !isDash(prev) {
			return mark{i, n, markSingle, roleClose}, true
		}
		if unicode.IsSpace(prev) || i == start || isDash(prev) {
			if isQuoteRune(next) {
				return mark{i, n, markSingle, roleOpen}, true
			}
		}
		return mark{}, false
	case letterAfter:
		if r == '’' && !openSide(body, start, i) {
			return mark{}, false
		}
		if elision(body[i+n : end]) {
			return mark{}, false
		}
		if !openSide(body, start, i) {
			return mark{}, false
		}
		return mark{i, n, markSingle, roleOpen}, true
	default: // letter before, none after
		if r == '‘' {
			return mark{}, false
		}
		return mark{i, n, markSingle, roleClose}, true
	}
}

// elision reports whether the text after an apostrophe is a clipped word
// rather than quoted text: a decade, "em", "n'", "til", "cause", "tis".
func elision(after string) bool {
	if len(after) >= 3 && isDigit(after[0]) && isDigit(after[1]) && (len(after) == 2 || after[2] == 's' || !isLetterByte(after[2])) {
		return true
	}
	for _, w := range []string{"em", "n", "til", "cause", "tis", "twas", "bout", "round"} {
		if len(after) >= len(w) && strings.EqualFold(after[:len(w)], w) {
			rest := after[len(w):]
			if rest == "" {
				return true
			}
			r, _ := utf8.DecodeRuneInString(rest)
			if !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// openSide reports whether the text before i lets a mark open a quote: the
// start of the paragraph, a space, an opening bracket, a dash, or another
// opening mark.
func openSide(body string, start, i int) bool {
	// Straight marks before the mark ("'' or "') take the side of what
	// precedes them; a few are looked through, never a long run.
	for k := 0; k < 3 && i > start && (body[i-1] == '"' || body[i-1] == '\''); k++ {
		i--
	}
	if i <= start {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(body[start:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{/", r) || isDash(r) || r == '“' || r == '‘' || r == '«'
}

// closeSide reports whether the text from i lets a mark close a quote: the
// end of the paragraph, a space, punctuation or another closing mark.
func closeSide(body string, i, end int) bool {
	if i >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(body[i:end])
	return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}/…", r) || isDash(r) || r == '”' || r == '’' || r == '»' || r == '"' || r == '\''
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '―' }

func isQuoteRune(r rune) bool {
	return r == '"' || r == '\'' || r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»' || r == '„'
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isLetterByte(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isSpaceByte(c byte) bool  { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
func isLowerStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// paragraph is a line of the body, body[start:end], trimmed of spaces.
type paragraph struct{ start, end int }

// paragraphs splits the body at line breaks; news bodies put one paragraph
// on a line, and a quote never legitimately runs over a line break without
// reopening.
func paragraphs(body string) []paragraph {
	var out []paragraph
	for i := 0; i < len(body); {
		j := strings.IndexByte(body[i:], '\n')
		if j < 0 {
			j = len(body)
		} else {
			j += i
		}
		s, e := i, j
		for s < e && isSpaceByte(body[s]) {
			s++
		}
		for e > s && isSpaceByte(body[e-1]) {
			e--
		}
		if e > s {
			out = append(out, paragraph{s, e})
		}
		i = j + 1
	}
	return out
}

// findSpans pairs the quotation marks of the body into top-level spans. It
// keeps a stack of open marks per paragraph: a closing double mark closes
// the innermost open double mark, a closing single mark only an open single
// mark on top (otherwise it is an apostrophe, as in "voters’ views"). A
// double quote still open at the end of a paragraph continues into the next
// paragraph if that one opens with a double mark, the convention for a
// quotation of several paragraphs.
func findSpans(body string, paras []paragraph) []span {
	var out []span
	type open struct {
		m     mark
		depth int
	}
	var cont *span // a quote carried over from the previous paragraph
	for pi, p := range paras {
		marks := scanMarks(body, p.start, p.end)
		var stack []mark
		partStart := -1
		if cont != nil {
			// The paragraph reopens the carried quote with its first mark.
			stack = append(stack, mark{pos: p.start, kind: markDouble, role: roleOpen})
			if len(marks) > 0 && marks[0].pos == p.start {
				partStart = p.start + marks[0].size
				marks = marks[1:]
			}
		}
		for _, m := range marks {
			switch m.kind {
			case markDouble:
				top := topDouble(stack)
				closing := m.role == roleClose || (m.role == roleEither && top >= 0)
				if m.role == roleOpen || !closing {
					stack = append(stack, m)
					continue
				}
				if top < 0 {
					continue // stray closing mark
				}
				if top == 0 {
					if cont != nil {
						cont.parts = append(cont.parts, [2]int{partStart, m.pos})
						cont.close = m.pos + m.size
						out = append(out, *cont)
						cont = nil
					} else {
						o := stack[0]
						out = append(out, span{open: o.pos, close: m.pos + m.size, parts: [][2]int{{o.pos + o.size, m.pos}}})
					}
				}
				stack = stack[:top]
			case markSingle:
				if m.role == roleOpen {
					stack = append(stack, m)
					continue
				}
				n := len(stack)
				if n == 0 || stack[n-1].kind != markSingle {
					continue // an apostrophe after all
				}
				o := stack[n-1]
				if n == 1 && cont == nil {
					out = append(out, span{open: o.pos, close: m.pos + m.size, parts: [][2]int{{o.pos + o.size, m.pos}}, single: true})
				}
				stack = stack[:n-1]
			}
		}
		// What is still open at the end of the paragraph.
		if len(stack) == 0 || stack[0].kind != markDouble {
			continue
		}
		o := stack[0]
		next := pi+1 < len(paras) && opensWithDouble(body, paras[pi+1])
		if cont == nil {
			cont = &span{open: o.pos}
			partStart = o.pos + o.size
		}
		cont.parts = append(cont.parts, [2]int{partStart, p.end})
		if next {
			continue
		}
		// Unclosed and not continued: keep it only when it opens the
		// paragraph or follows a colon, where a quote plainly begins;
		// elsewhere the mark is more likely a typo than a quotation.
		if len(cont.parts) > 1 || o.pos == p.start || precededByColon(body, p.start, o.pos) {
			cont.close = p.end
			out = append(out, *cont)
		}
		cont = nil
	}
	return out
}

func topDouble(stack []mark) int {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].kind == markDouble {
			return i
		}
	}
	return -1
}

// opensWithDouble reports whether a paragraph starts with an opening double
// quotation mark.
func opensWithDouble(body string, p paragraph) bool {
	marks := scanMarks(body, p.start, p.end)
	return len(marks) > 0 && marks[0].pos == p.start && marks[0].kind == markDouble && marks[0].role&roleOpen != 0
}

func precededByColon(body string, start, i int) bool {
	s := strings.TrimRight(body[start:i], " \t")
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, ",")
}
