package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Dates that pages write in element attributes outside <time>, <meta> and
// an <abbr>'s title: the machine-readable day behind a visible relative
// time ("2 years ago"), and the creation time of JSON that an attribute
// ships (an app's state). They are what go-htmldate's extensive mode read,
// and storyline did not, on the wcxb pages stripped of their metadata
// where storyline gave no day (docs/measurements/metadata.md, "Session
// 34"); each is a candidate of its own source (dsRelTitle, dsAttrJSON), so
// that the date ranker learns how far to trust it. An attribute of any
// name whose whole value is an ISO instant ("data-published",
// "publishdate", "created-timestamp") was a third source and was not kept:
// it also read build stamps, feeds' and sidebars' items and like buttons'
// days on 137 pages of the eight sets, and cost wcxb left out 7 right
// dates held out (branch s34-date-tried).

// maxRelativeTitle is the longest title or datetime read as the day behind
// a relative time: "Thursday, December 18, 2025 at 9:40:12 AM EST" is 46
// bytes; a longer title is a sentence, not a time.
const maxRelativeTitle = 80

// readRelativeTitle records, where an element's own text is a relative
// time ("Posted: 2 days ago"), the day its title or datetime attribute
// writes in any form parseDate reads (dsRelTitle), as comment systems and
// forums write the exact time behind the relative one. An <abbr>'s title
// is read as a <time> already (readAbbrDate), and a <time>'s datetime too.
// The label is the visible text before the element, then the attribute's
// name.
func (pm *pageMeta) readRelativeTitle(n *html.Node, at int, label string) {
	if n.DataAtom == atom.Time || n.DataAtom == atom.Abbr {
		return
	}
	var rel *bool // whether the element's own text is a relative time, read once and only when needed
	for _, a := range n.Attr {
		if a.Key != "title" && a.Key != "datetime" || len(a.Val) > maxRelativeTitle || !hasFourDigits(a.Val) {
			continue
		}
		if rel == nil {
			v := relativeTimeText(n)
			rel = &v
		}
		if !*rel {
			return
		}
		pm.relTitles = append(pm.relTitles, dated{value: strings.TrimSpace(a.Val), label: label + " " + a.Key, at: at,
			class: classAndID(n), comment: inCommentRegion(n)})
	}
}

// maxRelativeText is the longest own text of an element read as a
// relative time: "Posted: 2 days ago", "a comment's 1 year ago", "Updated
// 3 hours ago" are under 40 bytes; a sentence that says "two years ago" is
// longer.
const maxRelativeText = 60

// relativeTimeText reports whether n's text, at most maxRelativeText bytes,
// is a relative time ("2 years ago", "Posted: 2 days ago", "vor 3
// Stunden", "il y a 2 jours", "hace 4 horas", "2 ore fa", "3 uur geleden",
// "há 2 dias").
func relativeTimeText(n *html.Node) bool {
	var b strings.Builder
	var collect func(*html.Node) bool
	collect = func(x *html.Node) bool {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				// The raw text may hold runs of spaces and newlines that
				// cleanSpace folds; four times the limit is only a bound
				// on the walk (not measured), past which no folding can
				// bring the text under maxRelativeText.
				if b.WriteString(c.Data); b.Len() > 4*maxRelativeText {
					return false
				}
			case html.ElementNode:
				if !collect(c) {
					return false
				}
			}
		}
		return true
	}
	if !collect(n) {
		return false
	}
	t := cleanSpace(b.String())
	return t != "" && len(t) <= maxRelativeText && relativeTime.MatchString(t)
}

// relativeTime is a time written as an amount before now, as comment
// systems, forums and "latest" lists print it, in English, German, French,
// Spanish, Portuguese, Italian and Dutch (written from general knowledge
// of those widgets, not from a page of the sets).
var relativeTime = regexp.MustCompile(`(?i)(?:^|[^\pL\d])(?:\d{1,3}\s*|(?:an?|one)\s+)(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\s+ago(?:$|[^\pL])` +
	`|(?:^|[^\pL])vor\s+(?:\d{1,3}|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)(?:$|[^\pL])` +
	`|(?:^|[^\pL])il y a\s+(?:\d{1,3}|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)(?:$|[^\pL])` +
	`|(?:^|[^\pL])(?:hace|há)\s+(?:\d{1,3}|una?|um|uma)\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|meses|años?|anos?)(?:$|[^\pL])` +
	`|(?:^|[^\pL])(?:\d{1,3}|un|una)\s+(?:secondi|minuti|ore|giorni|settimane|mesi|anni|ora|giorno|mese|anno)\s+fa(?:$|[^\pL])` +
	`|(?:^|[^\pL])(?:\d{1,3}|een)\s+(?:seconden|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaren|jaar)\s+geleden(?:$|[^\pL])`)

