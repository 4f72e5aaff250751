package quotes

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Article is one PolNeAR article with the attributions of one annotator,
// every offset converted to a byte offset into Text.
type Article struct {
	Name         string // file stem, e.g. "politico_2016-09-08_flynn-says-trump-absolutely-righ"
	Annotator    string
	Published    time.Time
	Text         string
	Attributions []Attribution
}

// Attribution is one annotated attribution: who (Source) said what
// (Content) by which words (Cue). Each part may be discontinuous, so each
// is a list of byte spans; Source is empty for PolNeAR's
// "Attribution-no-source".
type Attribution struct {
	Source  []Span
	Cue     []Span
	Content []Span
}

// Span is a byte span [Start, End) of Article.Text.
type Span struct{ Start, End int }

// ReadSplit reads the articles of a PolNeAR split directory (".../polnear/dev"):
// text/NAME.txt, attributions/NAME_ANNOTATOR.ann, and the publication date
// from ../metadata.tsv.
//
// Two articles of the dev split were annotated by six people each, for an
// agreement study; the others by one. Taking the union would count one
// quotation six times and mix disagreeing spans, so ReadSplit keeps one
// annotator per article, deterministically: the first .ann file in name
// order, i.e. the annotator whose id sorts first.
func ReadSplit(dir string) ([]Article, error) {
	dates, err := readMetadata(filepath.Join(dir, "..", "metadata.tsv"))
	if err != nil {
		return nil, err
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(anns)
	seen := map[string]bool{}
	var out []Article
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			return nil, fmt.Errorf("%s: no _ANNOTATOR suffix", ann)
		}
		name, annotator := base[:i], base[i+1:]
		if seen[name] {
			continue
		}
		seen[name] = true
		txt, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			return nil, err
		}
		a := Article{Name: name, Annotator: annotator, Published: dates[name], Text: string(txt)}
		if a.Attributions, err = readAnn(ann, a.Text); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no PolNeAR articles", dir)
	}
	return out, nil
}

// readMetadata maps each file stem to its publication date.
func readMetadata(path string) (map[string]time.Time, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]time.Time{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	col := map[string]int{}
	for line := 0; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if line == 0 {
			for i, h := range fields {
				col[h] = i
			}
			if _, ok := col["filename"]; !ok {
				return nil, fmt.Errorf("%s: no filename column", path)
			}
			continue
		}
		fi, di := col["filename"], col["publication_date"]
		if fi >= len(fields) || di >= len(fields) {
			continue
		}
		if t, err := time.Parse("2006-01-02", fields[di]); err == nil {
			out[fields[fi]] = t
		}
	}
	return out, sc.Err()
}

// readAnn reads a brat standoff file. Text-bound annotations ("T3\tContent
// 13 98;100 120\ttext") give character (rune) offsets into the text, which
// are converted to byte offsets; event lines ("E1\tAttribution:T4
// Content:T3 Cue:T2 Source:T1") tie them together. A text field may run
// over several lines; only the offsets are read, never the text field.
func readAnn(path, text string) ([]Attribution, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	// byteAt[r] is the byte offset of rune r; one past the end maps to len.
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	spansOf := map[string][]Span{}
	var events [][]string
	for n, line := range strings.Split(string(b), "\n") {
		fields := strings.Split(line, "\t")
		if len(fields) < 2 || len(fields[0]) < 2 {
			continue // a continuation of a multi-line text field
		}
		id := fields[0]
		switch id[0] {
		case 'T':
			if _, err := strconv.Atoi(id[1:]); err != nil {
				continue
			}
			typ, offs, ok := strings.Cut(fields[1], " ")
			if !ok {
				return nil, fmt.Errorf("%s:%d: bad text-bound annotation", path, n+1)
			}
			_ = typ
			var spans []Span
			var got []string
			for _, part := range strings.Split(offs, ";") {
				var s, e int
				if _, err := fmt.Sscanf(part, "%d %d", &s, &e); err != nil {
					return nil, fmt.Errorf("%s:%d: bad offsets %q", path, n+1, part)
				}
				if s < 0 || e < s || e >= len(byteAt) {
					return nil, fmt.Errorf("%s:%d: offsets %d-%d outside the text", path, n+1, s, e)
				}
				spans = append(spans, Span{byteAt[s], byteAt[e]})
				got = append(got, text[byteAt[s]:byteAt[e]])
			}
			// The text field repeats the annotated text (its first line,
			// when it runs over several): a check that the offsets were
			// read as the characters they are.
			if len(fields) > 2 && !strings.HasPrefix(strings.Join(got, " "), fields[2]) {
				return nil, fmt.Errorf("%s:%d: offsets give %q, not %q", path, n+1, strings.Join(got, " "), fields[2])
			}
			spansOf[id] = spans
		case 'E':
			if _, err := strconv.Atoi(id[1:]); err != nil {
				continue
			}
			events = append(events, strings.Fields(fields[1]))
		}
	}
	var out []Attribution
	for _, ev := range events {
		var a Attribution
		for _, arg := range ev {
			role, ref, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch {
			case role == "Source":
				a.Source = append(a.Source, spansOf[ref]...)
			case role == "Cue":
				a.Cue = append(a.Cue, spansOf[ref]...)
			case strings.HasPrefix(role, "Content"):
				a.Content = append(a.Content, spansOf[ref]...)
			}
		}
		if len(a.Content) > 0 {
			out = append(out, a)
		}
	}
	return out, nil
}
