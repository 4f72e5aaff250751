package events

import (
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/news"
)

// actorRef is one actor found in a noun phrase.
type actorRef struct {
	code       string
	text       string
	start, end int // byte span in the coded text
	// weak marks an actor taken from a pronoun or a distance heuristic, or
	// a person whose office the date could not settle; it lowers the
	// event's confidence.
	weak bool
}

// mention is an entity mention of the document with the actor it stands
// for, pronouns followed to their antecedent.
type mention struct {
	start, end int
	text       string
	typ        string
	actor      string
	country    string
	pronoun    bool
}

// mentionsOf indexes the document's entity mentions by offset. A mention
// that has no actor of its own but refers to an earlier one (a pronoun, a
// role noun) takes that mention's actor.
func mentionsOf(doc *news.Document) []mention {
	out := make([]mention, 0, len(doc.Entities))
	for i, e := range doc.Entities {
		m := mention{start: e.Start, end: e.End, text: e.Text, typ: e.Type, actor: e.Actor, country: e.Country}
		if m.actor == "" {
			// Follow Ref to an earlier mention; Ref is -1 (or unset, 0,
			// which only an earlier mention can mean) when there is none.
			for hops, r := 0, e.Ref; r >= 0 && r < i && hops < 8; hops++ {
				ant := doc.Entities[r]
				if ant.Actor != "" {
					m.actor, m.pronoun = ant.Actor, true
					if m.country == "" {
						m.country = ant.Country
					}
					break
				}
				if ant.Ref == r {
					break
				}
				r = ant.Ref
			}
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].start < out[b].start })
	return out
}

// resolver finds actors in noun phrases of one coded text.
type resolver struct {
	kb       *actors.KB
	text     string
	mentions []mention // empty for a headline
	on       time.Time // the day people's offices are read for
	// cache holds code's answers for this text: the same names recur
	// in every sentence of an article.
	cache map[codeKey]codeVal
}

type codeKey struct {
	phrase string
	on     int64
}

type codeVal struct {
	code     string
	weak, ok bool
}

// code resolves a phrase to an actor code. A person whose office the date
// cannot settle (no date known) gets their country, marked weak: the gold
// standard and most uses need the state, and the state does not change with
// office.
func (r *resolver) code(phrase string) (string, bool, bool) {
	k := codeKey{phrase, r.on.Unix()}
	if v, ok := r.cache[k]; ok {
		return v.code, v.weak, v.ok
	}
	c, weak, ok := r.lookup(phrase)
	if r.cache == nil {
		r.cache = map[codeKey]codeVal{}
	}
	r.cache[k] = codeVal{c, weak, ok}
	return c, weak, ok
}

// lookup is code without the cache.
func (r *resolver) lookup(phrase string) (string, bool, bool) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return "", false, false
	}
	if hasConj(phrase) {
		c, ok := r.coordinatedName(phrase)
		return c, false, ok
	}
	if c, ok := r.kb.Actor(phrase, r.on); ok {
		return c, false, true
	}
	if r.on.IsZero() {
		if p, _, ok := r.kb.Person(phrase, r.on); ok && p.Country != "" {
			return p.Country, true, true
		}
	}
	if c := r.sharedCountry(phrase); c != "" {
		// "President Roosevelt": two people of the name, one state.
		return c, true, true
	}
	// Plural demonyms and possessives the knowledge base lists in the
	// singular ("Palestinians", "Haiti's").
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if h, ok := strings.CutSuffix(phrase, suf); ok && h != "" {
			return r.code(h)
		}
	}
	if strings.HasSuffix(phrase, "s") && len(phrase) > 4 && !strings.Contains(phrase, " ") {
		if c, ok := r.kb.Country(phrase[:len(phrase)-1]); ok {
			return c.Code, false, true
		}
	}
	return "", false, false
}

