// Package cameo is the CAMEO event codebook as data: every event code with
// its name, Goldstein weight, QuadClass, and the PLOVER event type and mode
// it maps to. The event coder reports CAMEO codes because they are what the
// field's data sets (GDELT, ICEWS, Phoenix) use, and PLOVER types because
// they are what newer data sets and gold standards use; keeping both in one
// table means the two can never disagree.
//
// The table is plain TSV (data/codes.tsv) embedded in the binary, so that a
// reader can check a value without reading Go.
package cameo

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/codes.tsv
var codesTSV []byte

// Code is one entry of the codebook.
type Code struct {
	// Code is the CAMEO code: "19", "190", "1823".
	Code string
	Name string
	// Goldstein is the code's conflict-cooperation weight in [-10, 10].
	Goldstein float64
	// QuadClass is 1 verbal cooperation, 2 material cooperation, 3 verbal
	// conflict, 4 material conflict; it follows from the root.
	QuadClass int
	// PLOVER is the PLOVER event type, "" for codes PLOVER does not code
	// (root 01, public statements).
	PLOVER string
	// Mode is the PLOVER mode the code implies, if any.
	Mode string
}

// PLOVER event types, in the order of the PLOVER manual.
var PLOVERTypes = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
	"MOBILIZE", "COERCE", "ASSAULT",
}

// olderTypes maps the types of earlier PLOVER drafts, still used by the
// gold-standard records, to the types that replaced them.
var olderTypes = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"INVESTIGATE": "ACCUSE",
	"FIGHT":       "ASSAULT",
}

// PLOVERType returns the current PLOVER type for a type name of any PLOVER
// version (DEMAND is REQUEST, FIGHT is ASSAULT...), upper-cased; a name it
// does not know comes back upper-cased and unchanged.
func PLOVERType(name string) string {
	name = strings.ToUpper(strings.TrimSpace(name))
	if t, ok := olderTypes[name]; ok {
		return t
	}
	return name
}

var (
	loadOnce sync.Once
	table    map[string]Code
	ordered  []Code
	loadErr  error
)

func load() {
	table, ordered, loadErr = parse("internal/cameo/data/codes.tsv", codesTSV)
	if loadErr != nil {
		// The table is embedded and checked by the package's tests, so a
		// broken one cannot reach a release; failing loudly beats coding
		// events with zero weights.
		panic("cameo: " + loadErr.Error())
	}
}

// parse reads the codebook table. Errors name file:line.
func parse(file string, data []byte) (map[string]Code, []Code, error) {
	m := map[string]Code{}
	var list []Code
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 6 {
			return nil, nil, fmt.Errorf("%s:%d: want 6 tab-separated columns (code quad goldstein plover mode name), got %d", file, line, len(f))
		}
		c := Code{Code: f[0], PLOVER: f[3], Mode: f[4], Name: f[5]}
		if !validCode(c.Code) {
			return nil, nil, fmt.Errorf("%s:%d: %q is not a CAMEO code", file, line, c.Code)
		}
		q, err := strconv.Atoi(f[1])
		if err != nil || q < 1 || q > 4 {
			return nil, nil, fmt.Errorf("%s:%d: quad class %q is not 1-4", file, line, f[1])
		}
		c.QuadClass = q
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil || g < -10 || g > 10 {
			return nil, nil, fmt.Errorf("%s:%d: Goldstein %q is not a number in [-10, 10]", file, line, f[2])
		}
		c.Goldstein = g
		if _, dup := m[c.Code]; dup {
			return nil, nil, fmt.Errorf("%s:%d: code %s listed twice", file, line, c.Code)
		}
		m[c.Code] = c
		list = append(list, c)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	return m, list, nil
}

// validCode reports whether s has the shape of a CAMEO event code: two to
// four digits under a root 01-20.
func validCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	r, _ := strconv.Atoi(s[:2])
	return r >= 1 && r <= 20
}

// Lookup returns the codebook entry for a CAMEO code.
func Lookup(code string) (Code, bool) {
	loadOnce.Do(load)
	c, ok := table[strings.TrimSpace(code)]
	return c, ok
}

// Root returns the two-digit root of a code ("1823" is "18"), or "" if code
// is not a CAMEO code.
func Root(code string) string {
	code = strings.TrimSpace(code)
	if !validCode(code) {
		return ""
	}
	return code[:2]
}

// QuadOfRoot returns the QuadClass of a root ("01"-"20"), or 0.
func QuadOfRoot(root string) int {
	r, err := strconv.Atoi(root)
	switch {
	case err != nil || len(root) != 2:
		return 0
	case r >= 1 && r <= 5:
		return 1
	case r >= 6 && r <= 8:
		return 2
	case r >= 9 && r <= 13:
		return 3
	case r >= 14 && r <= 20:
		return 4
	}
	return 0
}

// All returns every code in codebook order.
func All() []Code {
	loadOnce.Do(load)
	return append([]Code(nil), ordered...)
}

// Parent returns the code one level up ("1823" is "182", "182" is "18"),
// or "" for a root.
func Parent(code string) string {
	if len(code) <= 2 {
		return ""
	}
	return code[:len(code)-1]
}
