package dyads

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

func record(article, dupOf int64, source, date, cameo string, hypothetical bool) store.EventRecord {
	return store.EventRecord{
		Event: news.Event{Source: []string{"PRKGOV"}, Target: []string{"USAGOV"}, CAMEO: cameo, Date: date,
			Location: "New York", Hypothetical: hypothetical, Evidence: "North Korean diplomats refused a letter from Trump."},
		ArticleRef: store.ArticleRef{ArticleID: article, ArticleSource: source, ArticleDuplicateOf: dupOf},
	}
}

func TestMergeCountsEachRealEventOnce(t *testing.T) {
	got := Merge([]store.EventRecord{
		record(23, 0, "capitalledger.example", "2025-06-11", "120", false),
		record(24, 23, "pacificcourier.example", "2025-06-11", "120", false), // a copy of 23, republished
		record(26, 0, "seoulreview.example", "2025-06-12", "120", false),     // another report, a day later
		record(30, 0, "seoulreview.example", "2025-06-11", "120", true),      // "would refuse": not a fact
		record(31, 0, "capitalledger.example", "2019-06-30", "040", false),   // another event
	})
	if len(got) != 3 {
		t.Fatalf("merged into %d events, want 3: %+v", len(got), got)
	}
	refusal := got[0]
	if refusal.CAMEO != "120" || refusal.Hypothetical || refusal.ArticleID != 23 {
		t.Fatalf("first = %+v; want the factual refusal shown by article 23", refusal)
	}
	if refusal.NumMentions != 3 || refusal.NumSources != 3 || refusal.NumArticles != 2 {
		t.Errorf("refusal counts = %d mentions, %d sources, %d articles; want 3, 3, 2 (the copy counted once)",
			refusal.NumMentions, refusal.NumSources, refusal.NumArticles)
	}
	if refusal.Date != "2025-06-11" || refusal.Key == "" || len(refusal.Mentions) != 3 {
		t.Errorf("refusal = date %q, key %q, %d mentions", refusal.Date, refusal.Key, len(refusal.Mentions))
	}
	var hypothetical, meeting bool
	for _, e := range got[1:] {
		hypothetical = hypothetical || e.Hypothetical && e.NumMentions == 1
		meeting = meeting || e.CAMEO == "040" && e.Date == "2019-06-30"
	}
	if !hypothetical || !meeting {
		t.Errorf("the hypothetical refusal and the 2019 meeting must stay apart: %+v", got[1:])
	}
	again := Merge([]store.EventRecord{
		record(26, 0, "seoulreview.example", "2025-06-12", "120", false),
		record(23, 0, "capitalledger.example", "2025-06-11", "120", false),
		record(24, 23, "pacificcourier.example", "2025-06-11", "120", false),
	})
	if again[0].Key != refusal.Key {
		t.Errorf("key depends on input order: %s vs %s", again[0].Key, refusal.Key)
	}
}

func TestMergeShowsAReportOfTheEventItself(t *testing.T) {
	background := record(5, 0, "seoulreview.example", "2025-06", "120", false)
	background.Evidence = "In June, North Korean diplomats had turned away a letter from Trump."
	report := record(9, 0, "capitalledger.example", "2025-06-11", "120", false)
	got := Merge([]store.EventRecord{background, report})
	if len(got) != 1 {
		t.Fatalf("merged into %d events, want 1", len(got))
	}
	if got[0].ArticleID != 9 || got[0].NumArticles != 2 {
		t.Errorf("shown by article %d (%d articles); want the day-dated report, article 9, counting both", got[0].ArticleID, got[0].NumArticles)
	}
}
