package events

// clause is what the coder learns from the words left of a pattern: its
// subject and how the clause qualifies the act.
type clause struct {
	subj      span
	passive   bool
	neg       bool
	future    bool // will, would, shall: the source's own future
	possible  bool // may, might, could, must, should
	must      bool // must: an obligation, which a reported clause makes a demand
	control   controlKind
	headTo    bool // headline "X to visit Y": future
	appos     bool // the subject was found across an appositive
	reported  int  // index of the reporting verb governing the clause, or -1
	condition bool // the clause is inside an if/unless/whether clause
	denied    bool // the clause reports what someone denied
	// demanded is set when the clause is what someone demands or urges
	// ("demanded that Israel ease restrictions"): its act has not
	// happened, and the demand is the event.
	demanded bool
	// pred is the noun phrase of "He was the most senior North Korean
	// official to visit": the subject's own description.
	pred span
}

// leftClause walks left from toks[a], the pattern's first word, over
// auxiliaries, negation, adverbs, time phrases and control verbs ("has
// refused to", "said on Tuesday it would"), to the noun phrase that is the
// subject. A verb coordinated with an earlier one ("attacked the town and
// killed") takes that verb's subject.
func leftClause(toks []token, a int, headline bool) clause {
	c := clause{reported: -1}
	if a > 1 && toks[a].tag == "VBG" && toks[a-1].lower == "," {
		// "Pompeo spent two days in Pyongyang, meeting Kim Yong Chol":
		// a participle after a comma shares the subject of the clause
		// before it, and its modality.
		for _, v := range coordinated(toks, a-1, a) {
			if inner := leftClause(toks, v, headline); !inner.subj.empty() {
				inner.passive = false
				return inner
			}
		}
	}
	if a > 1 && toks[a].tag == "VBG" && toks[a-1].lower == "by" {
		// "South Korea responded within hours by firing missiles": the
		// means shares the subject of the verb it serves.
		for v := a - 2; v >= 0 && v >= a-6; v-- {
			if isVerbTag(toks[v].tag) || toks[v].tag == "VBN" && !adjectival(toks, v) {
				if inner := leftClause(toks, v, headline); !inner.subj.empty() {
					inner.passive = false
					return inner
				}
				break
			}
			if !(timeWords[toks[v].lower] || timeLead[toks[v].lower] || toks[v].tag == "RB" || toks[v].tag == "CD" || toks[v].lower == "within" || toks[v].lower == "hours" || toks[v].lower == "minutes") {
				break
			}
		}
	}
	i := a - 1
	depth := 0
loop:
	for i >= 0 {
		t := &toks[i]
		w := t.lower
		switch {
		case negWords[w]:
			c.neg = true
			i--
		case w == "longer" && i > 0 && toks[i-1].lower == "no":
			c.neg = true
			i -= 2
		case futureWords[w]:
			c.future = true
			i--
		case possibleWords[w]:
			c.possible = true
			c.must = c.must || w == "must"
			i--
		case beWords[w] || auxWords[w]:
			if beWords[w] && (toks[a].tag == "VBN" || toks[a].tag == "VBD" && w != "get") && i == a-1-countSkippable(toks, i+1, a) {
				c.passive = true
			}
			i--
		case adverbs[w] && (t.tag == "RB" || t.tag == "RBR" || t.tag == "NN" || t.tag == "NNP" || t.tag == "JJ" || t.tag == "DT" || t.tag == "IN" || t.tag == "VBD" || t.tag == ""):
			i--
		case t.tag == "RB" && !negWords[w] && w != "there":
			i--
		case timeWords[w] || t.tag == "CD" && i > 0 && timeWords[toks[i-1].lower]:
			i--
			for i >= 0 && (timeLead[toks[i].lower] || toks[i].tag == "CD" || timeWords[toks[i].lower]) && toks[i].lower != "that" {
				i--
			}
		case w == "to" && i > 0:
			p := &toks[i-1]
			if k, ok := controlForms[p.lower]; ok && (isVerbTag(p.tag) || p.tag == "VBN" || p.tag == "VBG") {
				c.setControl(k)
				i -= 2
				continue
			}
			if k, ok := controlAdjectives[p.lower]; ok {
				c.setControl(k)
				i -= 2
				continue
			}
			if v := firstTo(toks, i); v >= 0 {
				// "Trump became the first sitting U.S. president to
				// set foot in North Korea": the subject of "became".
				c.pred = span{v + 2, i}
				i = v
				continue
			}
			if headline {
				c.headTo = true
				i--
				break loop
			}
			break loop
		case w == ")" && i > 1:
			// "The International Labor Office (ILO) reiterated"
			k := i - 1
			for k > 0 && k > i-6 && toks[k].lower != "(" {
				k--
			}
			if toks[k].lower != "(" {
				break loop
			}
			i = k - 1
		case w == "," && depth < 2:
			// "Pakistan, a key U.S. ally, has refused": skip the appositive.
			j := i - 1
			for j >= 0 && j > i-14 && toks[j].lower != "," && !isVerbTag(toks[j].tag) && !subordinators[toks[j].lower] {
				j--
			}
			if j > 0 && toks[j].lower == "," && j+1 < i && hasHead(toks, j+1, i) && !timeWords[toks[i-1].lower] {
				c.appos = true
				depth++
				i = j - 1
				continue
			}
			if i > 0 && (timeWords[toks[i-1].lower] || toks[i-1].tag == "CD") {
				i--
				continue
			}
			break loop
		case i == a-1 && toks[a].tag == "VBG" && isVerbTag(t.tag) && gerundControl(w) != ctlNone:
			// "denied supplying drones", "considered imposing": a verb
			// taking a gerund governs it as "refused to" does an
			// infinitive.
			c.setControl(gerundControl(w))
			i--
		default:
			break loop
		}
	}
	if i < 0 {
		return c
	}
	t := &toks[i]
	// "the rebels who attacked": the relative's antecedent is the subject.
	if (t.lower == "who" || t.lower == "which" || t.lower == "that") && i > 0 {
		end := i
		if (t.lower == "who" || t.lower == "which") && end > 1 && toks[end-1].lower == "," && npWord(toks, end-2) {
			// "Choe Son Hui, a North Korean vice foreign minister,
			// who mocked": the antecedent before the comma.
			end--
		}
		if npWord(toks, end-1) {
			c.subj = span{npStart(toks, end, false), end}
			c.markContext(toks, c.subj.from-1)
			return c
		}
	}
	// "X attacked Y and killed Z": the second verb shares the first's subject.
	if (t.lower == "and" || t.lower == "but" || t.lower == "then" || t.lower == ",") && i > 0 {
		// The verb it is coordinated with is the nearest verb before the
		// conjunction of the same form ("to tighten sanctions and
		// impose", "attacked the town and killed"), else the sentence's
		// first main verb.
		for _, v := range coordinated(toks, i, a) {
			inner := leftClause(toks, v, headline)
			if inner.subj.empty() {
				continue
			}
			inner.neg = inner.neg || c.neg
			inner.future = inner.future || c.future
			inner.possible = inner.possible || c.possible
			inner.must = inner.must || c.must
			if c.control != ctlNone {
				inner.control = c.control
			}
			inner.passive = c.passive
			return inner
		}
		return c
	}
	if !npWord(toks, i) && toks[i].tag != "PRP" {
		return c
	}
	c.subj = span{npStart(toks, i+1, headline), i + 1}
	if k := c.subj.to; k+2 < len(toks) && toks[k].lower == "(" {
		// Keep a parenthesised acronym with its name: "The
		// International Labor Office (ILO)".
		for j := k + 1; j < len(toks) && j < k+5; j++ {
			if toks[j].lower == ")" {
				c.subj.to = j + 1
				break
			}
		}
	}
	if f := c.subj.from; f > 2 && toks[f-1].tag == "IN" && toks[f-2].tag == "VBN" && npWord(toks, f-3) {
		// "people dressed in black marched": a participle phrase after
		// the subject.
		c.subj = span{npStart(toks, f-2, headline), f - 2}
		c.markContext(toks, c.subj.from-1)
		return c
	}
	if f := c.subj.from; f > 1 && toks[f-1].lower == "than" && (toks[f-2].lower == "more" || toks[f-2].lower == "fewer" || toks[f-2].lower == "less") {
		// "More than a thousand farmers drove": a quantity, not a
		// comparison's object.
		c.subj.from = f - 2
	}
	if f := c.subj.from; f > 0 && (toks[f-1].tag == "IN" && !subordinators[toks[f-1].lower] || toks[f-1].lower == "to") {
		// "The Red Cross operating in Iraq said": the noun phrase is a
		// preposition's object, not a subject.
		c.subj = span{}
		return c
	}
	c.markContext(toks, c.subj.from-1)
	return c
}

