package boilerplate

import (
	"strings"
	"testing"
)

// A German regional news story as a scraper flattens it: an inline "read
// also" teaser inside the text, a newsletter prompt, and a labelled list
// of other stories with a comment-section opener at the end.
const germanStory = `Stadtrat beschließt neue Busspuren an der Hafenstraße

Der Stadtrat hat am Dienstagabend mit großer Mehrheit beschlossen, auf der Hafenstraße zwei neue Busspuren einzurichten. Die Bauarbeiten sollen im Frühjahr beginnen.

Lesen Sie auch: Neue Fahrradbrücke über den Kanal wird eröffnet

Anzeige gegen Unbekannt erstattete die Polizei bereits im Sommer, nachdem Unbekannte mehrere Haltestellen beschädigt hatten.

„Die Busse stehen heute jeden Morgen im Stau“, sagte Verkehrsdezernentin Petra Lang. Die neuen Spuren sollen die Fahrzeit um bis zu zehn Minuten verkürzen.

Abonnieren Sie unseren Newsletter und verpassen Sie keine Nachrichten mehr

Das könnte Sie auch interessieren

Neue Fahrradbrücke über den Kanal wird eröffnet
Wochenmarkt zieht auf den Rathausplatz um
Stadtbibliothek verlängert ihre Öffnungszeiten

3 Kommentare`

func TestGermanChrome(t *testing.T) {
	r := Clean(germanStory)
	for _, chrome := range []string{"Lesen Sie auch", "Newsletter", "Das könnte Sie", "Wochenmarkt", "Kommentare"} {
		if strings.Contains(r.Body, chrome) {
			t.Errorf("body keeps chrome %q:\n%s", chrome, r.Body)
		}
	}
	// "Anzeige" also means a criminal complaint: the sentence stays.
	for _, text := range []string{"Anzeige gegen Unbekannt erstattete", "sagte Verkehrsdezernentin Petra Lang", "Die Bauarbeiten sollen im Frühjahr beginnen."} {
		if !strings.Contains(r.Body, text) {
			t.Errorf("body lost %q:\n%s", text, r.Body)
		}
	}
	if len(r.RelatedHeadlines) < 3 || r.RelatedHeadlines[0] != "Neue Fahrradbrücke über den Kanal wird eröffnet" {
		t.Errorf("related = %q", r.RelatedHeadlines)
	}
}

// Spanish sites put "Lea también:" and capitalised "MIRA:" teasers between
// paragraphs; an interview's speaker named Mira keeps her answers.
func TestSpanishInlineTeasers(t *testing.T) {
	text := `El Gobierno anunció este lunes un aumento del salario mínimo del 8 por ciento a partir de enero, tras semanas de negociación con los sindicatos.

Lea también: Sindicatos convocan una marcha nacional para el viernes

MIRA: Así fue la protesta de los transportistas en la capital

La medida beneficiará a unos dos millones de trabajadores, según el Ministerio de Trabajo.

Mira: Creo que el aumento llega tarde para muchas familias`
	r := Clean(text)
	for _, chrome := range []string{"Lea también", "MIRA:"} {
		if strings.Contains(r.Body, chrome) {
			t.Errorf("body keeps teaser %q:\n%s", chrome, r.Body)
		}
	}
	if !strings.Contains(r.Body, "Mira: Creo que el aumento") {
		t.Errorf("an interview answer was taken for a teaser:\n%s", r.Body)
	}
}

// When the source says which lines were links, a run of short unlinked
// lines (a recipe's ingredients) is article text, and a run of linked
// headlines still goes.
func TestUnlinkedRunsStay(t *testing.T) {
	text := `Grandmother's apple cake is a quick bake for a weekend afternoon, and it keeps well for three days.

Two Large Baking Apples
One Cup Of Brown Sugar
Half A Cup Of Melted Butter

Peel the apples, slice them thinly and fold them into the batter before baking for forty minutes.

Ten Autumn Soups To Warm You Up
Our Favourite Pumpkin Pie Recipes
How To Store Apples Through Winter`
	linked := map[string]bool{
		"Ten Autumn Soups To Warm You Up":    true,
		"Our Favourite Pumpkin Pie Recipes":  true,
		"How To Store Apples Through Winter": true,
	}
	r := CleanWith(text, Options{IsLink: func(s string) bool { return linked[s] }})
	if !strings.Contains(r.Body, "One Cup Of Brown Sugar") {
		t.Errorf("ingredients removed:\n%s", r.Body)
	}
	if strings.Contains(r.Body, "Autumn Soups") || len(r.RelatedHeadlines) != 3 {
		t.Errorf("linked headlines kept: body\n%s\nrelated %q", r.Body, r.RelatedHeadlines)
	}
	// Without link information the ingredient run has a headline list's shape.
	if plain := Clean(text); strings.Contains(plain.Body, "Autumn Soups") {
		t.Errorf("plain text keeps the trailing headline run:\n%s", plain.Body)
	}
}
