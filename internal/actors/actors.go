// Package actors is newsgraph's actor knowledge base: the states, seats of
// power, organisations, office holders and role words that the entity tagger
// and the event coder resolve names against, each mapped to a CAMEO-style
// actor code.
//
// Codes follow CAMEO as used by PETRARCH and Phoenix: a state is its ISO
// 3166 alpha-3 code (USA, PRK); a sector of a state appends a three-letter
// role (USAGOV, PRKMIL, KORMED); an international body is IGO or NGO
// followed by CAMEO's region, sector and organisation codes (IGOUNO,
// IGOWSTNAT, NGOHRIAMN). The data files in data/ document the choices made
// where CAMEO leaves room.
//
// The data is plain TSV embedded in the binary; Load merges a user's own
// files of the same format over it. Office holders carry dated offices,
// because who speaks for a state changes: Donald Trump is USAGOV in 2018
// and 2025 but not in 2022.
package actors

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// Country is a state or territory that CAMEO codes as a primary actor.
type Country struct {
	// Code is the ISO 3166 alpha-3 code (CAMEO's KSV for Kosovo, which has
	// no ISO code).
	Code string
	Name string
	// Names are the country's names and short forms, Name first.
	Names []string
	// Demonyms are the adjectives and nouns for its people ("North Korean").
	Demonyms []string
	Capital  string
}

// Seat is a capital or a building that stands, as a speaker or an actor, for
// a government body: "the Kremlin said" is RUSGOV, "the Pentagon" USAMIL.
// As a place the same name means its location, Country.
type Seat struct {
	Name    string
	Aliases []string
	Actor   string
	Country string
}

// Org is an organisation with a fixed actor code: an international body, a
// news outlet or a domestic institution.
type Org struct {
	Code    string
	Name    string
	Aliases []string
	// Country is the ISO code of the state the body belongs to or is based
	// in; empty for international bodies.
	Country string
	// Sector is the CAMEO role the body plays (IGO, NGO, MED, LEG...).
	Sector string
}

// Person is a known individual and the offices they held.
type Person struct {
	Name    string
	Aliases []string
	// Country is the person's state, which stays theirs out of office.
	Country string
	// Offices are in the order of the data rows, which is their priority
	// when two overlap (see OfficeOn).
	Offices []Office
	// Gender is "male" or "female" where the data gives it, so that a
	// later "he" or "she" can be linked to the person; names alone do not
	// tell for many office holders (Kim Yo Jong, Choe Son Hui).
	Gender string
}

// Office is a post held over a span of days.
type Office struct {
	Actor string // the CAMEO code the holder speaks for, e.g. USAGOV
	Role  string // e.g. "president", "foreign minister"
	// Start and End are calendar days (midnight UTC), both inclusive: on a
	// handover day the outgoing and the incoming holder both count, since
	// an article of that day may quote either. A zero End means the office
	// is still held.
	Start, End time.Time
	// Approx marks a row whose dates the data only knows to the month.
	Approx bool
}

// IsZero reports whether o is the zero Office, as returned for a person who
// held no known office on the date asked.
func (o Office) IsZero() bool { return o.Actor == "" }

// Covers reports whether o was held on the calendar day of t, read in t's
// own location (an article dated 2021-01-20 in Washington is that day there).
func (o Office) Covers(t time.Time) bool {
	if o.IsZero() || t.IsZero() {
		return false
	}
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if day.Before(o.Start) {
		return false
	}
	return o.End.IsZero() || !day.After(o.End)
}

// OfficesOn returns every office p held on the day of t.
func (p Person) OfficesOn(t time.Time) []Office {
	var out []Office
	for _, o := range p.Offices {
		if o.Covers(t) {
			out = append(out, o)
		}
	}
	return out
}

// OfficeOn returns the office p held on the day of t. When several overlap
// (a crown prince who is also defence minister) the one listed first in the
// data wins, and the data lists the office a person is best known by first;
// callers that need all of them use OfficesOn.
func (p Person) OfficeOn(t time.Time) (Office, bool) {
	for _, o := range p.Offices {
		if o.Covers(t) {
			return o, true
		}
	}
	return Office{}, false
}

// Kind is the kind of entity a surface form names.
type Kind string

// Kinds of Name.
const (
	KindCountry      Kind = "country"
	KindDemonym      Kind = "demonym"
	KindSeat         Kind = "seat"
	KindOrganization Kind = "organization"
	KindPerson       Kind = "person"
)

