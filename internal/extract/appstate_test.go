package extract

import (
	"encoding/json"
	"html"
	"testing"
	"unicode/utf8"
)

// discoursePage is an invented forum thread rendered by script, whose only
// record of its posters is the app state in data-preloaded: the topic is a
// JSON text inside the JSON object, HTML-escaped in the attribute.
func discoursePage(topic string) string {
	state := `{"topic_4242":` + jsonString(topic) + `,"site":"{\"categories\":[]}"}`
	return `<html><head><title>Sourdough starter smells of acetone - Bread Makers Forum</title></head>
<body><div class="hidden" id="data-preloaded" data-preloaded="` + html.EscapeString(state) + `"></div>
<h1>Sourdough starter smells of acetone</h1>
<noscript><p>My starter smells like nail polish remover after two days in the fridge, is it dead?</p></noscript>
</body></html>`
}

// jsonString quotes s as a JSON string.
func jsonString(s string) string {
	out := []byte{'"'}
	for _, r := range s {
		switch r {
		case '"', '\\':
			out = append(out, '\\', byte(r))
		default:
			out = append(out, string(r)...)
		}
	}
	return string(append(out, '"'))
}

// A Discourse thread's first poster, named only in its preloaded app
// state, is a byline candidate of the app_state source: the author of post
// number 1, not of the first post the stream lists.
func TestAppStatePosterCandidate(t *testing.T) {
	topic := `{"post_stream":{"posts":[{"id":77,"post_number":2,"username":"crumbwise"},{"id":76,"post_number":1,"username":"levain_lou","name":"Lou"}]},"details":{"created_by":{"username":"levain_lou"}}}`
	_, feature := bylineFeaturesOf(t, discoursePage(topic))
	if feature("levain_lou", "src_app_state") != 1 {
		t.Error("the thread's first poster is no app_state candidate")
	}
}

// Without post number 1 in the stream (a thread opened further down), the
// topic's creator is the first poster.
func TestAppStatePosterCreatedBy(t *testing.T) {
	topic := `{"post_stream":{"posts":[{"id":90,"post_number":31,"username":"crumbwise"}]},"details":{"created_by":{"username":"levain_lou"}}}`
	if got := preloadedPoster(`{"topic_9":` + jsonString(topic) + `}`); got != "levain_lou" {
		t.Errorf("preloadedPoster = %q, want the topic's creator", got)
	}
	if got := preloadedPoster(`{"topic_9":"not json"}`); got != "" {
		t.Errorf("preloadedPoster of a broken state = %q, want none", got)
	}
}

// FuzzPreloadedPoster: a page's data-preloaded attribute is untrusted JSON
// (a JSON text inside JSON): reading it never panics, and a first poster
// written in a well-formed state is read back as written.
func FuzzPreloadedPoster(f *testing.F) {
	f.Add(`{"topic_1":"{\"post_stream\":{\"posts\":[{\"post_number\":1,\"username\":\"ada\"}]}}"}`, "ada")
	f.Add(`{"topic_1":"{\"details\":{\"created_by\":{\"username\":\"bo\"}}}"}`, "bo")
	f.Add(`{"topic_":"not json","topic_2":7}`, "")
	f.Add(`{"topic_1":"{\"post_stream\":{\"posts\":[{\"post_number\":1}]}`, "x y")
	f.Fuzz(func(t *testing.T, state, username string) {
		preloadedPoster(state)
		if username == "" || !utf8.ValidString(username) {
			return
		}
		topic, err := json.Marshal(map[string]any{"post_stream": map[string]any{"posts": []map[string]any{{"post_number": 1, "username": username}}}})
		if err != nil {
			t.Fatal(err)
		}
		wrapped, err := json.Marshal(map[string]string{"topic_9": string(topic)})
		if err != nil {
			t.Fatal(err)
		}
		if got := preloadedPoster(string(wrapped)); got != username {
			t.Fatalf("state %s: poster %q, want %q", wrapped, got, username)
		}
	})
}
