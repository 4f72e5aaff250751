package actors

import "fmt"

// roles are CAMEO's role codes: the primary roles of a state's actors (GOV,
// MIL...), the secondary ones that qualify them (BUS, MED, LEG...), and the
// kinds of non-state actor (IGO, NGO). A data row with any other role is a
// typo, not a new role, so loading rejects it.
var roles = map[string]string{
	"GOV": "government",
	"MIL": "military",
	"COP": "police",
	"JUD": "judiciary",
	"LEG": "legislature",
	"OPP": "political opposition",
	"PTY": "political party",
	"REB": "rebels",
	"SEP": "separatist rebels",
	"INS": "insurgents",
	"SPY": "state intelligence",
	"UAF": "unaligned armed forces",
	"MED": "media",
	"BUS": "business",
	"MNC": "multinational corporation",
	"NGO": "non-governmental organisation",
	"NGM": "non-governmental movement",
	"IGO": "intergovernmental organisation",
	"CVL": "civilians",
	"LAB": "labour",
	"EDU": "education",
	"REF": "refugees",
	"HLH": "health",
	"AGR": "agriculture",
	"CRM": "criminals",
	"ELI": "elites",
	"ENV": "environment",
	"HRI": "human rights",
	"DEV": "development",
	"MOD": "moderates",
	"RAD": "radicals",
	"REL": "religion",
	"SET": "settlers",
}

// nonState are the first segments of codes for actors that are not states:
// international and non-governmental bodies, movements, multinationals and
// CAMEO's regions.
var nonState = map[string]bool{
	"IGO": true, "NGO": true, "NGM": true, "MNC": true, "IMG": true, "UIS": true,
	"AFR": true, "ASA": true, "BLK": true, "CRB": true, "CAU": true, "CFR": true,
	"CAS": true, "CEU": true, "EIN": true, "EAF": true, "EEU": true, "EUR": true,
	"LAM": true, "MEA": true, "MDT": true, "NAF": true, "NMR": true, "PGS": true,
	"SCN": true, "SAM": true, "SAS": true, "SEA": true, "SAF": true, "WAF": true,
	"WST": true,
}

// isCode reports whether s is three capital ASCII letters.
func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func isRole(s string) bool {
	_, ok := roles[s]
	return ok
}

// checkActor validates an actor code: a run of three-letter segments whose
// first is a known country or a non-state prefix and, after a country, whose
// second is a role ("USAGOV", "PSEREBHMS"), so that a typo such as "USAGVO"
// or "KORMLI" fails at load time instead of coding events wrongly.
func checkActor(code string, knownCountry func(string) bool) error {
	if len(code) == 0 || len(code)%3 != 0 || len(code) > 15 {
		return fmt.Errorf("actor code %q is not a run of three-letter segments", code)
	}
	for i := 0; i < len(code); i += 3 {
		if !isCode(code[i : i+3]) {
			return fmt.Errorf("actor code %q is not a run of three-letter segments", code)
		}
	}
	first := code[:3]
	switch {
	case knownCountry(first):
		if len(code) >= 6 && !isRole(code[3:6]) {
			return fmt.Errorf("actor code %q: %s is not a CAMEO role code", code, code[3:6])
		}
	case nonState[first]:
	default:
		return fmt.Errorf("actor code %q starts with %s, which is neither a known country nor IGO/NGO/a CAMEO region", code, first)
	}
	return nil
}
