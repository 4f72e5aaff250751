package entities

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/nlp"
)

// title is what a description put before a name tells about it: "U.S.
// President" before "Donald Trump", "Seoul-based monitoring outlet" before
// "NK News".
type title struct {
	actor string // state+role code, "" if the description has no state
	roles []string
	// lapsed is set for "former", "ex-", "late": the office is not held.
	lapsed bool
}

// names finds the names and descriptions in the text, chooses among
// overlapping readings, and resolves each.
func (a *analysis) names() {
	gaz := a.t.gaz.match(a.d, a.words)
	a.ctx = a.context(gaz)
	titles := map[int]title{} // start token of a name -> its title
	a.descriptions(gaz, titles)

	prose := a.proseNames()
	// A model's name that strictly contains known names is a longer name
	// the knowledge base does not have ("George Washington University"
	// holds "Washington"); it wins over them. Otherwise the knowledge base
	// wins: it knows "White House" is one name and "NK News" an outlet.
	inGaz := make([]bool, len(gaz))
	var later []span
	for _, p := range prose {
		containsAll, overlaps := true, false
		var inside []int
		for gi, g := range gaz {
			if g.end <= p.start || g.start >= p.end {
				continue
			}
			overlaps = true
			if g.start < p.start || g.end > p.end || (g.start == p.start && g.end == p.end) {
				containsAll = false
			}
			inside = append(inside, gi)
		}
		if overlaps && containsAll && a.free(p.start, p.end) && !a.gluedTitle(p, gaz, inside) && !twoPeople(gaz, inside) {
			a.addProse(p, titles)
			for _, gi := range inside {
				inGaz[gi] = true
			}
			continue
		}
		later = append(later, p)
	}
	// The model's person reading decides between a person's alias and a
	// place of the same name.
	prosePerson := func(g gazMatch) bool {
		for _, p := range prose {
			if p.typ == nlp.Person && p.start <= g.start && p.end >= g.end {
				return true
			}
		}
		return false
	}
	blocked := make([]bool, len(a.d.Tokens))
	for gi, g := range gaz {
		if inGaz[gi] {
			continue
		}
		for i := g.start; i < g.end; i++ {
			blocked[i] = true
		}
		if a.free(g.start, g.end) {
			a.addGaz(g, titles, prosePerson(g))
		}
	}
	// Where the knowledge base knows a name, what the model made of the
	// same words is dropped even if the name gave no mention (a demonym, a
	// title's state).
	for _, p := range later {
		clear := a.free(p.start, p.end)
		for i := p.start; i < p.end && clear; i++ {
			clear = !blocked[i]
		}
		if clear {
			a.addProse(p, titles)
		}
	}
	a.appositions()
}

// twoPeople reports whether the known names inside a model's name include
// two people: a name does not hold two people's names, so the model ran
// them together across the word between ("Pashinyan Meets Aliyev" in a
// headline).
func twoPeople(gaz []gazMatch, inside []int) bool {
	n := 0
	for _, gi := range inside {
		for _, e := range gaz[gi].name.entries {
			if e.Kind == actors.KindPerson {
				n++
				break
			}
		}
	}
	return n >= 2
}

// gluedTitle reports whether a model's name is a known state or body glued
// by a title to what follows ("U.S. President Donald Trump" read as one):
// the known name starts it and a title word comes right after.
func (a *analysis) gluedTitle(p span, gaz []gazMatch, inside []int) bool {
	if len(inside) == 0 {
		return false
	}
	first := gaz[inside[0]]
	if first.start != p.start || first.end >= p.end {
		return false
	}
	k, _, ok := reading(first.name.entries, false)
	return ok && k != actors.KindPerson && a.isTitleWord(first.end)
}

// span is a token range with the model's type.
type span struct {
	start, end int
	typ        string
}

// proseNames returns prose's entities with the model's known mistakes
// repaired or dropped.
func (a *analysis) proseNames() []span {
	var out []span
	for _, e := range a.d.Entities {
		if s, ok := a.cleanProse(e); ok {
			out = append(out, s)
		}
	}
	return a.ofNames(a.orgRuns(out))
}

