package entities

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/news"
)

// docContext is what the whole document says about where it is set, read
// from the knowledge base's names in it before any one name is resolved, so
// that a name with two readings can be settled by the rest of the article:
// "Georgia" among "federal", "Washington" and "Texas" is the U.S. state, and
// "the North" in an article on the Koreas is North Korea.
type docContext struct {
	// countries counts the names of each state (a country, demonym, seat,
	// organisation or person of that state) in the document.
	countries map[string]int
	// us counts the signs of an American setting other than the names
	// counted in countries: U.S. states and "federal".
	us int
	// koreas counts words that only an article on the two Koreas uses
	// ("inter-Korean", "the Koreas", "Korean Peninsula").
	koreas int
}

// usStates are the fifty states and the District of Columbia, lower case.
var usStates = set("alabama", "alaska", "arizona", "arkansas", "california", "colorado",
	"connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois",
	"indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland",
	"massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana",
	"nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
	"north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
	"rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
	"vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
	"district of columbia")

// stateNamesakes are U.S. states that share their name with a country, and
// the country's code: in an American article "Georgia" is the state.
var stateNamesakes = map[string]string{"georgia": "GEO"}

// countrySigns are words that place an article in the country a U.S. state
// is named after, beyond the country's own names in the knowledge base.
var countrySigns = map[string][]string{
	"GEO": {"tbilisi", "caucasus", "abkhazia", "ossetia", "georgian dream"},
}

// usWords are words that set an article in the United States.
var usWords = set("federal", "u.s.", "congress", "senate", "fbi")

// context reads the document's setting from the knowledge base's names
// found in it and from a few words.
func (a *analysis) context(gaz []gazMatch) docContext {
	c := docContext{countries: map[string]int{}}
	for _, g := range gaz {
		_, e, ok := reading(g.name.entries, false)
		if !ok {
			// A person's alias shared with a place still tells the state
			// when every reading is of one state.
			country := ""
			for _, n := range g.name.entries {
				if country != "" && n.Country != country {
					country = ""
					break
				}
				country = n.Country
			}
			if country != "" {
				c.countries[country]++
			}
			continue
		}
		country := e.Country
		if country == "" && e.Kind == actors.KindCountry {
			country = e.Code
		}
		if country == "" {
			continue
		}
		if _, ok := stateNamesakes[strings.ToLower(a.text(g.start, g.end))]; ok && e.Kind == actors.KindCountry {
			// The namesake itself tells neither setting.
			continue
		}
		c.countries[country]++
	}
	for i := range a.d.Tokens {
		w := a.lower(i)
		if usWords[w] {
			c.us++
		}
		if isCapitalised(a.tok(i).Text) && usStates[w] && stateNamesakes[w] == "" && !a.inGaz(gaz, i) {
			c.us++
		}
		if i+1 < len(a.d.Tokens) && isCapitalised(a.tok(i).Text) && isCapitalised(a.tok(i+1).Text) && usStates[w+" "+a.lower(i+1)] {
			c.us++
		}
		switch {
		case w == "inter-korean", w == "koreas":
			c.koreas++
		case w == "korean" && i+1 < len(a.d.Tokens) && a.lower(i+1) == "peninsula":
			c.koreas++
		}
	}
	return c
}

// inGaz reports whether token i is inside a knowledge-base name, which
// context counted already.
func (a *analysis) inGaz(gaz []gazMatch, i int) bool {
	for _, g := range gaz {
		if g.start <= i && i < g.end {
			return true
		}
	}
	return false
}

// american reports whether the document is set in the United States rather
// than in the country named code: it shows American names or words and none
// of that country's own.
func (a *analysis) american(code string) bool {
	c := a.ctx
	if c.countries[code] > 0 {
		return false
	}
	for _, w := range countrySigns[code] {
		if strings.Contains(strings.ToLower(a.d.Text), w) {
			return false
		}
	}
	return c.countries["USA"]+c.us > 0
}

// stateReading returns the country code that a country's name at tokens
// [s, e) stands for: USA when it is a U.S. state named like a country
// ("Georgia") in an American article, else code.
func (a *analysis) stateReading(s, e int, code string) string {
	if stateNamesakes[strings.ToLower(a.text(s, e))] == code && a.american(code) {
		return "USA"
	}
	return code
}

// aboutKoreas reports whether the document is about the two Koreas, so
// that "the North" is North Korea; for "the South" (south) the South must be
// named too.
func (a *analysis) aboutKoreas(south bool) bool {
	prk, kor := a.ctx.countries["PRK"], a.ctx.countries["KOR"]
	if south {
		return prk > 0 && (kor > 0 || a.ctx.koreas > 0)
	}
	return prk >= 2 || prk > 0 && (kor > 0 || a.ctx.koreas > 0)
}

// compass codes "the North" and "the South" in an article on the Koreas
// as North and South Korea. The word must follow "the" and stand alone:
// "the North Atlantic", "the South China Sea" and "the North-South
// summit" are other things.
func (a *analysis) compass() {
	for i := 1; i < len(a.d.Tokens); i++ {
		t := a.tok(i)
		var code string
		switch t.Text {
		case "North":
			code = "PRK"
		case "South":
			code = "KOR"
		default:
			continue
		}
		if a.lower(i-1) != "the" || a.tok(i-1).Sentence != t.Sentence {
			continue
		}
		if i+1 < len(a.d.Tokens) && a.tok(i+1).Sentence == t.Sentence {
			next := a.tok(i + 1)
			if next.Start == t.End && (hasLetter(next.Text) || next.Text == "-") && !isPossessive(next) {
				continue // a glued word: "the North-South summit"
			}
			if isCapitalised(next.Text) && hasLetter(next.Text) {
				continue
			}
		}
		if !a.aboutKoreas(code == "KOR") {
			continue
		}
		c, ok := a.t.kb.CountryByCode(code)
		if !ok {
			continue
		}
		if mi := a.covered[i]; mi >= 0 {
			m := a.ms[mi]
			if m.start != i || m.end != i+1 || m.known {
				continue
			}
			m.typ, m.canonical, m.actor, m.country, m.known = news.Location, c.Name, code, code, true
			continue
		}
		a.add(&mention{start: i, end: i + 1, typ: news.Location, canonical: c.Name, actor: code, country: code, known: true})
	}
}
