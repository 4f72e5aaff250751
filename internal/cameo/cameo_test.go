package cameo

import (
	"strings"
	"testing"
)

func TestEveryCodeIsConsistent(t *testing.T) {
	all := All()
	if len(all) < 300 {
		t.Fatalf("codebook has %d codes, want the full CAMEO list (300+)", len(all))
	}
	plover := map[string]bool{"": true}
	for _, p := range PLOVERTypes {
		plover[p] = true
	}
	seen := map[string]bool{}
	for _, c := range all {
		seen[c.Code] = true
		root := Root(c.Code)
		if root == "" || root < "01" || root > "20" {
			t.Errorf("%s: root %q not in 01-20", c.Code, root)
			continue
		}
		if c.QuadClass != QuadOfRoot(root) {
			t.Errorf("%s: QuadClass %d, root %s implies %d", c.Code, c.QuadClass, root, QuadOfRoot(root))
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v outside [-10, 10]", c.Code, c.Goldstein)
		}
		if !plover[c.PLOVER] {
			t.Errorf("%s: PLOVER type %q is not a current PLOVER type", c.Code, c.PLOVER)
		}
		if c.PLOVER == "" && root != "01" {
			t.Errorf("%s: only root 01 may lack a PLOVER type", c.Code)
		}
		if c.Name == "" {
			t.Errorf("%s: no name", c.Code)
		}
		if p := Parent(c.Code); p != "" && !seen[p] {
			t.Errorf("%s: listed before (or without) its parent %s", c.Code, p)
		}
	}
	for r := 1; r <= 20; r++ {
		root := string([]byte{byte('0' + r/10), byte('0' + r%10)})
		if !seen[root] || !seen[root+"0"] {
			t.Errorf("root %s or its %s0 missing", root, root)
		}
	}
}

func TestKnownValues(t *testing.T) {
	for _, tc := range []struct {
		code, name, plover, mode string
		goldstein                float64
		quad                     int
	}{
		{"010", "Make statement", "", "", 0, 1},
		{"042", "Make a visit", "CONSULT", "visit", 1.9, 1},
		{"051", "Praise or endorse", "SUPPORT", "", 3.4, 1},
		{"057", "Sign formal agreement", "SUPPORT", "", 8.0, 1},
		{"0841", "Return, release person", "RETREAT", "release", 7.0, 2},
		{"081", "Ease administrative sanctions", "CONCEDE", "", 5.0, 2},
		{"112", "Accuse", "ACCUSE", "disapprove", -2, 3},
		{"1125", "Accuse of espionage", "ACCUSE", "disapprove", -2, 3},
		{"106", "Demand meeting", "REQUEST", "meet", -5, 3},
		{"125", "Reject proposal to meet", "REJECT", "meet", -5, 3},
		{"1312", "Threaten to boycott", "THREATEN", "restrict", -5.8, 3},
		{"150", "Demonstrate military or police power", "MOBILIZE", "", -7.2, 4},
		{"161", "Reduce or break diplomatic relations", "SANCTION", "withdraw", -4, 4},
		{"163", "Impose embargo, boycott, or sanctions", "SANCTION", "sever", -8, 4},
		{"1711", "Confiscate property", "COERCE", "confiscate", -9.2, 4},
		{"173", "Arrest, detain", "COERCE", "arrest", -5, 4},
		{"190", "Use conventional military force", "ASSAULT", "", -10, 4},
		{"2042", "Detonate nuclear weapons", "ASSAULT", "", -10, 4},
	} {
		c, ok := Lookup(tc.code)
		if !ok {
			t.Errorf("Lookup(%s) not found", tc.code)
			continue
		}
		if !strings.HasPrefix(c.Name, tc.name) || c.PLOVER != tc.plover || c.Mode != tc.mode || c.Goldstein != tc.goldstein || c.QuadClass != tc.quad {
			t.Errorf("Lookup(%s) = %+v, want name %q.., %s/%s, Goldstein %v, quad %d", tc.code, c, tc.name, tc.plover, tc.mode, tc.goldstein, tc.quad)
		}
	}
	if _, ok := Lookup("21"); ok {
		t.Error("Lookup(21) found a code outside CAMEO")
	}
	if _, ok := Lookup("0999"); ok {
		t.Error("Lookup(0999) found a code that does not exist")
	}
}

func TestRoot(t *testing.T) {
	for in, want := range map[string]string{"1823": "18", "042": "04", "20": "20", "21": "", "abc": "", "": "", "12345": ""} {
		if got := Root(in); got != want {
			t.Errorf("Root(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPLOVERType(t *testing.T) {
	for in, want := range map[string]string{"DEMAND": "REQUEST", "disapprove": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT", "AGREE": "AGREE", " reject ": "REJECT"} {
		if got := PLOVERType(in); got != want {
			t.Errorf("PLOVERType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseErrorsNameLine(t *testing.T) {
	_, _, err := parse("x.tsv", []byte("# c\n010\t1\t0.0\t\t\tok\n011\t1\tzero\t\t\tbad\n"))
	if err == nil || !strings.Contains(err.Error(), "x.tsv:3") {
		t.Fatalf("error %v, want one naming x.tsv:3", err)
	}
}
