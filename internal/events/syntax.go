package events

import "strings"

// The coder has no parser: it finds a pattern's subject, object and modality
// from the words around it, with the part-of-speech tags of the sentence.
// These are the word classes it reasons with.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	auxWords = set("has", "have", "had", "having", "is", "are", "was", "were", "be", "been",
		"being", "am", "'s", "'re", "'ve", "'d", "do", "does", "did", "get", "got", "gets")
	beWords  = set("is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "get", "got", "gets")
	negWords = set("not", "n't", "never", "no longer", "neither", "nor")
	// futureWords make the clause a statement about the source's future.
	futureWords = set("will", "'ll", "shall", "would", "'d")
	// possibleWords make it a possibility, not an act.
	possibleWords = set("may", "might", "could", "can", "should", "must", "ought")
	// adverbs commonly placed between a subject and its verb.
	adverbs = set("also", "again", "already", "still", "then", "now", "once", "finally", "reportedly",
		"officially", "formally", "flatly", "bluntly", "outright", "repeatedly", "routinely",
		"recently", "previously", "jointly", "publicly", "privately", "openly", "strongly", "sharply",
		"firmly", "swiftly", "quickly", "later", "earlier", "allegedly", "apparently", "just",
		"today", "yesterday", "tonight", "tomorrow", "immediately", "subsequently", "further",
		"effectively", "unilaterally", "angrily", "quietly", "secretly", "even", "initially",
		"first", "last", "ultimately", "eventually", "personally", "directly", "indirectly",
		"belatedly", "reluctantly", "narrowly", "unanimously", "overwhelmingly", "abruptly",
		"hastily", "briefly", "largely", "partially", "partly", "fully", "only", "always",
		"both", "each", "all", "together", "too", "soon", "separately", "simultaneously", "duly",
		"essentially", "tacitly", "implicitly", "explicitly", "however", "meanwhile", "likewise",
		"similarly", "nonetheless", "nevertheless", "instead", "thus", "so", "accordingly",
		"vehemently", "categorically", "strenuously", "roundly", "squarely", "heavily", "briskly")
	timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tonight", "tomorrow", "week", "weekend", "month", "year", "morning",
		"afternoon", "evening", "night", "day", "days", "weeks", "months", "years", "ago",
		"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.")
	timeLead = set("on", "last", "this", "next", "early", "late", "earlier", "later", "in", "mid",
		"overnight", "past", "previous", "same", "that", "the", "a", "of", "two", "three", "several")
	// reportVerbs introduce reported speech: their subject is the reporter,
	// never an actor of the event reported.
	reportVerbs = set("say", "said", "says", "saying", "tell", "told", "tells", "report", "reported",
		"reports", "reporting", "announce", "announced", "announces", "state", "stated", "states",
		"add", "added", "adds", "note", "noted", "notes", "claim", "claimed", "claims", "insist",
		"insisted", "insists", "confirm", "confirmed", "confirms", "declare", "declared",
		"declares", "allege", "alleged", "alleges", "assert", "asserted", "write", "wrote",
		"writes", "quoted", "quote", "according", "believe", "believed", "believes", "think",
		"thought", "thinks", "suggest", "suggested", "suggests", "indicate", "indicated",
		"indicates", "estimate", "estimated", "acknowledge", "acknowledged", "admit", "admitted",
		"explain", "explained", "recall", "recalled", "argue", "argued", "argues", "stress",
		"stressed", "emphasized", "emphasised", "reiterated", "learned", "understood",
		"show", "showed", "shows", "reveal", "revealed", "conclude", "concluded", "hope", "hoped",
		"fear", "feared", "fears", "expect", "expected", "expects", "predicted", "predict",
		"deny", "denied", "denies", "announcing", "stating", "noting", "adding", "claiming",
		"warning", "tweeted", "posted", "disclosed", "signaled", "signalled", "answered", "replied")
	denyVerbs = set("deny", "denied", "denies", "denying", "dismissed", "rejected", "refuted")
	// subordinators open a clause that is not the main one.
	subordinators = set("that", "which", "who", "whom", "whose", "because", "after", "before",
		"while", "when", "whenever", "if", "unless", "although", "though", "as", "since",
		"despite", "until", "once", "whether", "where", "so", "but", "whereas", "lest",
		"following", "amid", "to")
	// "until North Korea gave up its weapons": an act awaited is a
	// condition too.
	conditionWords = set("if", "unless", "whether", "provided", "lest", "until")
	// quantifiers head a noun phrase whose actor is in its of-phrase ("a
	// group of Moroccan diplomats", "tens of thousands of students").
	quantifiers = set("group", "groups", "tens", "hundreds", "thousands", "millions", "dozens",
		"scores", "number", "members", "member", "some", "many", "most", "all", "part", "rest",
		"majority", "handful", "batch", "patch", "contingent", "deployment", "team", "teams",
		"units", "unit", "one", "two", "three", "four", "five", "several", "lot", "lots", "few",
		"none", "each", "both", "crowd", "crowds", "number", "wave", "convoy", "force", "column",
		"elements", "remnants", "leaders", "leader", "head", "chief", "top", "senior", "spokesman",
		"spokeswoman", "spokesperson", "representatives", "representative", "delegates",
		"supporters", "loyalists", "followers", "fighters", "militants", "gunmen", "bulldozers",
		"warplanes", "jets", "ships", "warships", "tanks", "helicopters", "vessels", "aircraft",
		"drones", "planes", "troops", "soldiers", "forces", "officials", "official")
	personPronouns = set("he", "she", "it", "they", "him", "her", "them", "its", "their", "his")
	firstPronouns  = set("we", "i", "us", "our", "my", "me")
)

