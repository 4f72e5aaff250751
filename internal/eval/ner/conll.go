package ner

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one entity mention: a byte range of a document's text and its type
// (news.Person, news.Organization or news.Location).
type Span struct {
	Start, End int
	Type       string
}

// Doc is one gold document rebuilt from its tokens.
type Doc struct {
	Text string
	Gold []Span
}

// Dataset is a named set of gold documents.
type Dataset struct {
	Name string
	Docs []Doc
}

// labelMaps map each set's labels to our types; a label not listed is not
// scored.
//
// re3d's Nationality ("Iraqi", "Syrian") is left out: it marks a demonym, an
// adjective describing something else, and newsgraph never emits a demonym on
// its own as a mention (it folds it into the role phrase it modifies, "Iraqi
// officials"). Wikigold's MISC (events, works, nationalities) has no
// counterpart either.
var (
	wikigoldLabels = map[string]string{"PER": "PERSON", "ORG": "ORG", "LOC": "LOCATION"}
	re3dLabels     = map[string]string{"Person": "PERSON", "Organisation": "ORG", "Location": "LOCATION"}
)

// token is one CoNLL line.
type token struct {
	text  string
	label string // without its B-/I- prefix, "" for O
	begin bool   // the line's tag was B-
}

// LoadWikigold reads wikigold's CoNLL file: one "token TAG" per line, blank
// lines between sentences and -DOCSTART- lines between articles. Its tags
// are IO (I-PER...), so a run of one label is one entity.
func LoadWikigold(path string) (Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return Dataset{}, err
	}
	defer f.Close()
	ds := Dataset{Name: "wikigold"}
	var sents [][]token
	var cur []token
	flush := func() {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
	}
	flushDoc := func() {
		flush()
		if len(sents) > 0 {
			ds.Docs = append(ds.Docs, buildDoc(sents, wikigoldLabels))
			sents = nil
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			flush()
		case fields[0] == "-DOCSTART-":
			flushDoc()
		case len(fields) != 2:
			return Dataset{}, fmt.Errorf("%s:%d: want \"token TAG\", got %q", path, line, sc.Text())
		default:
			cur = append(cur, parseTag(fields[0], fields[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return Dataset{}, fmt.Errorf("%s: %w", path, err)
	}
	flushDoc()
	return ds, nil
}

// LoadRe3d reads re3d's CoNLL files one document per file from
// CONLL-format/data-by-source under dir (the same tokens as its train and
// test split, but with the document boundaries that coreference needs).
// Lines are "token<TAB>TAG" with IOB2 tags.
func LoadRe3d(dir string) (Dataset, error) {
	root := filepath.Join(dir, "CONLL-format", "data-by-source")
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".conll") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return Dataset{}, err
	}
	if len(files) == 0 {
		return Dataset{}, fmt.Errorf("%s: no .conll files", root)
	}
	sort.Strings(files)
	ds := Dataset{Name: "re3d"}
	for _, file := range files {
		sents, err := readTabbed(file)
		if err != nil {
			return Dataset{}, err
		}
		if len(sents) > 0 {
			ds.Docs = append(ds.Docs, buildDoc(sents, re3dLabels))
		}
	}
	return ds, nil
}

func readTabbed(path string) ([][]token, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var sents [][]token
	var cur []token
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" {
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
			continue
		}
		word, tag, ok := strings.Cut(text, "\t")
		if !ok || strings.TrimSpace(word) == "" {
			return nil, fmt.Errorf("%s:%d: want \"token<TAB>TAG\", got %q", path, line, text)
		}
		cur = append(cur, parseTag(strings.TrimSpace(word), strings.TrimSpace(tag)))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	return sents, nil
}

func parseTag(word, tag string) token {
	t := token{text: word}
	if p, l, ok := strings.Cut(tag, "-"); ok {
		t.label, t.begin = l, p == "B"
	}
	return t
}

