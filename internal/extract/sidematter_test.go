package extract

import (
	"slices"
	"strings"
	"testing"
)

// sideArticle is an invented news post of about 60 words, a sidebar in an
// <aside> and two readers' comments in comment-named elements.
const sideArticle = `<html><body><div class="post">` +
	`<p>The harbour board voted on Tuesday to close the old ferry pier for repairs through the spring, after divers found the timber piles rotten below the waterline.</p>` +
	`<p>Boats will dock at the fish quay until the work ends, the board said, and the morning crossing will leave twenty minutes earlier to make up the longer walk.</p>` +
	`<p>Repairs are expected to cost about four million.</p>` +
	`</div>` +
	`<aside><p>Sign up for the harbour letter and never miss a sailing again.</p></aside>` +
	`<div class="comments"><div class="comment"><p>About time, the pier has been shaking for years.</p></div>` +
	`<div class="comment"><p>Twenty minutes earlier is too early for the school run.</p></div></div>` +
	`</body></html>`

// keptLeads returns the first words of the kept blocks.
func keptLeads(pb *pageBlocks, keep []bool) []string {
	var out []string
	for i, b := range pb.blocks {
		if keep[i] {
			out = append(out, strings.Join(strings.Fields(b.text)[:2], " "))
		}
	}
	return out
}

func TestDropSideMatterDropsAsideAndThread(t *testing.T) {
	pb, keep := allBlocksKept(t, sideArticle)
	dropSideMatter(pb, keep, kindArticle)
	want := []string{"The harbour", "Boats will", "Repairs are"}
	if got := keptLeads(pb, keep); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// A forum's posts sit in comment-named elements and its gold keeps them:
// on a page not called an article only the aside goes.
func TestDropSideMatterKeepsThreadOffArticles(t *testing.T) {
	pb, keep := allBlocksKept(t, sideArticle)
	dropSideMatter(pb, keep, "forum")
	want := []string{"The harbour", "Boats will", "Repairs are", "About time,", "Twenty minutes"}
	if got := keptLeads(pb, keep); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// When the text outside is too short to be the article (under
// minMainWordsBeside words), the aside and the comment-named elements hold
// the page's main text and stay; so does a single comment-named element
// (an article's own wrapper classed "commented").
func TestDropSideMatterKeepsMainTextInside(t *testing.T) {
	for name, page := range map[string]string{
		"short text outside": `<html><body><p>Harbour news.</p>` +
			`<aside><p>The harbour board voted on Tuesday to close the old ferry pier.</p></aside>` +
			`<div class="comment"><p>About time.</p></div><div class="comment"><p>Too early.</p></div></body></html>`,
		"one comment-named wrapper": strings.Replace(sideArticle, `<div class="post">`, `<div class="post commented">`, 1),
	} {
		pb, keep := allBlocksKept(t, page)
		before := keptLeads(pb, keep)
		dropSideMatter(pb, keep, kindArticle)
		got := keptLeads(pb, keep)
		if name == "one comment-named wrapper" {
			// the aside goes (the text outside asides is long), the
			// article's wrapper and the two comments are three comment
			// regions, with no text outside them: all stay
			before = slices.DeleteFunc(before, func(s string) bool { return s == "Sign up" })
		}
		if !slices.Equal(got, before) {
			t.Errorf("%s: kept %q, want %q", name, got, before)
		}
	}
}
