package extract

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/internal/text"
)

// Template is what extraction has learned about one site: on how many of its
// pages each block (a paragraph, a line of a dump) occurred. A block that
// recurs across the site's pages (navigation, membership pitches, footers,
// "news feed" columns) is boilerplate there, even where single-page rules
// would keep it. A Template is safe for concurrent use.
type Template struct {
	mu     sync.RWMutex
	pages  int
	blocks map[uint64]int32
}

// templateLimit bounds the blocks a Template remembers; past it, the blocks
// seen on only one page (nearly all of them article text) are forgotten.
const templateLimit = 50000

// NewTemplate returns an empty template.
func NewTemplate() *Template { return &Template{blocks: map[uint64]int32{}} }

// Fingerprint identifies a block by its words, ignoring case, spacing and
// typography.
func Fingerprint(block string) uint64 {
	return text.Hash(strings.Join(text.Words(text.Normalize(block)), " "))
}

// Learn adds one page's block fingerprints.
func (t *Template) Learn(fingerprints []uint64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.pages++
	seen := make(map[uint64]bool, len(fingerprints))
	for _, fp := range fingerprints {
		if !seen[fp] {
			seen[fp] = true
			t.blocks[fp]++
		}
	}
	if len(t.blocks) > templateLimit {
		for fp, n := range t.blocks {
			if n < 2 {
				delete(t.blocks, fp)
			}
		}
	}
}

// repeatShare is how few new words, against the words of its article the
// site already showed, make a page a copy of an article its template has
// learned (Repeats). A copy's new words are its edits, each a whole block
// however small the change: a changed headline (about 10 words), a fixed
// typo (its paragraph, 20 to 40), an added paragraph (40 to 60); against
// an article of 300 to 800 words under a fifth, against a short report of
// five paragraphs (120 words) a third. A different article brings its own
// text, however much chrome it keeps beside it; but on the bench's text
// dumps, pages of one site that keep its sidebar, testimonials or promoted
// items as text read 0.22 to 0.47 against what their site taught (a blog's
// posts under its author's long profile, 0.22 to 0.41), while the copies found
// read 0 (one article in three markups, a manual page stored twice) and
// 0.32 to 0.41 (a wire report's two versions under a new lede, dragnet).
// The costs are unequal: a copy taken for a different article loses most
// of its text on the next capture, a different article taken for a copy
// only teaches the template nothing (one blog page kept its sidebar, F1
// 0.98 -> 0.61). Half takes the rewritten wire report, and a short report
// with one paragraph changed, for copies; a quarter took neither.
// Measured with `eval extract --site-template` (docs/measurements/
// extraction.md, "Session 40: near copies of one article ... (s40-near)").
const repeatShare = 0.5

// copyMinWords is the fewest words of its article the site showed for a
// page to be a copy (Repeats): a text shorter than one sentence of news
// prose (20 to 25 words) is no article whose loss the rule prevents. Pages
// that print nothing but the site's shell (a shop's header over a
// script-rendered list, a login wall) are copies of one another by their
// words; they teach as before, so that the template drops the shell from
// the next one (three shop pages of wcxb, F1 0 -> 1 with the template, lost
// without this floor).
const copyMinWords = 20

// Teach learns a stored page's blocks (fps, each with its words) unless the
// page repeats an article the template has learned (Repeats), so that a
// block needs two different articles of the site to become boilerplate:
// three captures of one article must not teach each other their whole
// text. articleText is the page's extracted article. It reports whether
// the template learned the page. The test and the learning are two steps:
// a site's pages are taught one at a time (the engine's writer does).
func (t *Template) Teach(fps []uint64, words []int32, articleText string) bool {
	if t.Repeats(fps, words, articleText) {
		return false
	}
	t.Learn(fps)
	return true
}

// Repeats reports whether a page is a copy of an article the template has
// learned: the words of its blocks the site never showed are fewer than
// repeatShare of the words of its article (articleText, paragraphs
// separated by blank lines) in blocks the site showed before but not as
// boilerplate (which extraction with the template drops anyway), and those
// are at least copyMinWords. words holds each block's words, in the order
// of fps; without them (a page extracted before they were counted) no page
// repeats.
func (t *Template) Repeats(fps []uint64, words []int32, articleText string) bool {
	if t == nil || len(words) != len(fps) {
		return false
	}
	t.mu.RLock()
	defer t.mu.RUnlock()
	if t.pages == 0 {
		return false
	}
	known := t.knownArticleWords(articleText)
	return known >= copyMinWords && float64(t.newWords(fps, words)) < repeatShare*float64(known)
}

// knownArticleWords returns the words of an article's paragraphs that are
// blocks the site showed, not as boilerplate; the caller holds the lock.
func (t *Template) knownArticleWords(articleText string) int {
	known := 0
	for _, para := range strings.Split(articleText, "\n\n") {
		if n := t.blocks[Fingerprint(para)]; n > 0 && !t.boilerplate(n) {
			known += text.WordCount(para)
		}
	}
	return known
}

// newWords returns the words of a page's blocks (fps, each with its words)
// the site never showed, each block counted once; the caller holds the
// lock.
func (t *Template) newWords(fps []uint64, words []int32) int {
	fresh := 0
	seen := make(map[uint64]bool, len(fps))
	for i, fp := range fps {
		if !seen[fp] && t.blocks[fp] == 0 {
			fresh += int(words[i])
		}
		seen[fp] = true
	}
	return fresh
}

// Pages returns how many pages the template has learned from.
func (t *Template) Pages() int {
	if t == nil {
		return 0
	}
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.pages
}

// Boilerplate reports whether a block recurs on the site: seen on two pages
// or more, and on at least half of the pages learned.
func (t *Template) Boilerplate(fp uint64) bool {
	if t == nil {
		return false
	}
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.boilerplate(t.blocks[fp])
}

// boilerplate reports whether a block seen on n pages is boilerplate (see
// Boilerplate); the caller holds the lock.
func (t *Template) boilerplate(n int32) bool {
	return t.pages >= 2 && n >= 2 && int(n)*2 >= t.pages
}

// Knows reports whether any of the fingerprints is boilerplate.
func (t *Template) Knows(fingerprints []uint64) bool {
	for _, fp := range fingerprints {
		if t.Boilerplate(fp) {
			return true
		}
	}
	return false
}

// MarshalBinary encodes the template for storage.
func (t *Template) MarshalBinary() ([]byte, error) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	out := binary.AppendUvarint(nil, uint64(t.pages))
	for fp, n := range t.blocks {
		out = binary.LittleEndian.AppendUint64(out, fp)
		out = binary.AppendUvarint(out, uint64(n))
	}
	return out, nil
}

// UnmarshalBinary decodes a stored template.
func (t *Template) UnmarshalBinary(b []byte) error {
	pages, k := binary.Uvarint(b)
	if k <= 0 || pages > math.MaxInt32 {
		return errors.New("site template: bad page count")
	}
	blocks := map[uint64]int32{}
	for b = b[k:]; len(b) > 0; {
		if len(b) < 9 {
			return errors.New("site template: truncated")
		}
		fp := binary.LittleEndian.Uint64(b)
		n, k := binary.Uvarint(b[8:])
		if k <= 0 || n < 1 || n > pages {
			return errors.New("site template: bad block count")
		}
		blocks[fp] = int32(n)
		b = b[8+k:]
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.pages, t.blocks = int(pages), blocks
	return nil
}
