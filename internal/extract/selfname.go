package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// selfNameWord is one word of an outlet's name as its furniture writes it:
// a capital or a digit first ("SFist", "The", "7", "B&H"); selfNameRun is
// such words, at most five, joined by spaces or by the lower-case words
// names are joined by ("Centre for Policy", "Voice of the Valley"), at the
// start of what follows a cue. Five words, as titleSitePrefix's parts: the
// longest outlet names of the extraction sets' pages have five.
const (
	selfNameWord = `[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*`
	selfNameRun  = selfNameWord + `(?: (?:(?:of|the|and|for|de|&) )?` + selfNameWord + `){0,4}`
)

// selfNameCues are the general forms in which an outlet names itself in
// its own furniture (membership and donation pitches, newsletter, app and
// follow lines, a credit or copyright line's name before its mark); each
// holds the name in its group "name". Each form is a whole line (^...$)
// or a line's start, as furniture stands on lines of its own; the cue's
// words match in any case, the name only with its capitals.
var selfNameCues = compileSelfNameCues(
	// "Thank you for reading The Kestrel", "Thanks for supporting Kestrel"
	`^(?i:thank you|thanks) for (?i:reading|supporting) (?:the )?`+name()+`[.!]?$`,
	// "Become a Kestrel member", "Become a Kestrel Insider"
	`^(?i:become an?|join) (?:the )?`+name()+` (?i:members?|membership|subscribers?|supporters?|insiders?)\b`,
	// "The Kestrel is reader-funded", "X is member-supported"
	`^`+name()+` (?i:is) (?i:reader|member|listener|viewer)[- ](?i:funded|supported)\b`,
	// "Support The Kestrel's journalism", "Donate to Kestrel": a bare
	// "Support X" line is as often a help desk's link ("Support Desk")
	`^(?i:support) (?:the )?`+name()+`(?:'s|’s)? (?i:journalism|reporting|newsroom|today)[.!]?$`,
	`^(?i:donate to|contribute to) (?:the )?`+name()+`[.!]?$`,
	// "Sign up for The Kestrel's newsletter", "Get the Kestrel newsletter"
	// (not "... daily": "Get X's Top Stories Delivered Daily" runs on)
	`^(?i:sign up for|subscribe to|get) (?:the )?`+name()+`(?:'s|’s)? (?i:newsletters?|briefing)\b`,
	// "Subscribe to The Kestrel" alone on its line
	`^(?i:subscribe to) (?:the )?`+name()+`[.!]?$`,
	// "Follow The Kestrel", "Follow Kestrel on X"
	`^(?i:follow) (?:the )?`+name()+`(?: (?i:on) (?i:x|twitter|facebook|instagram|linkedin|youtube|threads|bluesky|mastodon|tiktok))?$`,
	// "Kestrel on X", "The Kestrel on Facebook" alone on its line
	`^`+name()+` (?i:on) (?i:x|twitter|facebook|instagram|linkedin|youtube|threads|bluesky|mastodon|tiktok)$`,
	// "Get the Kestrel app", "Download the Kestrel App"
	`^(?i:get|download) (?i:the) `+name()+` (?i:app)\b`,
	// "Kestrel Staff", "By Kestrel Staff" alone on its line; "Staff" with
	// its capital, as a byline writes it ("Remaining staff" is a sentence)
	`^(?:(?i:by) )?`+name()+` Staff$`,
	// "The Kestrel ©", "The Kestrel © 2026", "Content Copyright Kestrel TV
	// 2026 ©", "All content © The Kestrel 2026"
	`^(?:(?i:all content|content|text|site) )?(?:(?i:copyright) )?`+name()+`(?: (?:19|20)\d{2}(?:[-–](?:19|20)\d{2})?)? (?:©|\((?i:c)\))(?: (?:19|20)\d{2}(?:[-–](?:19|20)\d{2})?)?\.?$`,
	`^(?i:all content|content|text|site) (?:©|\((?i:c)\)) (?:(?:19|20)\d{2}(?:[-–](?:19|20)\d{2})? )?`+name()+`[.,]?(?: (?i:all rights reserved)\.?)?$`,
)

