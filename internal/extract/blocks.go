package extract

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/storyline-news/storyline/internal/text"
)

// A page's body is cut into blocks, the units the block classifier labels
// as main content or not: a block is the text between two block-level
// boundaries (a paragraph, a list item, a table cell, a heading, the text a
// <br> ends). Each block keeps the element its text starts in, and each
// element its parent, tag and class/id words, so that features can look at a
// block's ancestry, its neighbours and the containers around it.

// element is one element of the page's body as the segmenter saw it.
type element struct {
	parent    int32     // index in pageBlocks.elems, -1 for the body
	tag       atom.Atom // 0 for unknown (custom) elements
	depth     int32
	flags     uint32 // this element's own flags (flag* bits)
	inherited uint32 // flags of this element and all its ancestors
	words     [2]int32
	// Aggregates of the blocks below the element, filled after the walk.
	chars, linkChars, blocks, prose int32
	// controls counts the visible form fields (input, textarea, select,
	// button) inside the element: a text beside fields in a small box is
	// the form's pitch or label (a newsletter sign-up, a comment form).
	controls int32
	// fields counts those of the controls a reader fills in (inputs,
	// text areas, select lists: not buttons), which make a box a form's
	// (inFormBox); a button alone toggles a panel or opens a link.
	fields int32
	score  float64 // the Readability-style container score (see containerScores)
	// sig hashes the element's tag name and class attribute, digits left
	// out (itemSignature): siblings that share it are items of one list
	// (itemRuns).
	sig uint32
	// name hashes the element's tag name alone (tagNameHash): the boxes of
	// one list on a page called a list share it whatever their classes
	// (boxRunKey), and custom elements, which have no atom, keep apart.
	name uint32
}

// block is one text block of the body.
type block struct {
	text      string
	elem      int32 // the innermost element the block's first text is in
	container int32 // the innermost block-level element around the block
	chars     int32 // non-space characters
	linkChars int32
	tokens    int32 // words, as the metric counts them (runs of word characters)
	commas    int32
	stops     int32 // sentence-ending punctuation
	punct     int32
	digits    int32
	upper     int32
	letters   int32
	fp        uint64   // Fingerprint of the text
	twords    [2]int32 // the span of the block's text word ids in pageBlocks.twords (short blocks only)
}

// pageBlocks is a page's body as blocks and elements.
type pageBlocks struct {
	elems     []element
	blocks    []block
	words     []int32 // class/id word ids of the elements (element.words indexes it)
	twords    []int32 // text word ids of the short blocks (block.twords indexes it)
	chars     int32   // all non-space characters of the blocks
	textareas int32   // <textarea> elements: a comment or reply form
	noscripts int32   // <noscript> elements: a fallback for readers without script (segmentPageSized)
	// forumMarkup says that an element is marked a schema.org
	// DiscussionForumPosting, or the page's JSON-LD names one: a forum's
	// thread, whose replies are its content (readsComments).
	forumMarkup bool
	// keepComments says that the caller wants readers' comments kept
	// (news.Page.KeepComments): the comment sections that trail an
	// article are added to it (keepCommentSections), not dropped.
	keepComments bool
	// ogProduct says that the page's Open Graph type is a product
	// (og:type "product", "og:product", "product.item"): the page
	// declares itself one item's page (dropSideMatter).
	ogProduct bool
	// offerMarkup says that the page's microdata, RDFa or JSON-LD holds a
	// schema.org Offer or AggregateOffer: something is for sale on it
	// (sellsOneItem).
	offerMarkup bool
	// productMarkups counts the schema.org Products the page declares in
	// one syntax: the elements marked one in microdata or RDFa, or the
	// JSON-LD's Product types (as far as ldTypes reads them), whichever is
	// more (a shop often declares its item in both). One with an Offer is
	// one item on sale (sellsOneItem).
	productMarkups int
	// listMarkup says that the page declares a list of items (a schema.org
	// ItemList, CollectionPage or SearchResultsPage in microdata, RDFa or
	// JSON-LD): one Product in it is one of the list's items, not the
	// page's (sellsOneItem).
	listMarkup bool
	// declaresArticle says that the page calls itself an article or a
	// critic's review: its og:type or its JSON-LD types name one
	// (ldArticle), or the Product it declares is the item a Review reviews
	// (reviewsItem). Such a page may sell what it writes about; it is no
	// item's page (sellsOneItem).
	declaresArticle bool
	// reviewsItem says that the page's first Product in microdata or RDFa
	// is the itemReviewed of a Review around it: a critic's review of the
	// item (countProductElement).
	reviewsItem bool
	// titles are the page's headline texts from outside its body (<title>,
	// og:title), which the article-end features find the headline's block
	// by (headlineBlock), each without the site's name; nil when the
	// caller has none.
	titles []string
	// wholeTitles are the same titles as the page gives them, the site's
	// name left in, in the same order: headlineBlock reads them when a
	// heading is one of them whole or when no block matches a cut title.
	wholeTitles []string
}

