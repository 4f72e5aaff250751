package quotes

import "strings"

// Word classes for the attribution grammar. The lists are closed-class
// words and the common nouns that name a speaker; they are small on purpose:
// an attribution rule that needs a word outside them does not fire, which
// leaves the quote unattributed rather than wrongly attributed.

var determiners = set("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
	"these", "those", "some", "many", "several", "most", "few", "both", "all", "each", "another", "other",
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "any", "no", "every", "more", "numerous")

// subjectPronouns can be the speaker of a cue verb.
var subjectPronouns = set("he", "she", "they", "we", "i", "it", "you")

// stopWords end a noun phrase: conjunctions, prepositions, auxiliaries,
// object pronouns and sentence adverbs.
var stopWords = set("and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "when", "where", "while", "as",
	"if", "because", "since", "after", "before", "although", "though", "so", "than", "then", "in", "on", "at", "to",
	"with", "by", "from", "into", "about", "over", "under", "against", "during", "without", "through", "upon", "via",
	"is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
	"can", "could", "should", "may", "might", "must", "shall", "also", "not", "never", "there", "here", "what", "how",
	"why", "just", "even", "only", "yet", "still", "him", "them", "me", "us", "it", "he", "she", "they", "we", "i",
	"you", "however", "meanwhile", "instead", "yesterday", "today", "tonight", "now", "later", "earlier", "again",
	"once", "too", "very", "asked", "like", "unlike", "said", "says", "told", "whether", "until", "of", "for",
	"among", "between", "including", "despite", "except", "toward", "towards", "across", "around", "behind",
	"beyond", "within", "amid", "per", "up", "down", "out", "off", "whatever", "whoever", "where", "this")

// skipAdverbs may stand between a speaker and the cue verb ("Smith also
// said", "Smith has repeatedly said").
var skipAdverbs = set("also", "later", "then", "previously", "once", "again", "repeatedly", "recently", "reportedly",
	"publicly", "privately", "subsequently", "quickly", "further", "simply", "just", "still", "even", "earlier",
	"now", "often", "flatly", "firmly", "bluntly", "openly", "initially", "originally", "has", "have", "had",
	"would", "will", "could", "did", "does", "do", "may", "might", "long", "frequently", "falsely", "wrongly",
	"correctly", "angrily", "calmly", "curtly", "tersely", "separately", "similarly", "likewise", "first",
	"finally", "ultimately", "already", "always", "sometimes", "routinely", "consistently", "directly", "explicitly",
	"specifically", "told", "recently", "personally", "proudly", "confidently", "quietly", "loudly", "jokingly",
	"sarcastically", "famously", "memorably", "emphatically", "candidly", "frankly", "insistently", "defiantly")

// timeWords cannot be speakers, though they are capitalised ("said
// Thursday").
var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
	"december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
	"morning", "afternoon", "evening", "night", "week", "month", "year", "day", "weekend", "today", "yesterday",
	"tonight", "last", "next", "this", "earlier", "later", "early", "late", "tomorrow", "overnight", "recently")

// speakerNouns are common nouns that head a speaker phrase besides the
// actor knowledge base's role words: kinds of people, groups and the
// documents that "say" things.
var speakerNouns = set("people", "person", "source", "analyst", "expert", "critic", "supporter", "opponent",
	"observer", "voter", "economist", "strategist", "pollster", "consultant", "lawyer", "attorney", "candidate",
	"nominee", "republican", "democrat", "member", "chairman", "chairwoman", "chair", "director", "manager",
	"representative", "staffer", "campaign", "committee", "group", "organization", "organisation", "agency",
	"department", "office", "team", "panel", "board", "council", "investigator", "detective", "officer",
	"witness", "friend", "colleague", "relative", "neighbor", "neighbour", "family", "woman", "man", "men",
	"women", "mother", "father", "wife", "husband", "son", "daughter", "sister", "brother", "survivor", "victim",
	"veteran", "fan", "donor", "executive", "founder", "author", "host", "moderator", "anchor", "writer",
	"historian", "scientist", "researcher", "lobbyist", "organizer", "surrogate", "ally", "allies", "partner",
	"billionaire", "mogul", "challenger", "incumbent", "head", "chief", "boss", "owner", "worker", "employee",
	"coach", "player", "official", "aide", "adviser", "advisor", "spokesperson", "spokesman", "spokeswoman",
	"secretary", "senator", "congressman", "congresswoman", "governor", "mayor", "president", "leader",
	"minister", "ambassador", "diplomat", "negotiator", "judge", "prosecutor", "lawmaker", "legislator",
	"report", "statement", "study", "survey", "poll", "analysis", "memo", "letter", "document", "filing",
	"lawsuit", "complaint", "indictment", "release", "website", "ad", "advertisement", "video", "post", "tweet",
	"email", "e-mail", "message", "editorial", "transcript", "record", "white", "house", "administration",
	"government", "ministry", "media", "agency", "newspaper", "network", "company", "firm", "bank", "union",
	"institute", "foundation", "center", "centre", "commission", "authority", "authorities", "police", "military",
	"army", "court", "parliament", "congress", "senate", "assembly", "party", "opposition", "regime", "caucus",
	"speaker", "physician", "doctor", "professor", "teacher", "student", "activist", "protester", "resident",
	"businessman", "businesswoman", "reporter", "journalist", "correspondent", "columnist", "editor", "publisher",
	"commentator", "pundit", "blogger", "guest", "panelist", "audience", "crowd", "counsel", "plaintiff",
	"defendant", "nonprofit", "coalition", "alliance", "association", "society", "cbo", "gop", "announcer",
	"narrator", "questioner", "interviewer", "caller", "piece", "clip", "ruling", "brief", "book", "article",
	"decision", "opinion", "order", "verdict", "bylaws", "platform", "note", "guidance", "citizen", "protesters", "demonstrator", "organizers", "parent", "mom", "dad", "grandmother", "widow",
	"insider", "operative", "official", "delegate", "delegation", "envoy", "negotiator", "economist", "reader",
	"viewer", "listener", "commenter", "user", "customer", "patient", "student", "teenager")