// coordinated reports whether a phrase joins words with "and", "&" or a
// comma: such a phrase is one actor only if it is a known name that itself
// has the conjunction ("Trinidad and Tobago", "Bosnia and Herzegovina"),
// never a role shared by two states ("Hungarian and Romanian officials"),
// which the caller splits.
func (r *resolver) coordinatedName(phrase string) (string, bool) {
	if c, ok := r.kb.Country(phrase); ok && hasConj(c.Name+" "+strings.Join(c.Names, " ")) {
		return c.Code, true
	}
	if o, ok := r.kb.Organization(phrase); ok && hasConj(o.Name+" "+strings.Join(o.Aliases, " ")) {
		return o.Code, true
	}
	return "", false
}

func hasConj(s string) bool {
	return strings.Contains(s, " and ") || strings.Contains(s, "&") || strings.Contains(s, ",")
}

// place resolves a phrase as a location to its country code.
func (r *resolver) place(phrase string) (string, bool) {
	if c, ok := r.kb.Place(phrase); ok {
		return c, true
	}
	if c, ok := r.kb.Country(phrase); ok {
		return c.Code, true
	}
	return "", false
}

// locatives are the prepositions after which a capital names a place.
var locatives = set("in", "at", "near", "inside", "outside", "across", "throughout", "around", "into")

// mentionsIn returns the entity mentions inside the byte span.
func (r *resolver) mentionsIn(start, end int) []mention {
	var out []mention
	i := sort.Search(len(r.mentions), func(i int) bool { return r.mentions[i].start >= start })
	for ; i < len(r.mentions) && r.mentions[i].start < end; i++ {
		if r.mentions[i].end <= end {
			out = append(out, r.mentions[i])
		}
	}
	return out
}

// actorsIn finds the actors in toks[i:j], longest names first, each
// extended by a role noun that follows it in the range ("North Korean"
// and "diplomats" make PRKGOV).
// allyNouns name a party by its tie to another ("Israel's militia ally").
var allyNouns = set("ally", "allies", "proxy", "proxies")

func (r *resolver) actorsIn(toks []token, i, j int) []actorRef {
	var out []actorRef
	covered := make([]bool, j-i)
	mentions := r.mentionsIn(toks[i].start, toks[j-1].end)
	for _, m := range mentions {
		if m.actor == "" && m.typ != news.Location {
			continue
		}
		a, b := tokenRange(toks, i, j, m.start, m.end)
		if a < 0 || a > 0 && toks[a-1].lower == "ethnic" {
			continue
		}
		if r.longerName(toks, i, j, a, b) {
			// "the Democratic People's Republic of Korea": a known name
			// that contains the mention ("Republic of Korea") wins.
			continue
		}
		code := m.actor
		weak := m.pronoun
		if code == "" {
			// A place names its state ("officials in Seoul" is handled by
			// the caller; a bare place as an actor is its country).
			if m.country == "" {
				continue
			}
			code = m.country
		}
		if b < len(toks) && allyNouns[toks[b].lower] && strings.Contains(m.text, "'s") {
			// "Israel's militia ally", "Iran's proxies": the possessor's
			// ally is a party of its own, not the possessor.
			for k := a; k < b && k < j; k++ {
				covered[k-i] = true
			}
			continue
		}
		ref := actorRef{code: code, text: m.text, start: m.start, end: m.end, weak: weak}
		b = r.extendRole(toks, a, b, j, &ref)
		for k := a; k < b; k++ {
			covered[k-i] = true
		}
		out = append(out, ref)
	}
	for k := i; k < j; k++ {
		if covered[k-i] || !nameStart(toks, k) {
			continue
		}
		for e := min(j, k+6); e > k; e-- {
			if anyCovered(covered, k-i, e-i) || !nameEnd(toks, e-1) {
				continue
			}
			phrase := r.text[toks[k].start:toks[e-1].end]
			code, weak, ok := r.code(phrase)
			if !ok {
				continue
			}
			if k > 0 && locatives[toks[k-1].lower] || k > 1 && toks[k-1].lower == "the" && locatives[toks[k-2].lower] {
				// "talks in Pyongyang": a seat after a preposition of
				// place is the place, whose actor is its state.
				if c, ok := r.kb.Place(phrase); ok {
					code = c
				}
			}
			if k > 0 && toks[k-1].lower == "ethnic" {
				// "ethnic Albanians" are a people, not Albania.
				k = e - 1
				break
			}
			ref := actorRef{code: code, text: phrase, start: toks[k].start, end: toks[e-1].end, weak: weak}
			e = r.extendRole(toks, k, e, j, &ref)
			for x := k; x < e; x++ {
				covered[x-i] = true
			}
			out = append(out, ref)
			k = e - 1
			break
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].start < out[b].start })
	return adjacentFirst(r.text, r.dropPlaceModifiers(toks, out))
}

