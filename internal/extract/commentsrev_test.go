package extract

import (
	"errors"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// Probes of the comment-section switch (news.Page.KeepComments) with
// invented pages where a comment-named element is not readers' comments,
// or where readers' comments are written in ways the first tests did not
// try. Each runs decideArticleFirst: the classifier keeps the article's
// two blocks and scores every other block under the threshold.

// withHarbour wraps the invented article and what follows it in a page.
func withHarbour(after string) string {
	return `<html><body><div class="entry">` + harbourArticle + `</div>` + after + `</body></html>`
}

// A data table's "comments" column after the article is no readers'
// thread: its cells are never a section.
func TestTableCommentsColumnIsNoCommentSection(t *testing.T) {
	page := withHarbour(`<table class="berths"><tr><th>Berth</th><th class="comments">Comments</th></tr>` +
		`<tr><td>North quay</td><td class="comment">Closed until the spring work on the rotten piles ends.</td></tr>` +
		`<tr><td>Fish quay</td><td class="comment">Open to the ferry from the first of the month on.</td></tr></table>`)
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, harbourLeads) {
		t.Errorf("kept %q, want the article alone %q", got, harbourLeads)
	}
}

// A "Commentary" section (an id or class that names an opinion piece)
// after the article is no readers' thread.
func TestCommentarySectionIsNoCommentSection(t *testing.T) {
	page := withHarbour(`<section id="commentary"><h2>Commentary</h2>` +
		`<p>The board waited too long, and the spring closure will cost the town its best weeks of trade.</p></section>`)
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, harbourLeads) {
		t.Errorf("kept %q, want the article alone %q", got, harbourLeads)
	}
}

// A search or contact form with a text box after the article is a form
// the switch finds as a section, but its own text is the form's: nothing
// is added.
func TestContactFormAddsNothing(t *testing.T) {
	page := withHarbour(`<form action="/contact" class="tip-box"><p>Seen something at the harbour? Tell the newsroom what happened and where.</p>` +
		`<textarea name="tip"></textarea><input type="email" name="from"><input type="submit" value="Send"></form>` +
		`<form action="/search"><textarea name="q"></textarea><p>Search the archive of harbour stories back to the year 1998.</p></form>`)
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, harbourLeads) {
		t.Errorf("kept %q, want the article alone %q", got, harbourLeads)
	}
}

// A comment section placed before the article (a "latest comments" box
// at the top of the page) does not trail it: nothing is added.
func TestCommentSectionBeforeArticleIsNotAdded(t *testing.T) {
	page := `<html><body><div id="comments"><p>Latest: the old ferry timetable was better for the school run, says a reader.</p></div>` +
		`<div class="entry">` + harbourArticle + `</div></body></html>`
	pb, _ := allBlocksKept(t, page)
	pb.keepComments = true
	keep, _ := decideOnProbs(pb, []float64{0.1, 0.9, 0.9}, 0.5, kindArticle, 0.9, nil)
	if got := keptLeads(pb, keep); !slices.Equal(got, harbourLeads) {
		t.Errorf("kept %q, want the article alone %q", got, harbourLeads)
	}
}

// A thread of nested replies (WordPress's "children" lists inside each
// comment) comes back whole, replies in their places.
func TestNestedRepliesKeptInOrder(t *testing.T) {
	page := withHarbour(`<ol class="comment-list">` +
		`<li class="comment"><div class="comment-body"><p>About time, the pier has been shaking for years now.</p></div>` +
		`<ol class="children"><li class="comment"><div class="comment-body"><p>Agreed, and the buses made it worse every winter.</p></div>` +
		`<ol class="children"><li class="comment"><div class="comment-body"><p>The buses stopped using it two years ago, though.</p></div></li></ol>` +
		`</li></ol></li>` +
		`<li class="comment"><div class="comment-body"><p>Twenty minutes earlier is too early for the school run.</p></div></li></ol>`)
	want := append(slices.Clone(harbourLeads), "About time,", "Agreed, and", "The buses", "Twenty minutes")
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// Threads named in German, Spanish and French are readers' threads as
// much as English "comments" ones: "kommentare", "comentarios",
// "commentaires" (which "commentar", the prefix of "commentary", must not
// hide).
func TestCommentSectionsInOtherLanguages(t *testing.T) {
	want := append(slices.Clone(harbourLeads), commentLeads...)
	for _, name := range []string{`id="kommentare"`, `class="comentarios"`, `id="commentaires"`, `class="liste-commentaires"`} {
		page := withHarbour(`<div ` + name + `><div><p>About time, the pier has been shaking for years now.</p></div>` +
			`<div><p>Twenty minutes earlier is too early for the school run.</p></div></div>`)
		if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, want) {
			t.Errorf("%s: kept %q, want %q", name, got, want)
		}
	}
}

