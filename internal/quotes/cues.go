package quotes

import "strings"

// cueFlags describe how a cue verb frames what was said.
type cueFlags uint16

const (
	// cueInvert: the verb may come before its subject after a quotation
	// ("…," said Smith).
	cueInvert cueFlags = 1 << iota
	// cueAddressee: the verb takes the listener as object before the
	// content ("told CNN that…", "warned reporters…").
	cueAddressee
	// cueNaming: the verb names its object with the quoted words ("called
	// the deal “a disaster”", "described as ‘beautiful letters’"); it
	// governs a quotation that follows it but reports no clause.
	cueNaming
	// cueQuoteOnly: the verb frames a quotation but is too common in other
	// senses to frame reported speech on its own ("continued", "asked").
	cueQuoteOnly
	// cueObject: the verb's content may be a plain noun phrase ("denied
	// the allegations"), not only a clause.
	cueObject
)

type cue struct {
	lemma string
	flags cueFlags
}

// cueVerbs maps each inflected form of a speech verb to its lemma. The list
// is of verbs that report what someone said or wrote; verbs of thinking and
// wanting, which PolNeAR also annotates, are left out because a wrong "X
// believes…" attribution costs more than a missed one.
var cueVerbs = map[string]cue{}

func init() {
	add := func(flags cueFlags, lemma string, forms ...string) {
		for _, f := range append(forms, lemma) {
			cueVerbs[f] = cue{lemma, flags}
		}
	}
	regular := func(flags cueFlags, lemmas ...string) {
		for _, l := range lemmas {
			var s, ed, ing string
			switch {
			case strings.HasSuffix(l, "e"):
				s, ed, ing = l+"s", l+"d", l[:len(l)-1]+"ing"
			case strings.HasSuffix(l, "y") && !strings.HasSuffix(l, "ay") && !strings.HasSuffix(l, "ey"):
				s, ed, ing = l[:len(l)-1]+"ies", l[:len(l)-1]+"ied", l+"ing"
			case strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ss") || strings.HasSuffix(l, "x"):
				s, ed, ing = l+"es", l+"ed", l+"ing"
			default:
				s, ed, ing = l+"s", l+"ed", l+"ing"
			}
			add(flags, l, s, ed, ing)
		}
	}
	inv := cueInvert
	add(inv, "say", "said", "says", "saying")
	add(cueAddressee, "tell", "told", "tells", "telling")
	add(inv|cueQuoteOnly, "write", "wrote", "writes", "writing", "written")
	add(inv, "add", "added", "adds", "adding")
	regular(inv|cueQuoteOnly, "continue", "ask", "reply", "exclaim", "shout", "yell", "scream", "whisper", "mutter", "quip", "joke", "retort", "answer", "tweet", "post")
	regular(inv, "explain", "note", "insist", "argue", "claim", "declare", "recall", "respond", "observe", "remark",
		"contend", "assert", "reiterate", "stress", "emphasize", "emphasise", "complain", "concede", "allege", "predict", "suggest",
		"boast", "lament", "caution", "counter", "testify", "estimate", "conclude", "report", "acknowledge", "admit",
		"confirm", "announce", "agree", "explain", "maintain", "promise", "vow", "pledge", "warn")
	regular(cueAddressee, "assure", "inform", "remind", "urge")
	// "mentioned" and "stated" report speech as "said" does; "state" is
	// read only in the past tense, as "states" and "state" are mostly
	// nouns.
	add(inv, "mention", "mentioned", "mentions")
	add(inv, "state", "stated")
	add(inv, "admit", "admitted", "admits", "admitting")
	add(inv, "deny", "denied", "denies", "denying")
	add(inv, "testify", "testified", "testifies", "testifying")
	add(inv, "reply", "replied", "replies", "replying")
	add(cueNaming, "call", "called", "calls", "calling")
	add(cueNaming, "describe", "described", "describes", "describing")
	add(cueNaming, "dub", "dubbed", "dubs")
	add(cueNaming, "label", "labeled", "labelled", "labels")
	add(inv, "state", "stated", "stating")
	// Forms that are more often nouns ("praise from", "in terms of") are
	// left out; the lemma itself is added by add, so remove it after.
	add(cueNaming, "term", "termed")
	add(cueNaming, "praise", "praised", "praising")
	add(cueNaming, "tout", "touted", "touting")
	add(cueNaming, "decry", "decried", "decrying")
	// Verbs of judging name their object with the quoted words too:
	// "criticized the law as a “crazy system”", "blasted the media for
	// being “unbelievably dishonest”".
	add(cueNaming, "criticize", "criticized", "criticizes", "criticizing", "criticised")
	add(cueNaming, "blast", "blasted", "blasts", "blasting")
	add(cueNaming, "slam", "slammed", "slams", "slamming")
	add(cueNaming, "denounce", "denounced", "denounces", "denouncing")
	add(cueNaming, "condemn", "condemned", "condemns", "condemning")
	add(cueNaming, "accuse", "accused", "accuses", "accusing")
	add(cueNaming, "brand", "branded", "brands")
	add(cueNaming, "characterize", "characterized", "characterizes", "characterizing", "characterised")
	add(cueNaming, "hail", "hailed", "hails")
	add(cueNaming, "mock", "mocked", "mocks", "mocking")
	add(cueNaming, "deride", "derided", "derides")
	add(cueNaming, "dismiss", "dismissed", "dismisses", "dismissing")
	add(cueNaming, "refer", "referred", "refers", "referring")
	add(cueNaming, "attack", "attacked", "attacks", "attacking")
	add(cueNaming, "laud", "lauded", "lauds", "lauding")
	add(cueNaming, "applaud", "applauded", "applauds", "applauding")
	add(cueNaming, "commend", "commended", "commends", "commending")
	regular(inv|cueQuoteOnly, "comment", "chant", "recite", "proclaim", "plead", "beg", "wonder", "muse", "scoff",
		"sigh", "laugh", "gush", "interject", "snap", "bark", "cheer", "chime", "cry", "sing", "demand")
	cueVerbs["sang"] = cue{"sing", inv | cueQuoteOnly}
	cueVerbs["sung"] = cue{"sing", inv | cueQuoteOnly}
	// "the letter reads": only the present, the past being too often "read
	// the report".
	cueVerbs["reads"] = cue{"read", inv | cueQuoteOnly}
	cueVerbs["read"] = cue{"read", inv | cueQuoteOnly}
	for _, noun := range []string{"state", "term", "praise", "tout", "decry", "blast", "slam", "brand", "hail", "mock",
		"refer", "attack", "comment", "chant", "cry", "cheer", "sing", "bark", "snap", "sigh", "laugh", "beg", "muse",
		"wonder", "demand"} {
		delete(cueVerbs, noun)
	}
	for _, l := range []string{"confirm", "deny", "acknowledge", "admit", "announce", "report", "promise", "vow", "pledge", "predict", "estimate"} {
		for f, c := range cueVerbs {
			if c.lemma == l {
				c.flags |= cueObject
				cueVerbs[f] = c
			}
		}
	}
}