// ofNames joins a name to a capitalised organisation's or place's head
// noun and "of" before it: "University of" + "Pennsylvania", "Ministry of"
// + "Higher Education", "Gulf of" + "Aden". The model finds the name after
// "of" and types it as it would alone; the whole is one organisation or
// place, starting at the capitalised words before the head ("State Board
// of Antiquities"). Tokens already taken by a description are left alone.
func (a *analysis) ofNames(spans []span) []span {
	out := make([]span, 0, len(spans))
	for i := 0; i < len(spans); i++ {
		p := spans[i]
		of := p.start - 1
		head := of - 1
		if head < 0 || a.lower(of) != "of" || a.tok(head).Sentence != a.tok(p.start).Sentence {
			out = append(out, p)
			continue
		}
		hw := strings.ToLower(a.tok(head).Text)
		typ := ""
		switch {
		case orgHeads[hw]:
			typ = nlp.Organization
		case geoHeads[hw]:
			typ = nlp.Location
		}
		sent := a.d.Sentences[a.tok(head).Sentence]
		if typ == nlp.Organization && isCapitalised(a.tok(head).Text) && a.free(of, p.start) && !a.free(head, of) {
			// A description ends at the head ("the Pyongyang University"):
			// the name after "of" completes it.
			if m := a.ms[a.covered[head]]; m.end == of && m.typ == nlp.Organization {
				end := a.coordinatedEnd(p.end, sent.TokEnd)
				for t := of; t < end; t++ {
					a.covered[t] = a.covered[head]
				}
				m.end = end
				for i+1 < len(spans) && spans[i+1].start < end {
					i++
				}
				continue
			}
		}
		if typ == "" || !isCapitalised(a.tok(head).Text) || !a.free(head, p.start) {
			out = append(out, p)
			continue
		}
		start := head
		for start-1 >= sent.TokStart {
			t := a.tok(start - 1)
			w := strings.ToLower(t.Text)
			if !isCapitalised(t.Text) || !hasLetter(t.Text) || determiners[w] || closedClass[w] || a.isTitleWord(start-1) || !a.free(start-1, start) || isPossessive(t) {
				break
			}
			start--
		}
		// A name the model found before the head is part of the whole.
		for len(out) > 0 && out[len(out)-1].end > start {
			if out[len(out)-1].start < start {
				start = out[len(out)-1].start
			}
			out = out[:len(out)-1]
		}
		end := p.end
		if typ == nlp.Organization {
			end = a.coordinatedEnd(p.end, sent.TokEnd)
		}
		out = append(out, span{start: start, end: end, typ: typ})
		// The model's names inside the coordination ("Trade", "Industry")
		// are parts of the whole.
		for i+1 < len(spans) && spans[i+1].start < end {
			i++
		}
	}
	return out
}

// coordinatedEnd extends an organisation's "of" name over a coordinated
// list of single capitalised words: "Ministry of Economy, Trade and
// Industry", "University of Science and Technology". A word the knowledge
// base knows as a name ("... of Defence and Russia") ends the list, and so
// does the word after "and".
func (a *analysis) coordinatedEnd(end, limit int) int {
	for {
		k := end
		if k < limit && a.tok(k).Text == "," {
			k++
		}
		and := k < limit && a.lower(k) == "and"
		if and {
			k++
		}
		if k == end || k >= limit {
			return end
		}
		w := a.tok(k).Text
		if !isCapitalised(w) || !hasLetter(w) || len(a.t.kb.Lookup(w)) > 0 {
			return end
		}
		if k+1 < limit && isCapitalised(a.tok(k+1).Text) && hasLetter(a.tok(k+1).Text) {
			return end // a multi-word name of its own follows
		}
		end = k + 1
		if and {
			return end
		}
	}
}

