package entities

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/news"
)

// anchor is the state part of a description: a country's name or demonym,
// a seat of power, an organisation, or a place adjective such as
// "Seoul-based".
type anchor struct {
	start, end int
	kind       actors.Kind // KindCountry, KindDemonym, KindSeat, KindOrganization; "" for X-based
	code       string      // the actor code the anchor stands for alone
	country    string
}

// descriptions finds the noun phrases that join a state to a role ("U.S.
// officials", "North Korea's delegation", "the North Korean foreign
// ministry", "the Government of Iraq") and adds each as one mention coded
// state+role. A description followed by a name is that name's title ("U.S.
// President Donald Trump", "Seoul-based monitoring outlet NK News"): it is
// recorded in titles for the name, and only the state's own name, if it is
// one, is a mention.
func (a *analysis) descriptions(gaz []gazMatch, titles map[int]title) {
	for _, an := range a.anchors(gaz) {
		if a.roleAfter(an, titles) {
			continue
		}
		a.roleBefore(an)
	}
	for i := range a.d.Tokens {
		a.peopleGroup(i)
	}
}

// peopleGroup adds a counted plural demonym ("Three Americans", "two
// Canadians") as a description of a group of people coded with their
// country; the number is the group's size, which a later "the three men"
// must agree with. A bare plural ("Iraqis") is left out: it names a
// people more often than a group the text follows, and costs NER
// precision.
func (a *analysis) peopleGroup(i int) {
	t := a.tok(i)
	base, ok := strings.CutSuffix(t.Text, "s")
	if !ok || !isCapitalised(t.Text) || t.Tag != "NNPS" && t.Tag != "NNS" || !a.free(i, i+1) {
		return
	}
	country := ""
	for _, n := range a.t.kb.Lookup(base) {
		if n.Kind == actors.KindDemonym && n.Text == base {
			country = n.Country
		}
	}
	if country == "" {
		return
	}
	an := anchor{start: i, end: i + 1, country: country}
	sent := a.d.Sentences[t.Sentence]
	if an.end < sent.TokEnd {
		// "Americans' safety", "Americans officials": a modifier.
		if n := a.tok(an.end); isPossessive(n) || strings.HasPrefix(n.Tag, "NN") {
			return
		}
	}
	start, count := an.start, 0
	if start > sent.TokStart {
		if n, ok := countWords[a.lower(start-1)]; ok && a.free(start-1, start) {
			start, count = start-1, n
		}
	}
	if count == 0 {
		return
	}
	if start > sent.TokStart && determiners[a.lower(start-1)] && a.free(start-1, start) {
		start--
	}
	a.add(&mention{start: start, end: an.end, typ: news.Person, actor: an.country, country: an.country,
		generic: true, group: true, count: count})
}

// countWords are the numbers that size a group of people.
var countWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6,
	"7": 7, "8": 8, "9": 9, "10": 10}

// anchors lists the places and bodies in the text that a role can attach to.
func (a *analysis) anchors(gaz []gazMatch) []anchor {
	var out []anchor
	kb := a.t.kb
	gi := 0
	for i := 0; i < len(a.d.Tokens); i++ {
		for gi < len(gaz) && gaz[gi].end <= i {
			gi++
		}
		if gi < len(gaz) && gaz[gi].start == i {
			g := gaz[gi]
			kind, e, ok := reading(g.name.entries, false)
			if !ok {
				continue
			}
			switch kind {
			case actors.KindCountry, actors.KindDemonym:
				code := e.Code
				if kind == actors.KindCountry {
					code = a.stateReading(g.start, g.end, code)
				}
				out = append(out, anchor{start: g.start, end: g.end, kind: kind, code: code, country: code})
			case actors.KindSeat:
				code, country, ok := kb.Seat(e.Canonical)
				if !ok {
					code, country = e.Code, e.Country
				}
				out = append(out, anchor{start: g.start, end: g.end, kind: kind, code: code, country: country})
			case actors.KindOrganization:
				out = append(out, anchor{start: g.start, end: g.end, kind: kind, code: e.Code, country: e.Country})
			}
			continue
		}
		w := a.tok(i).Text
		if base, ok := strings.CutSuffix(w, "-based"); ok && isCapitalised(w) {
			if c, ok := kb.Place(base); ok {
				out = append(out, anchor{start: i, end: i + 1, code: c, country: c})
			} else if c, ok := kb.Country(base); ok {
				out = append(out, anchor{start: i, end: i + 1, code: c.Code, country: c.Code})
			}
		}
	}
	return out
}

