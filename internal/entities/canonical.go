package entities

import (
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/actors"
)

// CanonicalKey folds the spelling variants of a name to one key, for
// grouping mentions across documents: case, accents, periods, hyphens,
// apostrophes and spacing are ignored, as are leading titles and a trailing
// possessive, so "Kim Jong-un", "Kim Jong Un", "KIM JONG UN" and "leader Kim
// Jong Un's" all give "kim jong un". The key is for matching, not display.
func CanonicalKey(name string) string {
	name = cleanName(name)
	words := strings.Fields(actors.Normalize(name))
	for len(words) > 1 && (honorifics[words[0]] || lapsed[words[0]] || words[0] == "the") {
		words = words[1:]
	}
	// A possessive loses its apostrophe in Normalize and leaves an "s".
	if n := len(words); n > 1 && words[n-1] == "s" {
		words = words[:n-1]
	}
	return strings.Join(words, " ")
}

// Ungarble recognises a known name garbled by one stray word, as OCR,
// transcripts and careless edits produce: "Donald Nut Trump" is "Donald
// Trump" when known says so. known is asked about candidate keys (as
// CanonicalKey gives them) and returns the canonical name for a key it
// knows. Ungarble tries the name without one inner word, and the first and
// last words alone; it returns a result only if exactly one canonical name
// comes out, and never for a name that is itself known, or of fewer than
// three words.
func Ungarble(name string, known func(key string) (string, bool)) (string, bool) {
	words := strings.Fields(CanonicalKey(name))
	if len(words) < 3 {
		return "", false
	}
	if _, ok := known(strings.Join(words, " ")); ok {
		return "", false
	}
	found := ""
	try := func(key string) bool {
		c, ok := known(key)
		if !ok {
			return true
		}
		if found != "" && found != c {
			found = ""
			return false
		}
		found = c
		return true
	}
	for i := 1; i < len(words)-1; i++ {
		rest := append(append([]string{}, words[:i]...), words[i+1:]...)
		if !try(strings.Join(rest, " ")) {
			return "", false
		}
	}
	if !try(words[0] + " " + words[len(words)-1]) {
		return "", false
	}
	return found, found != ""
}

// Ungarble is the package Ungarble over the knowledge base's people.
func (t *Tagger) Ungarble(name string) (string, bool) {
	return Ungarble(name, t.knownPerson)
}

// knownPerson looks a key up as a person, on no date.
func (t *Tagger) knownPerson(key string) (string, bool) {
	p, _, ok := t.kb.Person(key, time.Time{})
	if !ok {
		return "", false
	}
	return p.Name, true
}

// ungarbleInitials resolves a name whose inner words are all initials
// ("Donald J. Trump", "George W. Bush") to the known name without them. A
// stray inner word that is not an initial is left for the store to judge
// with Ungarble: inside an article "Kim Yo Jong" must not become "Kim Jong".
func (t *Tagger) ungarbleInitials(text string) (string, bool) {
	f := strings.Fields(text)
	if len(f) < 3 {
		return "", false
	}
	for _, w := range f[1 : len(f)-1] {
		w = strings.TrimSuffix(w, ".")
		if len([]rune(w)) != 1 || !isCapitalised(w) {
			return "", false
		}
	}
	return t.knownPerson(f[0] + " " + f[len(f)-1])
}
