package web

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// A mark is one annotation to draw over the text: an element opened at the
// byte offset start and closed at end. The tags are built here from escaped
// values only; the text between them is escaped as it is written.
type mark struct {
	start, end int
	// rank orders marks that start together: the lower rank is the outer
	// element when both end together too.
	rank int
	// open is the opening tag the first time the mark is opened; reopen the
	// tag used when the mark has to be closed and opened again around an
	// element it overlaps (it carries no id, which must stay unique).
	open, reopen, close string
	// link marks an element that is a link, which must not contain another.
	link bool
}

// Mark ranks: evidence sentences outside quotes outside names and dates.
const (
	rankEvent = iota
	rankQuote
	rankEntity
	rankDate
)

// highlight returns text as HTML paragraphs with marks drawn over it.
// Paragraphs are separated by blank lines in the text. Marks may overlap
// in any way: where one crosses another's end, or a paragraph break, it is
// closed and opened again, so that the HTML stays well nested. Marks whose
// offsets are outside the text or inside a UTF-8 sequence are dropped, since
// they would cut a character in two; so is a link that overlaps a link.
func highlight(text string, marks []mark) template.HTML {
	marks = validMarks(text, marks)

	// Cut points: every mark's ends and every paragraph break's ends.
	cuts := []int{0, len(text)}
	breaks := paragraphBreaks(text)
	for _, b := range breaks {
		cuts = append(cuts, b[0], b[1])
	}
	for _, m := range marks {
		cuts = append(cuts, m.start, m.end)
	}
	sort.Ints(cuts)

	starting := map[int][]int{} // offset → indexes of marks that start there
	for i, m := range marks {
		starting[m.start] = append(starting[m.start], i)
	}
	isBreak := map[int]int{} // break start → break end
	for _, b := range breaks {
		isBreak[b[0]] = b[1]
	}

	var out strings.Builder
	out.Grow(len(text) + len(text)/4 + 64*len(marks))
	var stack []int // open marks, outermost first
	opened := make([]bool, len(marks))
	openMark := func(i int) {
		if opened[i] {
			out.WriteString(marks[i].reopen)
		} else {
			out.WriteString(marks[i].open)
			opened[i] = true
		}
		stack = append(stack, i)
	}
	closeAll := func() []int {
		was := append([]int(nil), stack...)
		for k := len(stack) - 1; k >= 0; k-- {
			out.WriteString(marks[stack[k]].close)
		}
		stack = stack[:0]
		return was
	}

	out.WriteString("<p>")
	empty := true    // the current paragraph has no text yet
	pending := false // a paragraph break is to be written before more text
	prev := -1
	for _, at := range cuts {
		if at == prev || at >= len(text) && prev >= len(text) {
			continue
		}
		prev = at
		// Close the marks that end here, and reopen those that were opened
		// inside the outermost of them but go on.
		for k, i := range stack {
			if marks[i].end > at {
				continue
			}
			above := append([]int(nil), stack[k:]...)
			for j := len(stack) - 1; j >= k; j-- {
				out.WriteString(marks[stack[j]].close)
			}
			stack = stack[:k]
			for _, i := range above {
				if marks[i].end > at {
					openMark(i)
				}
			}
			break
		}
		if at >= len(text) {
			break
		}
		next := len(text)
		for _, c := range cuts {
			if c > at {
				next = c
				break
			}
		}
		if end, ok := isBreak[at]; ok && end == next {
			pending = pending || !empty
			continue
		}
		if pending {
			was := closeAll()
			out.WriteString("</p>\n<p>")
			for _, i := range was {
				openMark(i)
			}
			pending = false
		}
		// Open the marks that start here, longest (then lowest rank) outside.
		news := starting[at]
		sort.SliceStable(news, func(a, b int) bool {
			ma, mb := marks[news[a]], marks[news[b]]
			if ma.end != mb.end {
				return ma.end > mb.end
			}
			return ma.rank < mb.rank
		})
		for _, i := range news {
			openMark(i)
		}
		out.WriteString(template.HTMLEscapeString(text[at:next]))
		empty = false
	}
	closeAll()
	out.WriteString("</p>")
	return template.HTML(out.String())
}

// validMarks drops marks that cannot be drawn: empty, out of range, cutting
// a UTF-8 sequence, or a link overlapping an earlier link (a link inside a
// link is not valid HTML).
func validMarks(text string, marks []mark) []mark {
	var out []mark
	var links [][2]int
	for _, m := range marks {
		if !drawable(text, m.start, m.end) {
			continue
		}
		if m.link {
			overlaps := false
			for _, l := range links {
				if m.start < l[1] && l[0] < m.end {
					overlaps = true
					break
				}
			}
			if overlaps {
				continue
			}
			links = append(links, [2]int{m.start, m.end})
		}
		out = append(out, m)
	}
	return out
}