// roleAfter handles a state followed by a role: "U.S. officials", "North
// Korea's delegation", "Iraqi special forces", "Seoul-based monitoring
// outlet". It reports whether it used the anchor.
func (a *analysis) roleAfter(an anchor, titles map[int]title) bool {
	sent := a.d.Sentences[a.tok(an.start).Sentence]
	j := an.end
	if j < sent.TokEnd && isPossessive(a.tok(j)) {
		j++
	}
	// Walk the noun phrase after the anchor, remembering the longest role
	// that ends at each word; stop at a capitalised word that is no role
	// (a name) or at anything that cannot be inside a noun phrase.
	roleStart, roleEnd := -1, -1
	p := j
	for ; p < sent.TokEnd && p < j+5; p++ {
		t := a.tok(p)
		w := strings.ToLower(t.Text)
		if w == "of" {
			continue // "Secretary of State"
		}
		if !npWord(t.Tag) || !hasLetter(t.Text) {
			break
		}
		found := false
		for k := j; k <= p; k++ {
			if a.lower(k) == "of" {
				continue
			}
			if _, ok := a.t.kb.Sector(a.text(k, p+1)); ok {
				roleStart, roleEnd, found = k, p+1, true
				break
			}
		}
		if !found && isCapitalised(t.Text) && !a.opensRole(p, sent.TokEnd) {
			break
		}
	}
	if roleEnd < 0 {
		return false
	}
	// The role must be the head of the phrase: "U.S. military base" is a
	// base, not the military.
	if roleEnd < sent.TokEnd {
		next := a.tok(roleEnd)
		if (next.Tag == "NN" || next.Tag == "NNS") && !isCapitalised(next.Text) {
			return false
		}
	}
	// Words between the state and the role must be lower-case modifiers
	// ("special", "monitoring").
	for k := j; k < roleStart; k++ {
		if isCapitalised(a.tok(k).Text) {
			return false
		}
	}
	start := an.start
	lapsedRole := false
	for start > sent.TokStart {
		w := a.lower(start - 1)
		if lapsed[w] || strings.HasPrefix(w, "ex-") {
			lapsedRole = true
			start--
			continue
		}
		if determiners[w] {
			start--
		}
		break
	}
	for k := j; k < roleEnd; k++ {
		if lapsed[a.lower(k)] {
			lapsedRole = true
		}
	}
	code := a.combine(an, roleStart, roleEnd, j)
	roles := []string{strings.ToLower(a.text(roleStart, roleEnd))}
	if lapsedRole {
		// Out of office a person or a body keeps only its state.
		code = an.country
	}

	// Followed by a name: a title.
	if roleEnd < sent.TokEnd {
		next := a.tok(roleEnd)
		if strings.HasPrefix(next.Tag, "NNP") && isCapitalised(next.Text) && !a.isTitleWord(roleEnd) && !calendar[strings.ToLower(next.Text)] {
			titles[roleEnd] = title{actor: code, roles: roles, lapsed: lapsedRole}
			return an.kind != actors.KindDemonym && an.kind != ""
		}
	}
	if !a.free(start, roleEnd) {
		return false
	}
	m := &mention{start: start, end: roleEnd, actor: code, country: an.country, generic: true, roles: roles}
	m.typ = a.descriptionType(roleStart, roleEnd)
	if m.typ == news.Person {
		m.gender = roleGender(roles[0])
		m.canonical = a.holder(an.country, roles[0], start)
	}
	a.add(m)
	return true
}

// opensRole reports whether a role of two or three words starts at token p
// ("Foreign Minister", "Secretary of State").
func (a *analysis) opensRole(p, limit int) bool {
	for q := p + 2; q <= p+3 && q <= limit; q++ {
		if _, ok := a.t.kb.Sector(a.text(p, q)); ok {
			return true
		}
	}
	return false
}

// roleBefore handles "the Government of Iraq", "the foreign minister of
// Iraq": a role, "of", and a state's name; and a group of a local role
// "in" a state or its capital ("rebels in the Ivory Coast", "police in
// Kabul"), which is coded as that state's.
func (a *analysis) roleBefore(an anchor) {
	if an.kind == actors.KindDemonym || an.kind == "" {
		return
	}
	sent := a.d.Sentences[a.tok(an.start).Sentence]
	of := an.start - 1
	if of > sent.TokStart && a.lower(of) == "the" {
		of--
	}
	if of <= sent.TokStart || a.lower(of) != "of" && a.lower(of) != "in" {
		return
	}
	in := a.lower(of) == "in"
	if in && (an.kind == actors.KindOrganization || !strings.HasSuffix(a.lower(of-1), "s") && a.lower(of-1) != "police") {
		return
	}
	roleStart := -1
	for k := of - 1; k >= sent.TokStart && k >= of-3; k-- {
		if !npWord(a.tok(k).Tag) {
			break
		}
		if r, ok := a.t.kb.Sector(a.text(k, of)); ok && (!in || localRoles[r]) {
			roleStart = k
		}
	}
	if roleStart < 0 {
		return
	}
	if in && roleStart > sent.TokStart && !determiners[a.lower(roleStart-1)] && npWord(a.tok(roleStart-1).Tag) {
		return // "U.S. rebels in", "Afghan police in": another phrase owns the role
	}
	start := roleStart
	lapsedRole := false
	for start > sent.TokStart {
		w := a.lower(start - 1)
		if lapsed[w] {
			lapsedRole = true
			start--
			continue
		}
		if determiners[w] {
			start--
		}
		break
	}
	if !a.free(start, an.end) {
		return
	}
	code := a.combine(an, roleStart, of, of)
	if lapsedRole {
		code = an.country
	}
	roles := []string{strings.ToLower(a.text(roleStart, of))}
	m := &mention{start: start, end: an.end, actor: code, country: an.country, generic: true, roles: roles}
	m.typ = a.descriptionType(roleStart, of)
	if m.typ == news.Person {
		m.gender = roleGender(roles[0])
		m.canonical = a.holder(an.country, roles[0], start)
	}
	a.add(m)
}

