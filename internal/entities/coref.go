package entities

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/actors"
	"github.com/newsgraph/newsgraph/internal/news"
)

// window is how many sentences back a pronoun or a role noun may look for
// its antecedent. Further back, a wrong link is likelier than a right one.
const window = 3

// familyFirst lists states whose people's names put the family name first
// in English-language news ("Kim Jong Un" is Kim, "Xi Jinping" is Xi).
var familyFirst = set("PRK", "KOR", "CHN", "TWN", "HKG", "MAC")

// shortNames links the later short forms of a person's name to its full
// form: after "Kim Jong Un", "Kim" is the same person; after "Donald
// Trump", "Trump". A short form is the family name: the last word, or the
// first for East Asian names (known by the person's state or by a
// hyphenated given name, "Kim Jong-un", "Moon Jae-in"). Mentions the model
// found (of any type, unless the knowledge base knows them as something
// else) are relinked; capitalised words it missed are added. A short form
// shared by two people goes to the one mentioned last.
func (a *analysis) shortNames() {
	type entry struct {
		m     int // index of the full-name mention
		start int // its first token
	}
	keys := map[string][]entry{}
	for i, m := range a.ms {
		if m.typ != news.Person || m.generic || m.pronoun {
			continue
		}
		if m.end-m.start < 2 {
			continue
		}
		// Keys are whole tokens: the family name of "Kim Jong-un" is "Kim",
		// never "un".
		first := strings.Join(a.words[m.start], " ")
		last := strings.Join(a.words[m.end-1], " ")
		words := a.nameWords(m)
		switch {
		case a.givenFirst(first):
			// "Carrie Lam", "John Lee Ka-chiu": an English given name
			// comes first, whatever the state; the family name is the
			// last word, or the one before a romanised given name.
			if m.end-m.start >= 3 && isHyphenatedGivenName(a.tok(m.end-1).Text) {
				last = strings.Join(a.words[m.end-2], " ")
			}
			keys[last] = append(keys[last], entry{i, m.start})
		case familyFirst[m.country] || strings.Contains(a.text(m.start, m.end), "-") || len(words) == 3 && familyFirst[guessFamilyFirst(first)]:
			keys[first] = append(keys[first], entry{i, m.start})
		default:
			keys[last] = append(keys[last], entry{i, m.start})
		}
	}
	if len(keys) == 0 {
		return
	}
	// mentioned counts the named mentions of a person before token at,
	// descriptions resolved to them included ("the North Korean leader").
	mentioned := func(canonical string, at int) int {
		n := 0
		for _, m := range a.ms {
			if m.start < at && m.typ == news.Person && !m.pronoun && m.canonical == canonical {
				n++
			}
		}
		return n
	}
	// pick chooses the person a short form at token at stands for. With
	// one candidate it is that one. When several people share the family
	// name ("Kim Dong Chul", "Tony Kim" and "Kim Jong Un"), the short form
	// is the most prominent of them: the one named most often so far, then
	// one the knowledge base codes, then the one named last.
	pick := func(key string, at int) int {
		best, bestStart, bestCount, bestCoded := -1, -1, 0, false
		for _, e := range keys[key] {
			if e.start >= at {
				continue
			}
			m := a.ms[e.m]
			count, coded := mentioned(m.canonical, at), m.actor != ""
			better := best < 0 || count > bestCount ||
				count == bestCount && coded && !bestCoded ||
				count == bestCount && coded == bestCoded && e.start > bestStart
			if better {
				best, bestStart, bestCount, bestCoded = e.m, e.start, count, coded
			}
		}
		return best
	}
	link := func(m *mention, full *mention) {
		m.typ, m.canonical, m.actor, m.country = news.Person, full.canonical, full.actor, full.country
		m.gender, m.known = full.gender, full.known
		m.roles = slices.Clone(full.roles)
	}
	// Relink the model's one-word names.
	for _, m := range a.ms {
		if m.generic || m.pronoun || m.end-m.start != 1 || (m.known && m.typ != news.Person) {
			continue
		}
		key := strings.Join(a.words[m.start], " ")
		if fi := pick(key, m.start); fi >= 0 {
			full := a.ms[fi]
			if m.known && m.canonical != full.canonical {
				continue
			}
			link(m, full)
		}
	}
	// Add the short forms the model missed.
	for i := range a.d.Tokens {
		t := a.d.Tokens[i]
		if a.covered[i] >= 0 || !isCapitalised(t.Text) || !strings.HasPrefix(t.Tag, "NNP") || len(a.words[i]) != 1 {
			continue
		}
		if i+1 < len(a.d.Tokens) && a.tok(i+1).Sentence == t.Sentence && isCapitalised(a.tok(i+1).Text) && hasLetter(a.tok(i+1).Text) {
			continue
		}
		if i > 0 && a.tok(i-1).Sentence == t.Sentence && isCapitalised(a.tok(i-1).Text) && !a.isTitleWord(i-1) && !a.sentenceInitial(i-1) {
			continue
		}
		fi := pick(strings.Join(a.words[i], " "), i)
		if fi < 0 {
			continue
		}
		m := &mention{start: i, end: i + 1}
		link(m, a.ms[fi])
		a.add(m)
	}
}