// orgRuns joins a model's name to the capitalised words after it when they
// end in an organisation's head noun: the model often splits a long name
// it does not know ("Mujahideen Shura" + "Council", "Combined Joint" +
// "Task Force", "Syria Recovery" + "Trust Fund") and types the halves as
// people. The joined name is an organisation; the names it swallows go.
func (a *analysis) orgRuns(spans []span) []span {
	var out []span
	for i := 0; i < len(spans); i++ {
		p := spans[i]
		sent := a.d.Sentences[a.tok(p.start).Sentence]
		head := -1
		for j := p.end; j < sent.TokEnd && j < p.end+4; j++ {
			t := a.tok(j)
			if !isCapitalised(t.Text) || !hasLetter(t.Text) || !strings.HasPrefix(t.Tag, "NNP") || a.isTitleWord(j) || calendar[strings.ToLower(t.Text)] {
				break
			}
			if orgHeads[strings.ToLower(t.Text)] {
				head = j
			}
		}
		if head < 0 {
			out = append(out, p)
			continue
		}
		p.end, p.typ = head+1, nlp.Organization
		for i+1 < len(spans) && spans[i+1].start < p.end {
			if spans[i+1].end > p.end {
				// A name that runs past the head is not swallowed.
				break
			}
			i++
		}
		out = append(out, p)
	}
	return out
}

// cleanProse trims and filters one model entity:
//   - a determiner, and for a person a title ("President", "Mr.",
//     "Foreign Minister"), is taken off the front;
//   - a possessive, a month or a weekday is taken off the end;
//   - a hyphenated adjective on a place ("Seoul-based", "U.S.-led") is
//     dropped: it describes what follows;
//   - what is left must hold a proper noun, and a lone word opening a
//     sentence must be tagged one: the model takes capitalised common words
//     ("Officials", "The") there for names;
//   - a month, a weekday, a pronoun or a title alone is dropped.
func (a *analysis) cleanProse(e nlp.Entity) (span, bool) {
	s, end := e.TokStart, e.TokEnd
	for s < end {
		w := a.lower(s)
		switch {
		case determiners[w] || calendar[w] || lapsed[w] || closedClass[w] || placePreps[w]:
			// "The", "Near" and "In" opening a sentence are not part of a
			// name the model glued them to.
			s++
			continue
		case e.Type == nlp.Person && a.isTitleWord(s):
			s++
			continue
		}
		break
	}
	for end > s {
		t := a.tok(end - 1)
		if isPossessive(t) || calendar[strings.ToLower(t.Text)] || !hasLetter(t.Text) || trailingWord(t) {
			end--
			continue
		}
		break
	}
	if s >= end {
		return span{}, false
	}
	first := a.tok(s)
	if !isCapitalised(first.Text) && !isParticle(first.Text) && !startsWithDigit(first.Text) {
		return span{}, false
	}
	if end-s == 1 && (strings.HasPrefix(first.Tag, "JJ") || closedClass[strings.ToLower(first.Text)] || timeNouns[strings.ToLower(first.Text)]) {
		// Adjectives ("Kurdish", "Arabic") and function words capitalised
		// at the start of a sentence or a heading are not names.
		return span{}, false
	}
	proper := false
	for i := s; i < end; i++ {
		t := a.tok(i)
		if isCompoundAdjective(t.Text) {
			return span{}, false
		}
		if _, ok := pronouns[strings.ToLower(t.Text)]; ok && end-s == 1 {
			return span{}, false
		}
		if strings.HasPrefix(t.Tag, "NNP") && hasUpper(t.Text) {
			proper = true
		}
		if hasUpper(t.Text) && !a.sentenceInitial(i) && t.Tag != "PRP" && t.Tag != "DT" {
			proper = true
		}
	}
	if !proper {
		return span{}, false
	}
	if a.adjectival(s, end) || a.operationName(s) || a.commonAcronym(s, end) || a.designation(s, end) || a.documentName(end) {
		return span{}, false
	}
	if e.Type == nlp.Person && end < len(a.d.Tokens) && a.tok(end).Sentence == first.Sentence && a.isTitleWord(end) {
		// "U.S. Trade" before "Representative Robert Lighthizer": the
		// first words of a title, not a person.
		return span{}, false
	}
	allTitles := true
	for i := s; i < end; i++ {
		if !a.isTitleWord(i) {
			allTitles = false
		}
	}
	if allTitles {
		return span{}, false
	}
	return span{start: s, end: end, typ: a.retype(s, end, e.Type)}, true
}

