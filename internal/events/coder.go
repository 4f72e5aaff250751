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
		evs = append(evs, c.code(doc, doc.Article.Title, true, pub, nil)...)
	}
	// The title's acts are known to the body: "condemned the launch"
	// after "North Korea Fires New ICBM".
	title := len(evs)
	evs = append(evs, c.code(doc, doc.Article.Body, false, pub, evs)...)
	for i := range evs[:title] {
		// A title has no dates of its own: an act the body tells too
		// ("Says It Tested Hypersonic Missile", then "had tested ... the
		// previous day") takes the body's date.
		// The same act is told by the same rule where it can be: "Jury
		// Orders Giuliani to Pay" is not the judge's earlier finding of
		// liability, though both are 116.
		same := func(b news.Event) bool {
			return b.CAMEO == evs[i].CAMEO && slices.Equal(b.Source, evs[i].Source) && slices.Equal(b.Target, evs[i].Target) && b.Factual() == evs[i].Factual()
		}
		found := -1
		for j, b := range evs[title:] {
			if same(b) && b.Rule == evs[i].Rule {
				found = title + j
				break
			}
		}
		if found >= 0 {
			evs[i].Date = evs[found].Date
		}
	}
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
	// prior are the factual events coded so far in this text, with the
	// index of their sentence, and sent the index of the sentence being
	// coded: an act named later by a noun ("condemned the launch") is
	// looked up among them.
	prior []priorEvent
	sent  int
	// lastAct is the act a noun named most recently ("condemned the
	// launch"), which a following "it" may take up ("called it an
	// unforgivable act").
	lastAct *priorEvent
	// prevSent is the sentence before the one being coded (untagged).
	prevSent sentence
}

type priorEvent struct {
	ev   news.Event
	sent int
}

func (c *Coder) code(doc *news.Document, text string, headline bool, pub time.Time, before []news.Event) []news.Event {
	d := &docText{c: c, doc: doc, text: text, headline: headline, pub: pub}
	for _, e := range before {
		if e.Factual() {
			// Out of reach of "it", which looks a few sentences back.
			d.prior = append(d.prior, priorEvent{e, -100})
		}
	}
	if !pub.IsZero() {
		d.pubDate = pub.Format("2006-01-02")
	}
	d.res = resolver{kb: c.kb, text: text, on: pub}
	if !headline {
		d.res.mentions = mentionsOf(doc)
	}
	var out []news.Event
	var prev sentence
	for n, s := range splitSentences(text, 0, len(text)) {
		s := s
		d.sent = n
		d.prevSent, prev = prev, s
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
		evs := d.sentenceEvents(&s)
		for _, e := range evs {
			if e.Factual() {
				d.prior = append(d.prior, priorEvent{e, n})
			}
		}
		out = append(out, evs...)
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
			for _, f := range forceShows(s, m.pat.rule, ev) {
				out = append(out, f)
				rules = append(rules, m.pat.rule)
			}
			for _, k := range m.lits {
				used[k] = true
			}
		}
	}
	return dedupe(dropFallbacks(out, rules))
}

// forceShows returns, for a joint military exercise (062) staged in
// answer to or against a third party ("In response, South Korean and U.S.
// jets staged a joint bombing drill"), the show of force (150) it also is,
// one event per participant. An ordinary scheduled exercise is 062 alone.
func forceShows(s *sentence, rule *Rule, ev news.Event) []news.Event {
	if ev.CAMEO != "062" || !ev.Factual() || !strings.HasPrefix(rule.ID, "cooperate.mil") && rule.Joint != "062" || !forceCue(s.toks) {
		return nil
	}
	cc, ok := cameo.Lookup("150")
	if !ok {
		return nil
	}
	var out []news.Event
	for _, a := range ev.Source {
		f := ev
		f.Source, f.Target = []string{a}, []string{}
		f.CAMEO, f.PLOVER, f.Mode = "150", cc.PLOVER, cc.Mode
		f.QuadClass, f.Goldstein = cc.QuadClass, cc.Goldstein
		f.SourceText, f.TargetText = "", ""
		f.Rule = rule.ID + ".force"
		f.Confidence = clamp(ev.Confidence - 0.05)
		out = append(out, f)
	}
	return out
}

