package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// How a quotation came by its frame.
type via uint8

const (
	viaNone     via = iota
	viaAdjacent     // "…," Smith said / Smith said: "…"
	viaSentence     // a cue elsewhere in the quotation's sentence
	viaInherit      // no cue: the speaker of the quotation before or after
)

// titleNouns before a quotation mark it as the name of a work, an event or
// an operation rather than speech.
var titleNouns = set("book", "books", "film", "films", "movie", "movies", "show", "shows", "program", "programme",
	"series", "song", "songs", "album", "novel", "play", "musical", "documentary", "operation", "slogan", "hashtag",
	"titled", "entitled", "nicknamed", "dubbed", "so-called", "headline", "headlined", "column", "essay", "op-ed",
	"article", "episode", "segment", "podcast", "memoir", "exhibit", "exhibition", "painting", "poem", "opera",
	"magazine", "newspaper", "motto", "brand", "label", "codenamed", "code-named", "named", "name", "game",
	"forum", "conference", "initiative", "act", "bill", "law", "plan", "campaign", "tour", "event", "series",
	"speech", "sketch", "skit", "character", "role", "term", "word", "words", "phrase", "tagline", "ad", "video")

// frameOf finds the frame that governs the quotation at toks[qi], in order
// of evidence: a cue right next to it, a cue elsewhere in its sentence,
// then the speaker of a neighbouring quotation.
func (st *state) frameOf(qi int, bySent [][]int, assigned map[int]int, follow bool) (int, via) {
	toks := st.toks
	si := st.sentOf[qi]
	s := st.sents[si]
	usable := func(k int) bool { f := st.frames[k]; return f.hasNP || f.inherit >= 0 }
	// Right next to it, after it: "Q," said Smith / "Q," Smith said.
	j := qi + 1
	if j < s.b && toks[j].kind == tPunct && (toks[j].text == "," || isDashTok(toks[j])) {
		j++
	}
	for _, k := range bySent[si] {
		if st.frames[k].first() == j && usable(k) && !st.frames[k].according {
			return k, viaAdjacent
		}
	}
	// "Q." Smith said. — a bare attribution in the next sentence.
	if j >= s.b && si+1 < len(st.sents) {
		s2 := st.sents[si+1]
		if toks[s2.a].para == toks[qi].paraEnd {
			for _, k := range bySent[si+1] {
				if f := st.frames[k]; f.first() == s2.a && usable(k) && !f.according && st.bare(f, s2) {
					return k, viaAdjacent
				}
			}
		}
	}
	// Before it: the nearest cue to the left.
	best := -1
	for _, k := range bySent[si] {
		f := st.frames[k]
		if f.last() <= qi && usable(k) {
			if f.flags&cueNaming != 0 && (qi-f.ce > 25 || f.sp != nil && !f.sp.person && f.np.kind == npRole && documentNouns[singular(toks[f.np.h].lower)]) {
				continue
			}
			best = k
		}
	}
	if best >= 0 {
		if f := st.frames[best]; f.last() == qi || f.last() == qi-1 && toks[qi-1].kind == tPunct {
			return best, viaAdjacent
		}
		return best, viaSentence
	}
	// After it, not adjacent: "“A” and “B,” Smith said."
	for _, k := range bySent[si] {
		if f := st.frames[k]; f.first() > qi && usable(k) && f.flags&cueNaming == 0 {
			return k, viaSentence
		}
	}
	// No cue in the sentence. The speaker of the sentence before in the
	// paragraph carries on ("…," Clinton said. "He refuses…").
	para := toks[qi].para
	for k := st.framesBefore(si) - 1; k >= 0; k-- {
		f := st.frames[k]
		if f.sent >= si || !usable(k) || f.colon {
			continue
		}
		if toks[f.ci].para != para {
			break
		}
		return k, viaInherit
	}
	// The sentence after, if it opens with a quotation that has a frame of
	// its own ("A." "B," Smith said.).
	if follow && si+1 < len(st.sents) {
		s2 := st.sents[si+1]
		if toks[s2.a].para == toks[qi].paraEnd && toks[s2.a].kind == tQuote && s2.a != qi {
			if k, v := st.frameOf(s2.a, bySent, assigned, false); v == viaAdjacent {
				return k, viaInherit
			}
		}
	}
	// A quotation that opens its paragraph continues the quotation that
	// ended the paragraph before, or follows a cue with a colon there
	// ("Caddell continued:").
	if qi == 0 || toks[qi-1].paraEnd == para {
		return -1, viaNone
	}
	prev := qi - 1
	if toks[prev].kind == tQuote {
		if k, ok := assigned[prev]; ok && k >= 0 {
			return k, viaInherit
		}
	}
	if toks[prev].punct(":") {
		for k := st.framesBefore(st.sentOf[prev]+1) - 1; k >= 0; k-- {
			f := st.frames[k]
			if f.sent != st.sentOf[prev] {
				if f.sent < st.sentOf[prev] {
					break
				}
				continue
			}
			if usable(k) && prev-f.last() <= 6 {
				return k, viaInherit
			}
		}
	}
	return -1, viaNone
}

