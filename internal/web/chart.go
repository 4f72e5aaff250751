package web

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// The chart is drawn in a fixed coordinate system (the SVG viewBox) and
// scaled by the browser. Cooperation is stacked above the zero line and
// conflict below it, on the same zero as the Goldstein axis, so that "up is
// cooperative, down is hostile" holds for both the bars and the line, and the
// split does not depend on telling colours apart.
const (
	chartW      = 960.0
	chartH      = 340.0
	chartLeft   = 44.0
	chartRight  = 40.0
	chartTop    = 14.0
	chartBottom = 34.0
)

// chart is the geometry of a timeline chart, ready for the template.
type chart struct {
	W, H                   float64
	Left, Right, Top, Base float64 // plot area edges
	Zero                   float64 // y of the zero line
	Bars                   []chartBar
	CountTicks, GoldTicks  []tick
	XTicks                 []tick
	Line                   string // SVG path of the mean Goldstein
	Points                 []chartPoint
	Title, Desc            string
}

type chartBar struct {
	Label string
	Segs  []chartSeg
}

type chartSeg struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

type chartPoint struct {
	X, Y  float64
	Title string
}

type tick struct {
	Pos   float64
	Label string
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten, for axis ends.
func niceCeil(n int) int {
	if n <= 1 {
		return 1
	}
	p := 1
	for {
		for _, m := range []int{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
		p *= 10
	}
}

// drawChart lays out the timeline's buckets.
func drawChart(t *Timeline, dyadLabel string) *chart {
	c := &chart{W: chartW, H: chartH, Left: chartLeft, Right: chartW - chartRight, Top: chartTop, Base: chartH - chartBottom}
	c.Zero = (c.Top + c.Base) / 2
	n := len(t.Buckets)
	if n == 0 {
		return c
	}
	maxUp, maxDown := 0, 0
	for _, b := range t.Buckets {
		maxUp = max(maxUp, b.Counts[1]+b.Counts[2])
		maxDown = max(maxDown, b.Counts[3]+b.Counts[4])
	}
	scale := niceCeil(max(maxUp, maxDown))
	half := c.Zero - c.Top
	countY := func(n int) float64 { return float64(n) / float64(scale) * half }
	goldY := func(g float64) float64 { return c.Zero - g/10*half }

	for _, v := range []int{scale, scale / 2, 0} {
		if v == scale/2 && (scale < 2 || scale%2 != 0) {
			continue
		}
		c.CountTicks = append(c.CountTicks, tick{c.Zero - countY(v), fmt.Sprint(v)})
		if v != 0 {
			c.CountTicks = append(c.CountTicks, tick{c.Zero + countY(v), fmt.Sprint(v)})
		}
	}
	for _, g := range []float64{10, 5, 0, -5, -10} {
		c.GoldTicks = append(c.GoldTicks, tick{goldY(g), fmt.Sprintf("%+.0f", g)})
	}
	c.GoldTicks[2].Label = "0"

	slot := (c.Right - c.Left) / float64(n)
	barW := math.Min(math.Max(slot*0.78, 1), 44)
	by := t.Query.By
	var line strings.Builder
	lastDrawn := -2 // index of the last bucket on the line
	for i, b := range t.Buckets {
		x := c.Left + slot*float64(i) + (slot-barW)/2
		label := bucketLabel(b.Start, by)
		bar := chartBar{Label: label}
		up, down := 0.0, 0.0
		for q := 1; q <= 4; q++ {
			if b.Counts[q] == 0 {
				continue
			}
			h := countY(b.Counts[q])
			seg := chartSeg{X: x, W: barW, H: h, Class: fmt.Sprintf("q%d", q),
				Title: fmt.Sprintf("%s: %s, %s", label, plural(b.Counts[q], "event", "events"), strings.ToLower(quadName(q)))}
			if q <= 2 {
				seg.Y = c.Zero - up - h
				up += h
			} else {
				seg.Y = c.Zero + down
				down += h
			}
			bar.Segs = append(bar.Segs, seg)
		}
		c.Bars = append(c.Bars, bar)
		if b.Total > 0 {
			px, py := c.Left+slot*(float64(i)+0.5), goldY(b.Goldstein)
			// The line joins neighbouring buckets only: across a stretch
			// with no events there is no mean to draw, and a line would
			// invent one.
			if lastDrawn == i-1 {
				fmt.Fprintf(&line, " L%.1f %.1f", px, py)
			} else {
				fmt.Fprintf(&line, " M%.1f %.1f", px, py)
			}
			lastDrawn = i
			c.Points = append(c.Points, chartPoint{px, py,
				fmt.Sprintf("%s: mean Goldstein %+.1f over %s", label, b.Goldstein, plural(b.Total, "event", "events"))})
		}
	}
	c.Line = strings.TrimSpace(line.String())
	c.XTicks = xTicks(t, slot)
	c.Title, c.Desc = chartText(t, dyadLabel)
	return c
}

// xTicks labels the time axis with at most about eight labels: years when
// a monthly chart spans more than two years, else every k-th bucket.
func xTicks(t *Timeline, slot float64) []tick {
	n := len(t.Buckets)
	pos := func(i int) float64 { return chartLeft + slot*(float64(i)+0.5) }
	var ticks []tick
	if t.Query.By == ByMonth && n > 24 {
		years := n/12 + 1
		step := (years + 7) / 8
		for i, b := range t.Buckets {
			if b.Start.Month() == time.January && b.Start.Year()%step == 0 {
				ticks = append(ticks, tick{chartLeft + slot*float64(i), b.Start.Format("2006")})
			}
		}
		if len(ticks) == 0 || ticks[0].Pos-chartLeft > 3*slot {
			// A year label for the first bucket when no January is near it.
			ticks = append([]tick{{chartLeft, t.Buckets[0].Start.Format("2006")}}, ticks...)
			if len(ticks) > 1 && ticks[1].Pos-ticks[0].Pos < 40 {
				ticks = append(ticks[:1], ticks[2:]...)
			}
		}
		return ticks
	}
	step := (n + 7) / 8
	for i := 0; i < n; i += step {
		var label string
		switch t.Query.By {
		case ByMonth:
			label = t.Buckets[i].Start.Format("Jan 2006")
		default:
			label = t.Buckets[i].Start.Format("2 Jan 06")
		}
		ticks = append(ticks, tick{pos(i), label})
	}
	return ticks
}

// chartText is the chart's accessible title and description: what a reader
// who cannot see the chart needs to know from it.
func chartText(t *Timeline, dyad string) (string, string) {
	by := t.Query.By
	title := fmt.Sprintf("Events %s, per %s", dyad, by)
	first, last := t.Buckets[0], t.Buckets[len(t.Buckets)-1]
	var busiest Bucket
	var coop, conflict int
	for _, b := range t.Buckets {
		if b.Total > busiest.Total {
			busiest = b
		}
		coop += b.Counts[1] + b.Counts[2]
		conflict += b.Counts[3] + b.Counts[4]
	}
	span := "from " + bucketLabel(first.Start, by) + " to " + bucketLabel(last.Start, by)
	if len(t.Buckets) == 1 {
		span = "in " + bucketLabel(first.Start, by)
	}
	desc := fmt.Sprintf("%s %s: %d cooperative and %d conflictual. The busiest %s was %s with %s. "+
		"Bars above the zero line count cooperation (verbal, then material), bars below count conflict (verbal, then material); "+
		"the line is the mean Goldstein score, from -10 to +10, joining neighbouring %ss that have events.",
		plural(t.Events, "event", "events"), span, coop, conflict,
		by, bucketLabel(busiest.Start, by), plural(busiest.Total, "event", "events"), by)
	return title, desc
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
