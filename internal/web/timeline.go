package web

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/dyads"
	"github.com/newsgraph/newsgraph/internal/store"
)

// Bucket sizes of a timeline.
const (
	ByDay   = "day"
	ByWeek  = "week"
	ByMonth = "month"
)

// maxBuckets bounds a chart's bars: past it a bar is thinner than a pixel
// on a phone, so the timeline falls back to a coarser bucket.
const maxBuckets = 400

// scanLimit bounds how many events the functions that compute from
// store.Events read for one answer, so that a page on a large database
// stays fast; a store query that aggregates in SQL has no such limit.
const scanLimit = 20000

// TimelineQuery selects a dyad's timeline. Source and Target are actor
// codes matched by prefix, as in store.EventQuery; From and To bound the
// event dates (zero: unbounded).
type TimelineQuery struct {
	Source, Target string
	By             string
	From, To       time.Time
}

// Bucket is one bar of a timeline: the factual events of a day, a week
// (from Monday) or a month.
type Bucket struct {
	Start time.Time
	// Counts holds the events per QuadClass; index 0 counts the events with
	// no valid QuadClass.
	Counts [5]int
	Total  int
	// Goldstein is the mean Goldstein score of the bucket's events, valid
	// when Total > 0.
	Goldstein float64
}

// Timeline is a dyad's factual events counted per bucket. Buckets run
// without gaps from the first to the last, so that the chart's time axis is
// linear.
type Timeline struct {
	Query   TimelineQuery
	Buckets []Bucket
	// Events is the number of events counted; Undated those left out because
	// neither they nor their article have a date.
	Events, Undated int
	// Truncated reports that more events matched than were read.
	Truncated bool
	// Coarsened is the bucket size asked for when it had to be made coarser.
	Coarsened string
	// Merged are the dyad's events, each real event once with how many
	// articles, sources and mentions report it, newest first; Mentions is
	// how many stored mentions they merge.
	Merged   []dyads.Event
	Mentions int
}

// TimelineFunc computes a dyad's timeline.
type TimelineFunc func(ctx context.Context, q TimelineQuery) (*Timeline, error)

// EventsTimeline returns a TimelineFunc that reads the dyad's events from
// s.Events and counts them here. It is the stand-in for a store query that
// counts in SQL; it reads at most scanLimit events.
func EventsTimeline(s store.Store) TimelineFunc {
	return func(ctx context.Context, q TimelineQuery) (*Timeline, error) {
		events, truncated, err := scanEvents(ctx, s, store.EventQuery{Source: q.Source, Target: q.Target, From: q.From, To: q.To})
		if err != nil {
			return nil, err
		}
		// Count each real event once, however many articles report it.
		merged := dyads.Merge(events)
		t := BuildTimeline(q, dyads.Records(merged))
		t.Merged = merged
		t.Mentions = len(events)
		t.Truncated = truncated
		return t, nil
	}
}

// scanEvents reads every event q matches, a page at a time, up to scanLimit.
func scanEvents(ctx context.Context, s store.Store, q store.EventQuery) ([]store.EventRecord, bool, error) {
	var all []store.EventRecord
	q.Limit = store.MaxLimit
	for {
		q.Offset = len(all)
		page, err := s.Events(ctx, q)
		if err != nil {
			return nil, false, err
		}
		all = append(all, page...)
		if len(page) < q.Limit {
			return all, false, nil
		}
		if len(all) >= scanLimit {
			return all, true, nil
		}
	}
}

