package boilerplate

import "strings"

// The chrome vocabulary in other languages than English. Article pages in
// German, Spanish, French, Portuguese, Italian, Polish and Dutch carry the
// same furniture as English ones — "read also" labels, comment-section
// openers, sharing and newsletter prompts, picture credits — and a page's
// language is not known when its lines are classified, so the words of all
// of them are merged into the English sets. Only phrases that are chrome in
// every context are listed: a word that also opens ordinary sentences
// (German "Anzeige", a complaint; Spanish "Lee", a name) is matched only as
// a whole line or in capitals.

func init() {
	for _, w := range []string{
		// German
		"weitere artikel", "ähnliche artikel", "verwandte artikel", "weitere themen",
		"mehr themen", "neueste artikel", "neueste beiträge", "neue beiträge",
		"letzte beiträge", "ähnliche beiträge", "empfohlene beiträge",
		"empfohlene artikel", "auch interessant", "ebenfalls interessant",
		"das könnte sie auch interessieren", "das könnte dich auch interessieren",
		"das könnte ihnen auch gefallen", "das könnte dir auch gefallen",
		"lesen sie auch", "lies auch", "auch lesen", "zum weiterlesen",
		"schon gelesen", "meistgelesen", "meistgelesene artikel", "meist gelesen",
		"am meisten gelesen", "beliebte artikel", "beliebte beiträge", "top-artikel",
		"videos zum thema", "mehr zum thema", "passend zum thema", "verwandte themen",
		"lust auf mehr", "weitere news", "weitere nachrichten", "mehr news",
		"top-themen", "top themen", "siehe auch", "weitere beiträge",
		// Spanish
		"contenido relacionado", "noticias relacionadas", "artículos relacionados",
		"notas relacionadas", "te puede interesar", "le puede interesar",
		"también te puede interesar", "también le puede interesar",
		"te recomendamos", "le recomendamos", "lo más leído", "más leídas",
		"más leído", "últimas noticias", "más noticias", "lea también",
		"lee también", "vea también", "mira también", "otras noticias",
		// French
		"à lire aussi", "a lire aussi", "lire aussi", "voir aussi",
		"sur le même sujet", "articles similaires", "articles liés",
		"à lire également", "les plus lus", "dernières actualités",
		"vous aimerez aussi", "vous aimerez aussi", "à découvrir aussi",
		// Portuguese
		"leia também", "veja também", "notícias relacionadas", "mais lidas",
		// Italian
		"leggi anche", "potrebbe interessarti", "ti potrebbe interessare",
		"articoli correlati",
		// Polish
		"czytaj też", "czytaj także", "zobacz też", "zobacz także",
		"najczęściej czytane",
		// Dutch
		"lees ook", "gerelateerde artikelen", "meer nieuws",
	} {
		labels[w] = true
	}
	labelPrefixes = append(labelPrefixes,
		"mehr zum thema ", "mehr aus ", "mehr von ", "weitere beiträge ",
		"weitere artikel ", "lesen sie auch ", "más sobre ", "mais sobre ", "altro su ", "więcej o ",
	)
	inlineLabels = append(inlineLabels,
		"lea también", "lee también", "lea más", "lee más", "lea", "mire",
		"vea también", "vea", "ver también", "puedes ver", "puede ver",
		"le puede interesar", "te puede interesar", "también le puede interesar",
		"también te puede interesar", "te recomendamos", "le recomendamos",
		"lesen sie auch", "lesen sie mehr", "lies auch", "auch interessant",
		"mehr zum thema", "siehe auch", "à lire aussi", "a lire aussi",
		"lire aussi", "voir aussi", "leia também", "leia mais", "veja também",
		"leggi anche", "czytaj też", "czytaj także", "zobacz też",
		"zobacz także", "lees ook",
	)
	capsInlineLabels = append(capsInlineLabels, "mira", "lee", "ver")
	for _, w := range []string{
		"kommentare", "keine kommentare", "kommentar schreiben",
		"schreibe einen kommentar", "hinterlasse einen kommentar",
		"kommentar verfassen", "leserkommentare", "comentarios",
		"deja un comentario", "deja tu comentario", "dejar un comentario",
		"commentaires", "laisser un commentaire", "laissez un commentaire",
		"comentários", "deixe um comentário", "deixe seu comentário",
		"komentarze", "dodaj komentarz", "commenti", "lascia un commento",
		"reacties", "reageer",
	} {
		openers[w] = true
	}
	for _, w := range []string{
		"kommentare", "kommentar", "antworten", "antwort", "comentarios",
		"comentario", "respuestas", "commentaires", "commentaire", "réponses",
		"comentários", "komentarze", "komentarzy", "commenti", "reacties",
	} {
		countedComments[w] = true
	}
	chromeCues = append(chromeCues,
		// German
		"teilen mit:", "diesen artikel teilen", "artikel teilen", "beitrag teilen",
		"jetzt teilen", "abonniere unseren newsletter", "abonnieren sie unseren newsletter",
		"newsletter abonnieren", "zum newsletter anmelden", "jetzt zum newsletter",
		"kostenlos zum newsletter", "melden sie sich für", "jetzt abonnieren",
		"jetzt registrieren", "wird geladen", "gefällt mir wird geladen",
		"kategorie:", "kategorien:", "schlagwörter:", "schlagworte:", "foto:",
		"fotos:", "bild:", "bilder:", "titelbild:", "beitragsbild:", "bildquelle:",
		"aktualisiert am", "zuletzt aktualisiert", "letzte änderung",
		"sie sind aktuell nicht eingeloggt", "sie müssen angemeldet sein",
		"du musst angemeldet sein", "artikel bewerten", "bewerten:",
		"alle rechte vorbehalten", "folgen sie uns", "folge uns", "externer inhalt",
		"dieser beitrag enthält werbung", "*werbung", "anzeige:", "anzeige -",
		// Spanish
		"síguenos", "siguenos", "suscríbete", "suscribete", "suscríbase",
		"únete a nuestro", "regístrate", "inicia sesión", "etiquetas:",
		"categoría:", "categorías:", "foto:", "fotografía:", "hazte miembro",
		"comparte esta", "compartir en",
		// French
		"partager sur", "partagez cet", "abonnez-vous", "inscrivez-vous",
		"inscription à", "suivez-nous", "pour lire la suite", "pour accéder",
		"déjà abonné", "lire la suite", "crédit photo", "mots-clés", "mots clés",
		// Portuguese
		"siga-nos", "inscreva-se", "assine a", "compartilhe",
		// Italian
		"seguici", "iscriviti",
		// Polish
		"zapraszamy też do subskrypcji", "zapraszamy do subskrypcji",
		"czytaj dalej",
	)
	for _, w := range []string{
		"teilen", "drucken", "kommentare", "kommentieren", "anzeige", "werbung",
		"abonnieren", "anmelden", "abmelden", "registrieren", "compartir",
		"comentarios", "comentar", "publicidad", "imprimir", "suscribirse",
		"partager", "imprimer", "commentaires", "publicité", "compartilhar",
		"comentários", "publicidade", "udostępnij", "komentarze", "reklama",
		"drukuj", "condividi", "commenti", "pubblicità", "delen", "reacties",
	} {
		uiStrong[w] = true
	}
	for _, w := range []string{
		"mit", "auf", "per", "jetzt", "hier", "artikel", "beitrag", "mehr",
		"alle", "zum", "zur", "den", "diesen", "keine", "el", "la", "por",
		"este", "en", "más", "ver", "sur", "le", "cet", "plus", "aucun",
		"sin", "no", "nos", "na", "z", "i", "su", "di", "op", "via",
	} {
		uiWeak[w] = true
	}
}

// capsInlineLabels open an inline "read also" line only when written in
// capitals ("MIRA: ..."), since in lower case they are also names that
// open an interview's speaker lines.
var capsInlineLabels []string

// capsInlineRelated is inlineRelated for capsInlineLabels.
func capsInlineRelated(orig string) (string, bool) {
	for _, lab := range capsInlineLabels {
		if len(orig) <= len(lab) || orig[:len(lab)] != strings.ToUpper(lab) {
			continue
		}
		if h, ok := afterLabel(orig[len(lab):]); ok {
			return h, true
		}
	}
	return "", false
}
