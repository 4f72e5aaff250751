package nlp

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// article is our own text, typeset as news sites do: curly quotes and
// apostrophes, an em dash, abbreviations and paragraphs.
const article = `U.S. President Donald Trump met North Korean leader Kim Jong-un in Singapore on Tuesday. The White House said the talks went “very well.”

Seoul-based monitoring outlet NK News reported that Pyongyang’s state media had praised the meeting — a rare move. “We won’t stop,” Kim Jong Un’s sister told reporters.

Officials in Washington said the U.S. would keep its sanctions in place until Pyongyang acts.`

func TestOffsetsLocateText(t *testing.T) {
	d := Analyze(article)
	if d.Text != article {
		t.Fatal("Doc.Text is not the input")
	}
	for i, s := range d.Sentences {
		if s.Start < 0 || s.End > len(article) || s.Start >= s.End {
			t.Fatalf("sentence %d has bad span [%d,%d)", i, s.Start, s.End)
		}
		if strings.TrimSpace(article[s.Start:s.End]) != article[s.Start:s.End] {
			t.Errorf("sentence %d %q has surrounding space", i, article[s.Start:s.End])
		}
		for k := s.TokStart; k < s.TokEnd; k++ {
			if d.Tokens[k].Sentence != i {
				t.Errorf("token %d %q: sentence %d, want %d", k, d.Tokens[k].Text, d.Tokens[k].Sentence, i)
			}
		}
	}
	for i, tk := range d.Tokens {
		if got := article[tk.Start:tk.End]; got != tk.Text {
			t.Errorf("token %d: text %q, but [%d,%d) is %q", i, tk.Text, tk.Start, tk.End, got)
		}
		if i > 0 && tk.Start < d.Tokens[i-1].End {
			t.Errorf("token %d %q overlaps the one before", i, tk.Text)
		}
	}
	for _, e := range d.Entities {
		if got := article[e.Start:e.End]; got != e.Text {
			t.Errorf("entity %q: [%d,%d) is %q", e.Text, e.Start, e.End, got)
		}
		if d.Tokens[e.TokStart].Start != e.Start || d.Tokens[e.TokEnd-1].End != e.End {
			t.Errorf("entity %q: token range does not match its bytes", e.Text)
		}
	}
}

