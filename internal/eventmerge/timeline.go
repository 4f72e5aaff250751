package eventmerge

import (
	"cmp"
	"slices"
	"strings"
)

// Entry is one merged event on a dyad's timeline.
type Entry struct {
	// From and To are the dyad's two sides as the event ran: From acted on
	// To.
	From  string `json:"from"`
	To    string `json:"to"`
	Event Event  `json:"event"`
}

// Timeline returns the factual merged events between a and b, in either
// direction, ordered by date. a and b are country or organisation codes
// ("USA", "PRK", "UNO"); an actor matches when its code starts with one
// ("USAGOV" is USA), and an event with several actors on a side matches if
// any does. Undated events, which cannot be placed, and non-factual ones
// (a denied or hypothetical meeting did not happen) are left out.
func Timeline(events []Event, a, b string) []Entry {
	a, b = strings.ToUpper(a), strings.ToUpper(b)
	var out []Entry
	for _, e := range events {
		if !e.Factual() || e.Date == "" {
			continue
		}
		switch {
		case side(e.Source, a) && side(e.Target, b):
			out = append(out, Entry{From: a, To: b, Event: e})
		case side(e.Source, b) && side(e.Target, a):
			out = append(out, Entry{From: b, To: a, Event: e})
		}
	}
	slices.SortFunc(out, func(x, y Entry) int {
		return cmp.Or(cmp.Compare(x.Event.Date, y.Event.Date), cmp.Compare(x.Event.Key, y.Event.Key))
	})
	return out
}

func side(actors []string, code string) bool {
	return slices.ContainsFunc(actors, func(a string) bool { return strings.HasPrefix(a, code) })
}
