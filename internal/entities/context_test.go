package entities

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/nlp"
)

// The sentences below are our own. Each exercises a name that the rest of
// the document, or the knowledge base, settles.

func TestHongKongChiefExecutiveAndFamilyName(t *testing.T) {
	body := "Chief Executive Carrie Lam suspended the housing bill on Saturday after weeks of marches. " +
		"Lam said the government would listen to the public."
	got := tagger(t).Find(body, day("2019-06-16"))
	check(t, body, got, []want{
		{text: "Carrie Lam", typ: news.Person, actor: "HKGGOV", canonical: "Carrie Lam"},
		// An English given name comes first: her family name is the last
		// word, though Hong Kong names usually put it first.
		{text: "Lam", typ: news.Person, actor: "HKGGOV", canonical: "Carrie Lam"},
	})
	// Out of office she is her territory.
	got = tagger(t).Find(body, day("2023-06-16"))
	check(t, body, got, []want{{text: "Carrie Lam", typ: news.Person, actor: "HKG", canonical: "Carrie Lam"}})
}

func TestKnownPersonWithoutOfficeGetsCountry(t *testing.T) {
	body := "A jury in Manhattan ordered Rudy Giuliani to pay the damages on Friday. Giuliani said he would appeal."
	got := tagger(t).Find(body, day("2023-12-15"))
	check(t, body, got, []want{
		{text: "Rudy Giuliani", typ: news.Person, actor: "USA", canonical: "Rudy Giuliani"},
		{text: "Giuliani", typ: news.Person, actor: "USA", canonical: "Rudy Giuliani"},
		{text: "he", typ: news.Person, actor: "USA", canonical: "Rudy Giuliani"},
	})
}

func TestUSStateNamedLikeCountry(t *testing.T) {
	// An American setting: "federal", a U.S. city that is a seat, other
	// states.
	body := "A federal judge in Washington on Tuesday fined the campaign for misleading two former Georgia poll workers. " +
		"The workers later moved to Ohio, and Georgia officials declined to comment."
	got := tagger(t).Find(body, day("2022-03-01"))
	check(t, body, got, []want{
		{text: "former Georgia poll workers", typ: news.Organization, actor: "USA", canonical: ""},
		{text: "Georgia officials", typ: news.Organization, actor: "USAGOV", canonical: ""},
	})

	// The country: its capital is named, and nothing American.
	body = "Georgia officials said on Tuesday that troops had moved the border fence near Tbilisi. Georgia protested."
	got = tagger(t).Find(body, day("2022-03-01"))
	check(t, body, got, []want{
		{text: "Georgia officials", typ: news.Organization, actor: "GEOGOV", canonical: ""},
		{text: "Georgia", typ: news.Location, actor: "GEO", canonical: "Georgia"},
	})

	// American words beside the country's own signs: the country wins.
	body = "U.S. officials met Georgia's prime minister in Tbilisi on Tuesday, and Georgia agreed to new talks."
	got = tagger(t).Find(body, day("2022-03-01"))
	for _, m := range got {
		if m.Text == "Georgia" && m.Actor != "GEO" {
			t.Errorf("Georgia beside Tbilisi = %q, want GEO\n%s", m.Actor, dump(got))
		}
	}
}

func TestBareSurnameGoesToMostProminentPerson(t *testing.T) {
	body := "Kim Jong Un met the visiting envoy in the capital on Monday. " +
		"Officials said Kim Jong Un had approved the release of three detainees. " +
		"The detainees, Kim Sang Min, Kim Hyun Woo and Peter Kim, flew home on Tuesday. " +
		"The envoy said his next meeting with Kim would take place in June."
	got := tagger(t).Find(body, day("2018-05-10"))
	check(t, body, got, []want{
		{text: "Peter Kim", typ: news.Person, actor: "", canonical: "Peter Kim"},
		{text: "Kim", typ: news.Person, actor: "PRKGOV", canonical: "Kim Jong Un"},
	})

	// One candidate: the short form is that person, however recent.
	body = "Peter Kim, a teacher, was released on Tuesday. Kim flew home."
	got = tagger(t).Find(body, day("2018-05-10"))
	check(t, body, got, []want{{text: "Kim", typ: news.Person, actor: "", canonical: "Peter Kim"}})
}

func TestTheNorthInKoreasArticle(t *testing.T) {
	body := "North Korea blew up a liaison office on Tuesday. South Korea said it would respond strongly if the North took further steps. " +
		"Pyongyang accused the South of failing to stop the leaflets."
	got := tagger(t).Find(body, day("2020-06-16"))
	check(t, body, got, []want{
		{text: "North", typ: news.Location, actor: "PRK", canonical: "North Korea"},
		{text: "South", typ: news.Location, actor: "KOR", canonical: "South Korea"},
	})

	// Elsewhere "the North" is not North Korea, and "the North Atlantic"
	// is never.
	body = "Factories in the North of England closed on Tuesday, and storms crossed the North Atlantic."
	got = tagger(t).Find(body, day("2020-06-16"))
	for _, m := range got {
		if m.Actor == "PRK" || m.Actor == "KOR" {
			t.Errorf("%q coded %s outside an article on the Koreas\n%s", m.Text, m.Actor, dump(got))
		}
	}
	body = "North Korea fired two missiles on Tuesday, and Pyongyang said the tests crossed the North Atlantic of its plans."
	got = tagger(t).Find(body, day("2020-06-16"))
	for _, m := range got {
		if m.Text == "North" || m.Text == "North Atlantic" {
			if m.Actor == "PRK" {
				t.Errorf("%q coded PRK\n%s", m.Text, dump(got))
			}
		}
	}
}

func TestNameDoesNotSwallowVerb(t *testing.T) {
	body := "Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Almaty on Tuesday."
	got := tagger(t).Find(body, day("2024-05-14"))
	check(t, body, got, []want{
		{text: "Nikol Pashinyan", typ: news.Person, actor: "ARMGOV", canonical: "Nikol Pashinyan"},
		{text: "Ilham Aliyev", typ: news.Person, actor: "AZEGOV", canonical: "Ilham Aliyev"},
	})
	// A headline capitalises the verb; a name still holds no two people.
	body = "Pashinyan Meets Aliyev in Almaty\n\nThe two leaders talked for three hours on Tuesday."
	got = tagger(t).Find(body, day("2024-05-14"))
	check(t, body, got, []want{
		{text: "Pashinyan", typ: news.Person, actor: "ARMGOV", canonical: "Nikol Pashinyan"},
		{text: "Aliyev", typ: news.Person, actor: "AZEGOV", canonical: "Ilham Aliyev"},
	})
}

// A model's name that runs into the verb after it ("Nikol Pashinyan met")
// is cut back to the name: a name never ends in a lower-case verb or
// function word.
func TestModelNameEndsBeforeVerb(t *testing.T) {
	body := "Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Almaty."
	a := &analysis{t: tagger(t), d: nlp.Analyze(body)}
	a.words = tokenWords(a.d)
	start, end := -1, -1
	for i, tok := range a.d.Tokens {
		switch tok.Text {
		case "Nikol":
			start = i
		case "met":
			end = i + 1
		}
	}
	if start < 0 || end < 0 {
		t.Fatalf("tokens not found in %q", body)
	}
	s, ok := a.cleanProse(nlp.Entity{Type: nlp.Person, TokStart: start, TokEnd: end})
	if !ok || a.text(s.start, s.end) != "Nikol Pashinyan" {
		t.Errorf("cleanProse(%q) = %q %v, want \"Nikol Pashinyan\"", a.text(start, end), a.text(s.start, s.end), ok)
	}
}
