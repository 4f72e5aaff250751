package events

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/cameo"
)

// The built-in pattern lexicon. It is plain TSV, so that a reader can see
// which words make which event and extend it with a file of their own.
//
//go:embed data/*.tsv
var builtin embed.FS

// Rule is one row of the lexicon: a pattern and the event it codes.
type Rule struct {
	// ID names the rule in every event it codes.
	ID   string
	Code string
	// Pattern is the pattern as written in the file.
	Pattern string
	// Mode overrides the PLOVER mode the code implies ("weapons" for a
	// missile test coded 150).
	Mode string
	// Sym marks a symmetric act (meet, sign, hold talks): a compound
	// subject ("Japan and South Korea signed") puts every party on both
	// sides, and no target beyond it is needed.
	Sym bool
	// Intrans marks an act that has no recipient by nature (resign,
	// mobilise, test-fire): the event stands without a target.
	Intrans bool
	// Reflexive allows the source and target to be the same actor.
	Reflexive bool
	// Stop marks a rule that codes nothing: its words are a sense of a
	// pattern word that is no event ("meet demand", "fight corruption"),
	// and a stop match keeps weaker patterns off them. Its code column
	// reads "stop".
	Stop bool
	// Fallback marks a general rule whose event is dropped when a more
	// specific event of the same sentence has the same source: "X and Y
	// agreed to share information" is an agreement between them, but
	// "agreed to resume talks" is better told by the talks (036).
	Fallback bool
	// Fixed turns off the modal conversions (future cooperation to intent,
	// future force to threat, refusal to rejection) for a pattern whose
	// words already say which it is.
	Fixed bool
	// ActRef lets the target be named by an act it did: "condemned the
	// launch" is aimed at whoever the document says launched. The noun
	// must name a kind of act the document has coded before ("launch",
	// "test", "attack"), and the author of the latest such act is the
	// target; "it" stands for the latest forceful act of the last few
	// sentences.
	ActRef bool
	// Poss takes the source from the possessor of the pattern's first
	// word, a noun: "Putin's first visit to North Korea", "on his fourth
	// trip to Pyongyang". Without a possessor the rule codes nothing.
	Poss bool
	// Judged marks a verdict on the clause's subject ("the launch was a
	// violation of ..."): the subject is the target, and the source is
	// whoever says so, the subject of the reporting verb or the speaker
	// of the quotation.
	Judged bool
	// Joint is the code for the act when its source is several states
	// together: a military exercise is 150 (a show of force) for one
	// state and 062 (military cooperation) for two, as PLOVER says.
	Joint string
	// PLOVER overrides the PLOVER type the code implies, where the PLOVER
	// manual codes the act apart from its CAMEO code (a resignation is a
	// RETREAT).
	PLOVER string
	// Where is the file and line the rule was read from.
	Where string
	// layer is 0 for the built-in lexicon and n for the n-th user file:
	// between equally specific matches, a user's rule wins.
	layer int
}

type elemKind uint8

const (
	elWord elemKind = iota
	elGap
	elTarget
	elSource
)

// elem is one position of an expanded pattern.
type elem struct {
	kind elemKind
	// ids are the vocabulary ids of the words any of which matches here,
	// and pos their part-of-speech constraints: 'v' a verb, 'n' a noun, 0
	// none.
	ids []int32
	pos []byte
	max int // longest gap, for elGap
}

// pattern is one expansion of a rule: a plain sequence without
// alternatives or optional parts.
type pattern struct {
	rule     *Rule
	elems    []elem
	literals int
}

// Lexicon is a compiled set of rules. It is read-only once built and safe
// for concurrent use.
type Lexicon struct {
	rules    []*Rule
	patterns []pattern
	vocab    map[string]int32
	// forms maps a lower-case word of text to the vocabulary entries it
	// realises: "refused" to "refuse", "met" to "meet", and to "=met".
	forms map[string][]int32
	// byFirst indexes patterns by the id of their first word.
	byFirst map[int32][]int32
}

// Rules returns the lexicon's rules in file order.
func (l *Lexicon) Rules() []Rule {
	out := make([]Rule, len(l.rules))
	for i, r := range l.rules {
		out[i] = *r
	}
	return out
}

// Patterns reports how many plain sequences the rules expand to.
func (l *Lexicon) Patterns() int { return len(l.patterns) }

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