// eventDay returns the day an event happened: its own date, or its
// article's publication day when it has none. An event dated only to a
// month or a year counts on that period's first day, and a range on its
// first day.
func eventDay(e store.EventRecord) (time.Time, bool) {
	d, _, _ := strings.Cut(e.Date, "/")
	var layout string
	switch {
	case len(d) >= 10:
		d, layout = d[:10], "2006-01-02"
	case len(d) == 7:
		layout = "2006-01"
	case len(d) == 4:
		layout = "2006"
	}
	if layout != "" {
		if t, err := time.Parse(layout, d); err == nil {
			return t, true
		}
	}
	if p := e.ArticlePublished; !p.IsZero() {
		return time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}

// bucketStart returns the start of the bucket that holds day t.
func bucketStart(t time.Time, by string) time.Time {
	switch by {
	case ByDay:
		return t
	case ByWeek:
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	}
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// nextBucket returns the start of the bucket after the one starting at t.
func nextBucket(t time.Time, by string) time.Time {
	switch by {
	case ByDay:
		return t.AddDate(0, 0, 1)
	case ByWeek:
		return t.AddDate(0, 0, 7)
	}
	return t.AddDate(0, 1, 0)
}

// coarser returns the next bucket size up.
func coarser(by string) string {
	if by == ByDay {
		return ByWeek
	}
	return ByMonth
}

// BuildTimeline counts events into buckets of q.By, from q.From (or the
// first event) to q.To (or the last event). Non-factual events are left out:
// a timeline shows what happened. When the span needs more than maxBuckets
// buckets, it uses the next coarser size and says so.
func BuildTimeline(q TimelineQuery, events []store.EventRecord) *Timeline {
	if q.By != ByDay && q.By != ByWeek {
		q.By = ByMonth
	}
	t := &Timeline{Query: q}
	type dated struct {
		day time.Time
		e   *store.EventRecord
	}
	var ds []dated
	for i := range events {
		e := &events[i]
		if !e.Factual() {
			continue
		}
		d, ok := eventDay(*e)
		if !ok {
			t.Undated++
			continue
		}
		if !q.From.IsZero() && d.Before(truncDay(q.From)) || !q.To.IsZero() && d.After(truncDay(q.To)) {
			continue
		}
		ds = append(ds, dated{d, e})
	}
	if len(ds) == 0 {
		return t
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].day.Before(ds[j].day) })
	first, last := ds[0].day, ds[len(ds)-1].day
	if !q.From.IsZero() {
		first = truncDay(q.From)
	}
	if !q.To.IsZero() {
		last = truncDay(q.To)
	}
	by := q.By
	for by != ByMonth && countBuckets(first, last, by) > maxBuckets {
		by = coarser(by)
	}
	if by != q.By {
		t.Coarsened = q.By
		t.Query.By = by
	}
	index := map[time.Time]int{}
	for b := bucketStart(first, by); !b.After(last); b = nextBucket(b, by) {
		index[b] = len(t.Buckets)
		t.Buckets = append(t.Buckets, Bucket{Start: b})
	}
	sums := make([]float64, len(t.Buckets))
	for _, d := range ds {
		i, ok := index[bucketStart(d.day, by)]
		if !ok {
			continue
		}
		b := &t.Buckets[i]
		q := d.e.QuadClass
		if q < 1 || q > 4 {
			q = 0
		}
		b.Counts[q]++
		b.Total++
		sums[i] += d.e.Goldstein
		t.Events++
	}
	for i := range t.Buckets {
		if n := t.Buckets[i].Total; n > 0 {
			t.Buckets[i].Goldstein = sums[i] / float64(n)
		}
	}
	return t
}

func truncDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func countBuckets(first, last time.Time, by string) int {
	days := int(last.Sub(first).Hours()/24) + 1
	switch by {
	case ByDay:
		return days
	case ByWeek:
		return days/7 + 2
	}
	return (last.Year()-first.Year())*12 + int(last.Month()) - int(first.Month()) + 1
}

// bucketLabel names a bucket for axes, tables and headings.
func bucketLabel(t time.Time, by string) string {
	switch by {
	case ByDay:
		return t.Format("2 Jan 2006")
	case ByWeek:
		return "Week of " + t.Format("2 Jan 2006")
	}
	return t.Format("January 2006")
}

// DyadCount is how many factual events one source country directed at one
// target country.
type DyadCount struct {
	Source, Target string
	// Counts holds the events per QuadClass, as in Bucket.
	Counts [5]int
	Total  int
	Last   time.Time
}

// DyadsFunc returns the pairs of different countries with the most factual
// events between from and to (zero: unbounded), most events first, at most
// limit of them.
type DyadsFunc func(ctx context.Context, from, to time.Time, limit int) ([]DyadCount, error)

// EventsDyads returns a DyadsFunc that counts dyads here from s.Events. It
// is the stand-in for a store query that groups in SQL; it reads at most
// scanLimit events.
func EventsDyads(s store.Store) DyadsFunc {
	return func(ctx context.Context, from, to time.Time, limit int) ([]DyadCount, error) {
		events, _, err := scanEvents(ctx, s, store.EventQuery{From: from, To: to})
		if err != nil {
			return nil, err
		}
		return CountDyads(events, limit), nil
	}
}

// CountDyads groups events by the countries of their first source and first
// target actor, as the store's dyad index does. Events without both are not
// dyadic, and events within one country are not relations between
// countries: both are left out.
func CountDyads(events []store.EventRecord, limit int) []DyadCount {
	byKey := map[[2]string]*DyadCount{}
	for _, e := range events {
		if !e.Factual() || len(e.Source) == 0 || len(e.Target) == 0 || len(e.Source[0]) < 3 || len(e.Target[0]) < 3 {
			continue
		}
		key := [2]string{e.Source[0][:3], e.Target[0][:3]}
		if key[0] == key[1] {
			continue
		}
		d := byKey[key]
		if d == nil {
			d = &DyadCount{Source: key[0], Target: key[1]}
			byKey[key] = d
		}
		q := e.QuadClass
		if q < 1 || q > 4 {
			q = 0
		}
		d.Counts[q]++
		d.Total++
		if day, ok := eventDay(e); ok && day.After(d.Last) {
			d.Last = day
		}
	}
	out := make([]DyadCount, 0, len(byKey))
	for _, d := range byKey {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Total != out[j].Total {
			return out[i].Total > out[j].Total
		}
		if !out[i].Last.Equal(out[j].Last) {
			return out[i].Last.After(out[j].Last)
		}
		return out[i].Source+out[i].Target < out[j].Source+out[j].Target
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