// forceCue reports whether a sentence says its exercise answers or aims
// at someone: "in response", "in retaliation", "show of force", a bombing
// or live-fire drill, a drill "aimed at" or "to counter" a threat.
func forceCue(toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		w, n := toks[k].lower, toks[k+1].lower
		switch {
		case w == "in" && (n == "response" || n == "retaliation" || n == "reply"),
			w == "show" && n == "of" && k+2 < len(toks) && toks[k+2].lower == "force",
			(w == "bombing" || w == "live-fire" || w == "strike" || w == "firing") && (n == "drill" || n == "drills" || n == "exercise" || n == "exercises"),
			w == "aimed" && n == "at",
			w == "to" && (n == "counter" || n == "deter"):
			return true
		}
	}
	return false
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
	resolution := !d.headline && d.resolutionSubject(s, cl)
	if resolution && !own {
		// "adopted Resolution 2371, which banned", "It banned" after
		// "The first resolution was adopted in October 2006": the
		// resolution acts on the day it was adopted.
		if v := d.resolutionDate(s, m.anchor()); v != "" {
			date, when, own = v, parseDay(v), true
		}
	}
	d.res.on = d.pub
	if !when.IsZero() {
		d.res.on = when
	}
	if !own && (d.pub.IsZero() && len(d.doc.Dates) > 0 || background(s.toks, m, cl) || !d.headline && s.toks[0].lower == "since") {
		// Nothing dates the act: in an undated article that tells time
		// elsewhere it cannot be placed at all, and a background act ("met three times", "had
		// long demanded") did not happen on the day of the report, nor
		// one told over a span ("Since returning to office in January,
		// Trump has said"). A missed event is better than a wrongly
		// dated one.
		return news.Event{}, false
	}
	if !own {
		// "The vote came a day after North Korea fired": the act is
		// dated from the clause it is counted from.
		if v := d.intervalDate(s, m.anchor()); v != "" {
			date = v
			d.res.on = parseDay(v)
		}
	}

	var src, tgt []actorRef
	sym := false
	switch {
	case rule.Poss:
		// "during Putin's first visit to North Korea": the possessor
		// is the source.
		src = d.possessor(s, cl, m.anchor())
		if !m.tslot.empty() {
			tgt = d.res.head(toks, m.tslot.from, m.tslot.to, true)
		} else if c, text := d.placeCountry(s); c != "" && m.to > 0 && toks[m.to-1].lower == "there" {
			tgt = []actorRef{{code: c, text: text, weak: true}}
		}
	case rule.Judged:
		// "Psaki said the launch was a flagrant violation": the
		// subject is judged, by whoever says so.
		src = d.speaker(s, cl, m)
		if !cl.subj.empty() {
			tgt = d.res.head(toks, cl.subj.from, cl.subj.to, false)
			if len(tgt) == 0 {
				tgt = d.actAuthor(toks, cl.subj.from, cl.subj.to, src)
			}
		}
	case !m.sslot.empty():
		src = d.res.head(toks, m.sslot.from, m.sslot.to, true)
		if len(src) == 0 {
			src = d.group(toks, m.sslot.from, m.sslot.to)
		}
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
		if resolution && len(src) == 0 {
			src = d.resolutionBody(s)
		}
		if len(src) == 0 && strings.HasPrefix(toks[m.anchor()].tag, "NN") {
			// "his meeting with Kim would take place": a noun's
			// possessor is its agent.
			src = d.possessor(s, cl, m.anchor())
		}
		if !m.tslot.empty() {
			tgt = d.res.head(toks, m.tslot.from, m.tslot.to, true)
			if len(tgt) == 0 && root(rule.Code) == "04" {
				tgt = d.building(s, m.tslot)
			}
		} else if !rule.Intrans {
			tgt = d.inGaps(toks, m)
			if len(tgt) == 0 {
				tgt = d.object(toks, m.to)
			}
		}
	}
	if len(src) == 0 && !cl.subj.empty() {
		src = d.crowd(s, cl)
	}
	if len(src) == 0 && !cl.subj.empty() && root(rule.Code) == "11" {
		src = d.court(s, cl, tgt)
	}
	if len(src) == 0 || cl.demanded || cl.must && cl.reported >= 0 {
		// "The rebels announced that the president must agree to
		// reforms": what one side says another must do is its demand
		// (demand.must), not the other's act.
		return news.Event{}, false
	}

	code := rule.Code
	negated, hypo := cl.neg, false
	converted := false
	if !rule.Fixed {
		code, negated, hypo, converted = modal(code, cl)
	}
	if converted && root(code) == "13" && (root(rule.Code) == "16" || root(rule.Code) == "17") && cl.future && !cl.neg && (d.scheduled(toks, m.anchor()) || d.decided(s, m.anchor()) && d.scheduledNext(s)) {
		// "would raise tariffs on U.S. goods from June 1": a measure
		// announced with the day it takes effect is imposed, not
		// threatened.
		code, converted = rule.Code, false
	}
	if converted {
		conf -= 0.05
	}
	if cl.possible || cl.condition || cl.control == ctlPossible {
		hypo = true
	}
	if resolution && (hypo || converted || cl.future || cl.control == ctlIntent) {
		// "a resolution that aims to impose a blockade", "the draft
		// resolution would ban": a resolution acts once adopted; what it
		// would do is a proposal, not its body's act.
		return news.Event{}, false
	}
	if cl.denied {
		negated = true
	}
	if s.toks[len(s.toks)-1].lower == "?" {
		hypo = true
	}
	if w := s.toks[0].lower; (w == "if" || w == "unless") && root(code) != "13" {
		// "If talks resume, they would be the first negotiations
		// between the two countries": the whole sentence hangs on its
		// condition; only a threat is made by saying it.
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
	if ifAfter(toks, m.to) && (cl.future || cl.possible) && root(code) != "13" {
		// A threat is made even when the act threatened hangs on a
		// condition ("would respond firmly if Turkey sent ships").
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
	if len(tgt) == 0 && rule.ActRef && !rule.Judged {
		tgt = d.actTarget(toks, m, src)
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
		if code == "026" && !cl.possible {
			// "said he would reach out to Kim again": announcing an
			// approach is the intent to meet or talk.
			return "036", false, false, true
		}
		if forceful(code) && (cl.future || cl.control == ctlVow || cl.headTo) {
			if t := threatCode(code); t != "" {
				return t, false, false, true
			}
		}
		if root(code) == "03" || root(code) == "12" || root(code) == "13" {
			// Saying what one will do is itself the act for an
			// intent, a threat and a refusal: "Pyongyang would
			// refuse any talks with Washington" rejects them now.
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
		refs := d.pronoun(s, cl, f)
		if len(refs) == 0 && !cl.pred.empty() {
			// "He was the most senior North Korean official to
			// visit": the pronoun is the official the clause names.
			refs = d.res.head(toks, cl.pred.from, cl.pred.to, anyActor)
		}
		return refs
	}
	if refs := d.res.head(toks, f, cl.subj.to, anyActor); len(refs) > 0 {
		return refs
	}
	if refs := d.group(toks, f, cl.subj.to); len(refs) > 0 {
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
	if from, to := m.to, npExtent(toks, m.to); !m.tslot.empty() || to > from {
		if !m.tslot.empty() {
			from, to = m.tslot.from, m.tslot.to
		}
		if h := segmentsOf(toks, from, to)[0]; h.to-h.from == 2 && toks[h.from].lower == "the" && publicNouns[toks[h.from+1].lower] {
			// "apologized to the public": the source's own people.
			return []actorRef{{code: state + "CVL", text: d.text[toks[from].start:toks[to-1].end], weak: true}}
		}
	}
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

// scheduled reports whether the clause after token from sets the day a
// measure takes effect: "from June 1", "starting Monday", "effective
// July 4", "as of next week".
func (d *docText) scheduled(toks []token, from int) bool {
	end := clauseEnd(toks, from)
	for k := from; k+1 < len(toks) && toks[k].start < end; k++ {
		w := toks[k].lower
		if w != "from" && w != "starting" && w != "effective" && !(w == "as" && toks[k+1].lower == "of") {
			continue
		}
		next := toks[k+1].start
		if w == "as" && k+2 < len(toks) {
			next = toks[k+2].start
		}
		for _, dm := range d.doc.Dates {
			if dm.Start == next && dm.Value != "" {
				return true
			}
		}
	}
	return false
}

// decided reports whether the future before the act at a is a plain
// "will" (or "is to"): a measure stated as decided, not one that "would"
// or "could" follow.
func (d *docText) decided(s *sentence, a int) bool {
	will := false
	for k := a - 1; k >= 0 && a-k <= 4; k-- {
		switch s.toks[k].lower {
		case "will", "shall", "'ll":
			will = true
		case "would", "could", "might", "may", "if", "unless", "threatened", "threatens", "threaten":
			return false
		}
	}
	return will
}

// scheduledNext reports whether the sentence after s opens with the day
// the measure it announces takes effect: "From Thursday, companies will
// need a license".
func (d *docText) scheduledNext(s *sentence) bool {
	if d.headline {
		return false
	}
	next := splitSentences(d.text, s.end, len(d.text))
	if len(next) == 0 || len(next[0].toks) < 3 {
		return false
	}
	toks := next[0].toks
	k := 0
	switch toks[0].lower {
	case "from", "starting", "effective", "beginning":
		k = 1
	case "as":
		if toks[1].lower == "of" {
			k = 2
		}
	}
	if k == 0 {
		return false
	}
	for _, dm := range d.doc.Dates {
		if dm.Start == toks[k].start && dm.Value != "" {
			return true
		}
	}
	return false
}

// resolutionSubject reports whether the clause's subject is a resolution
// ("Resolution 2375 capped", "adopted Resolution 2371, which banned"), or
// "it" taking up a resolution that was the subject of the sentence before
// ("The first resolution, 1718, was adopted in October 2006. It banned").
func (d *docText) resolutionSubject(s *sentence, cl clause) bool {
	if cl.subj.empty() || cl.passive {
		return false
	}
	toks := s.toks
	if cl.subj.to-cl.subj.from == 1 && toks[cl.subj.from].lower == "it" {
		for _, t := range d.prevSent.toks {
			if isResolution(t.lower) {
				return true
			}
			if beWords[t.lower] || auxWords[t.lower] {
				return false
			}
		}
		return false
	}
	for k := cl.subj.from; k < cl.subj.to; k++ {
		if isResolution(toks[k].lower) {
			return true
		}
	}
	return false
}

func isResolution(w string) bool { return w == "resolution" || w == "resolutions" }

// resolutionBody is the international body that adopts a resolution: the
// last organization of the text before the sentence that is an IGO (the
// Security Council, the General Assembly, the European Parliament).
func (d *docText) resolutionBody(s *sentence) []actorRef {
	var best []actorRef
	for _, m := range d.res.mentions {
		if m.end <= s.start && strings.HasPrefix(m.actor, "IGO") {
			best = []actorRef{{code: m.actor, text: d.text[m.start:m.end], weak: true}}
		}
	}
	return best
}

// resolutionDate dates a resolution's act: the nearest date before it in
// the sentence ("On Aug. 5, 2017, the council adopted Resolution 2371,
// which banned"), else, in an undated text, the last date of the sentence
// before ("The toughest package came on Dec. 22, 2017. Resolution 2397
// cut").
func (d *docText) resolutionDate(s *sentence, a int) string {
	at := s.toks[a].start
	best, bestAt := "", -1
	for _, dm := range d.doc.Dates {
		if d.usable(dm) && dm.Start >= s.start && dm.End <= at && dm.Start > bestAt {
			best, bestAt = dm.Value, dm.Start
		}
	}
	if best != "" || len(d.prevSent.toks) == 0 || !d.pub.IsZero() {
		// A dated report tells a resolution's standing measures on
		// its own day; only an undated one needs the sentence before.
		return best
	}
	for _, dm := range d.doc.Dates {
		if d.usable(dm) && dm.Start >= d.prevSent.start && dm.End <= d.prevSent.end && dm.Start > bestAt {
			best, bestAt = dm.Value, dm.Start
		}
	}
	return best
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
	comma := false
	for k := a - 1; k >= 0; k-- {
		w := toks[k].lower
		if w == "," {
			comma = true
		}
		if w == ";" || w == ":" || w == "-" || w == "—" || w == "–" || toks[k].tag == "WP" || toks[k].tag == "WDT" ||
			subordinators[w] && w != "to" && w != "that" && w != "so" {
			if comma && k > 0 && toks[k-1].lower == "," && (w == "while" || w == "when" || w == "who" || w == "which") {
				// "On Saturday, while attending the summit, Trump
				// wrote": a clause set off by commas is an aside in
				// the clause around it.
				continue
			}
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
// after "in" or "at", or a known place owning the site after "on" ("on
// Singapore's Sentosa Island"). A name that modifies a common noun ("at
// the Capella hotel") is a venue, not the place: left out, reports of one
// meeting that name the venue and the city would not merge.
func (d *docText) location(s *sentence) string {
	toks := s.toks
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].lower == "on" && k+2 < len(toks) && toks[k+1].cap && toks[k+2].lower == "'s" {
			if _, ok := d.res.place(toks[k+1].text); ok {
				return toks[k+1].text
			}
		}
		if toks[k].lower != "in" && toks[k].lower != "at" && toks[k].lower != "through" {
			continue
		}
		j := k + 1
		if toks[j].lower == "the" && j+1 < len(toks) {
			j++
		}
		// "in northern Israel", "in the south-east of Turkey" is left.
		for j+1 < len(toks) && compass[toks[j].lower] && !toks[j].cap {
			j++
		}
		if !toks[j].cap {
			continue
		}
		for _, m := range d.res.mentionsIn(toks[j].start, s.end) {
			if m.start == toks[j].start && m.typ == news.Location && !modifiesNoun(toks, m.end) {
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

// modifiesNoun reports whether the token after byte offset end is a
// lower-case noun, which the name before it modifies ("the Capella hotel").
func modifiesNoun(toks []token, end int) bool {
	k := tokenAt(toks, end)
	return k < len(toks) && !toks[k].cap && strings.HasPrefix(toks[k].tag, "NN")
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

// actNouns are the nouns that name an act a document codes, with the
// CAMEO roots of the events they may stand for, with the PLOVER mode after
// a colon where the root alone is too wide: "the launch" is a missile
// launch coded before (15 in mode weapons, not a drill, or 19 when fired
// at someone).
var actNouns = map[string][]string{
	"launch": {"15:weapons", "19"}, "launches": {"15:weapons", "19"}, "test": {"15:weapons"},
	"tests": {"15:weapons"}, "test-firing": {"15:weapons"}, "firing": {"15:weapons", "19"},
	"test-launch": {"15:weapons"},
	"attack":      {"18", "19", "20"}, "attacks": {"18", "19", "20"}, "strike": {"18", "19"},
	"strikes": {"18", "19"}, "bombing": {"18", "19"}, "bombings": {"18", "19"},
	"shelling": {"19"}, "raid": {"19"}, "raids": {"19"}, "invasion": {"19"}, "incursion": {"19"},
	"killing": {"18", "20"}, "killings": {"18", "20"}, "massacre": {"20"},
	"arrest": {"17"}, "arrests": {"17"}, "detention": {"17"}, "seizure": {"17"}, "crackdown": {"17"},
	"expulsion": {"16", "17"}, "sanctions": {"16"}, "curbs": {"16"}, "restrictions": {"16", "17"},
	"embargo": {"16"}, "tariffs": {"16"}, "ban": {"16", "17"},
}

// actTarget names the target of a rule that may name it by its act: the
// noun phrase of the target slot, or of the words after the pattern, is
// resolved to the author of the act it names.
func (d *docText) actTarget(toks []token, m *match, critic []actorRef) []actorRef {
	from, to := m.to, npExtent(toks, m.to)
	if !m.tslot.empty() {
		from, to = m.tslot.from, m.tslot.to
	}
	if to <= from {
		return nil
	}
	return d.actAuthor(toks, from, to, critic)
}

// actAuthor resolves a noun phrase that names an act ("the launch",
// "Tuesday's test", "it") to the sources of a factual event of that kind
// coded before in the text, not the critic's own: the first such act for
// a noun, the act a noun named just before or the latest forceful act
// (15-20) of the two sentences before for "it".
func (d *docText) actAuthor(toks []token, from, to int, critic []actorRef) []actorRef {
	segs := segmentsOf(toks, from, to)
	if len(segs) == 0 {
		return nil
	}
	h := segs[0]
	var roots []string
	window := -1
	switch {
	case h.to-h.from == 1 && toks[h.from].lower == "it":
		roots, window = []string{"15", "16", "17", "18", "19", "20"}, 2
	default:
		head := -1
		for k := h.to - 1; k >= h.from; k-- {
			if strings.HasPrefix(toks[k].tag, "NN") {
				head = k
				break
			}
		}
		if head < 0 || head != h.to-1 {
			return nil
		}
		for k := h.from; k < head; k++ {
			// "the launch", "this launch", "Tuesday's launch", "the
			// latest launch": a determiner, a time or a modifier, not
			// a name, whose actor would have resolved.
			if (toks[k].tag == "NNP" || toks[k].tag == "NNPS") && !timeWords[toks[k].lower] {
				return nil
			}
		}
		roots = actNouns[toks[head].lower]
	}
	if len(roots) == 0 {
		return nil
	}
	text := d.text[toks[from].start:toks[to-1].end]
	kind := func(e news.Event) bool {
		return slices.Contains(roots, root(e.CAMEO)) || slices.Contains(roots, root(e.CAMEO)+":"+e.Mode)
	}
	own := func(e news.Event) bool {
		// A critic does not condemn its own act: "South Korea fired
		// missiles in response" is not the launch Seoul condemned.
		for _, c := range e.Source {
			for _, s := range critic {
				if len(c) >= 3 && len(s.code) >= 3 && c[:3] == s.code[:3] {
					return true
				}
			}
		}
		return false
	}
	if window >= 0 {
		// "it": the act a noun named just before, else the latest
		// forceful act of the last sentences.
		if d.lastAct != nil && d.sent-d.lastAct.sent <= window && !own(d.lastAct.ev) {
			return authors(d.lastAct.ev, text, toks[from].start, toks[to-1].end)
		}
		for i := len(d.prior) - 1; i >= 0 && d.sent-d.prior[i].sent <= window; i-- {
			if p := d.prior[i]; kind(p.ev) && !own(p.ev) {
				return authors(p.ev, text, toks[from].start, toks[to-1].end)
			}
		}
		return nil
	}
	// "the launch": the first such act the text tells, the news its
	// title and lead report, not a reply to it told later.
	for _, p := range d.prior {
		if kind(p.ev) && !own(p.ev) {
			d.lastAct = &priorEvent{p.ev, d.sent}
			return authors(p.ev, text, toks[from].start, toks[to-1].end)
		}
	}
	return nil
}

// authors returns the sources of an act named by the words text.
func authors(ev news.Event, text string, start, end int) []actorRef {
	var out []actorRef
	for _, c := range ev.Source {
		out = append(out, actorRef{code: c, text: text, start: start, end: end, weak: true})
	}
	return out
}

// speaker returns who voices a verdict: the speaker of the quotation the
// act is in, else the subject of the reporting verb that governs it.
func (d *docText) speaker(s *sentence, cl clause, m *match) []actorRef {
	at := s.toks[m.anchor()].start
	if !d.headline {
		for _, q := range d.doc.Quotes {
			if q.Start <= at && at < q.End {
				if q.SpeakerActor != "" {
					return []actorRef{{code: q.SpeakerActor, text: q.Speaker, weak: true}}
				}
				if q.Direct {
					return nil
				}
				// "South Korea's trade minister, Sung Yun-mo, said
				// that": the speaker named by an uncoded name is
				// coded by the role beside it, read from the clause.
				break
			}
		}
	}
	if cl.reported < 0 {
		return nil
	}
	outer := leftClause(s.toks, cl.reported, d.headline)
	if outer.subj.empty() || outer.neg || outer.possible || outer.condition {
		return nil
	}
	if outer.subj.to-outer.subj.from == 1 && s.toks[outer.subj.from].tag == "PRP" {
		return d.pronoun(s, outer, outer.subj.from)
	}
	return d.res.head(s.toks, outer.subj.from, outer.subj.to, false)
}

// possessor resolves the possessor of the noun at token a: the noun
// phrase before "'s" ("Putin's first visit") or a possessive pronoun ("his
// second visit"), across the modifiers between ("three-day", "first",
// "state").
func (d *docText) possessor(s *sentence, cl clause, a int) []actorRef {
	toks := s.toks
	k := a - 1
	for k >= 0 && a-k <= 4 {
		t := toks[k].tag
		if strings.HasPrefix(t, "JJ") || t == "CD" || t == "HYPH" || (t == "NN" && !toks[k].cap) {
			k--
			continue
		}
		break
	}
	if k < 0 {
		return nil
	}
	switch {
	case toks[k].tag == "PRP$" && personPronouns[toks[k].lower]:
		for _, m := range d.res.mentionsIn(toks[k].start, toks[k].end) {
			if m.actor != "" {
				return []actorRef{{code: m.actor, text: toks[k].text, start: toks[k].start, end: toks[k].end, weak: true}}
			}
		}
		// Else the subject of the nearest verb before it: "Pompeo was
		// in Pyongyang on his second visit", "Trump wrote that his
		// meeting with Kim would take place".
		for v := k - 1; v >= 0; v-- {
			if !isVerbTag(toks[v].tag) || adjectival(toks, v) {
				continue
			}
			inner := leftClause(toks, v, d.headline)
			if inner.subj.empty() || inner.subj.to-inner.subj.from == 1 && toks[inner.subj.from].tag == "PRP" {
				return nil
			}
			refs := d.res.head(toks, inner.subj.from, inner.subj.to, false)
			for i := range refs {
				refs[i].weak = true
			}
			if len(refs) == 1 {
				return refs
			}
			return nil
		}
	case (toks[k].lower == "'s" || toks[k].lower == "'") && k > 0:
		if start := npStart(toks, k, d.headline); start < k {
			// "the second day of Moon's visit": the possessor is the
			// last phrase, after any linking preposition.
			segs := segmentsOf(toks, start, k)
			last := segs[len(segs)-1]
			return d.res.head(toks, last.from, last.to, false)
		}
	}
	return nil
}

// ordinals count acts ("his fourth trip", "the third summit").
var ordinals = set("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
	"ninth", "tenth", "eleventh", "twelfth", "latest", "last")

// groupNouns are the plural nouns of a phrase that takes up the two
// parties of an act told before: "the two sides", "both leaders".
var groupNouns = set("sides", "leaders", "men", "countries", "governments", "delegations",
	"negotiators", "presidents", "ministers", "nations", "states", "parties")

// group resolves a phrase that names the two parties of an act told
// before ("the two sides had agreed", "the two agreed", "both leaders",
// "the negotiators met") to the two states of the latest factual event of
// the last few sentences that has them, one as source, one as target.
func (d *docText) group(toks []token, from, to int) []actorRef {
	var words []string
	for k := from; k < to; k++ {
		words = append(words, toks[k].lower)
	}
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	switch {
	case len(words) == 1 && (words[0] == "two" || words[0] == "both"):
	case len(words) == 2 && (words[0] == "two" || words[0] == "both") && groupNouns[words[1]]:
	case len(words) == 1 && (words[0] == "negotiators" || words[0] == "delegations") && toks[from].lower == "the":
	default:
		return nil
	}
	text := d.text[toks[from].start:toks[to-1].end]
	reported := false
	for k := 0; k < from; k++ {
		reported = reported || reportVerbs[toks[k].lower] && (isVerbTag(toks[k].tag) || toks[k].tag == "VBN" || toks[k].tag == "VBG")
	}
	if from > 0 && !reported {
		// "Pompeo met Kim in Pyongyang, and the two agreed": the two
		// states named before in the sentence.
		states := map[string]actorRef{}
		var order []string
		for _, a := range d.res.actorsIn(toks, 0, from) {
			if len(a.code) < 3 || a.code[:3] == "IGO" || a.code[:3] == "NGO" || afterLocative(toks, a.start) {
				// "met Aliyev in Almaty": the place is not a party.
				continue
			}
			if o, ok := states[a.code[:3]]; !ok || len(o.code) == 3 && len(a.code) > 3 {
				if !ok {
					order = append(order, a.code[:3])
				}
				states[a.code[:3]] = actorRef{code: a.code, text: text, start: toks[from].start, end: toks[to-1].end, weak: true}
			}
		}
		if len(order) == 2 {
			return []actorRef{states[order[0]], states[order[1]]}
		}
		if len(order) > 2 {
			return nil
		}
	}
	if n := words[len(words)-1]; n == "leaders" || n == "presidents" {
		// "Kim Jong Un ..., South Korean President Moon Jae-in
		// announced. ... a declaration the two leaders signed": the two
		// state leaders named by the sentence before, or this one.
		if two := d.twoLeaders(toks[from].start); len(two) == 2 {
			for i := range two {
				two[i].text, two[i].start, two[i].end = text, toks[from].start, toks[to-1].end
			}
			return two
		}
	}
	for i := len(d.prior) - 1; i >= 0; i-- {
		p := d.prior[i]
		if d.sent-p.sent > 5 {
			break
		}
		if r := root(p.ev.CAMEO); r != "03" && r != "04" && r != "05" && r != "06" {
			// The two who act together again: parties that met,
			// agreed or cooperated, not a critic and its target.
			continue
		}
		parties := map[string]string{}
		var order []string
		for _, c := range append(append([]string(nil), p.ev.Source...), p.ev.Target...) {
			if len(c) < 3 {
				continue
			}
			if _, ok := parties[c[:3]]; !ok {
				order = append(order, c[:3])
				parties[c[:3]] = c
			}
		}
		if len(order) != 2 {
			continue
		}
		return []actorRef{
			{code: parties[order[0]], text: text, start: toks[from].start, end: toks[to-1].end, weak: true},
			{code: parties[order[1]], text: text, start: toks[from].start, end: toks[to-1].end, weak: true},
		}
	}
	return nil
}

// buildingNouns take up a seat named just before: "spent an hour at the
// White House. He was the most senior official to visit the building".
var buildingNouns = set("building", "compound", "premises", "palace", "residence")

// building resolves "the building" in the target slot to the seat or
// place of the sentence before: the last mention there, or earlier in
// this sentence, that has an actor.
func (d *docText) building(s *sentence, slot span) []actorRef {
	toks := s.toks
	if slot.to-slot.from != 2 || toks[slot.from].lower != "the" || !buildingNouns[toks[slot.from+1].lower] {
		return nil
	}
	from := d.prevSent.start
	if len(d.prevSent.toks) == 0 {
		from = s.start
	}
	var best []actorRef
	for _, m := range d.res.mentions {
		if m.start >= from && m.end <= toks[slot.from].start && !m.pronoun && m.actor != "" && (m.typ == news.Location || m.typ == news.Organization) {
			best = []actorRef{{code: m.actor, text: d.text[toks[slot.from].start:toks[slot.to-1].end], weak: true}}
		}
	}
	return best
}

// twoLeaders returns the government people of exactly two states named
// in the sentence before byte at or in the one before that sentence, or
// nil.
func (d *docText) twoLeaders(at int) []actorRef {
	from := d.prevSent.start
	if len(d.prevSent.toks) == 0 {
		from = 0
	}
	states := map[string]bool{}
	var out []actorRef
	for _, m := range d.res.mentions {
		if m.start < from || m.end > at || m.typ != news.Person || m.pronoun || len(m.actor) < 6 || m.actor[3:6] != "GOV" {
			continue
		}
		if !states[m.actor[:3]] {
			states[m.actor[:3]] = true
			out = append(out, actorRef{code: m.actor, weak: true})
		}
	}
	if len(out) != 2 {
		return nil
	}
	return out
}

// publicNouns name a state's people as a whole: "the public", "the nation".
var publicNouns = set("public", "nation", "people", "populace")

// courtNouns name a court of law or its judges.
var courtNouns = set("judge", "jury", "court", "tribunal", "justice", "magistrate")

// court resolves a subject that is a court, a jury or a judge with no
// state of its own ("A federal jury in Washington", "Judge Beryl
// Howell") to the judiciary of the place the sentence names, else of the
// one state its ruling is about: a court judges under its own law.
func (d *docText) court(s *sentence, cl clause, tgt []actorRef) []actorRef {
	toks := s.toks
	court := false
	for k := cl.subj.from; k < cl.subj.to && toks[k].tag != "IN"; k++ {
		// "A federal jury in Washington", "Judge Beryl Howell"
		if courtNouns[toks[k].lower] && !isVerbish(toks[k].tag) {
			court = true
		}
	}
	if !court {
		return nil
	}
	c, _ := d.placeCountry(s)
	if c == "" {
		for _, t := range tgt {
			if len(t.code) < 3 || c != "" && c != t.code[:3] {
				return nil
			}
			c = t.code[:3]
		}
	}
	if len(c) != 3 || c == "IGO" || c == "NGO" {
		return nil
	}
	return []actorRef{{code: c + "JUD", text: d.text[toks[cl.subj.from].start:toks[cl.subj.to-1].end], weak: true}}
}

// crowdSectors are the roles of an occupation whose members may act as a
// crowd: farmers, workers.
var crowdSectors = set("AGR", "LAB")

// crowdNouns are the unnamed civilians a report makes the subject of an
// act: "hundreds of thousands of people marched", "protesters demanded".
var crowdNouns = set("people", "protesters", "protestors", "demonstrators", "marchers",
	"residents", "crowd", "crowds", "citizens", "students", "activists")

// crowd resolves a subject of unnamed civilians ("Hundreds of thousands of
// people dressed in black marched through central Hong Kong", "protesters
// demanded") to the civilians of the state the sentence places the act in.
func (d *docText) crowd(s *sentence, cl clause) []actorRef {
	toks := s.toks
	segs := segmentsOf(toks, cl.subj.from, cl.subj.to)
	h := 0
	for h+1 < len(segs) && segs[h+1].link == "of" && quantifierHead(toks, segs[h]) {
		h++
	}
	last := segs[h].to - 1
	role := "CVL"
	if !crowdNouns[toks[last].lower] {
		// "More than a thousand farmers drove tractors": a crowd of an
		// occupation is coded by its sector.
		r, ok := "", false
		if d.res.kb != nil && strings.HasSuffix(toks[last].lower, "s") {
			r, ok = d.res.kb.Sector(toks[last].lower)
		}
		if !ok || !crowdSectors[r] {
			return nil
		}
		role = r
	}
	for k := segs[h].from; k < last; k++ {
		if k == 0 && toks[k].tag != "JJ" && toks[k].tag != "NNP" && toks[k].tag != "NNPS" {
			// "More than a thousand farmers": the sentence's capital.
			continue
		}
		if toks[k].cap {
			// "Serbian protesters" name their own people.
			return nil
		}
	}
	c, _ := d.placeCountry(s)
	if c == "" {
		// "drove tractors into the European quarter of Brussels": the
		// one country the sentence's towns lie in ("farmers from
		// Belgium" tells where they come from, not where they act).
		for _, m := range d.res.mentions {
			if m.start >= s.start && m.end <= s.end && m.typ == news.Location && m.country != "" {
				if d.res.kb == nil {
					return nil
				}
				if _, isCountry := d.res.kb.Country(m.text); isCountry {
					continue
				}
				if c != "" && c != m.country {
					return nil
				}
				c = m.country
			}
		}
	}
	if len(c) != 3 {
		return nil
	}
	return []actorRef{{code: c + role, text: d.text[toks[cl.subj.from].start:toks[cl.subj.to-1].end], start: toks[cl.subj.from].start, end: toks[cl.subj.to-1].end, weak: true}}
}

// afterLocative reports whether the token at byte start follows a
// preposition of place ("in Almaty", "at the border"), the article between
// allowed.
func afterLocative(toks []token, start int) bool {
	for k := range toks {
		if toks[k].start == start {
			return k > 0 && locatives[toks[k-1].lower] || k > 1 && toks[k-1].lower == "the" && locatives[toks[k-2].lower]
		}
	}
	return false
}
