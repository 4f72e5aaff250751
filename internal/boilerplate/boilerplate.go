// Package boilerplate separates a news article's own text from the page
// chrome that a scraper flattened into the same plain text: navigation,
// bylines, datelines, photo credits, sharing buttons, comment forms and lists
// of other stories' headlines.
//
// The input is expected to hold one block (paragraph, menu item, button
// label) per line, as produced by flattening a page's block elements. Lines
// are removed by their shape (short, no sentence punctuation, UI vocabulary,
// form-field markers, dates only) and by their position (a head before the
// first sentence, a tail of mostly chrome after the last one), never by
// matching whole known strings, so that new sites need no new rules. Every
// rule errs towards keeping text: a real sentence left in the body costs
// less than a lost one, while a sidebar headline left in the body would be
// coded downstream as a false event, so headline lists are removed only as
// runs or after a label that announces them.
package boilerplate

import (
	"strings"
)

// Result is a cleaned article. Every non-blank input line ends up in exactly
// one of Title, Body or Removed (a dateline is removed from its paragraph,
// which stays in Body), so nothing is silently lost.
type Result struct {
	// Title is the first line after leading chrome, when it has the shape of
	// a headline; it is empty when that line reads as article text.
	Title string
	// Author is the names part of the first byline ("By Jane Doe, Reuters"
	// gives "Jane Doe").
	Author string
	// Dateline is the dateline as written ("SEOUL, June 12 (Newsgraph) —"),
	// DatelinePlace and DatelineDate its place and date text ("SEOUL",
	// "June 12"); the date is kept as text because resolving it needs the
	// publication date.
	Dateline      string
	DatelinePlace string
	DatelineDate  string
	// Body is the article text, paragraphs separated by "\n\n".
	Body string
	// Removed lists every string taken out of the text, in order of
	// appearance: whole lines, and the dateline cut from the first paragraph.
	Removed []string
	// RelatedHeadlines are other stories' titles found as a list at the head
	// or tail of the text or after a "Read more"-style label, without the
	// label and without list bullets.
	RelatedHeadlines []string
}

// line is one logical input line with what the passes decided about it.
type line struct {
	text     string
	kind     kind
	words    int
	author   string // names from a byline
	relText  string // headline text of an inline "Read more: ..." line
	dateline bool   // the line opens with a dateline

	removed bool
	related bool
}

// cleaner holds the state of one Clean call.
type cleaner struct {
	lines []line
	title int // index of the title line, or -1
	first int // index of the first body line, where a dateline may stand
	res   Result
}

// Clean splits text into title, metadata, body and removed chrome. It never
// fails: text that is all chrome yields an empty Body.
func Clean(text string) Result { return CleanWith(text, Options{}) }

// Options add what the text's source knows about its lines.
type Options struct {
	// IsLink reports whether a line is the whole text of a link on the
	// page the text was taken from. When it is set, only linked lines can
	// form an unlabelled list of other stories' headlines: a page links
	// the headlines it lists, while the article's own short lines
	// (ingredients, specifications, bullet points) are plain text.
	IsLink func(line string) bool
}

// CleanWith is Clean with what the source knows about the text.
func CleanWith(text string, opts Options) Result {
	c := &cleaner{title: -1}
	c.lines = splitLines(text)
	for i := range c.lines {
		l := &c.lines[i]
		classify(l)
		if l.kind == kHeadline && opts.IsLink != nil && !opts.IsLink(stripBullet(l.text)) {
			l.kind = kText
		}
	}
	c.first = c.head()
	c.tail(c.first)
	c.middle()
	c.build()
	return c.res
}

// splitLines returns the non-blank lines of text, trimmed. A line of at
// least wrapWidth bytes that does not end a sentence and is followed,
// without a blank line, by one starting in lower case is part of a
// hard-wrapped paragraph and is joined to it with "\n", so that the wrap is
// not mistaken for a short headline-like line. Shorter lines are never
// joined: lower-cased menus ("home", "world") are not wrapped prose.
func splitLines(text string) []line {
	const wrapWidth = 40
	text = strings.TrimPrefix(text, "\ufeff")
	var parts [][]string // physical lines of each logical line
	joinable := false    // the previous physical line may continue
	for raw := range strings.SplitSeq(text, "\n") {
		s := strings.TrimSpace(raw)
		if s == "" {
			joinable = false
			continue
		}
		if joinable && startsLower(s) {
			parts[len(parts)-1] = append(parts[len(parts)-1], s)
		} else {
			parts = append(parts, []string{s})
		}
		joinable = len(s) >= wrapWidth && !endsSentence(s) && !strings.HasSuffix(s, ":")
	}
	out := make([]line, len(parts))
	for i, p := range parts {
		out[i].text = strings.Join(p, "\n")
	}
	return out
}