// name is the named group the cues hold a name in.
func name() string { return `(?P<name>` + selfNameRun + `)` }

// compileSelfNameCues compiles the cues, panicking on a bad one (they are
// constants of this file).
func compileSelfNameCues(cues ...string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(cues))
	for i, c := range cues {
		out[i] = regexp.MustCompile(c)
	}
	return out
}

// selfNameNoName are words that fill a cue's name without naming an
// outlet: pronouns and the generic words of the same lines ("Follow Us",
// "Subscribe to Our Newsletter", "Support Independent Journalism", "Get
// the App"), companies' legal forms left alone ("Inc. ©"), the platforms
// the lines point to, and the map and tile services whose credits end in
// a "©" ("Google ©", "OpenStreetMap ©"). A name all of whose words are
// among them is none.
var selfNameNoName = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`us our me my your you we it this that now here along today free
		the a an and of for on de
		newsletter newsletters updates update comments posts feed rss email e-mail podcast app apps news blog
		share shared like follow tweet pin print post comment join find connect subscribe sign log support help desk groups
		independent local journalism quality reporting community site website page
		inc inc. ltd ltd. llc co. corp. gmbh
		facebook twitter x instagram linkedin youtube tiktok pinterest threads bluesky mastodon whatsapp telegram
		google apple microsoft openstreetmap mapbox openmaptiles leaflet here esri maptiler`) {
		m[w] = true
	}
	return m
}()

// selfNamePronouns open a cue's words that are no name ("Follow Our
// Journey", "Follow Your Dreams").
var selfNamePronouns = map[string]bool{"our": true, "your": true, "my": true, "us": true, "me": true, "his": true, "her": true, "their": true}

// selfNameMinRunes is the fewest characters a name has: two capitals are
// as often a section's or a product's initials ("FA on Facebook", "BW"
// for BusinessWeek, 2 dumps of cleaneval and dragnet) as an outlet's,
// while three-letter outlets (NPR, IGN, CNN) are common.
const selfNameMinRunes = 3

// selfNamed reports whether a cue's name names something: some word of it
// is not in selfNameNoName, its first is no pronoun, it has at least
// selfNameMinRunes characters, and it
// reads as a site's name (plausibleSiteName).
func selfNamed(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || selfNamePronouns[strings.ToLower(words[0])] {
		return false
	}
	some := false
	for _, w := range words {
		if !selfNameNoName[strings.ToLower(strings.Trim(w, ".'’"))] {
			some = true
		}
	}
	return some && len([]rune(name)) >= selfNameMinRunes && strings.ContainsFunc(name, unicode.IsLetter) && plausibleSiteName(name)
}

// selfNameOf is the name a cue finds on one line, "" when none does.
func selfNameOf(line string) string {
	line = cleanSpace(line)
	if line == "" || len(line) > 160 {
		return ""
	}
	for _, re := range selfNameCues {
		m := re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n := strings.TrimRight(m[re.SubexpIndex("name")], ".'’-&")
		n = cleanSiteName(strings.TrimSuffix(strings.TrimSuffix(n, "'s"), "’s"))
		if selfNamed(n) {
			return n
		}
	}
	return ""
}

// dumpSelfName is the name a dump's furniture gives its own outlet
// (selfNameCues): the name found on most lines, the first found on a tie
// (the same name seen twice beats one seen once; one seen once is still
// a name). "" when no line names one.
func dumpSelfName(lines []string) string {
	counts := map[string]int{}
	spelling := map[string]string{}
	var order []string
	for _, l := range lines {
		n := selfNameOf(l)
		if n == "" {
			continue
		}
		k := foldTitle(n)
		if counts[k] == 0 {
			order = append(order, k)
			spelling[k] = n
		}
		counts[k]++
	}
	best := ""
	for _, k := range order {
		if best == "" || counts[k] > counts[best] {
			best = k
		}
	}
	return spelling[best]
}
