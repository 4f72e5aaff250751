package boilerplate

import (
	"strings"
	"unicode"
)

// kind is what a line looks like on its own, before its position is known.
type kind int

const (
	kText          kind = iota // anything else; kept unless position says otherwise
	kSentence                  // ends like a sentence: article text
	kHeadline                  // short, capitalised, unpunctuated: a headline's shape
	kLabel                     // announces a list of other stories ("Related Articles")
	kInlineRelated             // a label and a headline on one line ("READ MORE: ...")
	kByline                    // "By Jane Doe", "Jane Doe, Staff Writer"
	kMeta                      // dates, times, read times, "Updated ..."
	kChrome                    // buttons, forms, credits, notices, navigation
	kOpener                    // opens a comment section ("Leave a Reply", "3 comments")
)

// Shape limits. Headlines on news sites run from about 3 to 15 words; a
// title may be a little longer, and anything longer is a paragraph.
const (
	minRun           = 3  // unlabelled headline lines needed to call them a list
	maxHeadlineWords = 16 // longest headline in a list
	maxTitleWords    = 20 // longest title; also what counts as a short line
)

// chromeKind reports whether lines of kind k are removed wherever they stand.
func chromeKind(k kind) bool {
	switch k {
	case kLabel, kInlineRelated, kByline, kMeta, kChrome, kOpener:
		return true
	}
	return false
}

// isBodyText reports whether l reads as article prose.
func isBodyText(l line) bool {
	return l.kind == kSentence || l.kind == kText && l.words > maxTitleWords
}

// classify sets l's kind (and byline or inline headline text) from the line
// alone. The order matters: lines carrying quoted speech are never chrome,
// because a one-line quote paragraph is the article's most valuable kind of
// text and can be short.
func classify(l *line) {
	s := l.text
	l.words = len(strings.Fields(s))
	// Chrome is short: no rule below looks at lines longer than this, so
	// paragraphs skip them all.
	chromeLen := l.words <= 60
	speech := chromeLen && hasSpeech(s)
	if chromeLen && !speech && l.words <= 20 {
		if a, ok := parseByline(s); ok {
			l.kind, l.author = kByline, a
			return
		}
		if isLabel(s) {
			l.kind = kLabel
			return
		}
		// Before datelines: "READ MORE: Seoul and Tokyo agree ..." has a
		// colon dateline's shape.
		if h, ok := inlineRelated(s); ok {
			l.kind, l.relText = kInlineRelated, h
			return
		}
	}
	if d, ok := parseDateline(s); ok {
		l.dateline = true
		l.kind = kText
		if endsSentence(d.rest) {
			l.kind = kSentence
		}
		return
	}
	if chromeLen && !speech {
		if isOpener(s) {
			l.kind = kOpener
			return
		}
		if isMeta(s) {
			l.kind = kMeta
			return
		}
		if isChrome(s) {
			l.kind = kChrome
			return
		}
	}
	switch {
	case endsSentence(s):
		l.kind = kSentence
	case headlineLike(s, false):
		l.kind = kHeadline
	default:
		l.kind = kText
	}
}

// ---- labels and related headlines ----

// labels are the headings sites put over lists of other stories.
var labels = set(
	"related", "related articles", "related stories", "related news",
	"related content", "related coverage", "related posts", "related reading",
	"read more", "read next", "read also", "also read", "see also",
	"more stories", "more news", "more headlines", "more on this story",
	"more on this topic", "more to read", "more articles", "more like this",
	"you may also like", "you might also like", "you may also be interested in",
	"you might be interested in", "recommended", "recommended for you",
	"recommended stories", "recommended reading", "most popular", "most read",
	"most viewed", "most shared", "popular", "popular now", "trending",
	"trending now", "trending stories", "latest", "latest news",
	"latest stories", "top stories", "top news", "editor's picks",
	"editors' picks", "what to read next", "don't miss", "in other news",
	"further reading", "in case you missed it", "up next", "watch next",
	"headlines", "more",
)

