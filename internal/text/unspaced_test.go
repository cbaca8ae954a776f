package text

import "testing"

// TestWordCountCountsThaiByItsWords: a run of Thai counts one word per
// UnspacedWordRunes of its characters (at least one), as extraction counts
// a block's words, not one word per space-separated run (before: 6 for
// the invented paragraph of 45 words by libthai's breaker, 161 code points
// in 6 runs). Words a zero-width space sets apart count one each, as they
// did.
func TestWordCountCountsThaiByItsWords(t *testing.T) {
	thai := "วันนี้ฝนตกหนักมาก ในเมืองเล็กริมแม่น้ำ ชาวบ้านหลายคนต้องย้ายของขึ้นที่สูง " +
		"เจ้าหน้าที่บอกว่าน้ำจะลดลงในอีกสองวัน โรงเรียนทุกแห่งปิดชั่วคราว ร้านค้าริมถนนยังเปิดตามปกติ"
	if got := WordCount(thai); got < 36 || got > 54 {
		t.Errorf("Thai paragraph of 45 words in 6 runs: %d words, want 36 to 54", got)
	}
	khmer := "ប្រជាជន\u200bនៃ\u200bប្រទេស\u200bទៅ\u200bផ្សារ\u200bនៅ\u200bព្រឹក"
	if got := WordCount(khmer); got != 7 {
		t.Errorf("7 Khmer words apart: %d words, want 7", got)
	}
	if got := WordCount("ไทย"); got != 1 {
		t.Errorf("one short Thai word: %d, want 1", got)
	}
	if got := WordCount("今天小镇下了大雨 and rain"); got != 6 {
		t.Errorf("Chinese run of 8 and two English words: %d, want 6 (as before)", got)
	}
}
