package actors

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// The 193 member states of the United Nations, by ISO 3166 alpha-3 code.
var unMembers = strings.Fields(`
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN
FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE
LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV
UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE`)

// The G20's member states.
var g20 = strings.Fields("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA")

var headRoles = map[string]bool{
	"president": true, "acting president": true, "prime minister": true, "premier": true,
	"chancellor": true, "king": true, "queen": true, "emperor": true, "emir": true,
	"sultan": true, "supreme leader": true, "chief executive": true,
}

func TestCountryTable(t *testing.T) {
	kb := Default()
	countries := kb.Countries()
	if len(countries) < 193 {
		t.Fatalf("%d countries, want at least 193", len(countries))
	}
	seen := map[string]bool{}
	for _, c := range countries {
		if !isCode(c.Code) {
			t.Errorf("country %q: code %q is not three capital letters", c.Name, c.Code)
		}
		if seen[c.Code] {
			t.Errorf("country code %s given twice", c.Code)
		}
		seen[c.Code] = true
		if c.Name == "" || c.Capital == "" {
			t.Errorf("country %s lacks a name or capital: %+v", c.Code, c)
		}
		if got, ok := kb.Country(c.Name); !ok || got.Code != c.Code {
			t.Errorf("Country(%q) does not resolve its own name: %q %v", c.Name, got.Code, ok)
		}
	}
	members := map[string]bool{}
	for _, code := range unMembers {
		members[code] = true
		if !seen[code] {
			t.Errorf("UN member %s missing", code)
		}
	}
	if len(members) != 193 {
		t.Errorf("test list holds %d UN members, want 193", len(members))
	}
	for _, code := range []string{"VAT", "PSE", "TWN", "KSV", "HKG"} {
		if !seen[code] {
			t.Errorf("%s missing", code)
		}
	}
}

// Within one kind, every built-in name must resolve to one entity; names
// shared across kinds (Singapore the state and the seat) are fine. People
// may share a surname ("Bush", "Kabila"), which the date decides: see
// TestPeopleTable.
func TestBuiltinNamesUnambiguous(t *testing.T) {
	kb := Default()
	for _, index := range []map[string][]int{kb.exact, kb.folded} {
		for key, ids := range index {
			ref := map[Kind]int{}
			for _, i := range ids {
				n := kb.names[i]
				if r, ok := ref[n.Kind]; ok && r != n.ref && n.Kind != KindPerson {
					t.Errorf("%s name %q resolves to two entities", n.Kind, key)
				}
				ref[n.Kind] = n.ref
			}
		}
	}
}

func TestPeopleTable(t *testing.T) {
	kb := Default()
	people := kb.People()
	if len(people) < 400 {
		t.Errorf("only %d people", len(people))
	}
	for _, p := range people {
		if _, ok := kb.CountryByCode(p.Country); !ok {
			t.Errorf("%s: country %q unknown", p.Name, p.Country)
		}
		if len(p.Offices) == 0 {
			t.Errorf("%s holds no office", p.Name)
		}
		for _, o := range p.Offices {
			if o.Start.Year() < 1950 || (!o.End.IsZero() && o.End.Before(o.Start)) {
				t.Errorf("%s: bad dates %v..%v", p.Name, o.Start, o.End)
			}
			if o.Role != strings.TrimSpace(o.Role) || o.Role == "" {
				t.Errorf("%s: bad role %q", p.Name, o.Role)
			}
		}
		if got, _, ok := kb.Person(p.Name, time.Time{}); !ok || got.Name != p.Name {
			t.Errorf("Person(%q) does not resolve its own name", p.Name)
		}
		for _, a := range p.Aliases {
			got, _, ok := kb.Person(a, time.Time{})
			if ok && got.Name == p.Name {
				continue
			}
			if ok {
				t.Errorf("alias %q of %s resolves to %q", a, p.Name, got.Name)
				continue
			}
			// A surname shared by two holders ("Bush") resolves to nobody
			// undated, and to each of them on the first day of each of
			// their offices that no other bearer of the name held then.
			for _, o := range p.Offices {
				if got, _, ok := kb.Person(a, o.Start.AddDate(0, 0, 1)); ok && got.Name != p.Name {
					t.Errorf("alias %q of %s resolves on %s to %q", a, p.Name, o.Start.Format(time.DateOnly), got.Name)
				}
			}
			if got, _, ok := kb.Person(a, p.Offices[0].Start.AddDate(0, 0, 1)); !ok || got.Name != p.Name {
				t.Errorf("shared alias %q of %s does not resolve to them in their first office: %q %v", a, p.Name, got.Name, ok)
			}
		}
	}
}

