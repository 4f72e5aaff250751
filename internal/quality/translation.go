package quality

import (
	"fmt"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sign is one piece of evidence that text was machine-translated or run
// through an article spinner.
type sign struct {
	kind     string // name, dangling, quote, gender
	strong   bool   // sufficient on its own
	evidence string
}

// maxPerKind caps the evidence quoted for one kind of sign.
const maxPerKind = 3

// flagTranslation decides the machine-translation flag: one strong sign, or
// signs of two different kinds. A single kind of weak sign is what careless
// but human editing produces (one stray typo, one odd quote), and flagging
// it would mark clean articles.
func flagTranslation(signs []sign) bool {
	kinds := map[string]bool{}
	for _, s := range signs {
		if s.strong {
			return true
		}
		kinds[s.kind] = true
	}
	return len(kinds) >= 2
}

// translationSigns collects every sign in the body, at most maxPerKind of
// each kind.
func translationSigns(in Input) []sign {
	var out []sign
	for _, found := range [][]sign{
		strayNameSigns(in.Body, in.KnownNames),
		danglingSigns(in.Body),
		quoteSigns(in.Body),
		genderSigns(in.Body),
	} {
		out = append(out, found[:min(len(found), maxPerKind)]...)
	}
	return out
}

// ---- names with a stray word ----

// token is one word of a paragraph with what surrounds it.
type token struct {
	core        string // the word without surrounding punctuation
	start       int    // byte offset of the field in the body
	breakBefore bool   // punctuation or a paragraph start precedes it
	breakAfter  bool   // punctuation follows it
	sentStart   bool   // it opens a sentence, so its capital proves nothing
}

// tokenize splits body into tokens, marking the punctuation that separates
// them so that "Trump, Nut" is never read as one name.
func tokenize(body string) []token {
	var toks []token
	pos := 0
	for para := range strings.SplitSeq(body, "\n") {
		first, sentStart := true, true
		for f, off := range fieldsWithOffsets(para) {
			core := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			lead := strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) > 0
			trail := !strings.HasSuffix(f, core)
			for _, poss := range []string{"'s", "’s"} {
				if strings.HasSuffix(core, poss) {
					core, trail = strings.TrimSuffix(core, poss), true
				}
			}
			toks = append(toks, token{core: core, start: pos + off, breakBefore: first || lead, breakAfter: trail, sentStart: sentStart})
			first = false
			last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(f, "\"”’')"))
			sentStart = last == '.' || last == '!' || last == '?'
		}
		pos += len(para) + 1
	}
	return toks
}

// fieldsWithOffsets yields the whitespace-separated fields of s with their
// byte offsets.
func fieldsWithOffsets(s string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		start := -1
		for i, r := range s {
			if unicode.IsSpace(r) {
				if start >= 0 && !yield(s[start:i], start) {
					return
				}
				start = -1
			} else if start < 0 {
				start = i
			}
		}
		if start >= 0 {
			yield(s[start:], start)
		}
	}
}

