package extract

import (
	"math"
	"strings"
	"testing"
)

// threadPage is a news post of three paragraphs followed by a readers'
// thread of two comments (author, date, text) and a reply form.
const threadPage = `<html><head><title>Council votes to close the old library</title></head><body>
<h1>Council votes to close the old library</h1>
<div class="entry-content">
<p>The town council voted on Tuesday to close the old library on Mill Street by the end of the year, citing the cost of repairs.</p>
<p>Readers will be served by the new branch near the station, which opens longer hours and has room for the archive.</p>
<p>The building, a listed hall of 1904, will be offered to community groups before any sale is considered.</p>
</div>
<div id="comments"><ol class="comment-list">
<li class="comment"><div class="comment-author">Ann</div><div class="comment-date">12 May</div><p>It is a shame to lose the hall, which my family has used for years.</p></li>
<li class="comment"><div class="comment-author">Ben</div><div class="comment-date">13 May</div><p>The new branch is far better for people who work late in the evening.</p></li>
</ol>
<div id="respond"><form><textarea name="comment"></textarea></form></div></div>
</body></html>`

// TestCommentFlagMarksTheThreadOnly: the blocks of a readers' thread carry
// the comment flag (class words "comment", "comments", "respond"), the
// article's paragraphs and headline do not.
func TestCommentFlagMarksTheThreadOnly(t *testing.T) {
	doc, err := parseHTML([]byte(threadPage))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	for _, b := range pb.blocks {
		in := pb.elems[b.elem].inherited&flagComment != 0
		want := strings.HasPrefix(b.text, "Ann") || strings.HasPrefix(b.text, "Ben") || strings.HasSuffix(b.text, " May") ||
			strings.HasPrefix(b.text, "It is a shame") || strings.HasPrefix(b.text, "The new branch is far")
		if in != want {
			t.Errorf("block %q: in comment %v, want %v", b.text, in, want)
		}
	}
	if pb.textareas != 1 {
		t.Errorf("textareas %d, want 1", pb.textareas)
	}
}

// TestThreadFeatures: on the post with a thread, the comments hold part of
// the page, the prose outside them and before them is the article's three
// paragraphs (three fifths of the prose), and the article is the largest run.
func TestThreadFeatures(t *testing.T) {
	doc, err := parseHTML([]byte(threadPage))
	if err != nil {
		t.Fatal(err)
	}
	pb := segment(findBody(doc), nil, nil)
	f := threadFeatures(pb)
	if len(f) != 6 {
		t.Fatalf("%d thread features, want 6", len(f))
	}
	var prose, article float64
	for i := range pb.blocks {
		if isProseBlock(&pb.blocks[i]) {
			prose += float64(pb.blocks[i].chars)
			if pb.elems[pb.blocks[i].elem].inherited&flagComment == 0 {
				article += float64(pb.blocks[i].chars)
			}
		}
	}
	want := article / prose
	if f[0] <= 0 || f[0] >= 0.5 {
		t.Errorf("comment share %.3f, want a part under half", f[0])
	}
	for i, name := range []string{"prose outside comments", "prose before comments"} {
		if math.Abs(f[1+i]-want) > 1e-9 {
			t.Errorf("%s %.3f, want %.3f", name, f[1+i], want)
		}
	}
	if f[3] != math.Log1p(1) {
		t.Errorf("textareas feature %.3f, want log1p(1)", f[3])
	}
	if math.Abs(f[4]-want) > 1e-9 {
		t.Errorf("largest prose run %.3f, want the article's %.3f", f[4], want)
	}
	for _, w := range []string{"commentary", "recommend", "replay"} {
		if isCommentWord(w) {
			t.Errorf("isCommentWord(%q) true", w)
		}
	}
	for _, w := range []string{"comments", "kommentare", "komentarze", "comentarios", "disqus", "reply", "respond"} {
		if !isCommentWord(w) {
			t.Errorf("isCommentWord(%q) false", w)
		}
	}
}