// attrJSONDateKey reads, in JSON an attribute holds, an ISO day or
// instant under a key of creation or posting ("created_at":"2024-...",
// "createdAt", "dateCreated", "creation_date", "posted_at", "postedAt"),
// with the quotes escaped as attributes and JSON inside JSON write them
// (`\"`, `&quot;`). The publication keys are read as dsScript already
// (scriptDateKey). It is anchored: readAttrJSONDates tries it only where
// a key can begin (keyStarts), as readScriptDates does, since an app state
// in an attribute can be hundreds of kilobytes.
var attrJSONDateKey = regexp.MustCompile(`^(` + strings.Join(attrJSONDateKeys, "|") + `)(?:\\*"|&quot;)\s*:\s*(?:\\*"|&quot;)((?:19|20)\d{2}-[01]\d-[0-3]\d[0-9T:.+\-Z]{0,25})`)

// attrJSONDateKeys are the keys attrJSONDateKey reads.
var attrJSONDateKeys = []string{"created_at", "createdAt", "dateCreated", "date_created", "creation_date", "creationDate", "posted_at", "postedAt"}

// attrJSONKeyCues are the literals attrJSONDateKeys are found by: "reat"
// in the creation keys, "osted" in the posting ones.
var attrJSONKeyCues = keyCues(attrJSONDateKeys, "reat", "osted")

// readAttrJSONDates records the first creation or posting time of the
// JSON each of an element's attributes holds (dsAttrJSON), with the key as
// label: an app state writes its own object first (a forum thread's first
// post, as Discourse's data-preloaded does) and then replies, users and
// related topics, whose creation times, when every one was read, were picked
// on 6 of the 18 wcxb forum pages stripped of their metadata that they
// dated (held out, 5-fold), the first on the other 12. An attribute is
// searched when it holds a quote or the entity "&quot;": the parser
// decodes entities once, so JSON a template escaped twice
// ("&amp;quot;created_at&amp;quot;") keeps "&quot;" for its quotes, which
// attrJSONDateKey reads as quotes.
func (pm *pageMeta) readAttrJSONDates(n *html.Node, at int) {
	for _, a := range n.Attr {
		if len(a.Val) < minScriptDateLen || !strings.Contains(a.Val, `"`) && !strings.Contains(a.Val, "&quot;") {
			continue
		}
		for _, s := range keyStarts(a.Val, attrJSONKeyCues) {
			if len(pm.attrJSONDates) >= maxDatesPerSource {
				return
			}
			if m := attrJSONDateKey.FindStringSubmatchIndex(a.Val[s:]); m != nil {
				pm.attrJSONDates = append(pm.attrJSONDates, dated{value: a.Val[s+m[4] : s+m[5]], label: a.Val[s+m[2] : s+m[3]], at: at,
					class: classAndID(n), comment: inCommentRegion(n)})
				break // the attribute's first: its own object's
			}
		}
	}
}

// maxPubAttrValue is the longest attribute value readPubAttr reads as a
// day: "2025-06-01T12:34:56.000000+0000" is 31 bytes, and "Mon, 01 Jun
// 2025 12:34:56 GMT" 29; a longer value is a sentence or a list.
const maxPubAttrValue = 40

