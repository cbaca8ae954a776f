package extract

import (
	"bytes"

	"github.com/storyline-news/storyline/internal/news"
)

// Removed lists, in page order, the visible blocks of a page that extraction
// left out of its article: menus, pitches, related links, captions and the
// like, so that a reader can check what was dropped.
func Removed(p news.Page, a news.Article) []string {
	kept := map[uint64]bool{Fingerprint(a.Title): true}
	for _, para := range a.Paragraphs() {
		kept[Fingerprint(para)] = true
	}
	var out []string
	for _, b := range visibleBlocks(p) {
		if fp := Fingerprint(b); !kept[fp] {
			kept[fp] = true // each removed block once
			out = append(out, b)
		}
	}
	return out
}

func visibleBlocks(p news.Page) []string {
	if len(p.Body) > MaxPageBytes {
		return nil
	}
	if p.Kind == news.KindText && !IsMarkupDump(p.Body) { // a markup dump is read as HTML (WithTemplate)
		var out []string
		for _, l := range scoreLines(string(bytes.ToValidUTF8(p.Body, []byte("\uFFFD")))) {
			out = append(out, l.text)
		}
		return out
	}
	doc, err := parseHTML(p.Body)
	if err != nil {
		return nil
	}
	body := findBody(doc)
	if body == nil {
		return nil
	}
	return allBlocks(segmentPage(body, nil, nil))
}