// Flags of an element or of its ancestry.
const (
	flagLink uint32 = 1 << iota
	flagList
	flagListItem
	flagTable
	flagForm
	flagHeader
	flagFooter
	flagNav
	flagAside
	flagArticle
	flagMain
	flagSection
	flagFigure
	flagBlockquote
	flagHeading
	flagControl // button, label, option, legend
	flagHidden  // hidden attribute, display:none, aria-hidden
	flagPre
	flagDefinition // dl, dt, dd
	flagEmphasis   // strong, b, em
	flagTime       // time, address
	flagArticleBody
	flagDetails // details, summary, dialog, menu
	flagCode
	flagComment // class/id words name comments or replies (see isCommentElement)
	numFlags    = iota
)

// Flags outside the numFlags bits the block features read (so the fitted
// models' features are unchanged): only the decision rules read them.
const (
	// flagContentInfo marks an element whose ARIA role is "contentinfo"
	// and everything inside it (see isContentInfo, inContentInfo).
	flagContentInfo uint32 = 1 << 31
	// flagDialog marks a dialog and everything inside it (see
	// isDialogElement, inDialog).
	flagDialog uint32 = 1 << 30
	// flagCommentSection marks an element that is, or holds, a page's
	// readers' comments by its markup (isCommentMarkup), for
	// keepCommentSections to find the comments a caller asks to keep,
	// and everything inside it.
	flagCommentSection uint32 = 1 << 29
	// flagReviews marks an element whose markup names customers' reviews
	// of an item (isReviewElement) and everything inside it, for
	// dropSideMatter.
	flagReviews uint32 = 1 << 28
	// flagHeadingButton marks a <button> that is the heading of the panel
	// it opens (isHeadingButton) and everything inside it: inControl
	// leaves its text to the classifier.
	flagHeadingButton uint32 = 1 << 27
	// flagSignature marks an element whose class or id names a poster's
	// signature (isSignatureElement) and everything inside it, for
	// dropSignatures.
	flagSignature uint32 = 1 << 26
)

var tagFlags = map[atom.Atom]uint32{
	atom.A: flagLink, atom.Ul: flagList, atom.Ol: flagList, atom.Menu: flagDetails, atom.Li: flagListItem,
	atom.Table: flagTable, atom.Form: flagForm, atom.Header: flagHeader, atom.Footer: flagFooter,
	atom.Nav: flagNav, atom.Aside: flagAside, atom.Article: flagArticle, atom.Main: flagMain,
	atom.Section: flagSection, atom.Figure: flagFigure, atom.Figcaption: flagFigure,
	atom.Blockquote: flagBlockquote, atom.H1: flagHeading, atom.H2: flagHeading, atom.H3: flagHeading,
	atom.H4: flagHeading, atom.H5: flagHeading, atom.H6: flagHeading, atom.Button: flagControl,
	atom.Label: flagControl, atom.Legend: flagControl, atom.Pre: flagPre, atom.Dl: flagDefinition,
	atom.Dt: flagDefinition, atom.Dd: flagDefinition, atom.Strong: flagEmphasis, atom.B: flagEmphasis,
	atom.Em: flagEmphasis, atom.Time: flagTime, atom.Address: flagTime, atom.Details: flagDetails,
	atom.Summary: flagDetails, atom.Dialog: flagDetails, atom.Code: flagCode,
}