// Name is one surface form of a known entity, for gazetteer matching.
type Name struct {
	Text      string
	Kind      Kind
	Canonical string
	// Code is the actor code the form stands for: the country code for a
	// country or demonym, the seat's or organisation's code, and "" for a
	// person, whose code depends on the date (see KB.Person).
	Code string
	// Country is the ISO code of the state the entity belongs to, if any.
	Country string
	// CaseSensitive is set on forms written in capitals in the data ("US",
	// "WHO", "AU"), which must match only text written in capitals, lest
	// the pronoun "us" or the word "who" become an actor.
	CaseSensitive bool

	ref   int // index into the KB slice of its kind
	layer int // 0 for built-in data, n for the n-th user file
	gone  bool
}

// KB is the actor knowledge base. It is read-only once built and safe for
// concurrent use.
type KB struct {
	countries []Country
	byCode    map[string]int
	seats     []Seat
	orgs      []Org
	people    []Person
	sectors   map[string]string // Normalize(word) -> role code
	given     map[string]string // Normalize(given name) -> "male" or "female"

	names  []Name
	exact  map[string][]int // exactKey -> indexes into names
	folded map[string][]int // Normalize -> indexes into names
}

func (kb *KB) addName(text string, kind Kind, canonical, code, country string, ref, layer int) {
	n := Name{Text: text, Kind: kind, Canonical: canonical, Code: code, Country: country, ref: ref, layer: layer}
	index := kb.folded
	key, caps := exactKey(text)
	if caps {
		n.CaseSensitive = true
		index = kb.exact
	} else {
		key = fileKey(text)
	}
	if key == "" {
		return
	}
	for _, i := range index[key] {
		if o := kb.names[i]; o.Kind == kind && o.ref == ref && o.Text == text {
			return // listed twice
		}
	}
	index[key] = append(index[key], len(kb.names))
	kb.names = append(kb.names, n)
}

// shadow drops, for every key, the entries of a kind that come from an
// earlier layer than the latest entry of that kind, so that a user's row
// takes a name over from the built-in entity that had it.
func (kb *KB) shadow() {
	for _, index := range []map[string][]int{kb.exact, kb.folded} {
		for key, ids := range index {
			latest := map[Kind]int{}
			for _, i := range ids {
				n := kb.names[i]
				if l, ok := latest[n.Kind]; !ok || n.layer > l {
					latest[n.Kind] = n.layer
				}
			}
			kept := ids[:0]
			for _, i := range ids {
				if kb.names[i].layer == latest[kb.names[i].Kind] {
					kept = append(kept, i)
				} else {
					kb.names[i].gone = true
				}
			}
			index[key] = kept
		}
	}
}

// lookup returns the entries a name matches. A name written in capitals is
// first tried against the forms written in capitals, so that "U.S." and
// "the US" find the United States; every name is then tried, case folded,
// against the other forms, so that "TRUMP" in a headline still finds him
// while "us" finds nothing.
func (kb *KB) lookup(name string) []int {
	if k, ok := exactKey(name); ok {
		if ids := kb.exact[k]; len(ids) > 0 {
			return ids
		}
	}
	for _, k := range queryKeys(name) {
		if ids := kb.folded[k]; len(ids) > 0 {
			return ids
		}
	}
	return nil
}

// refs returns the distinct records of kind that a name matches, in the
// order they were filed.
func (kb *KB) refs(name string, kinds ...Kind) []int {
	var out []int
	for _, i := range kb.lookup(name) {
		n := kb.names[i]
		if slices.Contains(kinds, n.Kind) && !slices.Contains(out, n.ref) {
			out = append(out, n.ref)
		}
	}
	return out
}

// Country resolves a country's name, short form or demonym ("U.S.", "the
// United States", "North Korean"). A form shared by two countries, such as
// "Congo", resolves to neither.
func (kb *KB) Country(name string) (Country, bool) {
	refs := kb.refs(name, KindCountry, KindDemonym)
	if len(refs) != 1 {
		return Country{}, false
	}
	return cloneCountry(kb.countries[refs[0]]), true
}

// CountryByCode returns the country with the given code, in any case.
func (kb *KB) CountryByCode(code string) (Country, bool) {
	i, ok := kb.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return cloneCountry(kb.countries[i]), true
}