// A text dump is read the same with KeepComments as without; a page of
// a comment section alone has no content either way.
func TestKeepCommentsLeavesDumpsAndEmptyPagesAlone(t *testing.T) {
	dump := "Harbour board closes the old ferry pier\n" +
		"The harbour board voted on Tuesday to close the old ferry pier for repairs through the spring, after divers found the timber piles rotten below the waterline.\n" +
		"Boats will dock at the fish quay until the work ends, the board said, and the morning crossing will leave twenty minutes earlier to make up the longer walk.\n" +
		"2 Comments\n" +
		"About time, the pier has been shaking under the buses for years and nobody on the board seemed to care at all.\n"
	p := news.Page{ID: "dump", Kind: news.KindText, Body: []byte(dump)}
	a, err := Extract(p)
	if err != nil {
		t.Fatal(err)
	}
	p.KeepComments = true
	b, err := Extract(p)
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != b.Text {
		t.Errorf("dump: text %q with KeepComments, %q without", b.Text, a.Text)
	}
	empty := news.Page{ID: "empty", Kind: news.KindHTML, KeepComments: true,
		Body: []byte(`<html><body><div id="comments"><form action="/comment"><textarea></textarea></form></div></body></html>`)}
	if _, err := Extract(empty); !errors.Is(err, ErrNoContent) {
		t.Errorf("a comment form alone: error %v, want ErrNoContent", err)
	}
}

// A sidebar's "recent comments" widget after the article (WordPress's
// widget_recent_comments, in an <aside>) is a list of other posts'
// commenters, not this article's thread: the switch adds nothing of it.
// An <aside> that is itself the thread is still added.
func TestRecentCommentsWidgetInAsideIsNotAdded(t *testing.T) {
	page := withHarbour(`<aside class="sidebar"><div class="widget widget_recent_comments"><h3>Recent comments</h3><ul>` +
		`<li>Margaret Ellison on the new ferry timetable for the coming spring season</li>` +
		`<li>Thomas Okafor on the lighthouse keepers who are leaving the island this year</li></ul></div></aside>`)
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, harbourLeads) {
		t.Errorf("kept %q, want the article alone %q", got, harbourLeads)
	}
	thread := withHarbour(`<aside id="comments" class="comments-area"><div class="comment"><p>About time, the pier has been shaking for years now.</p></div>` +
		`<div class="comment"><p>Twenty minutes earlier is too early for the school run.</p></div></aside>`)
	want := append(slices.Clone(harbourLeads), commentLeads...)
	if got := decideArticleFirst(t, thread, 2, kindArticle, true); !slices.Equal(got, want) {
		t.Errorf("a thread in an <aside>: kept %q, want %q", got, want)
	}
}

// An ASP.NET WebForms page wraps its whole body in one <form>: the thread
// under the article is still added, and the comment form's own text is
// still not.
func TestCommentsInsidePageWideFormAreAdded(t *testing.T) {
	page := `<html><body><form id="aspnetForm" action="story.aspx?id=12" method="post"><div class="entry">` + harbourArticle + `</div>` +
		`<div id="comments"><div class="item"><p>About time, the pier has been shaking for years now.</p></div>` +
		`<div class="item"><p>Twenty minutes earlier is too early for the school run.</p></div>` +
		`<div class="post-comment"><p>Leave a reply to this story</p><textarea name="c"></textarea><input type="submit"></div></div>` +
		`</form></body></html>`
	want := append(slices.Clone(harbourLeads), commentLeads...)
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// A thread's chrome made of links ("Reply | Permalink" under each
// comment, "Older comments" at its foot) is not added with the comments
// (maxCommentLinkShare).
func TestCommentLinkChromeIsNotAdded(t *testing.T) {
	page := withHarbour(`<div id="comments">` +
		`<div class="comment"><p>About time, the pier has been shaking for years now.</p>` +
		`<p class="meta"><a href="#r1">Reply to this comment</a> | <a href="#c1">Permalink to this comment</a></p></div>` +
		`<div class="comment"><p>Twenty minutes earlier is too early for the school run.</p></div>` +
		`<p class="nav"><a href="?cpage=2">Older comments on the harbour pier story</a></p></div>`)
	want := append(slices.Clone(harbourLeads), commentLeads...)
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// The fields of a comment form inside the thread stay out with
// --comments even when they are classed as comment sections of their own
// (WordPress's "comment-form-identity": dragnet R108 had its log-in lines
// added at the first fix of the page-wide form, s48-commentsrev).
func TestCommentFormFieldsClassedAsSectionsAreNotAdded(t *testing.T) {
	page := withHarbour(`<div id="comments"><div class="item"><p>About time, the pier has been shaking for years now.</p></div>` +
		`<div class="item"><p>Twenty minutes earlier is too early for the school run.</p></div>` +
		`<form id="commentform" action="/post"><div class="comment-form-identity"><p>Fill in your details below or click an icon to log in to the site.</p></div>` +
		`<div class="comment-form-notice"><p>You are commenting using your account on the harbour site, log out or change it.</p></div>` +
		`<textarea name="c"></textarea><input type="submit"></form></div>`)
	want := append(slices.Clone(harbourLeads), commentLeads...)
	if got := decideArticleFirst(t, page, 2, kindArticle, true); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}
