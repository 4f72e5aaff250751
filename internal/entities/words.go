package entities

// Word lists the rules consult. They are kept small and closed: each names
// a class of word that prose's model is known to mistake for a name, or that
// the rules need to recognise a title or a pronoun. Keys are lower case.

// calendar words: the model takes months and weekdays for places and people.
var calendar = set("january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tomorrow", "tonight")

// honorifics are words put before a name that are not part of it and carry
// no sector: the sector-bearing titles ("President", "Foreign Minister") come
// from the knowledge base's role words.
var honorifics = set("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady",
	"prof", "professor", "rev", "reverend", "father", "sheikh", "gen", "lt", "col",
	"maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "brig", "lieutenant",
	"colonel", "major", "captain", "sergeant", "corporal", "private", "marshal",
	"sen", "rep", "gov", "amb", "st", "hon", "honorable", "honourable", "his", "her",
	"excellency", "majesty", "highness", "comrade", "chairman", "chairwoman",
	"deputy", "acting", "interim", "senior", "top", "chief", "first", "vice",
	"general", "admiral", "commander", "secretary", "president", "minister",
	"premier", "chancellor", "spokesman", "spokeswoman", "spokesperson", "leader",
	"ambassador", "envoy", "king", "queen", "prince", "princess", "emir", "crown",
	"supreme", "foreign", "defence", "defense", "prime", "state", "press", "special",
	"representative", "former", "ex", "late", "then", "elect", "brigadier", "staff",
	"petty", "officer", "spc", "pfc", "specialist", "seaman", "airman")

// lapsed marks a title that no longer holds ("former President Trump"):
// such a title must not give a person an office.
var lapsed = set("former", "ex", "late", "then", "retired", "deposed", "ousted",
	"outgoing", "elect", "designate", "would-be", "candidate", "ex-president")

// directions may stand between a preposition and a place.
var directions = set("north", "south", "east", "west", "northern", "southern", "eastern",
	"western", "central", "northeastern", "northwestern", "southeastern", "southwestern",
	"northeast", "northwest", "southeast", "southwest", "rural", "downtown", "greater")

// determiners opening a description, which the description's span includes.
var determiners = set("the", "a", "an")

// placePreps precede a place rather than an actor: "talks in Pyongyang" is
// a location, "Pyongyang said" the government.
var placePreps = set("in", "at", "near", "into", "across", "outside", "inside",
	"around", "via", "through", "within", "throughout", "toward", "towards")

// compoundSuffixes are the second halves of hyphenated adjectives built on a
// place name ("Seoul-based", "U.S.-led"): the adjective describes something
// else, so it is not a mention of the place.
var compoundSuffixes = set("based", "led", "backed", "run", "born", "made", "owned",
	"funded", "brokered", "controlled", "held", "occupied", "allied", "aligned",
	"sponsored", "bound", "friendly", "linked", "style", "speaking", "dominated",
	"supported", "affiliated", "inspired", "related", "focused", "headquartered",
	"registered", "flagged", "trained", "educated", "raised", "american", "british")

// Personal pronouns the tagger resolves, with their gender. "they" and "it"
// are left alone: they refer to things and groups as often as to people.
var pronouns = map[string]gender{
	"he": male, "him": male, "his": male, "himself": male,
	"she": female, "her": female, "hers": female, "herself": female,
}

type gender int8

const (
	unknownGender gender = iota
	male
	female
)