// Seat reads a capital or a seat of power as a speaker or actor: it returns
// the government body it stands for ("Pyongyang" is PRKGOV, "the Pentagon"
// USAMIL) and the country it lies in. For the place reading use Place.
func (kb *KB) Seat(name string) (code, country string, ok bool) {
	refs := kb.refs(name, KindSeat)
	if len(refs) != 1 {
		return "", "", false
	}
	s := kb.seats[refs[0]]
	return s.Actor, s.Country, true
}

// Place reads a name as a location and returns the ISO code of the country
// it is or lies in: a country's name ("South Korea") or a capital or seat
// ("Seoul", "the Kremlin"). Demonyms are not places.
func (kb *KB) Place(name string) (country string, ok bool) {
	found := ""
	for _, i := range kb.lookup(name) {
		n := kb.names[i]
		if n.Kind != KindCountry && n.Kind != KindSeat {
			continue
		}
		if found != "" && found != n.Country {
			return "", false
		}
		found = n.Country
	}
	return found, found != ""
}

// Organization resolves an organisation by its name or an alias ("UN",
// "U.N.", "United Nations").
func (kb *KB) Organization(name string) (Org, bool) {
	refs := kb.refs(name, KindOrganization)
	if len(refs) != 1 {
		return Org{}, false
	}
	o := kb.orgs[refs[0]]
	o.Aliases = slices.Clone(o.Aliases)
	return o, true
}

// Person resolves a person by any alias, with a leading title tried off if
// the name alone is not known ("President Xi" is Xi Jinping), and returns
// the office they held on the day of on. A known person who held no office
// that day comes back with a zero Office and ok set: out of office, Donald
// Trump is a private American, not USAGOV. A zero on finds no office.
//
// A name shared by two people resolves to the one whose canonical name it
// is, else to the only one in office on the day, else to nobody.
func (kb *KB) Person(name string, on time.Time) (Person, Office, bool) {
	refs := kb.refs(name, KindPerson)
	key := fileKey(Normalize(name))
	if len(refs) == 0 {
		key = stripTitle(key)
		if key == "" {
			return Person{}, Office{}, false
		}
		for _, i := range kb.folded[key] {
			if n := kb.names[i]; n.Kind == KindPerson && !slices.Contains(refs, n.ref) {
				refs = append(refs, n.ref)
			}
		}
	}
	ref := -1
	switch {
	case len(refs) == 1:
		ref = refs[0]
	case len(refs) > 1:
		var canon, inOffice []int
		for _, r := range refs {
			if fileKey(kb.people[r].Name) == key {
				canon = append(canon, r)
			}
			if _, ok := kb.people[r].OfficeOn(on); ok {
				inOffice = append(inOffice, r)
			}
		}
		if len(canon) == 1 {
			ref = canon[0]
		} else if len(inOffice) == 1 {
			ref = inOffice[0]
		}
	}
	if ref < 0 {
		return Person{}, Office{}, false
	}
	p := clonePerson(kb.people[ref])
	o, _ := p.OfficeOn(on)
	return p, o, true
}

// titles are honorifics and posts that news text puts before a name. Person
// tries them off only when the whole name is unknown, so that a title that
// is part of an alias ("King Salman", "Pope Francis") still matches first.
// Longer titles come before their prefixes.
var titles = []string{
	"acting president", "vice president", "president", "prime minister", "premier",
	"chief executive",
	"chancellor", "supreme leader", "crown prince", "prince", "king", "queen",
	"emperor", "emir", "sheikh", "sultan", "chairman", "general secretary",
	"secretary general", "secretary of state", "secretary of defense", "secretary",
	"foreign minister", "defence minister", "defense minister", "minister",
	"ambassador", "envoy", "spokesperson", "spokesman", "spokeswoman",
	"senator", "sen", "rep", "gov", "general", "gen", "adm", "admiral",
	"mr", "mrs", "ms", "dr", "pope",
}

// stripTitle removes leading titles from a normalised name and returns what
// is left, or "" if no title was removed or nothing is left.
func stripTitle(key string) string {
	stripped := false
	for {
		found := false
		for _, t := range titles {
			if rest, ok := strings.CutPrefix(key, t+" "); ok {
				key, found, stripped = rest, true, true
				break
			}
		}
		if !found {
			break
		}
	}
	if !stripped {
		return ""
	}
	return key
}

