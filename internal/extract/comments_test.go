package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// commentedPost is an invented news post of about 60 words followed by a
// readers' comment section that only its structure names: two schema.org
// Comment items in a list whose classes say nothing of comments, then a
// comment form (an action that names comments, a textarea).
const commentedPost = `<html><body><div class="entry">` +
	`<p>The harbour board voted on Tuesday to close the old ferry pier for repairs through the spring, after divers found the timber piles rotten below the waterline.</p>` +
	`<p>Boats will dock at the fish quay until the work ends, the board said, and the morning crossing will leave twenty minutes earlier to make up the longer walk.</p>` +
	`</div>` +
	`<ol class="thread">` +
	`<li itemprop="comment" itemscope itemtype="https://schema.org/Comment"><p>About time, the pier has been shaking under the buses for years now.</p></li>` +
	`<li itemprop="comment" itemscope itemtype="https://schema.org/Comment"><p>Twenty minutes earlier is too early for the school run, sadly.</p></li>` +
	`</ol>` +
	`<form action="/wp-comments-post.php"><p>Leave a reply to this story</p><textarea name="c"></textarea><input type="submit"></form>` +
	`</body></html>`

// commentedPostLeads are the first words of commentedPost's article blocks.
var commentedPostLeads = []string{"The harbour", "Boats will"}

// decideAll returns the leads of the blocks decideOnProbs keeps on page
// when every block has probability p, for a page of this kind, with
// readers' comments kept or not.
func decideAll(t *testing.T, page string, p float64, kind string, keepComments bool) []string {
	t.Helper()
	pb, _ := allBlocksKept(t, page)
	pb.keepComments = keepComments
	probs := make([]float64, len(pb.blocks))
	for i := range probs {
		probs[i] = p
	}
	keep, _ := decideOnProbs(pb, probs, 0.5, kind, 0.9, nil)
	return keptLeads(pb, keep)
}

// By default an article keeps none of the comment section the classifier
// scored over its threshold: not the comments, not the form's invitation.
func TestCommentSectionDroppedFromArticle(t *testing.T) {
	if got := decideAll(t, commentedPost, 0.9, kindArticle, false); !slices.Equal(got, commentedPostLeads) {
		t.Errorf("kept %q, want the article alone %q", got, commentedPostLeads)
	}
}