// skipTags hold nothing a reader sees as text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Select: true,
	atom.Textarea: true, atom.Head: true, atom.Title: true, atom.Math: true, atom.Input: true,
	atom.Audio: true, atom.Video: true, atom.Picture: true, atom.Img: true, atom.Map: true,
}

// boundaryTags start a new block; with blockTags they include the sectioning
// and caption elements.
var boundaryTags = func() map[atom.Atom]bool {
	m := map[atom.Atom]bool{}
	for a := range blockTags {
		m[a] = true
	}
	for _, a := range []atom.Atom{atom.Figure, atom.Figcaption, atom.Nav, atom.Aside, atom.Footer, atom.Details,
		atom.Summary, atom.Caption, atom.Legend, atom.Dialog, atom.Menu, atom.Option, atom.Button, atom.Label} {
		m[a] = true
	}
	return m
}()

// wordIDs maps a class/id word to an id, or -1 for a word it does not know.
type wordIDs func(word string) int32

// segment cuts the body into blocks. ids names the class/id words and tids
// the text words of short blocks; nil records none.
func segment(body *html.Node, ids, tids wordIDs) *pageBlocks { return segmentSized(body, ids, tids, 0) }

// segmentSized is segment with room for elemHint elements made at once
// (the page's element count, readMeta's): the element list grew by
// copies, 8% of the bytes an msv-chaos page's extraction allocated
// (session 44). The hint sets a capacity, never what is read: a page with
// more elements grows as before, one with fewer leaves the rest unused.
func segmentSized(body *html.Node, ids, tids wordIDs, elemHint int) *pageBlocks {
	pb := &pageBlocks{}
	if elemHint > 0 {
		pb.elems = make([]element, 0, elemHint)
	}
	s := segmenter{pb: pb, ids: ids, tids: tids, cache: map[string][2]int32{}}
	s.visit(body, -1, 0, -1)
	s.flush()
	s.aggregate()
	return s.pb
}

type segmenter struct {
	pb        *pageBlocks
	ids, tids wordIDs
	cache     map[string][2]int32 // class/id string -> its words' span in pb.words
	// cur is the current block's texts, joined when it ends (flush): most
	// blocks are one text, which needs no copy before collapseSpace makes
	// its own; a strings.Builder copied every text and grew for blocks of
	// several (a fortieth of a page's extraction time on msv-chaos,
	// session 43). Its array is reused from block to block.
	cur       []string
	curElem   int32
	curCont   int32
	linkChars int32
	started   bool
}