// Sector returns the CAMEO role code of a role noun or adjective:
// "officials" is GOV, "forces" MIL, "spokesmen" GOV, "the judiciary" JUD.
// Plurals are tried back to their singular (-ies, -es, -s, -men).
func (kb *KB) Sector(word string) (string, bool) {
	key := fileKey(Normalize(word))
	if key == "" {
		return "", false
	}
	if c, ok := kb.sectors[key]; ok {
		return c, true
	}
	head, last := "", key
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		head, last = key[:i+1], key[i+1:]
	}
	for _, s := range singulars(last) {
		if c, ok := kb.sectors[head+s]; ok {
			return c, true
		}
	}
	return "", false
}

// Gender returns the gender ("male" or "female") that a given name tells,
// from the givennames table: "Jen" is female, "Donald" male. It is for
// linking a later "he" or "she" to a person the data does not know; a
// known person's own Gender comes first. A name used for both ("Jean",
// "Kim", "Andrea") is in neither list and reports false, as does anything
// that is not one word.
func (kb *KB) Gender(givenName string) (string, bool) {
	key := Normalize(givenName)
	if key == "" || strings.Contains(key, " ") {
		return "", false
	}
	g, ok := kb.given[key]
	return g, ok
}

// singulars returns the singular forms an English plural may come from, most
// specific first.
func singulars(w string) []string {
	var out []string
	switch {
	case strings.HasSuffix(w, "women"):
		out = append(out, strings.TrimSuffix(w, "women")+"woman")
	case strings.HasSuffix(w, "men"):
		out = append(out, strings.TrimSuffix(w, "men")+"man")
	}
	if strings.HasSuffix(w, "ies") && len(w) > 4 {
		out = append(out, strings.TrimSuffix(w, "ies")+"y")
	}
	if strings.HasSuffix(w, "es") && len(w) > 3 {
		out = append(out, strings.TrimSuffix(w, "es"))
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2 {
		out = append(out, strings.TrimSuffix(w, "s"))
	}
	return out
}

// Canonical returns the canonical name of the entity a name stands for, or
// "" if it is unknown or ambiguous. People come first, then organisations,
// countries (a demonym gives its country) and seats.
func (kb *KB) Canonical(name string) string {
	if p, _, ok := kb.Person(name, time.Time{}); ok {
		return p.Name
	}
	if o, ok := kb.Organization(name); ok {
		return o.Name
	}
	if c, ok := kb.Country(name); ok {
		return c.Name
	}
	if refs := kb.refs(name, KindSeat); len(refs) == 1 {
		return kb.seats[refs[0]].Name
	}
	return ""
}

// Lookup returns every entry a name matches, of any kind, so that a caller
// can weigh the readings itself ("Washington" is both a seat and a place;
// "Georgia" a country that a US story may not mean).
func (kb *KB) Lookup(name string) []Name {
	var out []Name
	for _, i := range kb.lookup(name) {
		out = append(out, kb.names[i])
	}
	return out
}

// Names returns every surface form of every entity, longest first, for an
// entity tagger that matches the longest known name in the text. Forms with
// CaseSensitive set must be matched case-sensitively.
func (kb *KB) Names() []Name {
	out := make([]Name, 0, len(kb.names))
	for _, n := range kb.names {
		if !n.gone {
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Text) != len(out[j].Text) {
			return len(out[i].Text) > len(out[j].Text)
		}
		return out[i].Text < out[j].Text
	})
	return out
}