// labelPrefixes start section-specific labels ("More from World").
var labelPrefixes = []string{
	"more from ", "more in ", "more about ", "more on ", "also on ",
	"also in ", "latest from ", "latest in ", "stories from ",
	"more stories from ", "popular in ", "trending in ",
}

// inlineLabels may share a line with the headline they point to.
var inlineLabels = []string{
	"read more", "related", "see also", "also read", "read also", "read next",
	"watch", "recommended", "don't miss", "don’t miss", "must read", "more on this",
	"related story", "related article", "related coverage", "explainer",
}

// labelText lower-cases s and strips the punctuation that decorates labels.
func labelText(s string) string {
	t := strings.ToLower(normQuotes(stripBullet(s)))
	t = strings.TrimRight(t, " :»>›….-–—|!?")
	return strings.TrimSpace(t)
}

// isLabel reports whether s is a heading for a list of other stories.
func isLabel(s string) bool {
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "...") {
		return false
	}
	t := labelText(s)
	if labels[t] {
		return true
	}
	if len(strings.Fields(t)) > 4 {
		return false
	}
	for _, p := range labelPrefixes {
		if strings.HasPrefix(t, p) && len(t) > len(p) {
			return true
		}
	}
	return false
}

// inlineRelated reports whether s is a label followed by a headline on the
// same line ("READ MORE: Seoul and Tokyo agree ..."), and returns the
// headline.
func inlineRelated(s string) (string, bool) {
	orig := strings.TrimSpace(stripBullet(s))
	for _, lab := range inlineLabels {
		if len(orig) <= len(lab) || !strings.EqualFold(orig[:len(lab)], lab) {
			continue
		}
		if h, ok := afterLabel(orig[len(lab):]); ok {
			return h, true
		}
	}
	return capsInlineRelated(orig)
}

// afterLabel returns the headline in rest, what follows a label on its
// line, when a separator opens rest.
func afterLabel(rest string) (string, bool) {
	for _, sep := range []string{":", " - ", " – ", " — ", " | ", " >"} {
		if strings.HasPrefix(rest, sep) {
			h := strings.TrimSpace(rest[len(sep):])
			return h, headlineLike(h, true)
		}
	}
	return "", false
}

// ---- comment sections ----

// openers are the lines a comment section starts with.
var openers = set(
	"comments", "comment", "leave a reply", "leave a comment", "post a comment",
	"add a comment", "join the conversation", "join the discussion",
	"show comments", "view comments", "load comments", "comments are closed",
	"comments closed", "reader comments", "discussion", "conversation",
	"have your say", "what do you think",
)

// countedComments are the nouns of "12 comments", "3 thoughts on ...".
var countedComments = set("comment", "comments", "thought", "thoughts", "response", "responses", "reply", "replies")

// isOpener reports whether s opens a comment section.
func isOpener(s string) bool {
	t := labelText(s)
	if i := strings.LastIndex(t, "("); i > 0 && strings.HasSuffix(t, ")") && allDigits(t[i+1:len(t)-1]) {
		t = strings.TrimSpace(t[:i])
	}
	if openers[t] || hasPrefixWord(t, "leave a reply") || hasPrefixWord(t, "leave a comment") {
		return true
	}
	ws := strings.Fields(t)
	return len(ws) >= 2 && len(ws) <= 15 && allDigits(ws[0]) && countedComments[ws[1]]
}

// ---- dates and times ----

var months = set(
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)

var weekdays = set(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)

// metaWords may stand in a date, time or read-time line besides numbers,
// months and weekdays.
var metaWords = set(
	"am", "pm", "a.m", "p.m", "utc", "gmt", "bst", "est", "edt", "cst", "cdt",
	"pst", "pdt", "kst", "jst", "cet", "cest", "ist", "et", "pt", "hkt", "sgt",
	"aest", "at", "on", "of", "a", "an", "about", "hour", "hours", "hr", "hrs",
	"minute", "minutes", "min", "mins", "second", "seconds", "day", "days",
	"week", "weeks", "month", "months", "year", "years", "updated", "update",
	"published", "posted", "modified", "last", "first", "originally", "date",
	"time", "estimated",
)

