package timex

import (
	"testing"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// TestAbsoluteAgreesWithDateparser cross-checks the absolute dates this
// package parses itself against go-dateparser, which it replaced for speed
// and precision: on a complete written date the two must agree.
func TestAbsoluteAgreesWithDateparser(t *testing.T) {
	pub := time.Date(2019, 2, 28, 9, 30, 0, 0, time.UTC)
	cfg := &dps.Configuration{Languages: []string{"en"}, CurrentTime: pub}
	for _, s := range []string{
		"June 12, 2018", "12 June 2018", "Dec. 22, 2017", "2018-06-12", "Sept. 19, 2016",
		"Friday, June 14, 2019", "1 January 2000", "Feb 29, 2016", "Nov. 29, 2017", "31 December 1999",
	} {
		want, err := dps.Parse(cfg, s)
		if err != nil || want.Period != date.Day {
			t.Fatalf("dateparser cannot read %q as a day (%v, %v); pick another example", s, err, want.Period)
		}
		v, p, ok := Resolve(s, pub)
		if w := want.Time.Format("2006-01-02"); !ok || v != w || p != day {
			t.Errorf("Resolve(%q) = %q, %q, %v; dateparser says %s", s, v, p, ok, w)
		}
	}
}