func (s *segmenter) visit(n *html.Node, parent int32, depth int32, container int32) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		if !s.started {
			if strings.TrimSpace(n.Data) == "" {
				return
			}
			s.started, s.curElem, s.curCont = true, parent, container
		}
		s.cur = append(s.cur, n.Data)
		if parent >= 0 && s.pb.elems[parent].inherited&flagLink != 0 {
			s.linkChars += int32(nonSpaceRunes(n.Data))
		}
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			s.visit(c, parent, depth+1, container)
		}
		return
	}
	if n.DataAtom == atom.Textarea {
		s.pb.textareas++
	}
	if isFormField(n) {
		s.countControl(parent, n.DataAtom != atom.Button)
	}
	if n.DataAtom == atom.Noscript {
		s.pb.noscripts++
	}
	if skipTags[n.DataAtom] {
		return
	}
	idx := int32(len(s.pb.elems))
	e := element{parent: parent, tag: n.DataAtom, depth: depth, flags: tagFlags[n.DataAtom]}
	if isHiddenElement(n) {
		e.flags |= flagHidden
	}
	if isArticleBody(n) {
		e.flags |= flagArticleBody
	}
	if isContentInfo(n) {
		e.flags |= flagContentInfo
	}
	if isDialogElement(n) {
		e.flags |= flagDialog
	}
	if parent >= 0 && isCommentElement(n) { // the root's words describe the whole page
		e.flags |= flagComment
	}
	if parent >= 0 && canBeCommentSection(n.DataAtom, s.pb.elems[parent].inherited) && isCommentMarkup(n) {
		e.flags |= flagCommentSection
	}
	if parent >= 0 && isReviewElement(n) {
		e.flags |= flagReviews
	}
	if isHeadingButton(n) {
		e.flags |= flagHeadingButton
	}
	if parent >= 0 && isSignatureElement(n) {
		e.flags |= flagSignature
	}
	if isForumPosting(n) {
		s.pb.forumMarkup = true
	}
	if isOfferElement(n) {
		s.pb.offerMarkup = true
	}
	if isProductElement(n) {
		s.pb.countProductElement(n)
	}
	if isItemListElement(n) {
		s.pb.listMarkup = true
	}
	e.inherited = e.flags
	if parent >= 0 {
		e.inherited |= s.pb.elems[parent].inherited
	}
	e.words = s.classWords(n)
	e.name = tagNameHash(n.Data)
	e.sig = signatureOf(n, e.name)
	s.pb.elems = append(s.pb.elems, e)
	boundary := boundaryTags[n.DataAtom] || parent < 0 // the root is every block's last container
	if boundary {
		s.flush()
		container = idx
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.visit(c, idx, depth+1, container)
	}
	if boundary {
		s.flush()
	}
}

// flush ends the current block.
func (s *segmenter) flush() {
	if !s.started {
		return
	}
	t := collapseSpace(strings.Join(s.cur, ""))
	s.cur = s.cur[:0]
	s.started = false
	if t == "" {
		s.linkChars = 0
		return
	}
	b := measureBlock(t)
	b.elem, b.container = s.curElem, s.curCont
	b.linkChars = min(s.linkChars, b.chars)
	if s.tids != nil {
		s.pb.twords, b.twords = appendTextWords(s.pb.twords, t, b.tokens, s.tids)
	}
	s.linkChars = 0
	s.pb.blocks = append(s.pb.blocks, b)
	s.pb.chars += b.chars
}

// measureBlock counts what the features need of a block's text in one pass.
// Its tokens are the words of the text, the one count every word floor
// and feature reads: a run of word characters between spaces or
// punctuation is one, and runs of scripts written without spaces count by
// their length besides (Han and kana one per two characters); a run of
// Thai, Lao, Myanmar or Khmer counts one per text.UnspacedWordRunes of its
// characters (at least one: see runWords).
func measureBlock(t string) block {
	b := block{text: t}
	inWord, han, unspaced := false, 0, 0 // unspaced: the current run's
	fp := emptyHash
	var buf [utf8.UTFMax]byte
	for _, r := range t {
		if r == ' ' {
			b.tokens += runWords(unspaced)
			inWord, unspaced = false, 0
			continue
		}
		if r == '\u00ad' { // a soft hyphen joins the halves of a word
			continue
		}
		b.chars++
		word := r < utf8.RuneSelf && asciiWordRune(byte(r)) || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
		if word && text.IsUnspaced(r) {
			unspaced++
		}
		if word {
			if !inWord {
				if b.tokens > 0 {
					fp = text.HashMore(fp, " ")
				}
				b.tokens++
				inWord = true
			}
			if r < utf8.RuneSelf {
				c := byte(r)
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				fp = text.HashMore(fp, string(c))
			} else {
				n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
				fp = text.HashMore(fp, string(buf[:n]))
			}
			switch {
			case r >= '0' && r <= '9':
				b.digits++
			case r >= 'A' && r <= 'Z':
				b.upper++
				b.letters++
			case r >= 'a' && r <= 'z':
				b.letters++
			case r >= utf8.RuneSelf && unicode.IsLetter(r):
				b.letters++
				if unicode.IsUpper(r) {
					b.upper++
				}
				if r >= 0x2E80 && r <= 0x9FFF { // CJK: a word is about two characters
					han++
				}
			}
			continue
		}
		b.tokens += runWords(unspaced)
		inWord, unspaced = false, 0
		b.punct++
		switch {
		case isClauseMark(r):
			b.commas++
		case isSentenceStop(r):
			b.stops++
		}
	}
	b.tokens += int32(han/2) + runWords(unspaced)
	b.fp = fp
	return b
}