// designation reports whether a one-token name is a model designation of
// a weapon or vehicle ("Hwasong-15", "Su-35", "F-16"): letters, a hyphen,
// then digits. Such names are things, not people or places.
func (a *analysis) designation(s, end int) bool {
	if end-s != 1 {
		return false
	}
	w := a.tok(s).Text
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	for _, r := range w[i+1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// documentName reports whether a name ends in a document's head noun
// ("Panmunjom Declaration", "Minsk Agreement", "Paris Accord"): a text
// the parties agreed, named after a place, not the place.
func (a *analysis) documentName(end int) bool {
	return documentHeads[a.lower(end-1)]
}

// trailingWord reports whether a token cannot end a name: a word in lower
// case that is a verb or a function word ("Nikol Pashinyan met", "Kim
// and"). Lower-case particles inside names ("bin", "al", "de") are nouns to
// the tagger and stay.
func trailingWord(t nlp.Token) bool {
	if hasUpper(t.Text) {
		return false
	}
	w := strings.ToLower(t.Text)
	if closedClass[w] || determiners[w] {
		return true
	}
	switch {
	case strings.HasPrefix(t.Tag, "VB"), t.Tag == "MD", t.Tag == "CC", t.Tag == "TO", t.Tag == "IN", t.Tag == "DT", strings.HasPrefix(t.Tag, "PRP"), strings.HasPrefix(t.Tag, "RB"), strings.HasPrefix(t.Tag, "W"):
		return true
	}
	return false
}

// adjectival reports whether every word of tokens [s, e) is a demonym, a
// language or a religious or ethnic adjective ("Kurdish", "Shia Muslim",
// "Sunni Arab", "Arabic"), or the plural of one ("Sunnis", "Yazidis"): such
// words describe people or a language, and name no one person, body or
// place. Demonyms of states are left to the knowledge base, which folds
// them into the descriptions they open ("Iraqi officials").
func (a *analysis) adjectival(s, e int) bool {
	for i := s; i < e; i++ {
		w := strings.ToLower(a.tok(i).Text)
		if ethnoReligious[w] || ethnoReligious[strings.TrimSuffix(w, "s")] {
			continue
		}
		if a.isDemonym(w) && e-s > 1 {
			continue
		}
		return false
	}
	return true
}

// isDemonym reports whether the knowledge base knows w as a demonym.
func (a *analysis) isDemonym(w string) bool {
	for _, n := range a.t.kb.Lookup(w) {
		if n.Kind == actors.KindDemonym {
			return true
		}
	}
	return false
}

// operationName reports whether the name at token s is a military
// operation's or exercise's ("Operation Steel Curtain", "Exercise Eager
// Lion"): an event, not an actor or a place.
func (a *analysis) operationName(s int) bool {
	for _, i := range []int{s, s - 1} {
		if i < 0 || a.tok(i).Sentence != a.tok(s).Sentence {
			continue
		}
		if w := a.tok(i).Text; w == "Operation" || w == "Exercise" || w == "Operations" {
			return true
		}
	}
	return false
}

// commonAcronym reports whether a one-word acronym at token s is a common
// noun: a weapon's or a technique's abbreviation ("IED", "UAV", "MRI"), or
// any acronym after "a" or "an" ("a VBIED"), which counts a thing; an
// organisation is "the" one.
func (a *analysis) commonAcronym(s, e int) bool {
	if e-s != 1 || !isAcronym(a.tok(s).Text) {
		return false
	}
	w := strings.ToLower(a.tok(s).Text)
	if thingAcronyms[w] || thingAcronyms[strings.TrimSuffix(w, "s")] {
		return true
	}
	if s > 0 && a.tok(s-1).Sentence == a.tok(s).Sentence {
		switch a.lower(s - 1) {
		case "a", "an":
			return true
		}
	}
	return false
}

// retype corrects the model's type of a name the knowledge base does not
// know, from its words and its context:
//   - an acronym ("SDF", "CJTF-OIR") is an organisation far more often than
//     a person or a place;
//   - a name ending in an organisation's head noun ("... League", "...
//     Ministry") is an organisation, one with a geographic head noun ("Mount
//     ...", "... River") a place;
//   - a name starting with a common given name, or ending in a romanised
//     Korean given name ("Hyun-soo"), is a person;
//   - a "person" after a preposition of place ("in Aleppo") is a place.
func (a *analysis) retype(s, e int, typ string) string {
	firstW := strings.ToLower(a.tok(s).Text)
	lastW := strings.ToLower(a.tok(e - 1).Text)
	switch {
	case e-s == 1 && isAcronym(a.tok(s).Text):
		return nlp.Organization
	case orgHeads[lastW]:
		return nlp.Organization
	case geoHeads[lastW] || geoHeads[firstW]:
		return nlp.Location
	case a.t.givenGender(firstW) != unknownGender && (e-s > 1 || typ != nlp.Organization):
		return nlp.Person
	case e-s >= 2 && e-s <= 3 && isHyphenatedGivenName(a.tok(e-1).Text):
		// "Park Hyun-soo", "Ban Ki-moon": the romanised Korean given name.
		return nlp.Person
	case typ == nlp.Person && a.placeReading(s):
		return nlp.Location
	case s > 0 && directions[a.lower(s-1)] && !isCapitalised(a.tok(s-1).Text) && a.tok(s-1).Sentence == a.tok(s).Sentence:
		// "eastern Aleppo", "northern Sinjar": a direction is put before
		// a place.
		return nlp.Location
	}
	return typ
}

// isHyphenatedGivenName reports whether w has the shape of a romanised
// two-syllable given name: a capital, lower-case letters, a hyphen and
// lower-case letters ("Jong-un", "Hyun-soo").
func isHyphenatedGivenName(w string) bool {
	first, second, ok := strings.Cut(w, "-")
	if !ok || !isCapitalised(first) || len(second) < 2 || len(second) > 4 || compoundSuffixes[second] {
		return false
	}
	for _, r := range first[1:] + second {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return len(first) <= 5
}

// isAcronym reports whether w is written in capitals, with at least two
// letters and perhaps digits or hyphens ("ISIL", "CJTF-OIR", "6PR").
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r) || r == '-' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2
}

func startsWithDigit(w string) bool {
	for _, r := range w {
		return unicode.IsDigit(r)
	}
	return false
}

// isParticle reports whether a lower-case word can open a name ("al-Qaeda",
// "al-Assad").
func isParticle(w string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-"} {
		if rest, ok := strings.CutPrefix(w, p); ok && isCapitalised(rest) {
			return true
		}
	}
	return false
}