// isMeta reports whether s holds nothing but a date, a time, a relative age
// ("3 hours ago") or a read time, optionally after "Updated"/"Published" and
// before a short "by ..." credit.
func isMeta(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 15 {
		return false
	}
	anchor, read, num := false, false, false
	for i, w := range ws {
		n := normWord(w)
		switch {
		case n == "":
		case n == "by" && i > 0:
			return anchor && len(ws)-i-1 <= 3
		case months[n], weekdays[n], n == "ago", n == "yesterday", n == "today":
			anchor = true
		case isYear(n), isClock(n), isNumDate(n):
			anchor = true
		case isNumberish(n):
			num = true
		case n == "read" || n == "reading":
			read = true
		case metaWords[n]:
		default:
			return false
		}
	}
	return anchor || read && num
}

// ---- chrome ----

// chromeCues open lines that are page furniture whatever follows them.
var chromeCues = []string{
	"your email address will not be published", "required fields are marked",
	"save my name, email", "notify me of", "this site uses akismet",
	"you must be logged in", "logged in as", "click to share", "click to email",
	"click to print", "click here to", "share this", "share on ", "share via",
	"like this:", "like loading", "sign up for", "sign up to", "sign up now",
	"sign up here", "subscribe to", "subscribe now", "subscribe for",
	"subscribe here", "get the latest", "get our ", "stay informed",
	"stay up to date", "don't miss out", "never miss", "enter your email",
	"follow us", "advertisement", "sponsored content", "paid content",
	"story continues below", "article continues below", "continue reading",
	"scroll to continue", "skip to", "back to top", "image source",
	"image caption", "image copyright", "media caption", "photo:", "photos:",
	"photograph:", "picture:", "pictured:", "image:", "caption:", "file photo",
	"photo credit", "(photo", "(image", "(file photo", "credit:", "photo by ",
	"tags:", "topics:", "filed under", "posted in ", "categories:",
	"category:", "download the ", "download our ", "listen to this article",
	"listen to article", "print this", "report an error", "report a typo",
	"log in", "sign in", "already a subscriber", "create an account",
	"create a free account", "register now", "this article was originally",
	"this story was originally", "this article first appeared",
	"this story first appeared", "a version of this story",
}

// uiStrong are words that only page controls use in a line of their own.
var uiStrong = set(
	"share", "shares", "sharing", "like", "loading", "reply", "replies",
	"comment", "comments", "email", "e-mail", "website", "print", "subscribe",
	"newsletter", "newsletters", "login", "logout", "register", "follow",
	"advertisement", "advertising", "advertisements", "sponsored", "ad", "ads",
	"button", "click", "tap", "menu", "search", "skip", "tags", "tagged",
	"topics", "copy", "facebook", "twitter", "x", "whatsapp", "linkedin",
	"reddit", "pinterest", "telegram", "tumblr", "pocket", "flipboard",
	"threads", "bluesky", "mastodon", "instagram", "youtube", "tiktok",
	"messenger", "sms", "bookmark", "permalink", "rss", "embed", "cancel",
	"save", "tweet", "retweet", "mail", "upvote", "downvote", "signup",
)

// uiWeak are words that page controls share with prose.
var uiWeak = set(
	"this", "on", "a", "an", "the", "to", "top", "back", "in", "up", "us",
	"via", "leave", "name", "post", "sign", "log", "read", "more", "less",
	"home", "next", "previous", "prev", "content", "main", "article", "story",
	"new", "window", "tab", "opens", "open", "close", "toggle", "view", "show",
	"hide", "load", "all", "see", "related", "continue", "continues",
	"reading", "below", "above", "listen", "audio", "gift", "report", "here",
	"now", "our", "your", "my", "with", "and", "or", "of", "for", "it", "page",
	"site", "web", "link", "links", "options", "settings", "full", "screen",
	"fullscreen", "free", "daily", "weekly", "alerts", "app", "get",
)

