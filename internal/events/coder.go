// Package events codes who did what to whom in news text: CAMEO event codes
// with their PLOVER types, source and target actors, date, place, and the
// sentence, words and rule behind each event.
//
// The coder is a dictionary coder without a parser. A lexicon of our own
// (data/*.tsv, extendable with a user's files) maps verb phrases and noun
// forms to CAMEO codes; the coder finds them in each sentence, then reads
// the subject, object and modality from the words around them, with the
// part-of-speech tags of the sentence and the actor mentions the entities
// stage found. It prefers a missed event to a wrong one: an event whose
// source or (for acts that need one) target has no actor code is dropped,
// and negated, conditional and hypothetical events are kept but marked, so
// that Event.Factual tells them apart.
package events

import (
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/cameo"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Coder codes events. It is safe for concurrent use.
type Coder struct {
	lex *Lexicon
	kb  *actors.KB
}

// Option configures a Coder.
type Option func(*Coder)

// WithKB sets the actor knowledge base the coder resolves noun phrases
// against; the default is actors.Default(). It should be the one the
// entities stage used.
func WithKB(kb *actors.KB) Option { return func(c *Coder) { c.kb = kb } }

// New returns a coder for a lexicon; nil means DefaultLexicon.
func New(lex *Lexicon, opts ...Option) *Coder {
	if lex == nil {
		lex = DefaultLexicon()
	}
	c := &Coder{lex: lex}
	for _, o := range opts {
		o(c)
	}
	if c.kb == nil {
		c.kb = actors.Default()
	}
	return c
}

// Name is the pipeline stage name.
func (c *Coder) Name() string { return "events" }

// EnglishOnly reports that the lexicon is English.
func (c *Coder) EnglishOnly() bool { return true }

// Annotate codes the document's title and body and sets doc.Events. It
// reads doc.Entities, doc.Dates and doc.Quotes, which the earlier stages
// fill; without them it still finds the actors its knowledge base knows.
func (c *Coder) Annotate(doc *news.Document) {
	evs := []news.Event{}
	pub := doc.Article.Published
	if t := strings.TrimSpace(doc.Article.Title); t != "" {
		evs = append(evs, c.code(doc, doc.Article.Title, true, pub)...)
	}
	evs = append(evs, c.code(doc, doc.Article.Body, false, pub)...)
	doc.Events = evs
}

// docText is one text being coded: the body or the title.
type docText struct {
	c        *Coder
	doc      *news.Document
	text     string
	headline bool
	pub      time.Time
	pubDate  string
	res      resolver
}

func (c *Coder) code(doc *news.Document, text string, headline bool, pub time.Time) []news.Event {
	d := &docText{c: c, doc: doc, text: text, headline: headline, pub: pub}
	if !pub.IsZero() {
		d.pubDate = pub.Format("2006-01-02")
	}
	d.res = resolver{kb: c.kb, text: text, on: pub}
	if !headline {
		d.res.mentions = mentionsOf(doc)
	}
	var out []news.Event
	for _, s := range splitSentences(text, 0, len(text)) {
		s := s
		if headline {
			s.headline = true
			headlineCase(c.lex, c.kb, &s)
		}
		for k := range s.toks {
			s.toks[k].ids = c.lex.idsOf(s.toks[k].lower)
		}
		if !c.lex.hasCandidates(&s) {
			continue
		}
		tagSentence(&s)
		out = append(out, d.sentenceEvents(&s)...)
	}
	return out
}

// headlineCase prepares a title for the tagger, which reads capitalised
// words as names: the words a pattern or the grammar knows (verbs and
// nouns of the lexicon, function words) are lowered, so that "EU Extends
// Sanctions on Russia" is read as "EU extends sanctions on Russia", while
// names, known or not ("Kim"), keep their capital. The tokens keep their
// offsets.
func headlineCase(lex *Lexicon, kb *actors.KB, s *sentence) {
	toks := s.toks
	name := make([]bool, len(toks))
	for k := 0; k < len(toks); k++ {
		for e := min(len(toks), k+5); e > k; e-- {
			var words []string
			for x := k; x < e; x++ {
				words = append(words, toks[x].text)
			}
			if len(kb.Lookup(strings.Join(words, " "))) > 0 {
				for x := k; x < e; x++ {
					name[x] = true
				}
				k = e - 1
				break
			}
		}
	}
	for k := range toks {
		w := toks[k].lower
		if name[k] || isAllCapsWord(toks[k].text) {
			continue
		}
		if len(lex.idsOf(w)) > 0 || functionWords[w] || headlineLower[w] || k > 0 && toks[k-1].lower == "to" {
			toks[k].cap = false
			toks[k].text = strings.ToLower(toks[k].text)
		}
	}
}

// headlineLower are words a title capitalises that are not names.
var headlineLower = set("after", "amid", "over", "for", "says", "say", "new", "two", "three", "four",
	"five", "six", "seven", "eight", "nine", "ten", "months", "years", "weeks", "days", "month",
	"year", "week", "day", "claims", "claim", "sea", "into", "amid", "despite", "while", "as",
	"top", "official", "officials", "leader", "leaders", "minister", "president", "diplomat",
	"diplomats", "troops", "forces", "army", "military", "police", "government", "envoy",
	"ambassador", "arms", "sales", "deal", "plan", "talks", "missiles", "missile", "ballistic",
	"short-range", "long-range", "nuclear", "textbook", "prisoner", "swap", "exchange", "first",
	"more", "most", "again", "still", "about", "if", "will", "would", "may", "could", "not", "no")

func isAllCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// sentenceEvents codes one tagged sentence.
func (d *docText) sentenceEvents(s *sentence) []news.Event {
	var out []news.Event
	var rules []*Rule
	used := make([]bool, len(s.toks))
	for _, m := range d.c.lex.findMatches(s) {
		m := m
		clash := false
		for _, k := range m.lits {
			clash = clash || used[k]
		}
		if clash {
			continue
		}
		if m.pat.rule.Stop {
			for _, k := range m.lits {
				used[k] = true
			}
			continue
		}
		if ev, ok := d.event(s, &m); ok {
			out = append(out, ev)
			rules = append(rules, m.pat.rule)
			for _, k := range m.lits {
				used[k] = true
			}
		}
	}
	return dedupe(dropFallbacks(out, rules))
}

// dropFallbacks removes the events of fallback rules that another event of
// the sentence with the same source makes redundant.
func dropFallbacks(evs []news.Event, rules []*Rule) []news.Event {
	var out []news.Event
	for i, e := range evs {
		if rules[i].Fallback {
			redundant := false
			for j, o := range evs {
				if j != i && !rules[j].Fallback && slices.Equal(o.Source, e.Source) {
					redundant = true
					break
				}
			}
			if redundant {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// dedupe keeps one event per code, source and target in a sentence, the
// most confident.
func dedupe(evs []news.Event) []news.Event {
	if len(evs) < 2 {
		return evs
	}
	best := map[string]int{}
	var out []news.Event
	for _, e := range evs {
		k := e.CAMEO + "|" + strings.Join(e.Source, ",") + "|" + strings.Join(e.Target, ",")
		if i, ok := best[k]; ok {
			if e.Confidence > out[i].Confidence {
				out[i] = e
			}
			continue
		}
		best[k] = len(out)
		out = append(out, e)
	}
	return out
}

// event builds the event of one match, or reports false if it cannot name
// both parties.
func (d *docText) event(s *sentence, m *match) (news.Event, bool) {
	toks := s.toks
	rule := m.pat.rule
	cl := leftClause(toks, m.anchor(), d.headline)
	conf := 0.9
	if cl.appos {
		conf -= 0.05
	}

	// The day the actors are read for: the event's own date if the
	// sentence gives one, so that "met in 2018" reads 2018's office holders.
	// An act announced for the future ("will hold a summit near the end
	// of February", "invited him to meet next week") is dated by its
	// announcement: a date after it is the planned act's.
	intended := !rule.Fixed && (cl.future || cl.headTo || cl.control == ctlIntent || cl.control == ctlVow || cl.control == ctlPrepare || cl.control == ctlThreat)
	date, when, own := d.dateOf(s, m, cl, intended)
	d.res.on = d.pub
	if !when.IsZero() {
		d.res.on = when
	}
	if !own && (d.pub.IsZero() && len(d.doc.Dates) > 0 || background(s.toks, m, cl)) {
		// Nothing dates the act: in an undated article that tells time
		// elsewhere it cannot be placed at all, and a background act ("met three times", "had
		// long demanded") did not happen on the day of the report. A
		// missed event is better than a wrongly dated one.
		return news.Event{}, false
	}

	var src, tgt []actorRef
	sym := false
	switch {
	case !m.sslot.empty():
		src = d.res.head(toks, m.sslot.from, m.sslot.to, true)
		if !rule.Intrans {
			tgt = d.subject(s, cl)
		}
		if !m.tslot.empty() {
			tgt = d.res.head(toks, m.tslot.from, m.tslot.to, true)
		}
	case cl.passive && rule.Code != "" && !rule.Sym:
		// "The letter was rejected by North Korean diplomats": the agent
		// is the source, the subject the target.
		if by := byAgent(toks, m.to); !by.empty() {
			src = d.res.head(toks, by.from, by.to, false)
		}
		tgt = d.subjectAs(s, cl, true)
		if !m.tslot.empty() {
			tgt = d.res.head(toks, m.tslot.from, m.tslot.to, true)
		}
	default:
		src = d.subject(s, cl)
		if !m.tslot.empty() {
			tgt = d.res.head(toks, m.tslot.from, m.tslot.to, true)
		} else if !rule.Intrans {
			tgt = d.inGaps(toks, m)
			if len(tgt) == 0 {
				tgt = d.object(toks, m.to)
			}
		}
	}
	if len(src) == 0 || cl.demanded {
		return news.Event{}, false
	}

	code := rule.Code
	negated, hypo := cl.neg, false
	converted := false
	if !rule.Fixed {
		code, negated, hypo, converted = modal(code, cl)
	}
	if converted {
		conf -= 0.05
	}
	if cl.possible || cl.condition || cl.control == ctlPossible {
		hypo = true
	}
	if cl.denied {
		negated = true
	}
	if s.toks[len(s.toks)-1].lower == "?" {
		hypo = true
	}
	if strings.HasPrefix(toks[m.anchor()].tag, "NN") && !rule.Fixed {
		// A meeting named by a noun takes its modality from the words
		// around the noun: "his planned summit", "canceled the meeting",
		// "a meeting ... could take place", "the summit would take place".
		switch nounMode(toks, m) {
		case nounUnreal:
			hypo = true
		case nounFuture:
			if cooperative(code) && root(code) != "03" {
				if i := intentCode(code); i != "" {
					code, converted = i, true
				}
			} else {
				hypo = true
			}
		}
	}
	if ifAfter(toks, m.to) && (cl.future || cl.possible) {
		hypo = true
	}

	if len(tgt) == 0 && (rule.Sym || rule.Joint != "") && len(src) > 1 && (!m.tslot.empty() || strings.HasPrefix(toks[m.to-1].tag, "VB") && unresolvedObject(toks, m.to)) {
		// "De Croo and von der Leyen met representatives of farmers'
		// organizations": the act has a counterpart the coder cannot
		// name, so the two subjects did not meet each other.
		return news.Event{}, false
	}
	if len(tgt) == 0 && (rule.Sym || rule.Joint != "") && len(src) > 1 {
		tgt = src
		sym = true
		if rule.Joint != "" && code == rule.Code {
			code = rule.Joint
		}
	}
	if len(tgt) == 0 && !rule.Intrans && (root(code) == "02" || root(code) == "03" || root(code) == "13") {
		// An offer or threat made on a condition names its counterpart in
		// the condition: "would welcome talks if Pyongyang stops".
		if t := d.conditionSubject(s, m.to); len(t) > 0 {
			tgt = t
			conf -= 0.15
		}
	}
	if len(tgt) == 0 {
		tgt = d.defaultTarget(s, m, code, src)
	}
	if !sym && !rule.Reflexive {
		tgt = withoutSource(src, tgt)
	}
	if len(tgt) == 0 && !rule.Intrans {
		return news.Event{}, false
	}
	for _, a := range append(append([]actorRef(nil), src...), tgt...) {
		if a.weak {
			conf -= 0.15
			break
		}
	}
	if d.headline {
		conf -= 0.05
	}

	cc, ok := cameo.Lookup(code)
	if !ok {
		return news.Event{}, false
	}
	mode, plover := cc.Mode, cc.PLOVER
	if code == rule.Code {
		if rule.Mode != "" {
			mode = rule.Mode
		}
		if rule.PLOVER != "" {
			plover = rule.PLOVER
		}
	}
	ev := news.Event{
		Source:        codes(src),
		Target:        codes(tgt),
		CAMEO:         code,
		PLOVER:        plover,
		Mode:          mode,
		QuadClass:     cc.QuadClass,
		Goldstein:     cc.Goldstein,
		Date:          date,
		Location:      d.location(s),
		SourceText:    texts(src),
		TargetText:    texts(tgt),
		Evidence:      d.text[s.start:s.end],
		EvidenceStart: s.start,
		EvidenceEnd:   s.end,
		Negated:       negated,
		Hypothetical:  hypo,
		Confidence:    clamp(conf),
		Rule:          rule.ID,
		Headline:      d.headline,
	}
	if ev.Target == nil {
		ev.Target = []string{}
	}
	return ev, true
}

// modal applies the conversions of convert.go to a code given its clause,
// and returns the code and whether the event is negated or hypothetical.
func modal(code string, cl clause) (out string, negated, hypo, converted bool) {
	out = code
	futureLike := cl.future || cl.headTo || cl.control == ctlIntent || cl.control == ctlVow || cl.control == ctlPrepare
	switch {
	case cl.control == ctlRefuse || cl.neg && cl.future:
		if cooperative(code) {
			if r := rejectCode(code); r != "" {
				return r, false, false, true
			}
		}
		return code, true, false, false
	case cl.control == ctlFail:
		return code, true, false, false
	case cl.control == ctlDeny:
		return code, true, false, false
	case cl.neg:
		return code, true, false, false
	case cl.control == ctlThreat:
		if t := threatCode(code); t != "" {
			return t, false, false, true
		}
		if root(code) == "13" {
			return code, false, false, false
		}
		return "130", false, false, true
	case cl.control == ctlPrepare && forceful(code) && root(code) != "15":
		// "prepared to resume shelling": readying force is a show of it
		// (CAMEO 15), not yet its use.
		return "150", false, false, true
	case futureLike || cl.control == ctlPrepare:
		if cooperative(code) && root(code) != "03" {
			if i := intentCode(code); i != "" {
				return i, false, false, true
			}
		}
		if forceful(code) && (cl.future || cl.control == ctlVow || cl.headTo) {
			if t := threatCode(code); t != "" {
				return t, false, false, true
			}
		}
		if root(code) == "03" || root(code) == "13" {
			return code, false, false, false
		}
		return code, false, true, false
	}
	return code, false, false, false
}

// subject resolves the clause's subject to actors, pronouns included.
func (d *docText) subject(s *sentence, cl clause) []actorRef { return d.subjectAs(s, cl, false) }

// subjectAs resolves the subject; as the target of a passive ("a camp for
// Congolese refugees was attacked") any actor in it will do.
func (d *docText) subjectAs(s *sentence, cl clause, anyActor bool) []actorRef {
	if cl.subj.empty() {
		return nil
	}
	toks := s.toks
	f := cl.subj.from
	if cl.subj.to-f == 1 && toks[f].tag == "PRP" {
		return d.pronoun(s, cl, f)
	}
	if refs := d.res.head(toks, f, cl.subj.to, anyActor); len(refs) > 0 {
		return refs
	}
	// "their forces", "its troops": the possessor's state and the role.
	if toks[f].tag == "PRP$" && personPronouns[toks[f].lower] {
		role := roleOf(d.c.kb, toks, segment{from: f + 1, to: cl.subj.to})
		owner := d.pronoun(s, cl, f)
		if role != "" && len(owner) == 1 && len(owner[0].code) >= 3 {
			o := owner[0]
			o.code = o.code[:3] + role
			o.text = d.text[toks[f].start:toks[cl.subj.to-1].end]
			return []actorRef{o}
		}
	}
	return nil
}

// defaultTarget supplies the recipient CAMEO's conventions imply when the
// sentence names none:
//   - a protest (14) is aimed at the state where it happens ("demonstrated
//     in Serbia"), else at the protesters' own government;
//   - a coercive act (17) on a bare role ("arrested two journalists",
//     "disperse demonstrators") falls on the source's own state, as
//     arrests, bans, curfews and censorship are acts of a state on its own
//     people;
//   - for the same reason, easing such measures (081x: lifting a curfew,
//     a state of emergency, a ban) is aimed at the source's own state when
//     the sentence names no one else.
//
// Both are marked weak.
func (d *docText) defaultTarget(s *sentence, m *match, code string, src []actorRef) []actorRef {
	if len(src) != 1 || len(src[0].code) < 3 {
		return nil
	}
	state := src[0].code[:3]
	if state == "IGO" || state == "NGO" || state == "IMG" {
		return nil
	}
	toks := s.toks
	switch root(code) {
	case "14":
		if c, text := d.placeCountry(s); c != "" {
			return []actorRef{{code: c, text: text, weak: true}}
		}
		return []actorRef{{code: state + "GOV", text: "", weak: true}}
	case "08":
		if pronounObject(toks, m) {
			// "granted them amnesty": the people are named elsewhere,
			// not the source's own state.
			return nil
		}
		if strings.HasPrefix(code, "081") {
			return []actorRef{{code: state, text: "", weak: true}}
		}
	case "17":
		if strings.HasPrefix(code, "172") {
			// Curfews, emergencies and bans fall on the place they are
			// imposed in, else on the source's own state.
			if c, text := d.placeCountry(s); c != "" {
				return []actorRef{{code: c, text: text, weak: true}}
			}
		}
		from, to := m.to, npExtent(toks, m.to)
		if !m.tslot.empty() {
			from, to = m.tslot.from, m.tslot.to
		}
		for _, g := range m.gaps {
			if to <= from {
				from, to = g.from, g.to
			}
		}
		if to <= from {
			return nil
		}
		if role := roleOf(d.c.kb, toks, segment{from: from, to: to}); role != "" {
			return []actorRef{{code: state + role, text: d.text[toks[from].start:toks[to-1].end], weak: true}}
		}
		if strings.HasPrefix(code, "172") {
			return []actorRef{{code: state, text: "", weak: true}}
		}
	}
	return nil
}

// placeCountry returns the state of the place the sentence puts the event
// in, and the place's words.
func (d *docText) placeCountry(s *sentence) (string, string) {
	loc := d.location(s)
	if loc == "" {
		return "", ""
	}
	for _, m := range d.res.mentions {
		if m.text == loc && m.start >= s.start && m.end <= s.end && m.country != "" {
			return m.country, loc
		}
	}
	if c, ok := d.res.place(loc); ok {
		return c, loc
	}
	return "", ""
}

// pronoun resolves a subject pronoun: through the entities stage's
// reference if it made one, else a first person to the quote's speaker, and
// a third person to the subject of the reporting verb that governs the
// clause ("Hungary has said it will support": it is Hungary).
func (d *docText) pronoun(s *sentence, cl clause, k int) []actorRef {
	t := &s.toks[k]
	for _, m := range d.res.mentionsIn(t.start, t.end) {
		if m.actor != "" {
			return []actorRef{{code: m.actor, text: t.text, start: t.start, end: t.end, weak: true}}
		}
	}
	if firstPronouns[t.lower] {
		for _, q := range d.doc.Quotes {
			if !d.headline && q.Start <= t.start && t.end <= q.End && q.SpeakerActor != "" {
				return []actorRef{{code: q.SpeakerActor, text: t.text, start: t.start, end: t.end, weak: true}}
			}
		}
		return nil
	}
	if cl.reported >= 0 && personPronouns[t.lower] || t.lower == "they" && cl.reported >= 0 {
		outer := leftClause(s.toks, cl.reported, d.headline)
		if outer.subj.empty() || outer.subj.to-outer.subj.from == 1 && s.toks[outer.subj.from].tag == "PRP" {
			return nil
		}
		refs := d.res.head(s.toks, outer.subj.from, outer.subj.to, false)
		for i := range refs {
			refs[i].weak = true
		}
		return refs
	}
	return nil
}

// inGaps returns the actors in the words a pattern's gaps skipped:
// "rejected an Indian proposal" is aimed at India.
func (d *docText) inGaps(toks []token, m *match) []actorRef {
	for _, g := range m.gaps {
		// Resolve up to the pattern's end, so that an actor in the gap
		// takes the role noun the pattern matched after it ("expelled
		// two Swedish diplomats" is SWEGOV), but keep only actors that
		// begin in the gap.
		var out []actorRef
		for _, a := range d.res.actorsIn(toks, g.from, m.to) {
			if a.start < toks[g.to-1].end {
				out = append(out, a)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// object resolves the noun phrase after a pattern, a leading preposition
// skipped ("rejected calls by Belarus's rulers").
func (d *docText) object(toks []token, from int) []actorRef {
	switch {
	case from >= len(toks):
		return nil
	case objectLinks[toks[from].lower]:
		from++
	}
	if end := npExtent(toks, from); end > from {
		return d.res.head(toks, from, end, true)
	}
	return nil
}

// objectLinks are the prepositions that may open the phrase naming a
// recipient after a pattern ("calls by Belarus", "a letter from Trump");
// places ("in Singapore") are not recipients.
var objectLinks = set("by", "from", "of", "with", "against")

// byAgent finds "by NP" after a passive verb, within a few words.
func byAgent(toks []token, from int) span {
	for k := from; k < len(toks) && k < from+6; k++ {
		if toks[k].lower == "by" {
			if end := npExtent(toks, k+1); end > k+1 {
				return span{k + 1, end}
			}
			return span{}
		}
		if clauseBreak(toks, k) {
			break
		}
	}
	return span{}
}

// ifAfter reports whether a condition follows the act in its sentence.
func ifAfter(toks []token, from int) bool {
	for k := from; k < len(toks); k++ {
		if toks[k].lower == "if" || toks[k].lower == "unless" {
			return true
		}
	}
	return false
}

// conditionSubject returns the subject of an if/unless clause after the
// act.
func (d *docText) conditionSubject(s *sentence, from int) []actorRef {
	toks := s.toks
	for k := from; k < len(toks); k++ {
		if toks[k].lower == "if" || toks[k].lower == "unless" {
			end := npExtent(toks, k+1)
			if end > k+1 {
				refs := d.res.head(toks, k+1, end, false)
				for i := range refs {
					refs[i].weak = true
				}
				return refs
			}
			return nil
		}
	}
	return nil
}

// dateOf returns the event's date: the resolved date expression of its
// clause nearest the act, else the date of the reporting verb that
// carries it ("..., the White House said on Friday"), else the
// publication day, else "". It also returns the day actors are read for,
// and whether the text itself dated the act. With intended set, the act
// is one announced for later, whose dates after it are the plan's.
func (d *docText) dateOf(s *sentence, m *match, cl clause, intended bool) (string, time.Time, bool) {
	if !d.headline {
		toks := s.toks
		at := toks[m.anchor()].start
		from, end := clauseStart(toks, m.anchor()), clauseEnd(toks, m.to)
		// A date after the act ("fired missiles on Thursday") is the
		// act's; failing that, one before it in the same clause ("On
		// Tuesday, the minister summoned"), nearest first.
		after, before := "", ""
		afterAt, beforeAt := -1, -1
		for _, dm := range d.doc.Dates {
			if !d.usable(dm) || dm.End > end {
				continue
			}
			if dm.Start < from && !leadsInto(dm, toks, from) {
				continue
			}
			switch {
			case dm.Start >= at && (afterAt < 0 || dm.Start < afterAt):
				if intended || verbBetween(toks, m.to, dm.Start) {
					continue
				}
				after, afterAt = dm.Value, dm.Start
			case dm.Start < at && dm.Start > beforeAt:
				if reportBetween(toks, dm.End, m.anchor()) {
					// "said on Thursday that it had tested": the
					// saying's date, which reportDate weighs.
					continue
				}
				before, beforeAt = dm.Value, dm.Start
			}
		}
		if after != "" {
			return after, parseDay(after), true
		}
		if before != "" {
			return before, parseDay(before), true
		}
		if v := d.reportDate(s, m, cl); v != "" {
			return v, parseDay(v), true
		}
	}
	return d.pubDate, time.Time{}, d.headline && d.pubDate != ""
}

// usable reports whether a date mention can date an event: it is
// resolved, and not after the publication day (an act reported as done or
// said cannot be later than its report).
func (d *docText) usable(dm news.DateMention) bool {
	if dm.Value == "" || dm.Precision == news.PrecisionUnresolved {
		return false
	}
	if d.pubDate != "" {
		first, _, _ := strings.Cut(dm.Value, "/")
		if first > d.pubDate {
			return false
		}
	}
	return true
}

// leadsInto reports whether a date mention ends with the subordinator
// that opens the clause at byte from: "a day after North Korea fired" is
// the firing's date.
func leadsInto(dm news.DateMention, toks []token, from int) bool {
	for k := range toks {
		if toks[k].end == from && dm.End == from && (toks[k].lower == "after" || toks[k].lower == "before") {
			return true
		}
	}
	return false
}

// verbBetween reports whether a verb stands between token from and byte
// offset at: the date after it belongs to that verb's clause ("asked them
// to lift the resolutions, those adopted in 2016"), not to the act.
func verbBetween(toks []token, from, at int) bool {
	for k := from; k < len(toks) && toks[k].start < at; k++ {
		if strings.HasPrefix(toks[k].tag, "VB") && !adjectival(toks, k) {
			return true
		}
	}
	return false
}

// reportBetween reports whether a reporting verb stands between byte
// offset from and token a.
func reportBetween(toks []token, from, a int) bool {
	for k := a - 1; k >= 0 && toks[k].start >= from; k-- {
		if reportVerbs[toks[k].lower] && (isVerbTag(toks[k].tag) || toks[k].tag == "VBN") {
			return true
		}
	}
	return false
}

// reportDate returns the date given to the verb that reports the act
// ("officials said on Friday that ...", "In June, an outlet reported
// that ...", "..., the White House said on Friday"), if any: the act was
// said, or done, by then. Only the verb that governs the act counts, not
// another report in the same sentence.
func (d *docText) reportDate(s *sentence, m *match, cl clause) string {
	toks := s.toks
	k, from := cl.reported, -1
	switch {
	case k >= 0 && toks[k].start < clauseStart(toks, m.anchor()):
		// "the White House said on Friday, after Trump met": the act
		// of a clause a subordinator opens was done by the time of the
		// report, but the report's own clause ("In February, officials
		// said") dates only the report.
		from = toks[k].end + 1
	case k >= 0:
		from = clauseStart(toks, k)
	default:
		// A trailing attribution: ", the White House said on Friday".
		end := clauseEnd(toks, m.to)
		for j := m.to; j < len(toks); j++ {
			if toks[j].start >= end && reportVerbs[toks[j].lower] && isVerbTag(toks[j].tag) {
				k, from = j, end
				break
			}
		}
	}
	if k < 0 {
		return ""
	}
	for _, dm := range d.doc.Dates {
		if !d.usable(dm) {
			continue
		}
		// Right after the verb ("said on Friday"), or in its clause
		// before it ("In June, an outlet reported").
		if k+1 < len(toks) && dm.Start == toks[k+1].start || dm.Start >= from && dm.End <= toks[k].start {
			return dm.Value
		}
	}
	return ""
}

// background reports whether an act is told as background rather than
// news: repeated ("met three times", "met thrice") or in the past perfect
// ("had long demanded"). Such an act needs a date of its own.
func background(toks []token, m *match, cl clause) bool {
	for k := max(0, m.from-3); k < len(toks) && k < m.to+8; k++ {
		w := toks[k].lower
		if w == "thrice" || w == "twice" || w == "times" && k > 0 && (toks[k-1].tag == "CD" || toks[k-1].lower == "several" || toks[k-1].lower == "many") {
			return true
		}
		if clauseBreak(toks, k) && k >= m.to {
			break
		}
	}
	if f := cl.subj.from; !cl.subj.empty() && f > 1 && cl.reported < 0 && (toks[f-1].tag == "WDT" || toks[f-1].lower == "that" || toks[f-1].lower == "which") && strings.HasPrefix(toks[f-2].tag, "NN") {
		// "talks that Trump and Kim agreed to restart": an act told in a
		// relative clause describes the noun, not the news.
		return true
	}
	for k := m.anchor() - 1; k >= 0 && k >= m.anchor()-3 && cl.reported < 0; k-- {
		// The past perfect is background, except in reported speech,
		// where it is only the tense moved back ("said Tokyo had lodged
		// a protest").
		if toks[k].lower == "had" {
			return true
		}
		if !(toks[k].tag == "RB" || adverbs[toks[k].lower] || negWords[toks[k].lower]) {
			break
		}
	}
	return false
}

// clauseStart returns the byte offset where the clause of the act at
// token a begins: after the last subordinator, relative pronoun,
// semicolon, colon or dash before it, so that "days after Pyongyang
// rejected" does not take the date of the clause before "after", nor an
// act the date of a dateline ("Seoul, March 3 -").
func clauseStart(toks []token, a int) int {
	for k := a - 1; k >= 0; k-- {
		w := toks[k].lower
		if w == ";" || w == ":" || w == "-" || w == "—" || w == "–" || toks[k].tag == "WP" || toks[k].tag == "WDT" ||
			subordinators[w] && w != "to" && w != "that" && w != "so" {
			return toks[k].end
		}
	}
	if len(toks) == 0 {
		return 0
	}
	return toks[0].start
}

// clauseEnd returns the byte offset where the clause of an act that ends
// at token from stops: at a relative or subordinate clause, a semicolon, or
// a trailing attribution (", officials said Monday"), whose dates are not
// the act's.
func clauseEnd(toks []token, from int) int {
	for k := from; k < len(toks); k++ {
		w := toks[k].lower
		if w == ";" || toks[k].tag == "WP" || toks[k].tag == "WDT" || subordinators[w] && w != "to" && w != "so" && !beforeTime(toks, k) {
			return toks[k].start
		}
		if w == "," && k+1 < len(toks) {
			for j := k + 1; j < len(toks) && j < k+8; j++ {
				if reportVerbs[toks[j].lower] && isVerbTag(toks[j].tag) {
					return toks[k].start
				}
				if toks[j].isPunct() {
					break
				}
			}
		}
	}
	return toks[len(toks)-1].end
}

// parseDay reads the first day of a date value ("2018-06-12", "2018-06",
// "2018", "2018-02-15/2018-03-01").
func parseDay(v string) time.Time {
	v, _, _ = strings.Cut(v, "/")
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	return time.Time{}
}

// location returns the place the sentence puts the event in: a location
// after "in" or "at", the first after the act preferred.
func (d *docText) location(s *sentence) string {
	toks := s.toks
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].lower != "in" && toks[k].lower != "at" {
			continue
		}
		j := k + 1
		if toks[j].lower == "the" && j+1 < len(toks) {
			j++
		}
		// "in northern Israel", "in the south-east of Turkey" is left.
		for j+1 < len(toks) && compass[toks[j].lower] {
			j++
		}
		if !toks[j].cap {
			continue
		}
		for _, m := range d.res.mentionsIn(toks[j].start, s.end) {
			if m.start == toks[j].start && m.typ == news.Location {
				return m.text
			}
			break
		}
		for e := min(len(toks), j+4); e > j; e-- {
			if !toks[e-1].cap && !isInitialism(toks[e-1].text) {
				continue
			}
			phrase := d.text[toks[j].start:toks[e-1].end]
			if _, ok := d.res.place(phrase); ok {
				return phrase
			}
		}
	}
	return ""
}

var compass = set("north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "northeastern", "northwestern", "southeastern", "southwestern", "north-east",
	"north-west", "south-east", "south-west", "north-eastern", "north-western", "south-eastern",
	"south-western", "northeast", "northwest", "southeast", "southwest")

// withoutSource drops from the target every actor that is also a source.
func withoutSource(src, tgt []actorRef) []actorRef {
	var out []actorRef
	for _, t := range tgt {
		dup := false
		for _, s := range src {
			if s.code == t.code {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}

func codes(refs []actorRef) []string {
	out := []string{}
	for _, r := range refs {
		if !contains(out, r.code) {
			out = append(out, r.code)
		}
	}
	return out
}

func texts(refs []actorRef) string {
	var out []string
	for _, r := range refs {
		if !contains(out, r.text) {
			out = append(out, r.text)
		}
	}
	return strings.Join(out, "; ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func clamp(x float64) float64 {
	switch {
	case x < 0.1:
		return 0.1
	case x > 1:
		return 1
	}
	return float64(int(x*100+0.5)) / 100
}

// unresolvedObject reports whether a noun phrase with a head noun follows
// token k directly: the act's object, which a symmetric act then has
// besides its subjects.
func unresolvedObject(toks []token, k int) bool {
	if k >= len(toks) || !npWord(toks, k) || timeWords[toks[k].lower] {
		return false
	}
	end := npExtent(toks, k)
	return end > k && hasHead(toks, k, end)
}

// nounModes: what the words around an act named by a noun make of it.
const (
	nounFact = iota
	nounUnreal
	nounFuture
)

// unrealMods are the modifiers and governing verbs of a noun that make
// its act one that has not happened: planned, called off, possible.
var unrealMods = set("planned", "proposed", "scheduled", "possible", "potential", "future",
	"upcoming", "prospective", "expected", "hoped-for", "cancel", "canceled", "cancelled", "cancels",
	"postpone", "postponed", "postpones", "scrap", "scrapped", "delay", "delayed", "prepare",
	"preparing", "prepared", "next", "planning", "plan", "plans")

// nounMode classifies the act of a noun pattern ("summit with", "talks
// between") by the words before the noun and the verb after its phrase.
func nounMode(toks []token, m *match) int {
	a := m.anchor()
	for k := a - 1; k >= 0 && k >= a-6; k-- {
		w := toks[k].lower
		if unrealMods[w] || w == "off" && k > 0 && (toks[k-1].lower == "called" || toks[k-1].lower == "call" || toks[k-1].lower == "calls") {
			return nounUnreal
		}
		if clauseBreak(toks, k) && !strings.HasPrefix(toks[k].tag, "VB") {
			break
		}
	}
	// The verb after the noun phrase: "could take place", "would go ahead".
	k := m.to
	if !m.tslot.empty() {
		k = m.tslot.to
	}
	for ; k < len(toks) && k < m.to+12; k++ {
		w := toks[k].lower
		switch {
		case possibleWords[w]:
			return nounUnreal
		case futureWords[w]:
			return nounFuture
		case isVerbTag(toks[k].tag) || toks[k].lower == ",":
			return nounFact
		}
	}
	return nounFact
}

// beforeTime reports whether the word at k is a preposition of time
// ("since mid-February", "until June", "after 2017") rather than a
// subordinator opening a clause.
func beforeTime(toks []token, k int) bool {
	switch toks[k].lower {
	case "since", "until", "after", "before":
	default:
		return false
	}
	if k+1 >= len(toks) {
		return false
	}
	n := toks[k+1]
	return timeWords[n.lower] || n.tag == "CD" || strings.HasPrefix(n.lower, "mid") || n.lower == "early" || n.lower == "late" || n.lower == "last"
}

// pronounObject reports whether the words a pattern skipped, or the word
// after it, are a personal pronoun: an object named only by reference.
func pronounObject(toks []token, m *match) bool {
	for _, g := range m.gaps {
		for k := g.from; k < g.to; k++ {
			if toks[k].tag == "PRP" {
				return true
			}
		}
	}
	return m.to < len(toks) && toks[m.to].tag == "PRP"
}