// sentenceInitial reports whether token i opens its sentence, allowing for
// an opening quote or bracket.
func (a *analysis) sentenceInitial(i int) bool {
	s := a.d.Sentences[a.tok(i).Sentence]
	for j := s.TokStart; j < i; j++ {
		if hasLetter(a.tok(j).Text) {
			return false
		}
	}
	return true
}

// isTitleWord reports whether token i is an honorific or a role word that
// may stand before a name.
func (a *analysis) isTitleWord(i int) bool {
	w := strings.TrimSuffix(a.lower(i), ".")
	if honorifics[w] {
		return true
	}
	if !hasLetter(w) {
		return false
	}
	_, ok := a.t.kb.Sector(w)
	return ok
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isCompoundAdjective reports whether w is a hyphenated adjective built on
// a name ("Seoul-based", "U.S.-led", "Iranian-backed").
func isCompoundAdjective(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	return compoundSuffixes[strings.ToLower(w[i+1:])] && isCapitalised(w)
}

// reading chooses what a knowledge-base name stands for when several
// entries share it. Entries of one entity are one reading. A capital that
// shares its country's name ("Singapore", "Kuwait") is the country. A name
// that is both a person's alias and something else, or two entities of one
// kind, is ambiguous: it is a person when the model read a person there,
// else nothing.
func reading(entries []actors.Name, prosePerson bool) (actors.Kind, actors.Name, bool) {
	byKind := map[actors.Kind][]actors.Name{}
	for _, e := range entries {
		list := byKind[e.Kind]
		if len(list) == 0 || list[0].Canonical != e.Canonical {
			byKind[e.Kind] = append(list, e)
		}
	}
	one := func(k actors.Kind) (actors.Kind, actors.Name, bool) {
		if l := byKind[k]; len(l) == 1 {
			return k, l[0], true
		}
		return "", actors.Name{}, false
	}
	if len(byKind) == 1 {
		for k := range byKind {
			return one(k)
		}
	}
	if prosePerson {
		if k, e, ok := one(actors.KindPerson); ok {
			return k, e, true
		}
	}
	if len(byKind[actors.KindPerson]) > 0 {
		return "", actors.Name{}, false
	}
	country := ""
	for _, e := range entries {
		if country != "" && e.Country != country {
			return "", actors.Name{}, false
		}
		country = e.Country
	}
	for _, k := range []actors.Kind{actors.KindCountry, actors.KindSeat, actors.KindOrganization, actors.KindDemonym} {
		if k, e, ok := one(k); ok {
			return k, e, true
		}
	}
	return "", actors.Name{}, false
}

// addGaz adds a knowledge-base name.
func (a *analysis) addGaz(g gazMatch, titles map[int]title, prosePerson bool) {
	kind, e, ok := reading(g.name.entries, prosePerson)
	switch {
	case !ok:
		if prosePerson {
			a.addProse(span{start: g.start, end: g.end, typ: nlp.Person}, titles)
		}
		return
	case kind == actors.KindDemonym:
		// A demonym alone is an adjective, not a mention of its country;
		// the descriptions it opens ("Iraqi officials") were found before.
		return
	}
	m := &mention{start: g.start, end: g.end, canonical: e.Canonical, known: true}
	switch kind {
	case actors.KindCountry:
		m.typ, m.actor, m.country = news.Location, e.Code, e.Country
		if m.country == "" {
			m.country = e.Code
		}
		if c := a.stateReading(g.start, g.end, e.Code); c != e.Code {
			// A U.S. state named like a country, in an American article.
			m.actor, m.country = c, c
		}
	case actors.KindSeat:
		code, country, ok := a.t.kb.Seat(e.Canonical)
		if !ok {
			code, country = e.Code, e.Country
		}
		m.country = country
		if a.agentReading(g.start, g.end) {
			m.typ, m.actor = news.Organization, code
		} else {
			m.typ, m.actor = news.Location, country
		}
	case actors.KindOrganization:
		m.typ, m.actor, m.country = news.Organization, e.Code, e.Country
	case actors.KindPerson:
		m.typ = news.Person
		a.resolvePerson(m, e.Canonical, titles)
	}
	a.add(m)
}

// agentReading reports whether a seat of power at tokens [s, e) acts or
// speaks rather than being a place: it is followed by a verb ("Pyongyang
// said", "the Kremlin has warned") or a possessive ("Pyongyang's missile
// programme"), or it is the object of a verb ("urged Pyongyang"). Anywhere
// else ("talks in Pyongyang", "south of Baghdad") it is a place.
func (a *analysis) agentReading(s, e int) bool {
	if a.placeReading(s) {
		return false
	}
	sent := a.d.Sentences[a.tok(s).Sentence]
	if e < sent.TokEnd {
		next := a.tok(e)
		if isPossessive(next) || strings.HasPrefix(next.Tag, "VB") || next.Tag == "MD" {
			return true
		}
	}
	p := s - 1
	if p >= sent.TokStart && a.lower(p) == "the" {
		p--
	}
	return p >= sent.TokStart && strings.HasPrefix(a.tok(p).Tag, "VB")
}

// placeReading reports whether the name at token i follows a preposition of
// place, directly or after "the" or a direction ("in eastern Aleppo").
func (a *analysis) placeReading(i int) bool {
	j := i - 1
	if j >= 0 && a.lower(j) == "the" {
		j--
	}
	if j >= 0 && directions[a.lower(j)] {
		j-- // "in eastern Aleppo"
	}
	return j >= 0 && a.tok(j).Sentence == a.tok(i).Sentence && placePreps[a.lower(j)]
}

// addProse adds a name the model found and the knowledge base does not know
// as a whole.
func (a *analysis) addProse(p span, titles map[int]title) {
	text := a.text(p.start, p.end)
	m := &mention{start: p.start, end: p.end, typ: p.typ}
	kb := a.t.kb
	// A name written with a middle initial ("Donald J. Trump") is the known
	// name without it.
	if p.typ == nlp.Person || p.end-p.start > 2 {
		if c, ok := a.t.ungarbleInitials(text); ok {
			m.typ = news.Person
			a.resolvePerson(m, c, titles)
			a.add(m)
			return
		}
	}
	if code, ok := a.pluralDemonym(p); ok {
		// "Iraqis", "Syrians": the people of a state, as a group.
		m.typ, m.actor, m.country, m.generic = news.Organization, code, code, true
		a.add(m)
		return
	}
	switch p.typ {
	case nlp.Person:
		a.resolvePerson(m, "", titles)
	case nlp.Organization, nlp.Location:
		if _, _, ok := kb.Person(text, a.on); ok {
			// A known person the model typed as a place.
			m.typ = news.Person
			a.resolvePerson(m, "", titles)
			break
		}
		m.canonical = cleanName(text)
		if code, ok := kb.Actor(text, a.on); ok && code != "" {
			// "Russian Defence Ministry", "U.S. Navy": a state and a role.
			m.typ, m.actor, m.country = news.Organization, code, a.countryOf(code)
		} else if c, ok := kb.Place(text); ok && p.typ == nlp.Location {
			m.country = c
		}
		if t, ok := titles[p.start]; ok && m.actor == "" && !t.lapsed {
			m.actor, m.country = t.actor, a.countryOf(t.actor)
		}
	}
	a.add(m)
}

// countryOf returns the state an actor code belongs to ("PRKGOV" is PRK),
// or "" for an international or non-state code ("IGOUNO").
func (a *analysis) countryOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	if c, ok := a.t.kb.CountryByCode(code[:3]); ok {
		return c.Code
	}
	return ""
}

