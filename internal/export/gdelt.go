package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in order.
// The export writes them tab-separated with no header, as GDELT's own
// *.export.CSV files are, so that tools that read those read ours.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// gdeltCol maps a column name to its position.
var gdeltCol = func() map[string]int {
	m := make(map[string]int, len(GDELTColumns))
	for i, c := range GDELTColumns {
		m[c] = i
	}
	return m
}()

type gdeltSink struct {
	bw  *bufio.Writer
	rec []string
}

func newGDELTSink(w io.Writer) *gdeltSink {
	return &gdeltSink{bw: bufio.NewWriterSize(w, 64<<10), rec: make([]string, len(GDELTColumns))}
}

func (s *gdeltSink) write(r store.EventRecord) error {
	GDELTRecord(r, s.rec)
	for i, f := range s.rec {
		if i > 0 {
			s.bw.WriteByte('\t')
		}
		s.bw.WriteString(f)
	}
	return s.bw.WriteByte('\n')
}

func (s *gdeltSink) close() error { return s.bw.Flush() }

// GDELTRecord fills rec (61 fields) with the GDELT 2.0 event row for r.
// What newsgraph does not produce is left empty, as GDELT leaves fields it
// could not fill: ethnic and religion codes, tone, geocoding (the place
// named is given as ActionGeo_FullName, with no coordinates). Each event
// is one mention in one article. Where the exact day of the event is not
// known, SQLDATE is the first day of its month or year, or the article's
// publication day when the event has no date at all; DATEADDED is the
// article's publication time, since the store does not keep when it was
// added.
func GDELTRecord(r store.EventRecord, rec []string) {
	for i := range rec {
		rec[i] = ""
	}
	set := func(col, v string) { rec[gdeltCol[col]] = clean(v) }

	set("GLOBALEVENTID", strconv.FormatInt(EventID(r), 10))
	if day, ok := eventDay(r); ok {
		set("SQLDATE", day.Format("20060102"))
		set("MonthYear", day.Format("200601"))
		set("Year", day.Format("2006"))
		set("FractionDate", fmt.Sprintf("%.4f", float64(day.Year())+float64(day.YearDay())/365))
	}
	for _, a := range []struct {
		prefix string
		codes  []string
		text   string
	}{{"Actor1", r.Source, r.SourceText}, {"Actor2", r.Target, r.TargetText}} {
		code := first(a.codes)
		if code == "" {
			continue
		}
		p := actorCode(code)
		set(a.prefix+"Code", code)
		set(a.prefix+"Name", strings.ToUpper(a.text))
		set(a.prefix+"CountryCode", p.country)
		set(a.prefix+"KnownGroupCode", p.group)
		for i, t := range p.types {
			if i < 3 {
				set(fmt.Sprintf("%sType%dCode", a.prefix, i+1), t)
			}
		}
	}
	set("IsRootEvent", boolDigit(r.Headline))
	set("EventCode", r.CAMEO)
	set("EventBaseCode", prefix(r.CAMEO, 3))
	set("EventRootCode", prefix(r.CAMEO, 2))
	if r.QuadClass != 0 {
		set("QuadClass", strconv.Itoa(r.QuadClass))
	}
	set("GoldsteinScale", strconv.FormatFloat(r.Goldstein, 'f', -1, 64))
	set("NumMentions", "1")
	set("NumSources", "1")
	set("NumArticles", "1")
	// Geo type 0 is GDELT's "no location"; a place named in the text has
	// no coordinates here, so its type is left for a geocoder to fill.
	set("Actor1Geo_Type", "0")
	set("Actor2Geo_Type", "0")
	if r.Location != "" {
		set("ActionGeo_FullName", r.Location)
	} else {
		set("ActionGeo_Type", "0")
	}
	if !r.ArticlePublished.IsZero() {
		set("DATEADDED", r.ArticlePublished.UTC().Format("20060102150405"))
	}
	set("SOURCEURL", r.ArticleURL)
}

// eventDay is the day an event is dated to, as GDELT's SQLDATE wants one.
func eventDay(r store.EventRecord) (time.Time, bool) {
	d := r.Date
	if i := strings.IndexByte(d, '/'); i >= 0 {
		d = d[:i] // a range: its start
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(d) >= len(layout) {
			if t, err := time.Parse(layout, d[:len(layout)]); err == nil {
				return t, true
			}
		}
	}
	if !r.ArticlePublished.IsZero() {
		return r.ArticlePublished, true
	}
	return time.Time{}, false
}

// clean keeps a field on its line and in its column.
func clean(s string) string {
	if strings.ContainsAny(s, "\t\r\n") {
		s = strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
	}
	return s
}

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// parsedActor is a CAMEO actor code taken apart: its country, the known
// group it names (for international bodies: IGOUNO is the UN), and its
// role codes.
type parsedActor struct {
	country, group string
	types          []string
}

// roleCodes are CAMEO's actor role and type codes: a code that starts with
// one of them names no country.
var roleCodes = map[string]bool{
	"COP": true, "GOV": true, "INS": true, "JUD": true, "MIL": true, "OPP": true, "REB": true, "SEP": true,
	"SPY": true, "UAF": true, "AGR": true, "BUS": true, "CRM": true, "CVL": true, "DEV": true, "EDU": true,
	"ELI": true, "ENV": true, "HLH": true, "HRI": true, "LAB": true, "LEG": true, "MED": true, "REF": true,
	"MOD": true, "RAD": true, "AMN": true, "IRC": true, "GRP": true, "UNO": true, "PKO": true, "UIS": true,
	"IGO": true, "NGO": true, "NGM": true, "MNC": true, "IMG": true, "RES": true, "SET": true, "CHR": true,
}

// groupPrefixes are the codes for kinds of international bodies, which a
// known group's code follows.
var groupPrefixes = map[string]bool{"IGO": true, "NGO": true, "NGM": true, "MNC": true, "IMG": true}

func actorCode(code string) parsedActor {
	var p parsedActor
	code = strings.ToUpper(strings.TrimSpace(code))
	var parts []string
	for len(code) >= 3 {
		parts = append(parts, code[:3])
		code = code[3:]
	}
	if len(parts) == 0 {
		return p
	}
	if !roleCodes[parts[0]] {
		p.country, parts = parts[0], parts[1:]
	}
	for i := 0; i < len(parts); i++ {
		p.types = append(p.types, parts[i])
		if groupPrefixes[parts[i]] && i+1 < len(parts) && p.group == "" {
			p.group = parts[i+1]
			i++
		}
	}
	return p
}
