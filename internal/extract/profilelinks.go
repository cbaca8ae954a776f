package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// A forum thread's byline is its first post's author, whom forum software
// shows as a link to the poster's profile before the post's text; a news
// page's byline often links to the writer's author page the same way. The
// source reads such links by the shape of their address, which forum and
// publishing software share (/members/, /user/, /u/, /profile/, /author/,
// memberlist.php?mode=viewprofile), not by any site's class names.

// profileHref matches the address of a user's or author's profile page,
// relative ones too: forum software writes "member.php?u=7" without a
// leading slash (a wcxb forum page, session 52).
var profileHref = regexp.MustCompile(`(?i)(?:/(?:users?|u|members?|profiles?|people|authors?|community/profile)/[^/?#]+/?(?:$|[?#])|memberlist\.php\?mode=viewprofile|(?:^|/)(?:member|profile)\.php\?|[?&]showuser=|[?&]action=profile\b|/@[^/?#]+/?$)`)

// profileHrefWords are what every address profileHref matches holds, in
// lower case: a cheap test that spares the regular expression most of a
// page's links (it was 3% of extraction time on msv-chaos).
var profileHrefWords = []string{"user", "/u/", "member", "profile", "people", "author", "/@"}

// mayBeProfileHref reports whether href holds one of profileHrefWords, so
// that profileHref may match it.
func mayBeProfileHref(href string) bool {
	lower := strings.ToLower(href)
	for _, w := range profileHrefWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// maxProfileLinks bounds the profile links recorded on a page: a long
// thread links every post's poster; their number only needs to say "many".
const maxProfileLinks = 64

// maxProfileText is the longest link text read as a poster's name: a
// handle or a name of four words. Longer texts are a post title or "View
// the full profile of ...". Not swept.
const maxProfileText = 40

// readProfileLink records a link to a profile page and its text (empty
// for an avatar's image link, which still counts).
func (pm *pageMeta) readProfileLink(n *html.Node, at int) {
	if len(pm.profiles) >= maxProfileLinks {
		return
	}
	if href := attr(n, "href"); !mayBeProfileHref(href) || !profileHref.MatchString(href) {
		return
	}
	pm.profiles = append(pm.profiles, dated{value: cleanSpace(textOf(n)), at: at})
}

// firstProfileName is the text of the first profile link after the
// headline (or on the page when it has none) that reads as a name or a
// handle, with its position; ok is false when there is none.
func (pm pageMeta) firstProfileName() (name string, at int, ok bool) {
	for _, p := range pm.profiles {
		if pm.h1At >= 0 && p.at <= pm.h1At {
			continue
		}
		if p.value == "" || len(p.value) > maxProfileText || isLabelOnly(p.value) || len(cleanNames([]string{p.value})) != 1 {
			continue
		}
		return p.value, p.at, true
	}
	return "", 0, false
}

// profileNames counts the distinct texts of the page's profile links: one
// or two on an article (its writers), many on a thread (every poster) or
// a listing (every post's author).
func (pm pageMeta) profileNames() int {
	seen := map[string]bool{}
	for _, p := range pm.profiles {
		if p.value != "" {
			seen[visibleKey(p.value)] = true
		}
	}
	return len(seen)
}
