package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// signatureThread is an invented forum thread: two posts, each with its
// member's signature under it, in the markup phpBB and XenForo use.
const signatureThread = `<html><body><div class="thread">` +
	`<div class="post"><p>My apple tree dropped half its fruit in July, small and green, and the rest look fine so far.</p>` +
	`<div class="signature"><p>Growing old varieties on clay since the last century.</p></div></div>` +
	`<div class="post"><p>That is the June drop come late: the tree sheds what it cannot feed, so thin the rest by hand next year.</p>` +
	`<div class="message-signature"><p>Allotment 14, the one with the leaning shed.</p></div></div>` +
	`</div></body></html>`

func TestDropSignaturesOnForums(t *testing.T) {
	pb, keep := allBlocksKept(t, signatureThread)
	dropSignatures(pb, keep, kindForum)
	want := []string{"My apple", "That is"}
	if got := keptLeads(pb, keep); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// Off a forum's thread an element classed a signature may hold the text
// itself (the names under an open letter): nothing is dropped, unless the
// markup names a forum's thread.
func TestDropSignaturesOnlyOnThreads(t *testing.T) {
	pb, keep := allBlocksKept(t, signatureThread)
	dropSignatures(pb, keep, kindArticle)
	if got := keptLeads(pb, keep); len(got) != 4 {
		t.Errorf("article: kept %q, want all four blocks", got)
	}
	marked := strings.Replace(signatureThread, `<div class="thread">`,
		`<div class="thread" itemscope itemtype="https://schema.org/DiscussionForumPosting">`, 1)
	pb, keep = allBlocksKept(t, marked)
	dropSignatures(pb, keep, kindArticle)
	if got, want := keptLeads(pb, keep), []string{"My apple", "That is"}; !slices.Equal(got, want) {
		t.Errorf("marked thread called an article: kept %q, want %q", got, want)
	}
}

func TestIsSignatureElement(t *testing.T) {
	for class, want := range map[string]bool{
		"signature": true, "message-signature": true, "ipsSignature": true, "post-signature owner": true,
		"signatures-list": true, "sig": false, "design": false, "signal": false, "": false,
	} {
		doc, err := parseHTML([]byte(`<html><body><div class="` + class + `">x</div></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		n := findBody(doc).FirstChild
		if got := isSignatureElement(n); got != want {
			t.Errorf("class %q: %v, want %v", class, got, want)
		}
	}
}

// End to end: a thread marked DiscussionForumPosting keeps its posts and
// not its members' signatures.
func TestExtractLeavesSignaturesOut(t *testing.T) {
	body := strings.Replace(signatureThread, `<div class="thread">`,
		`<h1>Apples dropping in July</h1><div class="thread" itemscope itemtype="https://schema.org/DiscussionForumPosting">`, 1)
	body = strings.Replace(body, "<html>", "<html><head><title>Apples dropping in July - Example Growers Forum</title></head>", 1)
	a, err := Extract(news.Page{Kind: news.KindHTML, URL: "https://forum.example.org/t/apples-dropping/12", Body: []byte(body)})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if !strings.Contains(a.Text, "June drop") || strings.Contains(a.Text, "leaning shed") || strings.Contains(a.Text, "old varieties") {
		t.Errorf("text %q: want the posts without their signatures", a.Text)
	}
}