// framesBefore returns how many frames lie in the sentences before si;
// frames are kept in sentence order.
func (st *state) framesBefore(si int) int {
	return sort.Search(len(st.frames), func(k int) bool { return st.frames[k].sent >= si })
}

func isDashTok(t token) bool {
	return t.kind == tPunct && (t.text == "—" || t.text == "–" || t.text == "--")
}

// bare reports whether the sentence s holds nothing but the frame f and
// adverbials: "Smith said on Thursday."
func (st *state) bare(f frame, s sentence) bool {
	words := 0
	for i := f.last(); i < s.b; i++ {
		t := st.toks[i]
		if t.kind == tQuote || t.is("that") {
			return false
		}
		if t.kind == tWord {
			words++
		}
	}
	return words <= 6
}

// direct lists the quotations that are speech, with their speakers.
func (st *state) direct() []news.Quote {
	toks := st.toks
	bySent := make([][]int, len(st.sents))
	for k, f := range st.frames {
		bySent[f.sent] = append(bySent[f.sent], k)
	}
	assigned := map[int]int{}
	var out []news.Quote
	for qi, t := range toks {
		if t.kind != tQuote {
			continue
		}
		k, v := st.frameOf(qi, bySent, assigned, true)
		sp := st.spans[t.q]
		if !st.isSpeech(qi, sp, k, v) {
			assigned[qi] = -1
			continue
		}
		assigned[qi] = k
		text, start, end := st.quoteText(sp)
		if text == "" {
			continue
		}
		q := news.Quote{Text: text, Direct: true, Start: start, End: end}
		si := st.sentOf[qi]
		if k >= 0 {
			f := st.frames[k]
			q.Cue = f.lemma
			if f.sp != nil {
				q.Speaker, q.SpeakerActor = f.sp.name, f.sp.actor
				q.SpeakerStart, q.SpeakerEnd = f.sp.start, f.sp.end
			}
			if v == viaInherit {
				si = f.sent
			}
			q.Date = st.date(st.sentOf[qi], f.ci, nil)
			if q.Date == st.pubDay() && si != st.sentOf[qi] {
				q.Date = st.date(si, f.ci, nil)
			}
		} else {
			q.Date = st.date(si, qi, nil)
		}
		out = append(out, q)
	}
	return out
}

// isSpeech decides whether the quotation at toks[qi] is speech: not a
// nickname, not a title, and, if only a few words long, framed by a cue in
// its own sentence (otherwise it is a scare quote).
func (st *state) isSpeech(qi int, sp span, k int, v via) bool {
	toks := st.toks
	s := st.sents[st.sentOf[qi]]
	c0, c1 := sp.content()
	content := st.body[c0:c1]
	words := len(strings.Fields(content))
	if words == 0 {
		return false
	}
	own := v == viaAdjacent || v == viaSentence
	// Dwayne "The Rock" Johnson.
	if words <= 3 && qi > s.a && qi+1 < s.b && toks[qi-1].capitalized() && toks[qi+1].capitalized() && !st.lowerish(qi+1, s) {
		return false
	}
	// A headline quotes with single marks, title case or not: "Pat
	// Caddell: It’s ‘in Their Heads’".
	if sp.single && st.headline(toks[qi].para) {
		return true
	}
	framed := v == viaAdjacent && k >= 0 && !st.frames[k].according
	if !framed {
		for i := qi - 1; i >= s.a && i >= qi-3; i-- {
			if t := toks[i]; t.kind == tWord && titleNouns[t.lower] && (words <= 3 || titleLike(content)) {
				return false
			}
			if toks[i].kind != tWord {
				break
			}
		}
		if titleLike(content) {
			return false
		}
	}
	// A few words with no cue are a scare quote, unless they make a
	// sentence of their own ("It's about me.").
	if words <= 3 && !own && !sentenceLike(content) {
		return false
	}
	return true
}