// readPubAttr records the first attribute outside <meta>, <time> and
// <abbr> (read already, as metadata, a <time> and readAbbrDate) whose name
// says publication or creation (pubAttrName: data-pubdate,
// data-published, data-publish-date, created-timestamp, data-created-at)
// and whose whole value, a short one opening with a digit, is a day or a
// Unix time (parsePubAttrValue):
// the machine-readable time that templates and web components write on a
// post's own element (a <body data-pubdate>, Reddit's <shreddit-post
// created-timestamp>) where the page shows no date. Outside comment
// threads (inCommentRegion): a comment's creation time is the comment's.
// Only the first, and only where every element that carries its name
// gives its day: a listing's cards each carry their own
// (data-posted-date-timestamp on the 60 teasers of a news hub, wcxb
// 2965), so that name on elements of two days dates no page
// (pubAttrList). And only as a last resort (pubAttrDate).
func (pm *pageMeta) readPubAttr(n *html.Node, at int) {
	if pm.pubAttrList || n.DataAtom == atom.Meta || n.DataAtom == atom.Time || n.DataAtom == atom.Abbr {
		return
	}
	for _, a := range n.Attr {
		v := strings.TrimSpace(a.Val)
		if v == "" || len(v) > maxPubAttrValue || v[0] < '0' || v[0] > '9' || !pubAttrName(a.Key) {
			continue
		}
		t, ok := parsePubAttrValue(v)
		if !ok || inCommentRegion(n) {
			continue
		}
		switch {
		case pm.pubAttr == nil:
			pm.pubAttr, pm.pubAttrTime = &dated{value: v, label: a.Key, at: at, class: classAndID(n)}, t
		case a.Key == pm.pubAttr.label && dayKey(t) != dayKey(pm.pubAttrTime):
			pm.pubAttrList = true // items of a list, each with its own day: none is the page's
			return
		}
	}
}

// unixTime is a Unix time in seconds (10 digits) or milliseconds (13),
// with an optional fraction: "1425913200851", "1430384371.209262", as
// scripts write an instant into an attribute.
var unixTime = regexp.MustCompile(`^(\d{10}|\d{13})(?:\.\d+)?$`)

// parsePubAttrValue reads a publication attribute's value: a day in any
// form parseDate reads, or a Unix time (unixTime, in UTC) from 1990 to
// 2100, parseDate's bounds. A
// ten-digit day and hour ("2017031313") read as seconds falls after 2033,
// so afterReading drops it.
func parsePubAttrValue(v string) (time.Time, bool) {
	m := unixTime.FindStringSubmatch(v)
	if m == nil {
		return parseDate(v)
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	t := time.Unix(n, 0).UTC()
	if len(m[1]) == 13 {
		t = time.UnixMilli(n).UTC()
	}
	if t.Before(plausibleFrom) || t.Year() > 2100 { // parseDate's bounds
		return time.Time{}, false
	}
	return t, true
}

// pubAttrName reports whether an attribute's name (the parser gives it in
// small letters) has a word of publication or creation: a word that opens
// with "pub" ("pubdate", "published", "publishdate", "publication"), or
// "created", "creation", "createdat", "posted", "postdate", words split at
// hyphens, underscores and colons. A word of change in the name
// ("updated", "modified", "edited", "changed") says it is not the first
// publication. Not
// "date", "time" or "timestamp" alone: s34-date read every attribute whose
// value is an ISO instant and found build stamps, feed items and like
// buttons' days among them.
func pubAttrName(key string) bool {
	pub := false
	for _, w := range strings.FieldsFunc(key, func(r rune) bool { return r == '-' || r == '_' || r == ':' }) {
		switch {
		case strings.HasPrefix(w, "updat"), strings.HasPrefix(w, "modif"), w == "edited", w == "changed":
			return false
		case strings.HasPrefix(w, "pub"), strings.HasPrefix(w, "created"), w == "creation", w == "createdat", w == "posted", w == "postdate", w == "postedat":
			pub = true
		}
	}
	return pub
}

// pubAttrDate is the day of readPubAttr's attribute as a last-resort
// candidate (MetaCandidate.LastResort), for a page that offers no other
// date: an attribute is no visible date, and an element's name for its
// attribute is a weaker word than a meta tag's, so where the page gives
// its date elsewhere the ranker reads that (s34-date's attribute source,
// read on every page, cost wcxb right dates held out).
func (pm pageMeta) pubAttrDate(now time.Time) []dateCand {
	if pm.pubAttr == nil || pm.pubAttrList {
		return nil
	}
	t := pm.pubAttrTime
	if afterReading(t, now) {
		return nil
	}
	return []dateCand{{t: t, src: dsTime, at: pm.pubAttr.at, label: pm.pubAttr.label, class: pm.pubAttr.class, text: pm.pubAttr.value,
		zone: zoned.MatchString(pm.pubAttr.value), lastResort: true}}
}