// coordinated returns the verbs that the verb chain starting after the
// conjunction at conj (and ending at the act a) may be coordinated with, in
// the order to try them: the verbs before it of the same form, nearest
// first ("to tighten sanctions and impose", "attacked the town and
// killed"), then the sentence's first main verb. The caller takes the
// first that has a subject, which passes over reduced relatives ("to most
// West Africans ordered out of Nigeria, but was still refusing").
func coordinated(toks []token, conj, a int) []int {
	first := conj + 1
	for first < a && (toks[first].tag == "RB" || adverbs[toks[first].lower]) {
		first++
	}
	finite := func(t string) bool { return t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" }
	want := toks[first].tag
	var out []int
	for v := conj - 1; v >= 0; v-- {
		t := toks[v].tag
		if !isVerbTag(t) || adjectival(toks, v) || reportVerbs[toks[v].lower] || auxWords[toks[v].lower] && v+1 < conj && isVerbish(toks[v+1].tag) {
			continue
		}
		if t == want || finite(t) && finite(want) {
			out = append(out, v)
		}
	}
	for v := mainVerbStart(toks); v >= 0 && v < conj; v++ {
		if isVerbTag(toks[v].tag) && !adjectival(toks, v) && !reportVerbs[toks[v].lower] {
			out = append(out, v)
			break
		}
	}
	return out
}

func isVerbish(t string) bool { return len(t) >= 2 && t[:2] == "VB" }

// mainVerbStart returns where to look for a sentence's first main verb: its
// start, or after a leading subordinate or prepositional phrase and its
// comma ("In an interview this weekend, President X said").
func mainVerbStart(toks []token) int {
	if len(toks) == 0 {
		return -1
	}
	if toks[0].tag == "IN" || subordinators[toks[0].lower] {
		for k := 1; k < len(toks) && k < 20; k++ {
			if toks[k].lower == "," {
				return k + 1
			}
		}
	}
	return 0
}

// countSkippable counts the adverbs and negations between i and a, so that
// "was not rejected" and "was flatly rejected" are passives too.
func countSkippable(toks []token, i, a int) int {
	n := 0
	for k := i; k < a; k++ {
		if negWords[toks[k].lower] || toks[k].tag == "RB" || adverbs[toks[k].lower] {
			n++
		}
	}
	return n
}

func (c *clause) setControl(k controlKind) {
	// The control nearest the act decides, except that a refusal, failure
	// or denial anywhere in the chain wins ("refused to agree to meet").
	switch {
	case c.control == ctlNone || c.control == ctlFactual:
		// "prepared to resume shelling": a factual "resume" says nothing
		// of modality; the control further out does.
		c.control = k
	case k == ctlRefuse || k == ctlFail || k == ctlDeny:
		c.control = k
	}
}

// markContext looks left of the subject for what governs the clause: a
// reporting verb ("officials said"), a denial ("denied that"), a condition
// ("if").
func (c *clause) markContext(toks []token, i int) {
	if i < 0 || toks[i].lower != "that" {
		// Without "that", a demand verb directly before the subject
		// still governs it ("demanded Israel withdraw").
		if i >= 0 && demandWords[toks[i].lower] && isVerbTag(toks[i].tag) {
			c.demanded = true
			return
		}
	}
	if i >= 0 && toks[i].lower == "that" {
		i--
		for i >= 0 && (toks[i].tag == "RB" || timeWords[toks[i].lower] || timeLead[toks[i].lower] && toks[i].lower != "that") {
			i--
		}
	}
	for k := i; k >= 0 && k > i-6; k-- {
		w := toks[k].lower
		if conditionWords[w] {
			c.condition = true
			return
		}
		if demandWords[w] && k == i {
			c.demanded = true
			return
		}
		if reportVerbs[w] && (isVerbTag(toks[k].tag) || toks[k].tag == "VBN" || toks[k].tag == "VBG" || w == "according") {
			c.reported = k
			if denyVerbs[w] {
				c.denied = true
			}
			return
		}
		if w == "," || toks[k].isPunct() {
			continue
		}
		if isVerbTag(toks[k].tag) {
			return
		}
	}
}

// npStart returns the start of the noun phrase that ends before end,
// coordination and linking prepositions included.
func npStart(toks []token, end int, headline bool) int {
	if end > 0 && toks[end-1].tag == "PRP" {
		return end - 1
	}
	i := end
	for i > 0 && end-i < 16 {
		k := i - 1
		if i < end && (toks[i].tag == "DT" || toks[i].tag == "PRP$") && (npWord(toks, k) && toks[k].tag != "POS" && toks[k].lower != "'s") {
			// A determiner opens its noun phrase: "on Tuesday their
			// forces" is two.
			return leadTrim(toks, i, end)
		}
		switch {
		case timeWords[toks[k].lower] && toks[k].cap:
			return leadTrim(toks, i, end)
		case npWord(toks, k) || toks[k].tag == "PRP" && k == end-1:
			i--
		case (toks[k].lower == "and" || toks[k].lower == "&" || toks[k].lower == "," && (headline || listAhead(toks, k, end)) && !introPhrase(toks, k)) && k > 0 && npWord(toks, k-1) && i < end:
			i--
		case toks[k].lower == "and" && k > 0 && i < end && toks[k-1].tag == "PRP" && subjectPronouns[toks[k-1].lower]:
			// "He and U.S. President Joe Biden spoke": a pronoun opens
			// the coordination.
			return k - 1
		case (npLinks[toks[k].lower] && toks[k].lower != "to" && toks[k].lower != "by" && toks[k].lower != "with" && toks[k].lower != "against" || toks[k].lower == "based") && k > 0 && npWord(toks, k-1) && i < end:
			i--
		case toks[k].lower == "with" && k > 1 && (toks[k-1].lower == "along" || toks[k-1].lower == "together") && npWord(toks, k-2) && i < end:
			// "Washington along with its allies"
			i -= 2
		default:
			return leadTrim(toks, i, end)
		}
	}
	return leadTrim(toks, i, end)
}

// subjectPronouns may open a coordinated subject.
var subjectPronouns = set("he", "she", "it", "they", "we", "i")

// listAhead reports whether a comma at k is part of a list that an "and"
// or "or" closes before end ("Japan, South Korea and the US").
func listAhead(toks []token, k, end int) bool {
	for j := k + 1; j < end; j++ {
		if toks[j].lower == "and" || toks[j].lower == "or" {
			return true
		}
	}
	return false
}

// introPhrase reports whether the comma at k closes a prepositional phrase
// that opens the sentence ("In response, South Korean and U.S. jets"): the
// comma ends an adverbial, not the first item of a list.
func introPhrase(toks []token, k int) bool {
	j := k - 1
	for j > 0 && toks[j-1].lower != "," && k-j < 20 {
		j--
	}
	return j == 0 && (toks[0].tag == "IN" || toks[0].tag == "TO") && !npWord(toks, 0)
}

// leadTrim drops leading conjunctions and prepositions.
func leadTrim(toks []token, i, end int) int {
	for i < end {
		w := toks[i].lower
		if w == "and" || w == "," || npLinks[w] || w == "based" {
			i++
			continue
		}
		break
	}
	return i
}

// demandWords govern a clause whose act is demanded, not done.
var demandWords = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range []string{"demand", "urge", "request", "order", "require", "ask",
		"propose", "suggest", "recommend", "call", "want", "hope", "wish", "stipulate", "press", "plead"} {
		for _, f := range inflect(v) {
			m[f] = true
		}
	}
	for _, n := range []string{"demand", "demands", "call", "calls", "request", "requests", "insistence", "proposal", "suggestion", "hope", "wish"} {
		m[n] = true
	}
	return m
}()

