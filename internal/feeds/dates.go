package feeds

import (
	"strings"
	"time"
)

// Date layouts seen in feeds: RFC 822/1123 and their common deviations for
// RSS, RFC 3339 for Atom and JSON Feed. Go accepts a fractional second after
// the seconds field without it being in the layout, and a one-digit layout
// day also reads two digits.
var (
	offsetLayouts = []string{
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04 -0700",
		"Mon, 2 Jan 06 15:04:05 -0700",
		"Mon, 2 January 2006 15:04:05 -0700",
		"Monday, 2 Jan 2006 15:04:05 -0700",
		"Monday, 2 January 2006 15:04:05 -0700",
		"2 Jan 2006 15:04:05 -0700",
		"2 Jan 2006 15:04 -0700",
		"Mon, 2 Jan 2006 15:04:05 -07:00",
		"Mon Jan 2 15:04:05 -0700 2006",
		time.RFC3339,
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04:05-0700",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 -0700",
		"2006-01-02 15:04:05 -07:00",
	}
	zoneLayouts = []string{
		"Mon, 2 Jan 2006 15:04:05 MST",
		"Mon, 2 Jan 2006 15:04 MST",
		"Mon, 2 Jan 06 15:04:05 MST",
		"Mon, 2 January 2006 15:04:05 MST",
		"Monday, 2 Jan 2006 15:04:05 MST",
		"Monday, 2 January 2006 15:04:05 MST",
		"2 Jan 2006 15:04:05 MST",
		"2 Jan 2006 15:04 MST",
		"Mon Jan 2 15:04:05 MST 2006",
		"2006-01-02 15:04:05 MST",
	}
	// Without a zone the time is read as UTC: there is nothing better to go on.
	bareLayouts = []string{
		"2006-01-02T15:04:05",
		"2006-01-02 15:04:05",
		"2006-01-02",
	}
)

// zoneOffsets gives the offsets of the zone abbreviations found in feeds.
// Go resolves abbreviations only against the host's own zone, and reads any
// other as UTC, so they are fixed here. Ambiguous ones take the reading that
// dominates English-language news feeds (CST is US Central, BST British
// Summer Time); IST is too ambiguous (India, Ireland, Israel) to guess.
var zoneOffsets = map[string]int{
	"UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
	"EST": -5 * 3600, "EDT": -4 * 3600,
	"CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600,
	"AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
	"BST": 3600, "WEST": 3600, "CET": 3600, "CEST": 2 * 3600,
	"EET": 2 * 3600, "EEST": 3 * 3600, "MSK": 3 * 3600,
	"HKT": 8 * 3600, "SGT": 8 * 3600, "JST": 9 * 3600, "KST": 9 * 3600,
	"AEST": 10 * 3600, "AEDT": 11 * 3600, "NZST": 12 * 3600, "NZDT": 13 * 3600,
}

// parseDate parses a feed date, keeping the zone offset it was written with.
func parseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	// Drop a trailing comment such as "+0000 (UTC)".
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	if s == "" {
		return time.Time{}, false
	}
	// ParseInLocation with UTC makes the result independent of the host's
	// zone: an offset is kept as a fixed zone instead of being matched to
	// the local one.
	for _, layout := range offsetLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, true
		}
	}
	for _, layout := range zoneLayouts {
		t, err := time.ParseInLocation(layout, s, time.UTC)
		if err != nil {
			continue
		}
		name, _ := t.Zone()
		off, ok := zoneOffsets[strings.ToUpper(name)]
		if !ok {
			return time.Time{}, false
		}
		loc := time.UTC
		if off != 0 {
			loc = time.FixedZone(strings.ToUpper(name), off)
		}
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc), true
	}
	for _, layout := range bareLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