// pluralDemonym returns the country of a one-word name that is the plural
// of a demonym ("Iraqis", "Syrians").
func (a *analysis) pluralDemonym(p span) (string, bool) {
	if p.end-p.start != 1 {
		return "", false
	}
	w := a.tok(p.start).Text
	stem, ok := strings.CutSuffix(w, "s")
	if !ok || stem == "" {
		return "", false
	}
	for _, n := range a.t.kb.Lookup(stem) {
		if n.Kind == actors.KindDemonym {
			return n.Code, true
		}
	}
	return "", false
}

// resolvePerson fills a person mention from the knowledge base (by canonical
// if given, else by the text) and from the title before it.
func (a *analysis) resolvePerson(m *mention, canonical string, titles map[int]title) {
	text := a.text(m.start, m.end)
	name := canonical
	if name == "" {
		name = text
	}
	tl, hasTitle := titles[m.start]
	bare := a.bareTitle(m.start)
	if p, o, ok := a.t.kb.Person(name, a.on); ok {
		m.known, m.canonical, m.country = true, p.Name, p.Country
		m.actor = p.Country
		if !o.IsZero() {
			m.actor = o.Actor
			m.roles = append(m.roles, strings.ToLower(o.Role))
		}
		m.gender = a.t.personGender(p)
	} else {
		m.canonical = cleanName(text)
		m.gender = a.t.nameGender(m.canonical)
		if hasTitle && !tl.lapsed && !bare.lapsed {
			m.actor, m.country = tl.actor, a.countryOf(tl.actor)
		}
	}
	if hasTitle {
		m.roles = append(m.roles, tl.roles...)
	}
	m.roles = append(m.roles, bare.roles...)
	for _, r := range m.roles {
		if g := roleGender(r); g != unknownGender && m.gender == unknownGender {
			m.gender = g
		}
	}
}