// gerundControl classifies a verb that takes a gerund ("denied attacking",
// "considered imposing", "stopped shelling").
func gerundControl(w string) controlKind {
	switch k := controlForms[w]; k {
	case ctlDeny, ctlPossible, ctlRefuse, ctlFactual:
		return k
	}
	switch w {
	case "stopped", "stops", "stop", "ceased", "halted", "quit", "avoided", "avoids":
		return ctlFail
	}
	return ctlNone
}

// firstTo reads "the first ... to" before the "to" at index to, after a
// copula ("became the first sitting U.S. president to set foot", "was the
// only leader to attend"): it returns the index before the copula, where
// the subject ends, or -1.
func firstTo(toks []token, to int) int {
	k := to - 1
	first := func(k int) bool {
		// "the first", "the only", "the most senior", "the highest"
		return ordinals[toks[k].lower] || toks[k].lower == "only" || toks[k].lower == "most" || toks[k].tag == "JJS"
	}
	for k >= 0 && to-k <= 8 && npWord(toks, k) && !first(k) {
		k--
	}
	if k < 2 || k == to-1 || !first(k) || toks[k-1].lower != "the" {
		return -1
	}
	switch toks[k-2].lower {
	case "became", "become", "becomes", "is", "was", "are", "were", "be":
		return k - 3
	}
	return -1
}