// DefaultLexicon returns the built-in lexicon, compiled once and shared. It
// panics if the embedded data is malformed; the package's tests load it, so
// such a panic cannot reach a release.
func DefaultLexicon() *Lexicon {
	defaultOnce.Do(func() {
		l, err := LoadLexicon()
		if err != nil {
			panic("events: built-in lexicon: " + err.Error())
		}
		defaultLex = l
	})
	return defaultLex
}

// LoadLexicon compiles the built-in lexicon and then each user path in
// order: a .tsv file, or a directory whose *.tsv files are read in name
// order. A user row whose id is already defined replaces that rule; a row
// whose code is "-" removes it. Every error names the file and line.
func LoadLexicon(paths ...string) (*Lexicon, error) {
	var rows []*Rule
	index := map[string]int{}
	layer := 0
	add := func(file string, r io.Reader) error {
		got, err := readRules(file, r)
		if err != nil {
			return err
		}
		for _, rule := range got {
			rule.layer = layer
			if i, ok := index[rule.ID]; ok {
				rows[i] = rule
				continue
			}
			index[rule.ID] = len(rows)
			rows = append(rows, rule)
		}
		return nil
	}
	names, err := fs.Glob(builtin, "data/*.tsv")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		f, err := builtin.Open(name)
		if err != nil {
			return nil, err
		}
		err = add("internal/events/"+name, f)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	for _, p := range paths {
		files, err := expandPath(p)
		if err != nil {
			return nil, err
		}
		for _, file := range files {
			layer++
			f, err := os.Open(file)
			if err != nil {
				return nil, err
			}
			err = add(file, f)
			f.Close()
			if err != nil {
				return nil, err
			}
		}
	}
	l := &Lexicon{vocab: map[string]int32{}, forms: map[string][]int32{}, byFirst: map[int32][]int32{}}
	for _, r := range rows {
		if r.Code == "-" {
			continue
		}
		if err := l.compile(r); err != nil {
			return nil, err
		}
		l.rules = append(l.rules, r)
	}
	return l, nil
}

