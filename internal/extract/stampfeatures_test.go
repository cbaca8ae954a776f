package extract

import (
	"slices"
	"strings"
	"testing"
)

// A blog post followed by readers' comments whose elements' class words do
// not name comments: only the stamps ("Posted by: NAME at DATE TIME") and
// the "3 Comments" header tell the thread from the post.
const stampedThreadPage = `<html><body><div class="main">
<h1>Knitting through the heat wave</h1>
<div class="entry">
<p>The city used to cool down at night, whatever the day had been like, and the evenings were for sitting outside with a scarf.</p>
<p>This year the forecast promises a cool evening every day and the evening never comes, so the needles stay in the basket until late.</p>
<p>Still, the summer arm warmers are done: two skeins of cotton, a simple rib, and a seam up the long side of each piece.</p>
<p class="footer">Posted by Laurie at September 10, 2012 9:01 AM</p>
</div>
<h3>3 Comments</h3>
<div class="entry"><p>Sixty degrees for a low when the high is over a hundred sounds like a dream to me, honestly.</p>
<p class="footer">Posted by: Ellen at September 10, 2012 11:40 AM</p></div>
<div class="entry"><p>I am still working on the shawl from last winter, one row a night, and the heat is not helping.</p>
<p class="footer">Posted by: Toni at September 10, 2012 12:11 PM</p></div>
<div class="entry"><p>Come north, where the nights are cold already and the wool comes out in August every year.</p>
<p class="footer">Posted by: Gina at September 10, 2012 12:13 PM</p></div>
</div></body></html>`

func TestBlockStampFeatures(t *testing.T) {
	doc, err := parseHTML([]byte(stampedThreadPage))
	if err != nil {
		t.Fatal(err)
	}
	pb := segmentPage(findBody(doc), nil, nil)
	x := blockFeatures(pb, nil, nil, nil)
	col := func(name string) int {
		c := slices.Index(featureNames, name)
		if c < 0 {
			t.Fatalf("no block feature %q", name)
		}
		return c
	}
	stamp, after, partsAfter, closed := col("stamp"), col("after_comment_header"), col("stamp_parts_after_largest"), col("stamp_part_closed")
	find := func(prefix string) int {
		for i, b := range pb.blocks {
			if strings.HasPrefix(b.text, prefix) {
				return i
			}
		}
		t.Fatalf("no block %q", prefix)
		return -1
	}
	row := func(i int) []float64 { return x[i*numFeatures : (i+1)*numFeatures] }
	post, byline := row(find("The city used")), row(find("Posted by Laurie"))
	ellen, toni := row(find("Posted by: Ellen")), row(find("I am still working"))
	if post[stamp] != 0 || byline[stamp] != 1 || ellen[stamp] != 1 {
		t.Errorf("stamp: post %v, post's byline %v, comment's %v; want 0, 1, 1", post[stamp], byline[stamp], ellen[stamp])
	}
	if post[after] != 0 || toni[after] != 1 {
		t.Errorf("after_comment_header: post %v, comment %v; want 0, 1", post[after], toni[after])
	}
	// The post's prose is the largest stamp part (the one its own byline
	// closes); the second comment lies two parts after it, closed by its
	// own stamp.
	if post[partsAfter] != 0 || toni[partsAfter] != 2 || toni[closed] != 1 {
		t.Errorf("stamp parts: post %v after the largest, comment %v (closed %v); want 0, 2 (1)", post[partsAfter], toni[partsAfter], toni[closed])
	}
}