// localRoles are the roles that a group "in" a state belongs to: "rebels
// in the Ivory Coast", "police in Lahore", "officials in Kabul". Soldiers,
// reporters and aid workers in a country are as often foreign, so they are
// left out.
var localRoles = map[string]bool{"REB": true, "INS": true, "SEP": true, "UAF": true,
	"COP": true, "GOV": true, "OPP": true}

// combine returns the actor code of an anchor joined to the role in tokens
// [rs, re); mods are the tokens from mods to rs. A seat keeps its own code
// for a government role ("Kremlin officials" RUSGOV, "Pentagon officials"
// USAMIL) and gives its country otherwise ("Moscow police" RUSCOP); an
// organisation keeps its code ("UN diplomats" IGOUNO). A role word among
// the modifiers that is narrower than government wins over a government
// head ("U.S. military officials" USAMIL).
func (a *analysis) combine(an anchor, rs, re, mods int) string {
	role, _ := a.t.kb.Sector(a.text(rs, re))
	if role == "GOV" {
		for k := mods; k < rs; k++ {
			if r, ok := a.t.kb.Sector(a.lower(k)); ok && r != "GOV" {
				role = r
			}
		}
	}
	switch an.kind {
	case actors.KindOrganization:
		return an.code
	case actors.KindSeat:
		if role == "GOV" {
			return an.code
		}
	}
	if an.country == "" {
		return an.code
	}
	return an.country + role
}

// descriptionType is PERSON for a single person's role ("minister",
// "spokeswoman") and ORG for bodies and groups ("ministry", "officials").
func (a *analysis) descriptionType(rs, re int) string {
	head := a.tok(re - 1)
	if head.Tag == "NNS" || head.Tag == "NNPS" {
		return news.Organization
	}
	if personRoles[strings.ToLower(head.Text)] {
		return news.Person
	}
	return news.Organization
}

// holder returns the one person known to hold the role for the country on
// the article's date ("the U.S. president" on 2018-06-12 is Donald Trump;
// "the North Korean leader" is whoever holds an office ending in "leader"),
// or "". Only a definite description ("the ...") names its holder.
func (a *analysis) holder(country, role string, start int) string {
	if a.on.IsZero() || a.lower(start) != "the" {
		return ""
	}
	found := ""
	for _, name := range a.t.holders[country] {
		p, _, ok := a.t.kb.Person(name, a.on)
		if !ok {
			continue
		}
		held := false
		for _, o := range p.OfficesOn(a.on) {
			if strings.HasPrefix(o.Actor, country) && rolesMatch(o.Role, role) {
				held = true
			}
		}
		if !held {
			continue
		}
		if found != "" && found != p.Name {
			return ""
		}
		found = p.Name
	}
	return found
}

// npWord reports whether a tag can be inside a noun phrase before its head.
func npWord(tag string) bool {
	switch tag {
	case "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBG", "VBN":
		return true
	}
	return false
}

// personRoles are role nouns that name one person, so that a description
// ending in one is a PERSON mention ("the Iraqi foreign minister").
var personRoles = set("official", "minister", "president", "premier", "chancellor",
	"spokesperson", "spokesman", "spokeswoman", "secretary", "diplomat", "envoy",
	"representative", "ambassador", "consul", "leader", "king", "queen", "monarch",
	"emperor", "emir", "sultan", "prince", "governor", "mayor", "adviser", "advisor",
	"aide", "negotiator", "general", "commander", "admiral", "soldier", "officer",
	"judge", "prosecutor", "lawmaker", "legislator", "senator", "congressman",
	"congresswoman", "parliamentarian", "journalist", "reporter", "correspondent",
	"editor", "columnist", "chief", "chairman", "chairwoman", "head", "dissident",
	"activist", "businessman", "businesswoman", "ceo", "policeman", "policewoman",
	"paratrooper", "sailor", "airman", "militant", "rebel", "insurgent", "separatist",
	"cleric", "imam", "priest", "bishop", "rabbi", "doctor", "nurse", "student",
	"teacher", "professor", "farmer", "refugee", "civilian", "resident", "citizen",
	"protester", "demonstrator", "spy", "mercenary", "smuggler", "trafficker")
