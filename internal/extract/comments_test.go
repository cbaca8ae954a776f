package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// harbourArticle is the first part of the invented news posts below: two
// paragraphs, 56 words.
const harbourArticle = `<p>The harbour board voted on Tuesday to close the old ferry pier for repairs through the spring, after divers found the timber piles rotten below the waterline.</p>` +
	`<p>Boats will dock at the fish quay until the work ends, the board said, and the morning crossing will leave twenty minutes earlier to make up the longer walk.</p>`

// harbourLeads are the first words of harbourArticle's blocks.
var harbourLeads = []string{"The harbour", "Boats will"}

// commentedPost is harbourArticle followed by a readers' comment section
// that only its structure names: two schema.org Comment items in a list
// whose classes say nothing of comments, then a comment form (an action
// that names comments, a textarea).
const commentedPost = `<html><body><div class="entry">` + harbourArticle + `</div>` +
	`<ol class="thread">` +
	`<li itemprop="comment" itemscope itemtype="https://schema.org/Comment"><p>About time, the pier has been shaking under the buses for years now.</p></li>` +
	`<li itemprop="comment" itemscope itemtype="https://schema.org/Comment"><p>Twenty minutes earlier is too early for the school run, sadly.</p></li>` +
	`</ol>` +
	`<form action="/wp-comments-post.php"><p>Leave a reply to this story</p><textarea name="c"></textarea><input type="submit"></form>` +
	`</body></html>`

// commentLeads are the first words of commentedPost's comments.
var commentLeads = []string{"About time,", "Twenty minutes"}

// decideArticleFirst returns the leads of the blocks decideOnProbs keeps
// on page, for a page of this kind, with readers' comments kept or not,
// when the classifier gives the first article blocks 0.9 and every other
// block 0.1 (under the threshold 0.5: a thread the classifier left out).
func decideArticleFirst(t *testing.T, page string, article int, kind string, keepComments bool) []string {
	t.Helper()
	pb, _ := allBlocksKept(t, page)
	pb.keepComments = keepComments
	probs := make([]float64, len(pb.blocks))
	for i := range probs {
		probs[i] = 0.1
		if i < article {
			probs[i] = 0.9
		}
	}
	keep, _ := decideOnProbs(pb, probs, 0.5, kind, 0.9, nil)
	return keptLeads(pb, keep)
}

// Without the switch an article keeps what the classifier keeps: not the
// comments it scored under the threshold. With it, the comment section
// after the article comes back whole but for the form's invitation.
func TestCommentSectionKeptOnlyWithSwitch(t *testing.T) {
	if got := decideArticleFirst(t, commentedPost, 2, kindArticle, false); !slices.Equal(got, harbourLeads) {
		t.Errorf("default: kept %q, want the article alone %q", got, harbourLeads)
	}
	want := append(slices.Clone(harbourLeads), commentLeads...)
	if got := decideArticleFirst(t, commentedPost, 2, kindArticle, true); !slices.Equal(got, want) {
		t.Errorf("with the switch: kept %q, want %q", got, want)
	}
}

// With the switch, a readers' thread the classifier kept is not dropped by
// dropSideMatter's thread rule, which leaves comments out by default.
func TestSwitchKeepsThreadTheClassifierKept(t *testing.T) {
	page := `<html><body><div class="entry">` + harbourArticle + `</div>` +
		`<div class="comments"><div class="comment"><p>About time, the pier has been shaking for years.</p></div>` +
		`<div class="comment"><p>Twenty minutes earlier is too early for the school run.</p></div></div></body></html>`
	all := append(slices.Clone(harbourLeads), commentLeads...)
	if got := decideArticleFirst(t, page, 4, kindArticle, false); !slices.Equal(got, harbourLeads) {
		t.Errorf("default: kept %q, want the article alone %q", got, harbourLeads)
	}
	if got := decideArticleFirst(t, page, 4, kindArticle, true); !slices.Equal(got, all) {
		t.Errorf("with the switch: kept %q, want %q", got, all)
	}
}

