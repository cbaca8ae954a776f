package extract

import (
	"maps"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// FuzzTemplate: a stored template of any bytes decodes without panic, or is
// refused; one that decodes has a page count and block counts in range
// (each block seen on 1 to pages pages) and encodes back to itself.
func FuzzTemplate(f *testing.F) {
	t := NewTemplate()
	t.Learn([]uint64{1, 2, 3})
	t.Learn([]uint64{2, 3, 1 << 60})
	good, _ := t.MarshalBinary()
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte{0x02, 1, 2, 3, 4, 5, 6, 7, 8, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		tm := NewTemplate()
		if tm.UnmarshalBinary(b) != nil {
			return
		}
		if tm.pages < 0 {
			t.Fatalf("page count %d", tm.pages)
		}
		for fp, n := range tm.blocks {
			if n < 1 || int(n) > tm.pages {
				t.Fatalf("block %x seen on %d of %d pages", fp, n, tm.pages)
			}
		}
		again, _ := tm.MarshalBinary()
		back := NewTemplate()
		if err := back.UnmarshalBinary(again); err != nil || back.pages != tm.pages || !maps.Equal(back.blocks, tm.blocks) {
			t.Fatalf("a decoded template does not encode back to itself: %v", err)
		}
	})
}

// FuzzTemplateTeach: any dump taught to a site's template and then read
// again is a copy of what it learned (the second Teach learns nothing)
// whenever its article has a sentence's words (copyMinWords), and teaching
// never panics.
func FuzzTemplateTeach(f *testing.F) {
	addSeeds(f, "testdata/*/page.txt")
	f.Add([]byte("Headline\n\nA paragraph of the article.\n\nHome | News"))
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := WithTemplate(news.Page{Kind: news.KindText, Body: body}, nil)
		if err != nil {
			return
		}
		tm := NewTemplate()
		if !tm.Teach(r.Blocks, r.Words, r.Article.Text) {
			t.Fatal("an empty template refused the site's first page")
		}
		again := tm.Teach(r.Blocks, r.Words, r.Article.Text)
		if again && text.WordCount(r.Article.Text) >= copyMinWords && len(r.Blocks) <= templateLimit {
			t.Fatalf("the same page taught twice: %q", r.Article.Text)
		}
	})
}

// FuzzTemplateRepeats fuzzes Teach and Repeats alone, without the
// extractor, so that it runs thousands of inputs a second where
// FuzzTemplateTeach (which extracts each input first, 3 to 65 ms) runs a few:
// each line of the input is one block and one paragraph of the article. A
// page taught twice is a copy the second time whenever its article has
// copyMinWords words, and a page none of whose blocks the site showed is
// never a copy.
func FuzzTemplateRepeats(f *testing.F) {
	f.Add([]byte("Home | News\nA first paragraph of the invented article, with words enough.\nAnd a second one that the reader sees below it on the page."))
	f.Add([]byte("Sign in\n\n\nSign in"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, body []byte) {
		fps, words, article := linePage(string(body), "")
		tm := NewTemplate()
		if !tm.Teach(fps, words, article) {
			t.Fatal("an empty template refused the site's first page")
		}
		if tm.Teach(fps, words, article) && text.WordCount(article) >= copyMinWords && len(fps) <= templateLimit {
			t.Fatalf("the same page taught twice: %q", article)
		}
		other, otherWords, otherArticle := linePage(string(body), " zqx")
		for _, fp := range other {
			if tm.blocks[fp] > 0 {
				return // a fuzzed line that already ends in the marker
			}
		}
		if tm.Repeats(other, otherWords, otherArticle) {
			t.Fatalf("a page of blocks the site never showed taken for a copy: %q", otherArticle)
		}
	})
}

// linePage makes a page of the non-empty lines of s, each with suffix and
// its line number appended when suffix is not empty: their fingerprints,
// their words and the article of them all.
func linePage(s, suffix string) (fps []uint64, words []int32, article string) {
	var paras []string
	for i, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if suffix != "" {
			l += suffix + strconv.Itoa(i)
		}
		paras = append(paras, l)
		fps = append(fps, Fingerprint(l))
		words = append(words, int32(text.WordCount(l)))
	}
	return fps, words, strings.Join(paras, "\n\n")
}
