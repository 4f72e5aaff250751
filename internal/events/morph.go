package events

import "strings"

// The lexicon is written in base forms ("refuse", "sanction", "meet") and
// must match any inflection in the text ("refused", "sanctions", "met").
// Rather than reduce every word of the text to a lemma, which needs a
// dictionary to be right, we expand every word of the lexicon into the forms
// it can take and match the text's words against those. Over-generating is
// harmless ("visitted" never occurs), so the rules below produce every form
// a rule might, and the irregular table supplies the rest.

// irregular lists the irregular past and participle forms of the verbs news
// reports use, base first.
var irregular = map[string][]string{
	"arise": {"arose", "arisen"}, "be": {"was", "were", "been", "is", "are", "am"},
	"bear": {"bore", "borne", "born"}, "beat": {"beat", "beaten"}, "become": {"became"},
	"begin": {"began", "begun"}, "bid": {"bid"}, "bind": {"bound"}, "bite": {"bit", "bitten"},
	"blow": {"blew", "blown"}, "break": {"broke", "broken"}, "bring": {"brought"},
	"build": {"built"}, "buy": {"bought"}, "catch": {"caught"}, "choose": {"chose", "chosen"},
	"come": {"came"}, "cut": {"cut"}, "deal": {"dealt"}, "do": {"did", "done", "does"},
	"draw": {"drew", "drawn"}, "drive": {"drove", "driven"}, "eat": {"ate", "eaten"},
	"fall": {"fell", "fallen"}, "feed": {"fed"}, "feel": {"felt"}, "fight": {"fought"},
	"find": {"found"}, "flee": {"fled"}, "fly": {"flew", "flown"}, "forbid": {"forbade", "forbidden"},
	"forgive": {"forgave", "forgiven"}, "freeze": {"froze", "frozen"}, "get": {"got", "gotten"},
	"give": {"gave", "given"}, "go": {"went", "gone", "goes"}, "have": {"had", "has"},
	"hang": {"hung"}, "hear": {"heard"}, "hide": {"hid", "hidden"}, "hit": {"hit"},
	"hold": {"held"}, "hurt": {"hurt"}, "keep": {"kept"}, "know": {"knew", "known"},
	"lay": {"laid"}, "lead": {"led"}, "leave": {"left"}, "lend": {"lent"}, "let": {"let"},
	"lose": {"lost"}, "make": {"made"}, "mean": {"meant"}, "meet": {"met"},
	"mislead": {"misled"}, "overcome": {"overcame"}, "overrun": {"overran"},
	"overtake": {"overtook", "overtaken"}, "overthrow": {"overthrew", "overthrown"},
	"pay": {"paid"}, "put": {"put"}, "quit": {"quit"}, "read": {"read"},
	"rebuild": {"rebuilt"}, "retake": {"retook", "retaken"}, "ride": {"rode", "ridden"},
	"rise": {"rose", "risen"}, "run": {"ran"}, "say": {"said"}, "see": {"saw", "seen"},
	"seek": {"sought"}, "sell": {"sold"}, "send": {"sent"}, "set": {"set"},
	"shake": {"shook", "shaken"}, "shed": {"shed"}, "shoot": {"shot"}, "shut": {"shut"},
	"sink": {"sank", "sunk"}, "sit": {"sat"}, "slay": {"slew", "slain"}, "speak": {"spoke", "spoken"},
	"spend": {"spent"}, "split": {"split"}, "spread": {"spread"}, "stand": {"stood"},
	"steal": {"stole", "stolen"}, "stick": {"stuck"}, "strike": {"struck", "stricken"},
	"swear": {"swore", "sworn"}, "sweep": {"swept"}, "take": {"took", "taken"},
	"teach": {"taught"}, "tear": {"tore", "torn"}, "tell": {"told"}, "think": {"thought"},
	"throw": {"threw", "thrown"}, "undertake": {"undertook", "undertaken"},
	"understand": {"understood"}, "uphold": {"upheld"}, "wage": {"waged"},
	"win": {"won"}, "withdraw": {"withdrew", "withdrawn"}, "withhold": {"withheld"},
	"withstand": {"withstood"}, "write": {"wrote", "written"}, "foresee": {"foresaw", "foreseen"}, "oversee": {"oversaw", "overseen"},
	"forgo": {"forwent", "forgone"}, "mistake": {"mistook", "mistaken"},
	"man": {"men"}, "woman": {"women"}, "crisis": {"crises"}, "leaf": {"leaves"},
}

// inflect returns the forms a lexicon word can take in text: itself, its
// plural or third person, past and -ing forms. A hyphenated word inflects
// its last part ("test-fire" gives "test-fired").
func inflect(w string) []string {
	if i := strings.LastIndexByte(w, '-'); i > 0 && i < len(w)-1 {
		head, last := w[:i+1], w[i+1:]
		var out []string
		for _, f := range inflect(last) {
			out = append(out, head+f)
		}
		return out
	}
	forms := []string{w}
	add := func(f ...string) { forms = append(forms, f...) }
	add(irregular[w]...)
	n := len(w)
	if n < 2 {
		return forms
	}
	last := w[n-1]
	prev := w[n-2]
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "o"):
		add(w+"es", w+"s")
	case last == 'y' && !isVowel(prev):
		add(w[:n-1] + "ies")
	default:
		add(w + "s")
	}
	switch {
	case strings.HasSuffix(w, "ee"):
		add(w+"d", w+"ing")
	case strings.HasSuffix(w, "ie"):
		add(w+"d", w[:n-2]+"ying")
	case last == 'e':
		add(w+"d", w[:n-1]+"ing")
	case last == 'y' && !isVowel(prev):
		add(w[:n-1]+"ied", w+"ing")
	case last == 'c':
		add(w+"ked", w+"king", w+"ed", w+"ing")
	default:
		add(w+"ed", w+"ing")
		if n >= 3 && !isVowel(last) && isVowel(prev) && !isVowel(w[n-3]) && !strings.ContainsRune("wxy", rune(last)) {
			add(w+string(last)+"ed", w+string(last)+"ing")
		}
	}
	return forms
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