func TestSentences(t *testing.T) {
	d := Analyze(article)
	var got []string
	for _, s := range d.Sentences {
		got = append(got, article[s.Start:s.End])
	}
	want := []string{
		"U.S. President Donald Trump met North Korean leader Kim Jong-un in Singapore on Tuesday.",
		"The White House said the talks went “very well.”",
		"Seoul-based monitoring outlet NK News reported that Pyongyang’s state media had praised the meeting — a rare move.",
		"“We won’t stop,” Kim Jong Un’s sister told reporters.",
		"Officials in Washington said the U.S. would keep its sanctions in place until Pyongyang acts.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTokens checks how the words that matter to the entity stage are split
// and tagged.
func TestTokens(t *testing.T) {
	d := Analyze(article)
	toks := map[string]Token{}
	var seq []string
	for _, tk := range d.Tokens {
		toks[tk.Text] = tk
		seq = append(seq, tk.Text)
	}
	joined := " " + strings.Join(seq, " ") + " "
	for _, want := range []string{
		" U.S. President ",     // an abbreviation stays whole
		" Kim Jong-un in ",     // a hyphenated given name stays whole
		" Seoul-based ",        // so does a hyphenated adjective
		" Pyongyang ’s state ", // the possessive is split off
		" Kim Jong Un ’s ",
		" “ We wo n’t stop , ” ", // quotes and clitics are tokens
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("tokens do not contain %q:\n%s", want, joined)
		}
	}
	for text, tag := range map[string]string{
		"’s": "POS", // not "is", and not a proper noun
		"“":  "``",
		"”":  "''",
		"—":  ":",
	} {
		if got := toks[text].Tag; got != tag {
			t.Errorf("%q tagged %q, want %q", text, got, tag)
		}
	}
}

func TestEntities(t *testing.T) {
	d := Analyze(article)
	got := map[string]string{}
	for _, e := range d.Entities {
		got[e.Text] = e.Type
	}
	for text, typ := range map[string]string{
		"U.S.":         Location, // not glued to "President Donald Trump"
		"Donald Trump": Person,
		"Kim Jong-un":  Person, // the model labels only "Kim"
		"Kim Jong Un":  Person, // without the possessive
		"Singapore":    Location,
	} {
		if got[text] != typ {
			t.Errorf("entity %q: type %q, want %q (all: %v)", text, got[text], typ, got)
		}
	}
	for text := range got {
		if strings.Contains(text, "President") || strings.HasSuffix(text, "’s") || strings.Contains(text, "“") {
			t.Errorf("entity %q holds a title, a possessive or a quote", text)
		}
	}
}

func TestSplitQuotes(t *testing.T) {
	for in, want := range map[string]string{
		"'maybe":  "'|maybe",
		"‘leader": "‘|leader",
		"'s":      "'s",
		"’90s":    "’90s",
		"'em":     "'em",
		"word":    "word",
		"'":       "'",
	} {
		if got := strings.Join(splitQuotes(in), "|"); got != want {
			t.Errorf("splitQuotes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEmptyAndBlank(t *testing.T) {
	for _, s := range []string{"", "   ", "\n\n\n"} {
		d := Analyze(s)
		if len(d.Sentences)+len(d.Tokens)+len(d.Entities) != 0 {
			t.Errorf("Analyze(%q) found something: %+v", s, d)
		}
	}
}

func TestLookups(t *testing.T) {
	d := Analyze(article)
	i := strings.Index(article, "Singapore")
	k := d.TokenAt(i)
	if k < 0 || d.Tokens[k].Text != "Singapore" {
		t.Fatalf("TokenAt(%d) = %d", i, k)
	}
	if d.TokenAt(i+1) != -1 {
		t.Error("TokenAt inside a token should be -1")
	}
	if s := d.SentenceOf(i); s != 0 {
		t.Errorf("SentenceOf(%d) = %d, want 0", i, s)
	}
	if s := d.SentenceOf(strings.Index(article, "Officials")); s != 4 {
		t.Errorf("SentenceOf(Officials) = %d, want 4", s)
	}
}

// TestConcurrent runs Analyze from many goroutines: the shared models must
// give every caller the same answer (run with -race).
func TestConcurrent(t *testing.T) {
	want := fmt.Sprint(Analyze(article).Entities)
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 5; n++ {
				if got := fmt.Sprint(Analyze(article).Entities); got != want {
					errs <- got
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent Analyze gave %s, want %s", e, want)
	}
}

// BenchmarkAnalyze reports sentences per second on the test article.
func BenchmarkAnalyze(b *testing.B) {
	Load()
	n := len(Analyze(article).Sentences)
	b.ResetTimer()
	for b.Loop() {
		Analyze(article)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// An abbreviated title and a middle initial keep their period and do not end
// the sentence; a capital after a lower-case word still ends one.
func TestInitialsAndTitleAbbreviations(t *testing.T) {
	d := Analyze("The order came from Lt. Gen. Marcus T. Hollingsworth on Monday. Navy Capt. Adele Brennan agreed. They bought vitamin C. Then they rested.")
	var sents []string
	for _, s := range d.Sentences {
		sents = append(sents, d.Text[s.Start:s.End])
	}
	want := []string{
		"The order came from Lt. Gen. Marcus T. Hollingsworth on Monday.",
		"Navy Capt. Adele Brennan agreed.",
		"They bought vitamin C.",
		"Then they rested.",
	}
	if strings.Join(sents, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n got %q\nwant %q", sents, want)
	}
	var toks []string
	for _, tk := range d.Tokens {
		toks = append(toks, tk.Text)
	}
	for _, w := range []string{"T.", "Capt."} {
		if !slices.Contains(toks, w) {
			t.Errorf("no token %q in %q", w, toks)
		}
	}
	found := false
	for _, e := range d.Entities {
		found = found || e.Text == "Marcus T. Hollingsworth"
	}
	if !found {
		t.Errorf("no entity for the name with its initial: %+v", d.Entities)
	}
}