// runWords is how many words a run holding unspaced characters of the
// scripts text.IsUnspaced names counts besides the one every run counts
// (text.UnspacedRunWords, as text.WordCount counts it).
func runWords(unspaced int) int32 {
	if unspaced == 0 {
		return 0
	}
	return int32(text.UnspacedRunWords(unspaced)) - 1
}

// emptyHash is text.Hash of the empty string, where a fingerprint starts.
var emptyHash = text.Hash("")

func asciiWordRune(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func nonSpaceRunes(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// isHiddenElement reports whether markup hides the element from readers.
func isHiddenElement(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			if isHiddenStyle(a.Val) {
				return true
			}
		}
	}
	return false
}

// isDialogElement reports whether the element is a dialog: a <dialog>, an
// element whose ARIA role is dialog or alertdialog, or one marked
// aria-modal="true". A dialog opens over the page, apart from its flow: a
// cookie consent, a sign-up or contact form, a cart drawer, legal notes.
func isDialogElement(n *html.Node) bool {
	if n.DataAtom == atom.Dialog {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			for _, r := range strings.Fields(a.Val) {
				if strings.EqualFold(r, "dialog") || strings.EqualFold(r, "alertdialog") {
					return true
				}
			}
		case "aria-modal":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		}
	}
	return false
}

// isContentInfo reports whether the element's ARIA role (one of the
// space-separated tokens of its role attribute) is "contentinfo": the
// landmark WAI-ARIA defines as the page's footer, information about the
// page such as its copyright, privacy and legal links, contact and company
// details, never its main content. (A <footer> tag inside an <article> is
// not this landmark, so the tag alone is left to the classifier.)
func isContentInfo(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "role" {
			continue
		}
		for _, r := range strings.Fields(a.Val) {
			if strings.EqualFold(r, "contentinfo") {
				return true
			}
		}
	}
	return false
}

// classWords records the words of an element's class, id, role and itemprop
// ("main-content articleBody" -> main, content, article, body), lower case,
// split at punctuation, digits and camelCase humps.
func (s *segmenter) classWords(n *html.Node) [2]int32 {
	if s.ids == nil {
		return [2]int32{}
	}
	var key string
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "role", "itemprop":
			if key != "" {
				key += " "
			}
			key += a.Val
		}
	}
	if key == "" {
		return [2]int32{}
	}
	if span, ok := s.cache[key]; ok {
		return span
	}
	start := int32(len(s.pb.words))
	for w := range classWordSeq(key) {
		if id := s.ids(w); id >= 0 {
			s.pb.words = append(s.pb.words, id)
		}
	}
	span := [2]int32{start, int32(len(s.pb.words))}
	s.cache[key] = span
	return span
}

// isCommentElement reports whether an element's class or id words name a
// comment thread, a comment, a reply or the reply form ("comment-list",
// "commentBody", "disqus_thread", "respond", "kommentare"): the readers'
// thread under a news post, which the gold of news sets leaves out and a
// forum's gold keeps, so the classifier reads it beside the page's kind
// features. Words, not learned log-odds: the learned class words mix both
// uses, and this flag must be the same on sites no fit has seen.
func isCommentElement(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for w := range rawClassWordSeq(a.Val) {
			if mayBeCommentWord(w) && isCommentWord(strings.ToLower(w)) { // most words are lower-cased for nothing otherwise
				return true
			}
		}
	}
	return false
}

