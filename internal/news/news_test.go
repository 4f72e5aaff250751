package news

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestArticleJSONPublished(t *testing.T) {
	unknown, err := json.Marshal(Article{Title: "Talks resume", Body: "text"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(unknown), `"published":null`) || strings.Contains(string(unknown), "0001") {
		t.Errorf("unknown date: %s; want \"published\":null", unknown)
	}
	if strings.Contains(string(unknown), `"fetched"`) {
		t.Errorf("unknown fetch time should be omitted: %s", unknown)
	}

	kst := time.FixedZone("", 9*3600)
	in := Article{Title: "Summit", Published: time.Date(2018, 6, 12, 9, 30, 0, 0, kst)}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"published":"2018-06-12T09:30:00+09:00"`) {
		t.Errorf("known date: %s; want the publisher's zone kept", data)
	}
	var out Article
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	if !out.Published.Equal(in.Published) || out.Title != "Summit" {
		t.Errorf("round trip = %+v", out)
	}
}

func TestNewDocumentHasEveryList(t *testing.T) {
	data, _ := json.Marshal(NewDocument(Article{}))
	for _, key := range []string{`"entities":[]`, `"dates":[]`, `"quotes":[]`, `"events":[]`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("%s missing from %s", key, data)
		}
	}
}