// dropPlaceModifiers drops a city that modifies the common noun after it
// ("the Hanoi summit", "Stockholm nuclear talks"): it says where, not who,
// even where a capital alone would stand for its government. A city
// followed by a role noun ("Seoul officials") has already become that
// role's actor, and a country ("North Korean missiles") stays.
func (r *resolver) dropPlaceModifiers(toks []token, refs []actorRef) []actorRef {
	var out []actorRef
	for _, a := range refs {
		k := tokenAt(toks, a.end)
		if k < len(toks) && !toks[k].cap && !timeWords[toks[k].lower] && !timeLead[toks[k].lower] && (strings.HasPrefix(toks[k].tag, "NN") || strings.HasPrefix(toks[k].tag, "JJ")) {
			if _, ok := r.kb.Place(a.text); ok {
				if _, isCountry := r.kb.Country(a.text); !isCountry {
					continue
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// adjacentFirst keeps, of actors that follow one another with no
// conjunction between them, the first: "Bosnian Serbs" are Bosnia's,
// "Russian President Boris Yeltsin" is one actor, "U.S. Predator attacks"
// American.
func adjacentFirst(text string, refs []actorRef) []actorRef {
	if len(refs) < 2 {
		return refs
	}
	out := refs[:1]
	for _, r := range refs[1:] {
		prev := out[len(out)-1]
		between := strings.TrimSpace(text[prev.end:r.start])
		if between == "" || between == "'s" || between == "’s" || between == "-" {
			continue
		}
		out = append(out, r)
	}
	return out
}

// longerName reports whether a knowledge-base name of up to six words in
// toks[i:j] strictly contains the tokens [a, b).
func (r *resolver) longerName(toks []token, i, j, a, b int) bool {
	for k := max(i, a-4); k <= a; k++ {
		if !nameStart(toks, k) {
			continue
		}
		for e := min(j, k+6); e >= b && e > k; e-- {
			if e-k <= b-a || !nameEnd(toks, e-1) {
				continue
			}
			if _, _, ok := r.code(r.text[toks[k].start:toks[e-1].end]); ok {
				return true
			}
		}
	}
	return false
}

// extendRole tries the actor at toks[a:b] with the words after it up to j
// ("North Korea 's delegation", "Israeli army bulldozers") and keeps the
// longest reading that adds a role to a bare state.
func (r *resolver) extendRole(toks []token, a, b, j int, ref *actorRef) int {
	if len(ref.code) != 3 {
		return b
	}
	for e := min(j, b+4); e > b; e-- {
		if toks[e-1].isPunct() || toks[e-1].lower == "and" || !strings.HasPrefix(toks[e-1].tag, "NN") && !toks[e-1].cap {
			continue
		}
		stop := false
		for k := b; k < e; k++ {
			if toks[k].lower == "and" || toks[k].lower == "," || toks[k].tag == "IN" {
				stop = true
			}
		}
		if stop {
			continue
		}
		phrase := r.text[toks[a].start:toks[e-1].end]
		if hasConj(phrase) {
			continue
		}
		if c, ok := r.kb.Actor(phrase, r.on); ok && len(c) > 3 && strings.HasPrefix(c, ref.code) {
			ref.code, ref.text, ref.end = c, phrase, toks[e-1].end
			return e
		}
	}
	return b
}

func anyCovered(c []bool, a, b int) bool {
	for k := a; k < b; k++ {
		if c[k] {
			return true
		}
	}
	return false
}

// nameStart reports whether a name can begin at toks[k]: a capitalised word
// that is not a sentence's capitalised function word.
func nameStart(toks []token, k int) bool {
	t := &toks[k]
	if !t.cap || t.isPunct() {
		return false
	}
	switch t.tag {
	case "PRP":
		return isAllCapsWord(t.text) // "US", read by the tagger as "us"
	case "DT", "IN", "CC", "TO", "PRP$", "MD", "WDT", "WP":
		return false
	}
	return true
}

// nameEnd reports whether a name can end at toks[k]. A conjunction,
// preposition or determiner never ends one: the knowledge base forgives
// such a trailing word, and "U.S. President Donald Trump and" read as a
// name would swallow the conjunct after it.
func nameEnd(toks []token, k int) bool {
	t := &toks[k]
	switch t.tag {
	case "CC", "IN", "DT", "TO", "WDT", "WP":
		return false
	}
	return !t.isPunct() || t.lower == "'s" || t.lower == "'" || isInitialism(t.text)
}

// tokenRange maps a byte span to the tokens [a, b) of toks[i:j] it covers.
func tokenRange(toks []token, i, j, start, end int) (int, int) {
	a, b := -1, -1
	for k := i; k < j; k++ {
		if a < 0 && toks[k].start >= start && toks[k].start < end {
			a = k
		}
		if toks[k].end <= end && toks[k].start >= start {
			b = k + 1
		}
	}
	if a < 0 || b <= a {
		return -1, -1
	}
	return a, b
}

// segments splits a noun phrase at its linking prepositions. Each segment
// records the preposition that introduced it ("" for the first).
type segment struct {
	from, to int
	link     string
}

func segmentsOf(toks []token, i, j int) []segment {
	var out []segment
	cur := segment{from: i}
	for k := i; k < j; k++ {
		w := toks[k].lower
		if k > i && (npLinks[w] || w == "based") && toks[k].tag != "POS" {
			if k > cur.from {
				cur.to = k
				out = append(out, cur)
			}
			cur = segment{from: k + 1, link: w}
			if w == "based" && k+1 < j && toks[k+1].lower == "in" {
				cur = segment{from: k + 2, link: "in"}
				k++
			}
		}
	}
	if j > cur.from {
		cur.to = j
		out = append(out, cur)
	}
	return out
}

// head resolves the actor a noun phrase stands for. The first segment is
// the head ("North Korea's delegation" in "North Korea's delegation at the
// United Nations"); a quantifier head passes to its of-phrase ("a group of
// Moroccan diplomats"); a role noun without a state takes the state of the
// place its phrase names ("a court in Moscow" is RUSJUD). With anyActor
// set, an actor anywhere in the phrase will do, as the recipient of "a
// letter from Trump" is Trump.
func (r *resolver) head(toks []token, i, j int, anyActor bool) []actorRef {
	if i >= j {
		return nil
	}
	segs := segmentsOf(toks, i, j)
	h := 0
	for h+1 < len(segs) && segs[h+1].link == "of" && quantifierHead(toks, segs[h]) && len(r.actorsIn(toks, segs[h].from, segs[h].to)) == 0 {
		h++
	}
	hs := segs[h]
	// A name may run across "of" ("the Democratic People's Republic of
	// Korea", "the Bank of England"): look for actors in the whole phrase
	// and keep those that begin in the head.
	var found []actorRef
	for _, a := range r.actorsIn(toks, hs.from, j) {
		if a.start < toks[hs.to-1].end {
			found = append(found, a)
		}
	}
	if len(found) > 0 {
		return shareRole(r, toks, hs, found)
	}
	role := roleOf(r.kb, toks, hs)
	for n, s := range segs[h+1:] {
		if !anyActor && (s.link == "by" || s.link == "against" || s.link == "with" || s.link == "to") {
			break
		}
		if role != "" && n > 0 {
			// A role takes its state from the phrase right after it
			// ("militants in Afghanistan"), not from one further on
			// ("militants in a raid near the Afghan border").
			break
		}
		// The actor must head its phrase: "near the Afghan border" is a
		// border, not Afghanistan.
		acts := headed(toks, s, r.actorsIn(toks, s.from, s.to))
		if role != "" {
			for _, a := range acts {
				if len(a.code) >= 3 && (len(a.code) == 3 || strings.HasSuffix(a.code, "GOV") && isPlaceText(r, a.text)) {
					country := a.code[:3]
					return []actorRef{{code: country + role, text: r.text[toks[hs.from].start:toks[s.to-1].end], start: toks[hs.from].start, end: toks[s.to-1].end, weak: a.weak}}
				}
				if a.code[:3] == "IGO" || a.code[:3] == "NGO" || len(a.code) > 3 {
					return []actorRef{a}
				}
			}
		} else if anyActor && len(acts) > 0 && !locatives[s.link] {
			// "a letter from Trump", "the removal of the president";
			// but "Kim in Hanoi" is met in Hanoi, not Hanoi met.
			return acts[:1]
		}
	}
	return nil
}

// headed keeps the actors that head their phrase: that end it, or end a
// conjunct of it ("positions of the Palestinian security forces and
// residential areas"), or stand before a parenthesised acronym.
func headed(toks []token, s segment, acts []actorRef) []actorRef {
	var out []actorRef
	for _, a := range acts {
		k := s.from
		for k < s.to && toks[k].end <= a.end {
			k++
		}
		if k == s.to || toks[k].lower == "and" || toks[k].lower == "," || toks[k].lower == "or" || toks[k].lower == "(" {
			out = append(out, a)
		}
	}
	return out
}

// isPlaceText reports whether an actor's text names a place (a capital read
// as its government), so that "a court in Moscow" is a Russian court and
// not the Russian government.
func isPlaceText(r *resolver, text string) bool {
	_, ok := r.kb.Place(text)
	return ok
}

// quantifierHead reports whether a segment is a quantity or collective
// whose actor is in the of-phrase after it.
func quantifierHead(toks []token, s segment) bool {
	for k := s.to - 1; k >= s.from; k-- {
		if toks[k].tag == "DT" || toks[k].tag == "JJ" && !toks[k].cap {
			continue
		}
		return quantifiers[toks[k].lower] || toks[k].tag == "CD"
	}
	return false
}

// roleOf returns the sector code of a segment's role noun, if its last noun
// is one ("officials", "the court", "security forces").
func roleOf(kb *actors.KB, toks []token, s segment) string {
	for e := s.to; e > s.from; e-- {
		if !strings.HasPrefix(toks[e-1].tag, "NN") && !strings.HasPrefix(toks[e-1].tag, "JJ") {
			continue
		}
		for b := max(s.from, e-3); b < e; b++ {
			var words []string
			for k := b; k < e; k++ {
				words = append(words, toks[k].lower)
			}
			if c, ok := kb.Sector(strings.Join(words, " ")); ok {
				return c
			}
		}
	}
	return ""
}

// shareRole gives a role noun at the end of a coordinated head to every
// bare state before it: "Hungarian and Romanian officials" is HUNGOV and
// ROUGOV.
func shareRole(r *resolver, toks []token, s segment, found []actorRef) []actorRef {
	if len(found) < 2 {
		return found
	}
	role := roleOf(r.kb, toks, s)
	if role == "" {
		return found
	}
	for k := range found {
		if len(found[k].code) == 3 && found[k].end < toks[s.to-1].end {
			found[k].code += role
		}
	}
	return found
}

// sharedCountry returns the state of every person a name may stand for,
// if they share one and there are several: whichever of them is meant,
// the state is known.
func (r *resolver) sharedCountry(phrase string) string {
	country, n := "", 0
	for _, name := range r.kb.Lookup(phrase) {
		if name.Kind != actors.KindPerson {
			return ""
		}
		if name.Country == "" || country != "" && name.Country != country {
			return ""
		}
		country = name.Country
		n++
	}
	if n < 2 {
		return ""
	}
	return country
}