// isCommentWord reports whether a lower-case class/id word names comments
// or replies (English and French comment*, German and Polish or Czech
// komment*/koment*, Spanish, Portuguese and Italian comentar*, Disqus's
// embeds); "commentary" names an opinion column, not a readers' thread.
// It is the one list of comment words: the block features read it
// (isCommentElement, as model.json was fitted) and so do the dates
// (namesComment). A compound such as "comments-count" or "reply-all" is
// flagged by its comment word like any other: telling a count or a link
// apart would change the block model's inputs (a refit), and no page of
// the review's checks came out wrong by it.
func isCommentWord(w string) bool {
	switch {
	case strings.HasPrefix(w, "commentar"):
		return false
	case strings.HasPrefix(w, "comment"), strings.HasPrefix(w, "koment"), strings.HasPrefix(w, "komment"),
		strings.HasPrefix(w, "comentar"), strings.HasPrefix(w, "disqus"):
		return true
	}
	switch w {
	case "reply", "replies", "respond", "responses":
		return true
	}
	return false
}

// splitClass splits class and id values into lower-case words of two letters
// or more.
func splitClass(s string) []string {
	return slices.Collect(classWordSeq(s))
}

// classWordSeq yields splitClass's words one by one, with no slice built.
func classWordSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for w := range rawClassWordSeq(s) {
			if !yield(strings.ToLower(w)) {
				return
			}
		}
	}
}

// rawClassWordSeq yields classWordSeq's words as s writes them, before
// lower-casing: runs of ASCII letters, so a word's lower case opens with
// its first byte's small letter.
func rawClassWordSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		emit := func(end int) bool {
			ok := true
			if start >= 0 && end-start >= 2 {
				ok = yield(s[start:end])
			}
			start = -1
			return ok
		}
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 'a' && c <= 'z':
				if start < 0 {
					start = i
				}
			case c >= 'A' && c <= 'Z':
				// a hump starts a word unless it continues a run of capitals
				if start >= 0 && !(i > 0 && s[i-1] >= 'A' && s[i-1] <= 'Z') && !emit(i) {
					return
				}
				if start < 0 {
					start = i
				}
			default:
				if !emit(i) {
					return
				}
			}
		}
		emit(len(s))
	}
}

// aggregate sums the blocks' measures into their ancestors and scores the
// containers.
func (s *segmenter) aggregate() {
	pb := s.pb
	for i := range pb.blocks {
		b := &pb.blocks[i]
		prose := int32(0)
		if isProseBlock(b) {
			prose = 1
		}
		for e := b.elem; e >= 0; e = pb.elems[e].parent {
			el := &pb.elems[e]
			el.chars += b.chars
			el.linkChars += b.linkChars
			el.blocks++
			el.prose += prose
		}
	}
	containerScores(pb)
}

// isProseBlock reports whether a block reads as running text: eight words or
// more, a sentence ending, and little link text.
func isProseBlock(b *block) bool {
	return b.tokens >= 8 && b.stops > 0 && b.linkChars*4 < b.chars
}

// containerScores gives every element the Readability-style score that the
// block classifier reads as a feature: a block of 25 characters or more is
// worth 1 + its commas + min(chars/100, 3); its container gets the full
// worth, the container's parent half and the grandparent a quarter, and an
// element's sum is multiplied by 1 - its link density. (Arc90's constants,
// which the old rule-based extractor used alone.)
func containerScores(pb *pageBlocks) {
	for i := range pb.blocks {
		b := &pb.blocks[i]
		if b.chars < 25 {
			continue
		}
		worth := 1 + float64(b.commas) + min(float64(b.chars)/100, 3)
		level := 0
		for e := b.container; e >= 0 && level < 3; e = pb.elems[e].parent {
			pb.elems[e].score += worth / float64(max(1, level*2))
			level++
		}
	}
	for i := range pb.elems {
		el := &pb.elems[i]
		if el.chars > 0 {
			el.score *= 1 - float64(el.linkChars)/float64(el.chars)
		}
	}
}

