package extract

import (
	"strings"
	"testing"
)

// TestThaiCopyRepeatsAsItsEnglishTwin: a page that copies a Thai article
// the site template learned, with one fresh paragraph of about a tenth of
// its words, is a repeat, as the same page in English is: the template
// weighs the fresh blocks' words (measureBlock) against the known
// article's (text.WordCount), which must count Thai alike (before,
// WordCount counted a Thai paragraph one word per space-separated run, 6
// of its 45 words, and the fresh paragraph's 46 outweighed half the known
// article's 48).
func TestThaiCopyRepeatsAsItsEnglishTwin(t *testing.T) {
	thai := strings.Fields("วันนี้ฝนตกหนักมาก ในเมืองเล็กริมแม่น้ำ ชาวบ้านหลายคนต้องย้ายของขึ้นที่สูง " +
		"เจ้าหน้าที่บอกว่าน้ำจะลดลงในอีกสองวัน โรงเรียนทุกแห่งปิดชั่วคราว ร้านค้าริมถนนยังเปิดตามปกติ")
	english := strings.Fields("Heavy rain fell today in the small town by the river, and many villagers moved their goods to higher ground.")
	for _, lang := range []struct {
		name string
		runs []string
	}{{"Thai", thai}, {"English", english}} {
		if repeatsWithAFreshParagraph(lang.runs) != true {
			t.Errorf("%s: a copy of a learned article of 8 paragraphs with one fresh paragraph is not a repeat", lang.name)
		}
	}
}

// repeatsWithAFreshParagraph teaches a template an article of 8 paragraphs
// (the runs in 8 orders) and asks whether a page of the same paragraphs and
// a ninth (the runs reversed) repeats it.
func repeatsWithAFreshParagraph(runs []string) bool {
	var paras []string
	for k := range 8 {
		rotated := append(append([]string(nil), runs[k%len(runs):]...), runs[:k%len(runs)]...)
		if k >= len(runs) {
			rotated = append(rotated[1:], rotated[0])
			rotated[0], rotated[1] = rotated[1], rotated[0]
		}
		paras = append(paras, strings.Join(rotated, " "))
	}
	var fresh []string
	for i := len(runs) - 1; i >= 0; i-- {
		fresh = append(fresh, runs[i])
	}
	page := append(append([]string(nil), paras...), strings.Join(fresh, " "))
	fps := make([]uint64, len(page))
	words := make([]int32, len(page))
	for i, p := range page {
		fps[i], words[i] = Fingerprint(p), measureBlock(p).tokens
	}
	tmpl := NewTemplate()
	tmpl.Learn(fps[:len(paras)])
	return tmpl.Repeats(fps, words, strings.Join(page, "\n\n"))
}