// zoneEnd returns the index of the first line that reads as article text:
// a sentence, a long unpunctuated paragraph, or a paragraph opening with a
// dateline. Everything before it is the head, where titles, bylines and
// leading lists live.
func (c *cleaner) zoneEnd() int {
	for i, l := range c.lines {
		if l.dateline || isBodyText(l) {
			return i
		}
	}
	return len(c.lines)
}

// head handles the lines before the first sentence: leading headline lists,
// the title, and the chrome around them. It returns the index of the first
// body line, after which a chrome tail may start.
func (c *cleaner) head() int {
	z := c.zoneEnd()
	i := 0
	for i < z {
		l := &c.lines[i]
		switch l.kind {
		case kLabel:
			l.removed = true
			items, after := c.listItems(i+1, z, true)
			c.leadingList(items, after, 1)
			i = after
		case kHeadline:
			items, after := c.listItems(i, z, false)
			if len(items) >= minRun {
				c.leadingList(items, after, minRun)
			}
			i = max(after, i+1)
		default:
			i++
		}
	}
	// A role line under a byline ("Asia correspondent, Tokyo") belongs to it.
	for i := 0; i+1 < z; i++ {
		if next := &c.lines[i+1]; c.lines[i].kind == kByline && !chromeKind(next.kind) && roleLine(next.text) {
			next.removed = true
		}
	}
	// The title is the first line left in the head, if it has a title's shape.
	for i := 0; i < z; i++ {
		l := &c.lines[i]
		if l.removed || chromeKind(l.kind) {
			continue
		}
		if l.kind == kText && l.words == 1 {
			l.removed = true // a section kicker ("World") above the title
			continue
		}
		if titleLike(l.text) {
			c.title = i
		}
		break
	}
	return z
}

// leadingList decides what a list of headline-like lines at the head of the
// text is. When a byline or date follows the list directly, its last item is
// this article's title; the items before it are other stories (related when
// there are at least minRelated of them, else removed as kickers).
// Otherwise the whole list is other stories. A date counts only when the
// list has none between its items, where it would be the last item's own.
func (c *cleaner) leadingList(items []int, after, minRelated int) {
	if len(items) == 0 {
		return
	}
	dated := items[len(items)-1]-items[0]+1 != len(items)
	if after < len(c.lines) {
		if k := c.lines[after].kind; k == kByline || k == kMeta && !dated {
			items = items[:len(items)-1]
		}
	}
	for _, j := range items {
		c.lines[j].removed = true
		c.lines[j].related = len(items) >= minRelated
	}
}

// listItems collects the headline-like lines from index from up to limit,
// stepping over date and read-time lines that sites print under each item.
// loose admits question and exclamation headlines and bullets, which are
// safe only after a label announced a list. It returns the items and the
// index just after the last one (from when there are none).
func (c *cleaner) listItems(from, limit int, loose bool) (items []int, after int) {
	after = from
	for j := from; j < limit; j++ {
		l := c.lines[j]
		if l.kind == kMeta {
			continue
		}
		if l.kind != kHeadline && !(loose && (l.kind == kText || l.kind == kSentence) && headlineLike(l.text, true)) {
			break
		}
		items = append(items, j)
		after = j + 1
	}
	return items, after
}