// isChrome reports whether s is page furniture: a control, a form field, a
// credit or caption, a legal or cookie notice, or navigation.
func isChrome(s string) bool {
	ws := strings.Fields(s)
	n := len(ws)
	if !hasLetterOrDigit(s) {
		return true // separators: "|", "* * *", "—"
	}
	lower := strings.ToLower(normQuotes(s))
	// Form fields: "Name *", "Email (required)".
	if n <= 6 && (strings.HasSuffix(s, "*") || strings.HasSuffix(lower, "(required)")) {
		return true
	}
	if n <= 30 {
		for _, cue := range chromeCues {
			if hasPrefixWord(lower, cue) {
				return true
			}
		}
	}
	if n <= 25 && (strings.Contains(s, "©") || strings.Contains(lower, "all rights reserved") ||
		hasPrefixWord(lower, "copyright") && n > 1 && (isYear(normWord(ws[1])) || ws[1] == "©" || lower[len("copyright"):] == "")) {
		return true
	}
	return isCookieNotice(lower, n) || isCredit(s, n) || isCaption(s, lower, n) ||
		isBreadcrumb(ws) || isMenu(ws) || isUILine(ws)
}

// isCookieNotice reports a consent banner: the site speaking about its own
// cookies, not a story about cookies.
func isCookieNotice(lower string, n int) bool {
	if n > 60 || !strings.Contains(lower, "cookie") {
		return false
	}
	if !containsAny(lower, "we ", "our ", "you ", "your ") {
		return false
	}
	return containsAny(lower, "we use cookies", "uses cookies", "use of cookies",
		"cookie policy", "cookie settings", "cookie preferences", "accept cookies",
		"accept all cookies", "manage cookies", "cookies to ")
}

// creditCues open agency credit lines ("(Reporting by Jane Doe; Editing by
// John Roe)"); a capitalised name must follow, so that "Reporting by the
// BBC found ..." stays.
var creditCues = []string{
	"reporting by ", "additional reporting by ", "editing by ", "writing by ",
	"compiled by ", "edited by ",
}

func isCredit(s string, n int) bool {
	if n > 30 {
		return false
	}
	t := strings.TrimLeft(s, "( ")
	lower := strings.ToLower(t)
	for _, cue := range creditCues {
		if strings.HasPrefix(lower, cue) {
			return startsUpper(t[len(cue):])
		}
	}
	return false
}

// photoWords mark a parenthesis or tail as a picture credit.
var photoWords = []string{
	"photo", "image", "getty", "credit", "courtesy", "picture", "handout",
	"pool", "file", " via ", "supplied", "shutterstock", "/",
}

// agencies are wire services and picture agencies that sign credits.
var agencies = set(
	"ap", "afp", "reuters", "epa", "efe", "epa-efe", "xinhua", "yonhap", "kcna",
	"ansa", "dpa", "anadolu", "bloomberg", "pa", "kyodo", "tass", "bernama",
	"aap", "upi", "getty", "images", "photo", "via", "and",
)

// isCaption reports a photo caption or credit: a line that ends with a
// parenthesised credit ("(AFP/Getty Images)", "(KCNA via Reuters)") or with
// a "Photo: ..." tail.
func isCaption(s, lower string, n int) bool {
	if n > 45 {
		return false
	}
	if strings.HasSuffix(s, ")") {
		if o := strings.LastIndex(s, "("); o >= 0 {
			inner := " " + strings.ToLower(s[o+1:len(s)-1]) + " "
			iw := strings.Fields(inner)
			if len(iw) >= 1 && len(iw) <= 8 {
				if containsAny(inner, photoWords...) {
					return true
				}
				all := true
				for _, w := range iw {
					all = all && agencies[normWord(w)]
				}
				if all {
					return true
				}
			}
		}
	}
	for _, cue := range []string{"photo:", "photograph:", "credit:", "picture:", "photo by "} {
		if i := strings.LastIndex(lower, cue); i > 0 {
			if tail := strings.Fields(lower[i:]); len(tail) <= 8 {
				return true
			}
		}
	}
	return false
}

