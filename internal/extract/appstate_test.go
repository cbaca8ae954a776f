package extract

import (
	"html"
	"testing"
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
