package timex

import (
	"testing"
	"time"
)

// FuzzFind checks that Find never panics and that every mention it returns
// points at its own text inside the body, in order and without overlap.
func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.body, int64(0))
		f.Add(c.body, int64(1551346200)) // 2019-02-28 09:30 UTC
	}
	f.Add(benchArticle, int64(1551346200))
	f.Add("Feb. 29 on 2018-02-29 and 12/31/1999, June 12-3, 2018–1900 mid-", int64(-62135596800))
	f.Fuzz(func(t *testing.T, body string, unix int64) {
		var pub time.Time
		if unix != 0 {
			pub = time.Unix(unix%(400*365*86400), 0).UTC()
		}
		checkMentions(t, body, Find(body, pub))
	})
}