// givenFirst reports whether w is an English or other given name that tells
// a gender and is not also a common East Asian family name: a name it opens
// puts the family name last ("Carrie Lam").
func (a *analysis) givenFirst(w string) bool {
	return guessFamilyFirst(w) == "" && a.t.givenGender(w) != unknownGender
}

// nameWords returns the normalised words of a person mention's name.
func (a *analysis) nameWords(m *mention) []string {
	var out []string
	for i := m.start; i < m.end; i++ {
		out = append(out, a.words[i]...)
	}
	return out
}

// guessFamilyFirst returns a state whose names put this common family name
// first, or "". Only for the commonest Korean and Chinese family names,
// which in a three-word name ("Kim Yo Jong", "Wang Yi") are almost never a
// given name.
func guessFamilyFirst(w string) string {
	switch w {
	case "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "moon", "ri", "pak":
		return "KOR"
	case "xi", "li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "hu":
		return "CHN"
	}
	return ""
}

// references resolves the pronouns (he, him, his, she, her...) and the bare
// role nouns ("the president", "the spokeswoman") to the person they most
// likely refer to, and adds them as PERSON mentions with Ref set to the
// antecedent's first named mention. It resolves only when the choice is
// clear within the last few sentences:
//   - the candidate must agree in gender; one whose gender is unknown is
//     taken only if no other candidate agrees at all, or if it comes after
//     a candidate whose gender agrees in the order of salience (most recent
//     sentence first, and within a sentence its subject first);
//   - a role noun needs a candidate known to hold that role (from the
//     knowledge base or a title in the text: "the president" after
//     "President Moon"), or, for a gendered role ("the spokeswoman"), the
//     one candidate of that gender.
func (a *analysis) references() {
	firstByCanon := map[string]int{}
	for i, m := range a.ms {
		if m.typ == news.Person && m.canonical != "" && !m.generic {
			if f, ok := firstByCanon[m.canonical]; !ok || a.ms[f].start > m.start {
				firstByCanon[m.canonical] = i
			}
		}
	}
	root := func(i int) int {
		for a.ms[i].ref >= 0 {
			i = a.ms[i].ref
		}
		if m := a.ms[i]; m.canonical != "" && !m.generic {
			if f, ok := firstByCanon[m.canonical]; ok {
				return f
			}
		}
		return i
	}
	for i := 0; i < len(a.d.Tokens); i++ {
		if a.covered[i] >= 0 {
			continue
		}
		w := a.lower(i)
		if w == "them" {
			if ri := a.lastGroup(i, 1, 0); ri >= 0 {
				a.addGroupReference(i, i+1, ri, a.ms[ri].count)
			}
			continue
		}
		if w == "the" {
			if e, n, ok := a.groupNoun(i); ok {
				if ri := a.lastGroup(i, window, n); ri >= 0 {
					a.addGroupReference(i, e, ri, max(n, a.ms[ri].count))
					i = e - 1
					continue
				}
			}
		}
		if g, ok := pronouns[w]; ok {
			ri := a.reportedSpeaker(i, g, root)
			if ri < 0 {
				ri = a.antecedent(i, g, "", root)
			}
			if ri >= 0 {
				a.addReference(i, i+1, ri)
			}
			continue
		}
		if w != "the" {
			continue
		}
		if s, e, role, ok := a.bareRole(i); ok {
			// An apposition names its person directly: "Jen Psaki, the
			// press secretary".
			ri := -1
			if s >= 2 && a.tok(s-1).Text == "," && a.closesPhrase(e) {
				if pi := a.covered[s-2]; pi >= 0 && a.ms[pi].typ == news.Person && !a.ms[pi].pronoun {
					ri = root(pi)
					r := a.ms[ri]
					r.roles = append(r.roles, role)
					if r.gender == unknownGender {
						r.gender = roleGender(role)
					}
				}
			}
			if ri < 0 {
				ri = a.antecedent(i, roleGender(role), role, root)
			}
			if ri >= 0 {
				a.addReference(s, e, ri)
			} else {
				// Unresolved, "the spokeswoman" still names a person, if
				// not which one; it gets no actor.
				a.add(&mention{start: s, end: e, typ: news.Person, generic: true,
					roles: []string{role}, gender: roleGender(role)})
			}
			i = e - 1
		}
	}
}