// genderWords are titles and role nouns that tell a person's gender.
var genderWords = map[string]gender{
	"mr": male, "sir": male, "lord": male, "king": male, "prince": male,
	"spokesman": male, "congressman": male, "businessman": male, "chairman": unknownGender,
	"father": male, "brother": male, "son": male, "husband": male, "emperor": male,
	"sultan": male, "emir": male, "sheikh": male,
	"mrs": female, "ms": female, "miss": female, "dame": female, "lady": female,
	"queen": female, "princess": female, "spokeswoman": female, "congresswoman": female,
	"businesswoman": female, "chairwoman": female, "mother": female, "sister": female,
	"daughter": female, "wife": female, "empress": female, "actress": female,
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// closedClass are function words that the model, seeing them capitalised
// at the start of a sentence or in a heading, can take for a name.
var closedClass = set("i", "we", "you", "he", "she", "it", "they", "me", "us", "him",
	"them", "my", "our", "your", "its", "their", "this", "that", "these", "those",
	"there", "here", "was", "is", "are", "were", "be", "been", "has", "have", "had",
	"will", "would", "can", "could", "should", "may", "might", "must", "do", "does",
	"did", "not", "no", "yes", "and", "or", "but", "if", "then", "when", "while",
	"where", "why", "how", "what", "who", "which", "as", "at", "by", "for", "from",
	"in", "into", "of", "on", "to", "with", "after", "before", "since", "until",
	"however", "meanwhile", "also", "although", "because", "so", "all", "some",
	"many", "most", "more", "other", "such", "each", "every", "both", "either")

// orgHeads are nouns that end an organisation's name.
var orgHeads = set("ministry", "department", "agency", "council", "committee",
	"commission", "party", "league", "union", "association", "federation",
	"organization", "organisation", "institute", "institution", "university",
	"college", "school", "academy", "foundation", "fund", "bank", "corporation",
	"corp", "company", "co", "inc", "ltd", "llc", "plc", "group", "club", "society",
	"army", "navy", "command", "brigade", "brigades", "battalion", "regiment",
	"division", "corps", "front", "movement", "coalition", "alliance", "office",
	"service", "services", "authority", "court", "parliament", "assembly",
	"congress", "senate", "government", "administration", "network", "news",
	"times", "post", "journal", "herald", "tribune", "gazette", "press", "agency",
	"airlines", "airways", "records", "forces", "guard", "police", "directorate",
	"bureau", "secretariat", "mission", "embassy", "consulate", "board", "team",
	"force", "unit", "wing", "squadron", "fleet", "trust", "orchestra", "branch",
	"battery")

// geoHeads are nouns that begin or end a place's name.
var geoHeads = set("mount", "mountain", "mountains", "river", "lake", "sea", "ocean",
	"gulf", "bay", "island", "islands", "peninsula", "valley", "desert", "province",
	"governorate", "district", "county", "region", "city", "village",
	"street", "square", "road", "avenue", "bridge", "airport", "port", "strait",
	"canal", "dam", "border", "plain", "plains", "coast", "highlands", "hills",
	"base", "airbase", "airfield", "barrage", "municipality", "hospital", "camp",
	"fort")

// ethnoReligious are languages and religious or ethnic adjectives that are
// not demonyms of a state: the model takes them for names ("Kurdish",
// "Shia", "Arabic").
var ethnoReligious = set("arab", "arabic", "kurd", "kurdish", "kurmanji", "sorani",
	"persian", "farsi", "pashto", "dari", "urdu", "hebrew", "aramaic", "syriac",
	"turkmen", "assyrian", "chaldean", "shia", "shiite", "shi'ite", "sunni",
	"alawite", "druze", "yazidi", "yezidi", "muslim", "christian", "jewish",
	"islamist", "jihadist", "salafi", "salafist", "wahhabi", "catholic",
	"protestant", "orthodox", "hindu", "sikh", "buddhist", "baluch", "pashtun",
	"tajik", "uzbek", "hazara", "uyghur", "uighur", "rohingya", "tamil", "english",
	"latin", "sanskrit", "swahili", "tagalog", "ilocano", "konkani", "hindi",
	"bengali", "punjabi", "telugu", "yiddish", "esperanto", "catalan", "basque",
	"welsh", "gaelic", "cantonese", "mandarin")

// thingAcronyms abbreviate weapons, devices and techniques, which the
// model and the acronym rule would otherwise take for organisations.
var thingAcronyms = set("ied", "vbied", "svbied", "uav", "ucav", "rpg", "manpads",
	"icbm", "slbm", "irbm", "srbm", "mrbm", "mlrs", "atgm", "apc", "ifv", "mri",
	"ct", "gps", "dna", "ip", "tv", "cctv", "gmt", "utc", "sms", "url", "pdf",
	"id", "hiv", "wmd", "wmds", "covid", "gdp")

// documentHeads end the names of agreed texts and of market indexes ("Dow
// Jones Industrial Average"), which are neither actors nor places.
var documentHeads = set("average", "index", "declaration", "agreement", "accord", "accords", "treaty",
	"communique", "communiqué", "protocol", "memorandum", "charter", "convention")

// timeNouns open sentences ("Hours after the plane landed, ...") where the
// model takes them, capitalised, for names.
var timeNouns = set("hours", "minutes", "seconds", "days", "weeks", "months", "years",
	"moments", "decades", "hour", "minute", "day", "week", "month", "year", "decade")