func expandPath(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	files, err := filepath.Glob(filepath.Join(p, "*.tsv"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	return files, nil
}

// readRules reads the rows of one lexicon file: id, code, flags, pattern,
// separated by tabs; '#' starts a comment line.
func readRules(file string, r io.Reader) ([]*Rule, error) {
	var out []*Rule
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimSpace(text), "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", file, line)
		f := strings.Split(text, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("%s: want 4 tab-separated columns (id code flags pattern), got %d", where, len(f))
		}
		rule := &Rule{ID: strings.TrimSpace(f[0]), Code: strings.TrimSpace(f[1]), Pattern: strings.TrimSpace(f[3]), Where: where}
		if rule.ID == "" {
			return nil, fmt.Errorf("%s: empty rule id", where)
		}
		if prev, dup := seen[rule.ID]; dup {
			return nil, fmt.Errorf("%s: rule id %q already used on line %d", where, rule.ID, prev)
		}
		seen[rule.ID] = line
		if rule.Code == "stop" {
			rule.Stop = true
		} else if rule.Code != "-" {
			if _, ok := cameo.Lookup(rule.Code); !ok {
				return nil, fmt.Errorf("%s: %q is not a CAMEO event code", where, rule.Code)
			}
		}
		for _, fl := range strings.Split(strings.TrimSpace(f[2]), ",") {
			switch fl = strings.TrimSpace(fl); {
			case fl == "" || fl == "-":
			case fl == "sym":
				rule.Sym = true
			case fl == "intrans":
				rule.Intrans = true
			case fl == "reflexive":
				rule.Reflexive = true
			case fl == "fixed":
				rule.Fixed = true
			case fl == "fallback":
				rule.Fallback = true
			case fl == "poss":
				rule.Poss = true
			case fl == "actref":
				rule.ActRef = true
			case fl == "judged":
				rule.Judged = true
			case strings.HasPrefix(fl, "mode="):
				rule.Mode = strings.TrimPrefix(fl, "mode=")
			case strings.HasPrefix(fl, "plover="):
				rule.PLOVER = strings.ToUpper(strings.TrimPrefix(fl, "plover="))
				if !slices.Contains(cameo.PLOVERTypes, rule.PLOVER) {
					return nil, fmt.Errorf("%s: %q is not a PLOVER event type", where, rule.PLOVER)
				}
			case strings.HasPrefix(fl, "joint="):
				rule.Joint = strings.TrimPrefix(fl, "joint=")
				if _, ok := cameo.Lookup(rule.Joint); !ok {
					return nil, fmt.Errorf("%s: joint code %q is not a CAMEO event code", where, rule.Joint)
				}
			default:
				return nil, fmt.Errorf("%s: unknown flag %q (want sym, intrans, reflexive, fixed, fallback, poss, actref, judged, mode=, plover=, joint=)", where, fl)
			}
		}
		out = append(out, rule)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, nil
}

// maxExpansions bounds how many plain sequences one rule may stand for, so
// that a slip in a user's file cannot blow up the matcher.
const maxExpansions = 512

// compile parses a rule's pattern, expands it and indexes the expansions.
func (l *Lexicon) compile(r *Rule) error {
	p := &patParser{src: r.Pattern}
	alts, err := p.seq()
	if err == nil && p.pos < len(p.src) {
		err = fmt.Errorf("unexpected %q", p.src[p.pos:])
	}
	if err != nil {
		return fmt.Errorf("%s: pattern %q: %v", r.Where, r.Pattern, err)
	}
	if len(alts) > maxExpansions {
		return fmt.Errorf("%s: pattern %q expands to %d sequences, more than %d", r.Where, r.Pattern, len(alts), maxExpansions)
	}
	for _, seq := range alts {
		if len(seq) == 0 || seq[0].kind != tWord {
			return fmt.Errorf("%s: pattern %q: every variant must begin with a word", r.Where, r.Pattern)
		}
		// A gap at the end (left when an optional tail is absent) can
		// always match nothing: drop it.
		for len(seq) > 0 && seq[len(seq)-1].kind == tGap {
			seq = seq[:len(seq)-1]
		}
		var pat pattern
		pat.rule = r
		nT, nS := 0, 0
		for i, t := range seq {
			switch t.kind {
			case tWord:
				el := elem{kind: elWord}
				for _, w := range t.texts {
					pos := byte(0)
					if i := strings.LastIndexByte(w, '/'); i > 0 && i == len(w)-2 && (w[i+1] == 'v' || w[i+1] == 'n') {
						w, pos = w[:i], w[i+1]
					}
					el.ids = append(el.ids, l.word(w))
					el.pos = append(el.pos, pos)
				}
				pat.elems = append(pat.elems, el)
				pat.literals++
			case tGap:
				if i > 0 && seq[i-1].kind == tGap {
					return fmt.Errorf("%s: pattern %q: two gaps in a row", r.Where, r.Pattern)
				}
				pat.elems = append(pat.elems, elem{kind: elGap, max: t.max})
			case tTarget:
				nT++
				pat.elems = append(pat.elems, elem{kind: elTarget})
			case tSource:
				nS++
				pat.elems = append(pat.elems, elem{kind: elSource})
			}
		}
		if nT > 1 || nS > 1 {
			return fmt.Errorf("%s: pattern %q: at most one +T and one +S", r.Where, r.Pattern)
		}
		idx := int32(len(l.patterns))
		l.patterns = append(l.patterns, pat)
		for _, first := range pat.elems[0].ids {
			if n := len(l.byFirst[first]); n == 0 || l.byFirst[first][n-1] != idx {
				l.byFirst[first] = append(l.byFirst[first], idx)
			}
		}
	}
	return nil
}

// word returns the vocabulary id of a pattern word, registering the forms
// it matches on first sight. "=w" matches the form w only.
func (l *Lexicon) word(w string) int32 {
	if id, ok := l.vocab[w]; ok {
		return id
	}
	id := int32(len(l.vocab))
	l.vocab[w] = id
	if exact, ok := strings.CutPrefix(w, "="); ok {
		l.forms[exact] = append(l.forms[exact], id)
		return id
	}
	if functionWords[w] {
		l.forms[w] = append(l.forms[w], id)
		return id
	}
	seen := map[string]bool{}
	for _, f := range inflect(w) {
		if !seen[f] {
			seen[f] = true
			l.forms[f] = append(l.forms[f], id)
		}
	}
	return id
}

// idsOf returns the vocabulary ids a lower-cased word of text realises.
func (l *Lexicon) idsOf(lower string) []int32 { return l.forms[lower] }

// Pattern syntax tokens.
type ptKind uint8

const (
	tWord ptKind = iota
	tGap
	tTarget
	tSource
)

type ptok struct {
	kind  ptKind
	texts []string // a word, or alternative single words
	max   int
}

// patParser parses the pattern language into the list of plain sequences it
// stands for (see data/README in the lexicon files' header).
type patParser struct {
	src string
	pos int
}

func (p *patParser) skipSpace() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

// seq parses items up to '|', '}', ')' or the end, returning every
// expansion.
func (p *patParser) seq() ([][]ptok, error) {
	out := [][]ptok{{}}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return out, nil
		}
		c := p.src[p.pos]
		if c == '|' || c == '}' || c == ')' {
			return out, nil
		}
		var item [][]ptok
		switch {
		case c == '{':
			p.pos++
			var alts [][]ptok
			for {
				a, err := p.seq()
				if err != nil {
					return nil, err
				}
				alts = append(alts, a...)
				if p.pos >= len(p.src) {
					return nil, fmt.Errorf("unclosed {")
				}
				if p.src[p.pos] == '}' {
					p.pos++
					break
				}
				p.pos++ // '|'
			}
			// "{ban|outlaw}/v" puts the constraint on the first word of
			// every alternative.
			if p.pos+1 < len(p.src) && p.src[p.pos] == '/' && (p.src[p.pos+1] == 'v' || p.src[p.pos+1] == 'n') {
				suffix := p.src[p.pos : p.pos+2]
				p.pos += 2
				for k := range alts {
					for x := range alts[k] {
						if alts[k][x].kind == tWord {
							for y, w := range alts[k][x].texts {
								if !strings.Contains(w, "/") {
									alts[k][x].texts[y] = w + suffix
								}
							}
							break
						}
					}
				}
			}
			item = collapse(alts)
		case c == '(':
			// "(a|b c)" is optional, and may hold alternatives.
			p.pos++
			alts := [][]ptok{{}}
			for {
				a, err := p.seq()
				if err != nil {
					return nil, err
				}
				alts = append(alts, a...)
				if p.pos >= len(p.src) || p.src[p.pos] == '}' {
					return nil, fmt.Errorf("unclosed (")
				}
				if p.src[p.pos] == ')' {
					p.pos++
					break
				}
				p.pos++ // '|'
			}
			item = append([][]ptok{{}}, collapse(alts[1:])...)
		case c == '*':
			max := 3
			p.pos++
			if p.pos < len(p.src) && p.src[p.pos] == '*' {
				max = 6
				p.pos++
			}
			item = [][]ptok{{{kind: tGap, max: max}}}
		case c == '+':
			if p.pos+1 >= len(p.src) || (p.src[p.pos+1] != 'T' && p.src[p.pos+1] != 'S') {
				return nil, fmt.Errorf("'+' must be followed by T or S")
			}
			k := tTarget
			if p.src[p.pos+1] == 'S' {
				k = tSource
			}
			p.pos += 2
			item = [][]ptok{{{kind: k}}}
		default:
			start := p.pos
			for p.pos < len(p.src) && !strings.ContainsRune(" \t{}()|*+", rune(p.src[p.pos])) {
				p.pos++
			}
			w := strings.ToLower(p.src[start:p.pos])
			if w == "" || w == "=" {
				return nil, fmt.Errorf("empty word at %d", start)
			}
			item = [][]ptok{{{kind: tWord, texts: []string{w}}}}
		}
		var next [][]ptok
		for _, a := range out {
			for _, b := range item {
				s := make([]ptok, 0, len(a)+len(b))
				s = append(append(s, a...), b...)
				next = append(next, s)
			}
		}
		if len(next) > maxExpansions*4 {
			return nil, fmt.Errorf("too many alternatives")
		}
		out = next
	}
}

// functionWords match only as written: inflecting them would make "not"
// match "noted".
var functionWords = set("to", "in", "on", "of", "at", "with", "by", "for", "from", "against",
	"into", "over", "between", "among", "and", "or", "the", "a", "an", "its", "their", "his",
	"her", "as", "up", "out", "off", "down", "back", "no", "not", "never", "that", "than",
	"about", "under", "near", "across", "through", "toward", "towards", "after", "before",
	"behind", "along", "upon", "onto", "it", "they", "them", "n't", "this", "these", "those",
	"all", "any", "some", "each", "both", "is", "are", "was", "were", "been", "so")

// collapse merges the one-word alternatives of a {...} group into a single
// position that matches any of them, so that a pattern does not expand into
// the product of its word lists; multi-word alternatives stay apart.
func collapse(alts [][]ptok) [][]ptok {
	var single ptok
	var out [][]ptok
	for _, a := range alts {
		if len(a) == 1 && a[0].kind == tWord {
			single.kind = tWord
			single.texts = append(single.texts, a[0].texts...)
			continue
		}
		out = append(out, a)
	}
	if len(single.texts) > 0 {
		out = append([][]ptok{{single}}, out...)
	}
	return out
}