// speechVerbs introduce reported speech whose subject a following "he" or
// "she" refers to: "Kim said he was happy".
var speechVerbs = set("said", "says", "added", "adds", "stated", "insisted", "argued",
	"claimed", "noted", "warned", "announced", "explained", "acknowledged", "admitted",
	"believes", "believed", "thinks", "thought", "hoped", "hopes", "wrote", "writes",
	"declared", "stressed", "suggested", "denied", "denies")

// reportedSpeaker resolves a subject pronoun right after a speech verb
// ("Kim said he", "Psaki said that she") to the person just before the verb,
// if their genders do not clash. It returns the root or -1.
func (a *analysis) reportedSpeaker(i int, g gender, root func(int) int) int {
	j := i - 1
	if j >= 0 && a.lower(j) == "that" {
		j--
	}
	if j < 1 || !speechVerbs[a.lower(j)] || a.tok(j).Sentence != a.tok(i).Sentence {
		return -1
	}
	mi := a.covered[j-1]
	if mi < 0 || a.ms[mi].typ != news.Person {
		return -1
	}
	r := root(mi)
	if cg := a.clusterGender(r, root); cg != unknownGender && cg != g {
		return -1
	}
	a.setClusterGender(r, g)
	return r
}

// addReference adds a pronoun or role noun mention for tokens [s, e)
// referring to mention ri.
func (a *analysis) addReference(s, e, ri int) {
	r := a.ms[ri]
	m := &mention{start: s, end: e, typ: news.Person, canonical: r.canonical, actor: r.actor,
		country: r.country, gender: r.gender, ref: ri, pronoun: true}
	a.add(m)
	m.ref = ri
}

// groupNoun reads a plural noun for people after "the" at token i: "the
// men", "the three women", "the two detainees", "the three" before a verb.
// It returns the end of the phrase and the number it gives, or 0.
func (a *analysis) groupNoun(i int) (e, n int, ok bool) {
	sent := a.d.Sentences[a.tok(i).Sentence]
	j := i + 1
	if j < sent.TokEnd {
		if c, isNum := countWords[a.lower(j)]; isNum {
			n, j = c, j+1
		}
	}
	if j < sent.TokEnd && groupHeads[a.lower(j)] && a.free(i, j+1) {
		return j + 1, n, true
	}
	if n > 0 && j < sent.TokEnd && j > i+1 && a.free(i, j) && strings.HasPrefix(a.tok(j).Tag, "VB") {
		return j, n, true
	}
	return 0, 0, false
}

// groupHeads are the plural nouns that take up a group of people named
// before: "Three Americans ... The men".
var groupHeads = set("men", "women", "detainees", "prisoners", "hostages", "captives")

// lastGroup returns the latest group of people before token i, no more
// than back sentences earlier, whose size does not clash with n (0 for
// any), or -1.
func (a *analysis) lastGroup(i, back, n int) int {
	sent := a.tok(i).Sentence
	best := -1
	for mi, m := range a.ms {
		if !m.group || m.start >= i || m.sentence < sent-back || best >= 0 && a.ms[best].start > m.start {
			continue
		}
		best = mi
	}
	if best < 0 || n > 0 && a.ms[best].count > 0 && a.ms[best].count != n {
		return -1
	}
	return best
}

// addGroupReference adds a plural reference for tokens [s, e) to the
// group mention ri.
func (a *analysis) addGroupReference(s, e, ri, count int) {
	r := a.ms[ri]
	m := &mention{start: s, end: e, typ: news.Person, actor: r.actor, country: r.country,
		ref: ri, pronoun: true, group: true, count: count}
	a.add(m)
	m.ref = ri
}

// bareRole reads a role noun after "the" at token i: "the president", "the
// foreign minister", "the spokeswoman". It returns the span, from "the", and
// the role. A role followed by a name or by "of" is a title or a longer
// description, not a reference.
func (a *analysis) bareRole(i int) (s, e int, role string, ok bool) {
	sent := a.d.Sentences[a.tok(i).Sentence]
	for end := min(i+4, sent.TokEnd); end > i+1; end-- {
		head := a.lower(end - 1)
		if !personRoles[head] {
			continue
		}
		t := a.tok(end - 1)
		if t.Tag == "NNS" || t.Tag == "NNPS" {
			return 0, 0, "", false
		}
		if !a.free(i, end) {
			return 0, 0, "", false
		}
		r := strings.ToLower(a.text(i+1, end))
		if _, ok := a.t.kb.Sector(r); !ok && !honorifics[head] {
			continue
		}
		if end < sent.TokEnd {
			next := a.tok(end)
			nw := strings.ToLower(next.Text)
			if nw == "of" || (isCapitalised(next.Text) && strings.HasPrefix(next.Tag, "NNP")) || next.Tag == "NN" || next.Tag == "NNS" {
				return 0, 0, "", false
			}
		}
		for k := i + 1; k < end-1; k++ {
			if isCapitalised(a.tok(k).Text) && !a.isTitleWord(k) {
				return 0, 0, "", false
			}
		}
		return i, end, r, true
	}
	return 0, 0, "", false
}

