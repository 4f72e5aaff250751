// Package dyads turns stored event mentions into the events they report:
// the same (date window, source, target, CAMEO base code, place) reported
// by several articles is one event, with GDELT's mention, source and
// article counts, and every mention kept as evidence.
//
// Merging is done when events are read, from the mentions the store keeps,
// rather than stored: it is a pure function of the mentions, so it cannot
// drift from them, and it stays correct however many workers store
// articles at once.
package dyads

import (
	"sort"

	"github.com/newsgraph/newsgraph/internal/eventmerge"
	"github.com/newsgraph/newsgraph/internal/store"
)

// Event is a merged event, shown by its first mention: its evidence and
// article.
type Event struct {
	store.EventRecord
	Key         string                  `json:"key"`
	EndDate     string                  `json:"end_date,omitempty"`
	NumMentions int                     `json:"num_mentions"`
	NumSources  int                     `json:"num_sources"`
	NumArticles int                     `json:"num_articles"`
	Mentions    []eventmerge.MentionRef `json:"mentions"`
}

// Merge merges the mentions in records into events, newest first.
func Merge(records []store.EventRecord) []Event {
	type ref struct {
		article int64
		index   int
	}
	byRef := make(map[ref]store.EventRecord, len(records))
	mentions := make([]eventmerge.Mention, len(records))
	for i, r := range records {
		byRef[ref{r.ArticleID, r.Index}] = r
		source := r.ArticleSource
		if source == "" {
			source = r.ArticleURL
		}
		mentions[i] = eventmerge.Mention{Event: r.Event, ArticleID: r.ArticleID, Index: r.Index, Source: source, DuplicateOf: r.ArticleDuplicateOf}
	}
	merged := eventmerge.Merger{}.Merge(mentions)
	out := make([]Event, 0, len(merged))
	for _, m := range merged {
		if len(m.Mentions) == 0 {
			continue
		}
		// A report of the event itself stands for it: a mention dated to
		// the event's own day before a background mention ("in June, ..."),
		// then the earliest article (an original before its copies).
		better := func(a, b eventmerge.MentionRef) bool {
			da, db := byRef[ref{a.ArticleID, a.Index}].Date == m.Date, byRef[ref{b.ArticleID, b.Index}].Date == m.Date
			if da != db {
				return da
			}
			return a.ArticleID < b.ArticleID
		}
		first := m.Mentions[0]
		for _, mr := range m.Mentions[1:] {
			if better(mr, first) {
				first = mr
			}
		}
		rep := byRef[ref{first.ArticleID, first.Index}]
		rep.Date = m.Date
		out = append(out, Event{EventRecord: rep, Key: m.Key, EndDate: m.EndDate, NumMentions: m.NumMentions,
			NumSources: m.NumSources, NumArticles: m.NumArticles, Mentions: m.Mentions})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date > out[j].Date
		}
		return out[i].ArticleID < out[j].ArticleID
	})
	return out
}

// Records returns the events' first mentions, for code that works with
// stored records.
func Records(events []Event) []store.EventRecord {
	out := make([]store.EventRecord, len(events))
	for i, e := range events {
		out[i] = e.EventRecord
	}
	return out
}
