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
// learned (Repeats): a recapture, a fixed typo, a changed headline or an
// added paragraph bring a few dozen new words to an article of hundreds,
// while a different article brings at least its own text, however much
// chrome the page keeps beside it. Half: a page keeping more than twice
// its article's words of known chrome is still taken for a different
// article, and a version with up to a third of its text rewritten is
// taken for a copy. Measured with `eval extract --site-template`
// (docs/measurements/extraction.md, "Session 40 ... (s40-near)").
const repeatShare = 0.5

// Teach learns a stored page's blocks (fps, each with its words) unless the
// page repeats an article the template has learned (Repeats), so that a
// block needs two different articles of the site to become boilerplate:
// three captures of one article must not teach each other their whole
// text. articleText is the page's extracted article. It reports whether
// the template learned the page.
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
// separated by blank lines) that are blocks the site showed before. words
// holds each block's words, in the order of fps; without them (a page
// extracted before they were counted) no page repeats.
func (t *Template) Repeats(fps []uint64, words []int32, articleText string) bool {
	if t == nil || len(words) != len(fps) {
		return false
	}
	t.mu.RLock()
	defer t.mu.RUnlock()
	if t.pages == 0 {
		return false
	}
	known := 0
	for _, para := range strings.Split(articleText, "\n\n") {
		if t.blocks[Fingerprint(para)] > 0 {
			known += text.WordCount(para)
		}
	}
	fresh := 0
	seen := make(map[uint64]bool, len(fps))
	for i, fp := range fps {
		if !seen[fp] && t.blocks[fp] == 0 {
			fresh += int(words[i])
		}
		seen[fp] = true
	}
	return known > 0 && float64(fresh) < repeatShare*float64(known)
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
	n := t.blocks[fp]
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