// nounish are cue forms that are as often plural nouns.
var nounish = set("claims", "reports", "notes", "remarks", "comments", "answers", "promises", "tweets", "posts",
	"calls", "estimates", "pledges", "vows", "replies", "responses", "asks", "demands", "counters", "charges",
	"warnings", "cries", "cheers", "chants", "jokes", "laughs", "sighs", "attacks", "states", "labels", "terms",
	"questions", "statements", "predictions")

// lookupCue returns the cue verb at toks[i], if the word is one and is used
// as a verb of saying there, and how many tokens it takes ("put it",
// "pointed out"). A capitalised word is a cue only in a headline written in
// title case ("Obama Says…"); elsewhere it is a name ("The Washington Post
// reported" has no cue "post").
func lookupCue(toks []token, s sentence, i int, headline bool) (cue, int, bool) {
	t := toks[i]
	if t.kind != tWord || !isLowerStart(t.text) && (!headline || i == s.a) {
		return cue{}, 0, false
	}
	if i+1 < s.b {
		switch n := toks[i+1].lower; {
		case n == "it" && (t.lower == "put" || t.lower == "puts"):
			// "as Smith put it, …"
			return cue{"put", cueQuoteOnly}, 2, true
		case (n == "for" || n == "on") && cueVerbs[t.lower].lemma == "call" && isLowerStart(t.text):
			// "called for an inquiry", "calls on Congress to act": a
			// demand, its object the content.
			c, ok := checkCue(toks, s, i, cue{"call " + n, cueObject})
			return c, 2, ok
		case n == "out" && (t.lower == "pointed" || t.lower == "points" || t.lower == "pointing" || t.lower == "point"):
			return cue{"point out", cueInvert}, 2, true
		}
	}
	c, ok := cueVerbs[t.lower]
	if !ok {
		return cue{}, 0, false
	}
	c, ok = checkCue(toks, s, i, c)
	return c, 1, ok
}