// bareTitle reads the titles directly before token i that carry no state:
// "President", "Mr.", "spokeswoman", "former".
func (a *analysis) bareTitle(i int) title {
	var t title
	sent := a.tok(i).Sentence
	var words []string
	for j := i - 1; j >= 0 && j >= i-4 && a.tok(j).Sentence == sent; j-- {
		w := strings.TrimSuffix(a.lower(j), ".")
		if lapsed[w] || strings.HasPrefix(w, "ex-") {
			t.lapsed = true
			continue
		}
		if !a.isTitleWord(j) {
			break
		}
		words = append([]string{w}, words...)
	}
	if len(words) > 0 {
		// "Foreign Secretary Boris Johnson" holds the role "foreign
		// secretary"; its last word alone ("secretary") is matched by
		// rolesMatch.
		t.roles = append(t.roles, strings.Join(words, " "))
		t.roles = append(t.roles, words...)
	}
	return t
}

// text returns the text of tokens [s, e).
func (a *analysis) text(s, e int) string {
	return a.d.Text[a.tok(s).Start:a.tok(e-1).End]
}

// cleanName is the canonical form of a name the knowledge base does not
// know: its words separated by single spaces, without a possessive or
// surrounding punctuation.
func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.Trim(s, " ,.;:\"“”()")
}

