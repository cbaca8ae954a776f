package extract

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// The forum's page-kind features. A forum thread and a news post with
// readers' comments under it are both a text followed by dated replies; the
// kind classifiers told them apart by the comment features (threadFeatures)
// and the path words of url_forum, and still called 23 of wcxb's 112
// forum threads articles (session 50), on which the replies were then
// scored as readers' comments and lost. What a thread shows that a news
// page does not, read on those pages (session 51): the forum software's
// address (a forum or community host, a /t/ or showthread path), the
// members' stamps beside each post ("Joined", "Posts: 710"), relative
// stamps on every post ("3 years ago") and schema.org's
// DiscussionForumPosting in the markup.

// forumHostWords are the first labels of a host name that say the site is
// a forum (forum.example.org, community.example.com, discuss.example.io,
// bbs.example.org, boards.example.com). Counted in session 51 on the eight
// sets: 49 of wcxb's 112 forum pages carry one (5 of the 25 the kind
// classifiers called something else), none of wcxb's 1,246 other pages,
// and three pages of the news sets, all three old forum pages cleaneval
// labels as articles.
var forumHostWords = []string{"forum", "forums", "community", "communities", "discuss", "discourse", "bbs", "board", "boards"}

// threadSegments are path segments (lower case, a file extension left
// out) by which forum software addresses a thread: Discourse's and
// JForum's /t/, a link aggregator's /comments/, a message board's
// /boards/. threadScripts are the first words of the scripts old forum
// software serves a thread from (showthread.php, viewthread.php,
// ShowTopic-...). url_forum reads words of the path that name a forum
// anywhere; these are the segments too short or too compound for it.
// Counted in session 51: 11 of the 25 wcxb forums called something else
// carry one, one wcxb article and 12 pages of the news sets (/t/ before a
// slug on one old news site among them).
var (
	threadSegments = []string{"t", "comments", "board", "boards"}
	threadScripts  = []string{"showthread", "showtopic", "viewthread", "showpost"}
)

// threadPath is 1 when a segment of a page's path is one of
// threadSegments or opens with one of threadScripts, else 0.
func threadPath(u *url.URL) float64 {
	for seg := range strings.SplitSeq(strings.ToLower(u.Path), "/") {
		if dot := strings.LastIndexByte(seg, '.'); dot > 0 && len(seg)-dot <= 6 {
			seg = seg[:dot] // an extension of up to five letters: .php, .html, .aspx
		}
		if slices.Contains(threadSegments, seg) {
			return 1
		}
		first := seg[:len(seg)-len(strings.TrimLeft(seg, "abcdefghijklmnopqrstuvwxyz"))]
		if slices.Contains(threadScripts, first) {
			return 1
		}
	}
	return 0
}

// memberStampWords open the short lines forum software sets beside each
// post's author: when the member joined and how much they have written.
// Session 51 counted lines that open with one of them on the text dumps
// of the eight sets: three or more on 27 of wcxb's 112 forums, on 4 of its
// 711 articles and 9 of the news sets' 3,639 pages (a few threads of old
// forums and a photo site's member cards among them).
var memberStampWords = []string{"joined", "registered", "member since", "join date", "posts", "messages", "reaction score", "reputation"}

// memberStampMaxTokens is the most words a member's stamp holds: the word
// or two that open it and a date or count ("Member since: Jan 12, 2019"
// is five), so that a sentence that opens with "Posts" is no stamp.
const memberStampMaxTokens = 5

// agoStampMaxTokens is the most words a block holding a relative stamp
// may have: a post's header line (a name, a stamp, a "via" or an "edited")
// and not a sentence that says "two years ago".
const agoStampMaxTokens = 10

// agoStamp matches a relative time stamp, "3 years ago" or "an hour ago".
var agoStamp = regexp.MustCompile(`(?i)\b(\d+|an?)\s*(second|sec|minute|min|hour|hr|day|week|month|year|yr)s?\s+ago\b`)

// isMemberStamp reports whether a block is a member's stamp: a short
// block that opens with one of memberStampWords as whole words and is the
// word alone (a label whose count is a block of its own), or goes on with
// a colon or holds a digit ("Posts: 412", "Joined Mar 2019"), so that
// "Registered users may comment" is none.
func isMemberStamp(b *block) bool {
	if b.tokens == 0 || b.tokens > memberStampMaxTokens {
		return false
	}
	t := strings.ToLower(strings.TrimSpace(b.text))
	for _, w := range memberStampWords {
		rest, ok := strings.CutPrefix(t, w)
		if !ok || rest != "" && isASCIILetter(rest[0]) {
			continue
		}
		rest = strings.TrimSpace(rest)
		return rest == "" || rest[0] == ':' || b.digits > 0
	}
	return false
}

// isAgoStamp reports whether a block is short and holds a relative time
// stamp.
func isAgoStamp(b *block) bool {
	return b.tokens > 0 && b.tokens <= agoStampMaxTokens && strings.Contains(b.text, "ago") && agoStamp.MatchString(b.text)
}

// forumFeatures are member_stamps and ago_stamps (the log of how many
// blocks are members' stamps and relative stamps) and forum_markup (1 when
// an element is marked a schema.org DiscussionForumPosting or the page's
// JSON-LD names one).
func forumFeatures(pb *pageBlocks, ldTypes string) []float64 {
	var members, agos int32
	for i := range pb.blocks {
		b := &pb.blocks[i]
		if isMemberStamp(b) {
			members++
		}
		if isAgoStamp(b) {
			agos++
		}
	}
	markup := 0.0
	if pb.forumMarkup || ldNamesForumPosting(ldTypes) {
		markup = 1
	}
	return []float64{log1p(members), log1p(agos), markup}
}