// checkCue rejects the uses of a cue word that are not verbs of saying.
func checkCue(toks []token, s sentence, i int, c cue) (cue, bool) {
	t := toks[i]
	prev := func(k int) token {
		if i-k < s.a {
			return token{}
		}
		return toks[i-k]
	}
	next := func(k int) token {
		if i+k >= s.b {
			return token{}
		}
		return toks[i+k]
	}
	// "That said," and "needless to say" are discourse markers; "to say"
	// is an infinitive without a subject of its own; "the said plan" and
	// "so-called" are adjectives.
	ing := strings.HasSuffix(t.lower, "ing")
	if prev(1).is("to", "so") || !ing && prev(1).is("be", "been", "being", "is", "are", "was", "were") || determiners[prev(1).lower] && prev(1).lower != "that" {
		// "was asked" is passive; "is describing" is not.
		return cue{}, false
	}
	if t.lower == "said" && prev(1).lower == "that" && (i-1 == s.a) {
		return cue{}, false
	}
	// "continued to", "added pressure": only the speech senses count, which
	// are followed by a quotation, a colon, "that" or the end of a clause.
	if c.flags&cueQuoteOnly != 0 || c.lemma == "add" {
		n := next(1)
		if n.is("to") && c.lemma != "add" && c.lemma != "write" && c.lemma != "tweet" && c.lemma != "post" {
			return cue{}, false
		}
	}
	// A form that is also a plural noun ("Republican claims as false",
	// "the reports of") is a verb only before what a verb takes: "that",
	// a colon or comma, a quotation, a pronoun, a determiner or a name.
	if nounish[t.lower] && !subjectPronouns[prev(1).lower] && !strings.HasPrefix(c.lemma, "call ") {
		n := next(1)
		ok := n.kind == tQuote || n.kind == tPunct && (n.text == ":" || n.text == ",") || n.kind == tWord && (n.is("that", "he", "she", "they", "it", "we", "i", "there", "this") || determiners[n.lower] || n.capitalized())
		if n.kind == 0 || n.punct(".") {
			// "“…,” a narrator asks." — at the end of a sentence that
			// holds a quotation.
			ok = false
			for k := s.a; k < i; k++ {
				if toks[k].kind == tQuote {
					ok = true
				}
			}
		}
		if !ok {
			return cue{}, false
		}
	}
	if t.lower == "read" && !(next(1).kind == 0 || next(1).kind == tPunct || next(1).kind == tQuote) {
		return cue{}, false // "read the report"; "the article read: …" is a cue
	}
	if c.lemma == "call" && next(1).is("for", "on", "off", "up", "in", "out", "it") {
		return cue{}, false
	}
	if c.lemma == "state" && !(next(1).is("that") || next(1).kind == tPunct || next(1).kind == tQuote) {
		return cue{}, false // "stated goals"
	}
	return c, true
}