// buildDoc joins the sentences' tokens into text, one sentence a line, and
// turns their tags into spans over that text.
func buildDoc(sents [][]token, labels map[string]string) Doc {
	var b strings.Builder
	var d Doc
	for si, sent := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		offs := detokenize(&b, sent)
		open := -1
		for i := 0; i <= len(sent); i++ {
			ends := i == len(sent) || sent[i].label == "" || sent[i].begin ||
				(open >= 0 && sent[i].label != sent[open].label)
			if open >= 0 && ends {
				if typ, ok := labels[sent[open].label]; ok {
					d.Gold = append(d.Gold, Span{Start: offs[open][0], End: offs[i-1][1], Type: typ})
				}
				open = -1
			}
			if i < len(sent) && sent[i].label != "" && open < 0 {
				open = i
			}
		}
	}
	d.Text = b.String()
	return d
}

// detokenize writes a sentence's tokens to b the way running text has them
// and returns each token's byte range. The sets split words at punctuation
// ("Iraq ' s", "D . C .", "counter - ISIL"); the text a tagger is fed should
// read like news, or the evaluation measures the tokenisation instead of
// the tagger. The rules are orthographic and know nothing of the entities:
//   - no space before closing punctuation (, . ; : ! ? ) ] %) or after
//     opening brackets and currency signs;
//   - an apostrophe followed by s, t, re, ve, ll, d or m joins both sides
//     ("Iraq's", "don't"); a lone apostrophe after a word ending in s joins
//     it ("forces'");
//   - an apostrophe between a capitalised word of at most three letters and
//     a lower-case word joins them: it is inside a transliteration
//     ("Da'esh", "Ja'afari");
//   - a hyphen between two words joins them ("counter-ISIL");
//   - a point between two single capitals or two numbers joins them ("D.C.",
//     "59.17").
func detokenize(b *strings.Builder, sent []token) [][2]int {
	offs := make([][2]int, len(sent))
	for i, t := range sent {
		if i > 0 && spaceBefore(sent, i) {
			b.WriteByte(' ')
		}
		offs[i][0] = b.Len()
		b.WriteString(t.text)
		offs[i][1] = b.Len()
	}
	return offs
}

func spaceBefore(sent []token, i int) bool {
	prev, cur := sent[i-1].text, sent[i].text
	next := ""
	if i+1 < len(sent) {
		next = sent[i+1].text
	}
	switch cur {
	case ",", ";", ":", "!", "?", ")", "]", "%", "”", "’":
		return false
	case ".":
		return false
	case "'", "’s", "'s":
		if cur == "'" || cur == "’" {
			if isTransliteration(prev, next) {
				return false
			}
			if isClitic(next) || strings.HasSuffix(prev, "s") {
				return false
			}
			return true
		}
		return false
	case "-":
		return !(isWord(prev) && isWord(next))
	}
	switch prev {
	case "(", "[", "$", "£", "€", "“", "‘":
		return false
	case "-":
		if i >= 2 && isWord(sent[i-2].text) && isWord(cur) {
			return false
		}
	case "'", "’":
		if isClitic(cur) && i >= 2 && isWord(sent[i-2].text) {
			return false
		}
		if i >= 2 && isTransliteration(sent[i-2].text, cur) {
			return false
		}
	case ".":
		if i >= 2 {
			before := sent[i-2].text
			if (isInitial(before) && isInitial(cur)) || (isNumber(before) && isNumber(cur)) {
				return false
			}
		}
	}
	if isClitic(cur) && (strings.HasSuffix(prev, "'") || strings.HasSuffix(prev, "’")) {
		return false
	}
	return true
}

// isTransliteration reports whether an apostrophe between prev and next is
// inside a transliterated word ("Da'esh", "Ja'afari"): a capitalised word
// of at most three letters before it and a lower-case word after it that is
// no clitic.
func isTransliteration(prev, next string) bool {
	if utf8.RuneCountInString(prev) > 3 || !isWord(prev) || isClitic(next) {
		return false
	}
	p, _ := utf8.DecodeRuneInString(prev)
	n, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(p) && unicode.IsLower(n)
}

func isClitic(w string) bool {
	switch strings.ToLower(w) {
	case "s", "t", "re", "ve", "ll", "d", "m":
		return true
	}
	return false
}

func isWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}