// controlKind classifies the verb or adjective of "X VERB to Y" by what it
// makes of Y.
type controlKind uint8

const (
	ctlNone     controlKind = iota
	ctlFactual              // "continued to", "tried to", "began to": Y happens
	ctlIntent               // "agreed to", "plans to", "is ready to": Y is promised
	ctlThreat               // "threatened to": Y is threatened
	ctlVow                  // "vowed to", "pledged to": promised, or threatened if forceful
	ctlRefuse               // "refused to", "declined to": Y is refused
	ctlFail                 // "failed to": Y did not happen
	ctlPossible             // "wants to", "hopes to", "considering": Y may happen
	ctlDeny                 // "denied": the reported act is denied
	ctlPrepare              // "prepared to", "poised to": force readied
)

var controlVerbs = map[string]controlKind{
	"agree": ctlIntent, "offer": ctlIntent, "promise": ctlIntent, "plan": ctlIntent,
	"intend": ctlIntent, "decide": ctlIntent, "propose": ctlIntent,
	"commit": ctlIntent, "undertake": ctlIntent, "volunteer": ctlIntent, "resolve": ctlIntent,
	"prepare": ctlPrepare, "gear": ctlPrepare,
	"schedule": ctlIntent, "aim": ctlIntent, "arrange": ctlIntent,
	// "is expected to travel", "expected to meet him again": a forecast,
	// not a promise.
	"expect": ctlPossible,
	"pledge": ctlVow, "vow": ctlVow, "swear": ctlVow,
	"threaten": ctlThreat, "warn": ctlThreat,
	"refuse": ctlRefuse, "decline": ctlRefuse,
	"fail": ctlFail,
	"want": ctlPossible, "hope": ctlPossible, "wish": ctlPossible, "seek": ctlPossible,
	"consider": ctlPossible, "weigh": ctlPossible, "mull": ctlPossible, "need": ctlPossible,
	"try": ctlFactual, "attempt": ctlFactual, "continue": ctlFactual, "begin": ctlFactual,
	"start": ctlFactual, "resume": ctlFactual, "move": ctlFactual, "manage": ctlFactual,
	"go": ctlFactual, "help": ctlFactual, "use": ctlFactual, "have": ctlFactual,
	"deny": ctlDeny,
}