// With the switch, the comments come back even when the classifier scored
// them under the threshold; the form's invitation does not.
func TestCommentSectionKeptWithSwitch(t *testing.T) {
	pb, _ := allBlocksKept(t, commentedPost)
	pb.keepComments = true
	probs := []float64{0.9, 0.9, 0.1, 0.1, 0.1}
	if len(pb.blocks) != len(probs) {
		t.Fatalf("%d blocks, want %d", len(pb.blocks), len(probs))
	}
	keep, _ := decideOnProbs(pb, probs, 0.5, kindArticle, 0.9, nil)
	want := append(slices.Clone(commentedPostLeads), "About time,", "Twenty minutes")
	if got := keptLeads(pb, keep); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// A forum's replies are its content: on a page called a forum, or on one
// called an article whose markup names a DiscussionForumPosting, nothing
// is dropped and nothing added.
func TestCommentSectionLeftOnForums(t *testing.T) {
	all := append(slices.Clone(commentedPostLeads), "About time,", "Twenty minutes", "Leave a")
	if got := decideAll(t, commentedPost, 0.9, "forum", false); !slices.Equal(got, all) {
		t.Errorf("forum: kept %q, want every block %q", got, all)
	}
	posting := strings.Replace(commentedPost, `<div class="entry">`,
		`<div class="entry" itemscope itemtype="https://schema.org/DiscussionForumPosting">`, 1)
	if got := decideAll(t, posting, 0.9, kindArticle, false); !slices.Equal(got, all) {
		t.Errorf("forum posting called an article: kept %q, want every block %q", got, all)
	}
}

// "Commentary" names an opinion column, not readers' comments: an analysis
// box after the article, classed so, stays.
func TestCommentaryIsNoCommentSection(t *testing.T) {
	page := `<html><body><div class="entry">` +
		`<p>The harbour board voted on Tuesday to close the old ferry pier for repairs through the spring, after divers found the timber piles rotten below the waterline.</p>` +
		`<p>Boats will dock at the fish quay until the work ends, the board said, and the morning crossing will leave twenty minutes earlier to make up the longer walk.</p>` +
		`</div><div class="commentary-box"><p>Analysis: the board waited too long, and the spring closure will cost the town its best weeks.</p></div></body></html>`
	want := append(slices.Clone(commentedPostLeads), "Analysis: the")
	if got := decideAll(t, page, 0.9, kindArticle, false); !slices.Equal(got, want) {
		t.Errorf("kept %q, want the commentary kept %q", got, want)
	}
}

// An id made from a heading's text names what the heading says: a guide's
// last sections "About responses" and "Replies from the board" are its
// text, not a readers' thread.
func TestHeadingAnchorIsNoCommentSection(t *testing.T) {
	page := `<html><body><div class="entry">` +
		`<p>The harbour board voted on Tuesday to close the old ferry pier for repairs through the spring, after divers found the timber piles rotten below the waterline.</p>` +
		`<p>Boats will dock at the fish quay until the work ends, the board said, and the morning crossing will leave twenty minutes earlier to make up the longer walk.</p>` +
		`<section id="about-responses"><p>Each answer the board gives to a question is posted here within a week.</p></section>` +
		`<section id="replies-from-the-harbour-board"><p>The board replied to the fishermen that the slipway stays clear.</p></section>` +
		`</div></body></html>`
	want := append(slices.Clone(commentedPostLeads), "Each answer", "The board")
	if got := decideAll(t, page, 0.9, kindArticle, false); !slices.Equal(got, want) {
		t.Errorf("kept %q, want every block %q", got, want)
	}
}

// A comment-named element that wraps the article itself ("comment-article"
// on an opinion site) does not trail it: the article stays, and the
// readers' comments after it go.
func TestCommentNamedWrapperKeepsArticle(t *testing.T) {
	page := strings.Replace(commentedPost, `<div class="entry">`, `<div class="comment-article">`, 1)
	if got := decideAll(t, page, 0.9, kindArticle, false); !slices.Equal(got, commentedPostLeads) {
		t.Errorf("kept %q, want the article alone %q", got, commentedPostLeads)
	}
}

// A comment-named box inside the article (a count of readers' comments
// after its first paragraphs) has more of the article after it than
// before: it is no trailing section, and the article stays whole.
func TestCommentBoxInsideArticleStays(t *testing.T) {
	page := `<html><body><div class="entry">` +
		`<p>The harbour board voted on Tuesday to close the old ferry pier for repairs through the spring, after divers found the timber piles rotten below the waterline.</p>` +
		`<p>Boats will dock at the fish quay until the work ends, the board said, and the morning crossing will leave twenty minutes earlier to make up the longer walk.</p>` +
		`<div class="comments-count"><p>Twelve readers have had their say on the pier</p></div>` +
		`<p>Repairs are expected to cost about four million, paid from the harbour fund and a loan the council still has to approve at its meeting next month, the board's chair said.</p>` +
		`<p>Fishermen who land at the quay said they would share it for the spring, though several asked the board to keep the slipway clear for their boats in the early morning hours.</p>` +
		`</div></body></html>`
	want := []string{"The harbour", "Boats will", "Twelve readers", "Repairs are", "Fishermen who"}
	if got := decideAll(t, page, 0.9, kindArticle, false); !slices.Equal(got, want) {
		t.Errorf("kept %q, want every block %q", got, want)
	}
}

// Through the whole extraction with the embedded model: the comments are
// left out of the article's text by default and in it with
// news.Page.KeepComments.
func TestExtractKeepsCommentsOnlyWhenAsked(t *testing.T) {
	body := `<html><head><title>Harbour board closes the old ferry pier</title></head><body>` +
		`<h1>Harbour board closes the old ferry pier</h1><div class="entry">` +
		`<p>The harbour board voted on Tuesday to close the old ferry pier for repairs through the spring, after divers found the timber piles rotten below the waterline.</p>` +
		`<p>Boats will dock at the fish quay until the work ends, the board said, and the morning crossing will leave twenty minutes earlier to make up the longer walk.</p>` +
		`<p>Repairs are expected to cost about four million, paid from the harbour fund and a loan the council still has to approve next month.</p>` +
		`</div><div id="comments"><h3>2 comments</h3><ol class="thread">` +
		`<li itemprop="comment" itemscope itemtype="https://schema.org/Comment"><p>About time, the pier has been shaking under the buses for years and nobody on the board seemed to care at all.</p></li>` +
		`<li itemprop="comment" itemscope itemtype="https://schema.org/Comment"><p>Twenty minutes earlier is too early for the school run, and the walk from the fish quay is long in the rain.</p></li>` +
		`</ol></div></body></html>`
	p := news.Page{ID: "pier", URL: "https://harbour.example/2026/03/pier-closes", Kind: news.KindHTML, Body: []byte(body)}
	a, err := Extract(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "timber piles") || strings.Contains(a.Text, "school run") {
		t.Errorf("default: text %q, want the article without the comments", a.Text)
	}
	p.KeepComments = true
	if a, err = Extract(p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "timber piles") || !strings.Contains(a.Text, "school run") || !strings.Contains(a.Text, "shaking under") {
		t.Errorf("with KeepComments: text %q, want the article and both comments", a.Text)
	}
}