// sentenceLike reports whether quoted words form a sentence: a capital
// first and a full stop, question or exclamation mark last.
func sentenceLike(s string) bool {
	s = strings.TrimSpace(s)
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	s = strings.TrimRightFunc(s, func(r rune) bool { return isQuoteRune(r) || unicode.IsSpace(r) })
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// headline reports whether paragraph p reads as a headline: the first
// paragraph of the body when it is short, or a short paragraph in title
// case.
func (st *state) headline(p int) bool {
	if p >= len(st.paras) {
		return false
	}
	if st.headlines == nil {
		st.headlines = make([]int8, len(st.paras))
	}
	if h := st.headlines[p]; h != 0 {
		return h > 0
	}
	h := st.isHeadline(p)
	st.headlines[p] = -1
	if h {
		st.headlines[p] = 1
	}
	return h
}

func (st *state) isHeadline(p int) bool {
	text := st.body[st.paras[p].start:st.paras[p].end]
	f := strings.Fields(text)
	if len(f) > 25 {
		return false
	}
	if p == 0 {
		return true
	}
	long, caps := 0, 0
	for _, w := range f {
		w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return long >= 3 && caps*10 >= long*8
}

// titleLike reports whether quoted words read as a title or a name: a few
// words, every long one capitalised, no sentence inside ("Fox and
// Friends", "Peace Through Strength").
func titleLike(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".,!?;:")
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 8 {
		return false
	}
	long := 0
	for _, w := range f {
		w = strings.Trim(w, "“”\"'‘’()")
		if len([]rune(w)) < 4 {
			continue
		}
		long++
		r := []rune(w)
		if !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) {
			return false
		}
	}
	if long == 0 {
		return false
	}
	// "I" and "We" start sentences, not titles, when the rest is lower case;
	// a short all-capitalised phrase is a name.
	return !strings.ContainsAny(s, ".!?;")
}

// quoteText returns a quotation's words without the marks and without the
// comma that news style puts inside the closing mark, and their span. The
// text of a quotation over several paragraphs joins its paragraphs with a
// line break, without the mark that reopens each.
func (st *state) quoteText(sp span) (string, int, int) {
	var parts []string
	start, end := -1, -1
	for i, p := range sp.parts {
		a, b := p[0], p[1]
		for a < b && isSpaceByte(st.body[a]) {
			a++
		}
		for b > a && (isSpaceByte(st.body[b-1]) || i == len(sp.parts)-1 && st.body[b-1] == ',') {
			b--
		}
		if a >= b {
			continue
		}
		if start < 0 {
			start = a
		}
		end = b
		parts = append(parts, st.body[a:b])
	}
	if start < 0 {
		return "", 0, 0
	}
	return strings.Join(parts, "\n"), start, end
}

// date returns the date of what was said in sentence si: the resolved date
// expression of the sentence nearest its cue at toks[ci], outside any
// quotation and outside skip (the reported content); else the article's
// publication day; else "".
func (st *state) date(si, ci int, skip *[2]int) string {
	s := st.sents[si]
	a, b := st.toks[s.a].start, st.toks[s.b-1].end
	cue := st.toks[ci].start
	best, dist := "", -1
	for _, d := range st.doc.Dates {
		if d.Start < a || d.End > b || d.Value == "" || d.Precision == news.PrecisionUnresolved {
			continue
		}
		if skip != nil && d.Start >= skip[0] && d.End <= skip[1] {
			continue
		}
		if st.inQuote(s, d.Start) {
			continue
		}
		dd := d.Start - cue
		if dd < 0 {
			dd = cue - d.End
		}
		if dist < 0 || dd < dist {
			best, dist = d.Value, dd
		}
	}
	if best != "" {
		return best
	}
	return st.pubDay()
}

func (st *state) inQuote(s sentence, pos int) bool {
	for i := s.a; i < s.b; i++ {
		if t := st.toks[i]; t.kind == tQuote && pos >= t.start && pos < t.end {
			return true
		}
	}
	return false
}

func (st *state) pubDay() string {
	if st.pub.IsZero() {
		return ""
	}
	return st.pub.Format("2006-01-02")
}
