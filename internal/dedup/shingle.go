package dedup

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ShingleSize is the number of words in a shingle, counted after the stop
// words are dropped: three content words span about five words of running
// text ("refused to accept a letter" is the shingle "refused accept
// letter"). One changed word breaks the three shingles that cover it, so a
// copy with a tenth of its words edited keeps about 0.9^3 = 73% of them,
// while two articles written apart rarely share a run of three content
// words beyond names and set phrases ("north korean leader", "kim jong un").
//
// internal/eval/dedup compared 3, 4, 5 and 6 words, with and without stop
// words, on the same generated pairs. Three content words separated best:
// the 1st percentile of copies (Jaccard 0.52) lies well above the highest
// same-topic negative (0.36), where 5 content words leave 0.34 against
// 0.28 and 5 running words 0.38 against 0.33. Longer shingles lower the
// copies' similarity faster than the negatives', because the negatives that
// come close are articles reusing whole background paragraphs, which no
// shingle length tells apart.
const ShingleSize = 3

// stopwords are dropped before shingling. They are the words whose swapping
// is most typical of a rewrite that changes nothing ("said on Wednesday" for
// "said Wednesday", "a" for "the"), and they make up a third of running
// text, so keeping them would let such edits break shingles and let set
// phrases of function words ("in a statement on the") match across
// unrelated articles.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor of to in on at by for
		from with as into onto about over after before than then that this these
		those there here is are was were be been being has have had do does did
		it its he she they we you i his her their our your him them us
		who whom which what when where while not no so if also would could
		should will can may might must just very`) {
		m[w] = true
	}
	return m
}()

// Words returns the normalised words of text, paragraph by paragraph:
// lower-cased runs of letters and digits, with apostrophes inside words
// removed ("Korea's" is "koreas") and stop words dropped. Paragraphs are
// separated by blank lines; a single line break is a space.
func Words(text string) [][]string {
	var (
		paras [][]string
		cur   []string
	)
	scan(text, func(w []byte) {
		if w == nil {
			if len(cur) > 0 {
				paras = append(paras, cur)
				cur = nil
			}
			return
		}
		cur = append(cur, string(w))
	})
	return paras
}

// scan calls f with each normalised word of text that is not a stop word,
// and with nil at the end of each paragraph. The word's bytes are only
// valid during the call. It reads text once and allocates nothing per word,
// since it runs on every article ingested.
func scan(text string, f func(word []byte)) {
	var (
		buf     []byte
		newline bool // the last non-space character was a line break
		inPara  bool // a word was reported since the last paragraph end
	)
	endWord := func() {
		if len(buf) > 0 {
			if !stopwords[string(buf)] {
				f(buf)
				inPara = true
			}
			buf = buf[:0]
		}
	}
	endPara := func() {
		endWord()
		if inPara {
			f(nil)
			inPara = false
		}
	}
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			buf = append(buf, byte(r))
			newline = false
		case 'A' <= r && r <= 'Z':
			buf = append(buf, byte(r)+'a'-'A')
			newline = false
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			newline = false
		case (r == '\'' || r == '’') && len(buf) > 0 && i+size < len(text) && isLetterAt(text[i+size:]):
			// An apostrophe inside a word joins it.
		case r == '\n':
			if newline {
				endPara()
			} else {
				endWord()
			}
			newline = true
		case r == ' ' || r == '\t' || r == '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r):
			endWord() // white space between line breaks keeps a blank line blank
		default:
			endWord()
			newline = false
		}
		i += size
	}
	endPara()
}

func isLetterAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// Shingles is the set of hashed word shingles of a text, sorted and without
// repeats. It is what the exact duplicate check compares.
type Shingles []uint64

// ShinglesOf returns the shingle set of text. Shingles do not cross
// paragraph boundaries, so that a copy with its paragraphs reordered has the
// same set; a paragraph shorter than ShingleSize words (a credit line, a
// byline) is one shingle.
func ShinglesOf(text string) Shingles {
	var (
		out  Shingles
		para []uint64
	)
	scan(text, func(w []byte) {
		if w != nil {
			para = append(para, hashBytes(w))
			return
		}
		if len(para) <= ShingleSize {
			out = append(out, combine(para))
		}
		for i := 0; i+ShingleSize <= len(para); i++ {
			out = append(out, combine(para[i:i+ShingleSize]))
		}
		para = para[:0]
	})
	slices.Sort(out)
	return slices.Compact(out)
}

// hashBytes is 64-bit FNV-1a, written out so that shingle hashes are
// fixed by this file and not by a library's choice: they are persisted
// (through signatures) and must not change between releases.
func hashBytes(s []byte) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for _, c := range s {
		h ^= uint64(c)
		h *= prime
	}
	return h
}

// combine hashes a sequence of word hashes in order.
func combine(hs []uint64) uint64 {
	h := uint64(len(hs))
	for _, w := range hs {
		h = mix64(h ^ w)
	}
	return h
}

// mix64 is the SplitMix64 finaliser: a bijection that spreads every input
// bit over the whole word.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Match is how much two shingle sets overlap.
type Match struct {
	// Jaccard is |A∩B| / |A∪B|.
	Jaccard float64 `json:"jaccard"`
	// Containment is |A∩B| / min(|A|,|B|): how much of the shorter text is
	// in the longer one. A copy with a credit line or page chrome added, or
	// cut short, keeps a containment near 1 when its Jaccard drops.
	Containment float64 `json:"containment"`
	// SizeRatio is min(|A|,|B|) / max(|A|,|B|).
	SizeRatio float64 `json:"size_ratio"`
}

// Compare measures the overlap of a and b exactly.
func Compare(a, b Shingles) Match {
	if len(a) == 0 || len(b) == 0 {
		return Match{}
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	lo, hi := min(len(a), len(b)), max(len(a), len(b))
	return Match{
		Jaccard:     float64(inter) / float64(len(a)+len(b)-inter),
		Containment: float64(inter) / float64(lo),
		SizeRatio:   float64(lo) / float64(hi),
	}
}
