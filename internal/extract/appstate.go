package extract

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Discourse, forum software that many sites run, renders a thread with
// script and ships the thread in an attribute, data-preloaded, as an app
// state: a JSON object whose "topic_<id>" entry is itself a JSON text
// holding the thread's posts. On some of its pages nothing else names the
// thread's first poster (no JSON-LD, no profile link in the HTML), and a
// forum thread's byline is its first poster (the bench's convention, and
// what the thread's DiscussionForumPosting JSON-LD names where Discourse
// writes one). The reader follows the software's data format, which every
// Discourse site shares, not any one site's markup.

// preloadedAttr is the attribute Discourse ships its app state in.
const preloadedAttr = "data-preloaded"

// discourseTopic is the part of a preloaded topic the byline reads.
type discourseTopic struct {
	PostStream struct {
		Posts []struct {
			PostNumber int    `json:"post_number"`
			Username   string `json:"username"`
		} `json:"posts"`
	} `json:"post_stream"`
	Details struct {
		CreatedBy struct {
			Username string `json:"username"`
		} `json:"created_by"`
	} `json:"details"`
}

// readPreloadedPoster records the first poster of the thread an element's
// data-preloaded app state holds, when the page has none yet.
func (pm *pageMeta) readPreloadedPoster(n *html.Node) {
	if pm.appPoster != "" {
		return
	}
	for _, a := range n.Attr {
		if a.Key == preloadedAttr && strings.Contains(a.Val, `"topic_`) {
			pm.appPoster = preloadedPoster(a.Val)
			return
		}
	}
}

// preloadedPoster is the user name of the thread's first poster in a
// Discourse app state: the author of post number 1, else the topic's
// creator; "" when the state holds no topic or does not parse.
func preloadedPoster(state string) string {
	var entries map[string]json.RawMessage
	if json.Unmarshal([]byte(state), &entries) != nil {
		return ""
	}
	for _, k := range slices.Sorted(maps.Keys(entries)) { // in one order, should a state hold two topics
		if !strings.HasPrefix(k, "topic_") {
			continue
		}
		var text string // the topic is a JSON text inside the JSON
		if json.Unmarshal(entries[k], &text) != nil {
			continue
		}
		var t discourseTopic
		if json.Unmarshal([]byte(text), &t) != nil {
			continue
		}
		for _, p := range t.PostStream.Posts {
			if p.PostNumber == 1 && p.Username != "" {
				return p.Username
			}
		}
		if u := t.Details.CreatedBy.Username; u != "" {
			return u
		}
	}
	return ""
}