// nameStops are capitalised words that are not parts of a personal name:
// sentence-initial function words, titles and honorifics (so that
// "President Joe Biden" and "President Biden" yield the name "Joe Biden"
// and "Biden", not a stray "Joe"), and name suffixes.
var nameStops = wordSet(`
the a an and but or if in on at of to for from by with as after before when
while this that these those it he she we they i his her their our its my
your there here then also not no yes so yet
president vice prime minister secretary chancellor premier king queen
prince princess pope general gen sen senator rep representative gov
governor mayor judge justice chairman chairwoman chair leader speaker
ambassador envoy spokesman spokeswoman spokesperson director chief
commissioner deputy foreign defence defense interior finance trade health
mr mrs ms miss dr prof professor rev sir dame lord lady sheikh emir crown
supreme colonel col lt capt sgt maj major adm admiral marshal commander
officer sergeant captain lieutenant coach manager ceo founder bishop
cardinal ayatollah imam rabbi saint st former late then acting first
jr sr ii iii iv
january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday
`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// nameWord reports a token that can be part of a personal name.
func nameWord(t token) bool {
	r, _ := utf8.DecodeRuneInString(t.core)
	return unicode.IsUpper(r) && !nameStops[strings.ToLower(t.core)]
}

// nameRuns returns the maximal runs of adjacent name words.
func nameRuns(toks []token) [][]token {
	var runs [][]token
	var cur []token
	flush := func() {
		if len(cur) > 0 {
			runs = append(runs, cur)
		}
		cur = nil
	}
	for i, t := range toks {
		if !nameWord(t) {
			flush()
			continue
		}
		if len(cur) > 0 && (t.breakBefore || toks[i-1].breakAfter) {
			flush()
		}
		cur = append(cur, t)
		if t.breakAfter {
			flush()
		}
	}
	flush()
	return runs
}

// strayNameSigns finds a name written with a stray word inside it: a
// three-word run A B C where "A C" is a name on its own elsewhere in the
// text (a run of exactly two words, so "Kim Jong Un" does not make "Kim Yo
// Jong" suspect) or in known. It is strong when "A C" was already used
// before, or C already named someone, since news style gives a full name
// with its middle name at first mention and the short form after; a middle
// word appearing later is what spinners and bad translation produce.
func strayNameSigns(body string, known []string) []sign {
	toks := tokenize(body)
	runs := nameRuns(toks)
	knownSet := map[string]bool{}
	for _, k := range known {
		knownSet[strings.ToLower(strings.Join(strings.Fields(k), " "))] = true
	}
	firstPair := map[string]int{} // "a c" -> offset of its first use
	firstWord := map[string]int{} // name word -> offset of its first use
	for _, r := range runs {
		for _, t := range r {
			if _, ok := firstWord[t.core]; !ok {
				firstWord[t.core] = t.start
			}
		}
		// A two-word name, also after a capitalised sentence opener:
		// "Later Hillary Clinton took questions."
		p := r
		if len(p) == 3 && p[0].sentStart {
			p = p[1:]
		}
		if len(p) == 2 {
			k := strings.ToLower(p[0].core + " " + p[1].core)
			if _, ok := firstPair[k]; !ok {
				firstPair[k] = p[0].start
			}
		}
	}
	// A three-word name written the same way more than once is the
	// writer's spelling ("Kim Hak Song" twice), not a stray word: glitches
	// do not repeat themselves.
	triples := map[string]int{}
	for _, r := range runs {
		for k := 0; k+3 <= len(r); k++ {
			triples[strings.ToLower(r[k].core+" "+r[k+1].core+" "+r[k+2].core)]++
		}
	}
	var out []sign
	for _, r := range runs {
		for k := 0; k+3 <= len(r); k++ {
			if triples[strings.ToLower(r[k].core+" "+r[k+1].core+" "+r[k+2].core)] > 1 {
				continue
			}
			if s, ok := strayName(r[k], r[k+1], r[k+2], firstPair, firstWord, knownSet); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// strayName judges one three-word window A B C of a name run; firstPair
// and firstWord give the offsets of each two-word name and each name word's
// first use.
func strayName(a, b, c token, firstPair, firstWord map[string]int, knownSet map[string]bool) (sign, bool) {
	if utf8.RuneCountInString(b.core) < 2 { // an initial: "George W Bush"
		return sign{}, false
	}
	full := a.core + " " + b.core + " " + c.core
	if knownSet[strings.ToLower(full)] {
		return sign{}, false
	}
	pair := a.core + " " + c.core
	key := strings.ToLower(pair)
	at, inText := firstPair[key]
	switch {
	case inText && at < a.start:
		return sign{"name", true, fmt.Sprintf("stray word in name %q (%q appears earlier)", full, pair)}, true
	case knownSet[key]:
		strong := firstWord[c.core] < a.start
		return sign{"name", strong, fmt.Sprintf("stray word in name %q (known name %q)", full, pair)}, true
	case inText:
		return sign{"name", false, fmt.Sprintf("stray word in name %q (%q appears later)", full, pair)}, true
	}
	return sign{}, false
}

// ---- sentences that stop mid-thought ----

// danglers are words that cannot end a sentence: articles, conjunctions,
// possessive determiners. Prepositions are left out on purpose: "what he
// was accused of." and "they wanted to." are good English.
var danglers = wordSet(`the a an and or but nor than its their our your my whose`)

// danglingSigns finds sentences ending on a dangler ("... a bond with the.").
// The word must be lower case, so "vitamin A." passes, and the period must
// end the sentence, so "a.m." passes.
func danglingSigns(body string) []sign {
	var out []sign
	for i := 0; i < len(body); i++ {
		if body[i] != '.' || i+1 < len(body) && !unicode.IsSpace(rune(body[i+1])) {
			continue
		}
		j := i
		for j > 0 && body[j-1] >= 'a' && body[j-1] <= 'z' {
			j--
		}
		if j == i || j > 0 && !unicode.IsSpace(rune(body[j-1])) || !danglers[body[j:i]] {
			continue
		}
		out = append(out, sign{"dangling", false,
			fmt.Sprintf("sentence ends with %q: %q", body[j:i], lastWords(lineBefore(body, i+1), 6))})
	}
	return out
}

// lineBefore returns the text of body's line up to end.
func lineBefore(body string, end int) string {
	s := body[:end]
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// ---- misplaced quotation marks ----

// speechVerbs attribute quotes.
var speechVerbs = wordSet(`said says say told tells added adds asked asks
wrote writes stated states according insisted insists warned warns
explained explains noted notes declared declares replied replies
continued continues argued argues shouted shouts`)

// quoteSigns finds paragraphs whose quotation marks do not pair up, and
// full-sentence quotes closed in the middle of their sentence.
func quoteSigns(body string) []sign {
	paras := paragraphs(body)
	var out []sign
	for i, p := range paras {
		next := ""
		if i+1 < len(paras) {
			next = paras[i+1]
		}
		if unbalanced(p, next) {
			out = append(out, sign{"quote", false, fmt.Sprintf("unbalanced quotation marks in %q", clip(p, 70))})
			continue
		}
		for _, q := range quotedSpans(p) {
			if misplaced(p, q) {
				out = append(out, sign{"quote", false,
					fmt.Sprintf("quote closed mid-sentence: %q", clip(p[q.open:], 90))})
			}
		}
	}
	return out
}

// paragraphs splits body at blank lines.
func paragraphs(body string) []string {
	var out []string
	for p := range strings.SplitSeq(body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// unbalanced reports quotation marks that do not pair up within p. A
// quote running over several paragraphs is written with an opening mark at
// each paragraph and a closing mark only at its end, so a paragraph that
// opens with an unclosed quote is balanced when next opens with one too.
func unbalanced(p, next string) bool {
	opens, closes := strings.Count(p, "“"), strings.Count(p, "”")
	if opens != closes {
		return !(opens == closes+1 && strings.HasPrefix(p, "“") && strings.HasPrefix(next, "“"))
	}
	if n := strings.Count(p, `"`); n%2 == 1 {
		return !(strings.HasPrefix(p, `"`) && strings.HasPrefix(next, `"`))
	}
	return false
}

// span is a quotation: the byte offsets of its opening and closing marks
// and of the text after the closing mark.
type span struct{ open, inner, close, after int }

// quotedSpans pairs the quotation marks of a balanced paragraph.
func quotedSpans(p string) []span {
	var out []span
	open := -1
	for i, r := range p {
		switch {
		case r == '“' || r == '"' && open < 0:
			open = i
		case (r == '”' || r == '"') && open >= 0:
			_, w := utf8.DecodeRuneInString(p[open:])
			out = append(out, span{open, open + w, i, i + utf8.RuneLen(r)})
			open = -1
		}
	}
	return out
}

// misplaced reports a quote of a full sentence (it opens a sentence, starts
// with a capital and runs six words or more) whose closing mark has no
// punctuation before it and a lower-case word after it that is not an
// attribution: “We will not back down from” the demands ... The short
// phrases journalists quote inside their own sentences (the “peace deal”
// was signed) are not full sentences and pass.
func misplaced(p string, q span) bool {
	before := strings.TrimRight(p[:q.open], " ")
	if before != "" {
		r, _ := utf8.DecodeLastRuneInString(before)
		if r != '.' && r != '!' && r != '?' && r != ':' {
			return false
		}
	}
	inner := p[q.inner:q.close]
	if len(strings.Fields(inner)) < 6 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(inner); !unicode.IsUpper(r) {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(inner); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	after := p[q.after:min(len(p), q.after+80)] // the next few words are enough
	if !strings.HasPrefix(after, " ") {
		return false
	}
	ws := strings.Fields(after)
	if len(ws) == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(ws[0]); !unicode.IsLower(r) {
		return false
	}
	for _, w := range ws[:min(len(ws), 3)] {
		if speechVerbs[normWord(w)] {
			return false
		}
	}
	return true
}

// clip shortens s to about n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + "…"
}

// normWord lower-cases w and strips the punctuation around it.
func normWord(w string) string {
	return strings.ToLower(strings.TrimFunc(w, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}))
}

// ---- gender mismatch ----

// femaleRoles are words that make the person they name a woman.
var femaleRoles = wordSet(`spokeswoman chairwoman congresswoman councilwoman
businesswoman stateswoman policewoman anchorwoman sportswoman actress
ms mrs madam madame queen princess duchess countess baroness empress`)

// femaleNames are common women's first names in international news. The
// list is short on purpose: a name that is also a man's somewhere (Jean,
// Andrea, Kim) would make the check fire on clean text.
var femaleNames = wordSet(`mary anna maria sarah jennifer jen elizabeth
angela hillary kamala nancy theresa ursula christine susan linda karen lisa
emily emma olivia laura julia catherine katherine kate margaret helen
michelle melania ivanka liz annalena giorgia sanna kaja marine jacinda
kristalina nikki karine condoleezza madeleine samantha janet gina kristi
tulsi elise rachel rebecca jessica amanda claudia dilma cristina yulia
svetlana ingrid greta malala benazir indira mette roberta frances karin
hanna hannah eleni priya ana mira`)

// otherPeople are words for someone else the pronoun could point to; any
// of them between the woman and "he said" makes the reference ambiguous.
var otherPeople = wordSet(`he him his himself spokesman chairman man men
husband son father brother boy king prince president minister leader
official officials officer chief secretary envoy ambassador mr lawyer
commander general governor mayor director manager source colleague deputy
counterpart premier chancellor partner friend neighbour neighbor witness
driver owner police`)

// maleAttribution are the verbs of "he said", "he added".
var maleAttribution = wordSet(`said says added adds told tells explained
warned noted insisted stressed`)

// findHeSaid returns the offsets of the first "he said" (or "He added",
// ...) in s.
func findHeSaid(s string) (start, end int, ok bool) {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], "e ")
		if i < 0 {
			return 0, 0, false
		}
		i += off
		off = i + 2
		if i == 0 || s[i-1] != 'h' && s[i-1] != 'H' || i >= 2 && isLetter(s[i-2]) {
			continue
		}
		j := off
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		if maleAttribution[s[off:j]] {
			return i - 1, j, true
		}
	}
	return 0, 0, false
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// genderSigns finds a woman named or described as such and, within that
// sentence or the next, "he said" with nobody else in between whom "he"
// could mean: "A ministry spokeswoman confirmed the talks. “We are ready,”
// he said." Any other person word or capitalised word between them (a
// name, a place that may hide a person) makes the check pass, so it fires
// only where the pronoun can point to her alone.
func genderSigns(body string) []sign {
	var out []sign
	for _, para := range paragraphs(body) {
		sents := sentences(para)
		for i, s := range sents {
			window := s
			if i+1 < len(sents) {
				window += " " + sents[i+1]
			}
			cue, end, ok := femaleCue(s)
			if !ok {
				continue
			}
			m0, m1, found := findHeSaid(window[end:])
			if !found || !unambiguous(window[end:end+m0]) {
				continue
			}
			out = append(out, sign{"gender", false, fmt.Sprintf("%q followed by %q: %q … %q",
				cue, window[end+m0:end+m1], clip(s, 60), lastWords(window[:end+m1], 6))})
		}
	}
	return out
}

// femaleCue finds the first female role word, or female first name
// followed by a capitalised surname, in s. It returns the cue and the
// offset just after the name it introduces.
func femaleCue(s string) (string, int, bool) {
	fields := []struct {
		w     string
		start int
	}{}
	for f, off := range fieldsWithOffsets(s) {
		fields = append(fields, struct {
			w     string
			start int
		}{f, off})
	}
	for i, f := range fields {
		n := normWord(f.w)
		role := femaleRoles[n]
		name := femaleNames[n] && startsUpper(f.w) && i+1 < len(fields) && startsUpper(fields[i+1].w)
		if !role && !name {
			continue
		}
		if (n == "ms" || n == "mrs" || n == "madam" || n == "madame") && !(i+1 < len(fields) && startsUpper(fields[i+1].w)) {
			continue
		}
		// Skip the name that follows: "Ms. Olsson", "Karin Olsson".
		j := i + 1
		for j < len(fields) && startsUpper(fields[j].w) {
			if j > i+1 && strings.ContainsAny(fields[j-1].w, ",.;:") {
				break
			}
			j++
		}
		end := len(s)
		if j < len(fields) {
			end = fields[j].start
		}
		return strings.TrimFunc(f.w, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' }), end, true
	}
	return "", 0, false
}

// unambiguous reports that between holds no other person word and no
// capitalised word (other than a function word, month or weekday) that
// does not open a sentence or a quote.
func unambiguous(between string) bool {
	prevEnd := false
	for f := range strings.FieldsSeq(between) {
		n := normWord(f)
		if otherPeople[n] {
			return false
		}
		core := strings.TrimLeft(f, "“\"‘'(")
		opensQuote := core != f
		if startsUpper(core) && !prevEnd && !opensQuote && !nameStops[n] {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(f, "”\"’')"))
		prevEnd = last == '.' || last == '!' || last == '?'
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// abbreviations end with a period inside a sentence.
var abbreviations = wordSet(`mr mrs ms dr st gen sen rep gov lt col capt sgt
jr sr no vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct
nov dec prof rev mt ft u.s u.k u.n e.u`)

// sentences splits a paragraph at sentence punctuation followed by a space
// and a capital or an opening quote, except after abbreviations and
// initials.
func sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && strings.ContainsRune("\"')]", rune(p[j])) {
			j++
		}
		if strings.HasPrefix(p[j:], "”") || strings.HasPrefix(p[j:], "’") {
			j += len("”")
		}
		if j >= len(p) || p[j] != ' ' {
			continue
		}
		rest := strings.TrimLeft(p[j:], " ")
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) && r != '“' && r != '"' && r != '‘' {
			continue
		}
		if c == '.' {
			w := p[start:i]
			if k := strings.LastIndexByte(w, ' '); k >= 0 {
				w = w[k+1:]
			}
			w = strings.ToLower(strings.TrimLeft(w, "(\"“"))
			if abbreviations[w] || utf8.RuneCountInString(w) == 1 {
				continue
			}
		}
		out = append(out, strings.TrimSpace(p[start:j]))
		start = j
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}