// A forum's replies are its content: on a page called a forum, or on one
// called an article whose markup names a DiscussionForumPosting, the
// switch adds nothing; the classifier's choice stands.
func TestSwitchLeavesForumsAlone(t *testing.T) {
	if got := decideArticleFirst(t, commentedPost, 2, "forum", true); !slices.Equal(got, harbourLeads) {
		t.Errorf("forum: kept %q, want the classifier's %q", got, harbourLeads)
	}
	posting := strings.Replace(commentedPost, `<div class="entry">`,
		`<div class="entry" itemscope itemtype="https://schema.org/DiscussionForumPosting">`, 1)
	if got := decideArticleFirst(t, posting, 2, kindArticle, true); !slices.Equal(got, harbourLeads) {
		t.Errorf("forum posting called an article: kept %q, want the classifier's %q", got, harbourLeads)
	}
}

// "Commentary" names an opinion column, not readers' comments: an analysis
// box after the article, classed so, is not taken for comments.
func TestCommentaryIsNoCommentSection(t *testing.T) {
	page := `<html><body><div class="entry">` + harbourArticle + `</div>` +
		`<div class="commentary-box"><p>Analysis: the board waited too long, and the spring closure will cost the town its best weeks.</p></div></body></html>`
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, harbourLeads) {
		t.Errorf("kept %q, want the article alone %q", got, harbourLeads)
	}
}

// An id made from a heading's text names what the heading says: a guide's
// last sections "About responses" and "Replies from the harbour board"
// are no readers' thread.
func TestHeadingAnchorIsNoCommentSection(t *testing.T) {
	page := `<html><body><div class="entry">` + harbourArticle +
		`<section id="about-responses"><p>Each answer the board gives to a question is posted here within a week.</p></section>` +
		`<section id="replies-from-the-harbour-board"><p>The board replied to the fishermen that the slipway stays clear.</p></section>` +
		`</div></body></html>`
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, harbourLeads) {
		t.Errorf("kept %q, want the article alone %q", got, harbourLeads)
	}
}

// A syntax highlighter's "comment" class inside a code block is no
// comment section.
func TestCodeCommentIsNoCommentSection(t *testing.T) {
	page := `<html><body><div class="entry">` + harbourArticle +
		`<pre><span class="hljs-comment"># open the pier log</span>` + "\n" + `tail -f pier.log</pre></div></body></html>`
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, harbourLeads) {
		t.Errorf("kept %q, want the article alone %q", got, harbourLeads)
	}
}

// A comment-named element that wraps the article itself ("comment-article"
// on an opinion site) does not trail it; the readers' comments after the
// article do.
func TestCommentNamedWrapperIsNotTheThread(t *testing.T) {
	page := strings.Replace(commentedPost, `<div class="entry">`, `<div class="comment-article">`, 1) +
		`<div class="related"><p>More from the harbour: the new ferry timetable.</p></div>`
	want := append(slices.Clone(harbourLeads), commentLeads...)
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, want) {
		t.Errorf("kept %q, want the article and its comments %q", got, want)
	}
}

// A comment-named box inside the article (a count of readers' comments
// after its first paragraphs) has more of the article after it than
// before: it is no trailing section, and the switch adds nothing.
func TestCommentBoxInsideArticleIsNotTheThread(t *testing.T) {
	page := `<html><body><div class="entry">` + harbourArticle +
		`<div class="comments-count"><p>Twelve readers have had their say on the pier</p></div>` +
		`<p>Repairs are expected to cost about four million, paid from the harbour fund and a loan the council still has to approve at its meeting next month, the board's chair said.</p>` +
		`<p>Fishermen who land at the quay said they would share it for the spring, though several asked the board to keep the slipway clear for their boats in the early morning hours.</p>` +
		`</div></body></html>`
	pb, _ := allBlocksKept(t, page)
	pb.keepComments = true
	keep, _ := decideOnProbs(pb, []float64{0.9, 0.9, 0.1, 0.9, 0.9}, 0.5, kindArticle, 0.9, nil)
	want := []string{"The harbour", "Boats will", "Repairs are", "Fishermen who"}
	if got := keptLeads(pb, keep); !slices.Equal(got, want) {
		t.Errorf("kept %q, want the article without the count %q", got, want)
	}
}

// Through the whole extraction with the embedded model: the comments are
// left out of the article's text by default and in it with
// news.Page.KeepComments.
func TestExtractKeepsCommentsOnlyWhenAsked(t *testing.T) {
	body := `<html><head><title>Harbour board closes the old ferry pier</title></head><body>` +
		`<h1>Harbour board closes the old ferry pier</h1><div class="entry">` + harbourArticle +
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