// controlAdjectives are "be ADJ to" frames.
var controlAdjectives = map[string]controlKind{
	"ready": ctlIntent, "willing": ctlIntent, "prepared": ctlPrepare, "set": ctlIntent,
	// "is due to meet", "is scheduled to remain": a timetable, which
	// says nothing yet of what will happen.
	"due": ctlPossible, "going": ctlIntent, "glad": ctlIntent, "happy": ctlIntent, "scheduled": ctlPossible, "poised": ctlPrepare,
	"eager": ctlIntent, "keen": ctlIntent, "determined": ctlIntent, "committed": ctlIntent,
	"expected": ctlPossible, "likely": ctlPossible, "about": ctlIntent, "able": ctlPossible,
	"unwilling": ctlRefuse, "reluctant": ctlRefuse, "unable": ctlFail,
}

// controlForms maps every inflected form of a control verb to its kind.
var controlForms = func() map[string]controlKind {
	m := map[string]controlKind{}
	for v, k := range controlVerbs {
		for _, f := range inflect(v) {
			if _, ok := m[f]; !ok {
				m[f] = k
			}
		}
	}
	return m
}()

// isVerbTag reports whether a tag is a finite or infinitive verb.
func isVerbTag(t string) bool {
	switch t {
	case "VB", "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// adjectival reports whether toks[i], a participle, modifies the noun after
// it ("proposed Israeli changes", "armed groups") rather than being a verb.
func adjectival(toks []token, i int) bool {
	t := toks[i].tag
	if t != "VBN" && t != "VBG" && t != "VBD" {
		return false
	}
	if t == "VBD" && reportVerbs[toks[i].lower] {
		// "and said Tokyo had lodged": a reporting verb before a name
		// is the verb of its clause.
		return false
	}
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1].tag
	if !(strings.HasPrefix(n, "NN") || strings.HasPrefix(n, "JJ")) {
		return false
	}
	if i == 0 {
		return true
	}
	p := toks[i-1]
	return p.tag == "DT" || p.tag == "PRP$" || p.tag == "POS" || strings.HasPrefix(p.tag, "JJ") ||
		p.tag == "CD" || p.tag == "IN" || isVerbTag(p.tag) || p.tag == "VBN" || p.tag == "VBG" || p.lower == "and"
}

// npWord reports whether toks[i] can be part of a noun phrase.
func npWord(toks []token, i int) bool {
	t := &toks[i]
	switch t.tag {
	case "DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$", "FW", "SYM":
		return !subordinators[t.lower]
	case "VBN", "VBG", "VBD":
		return adjectival(toks, i)
	case "HYPH":
		return true
	case "RBS", "RB":
		// "most West Africans", "some 800,000 Kurds"
		return (t.lower == "most" || t.lower == "some" || t.lower == "many") && i+1 < len(toks) && (strings.HasPrefix(toks[i+1].tag, "NN") || strings.HasPrefix(toks[i+1].tag, "JJ") || toks[i+1].tag == "CD")
	}
	if t.lower == "'s" || t.lower == "'" {
		return i > 0
	}
	// A capitalised word mid-sentence is a name whatever the tagger says.
	return t.cap && i > 0 && !t.isPunct() && !isVerbTag(t.tag) && t.tag != "IN" && t.tag != "CC" && t.tag != "TO"
}

// npLinks are the prepositions that join a noun phrase to a modifier whose
// actor can stand for the whole ("the president of Armenia", "rebels in the
// Ivory Coast", "a letter from Trump").
var npLinks = set("of", "in", "at", "from", "throughout", "near", "inside", "across", "for", "on",
	"to", "with", "against", "into", "over", "between", "among", "by", "based", "along")

// clauseBreak reports whether toks[i] ends a noun phrase region.
func clauseBreak(toks []token, i int) bool {
	t := &toks[i]
	if t.isPunct() && t.lower != "'s" && t.lower != "'" && t.lower != "-" && t.lower != "&" {
		return true
	}
	if subordinators[t.lower] && t.lower != "to" {
		return true
	}
	if reportVerbs[t.lower] {
		return true
	}
	if isVerbTag(t.tag) && !adjectival(toks, i) {
		return true
	}
	return t.tag == "WDT" || t.tag == "WP" || t.tag == "WRB"
}
