package export

import (
	"strconv"

	"github.com/newsgraph/newsgraph/internal/store"
)

// ploverRecord is one event shaped like a POLECAT record (the PLOVER
// ontology's event data set), so that code written for POLECAT's JSON reads
// it: snake_case keys, PLOVER event type and mode, actors with their
// country and sector, the event's sentence and the story it came from.
// Fields POLECAT has and newsgraph does not produce (contexts,
// geocoordinates, Wikipedia ids) are left out rather than filled with
// guesses.
type ploverRecord struct {
	EventID   string `json:"event_id"`
	StoryDate string `json:"story_date,omitempty"`
	EventDate string `json:"event_date,omitempty"`
	EventType string `json:"event_type"`
	Mode      string `json:"mode,omitempty"`
	// Context holds POLECAT's contexts; newsgraph codes none yet.
	Context      []string    `json:"context,omitempty"`
	QuadCode     string      `json:"quad_code,omitempty"`
	CAMEO        string      `json:"cameo,omitempty"`
	Goldstein    float64     `json:"goldstein"`
	Source       ploverActor `json:"source"`
	Target       ploverActor `json:"target"`
	Placename    string      `json:"placename,omitempty"`
	EventText    string      `json:"event_text"`
	Negated      bool        `json:"negated,omitempty"`
	Hypothetical bool        `json:"hypothetical,omitempty"`
	Confidence   float64     `json:"confidence"`
	Rule         string      `json:"rule,omitempty"`
	StoryID      string      `json:"story_id"`
	Headline     string      `json:"headline,omitempty"`
	Publisher    string      `json:"publisher,omitempty"`
	SourceURL    string      `json:"source_url,omitempty"`
}

// ploverActor is one side of an event.
type ploverActor struct {
	Name    string   `json:"name,omitempty"`
	Code    string   `json:"code,omitempty"`
	Codes   []string `json:"codes,omitempty"`
	Country string   `json:"country,omitempty"`
	// Sector is the primary sector's name (Government, Military...);
	// Sectors lists every role code.
	Sector  string   `json:"sector,omitempty"`
	Sectors []string `json:"sectors,omitempty"`
}

// quadCodes name GDELT/CAMEO quad classes as POLECAT writes them.
var quadCodes = map[int]string{1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}

// sectorNames are the sectors of CAMEO role codes.
var sectorNames = map[string]string{
	"GOV": "Government", "MIL": "Military", "COP": "Police", "JUD": "Judiciary", "LEG": "Legislature",
	"OPP": "Opposition", "REB": "Rebels", "INS": "Insurgents", "SEP": "Separatists", "UAF": "Armed Forces (unaligned)",
	"SPY": "Intelligence", "BUS": "Business", "MNC": "Multinational Corporation", "MED": "Media", "EDU": "Education",
	"CVL": "Civilians", "ELI": "Elites", "LAB": "Labor", "REF": "Refugees", "HLH": "Health", "HRI": "Human Rights",
	"ENV": "Environment", "AGR": "Agriculture", "CRM": "Criminals", "DEV": "Development", "RAD": "Radicals",
	"MOD": "Moderates", "IGO": "International Organization", "NGO": "Non-governmental Organization",
	"NGM": "Non-governmental Movement", "IMG": "International Militarized Group", "PKO": "Peacekeepers",
}

func toPLOVER(r store.EventRecord) ploverRecord {
	p := ploverRecord{
		EventID: strconv.FormatInt(EventID(r), 10), EventDate: r.Date, EventType: r.PLOVER, Mode: r.Mode,
		QuadCode: quadCodes[r.QuadClass], CAMEO: r.CAMEO, Goldstein: r.Goldstein,
		Source: ploverSide(r.Source, r.SourceText), Target: ploverSide(r.Target, r.TargetText),
		Placename: r.Location, EventText: r.Evidence, Negated: r.Negated, Hypothetical: r.Hypothetical,
		Confidence: r.Confidence, Rule: r.Rule, StoryID: strconv.FormatInt(r.ArticleID, 10),
		Headline: r.ArticleTitle, Publisher: r.ArticleSource, SourceURL: r.ArticleURL,
	}
	if !r.ArticlePublished.IsZero() {
		p.StoryDate = r.ArticlePublished.Format("2006-01-02")
	}
	return p
}

func ploverSide(codes []string, text string) ploverActor {
	a := ploverActor{Name: text, Code: first(codes)}
	if len(codes) > 1 {
		a.Codes = codes
	}
	parsed := actorCode(a.Code)
	a.Country = parsed.country
	a.Sectors = parsed.types
	if len(parsed.types) > 0 {
		a.Sector = sectorNames[parsed.types[0]]
		if a.Sector == "" {
			a.Sector = parsed.types[0]
		}
	}
	return a
}
