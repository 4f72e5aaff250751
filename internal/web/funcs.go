package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/cameo"
	"github.com/newsgraph/newsgraph/internal/dyads"
)

// quadNames are the QuadClass labels shown next to every colour, so that
// no reader depends on telling the colours apart.
var quadNames = [5]string{"Unclassified", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"}

// quadName returns the label of a QuadClass.
func quadName(q int) string {
	if q < 1 || q > 4 {
		return quadNames[0]
	}
	return quadNames[q]
}

// quadShort is the short label printed inside narrow badges.
func quadShort(q int) string {
	return [5]string{"?", "VC", "MC", "VX", "MX"}[max(0, min(q, 4))]
}

var funcs = template.FuncMap{
	"reports":   reports,
	"day":       day,
	"isoDay":    isoDay,
	"eventDate": eventDate,
	"snippet":   api.Snippet,
	"quadName":  quadName,
	"quadShort": quadShort,
	"cameoName": cameoName,
	"country":   countryName,
	"actorName": actorName,
	"goldstein": func(g float64) string { return fmt.Sprintf("%+.1f", g) },
	"percent":   func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
	"conf":      func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"pathEsc":   url.PathEscape,
	"join":      strings.Join,
	"add":       func(a, b int) int { return a + b },
	"plural":    plural,
	"actors": func(codes []string) string {
		if len(codes) == 0 {
			return "—"
		}
		return strings.Join(codes, ", ")
	},
	"ploverTypes": func() []string { return cameo.PLOVERTypes },
	"isoTime":     isoTime,
	"mixOf":       mixOf,
	"bucketLabel": bucketLabel,
	"typeLabel":   typeLabel,
	"hitSnippet":  hitSnippet,
	"sample":      sample,
	"entityHref":  entityHref,
	"dyadHref":    func(src, tgt string) string { return "/dyads/" + url.PathEscape(src) + "/" + url.PathEscape(tgt) },
}

// isoTime writes a time as RFC 3339, or "" for the zero time.
func isoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// sample shows the start of a failed input as text: invalid UTF-8 is
// replaced, so that a binary sample cannot garble the page.
func sample(b []byte) string {
	const n = 2000
	s := strings.ToValidUTF8(string(b[:min(len(b), n)]), "\uFFFD")
	if len(b) > n {
		s += "…"
	}
	return s
}

// day formats a time as a newspaper would; the zero time is "".
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// isoDay formats a time for a datetime attribute or a form field.
func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// eventDate writes an annotation's ISO date ("2018-06-12", "2018-06",
// "2018", or an interval "a/b") the way day does, keeping what it cannot
// read as it is: a date is shown at the precision it was given with.
func eventDate(s string) string {
	if s == "" {
		return "undated"
	}
	if a, b, ok := strings.Cut(s, "/"); ok {
		return eventDate(a) + " – " + eventDate(b)
	}
	for _, f := range []struct{ in, out string }{{"2006-01-02", "2 Jan 2006"}, {"2006-01", "Jan 2006"}, {"2006", "2006"}} {
		if t, err := time.Parse(f.in, s); err == nil {
			return t.Format(f.out)
		}
	}
	return s
}

// cameoName returns the codebook name of a CAMEO code, or "" if the
// codebook does not know the code.
func cameoName(code string) string {
	if c, ok := cameo.Lookup(code); ok {
		return c.Name
	}
	return ""
}

// countryName returns the name of a country code (PRK: North Korea), or the
// code itself for actors that are not countries (UNO, IGO...).
func countryName(code string) string {
	if c, ok := actors.Default().CountryByCode(code); ok {
		return c.Name
	}
	return code
}

// actorName describes an actor code for a tooltip: "USAGOV" is "United
// States · GOV".
func actorName(code string) string {
	if len(code) < 3 {
		return code
	}
	c, ok := actors.Default().CountryByCode(code[:3])
	if !ok {
		return code
	}
	if len(code) == 3 {
		return c.Name
	}
	return c.Name + " · " + code[3:]
}

// query returns path with the non-empty values of v as its query string;
// it is how pages build links that keep their filters.
func query(path string, v url.Values) string {
	clean := url.Values{}
	for k, vs := range v {
		for _, s := range vs {
			if s != "" {
				clean.Add(k, s)
			}
		}
	}
	if len(clean) == 0 {
		return path
	}
	return path + "?" + clean.Encode()
}

// entityHref links to an entity's page; the name is escaped as one path
// segment so that a name with "/" or "?" still links to itself.
func entityHref(canonical string) string {
	return "/entities/" + url.PathEscape(canonical)
}

// mixSeg is one QuadClass's share of a bar 100 units wide.
type mixSeg struct {
	Quad int
	X, W float64
}

// mixOf splits a bar by QuadClass counts, cooperation first.
func mixOf(counts [5]int) []mixSeg {
	total := 0
	for q := 1; q <= 4; q++ {
		total += counts[q]
	}
	var out []mixSeg
	x := 0.0
	for q := 1; q <= 4 && total > 0; q++ {
		if counts[q] == 0 {
			continue
		}
		w := float64(counts[q]) / float64(total) * 100
		out = append(out, mixSeg{q, x, w})
		x += w
	}
	return out
}

// reports says how many articles and sources report a merged event, or ""
// for a single mention (and for plain stored records).
func reports(v any) string {
	e, ok := v.(dyads.Event)
	if !ok || e.NumMentions < 2 {
		return ""
	}
	articles := "1 article"
	if e.NumArticles != 1 {
		articles = fmt.Sprintf("%d articles", e.NumArticles)
	}
	sources := "1 source"
	if e.NumSources != 1 {
		sources = fmt.Sprintf("%d sources", e.NumSources)
	}
	return fmt.Sprintf("Reported by %s from %s (%d mentions, copies counted once).", articles, sources, e.NumMentions)
}