// documentNouns are speaker heads that are texts rather than people; they
// may "say" a quotation but cannot "call" something a name.
var documentNouns = set("report", "statement", "study", "survey", "poll", "analysis", "memo", "letter", "document",
	"filing", "lawsuit", "complaint", "indictment", "release", "website", "ad", "advertisement", "video", "post",
	"tweet", "email", "e-mail", "message", "editorial", "transcript", "record", "piece", "clip", "ruling", "brief",
	"book", "article", "decision", "opinion", "order", "verdict", "bylaws", "platform", "note", "guidance")

// anonymity words are dropped from a generic speaker: "an unnamed U.S.
// official" is the speaker "U.S. official".
var anonymity = set("unnamed", "anonymous", "unidentified")

// personTitles are ranks and honorifics written before a person's name
// ("Rep. Adam Schiff", "Retired Lt. Gen. Michael Flynn"); the name is what
// follows the last of them.
var personTitles = set("del.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "sen", "sen.", "sens.",
	"senator", "rep", "rep.", "reps.", "representative", "gov", "gov.", "governor", "secretary", "gen", "gen.",
	"general", "lt", "lt.", "col", "col.", "sgt", "sgt.", "capt", "capt.", "adm", "adm.", "admiral", "maj", "maj.",
	"judge", "justice", "chairman", "chairwoman", "mayor", "minister", "ambassador", "rev", "rev.", "reverend",
	"sheriff", "prof", "prof.", "professor", "pope", "king", "queen", "prince", "princess", "premier", "chancellor",
	"speaker", "leader", "retired", "former", "commissioner", "director", "attorney", "deputy", "chief",
	"detective", "sergeant", "captain", "lieutenant", "colonel", "commander", "dean", "candidate", "nominee",
	"congressman", "congresswoman", "miss", "sir", "lord", "lady", "dame", "sheikh", "emir", "sultan", "madam",
	"ceo", "founder", "host", "anchor", "moderator", "spokesman", "spokeswoman", "spokesperson", "manager",
	"chair", "adviser", "advisor", "nominee", "pollster", "strategist", "economist", "analyst", "officer")

// orgHeads end the name of an organisation; a run that ends in one is a
// body, not a person with a title before the name ("Justice Department").
var orgHeads = set("department", "committee", "court", "house", "party", "campaign", "administration", "office",
	"agency", "council", "commission", "caucus", "bureau", "service", "ministry", "senate", "congress", "union",
	"institute", "foundation", "center", "centre", "board", "group", "association", "network", "news", "times",
	"post", "journal", "press", "review", "tribune", "herald", "magazine", "company", "corporation", "inc.",
	"corp.", "co.", "bank", "university", "college", "school", "church", "army", "force", "forces", "police",
	"guard", "navy", "assembly", "parliament", "cabinet", "government", "team", "club", "alliance", "coalition",
	"federation", "organization", "organisation", "project", "fund", "trust", "society", "staff", "pentagon",
	"kremlin", "reuters", "politico", "cnn", "msnbc", "abc", "cbs", "nbc", "fox", "npr", "pbs", "gop")

// singular returns the common singular of an English plural, for matching
// speaker nouns ("officials", "aides", "analysts", "allies").
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// stripPossessive removes a trailing "'s" or "’s".
func stripPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if h, ok := strings.CutSuffix(s, suf); ok && h != "" {
			return h
		}
	}
	return s
}

func isPossessive(s string) bool {
	return strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s") || strings.HasSuffix(s, "s'") || strings.HasSuffix(s, "s’")
}
