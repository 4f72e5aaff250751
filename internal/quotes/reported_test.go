package quotes

import "testing"

// TestReportedFrames checks the reported-speech frames one sentence at a
// time: each case lists the reported quotes wanted, as text and speaker,
// and no other reported quote may be found.
func TestReportedFrames(t *testing.T) {
	cases := []struct {
		name, body string
		want       [][2]string // text, speaker
	}{
		{"appositive subject, not an inverted cue",
			"Dana Whitlow runs the food bank. Dana Whitlow, the director of the food bank, said the shelves were nearly empty.",
			[][2]string{{"the shelves were nearly empty", "Dana Whitlow"}}},
		{"appositive subject before a pronoun",
			"Omar Lindqvist, the county's budget chief, said he and his staff had found the missing funds.",
			[][2]string{{"he and his staff had found the missing funds", "Omar Lindqvist"}}},
		{"inverted cue with an appositive",
			"The bridge will reopen in May, said Priya Castellanos, a spokeswoman for the transit agency.",
			[][2]string{{"The bridge will reopen in May", "Priya Castellanos"}}},
		{"relative clause before the main cue",
			"Hal Brenner, who said the audit was routine, said he had nothing to hide.",
			[][2]string{{"the audit was routine", "Hal Brenner"}, {"he had nothing to hide", "Hal Brenner"}}},
		{"parenthetical cue",
			"The new budget, Marta Ilves said, would protect the libraries.",
			[][2]string{{"The new budget, Marta Ilves said, would protect the libraries", "Marta Ilves"}}},
		{"parenthetical cue with a participle is no content",
			"The budget is balanced, Marta Ilves said, citing the new tax figures.",
			[][2]string{{"The budget is balanced", "Marta Ilves"}}},
		{"percentage of respondents",
			"Sixty-two percent of the voters surveyed said the economy was their top concern.",
			[][2]string{{"the economy was their top concern", "Sixty-two percent of the voters surveyed"}}},
		{"counts in words",
			"About three in 10 say they have not decided yet.",
			[][2]string{{"they have not decided yet", "About three in 10"}}},
		{"count after a verb is not part of the subject",
			"The survey found 40 percent of parents said the schools had improved.",
			[][2]string{{"the schools had improved", "40 percent of parents"}}},
		{"restrictive relative clause",
			"The measure is backed by residents who say the park is unsafe at night.",
			[][2]string{{"the park is unsafe at night", "residents"}}},
		{"head before its complement",
			"Aides to the governor say she will sign the bill next week.",
			[][2]string{{"she will sign the bill next week", "Aides to the governor"}}},
		{"document with a participle",
			"A court filing released Tuesday said the company had destroyed records.",
			[][2]string{{"the company had destroyed records", "court filing"}}},
		{"according to a described source",
			"According to early results of a survey conducted by the university, turnout fell sharply.",
			[][2]string{{"turnout fell sharply", "early results of a survey"}}},
		{"call for",
			"Mayor Ines Okafor called for an independent review of the police budget.",
			[][2]string{{"an independent review of the police budget", "Ines Okafor"}}},
		{"a verb before a count gives no speaker of its own",
			"Critics argued the plan found little support.",
			[][2]string{{"the plan found little support", "Critics"}}},
	}
	for _, c := range cases {
		doc := annotate(c.body, day("2021-03-04"))
		var got [][2]string
		for _, q := range doc.Quotes {
			if !q.Direct {
				got = append(got, [2]string{q.Text, q.Speaker})
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: got %q, want %q", c.name, got[i], c.want[i])
			}
		}
	}
}