// maxTextWords is the longest block whose words the text-word features read:
// labels, buttons, pitches and captions are short, and a long block's words
// are those of prose in general.
const maxTextWords = 30

// appendTextWords appends the ids of a short block's lower-case words to
// arena and returns the new arena and the block's span in it.
func appendTextWords(arena []int32, t string, tokens int32, ids wordIDs) ([]int32, [2]int32) {
	start := int32(len(arena))
	if tokens > maxTextWords {
		return arena, [2]int32{start, start}
	}
	var buf [maxTextWords]string // on the stack (a text that splits into more words grows it onto the heap, as before)
	for _, w := range text.AppendWords(buf[:0], strings.ToLower(t)) {
		if id := ids(w); id >= 0 {
			arena = append(arena, id)
		}
	}
	return arena, [2]int32{start, int32(len(arena))}
}

// textWordScores returns the mean, least and greatest log-odds of a block's
// known text words; -9 (no block can score so) for a block without any.
func textWordScores(ids []int32, logOdds []float64) (mean, lo, hi float64) {
	n := 0
	lo, hi = 9, -9
	for _, w := range ids {
		if int(w) >= len(logOdds) || logOdds[w] == 0 {
			continue
		}
		v := logOdds[w]
		mean += v
		lo, hi = min(lo, v), max(hi, v)
		n++
	}
	if n == 0 {
		return -9, -9, -9
	}
	return mean / float64(n), lo, hi
}

// collapseSpace is cleanSpace in one pass: runs of white space become one
// space, none at either end.
func collapseSpace(s string) string { return collapseSpaceMapped(s, nil) }

// collapseSpaceMapped is collapseSpace that also writes each rune that is
// not white space as mapRune gives it, when mapRune is not nil (foldTitle).
func collapseSpaceMapped(s string, mapRune func(rune) rune) string {
	if mapRune == nil {
		return collapseSpaceBytes(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if m := mapRune(r); m != r {
			b.WriteRune(m)
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size]) // the bytes as they are, invalid ones too
	}
	return b.String()
}

// collapseSpaceBytes is collapseSpace read byte by byte: an ASCII byte is
// white space or not, and only a non-ASCII rune is decoded (and tested by
// unicode.IsSpace: the no-break space, U+0085, the wide spaces). Each run of
// bytes that are not white space is written whole, invalid ones too. Every
// block's text passes through it; the rune-by-rune loop was 2% of a page's
// time on msv-chaos, and a write for every byte made a long text slower to
// collapse than joining its fields.
func collapseSpaceBytes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	run := -1 // where the run of bytes that are not white space being read began, -1 outside one
	for i := 0; i < len(s); {
		size, white := 1, false
		if c := s[i]; c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			white = unicode.IsSpace(r)
		} else {
			white = asciiSpace(c)
		}
		switch {
		case white && run >= 0:
			b.WriteString(s[run:i])
			run = -1
			space = true
		case white:
			space = b.Len() > 0
		case run < 0:
			if space {
				b.WriteByte(' ')
				space = false
			}
			run = i
		}
		i += size
	}
	if run >= 0 {
		b.WriteString(s[run:])
	}
	return b.String()
}

// asciiSpace reports whether an ASCII byte is white space as
// unicode.IsSpace reads it: tab, newline, vertical tab, form feed,
// carriage return and space.
func asciiSpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// isFormField reports whether n is a form field a reader sees: an input
// that is not hidden, a text area, a select list or a button.
func isFormField(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Textarea, atom.Select, atom.Button:
		return true
	case atom.Input:
		return !strings.EqualFold(attr(n, "type"), "hidden")
	}
	return false
}

// countControl adds a form field to the element it sits in and to every
// ancestor, and to their fields when a reader fills it in (fillable).
func (s *segmenter) countControl(parent int32, fillable bool) {
	for e := parent; e >= 0; e = s.pb.elems[e].parent {
		s.pb.elems[e].controls++
		if fillable {
			s.pb.elems[e].fields++
		}
	}
}
