package events

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/cameo"
)

// Every conversion lands on a real code of the right root, so that the
// codebook and the conversion tables cannot drift apart.
func TestConversionsStayInTheCodebook(t *testing.T) {
	for _, c := range cameo.All() {
		if cooperative(c.Code) && root(c.Code) != "03" {
			if i := intentCode(c.Code); i == "" || root(i) != "03" {
				t.Errorf("intentCode(%s) = %q", c.Code, i)
			} else if _, ok := cameo.Lookup(i); !ok {
				t.Errorf("intentCode(%s) = %s, not a code", c.Code, i)
			}
		}
		if cooperative(c.Code) {
			if r := rejectCode(c.Code); r == "" || root(r) != "12" {
				t.Errorf("rejectCode(%s) = %q", c.Code, r)
			} else if _, ok := cameo.Lookup(r); !ok {
				t.Errorf("rejectCode(%s) = %s, not a code", c.Code, r)
			}
		}
		if forceful(c.Code) {
			if th := threatCode(c.Code); th == "" || root(th) != "13" {
				t.Errorf("threatCode(%s) = %q", c.Code, th)
			} else if _, ok := cameo.Lookup(th); !ok {
				t.Errorf("threatCode(%s) = %s, not a code", c.Code, th)
			}
		}
	}
	for code, want := range map[string]string{"042": "036", "0841": "0353", "072": "0332", "057": "030"} {
		if got := intentCode(code); got != want {
			t.Errorf("intentCode(%s) = %s, want %s", code, got, want)
		}
	}
	for code, want := range map[string]string{"163": "1312", "161": "1313", "190": "1384", "192": "1382"} {
		if got := threatCode(code); got != want {
			t.Errorf("threatCode(%s) = %s, want %s", code, got, want)
		}
	}
}