// Two people cannot hold the same single-holder office at once; a shared
// handover day is allowed. This catches a mistyped year.
func TestNoOverlappingOffices(t *testing.T) {
	type holder struct {
		name string
		o    Office
	}
	byOffice := map[string][]holder{}
	for _, p := range Default().People() {
		for _, o := range p.Offices {
			if strings.Contains(o.Role, "spokes") || strings.Contains(o.Role, "member") ||
				strings.Contains(o.Role, "vice") || strings.Contains(o.Role, "deputy") ||
				strings.Contains(o.Role, "ambassador") {
				continue // offices with several holders at once
			}
			k := o.Actor + "|" + o.Role
			byOffice[k] = append(byOffice[k], holder{p.Name, o})
		}
	}
	far := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	end := func(o Office) time.Time {
		if o.End.IsZero() {
			return far
		}
		return o.End
	}
	for k, hs := range byOffice {
		for i := range hs {
			for j := i + 1; j < len(hs); j++ {
				a, b := hs[i], hs[j]
				if a.name == b.name {
					continue
				}
				lo, hi := a.o.Start, end(a.o)
				if b.o.Start.After(lo) {
					lo = b.o.Start
				}
				if end(b.o).Before(hi) {
					hi = end(b.o)
				}
				if hi.Sub(lo) > 0 { // more than one shared day
					t.Errorf("%s: %s and %s overlap from %s to %s", k, a.name, b.name,
						lo.Format(time.DateOnly), hi.Format(time.DateOnly))
				}
			}
		}
	}
}

func TestG20Coverage(t *testing.T) {
	people := Default().People()
	for _, on := range []string{"2018-06-01", "2025-06-01"} {
		d := day(on)
		for _, code := range g20 {
			var head, foreign, defence []string
			for _, p := range people {
				for _, o := range p.OfficesOn(d) {
					if !strings.HasPrefix(o.Actor, code) {
						continue
					}
					switch {
					case o.Actor == code+"GOV" && headRoles[o.Role]:
						head = append(head, p.Name)
					case o.Actor == code+"GOV" && (o.Role == "foreign minister" || o.Role == "foreign secretary" || o.Role == "secretary of state"):
						foreign = append(foreign, p.Name)
					case o.Actor == code+"MIL" && (strings.Contains(o.Role, "defen") || strings.Contains(o.Role, "armed forces")):
						defence = append(defence, p.Name)
					}
				}
			}
			if len(head) == 0 {
				t.Errorf("%s on %s: no head of state or government", code, on)
			}
			// Two holders only on a handover day (Italy on 2018-06-01).
			if len(foreign) == 0 || len(foreign) > 2 {
				t.Errorf("%s on %s: foreign ministers %v, want one", code, on, foreign)
			}
			if len(defence) == 0 || len(defence) > 2 {
				t.Errorf("%s on %s: defence ministers %v, want one", code, on, defence)
			}
		}
	}
}

// Regions of interest beyond the G20 have a head of state or government on
// both reference dates.
func TestFocusCoverage(t *testing.T) {
	people := Default().People()
	for _, on := range []string{"2018-06-01", "2025-06-01"} {
		for _, code := range strings.Fields("PRK UKR IRN ISR ARE QAT KWT BHR OMN HKG TWN ARM AZE BLR KAZ") {
			found := false
			for _, p := range people {
				for _, o := range p.OfficesOn(day(on)) {
					found = found || (o.Actor == code+"GOV" && headRoles[o.Role])
				}
			}
			if !found {
				t.Errorf("%s on %s: no head of state or government", code, on)
			}
		}
	}
}

var actorCode = regexp.MustCompile(`^(?:[A-Z]{3}){1,5}$`)

func TestSeatsAndOrganizations(t *testing.T) {
	kb := Default()
	for _, s := range kb.Seats() {
		if !actorCode.MatchString(s.Actor) {
			t.Errorf("seat %q: bad actor %q", s.Name, s.Actor)
		}
		if _, ok := kb.CountryByCode(s.Country); !ok {
			t.Errorf("seat %q: unknown country %q", s.Name, s.Country)
		}
		// A capital's government is its own country's, unless the data says
		// otherwise on purpose (Brussels for the EU).
		if isCode(s.Actor[:3]) && !nonState[s.Actor[:3]] && s.Actor[:3] != s.Country {
			t.Errorf("seat %q: actor %s is not of country %s", s.Name, s.Actor, s.Country)
		}
	}
	for _, o := range kb.Organizations() {
		if !actorCode.MatchString(o.Code) {
			t.Errorf("organization %q: bad code %q", o.Name, o.Code)
		}
		if o.Country != "" && !strings.HasPrefix(o.Code, o.Country) {
			t.Errorf("organization %q: code %s does not start with its country %s", o.Name, o.Code, o.Country)
		}
		if o.Sector == "MED" && !strings.HasSuffix(o.Code, "MED") {
			t.Errorf("news outlet %q coded %s", o.Name, o.Code)
		}
	}
}
