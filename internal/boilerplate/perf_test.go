package boilerplate

import (
	"strings"
	"testing"
	"time"
)

// TestLinearTime guards against inputs that make Clean slow: long runs of
// wrapped lines, headlines, labels, chrome and sentences.
func TestLinearTime(t *testing.T) {
	inputs := map[string]string{
		"wrapped":   "Start here\n" + strings.Repeat("and more words\n", 20000),
		"headlines": strings.Repeat("Markets slide as oil prices jump\n", 20000),
		"labels":    strings.Repeat("Related\n", 20000),
		"chrome":    strings.Repeat("Share this:\nFacebook\n", 10000),
		"sentences": strings.Repeat("The bank left rates unchanged on Thursday.\n", 20000),
		"mixed":     strings.Repeat("Comments\nThe bank left rates unchanged.\nReply\n", 20000),
		"one line":  strings.Repeat("word ", 100000),
	}
	for name, in := range inputs {
		start := time.Now()
		Clean(in)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: Clean took %v on %d bytes", name, d, len(in))
		}
	}
}
