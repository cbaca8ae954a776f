package extract

// Readers' comments under an article are the largest part of what the block
// classifier keeps that the old news sets' gold leaves out (read in session
// 25 on the quick check's held-out pages: of the words kept after the
// article's last gold block, threads under "Posted by: NAME at DATE TIME"
// stamps and "N Comments" headers come first, then teaser lists). The
// comment features (flagComment, the page's comment share) see a thread
// only when its elements' class or id words name comments; many do not
// (a blog's `<div class="entry">` for every post and every comment alike).
// The text-dump line classifier reads the same threads by their stamps
// (lines.go: stampLines, cutAtStamps; "Readers' comments: timestamp and
// headline features" in docs/measurements/extraction.md gave the dumps
// five news .896 -> .910): the same features, read over a page's blocks,
// which are what the dump's lines are cut from.

// stampFeatureNames names the thread features, in the order stampCues.put
// writes them: a comment-section header and what follows one, then the
// timestamp features (putStamps) and the stamp parts' (stampParts.put), as
// the line classifier reads them.
var stampFeatureNames = []string{
	"comment_header", "after_comment_header",
	"stamp", "stamps_near", "stamps_before", "stamps_after", "stamps_since_largest",
	"stamps_total", "stamp_gap_spread", "prose_before_first_stamp", "prose_between_stamps", "largest_stamp_part",
	"stamp_part_share", "stamp_part_vs_largest", "stamp_parts_after_largest", "stamp_part_closed",
}

// stampGap is the gap in non-prose blocks the largest prose segment
// bridges for stamps_since_largest: the widest of the line classifier's
// proseGaps, the value its stamp features were fitted with (not swept).
var stampGap = proseGaps[len(proseGaps)-1]

// stampCues are a page's stamp and comment-header cues, over its blocks.
type stampCues struct {
	header, after []bool
	stamps        []bool
	before        []int // stamp blocks before each block (the page's at len)
	largest       proseSegments
	parts         stampParts
}

// pageStampCues reads a page's thread cues; bylines are the blocks'
// byline_or_date cues (textCues).
func pageStampCues(pb *pageBlocks, bylines []bool) stampCues {
	n := len(pb.blocks)
	ls := make([]lineInfo, n) // the blocks as the line helpers read them (text measures only)
	prose := make([]float64, n)
	c := stampCues{header: make([]bool, n), before: make([]int, n+1)}
	for i := range pb.blocks {
		ls[i].block = pb.blocks[i]
		if isProseBlock(&pb.blocks[i]) {
			prose[i] = float64(pb.blocks[i].tokens)
		}
		c.header[i] = isCommentHeader(pb.blocks[i].text, int(pb.blocks[i].tokens))
	}
	c.after = afterCommentHeader(ls)
	c.stamps = stampLines(ls, bylines)
	for i := range c.stamps {
		c.before[i+1] = c.before[i] + int(bool01(c.stamps[i]))
	}
	c.largest = segmentProse(ls, stampGap)
	c.parts = cutAtStamps(c.stamps, c.before, prose)
	return c
}

// put writes block i's thread features (stampFeatureNames).
func (c *stampCues) put(put func(float64), i int) {
	put(bool01(c.header[i]))
	put(bool01(c.after[i]))
	putStamps(put, c.stamps, c.before, &c.largest, i)
	c.parts.put(put, i)
}