// personGender is a known person's gender: the knowledge base's, else the
// one their given name tells.
func (t *Tagger) personGender(p actors.Person) gender {
	switch p.Gender {
	case "male":
		return male
	case "female":
		return female
	}
	return t.nameGender(p.Name)
}

// nameGender guesses a person's gender from the first word of a name of
// two words or more; a single word is as often a family name.
func (t *Tagger) nameGender(name string) gender {
	f := strings.Fields(actors.Normalize(name))
	if len(f) < 2 {
		return unknownGender
	}
	return t.givenGender(f[0])
}

// givenGender is the gender a given name tells (actors.KB.Gender).
func (t *Tagger) givenGender(w string) gender {
	switch g, _ := t.kb.Gender(w); g {
	case "male":
		return male
	case "female":
		return female
	}
	return unknownGender
}

// roleGender returns the gender a title or role noun tells.
func roleGender(role string) gender {
	f := strings.Fields(role)
	if len(f) == 0 {
		return unknownGender
	}
	return genderWords[f[len(f)-1]]
}

// appositions link a description set off by a comma after a person's name
// to that person: "Kim Song, North Korea's ambassador to the UN," is one
// person, coded PRKGOV if the knowledge base does not know him.
func (a *analysis) appositions() {
	for _, m := range a.ms {
		if !m.generic || m.typ != news.Person || m.start < 2 {
			continue
		}
		if a.tok(m.start-1).Text != "," || !a.closesPhrase(m.end) {
			// "Kim Yo Jong, the North Korean leader's sister": the
			// description is the possessor, not the person.
			continue
		}
		pi := a.covered[m.start-2]
		if pi < 0 || a.ms[pi].typ != news.Person || a.ms[pi].generic {
			continue
		}
		p := a.ms[pi]
		m.ref, m.canonical = pi, p.canonical
		p.roles = append(p.roles, m.roles...)
		if !p.known && m.actor != "" {
			p.actor, p.country = m.actor, m.country
		}
		if p.gender == unknownGender {
			for _, r := range m.roles {
				if g := roleGender(r); g != unknownGender {
					p.gender = g
				}
			}
		}
	}
}

// closesPhrase reports whether token i ends the noun phrase before it: it
// is punctuation, a verb or the end of the sentence, not a possessive or a
// noun that the phrase modifies.
func (a *analysis) closesPhrase(i int) bool {
	if i >= len(a.d.Tokens) || a.tok(i).Sentence != a.tok(i-1).Sentence {
		return true
	}
	t := a.tok(i)
	if isPossessive(t) || strings.HasPrefix(t.Tag, "NN") {
		return false
	}
	return !hasLetter(t.Text) || strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" || t.Tag == "IN" || t.Tag == "TO"
}