// tail finds where a trailing block of chrome begins and removes everything
// from there. A tail may start at any chrome line, or at a run of at least
// minRun headline-like lines, after the first body line fb. It must contain
// no sentence, unless a comment-section opener precedes every sentence in
// it (readers' comments are chrome however well written) and the tail is at
// least half chrome with several chrome lines, as comment sections are.
func (c *cleaner) tail(fb int) {
	n := len(c.lines)
	runStart := c.runStarts()
	cut := n
	total, nonSentence, chrome := 0, 0, 0
	sawSentence, openerFirst := false, false
	for p := n - 1; p > fb; p-- {
		l := c.lines[p]
		total++
		if isBodyText(l) {
			sawSentence, openerFirst = true, false
		} else {
			nonSentence++
		}
		if chromeKind(l.kind) {
			chrome++
		}
		if l.kind == kOpener {
			openerFirst = true
		}
		if !chromeKind(l.kind) && !runStart[p] {
			continue
		}
		if !sawSentence || (openerFirst && 2*nonSentence >= total && chrome >= 3) {
			cut = p
		}
	}
	if cut == n {
		return
	}
	// Headline-like lines and tags ("North Korea") between the last
	// sentence and the chrome belong to the chrome. A cut-off sentence
	// ("The ministry said talks would resume,") stays, for the quality
	// check to see.
	for cut-1 > fb {
		l := c.lines[cut-1]
		tag := l.kind == kText && l.words <= 3 && !strings.ContainsAny(l.text[len(l.text)-1:], ",;")
		if l.dateline || l.kind != kHeadline && !tag {
			break
		}
		cut--
	}
	for i := cut; i < n; i++ {
		c.lines[i].removed = true
	}
	c.markRelated(cut, n)
}

// runStarts marks the first line of every run of at least minRun
// headline-like lines (dates between them allowed).
func (c *cleaner) runStarts() []bool {
	starts := make([]bool, len(c.lines))
	for i := 0; i < len(c.lines); {
		if c.lines[i].kind != kHeadline {
			i++
			continue
		}
		items, after := c.listItems(i, len(c.lines), false)
		if len(items) >= minRun {
			starts[i] = true
		}
		i = after
	}
	return starts
}

// markRelated marks, within removed lines [from, to), the headlines of other
// stories: items after a label, unlabelled runs of at least minRun, and
// inline "Read more: ..." lines.
func (c *cleaner) markRelated(from, to int) {
	for i := from; i < to; {
		l := &c.lines[i]
		switch l.kind {
		case kLabel:
			items, after := c.listItems(i+1, to, true)
			for _, j := range items {
				c.lines[j].related = true
			}
			i = max(after, i+1)
		case kHeadline:
			items, after := c.listItems(i, to, false)
			if len(items) >= minRun {
				for _, j := range items {
					c.lines[j].related = true
				}
			}
			i = max(after, i+1)
		case kInlineRelated:
			l.related = true
			i++
		default:
			i++
		}
	}
}

// middle removes chrome that stands alone anywhere in the text: bylines,
// dates, captions, buttons, advertisement markers, and "Read more" lists.
func (c *cleaner) middle() {
	for i := 0; i < len(c.lines); i++ {
		l := &c.lines[i]
		if l.removed || i == c.title {
			continue
		}
		switch l.kind {
		case kLabel:
			l.removed = true
			items, after := c.listItems(i+1, len(c.lines), true)
			for _, j := range items {
				if j != c.title {
					c.lines[j].removed, c.lines[j].related = true, true
				}
			}
			i = max(after, i+1) - 1
		case kInlineRelated:
			l.removed, l.related = true, true
		case kByline, kMeta, kChrome, kOpener:
			l.removed = true
		}
	}
}

// build assembles the Result from the decisions: title, author, the
// dateline of the first body line (a deck above it may already be a
// paragraph), body paragraphs, and the removed and
// related lists in input order.
func (c *cleaner) build() {
	r := &c.res
	var paras []string
	for i, l := range c.lines {
		if i == c.title {
			r.Title = l.text
			continue
		}
		if l.removed {
			r.Removed = append(r.Removed, l.text)
			if l.kind == kByline && r.Author == "" {
				r.Author = l.author
			}
			if l.related {
				h := l.relText
				if h == "" {
					h = stripBullet(l.text)
				}
				r.RelatedHeadlines = append(r.RelatedHeadlines, h)
			}
			continue
		}
		text := l.text
		if i == c.first && l.dateline {
			if d, ok := parseDateline(text); ok {
				r.Dateline, r.DatelinePlace, r.DatelineDate = d.text, d.place, d.date
				r.Removed = append(r.Removed, d.text)
				text = d.rest
				if text == "" {
					continue
				}
			}
		}
		paras = append(paras, text)
	}
	r.Body = strings.Join(paras, "\n\n")
}
