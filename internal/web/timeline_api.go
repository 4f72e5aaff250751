package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/dyads"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// TimelineBucket is one bucket of GET /api/timeline.
type TimelineBucket struct {
	Start string `json:"start"`
	// Counts are the merged events per QuadClass, "1" verbal cooperation to
	// "4" material conflict.
	Counts        map[string]int `json:"quad_class_counts"`
	Total         int            `json:"total"`
	MeanGoldstein *float64       `json:"mean_goldstein"`
	// Top are the bucket's events most reported first, each with its
	// evidence and a link to it.
	Top []TimelineEvent `json:"top_events"`
}

// TimelineEvent is a merged event in a timeline bucket.
type TimelineEvent struct {
	dyads.Event
	Link string `json:"link"`
}

// TimelineResponse is the body of GET /api/timeline.
type TimelineResponse struct {
	Source     string           `json:"source"`
	Target     string           `json:"target"`
	Undirected bool             `json:"undirected"`
	By         string           `json:"by"`
	Events     int              `json:"events"`
	Mentions   int              `json:"mentions"`
	Truncated  bool             `json:"truncated,omitempty"`
	Buckets    []TimelineBucket `json:"buckets"`
}

// topPerBucket is how many events each bucket lists.
const topPerBucket = 5

// DyadTimeline computes a dyad's timeline for the API and the command
// line: merged factual events counted per bucket, with the most reported
// events of each bucket and links to their evidence. Undirected adds the
// events from target to source.
func (u *UI) DyadTimeline(ctx context.Context, q TimelineQuery, undirected bool) (*TimelineResponse, error) {
	tl, err := u.Timeline(ctx, q)
	if err != nil {
		return nil, err
	}
	if undirected && q.Source != q.Target {
		back, err := u.Timeline(ctx, TimelineQuery{Source: q.Target, Target: q.Source, By: q.By, From: q.From, To: q.To})
		if err != nil {
			return nil, err
		}
		// A joint act ("A and B met") is in both directions: count it once.
		merged := append([]dyads.Event{}, tl.Merged...)
		seen := map[string]bool{}
		for _, e := range merged {
			seen[e.Key] = true
		}
		for _, e := range back.Merged {
			if !seen[e.Key] {
				merged = append(merged, e)
			}
		}
		both := BuildTimeline(q, dyads.Records(merged))
		both.Merged, both.Mentions, both.Truncated = merged, tl.Mentions+back.Mentions, tl.Truncated || back.Truncated
		tl = both
	}
	return timelineResponse(q, undirected, tl), nil
}

func timelineResponse(q TimelineQuery, undirected bool, tl *Timeline) *TimelineResponse {
	resp := &TimelineResponse{Source: q.Source, Target: q.Target, Undirected: undirected, By: tl.Query.By,
		Events: tl.Events, Mentions: tl.Mentions, Truncated: tl.Truncated, Buckets: []TimelineBucket{}}
	index := map[time.Time]int{}
	for _, b := range tl.Buckets {
		if b.Total == 0 {
			continue
		}
		tb := TimelineBucket{Start: b.Start.Format("2006-01-02"), Total: b.Total, Counts: map[string]int{}, Top: []TimelineEvent{}}
		for qc := 1; qc <= 4; qc++ {
			tb.Counts[fmt.Sprint(qc)] = b.Counts[qc]
		}
		g := b.Goldstein
		tb.MeanGoldstein = &g
		index[b.Start] = len(resp.Buckets)
		resp.Buckets = append(resp.Buckets, tb)
	}
	for _, e := range tl.Merged {
		if !e.Factual() {
			continue
		}
		d, ok := eventDay(e.EventRecord)
		if !ok {
			continue
		}
		i, ok := index[bucketStart(d, tl.Query.By)]
		if !ok {
			continue
		}
		resp.Buckets[i].Top = append(resp.Buckets[i].Top, TimelineEvent{Event: e, Link: fmt.Sprintf("/articles/%d#event-%d", e.ArticleID, e.Index)})
	}
	for i := range resp.Buckets {
		top := resp.Buckets[i].Top
		sort.SliceStable(top, func(a, b int) bool { return top[a].NumArticles > top[b].NumArticles })
		resp.Buckets[i].Top = top[:min(len(top), topPerBucket)]
	}
	return resp
}

func (u *UI) timelineJSON(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q := TimelineQuery{Source: strings.ToUpper(v.Get("source")), Target: strings.ToUpper(v.Get("target")), By: v.Get("by")}
	fail := func(msg string) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]string{"error": msg})
	}
	if !validActor(q.Source) || !validActor(q.Target) {
		fail("source and target must each be an actor code such as USA, PRK or USAGOV")
		return
	}
	if q.By == "" {
		q.By = ByMonth
	}
	if q.By != ByDay && q.By != ByWeek && q.By != ByMonth {
		fail(fmt.Sprintf("by must be day, week or month, not %q", q.By))
		return
	}
	var err error
	if q.From, err = api.ParseDay("from", v.Get("from")); err != nil {
		fail(err.Error())
		return
	}
	if q.To, err = api.ParseDay("to", v.Get("to")); err != nil {
		fail(err.Error())
		return
	}
	undirected := v.Get("undirected") == "true" || v.Get("undirected") == "1"
	resp, err := u.DyadTimeline(r.Context(), q, undirected)
	if err != nil {
		u.log.Error("timeline", "err", err)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		json.NewEncoder(w).Encode(map[string]string{"error": "internal error; see the server log"})
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(resp)
}

// linkerStories shows the store's stories on the story pages.
type linkerStories struct{ l store.Linker }

func (s linkerStories) LatestStories(ctx context.Context, limit int) ([]news.Story, error) {
	return s.l.Stories(ctx, store.StoryQuery{Limit: limit})
}

func (s linkerStories) StoryArticles(ctx context.Context, id int64) (*news.Story, []news.Article, error) {
	d, err := s.l.Story(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	return &d.Story, d.List, nil
}