// isBreadcrumb reports navigation trails: "Home > World > Asia",
// "News / World / Asia", "Home | World | Asia | Korea".
func isBreadcrumb(ws []string) bool {
	if len(ws) > 15 {
		return false
	}
	arrows, slashes, bars := 0, 0, 0
	seg, longest := 0, 0
	for _, w := range ws {
		switch w {
		case ">", "›", "»", "→":
			arrows++
		case "/":
			slashes++
		case "|", "•", "·":
			bars++
		default:
			seg++
			longest = max(longest, seg)
			continue
		}
		seg = 0
	}
	switch {
	case arrows >= 1 || slashes >= 2:
		return longest <= 4
	case bars >= 3:
		return longest <= 2
	}
	return false
}

// menuWords are section names that navigation bars list.
var menuWords = set(
	"home", "news", "world", "politics", "business", "economy", "markets",
	"tech", "technology", "science", "health", "sport", "sports", "football",
	"opinion", "culture", "arts", "entertainment", "lifestyle", "style",
	"travel", "food", "video", "videos", "audio", "podcasts", "podcast", "live",
	"weather", "climate", "education", "local", "national", "international",
	"us", "u.s", "uk", "asia", "europe", "africa", "americas", "middle", "east",
	"australia", "latest", "more", "search", "menu", "subscribe", "login",
	"newsletters", "games", "obituaries", "jobs", "cars", "environment",
	"investigations", "analysis", "features", "photos", "pictures",
)

// kickerWords label the kind of story above its title ("Breaking news",
// "Exclusive", "Live updates").
var kickerWords = set(
	"breaking", "exclusive", "live", "updates", "update", "developing",
	"explainer", "analysis", "opinion", "editorial", "commentary", "interview",
	"watch", "video", "gallery", "special", "report", "news", "feature",
	"review", "comment", "factbox", "insight",
)

// isMenu reports a navigation bar (capitalised section names, nothing
// else) or a kicker of one or two such words ("Breaking News", "world").
func isMenu(ws []string) bool {
	if len(ws) <= 2 {
		for _, w := range ws {
			if n := normWord(w); !menuWords[n] && !kickerWords[n] {
				return false
			}
		}
		return len(ws) > 0
	}
	if len(ws) > 15 {
		return false
	}
	hits, total := 0, 0
	for _, w := range ws {
		n := normWord(w)
		if n == "" || n == "and" || w == "&" {
			continue
		}
		if !startsUpper(w) {
			return false
		}
		total++
		if menuWords[n] {
			hits++
		}
	}
	return total >= 3 && hits*10 >= total*7
}

// isUILine reports a short line made of control vocabulary ("Share this:",
// "Post Comment", "Click to share on WhatsApp (Opens in new window)"). One
// unknown word is allowed when the line also has a connector, for "Follow
// Newsgraph on Twitter"; "Twitter sues X" has none and stays.
func isUILine(ws []string) bool {
	if len(ws) == 0 || len(ws) > 12 {
		return false
	}
	strong, unknown, total := 0, 0, 0
	connector := false
	for _, w := range ws {
		n := normWord(w)
		if n == "" {
			continue
		}
		total++
		switch {
		case uiStrong[n]:
			strong++
		case uiWeak[n]:
			connector = connector || n == "on" || n == "us" || n == "via" || n == "to" || n == "in"
		default:
			unknown++
		}
	}
	if total == 0 || strong == 0 {
		return false
	}
	return unknown == 0 || unknown == 1 && strong >= 2 && total >= 3 && connector
}

// ---- bylines ----

// bylinePrefixes open bylines, longest first.
var bylinePrefixes = []string{"written by ", "words by ", "story by ", "text by ", "by "}

// roleWords mark the "Jane Doe, Staff Writer" byline form.
var roleWords = set(
	"writer", "reporter", "correspondent", "editor", "contributor",
	"columnist", "journalist", "producer", "staff", "bureau", "desk",
)