// drawable reports whether [start, end) is a non-empty span of text that
// starts and ends on character boundaries.
func drawable(text string, start, end int) bool {
	boundary := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
	return start >= 0 && end <= len(text) && start < end && boundary(start) && boundary(end)
}

// paragraphBreaks returns the [start, end) byte ranges of the whitespace
// runs that hold at least two line breaks: the blank lines between
// paragraphs.
func paragraphBreaks(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		if !isSpace(text[i]) {
			i++
			continue
		}
		j, lines := i, 0
		for j < len(text) && isSpace(text[j]) {
			if text[j] == '\n' {
				lines++
			}
			j++
		}
		if lines >= 2 {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// cssToken reduces s to lower-case letters, digits and hyphens, for use in a
// class name.
func cssToken(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// attr escapes a value for an attribute in double quotes.
func attr(s string) string { return template.HTMLEscapeString(s) }

// bodyMarks returns the marks for an article body: the evidence of every
// event, the quotes, the entity names (linked to their pages) and the dates.
func bodyMarks(doc *news.Document) []mark {
	var marks []mark
	for i, e := range doc.Events {
		if e.Headline {
			continue
		}
		marks = append(marks, eventMark(i, e))
	}
	for i, q := range doc.Quotes {
		label := "Quote"
		if q.Speaker != "" {
			label = "Quote by " + q.Speaker
		}
		cls := "qt"
		if !q.Direct {
			cls += " reported"
		}
		marks = append(marks, mark{start: q.Start, end: q.End, rank: rankQuote,
			open:   fmt.Sprintf(`<span class="%s" id="quote-%d" title="%s">`, cls, i, attr(label)),
			reopen: fmt.Sprintf(`<span class="%s" title="%s">`, cls, attr(label)),
			close:  `</span>`})
	}
	for i, e := range doc.Entities {
		cls := "ent ent-" + cssToken(e.Type)
		if e.Ref >= 0 && e.Ref < i {
			// A pronoun or role noun resolved to an earlier name.
			cls += " coref"
		}
		tip := strings.TrimSpace(typeLabel(e.Type) + " · " + e.Canonical)
		if e.Actor != "" {
			tip += " · " + e.Actor
		}
		if e.Canonical == "" {
			tag := fmt.Sprintf(`<span class="%s" title="%s">`, cls, attr(tip))
			marks = append(marks, mark{start: e.Start, end: e.End, rank: rankEntity, open: tag, reopen: tag, close: `</span>`})
			continue
		}
		tag := fmt.Sprintf(`<a class="%s" href="%s" title="%s">`, cls, attr(entityHref(e.Canonical)), attr(tip))
		marks = append(marks, mark{start: e.Start, end: e.End, rank: rankEntity, open: tag, reopen: tag, close: `</a>`, link: true})
	}
	for _, d := range doc.Dates {
		tip := d.Value
		if tip == "" {
			tip = "unresolved"
		}
		dt := ""
		if d.Precision == news.PrecisionDay || d.Precision == news.PrecisionMonth || d.Precision == news.PrecisionYear {
			dt = fmt.Sprintf(` datetime="%s"`, attr(d.Value))
		}
		tag := fmt.Sprintf(`<time class="dt"%s title="%s">`, dt, attr("Date: "+tip))
		marks = append(marks, mark{start: d.Start, end: d.End, rank: rankDate, open: tag, reopen: tag, close: `</time>`})
	}
	return marks
}

// titleMarks returns the marks for the events coded from the headline.
func titleMarks(doc *news.Document) []mark {
	var marks []mark
	for i, e := range doc.Events {
		if e.Headline {
			marks = append(marks, eventMark(i, e))
		}
	}
	return marks
}

// eventMark draws an event's evidence, with the id that evidence links
// (/articles/ID#event-N) point at.
func eventMark(i int, e news.Event) mark {
	cls := fmt.Sprintf("ev q%d", e.QuadClass)
	if !e.Factual() {
		cls += " nonfactual"
	}
	tip := fmt.Sprintf("Event %d: %s → %s, CAMEO %s %s (%s)", i+1, actorList(e.Source), actorList(e.Target), e.CAMEO, cameoName(e.CAMEO), quadName(e.QuadClass))
	if e.Negated {
		tip += ", negated"
	}
	if e.Hypothetical {
		tip += ", hypothetical"
	}
	return mark{start: e.EvidenceStart, end: e.EvidenceEnd, rank: rankEvent,
		open:   fmt.Sprintf(`<mark class="%s" id="event-%d" title="%s">`, cls, i, attr(tip)),
		reopen: fmt.Sprintf(`<mark class="%s" title="%s">`, cls, attr(tip)),
		close:  `</mark>`}
}

func actorList(codes []string) string {
	if len(codes) == 0 {
		return "—"
	}
	return strings.Join(codes, "+")
}

// typeLabel names an entity type for readers.
func typeLabel(t string) string {
	switch t {
	case news.Person:
		return "Person"
	case news.Organization:
		return "Organisation"
	case news.Location:
		return "Place"
	}
	return t
}