// antecedent returns the root of the person mention that a reference at
// token i of gender g (and role, for a role noun) refers to, or -1.
func (a *analysis) antecedent(i int, g gender, role string, root func(int) int) int {
	sent := a.tok(i).Sentence
	type cand struct {
		root     int
		sentence int
		pos      int
	}
	var cands []cand
	seen := map[int]bool{}
	// Most recent sentence first; within a sentence, left to right, so that
	// a subject comes before an object.
	for s := sent; s >= 0 && s >= sent-window; s-- {
		var inSent []int
		for mi, m := range a.ms {
			if m.typ != news.Person || m.sentence != s || m.start >= i {
				continue
			}
			inSent = append(inSent, mi)
		}
		slices.SortFunc(inSent, func(x, y int) int { return a.ms[x].start - a.ms[y].start })
		for _, mi := range inSent {
			r := root(mi)
			if seen[r] {
				continue
			}
			seen[r] = true
			cands = append(cands, cand{root: r, sentence: s, pos: a.ms[mi].start})
		}
	}
	genderOf := func(r int) gender { return a.clusterGender(r, root) }
	if role != "" {
		for _, c := range cands {
			cg := genderOf(c.root)
			if g != unknownGender && cg != unknownGender && cg != g {
				continue
			}
			if a.clusterHasRole(c.root, role, root) {
				return c.root
			}
		}
		if g == unknownGender {
			return -1
		}
		only := -1
		for _, c := range cands {
			if genderOf(c.root) == g {
				if only >= 0 {
					return -1
				}
				only = c.root
			}
		}
		return only
	}
	compatible := 0
	firstUnknown := -1
	for _, c := range cands {
		cg := genderOf(c.root)
		switch {
		case cg == g:
			if firstUnknown >= 0 {
				// A person of unknown gender is more salient: unclear.
				return -1
			}
			a.setClusterGender(c.root, g)
			return c.root
		case cg == unknownGender:
			compatible++
			if firstUnknown < 0 {
				firstUnknown = c.root
			}
		}
	}
	if compatible == 1 {
		a.setClusterGender(firstUnknown, g)
		return firstUnknown
	}
	return -1
}

// clusterGender returns the gender known for any mention of the person
// rooted at r.
func (a *analysis) clusterGender(r int, root func(int) int) gender {
	if g := a.ms[r].gender; g != unknownGender {
		return g
	}
	for i, m := range a.ms {
		if m.gender != unknownGender && m.typ == news.Person && root(i) == r {
			return m.gender
		}
	}
	return unknownGender
}

func (a *analysis) setClusterGender(r int, g gender) {
	if a.ms[r].gender == unknownGender {
		a.ms[r].gender = g
	}
}

// clusterHasRole reports whether the person rooted at r is known to hold
// role: the same words, the same head ("minister" for "foreign minister"),
// or a spokesperson's title for any other ("press secretary").
func (a *analysis) clusterHasRole(r int, role string, root func(int) int) bool {
	for i, m := range a.ms {
		if m.typ != news.Person || root(i) != r {
			continue
		}
		for _, have := range m.roles {
			if rolesMatch(have, role) {
				return true
			}
		}
	}
	return false
}

func rolesMatch(have, want string) bool {
	have, want = actors.Normalize(have), actors.Normalize(want)
	if have == "" || want == "" {
		return false
	}
	if have == want || spokes(have) && spokes(want) {
		return true
	}
	hw, ww := strings.Fields(have), strings.Fields(want)
	if hw[len(hw)-1] != ww[len(ww)-1] || !strings.HasSuffix(have, want) {
		return false
	}
	// "the minister" after "Foreign Minister Wang Yi", but "the president"
	// is not the vice president.
	for _, w := range hw {
		if subordinate[w] && !slices.Contains(ww, w) {
			return false
		}
	}
	return true
}

// subordinate words make a role a different office from its head noun.
var subordinate = set("vice", "deputy", "assistant", "under", "acting", "former", "ex")

func spokes(r string) bool {
	switch r {
	case "spokesman", "spokeswoman", "spokesperson", "press secretary", "government spokesman":
		return true
	}
	return false
}