// nameConnectors may stand lower-case inside a personal or agency name.
var nameConnectors = set(
	"and", "&", "de", "da", "del", "der", "van", "von", "bin", "al", "la", "le",
	"du", "dos", "y", "di",
)

// parseByline reports whether s is a byline and returns the names in it:
// "By Jane Doe and John Roe, Reuters", "BY JANE DOE", "By Jane Doe in
// Seoul", "Jane Doe, Staff Writer", "Jane Doe | June 12, 2024".
func parseByline(s string) (string, bool) {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 14 || endsSentence(s) && !strings.HasSuffix(s, ")") {
		return "", false
	}
	lower := strings.ToLower(s)
	for _, p := range bylinePrefixes {
		if !strings.HasPrefix(lower, p) {
			continue
		}
		names, aff := splitAffiliation(strings.TrimSpace(s[len(p):]), true)
		if nameLike(names, 1, 8) && len(strings.Fields(aff)) <= 6 {
			return names, true
		}
		return "", false
	}
	if names, aff := splitAffiliation(s, false); aff != "" && nameLike(names, 2, 4) {
		for _, w := range strings.Fields(aff) {
			if roleWords[normWord(w)] && len(strings.Fields(aff)) <= 6 {
				return names, true
			}
		}
	}
	parts := splitAny(s, " | ", " · ", " • ")
	if len(parts) >= 2 && nameLike(parts[0], 2, 4) {
		for _, p := range parts[1:] {
			if !isMeta(p) {
				return "", false
			}
		}
		return parts[0], true
	}
	return "", false
}

// roleLine reports a short unpunctuated line naming a journalist's role,
// as printed under a byline: "Asia correspondent, Tokyo", "Staff Writer".
func roleLine(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 6 || endsSentence(s) {
		return false
	}
	for _, w := range ws {
		if roleWords[normWord(w)] {
			return true
		}
	}
	return false
}

// splitAffiliation cuts a byline into its names and what follows them (an
// agency, a role, a place). withIn also cuts at " in " and " for ", which
// only follow names after "By".
func splitAffiliation(s string, withIn bool) (names, aff string) {
	cut := len(s)
	seps := []string{",", " | ", " - ", " — ", " – ", " · "}
	if withIn {
		seps = append(seps, " in ", " for ")
	}
	for _, sep := range seps {
		if i := strings.Index(s, sep); i >= 0 && i < cut {
			cut = i
		}
	}
	names = strings.TrimSpace(s[:cut])
	aff = strings.TrimSpace(strings.TrimLeft(s[cut:], ",|-—–· "))
	if strings.HasPrefix(aff, "in ") || strings.HasPrefix(aff, "for ") {
		aff = aff[strings.IndexByte(aff, ' ')+1:]
	}
	return names, aff
}

// nameLike reports whether s is a sequence of capitalised name tokens (with
// lower-case connectors), between min and max capitalised tokens, none of
// them a month or weekday ("By Tuesday, ...").
func nameLike(s string, min, max int) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > max+2 {
		return false
	}
	caps := 0
	for i, w := range ws {
		n := normWord(w)
		if n == "" || months[n] || weekdays[n] {
			return false
		}
		if nameConnectors[n] && i > 0 && !startsUpper(w) {
			continue
		}
		if !startsUpper(w) {
			return false
		}
		for _, r := range w {
			if unicode.IsDigit(r) {
				return false
			}
		}
		caps++
	}
	return caps >= min && caps <= max
}

// hasSpeech reports quoted speech with a speech verb: such a line is article
// text even when it is short.
func hasSpeech(s string) bool {
	if !strings.ContainsAny(s, "\"“”«»") {
		return false
	}
	for _, w := range strings.Fields(s) {
		switch normWord(w) {
		case "said", "says", "say", "told", "tells", "added", "adds", "asked",
			"wrote", "writes", "stated", "according", "insisted", "warned":
			return true
		}
	}
	return false
}