// Actor returns the actor code a phrase stands for on the day of on:
//   - a person: the office held that day ("Mike Pompeo" in 2019: USAGOV), or
//     the bare country code out of office, as CAMEO codes a private citizen;
//     with a zero date a person who ever held office resolves to nothing;
//   - an organisation, a seat or a country: its code ("NATO", "the Kremlin",
//     "North Korea");
//   - a country, demonym, possessive, seat or organisation followed by role
//     words: the country with the role ("U.S. officials" USAGOV, "South
//     Korea's military" KORMIL, "Russian defence ministry spokesman" RUSMIL),
//     or the seat's or organisation's own code ("Pentagon officials" USAMIL,
//     "UN diplomats" IGOUNO).
//
// Where the role words hold several roles, a specific one beats plain
// government ("military officials" is MIL, "government troops" MIL), then
// the longer phrase ("foreign ministry spokesman" is GOV by "foreign
// ministry"), then the later word. A bare role noun ("officials") has no
// state and resolves to nothing.
func (kb *KB) Actor(phrase string, on time.Time) (string, bool) {
	phrase = strings.TrimSpace(phrase)
	if p, o, ok := kb.Person(phrase, on); ok {
		switch {
		case !o.IsZero():
			return o.Actor, true
		case on.IsZero() && len(p.Offices) > 0:
			return "", false
		case p.Country != "":
			return p.Country, true
		}
		return "", false
	}
	if code, ok := kb.whole(phrase); ok {
		return code, true
	}
	words := strings.Fields(phrase)
	for i := len(words) - 1; i >= 1; i-- {
		if coordinator(words[i]) {
			// "Hungarian and Romanian officials" are two actors: the
			// state before "and" must not take the role of the one after.
			// A name that holds "and" ("Trinidad and Tobago officials")
			// was tried whole as the head before the split got here.
			break
		}
		role, ok := kb.role(words[i:])
		if !ok {
			continue
		}
		head := strings.Join(words[:i], " ")
		if h, ok := cutPossessive(head); ok {
			head = h
		}
		if o, ok := kb.Organization(head); ok {
			return o.Code, true
		}
		if code, _, ok := kb.Seat(head); ok {
			return code, true
		}
		if c, ok := kb.Country(head); ok {
			return c.Code + role, true
		}
	}
	return "", false
}

// coordinator reports whether a word joins two phrases ("and", "or", "&")
// or ends a list item with a comma ("U.S., Japanese officials").
func coordinator(w string) bool {
	switch strings.ToLower(w) {
	case "and", "or", "nor", "&", "/", "plus":
		return true
	}
	return strings.HasSuffix(w, ",")
}

// role finds the role that a run of words carries, by the preference that
// Actor documents.
func (kb *KB) role(words []string) (string, bool) {
	best, bestLen, found := "", 0, false
	better := func(code string, n int) bool {
		switch {
		case !found:
			return true
		case (best == "GOV") != (code == "GOV"):
			return best == "GOV"
		default:
			return n >= bestLen // longer, or as long and later
		}
	}
	for j := range words {
		for k := j + 1; k <= len(words); k++ {
			code, ok := kb.Sector(strings.Join(words[j:k], " "))
			if ok && better(code, k-j) {
				best, bestLen, found = code, k-j, true
			}
		}
	}
	return best, found
}

// whole resolves a phrase that is entirely an organisation, a seat or a
// country name or demonym.
func (kb *KB) whole(phrase string) (string, bool) {
	if o, ok := kb.Organization(phrase); ok {
		return o.Code, true
	}
	if code, _, ok := kb.Seat(phrase); ok {
		return code, true
	}
	if c, ok := kb.Country(phrase); ok {
		return c.Code, true
	}
	return "", false
}

// cutPossessive removes a trailing "'s" or "’s" ("Russia's" -> "Russia").
func cutPossessive(s string) (string, bool) {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if h, ok := strings.CutSuffix(s, suf); ok && h != "" {
			return h, true
		}
	}
	return s, false
}

// Countries returns every country in file order.
func (kb *KB) Countries() []Country {
	out := make([]Country, len(kb.countries))
	for i, c := range kb.countries {
		out[i] = cloneCountry(c)
	}
	return out
}

// Seats returns every seat in file order.
func (kb *KB) Seats() []Seat {
	out := make([]Seat, len(kb.seats))
	for i, s := range kb.seats {
		s.Aliases = slices.Clone(s.Aliases)
		out[i] = s
	}
	return out
}

// Organizations returns every organisation in file order.
func (kb *KB) Organizations() []Org {
	out := make([]Org, len(kb.orgs))
	for i, o := range kb.orgs {
		o.Aliases = slices.Clone(o.Aliases)
		out[i] = o
	}
	return out
}

// People returns every person in file order.
func (kb *KB) People() []Person {
	out := make([]Person, len(kb.people))
	for i, p := range kb.people {
		out[i] = clonePerson(p)
	}
	return out
}

// The KB hands out copies so that a caller appending to a slice cannot change
// the shared Default.
func cloneCountry(c Country) Country {
	c.Names = slices.Clone(c.Names)
	c.Demonyms = slices.Clone(c.Demonyms)
	return c
}

func clonePerson(p Person) Person {
	p.Aliases = slices.Clone(p.Aliases)
	p.Offices = slices.Clone(p.Offices)
	return p
}
