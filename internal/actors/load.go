package actors

import (
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// The built-in tables. They are plain TSV so that a reviewer can check a
// date or a code without reading Go, and embedded so that the binary needs
// no data directory at run time.
//
//go:embed data/*.tsv
var builtin embed.FS

// Table names. A user file's table is told by its file name, which must
// contain exactly one of them ("people.tsv", "my-people.tsv",
// "2024_seats.tsv").
const (
	tableCountries     = "countries"
	tableSeats         = "seats"
	tableOrganizations = "organizations"
	tablePeople        = "people"
	tableSectors       = "sectors"
	tableGivenNames    = "givennames"
)

// columns lists each table's columns in order; they are also quoted in
// errors about rows of the wrong width.
var columns = map[string][]string{
	tableCountries:     {"code", "name", "names", "demonyms", "capital"},
	tableSeats:         {"names", "actor", "country"},
	tableOrganizations: {"code", "name", "aliases", "country", "sector"},
	tablePeople:        {"name", "aliases", "country", "actor", "role", "start", "end", "gender"},
	tableSectors:       {"words", "code"},
	tableGivenNames:    {"names", "gender"},
}

// builtinOrder loads countries first so that later tables can be checked
// against the country codes.
var builtinOrder = []string{tableCountries, tableSeats, tableOrganizations, tablePeople, tableSectors, tableGivenNames}

var (
	defaultOnce sync.Once
	defaultKB   *KB
)

// Default returns the knowledge base built from the embedded tables alone.
// It is built once and shared, so callers must not modify what it returns.
// It panics if the embedded data is malformed; a test loads it, so such a
// panic cannot reach a release.
func Default() *KB {
	defaultOnce.Do(func() {
		kb, err := Load()
		if err != nil {
			panic("actors: built-in data: " + err.Error())
		}
		defaultKB = kb
	})
	return defaultKB
}

// Load builds a knowledge base from the embedded tables and then from each
// user path in order. A path is a TSV file, whose name says which table it
// extends (it must contain "countries", "seats", "organizations", "people",
// "sectors" or "givennames"), or a directory, whose *.tsv files are read in name order.
//
// Later rows override earlier ones:
//   - countries by code: the row replaces the whole country;
//   - seats and organizations by canonical name (the first name listed);
//   - people by canonical name: the rows a file gives for a person replace
//     every office and alias that earlier files gave for that person, so that
//     a correction need not fight the built-in rows;
//   - sectors and given names word by word.
//
// Besides, a name that a later file gives to one entity is no longer
// resolved to an entity of the same kind from an earlier file: a user row
// that says "Seoul" is a seat of some other actor shadows the built-in one.
//
// Every error names the file and line it comes from.
func Load(paths ...string) (*KB, error) {
	b := newBuilder()
	for _, t := range builtinOrder {
		name := "data/" + t + ".tsv"
		f, err := builtin.Open(name)
		if err != nil {
			return nil, fmt.Errorf("actors: built-in %s: %w", name, err)
		}
		err = b.read("internal/actors/"+name, t, f)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	for _, p := range paths {
		files, err := expand(p)
		if err != nil {
			return nil, err
		}
		for _, file := range files {
			b.layer++
			t, err := tableOf(file)
			if err != nil {
				return nil, err
			}
			f, err := os.Open(file)
			if err != nil {
				return nil, err
			}
			err = b.read(file, t, f)
			f.Close()
			if err != nil {
				return nil, err
			}
		}
	}
	return b.build()
}

// expand turns a directory into its *.tsv files in name order.
func expand(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".tsv") {
			files = append(files, filepath.Join(p, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: directory holds no .tsv file", p)
	}
	return files, nil
}

// tableOf tells a user file's table from its name.
func tableOf(file string) (string, error) {
	base := strings.ToLower(filepath.Base(file))
	var found []string
	for _, t := range builtinOrder {
		if strings.Contains(base, t) {
			found = append(found, t)
		}
	}
	if len(found) != 1 {
		return "", fmt.Errorf("%s: cannot tell which table the file extends: its name must contain exactly one of %s",
			file, strings.Join(builtinOrder, ", "))
	}
	return found[0], nil
}

// builder accumulates rows layer by layer: layer 0 is the built-in data and
// each user file is a layer of its own.
type builder struct {
	layer int

	countries   []*countryRec
	countryCode map[string]*countryRec

	seats   []*seatRec
	seatKey map[string]*seatRec

	orgs   []*orgRec
	orgKey map[string]*orgRec

	people    []*personRec
	personKey map[string]*personRec

	sectors   map[string]*sectorRec
	sectorSeq []string // keys in first-seen order

	given map[string]*givenRec
}

type givenRec struct {
	gender string
	pos    pos
	layer  int
}

type countryRec struct {
	Country
	pos   pos
	layer int
}

type seatRec struct {
	Seat
	pos   pos
	layer int
}

type orgRec struct {
	Org
	pos   pos
	layer int
}

type personRec struct {
	Person
	pos    pos   // the person's first row in its layer
	offPos []pos // the row of each office
	layer  int
}

type sectorRec struct {
	word  string
	code  string
	pos   pos
	layer int
}

func newBuilder() *builder {
	return &builder{
		countryCode: map[string]*countryRec{},
		seatKey:     map[string]*seatRec{},
		orgKey:      map[string]*orgRec{},
		personKey:   map[string]*personRec{},
		sectors:     map[string]*sectorRec{},
		given:       map[string]*givenRec{},
	}
}

func (b *builder) read(file, table string, r io.Reader) error {
	rows, err := readRows(file, r, columns[table])
	if err != nil {
		return err
	}
	for _, rw := range rows {
		var err error
		switch table {
		case tableCountries:
			err = b.addCountry(rw)
		case tableSeats:
			err = b.addSeat(rw)
		case tableOrganizations:
			err = b.addOrg(rw)
		case tablePeople:
			err = b.addPerson(rw)
		case tableSectors:
			err = b.addSector(rw)
		case tableGivenNames:
			err = b.addGiven(rw)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) addCountry(rw row) error {
	code := rw.field(0)
	if !isCode(code) {
		return rw.pos.errorf("country code %q is not three capital letters", code)
	}
	name := rw.field(1)
	if name == "" {
		return rw.pos.errorf("country %s has no name", code)
	}
	c := &countryRec{
		Country: Country{
			Code:     code,
			Name:     name,
			Names:    prepend(name, splitList(rw.field(2))),
			Demonyms: splitList(rw.field(3)),
			Capital:  rw.field(4),
		},
		pos:   rw.pos,
		layer: b.layer,
	}
	if old, ok := b.countryCode[code]; ok {
		if old.layer == b.layer {
			return rw.pos.errorf("country %s already given at line %d", code, old.pos.line)
		}
		*old = *c
		return nil
	}
	b.countryCode[code] = c
	b.countries = append(b.countries, c)
	return nil
}

func (b *builder) addSeat(rw row) error {
	names := splitList(rw.field(0))
	if len(names) == 0 {
		return rw.pos.errorf("seat has no name")
	}
	s := &seatRec{
		Seat:  Seat{Name: names[0], Aliases: names[1:], Actor: rw.field(1), Country: rw.field(2)},
		pos:   rw.pos,
		layer: b.layer,
	}
	if s.Actor == "" {
		return rw.pos.errorf("seat %q has no actor code", s.Name)
	}
	if s.Country == "" {
		return rw.pos.errorf("seat %q has no country code", s.Name)
	}
	key := fileKey(s.Name)
	if old, ok := b.seatKey[key]; ok {
		if old.layer == b.layer {
			return rw.pos.errorf("seat %q already given at line %d", s.Name, old.pos.line)
		}
		*old = *s
		return nil
	}
	b.seatKey[key] = s
	b.seats = append(b.seats, s)
	return nil
}

func (b *builder) addOrg(rw row) error {
	o := &orgRec{
		Org: Org{
			Code:    rw.field(0),
			Name:    rw.field(1),
			Aliases: splitList(rw.field(2)),
			Country: rw.field(3),
			Sector:  rw.field(4),
		},
		pos:   rw.pos,
		layer: b.layer,
	}
	if o.Name == "" {
		return rw.pos.errorf("organization has no name")
	}
	if o.Code == "" {
		return rw.pos.errorf("organization %q has no actor code", o.Name)
	}
	if o.Sector == "" {
		return rw.pos.errorf("organization %q has no sector", o.Name)
	}
	key := fileKey(o.Name)
	if old, ok := b.orgKey[key]; ok {
		if old.layer == b.layer {
			return rw.pos.errorf("organization %q already given at line %d", o.Name, old.pos.line)
		}
		*old = *o
		return nil
	}
	b.orgKey[key] = o
	b.orgs = append(b.orgs, o)
	return nil
}

func (b *builder) addPerson(rw row) error {
	name := rw.field(0)
	if name == "" {
		return rw.pos.errorf("person has no name")
	}
	country := rw.field(2)
	actor, role, start, end := rw.field(3), rw.field(4), rw.field(5), rw.field(6)

	var off *Office
	if actor != "" || role != "" || start != "" || end != "" {
		if actor == "" || role == "" || start == "" {
			return rw.pos.errorf("%s: an office needs an actor code, a role and a start date", name)
		}
		s, err := parseDate(start)
		if err != nil {
			return rw.pos.errorf("%s: start %v", name, err)
		}
		off = &Office{Actor: actor, Role: role, Start: s, Approx: strings.Contains(strings.ToLower(rw.comment), "approx")}
		if end != "" {
			e, err := parseDate(end)
			if err != nil {
				return rw.pos.errorf("%s: end %v", name, err)
			}
			if e.Before(s) {
				return rw.pos.errorf("%s: office ends (%s) before it starts (%s)", name, end, start)
			}
			off.End = e
		}
	}

	key := fileKey(name)
	p, ok := b.personKey[key]
	switch {
	case !ok:
		p = &personRec{Person: Person{Name: name}, pos: rw.pos, layer: b.layer}
		b.personKey[key] = p
		b.people = append(b.people, p)
	case p.layer != b.layer:
		// A later file restates the person: its rows replace the earlier ones.
		*p = personRec{Person: Person{Name: name}, pos: rw.pos, layer: b.layer}
	}
	if g := rw.field(7); g != "" {
		if !isGender(g) {
			return rw.pos.errorf("%s: gender %q is not male or female", name, g)
		}
		if p.Gender != "" && p.Gender != g {
			return rw.pos.errorf("%s: gender %s differs from %s given before", name, g, p.Gender)
		}
		p.Gender = g
	}
	if country != "" {
		if p.Country != "" && p.Country != country {
			return rw.pos.errorf("%s: country %s differs from %s given at line %d", name, country, p.Country, p.pos.line)
		}
		p.Country = country
	}
	for _, a := range splitList(rw.field(1)) {
		if a != p.Name && !contains(p.Aliases, a) {
			p.Aliases = append(p.Aliases, a)
		}
	}
	if off != nil {
		p.Offices = append(p.Offices, *off)
		p.offPos = append(p.offPos, rw.pos)
	}
	return nil
}

func (b *builder) addSector(rw row) error {
	words := splitList(rw.field(0))
	code := rw.field(1)
	if len(words) == 0 {
		return rw.pos.errorf("sector row has no word")
	}
	if !isRole(code) {
		return rw.pos.errorf("%q: sector code %q is not a known CAMEO role code", words[0], code)
	}
	for _, w := range words {
		key := fileKey(w)
		if old, ok := b.sectors[key]; ok {
			if old.pos == rw.pos {
				continue // a spelling variant on the same row
			}
			if old.layer == b.layer {
				return rw.pos.errorf("sector word %q already given at line %d", w, old.pos.line)
			}
		} else {
			b.sectorSeq = append(b.sectorSeq, key)
		}
		b.sectors[key] = &sectorRec{word: w, code: code, pos: rw.pos, layer: b.layer}
	}
	return nil
}

// addGiven files a row of given names under one gender. A name listed for
// both genders in one layer is an error: such a name ("Jean", "Andrea")
// tells nothing and belongs in neither list.
func (b *builder) addGiven(rw row) error {
	names := splitList(rw.field(0))
	g := rw.field(1)
	if len(names) == 0 {
		return rw.pos.errorf("given-name row has no name")
	}
	if !isGender(g) {
		return rw.pos.errorf("%q: gender %q is not male or female", names[0], g)
	}
	for _, n := range names {
		key := Normalize(n)
		if strings.Contains(key, " ") || key == "" {
			return rw.pos.errorf("given name %q is not one word", n)
		}
		if old, ok := b.given[key]; ok && old.layer == b.layer && old.pos != rw.pos {
			return rw.pos.errorf("given name %q already given at line %d", n, old.pos.line)
		}
		b.given[key] = &givenRec{gender: g, pos: rw.pos, layer: b.layer}
	}
	return nil
}

func isGender(g string) bool { return g == "male" || g == "female" }

// build checks the references between tables and indexes every name.
func (b *builder) build() (*KB, error) {
	kb := &KB{
		byCode:  map[string]int{},
		sectors: map[string]string{},
		exact:   map[string][]int{},
		folded:  map[string][]int{},
	}
	known := func(code string) bool { _, ok := b.countryCode[code]; return ok }

	for _, c := range b.countries {
		kb.byCode[c.Code] = len(kb.countries)
		kb.countries = append(kb.countries, c.Country)
	}
	for _, s := range b.seats {
		if err := checkActor(s.Actor, known); err != nil {
			return nil, s.pos.errorf("seat %q: %v", s.Name, err)
		}
		if !known(s.Country) {
			return nil, s.pos.errorf("seat %q: unknown country code %q", s.Name, s.Country)
		}
		kb.seats = append(kb.seats, s.Seat)
	}
	for _, o := range b.orgs {
		if err := checkActor(o.Code, known); err != nil {
			return nil, o.pos.errorf("organization %q: %v", o.Name, err)
		}
		if o.Country != "" && !known(o.Country) {
			return nil, o.pos.errorf("organization %q: unknown country code %q", o.Name, o.Country)
		}
		if !isRole(o.Sector) {
			return nil, o.pos.errorf("organization %q: sector %q is not a known CAMEO role code", o.Name, o.Sector)
		}
		kb.orgs = append(kb.orgs, o.Org)
	}
	for _, p := range b.people {
		if p.Country != "" && !known(p.Country) {
			return nil, p.pos.errorf("%s: unknown country code %q", p.Name, p.Country)
		}
		for i, o := range p.Offices {
			if err := checkActor(o.Actor, known); err != nil {
				return nil, p.offPos[i].errorf("%s: %v", p.Name, err)
			}
		}
		kb.people = append(kb.people, p.Person)
	}
	for _, key := range b.sectorSeq {
		kb.sectors[key] = b.sectors[key].code
	}
	kb.given = make(map[string]string, len(b.given))
	for key, g := range b.given {
		kb.given[key] = g.gender
	}

	for i, c := range kb.countries {
		layer := b.countries[i].layer
		for _, n := range c.Names {
			kb.addName(n, KindCountry, c.Name, c.Code, c.Code, i, layer)
		}
		for _, n := range c.Demonyms {
			kb.addName(n, KindDemonym, c.Name, c.Code, c.Code, i, layer)
		}
	}
	for i, s := range kb.seats {
		for _, n := range prepend(s.Name, s.Aliases) {
			kb.addName(n, KindSeat, s.Name, s.Actor, s.Country, i, b.seats[i].layer)
		}
	}
	for i, o := range kb.orgs {
		for _, n := range prepend(o.Name, o.Aliases) {
			kb.addName(n, KindOrganization, o.Name, o.Code, o.Country, i, b.orgs[i].layer)
		}
	}
	for i, p := range kb.people {
		for _, n := range prepend(p.Name, p.Aliases) {
			kb.addName(n, KindPerson, p.Name, "", p.Country, i, b.people[i].layer)
		}
	}
	kb.shadow()
	return kb, nil
}

// prepend returns first followed by rest without a repeat of first.
func prepend(first string, rest []string) []string {
	out := []string{first}
	for _, r := range rest {
		if r != first {
			out = append(out, r)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
