package extract

// markupDumpShare is the share of a text dump's bytes inside markup tags
// above which the dump is an HTML document given as text (a page's source
// saved under .txt, or a capture's HTML written where its text should be),
// and is read as HTML. A page's visible text holds a tag only where it shows
// code: over the 4,997 dumps of the eight development sets the share is 0.49
// at most (a readability test page whose text shows its own HTML) and under
// 0.26 on every other, while the eight l3s-gn1 dumps that are the page's
// HTML source on one line hold 0.64-0.78 (docs/measurements/extraction.md,
// "Session 42"). 0.6 lies between. HTML pages themselves run from 0.07 to
// 0.9 (inline scripts and styles are not tags), so the share says a dump is
// markup, never that a file is not.
const markupDumpShare = 0.6

// IsMarkupDump reports whether a text dump's body is an HTML document, which
// extraction reads as HTML: more than markupDumpShare of its bytes lie
// inside tags: a "<" that opens a tag (opensTag), up to the next ">" on its
// line with no "<" between (a dump's "<<Back" and a later ">>" are no tag).
func IsMarkupDump(body []byte) bool {
	if len(body) == 0 {
		return false
	}
	inTags := 0
	for i := 0; i < len(body); i++ {
		if body[i] != '<' || !opensTag(body, i+1) {
			continue
		}
		end, closed := tagEnd(body, i+1)
		if !closed {
			i = end - 1 // on to the "<" that came first
			continue
		}
		inTags += end - i + 1
		i = end
	}
	return float64(inTags) > markupDumpShare*float64(len(body))
}

// opensTag reports whether the "<" before body[from] opens a tag: "!" (a
// comment or doctype), or a name, after "/" for a closing tag, of a letter
// then letters, digits, "-" or ":" (fb:like), ended by a space, ">" or
// "/>". An e-mail address or URL in angle brackets ("<ann@x.org>",
// "<https://x.org/>") or a comparison ("a<b, c>d") opens none.
func opensTag(body []byte, from int) bool {
	if from < len(body) && body[from] == '!' {
		return true
	}
	if from < len(body) && body[from] == '/' {
		from++
	}
	if from == len(body) || !isASCIILetter(body[from]) {
		return false
	}
	j := from + 1
	for j < len(body) && (isASCIILetter(body[j]) || body[j] >= '0' && body[j] <= '9' || body[j] == '-' || body[j] == ':') {
		j++
	}
	if j == len(body) {
		return false
	}
	switch body[j] {
	case ' ', '\t', '\r', '\n', '\f', '>':
		return true
	case '/':
		return j+1 < len(body) && body[j+1] == '>'
	}
	return false
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z'
}

// tagEnd returns the index of the ">" that closes the tag whose name starts
// at body[from] (closed), or of the "<" or line end that comes before any
// ">" (not closed: no tag), or len(body) when none follows.
func tagEnd(body []byte, from int) (end int, closed bool) {
	for j := from; j < len(body); j++ {
		switch body[j] {
		case '>':
			return j, true
		case '<', '\n':
			return j, false
		}
	}
	return len(body), false
}
