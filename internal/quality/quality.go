// Package quality scores how far a cleaned article's text can be trusted
// before entities, quotes and events are coded from it. Each problem found
// becomes a flag (news.Flag*) with a reason that quotes the evidence, so a
// reviewer can check the call without rerunning anything.
//
// The checks are deliberately conservative. A flag lowers trust in every
// record derived from the article, so a clean article must not be flagged:
// the machine-translation check in particular needs two different kinds of
// evidence, or one kind that clean editing does not produce, before it
// fires.
package quality

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Input is what Assess looks at.
type Input struct {
	Title string
	Body  string
	// Language is the detected language code ("en", "de", "pt-BR"); empty
	// when unknown, which is not a problem in itself.
	Language string
	// BoilerplateRatio is the share of the page text removed as chrome:
	// removed characters over total characters.
	BoilerplateRatio float64
	// Removed is the number of removed lines; it only enters the reason.
	Removed int
	// KnownNames are full personal names ("Donald Trump") from the actor
	// knowledge base. A name written with a stray word inside ("Donald Nut
	// Trump") is a mark of spun or machine-translated text.
	KnownNames []string
}

// Thresholds.
const (
	// ShortWords is the body length below which an article is too short to
	// carry context for its events: a wire brief has 100 words or more.
	ShortWords = 80
	// BoilerplateLimit is the removed share above which the page was mostly
	// chrome, so the extraction itself is doubtful.
	BoilerplateLimit = 0.5
)

// Score weights: Score starts at 1 and loses the weight of each flag, down
// to 0. Machine translation weighs most because it corrupts who said what;
// a short text is still true, only thin; non-English text is not wrong,
// but the English-only stages will make little of it.
const (
	WeightShort              = 0.3
	WeightBoilerplateHeavy   = 0.2
	WeightTruncated          = 0.2
	WeightNonEnglish         = 0.1
	WeightMachineTranslation = 0.4
)

// Assess flags the problems of one article and scores it. Flags come in a
// fixed order (short, boilerplate_heavy, truncated, non_english,
// suspected_machine_translation); Flags is empty, never nil, for a clean
// article.
func Assess(in Input) news.Quality {
	q := news.Quality{Score: 1, Flags: []string{}}
	add := func(flag string, weight float64, reasons ...string) {
		q.Flags = append(q.Flags, flag)
		q.Reasons = append(q.Reasons, reasons...)
		q.Score -= weight
	}
	if n := countWords(in.Body); n < ShortWords {
		add(news.FlagShort, WeightShort, fmt.Sprintf("short: body has %d words, fewer than %d", n, ShortWords))
	}
	if in.BoilerplateRatio > BoilerplateLimit {
		add(news.FlagBoilerplateHeavy, WeightBoilerplateHeavy,
			fmt.Sprintf("boilerplate_heavy: %.0f%% of the page text (%d lines) was removed as chrome",
				100*in.BoilerplateRatio, in.Removed))
	}
	if why, ok := truncation(in.Body); ok {
		add(news.FlagTruncated, WeightTruncated, "truncated: "+why)
	}
	if lang, ok := nonEnglish(in.Language); ok {
		add(news.FlagNonEnglish, WeightNonEnglish, fmt.Sprintf("non_english: language is %q", lang))
	}
	if signs := translationSigns(in); flagTranslation(signs) {
		reasons := make([]string, len(signs))
		for i, s := range signs {
			reasons[i] = "suspected_machine_translation: " + s.evidence
		}
		add(news.FlagMachineTranslation, WeightMachineTranslation, reasons...)
	}
	q.Score = math.Round(max(q.Score, 0)*100) / 100
	return q
}

// countWords counts whitespace-separated tokens that contain a letter or
// digit.
func countWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// nonEnglish reports a known language other than English.
func nonEnglish(lang string) (string, bool) {
	l := strings.ToLower(strings.TrimSpace(lang))
	if l == "" {
		return "", false
	}
	primary, _, _ := strings.Cut(strings.ReplaceAll(l, "_", "-"), "-")
	switch primary {
	case "en", "eng", "english":
		return "", false
	}
	return lang, true
}

// charCut is the marker news APIs put where they cut a body short.
var charCut = regexp.MustCompile(`\[\+\d+ chars\]$`)

// moreLinks end teasers whose full text is elsewhere.
var moreLinks = []string{"read more", "continue reading", "read the full story",
	"read the full article", "full story", "read full article", "read the rest"}

// truncation reports whether body stops before its end: an elision or
// cut marker, a trailing "Read more" link, an ellipsis, or a last sentence
// without final punctuation or closing quote.
func truncation(body string) (string, bool) {
	t := strings.TrimSpace(body)
	if t == "" {
		return "", false
	}
	tail := lastWords(t, 8)
	switch {
	case strings.HasSuffix(t, "[...]") || strings.HasSuffix(t, "[…]"):
		return fmt.Sprintf("body ends with an elision mark: %q", tail), true
	case charCut.MatchString(t):
		return fmt.Sprintf("body ends with a cut marker: %q", tail), true
	case strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…"):
		return fmt.Sprintf("body ends with an ellipsis: %q", tail), true
	}
	// "Read more", "Continue reading »" end a teaser; "he wanted to read
	// more." ends a sentence.
	bare := strings.TrimRight(t, " .…»›>→:-")
	if deco := t[len(bare):]; deco != "." {
		lower := strings.ToLower(bare)
		for _, m := range moreLinks {
			if strings.HasSuffix(lower, m) {
				return fmt.Sprintf("body ends with a link to the full text: %q", tail), true
			}
		}
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case '.', '!', '?', '"', '”', '’', '\'', '»':
		return "", false
	case ')', ']':
		inner := strings.TrimRight(t, ")] ")
		if r, _ := utf8.DecodeLastRuneInString(inner); r == '.' || r == '!' || r == '?' || r == '”' || r == '"' {
			return "", false
		}
	}
	return fmt.Sprintf("body ends mid-sentence: %q", tail), true
}

// lastWords returns the last n words of s, with "…" in front when cut.
// Only the end of s is split, since s may be a whole body.
func lastWords(s string, n int) string {
	cut := false
	if limit := 40 * n; len(s) > limit {
		s = s[len(s)-limit:]
		if i := strings.IndexAny(s, " \n\t"); i >= 0 {
			s = s[i:] // drop a partial first word
		}
		for len(s) > 0 && !utf8.RuneStart(s[0]) {
			s = s[1:]
		}
		cut = true
	}
	ws := strings.Fields(s)
	if len(ws) > n {
		ws, cut = ws[len(ws)-n:], true
	}
	out := strings.Join(ws, " ")
	if cut {
		out = "…" + out
	}
	return out
}
