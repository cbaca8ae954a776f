package extract

import (
	"strings"
	"testing"
)

// TestThaiBlocksCountTheirWords: a Thai paragraph (invented; Thai puts
// spaces between phrases, not words) counts about its words, not its
// space-separated runs, so that it reaches the word floors the same
// paragraph in English reaches (it counted 6, one per run: below the
// prose floor of 8 and every floor above it). English and Chinese are
// counted as before.
func TestThaiBlocksCountTheirWords(t *testing.T) {
	// 45 words by libthai's dictionary breaker (วัน|นี้|ฝน|ตก|หนัก|มาก ...),
	// 161 code points, in 6 runs.
	thai := "วันนี้ฝนตกหนักมาก ในเมืองเล็กริมแม่น้ำ ชาวบ้านหลายคนต้องย้ายของขึ้นที่สูง " +
		"เจ้าหน้าที่บอกว่าน้ำจะลดลงในอีกสองวัน โรงเรียนทุกแห่งปิดชั่วคราว ร้านค้าริมถนนยังเปิดตามปกติ"
	if got := measureBlock(thai).tokens; got < 36 || got > 54 {
		t.Errorf("Thai paragraph of 45 words in 6 runs: %d tokens, want 36 to 54 (within a fifth)", got)
	}
	english := "Heavy rain fell today in the small town by the river, and many villagers moved their goods to higher ground."
	if got, want := measureBlock(english).tokens, int32(len(strings.Fields(english))); got != want {
		t.Errorf("English sentence: %d tokens, want %d", got, want)
	}
	chinese := "今天小镇下了大雨" // one run of 8 Han: 1 + 8/2
	if got := measureBlock(chinese).tokens; got != 5 {
		t.Errorf("Chinese run of 8 characters: %d tokens, want 5", got)
	}
	if got := measureBlock("ไทย").tokens; got != 1 {
		t.Errorf("one short Thai word (a language menu's entry): %d tokens, want 1", got)
	}
}

// TestUnspacedWordsAreNotCountedTwice: text of a script without spaces
// whose words are already apart (Khmer and some Thai sites put a zero-width
// space between words; a menu lists one language name an entry) counts
// about one token a word, not one per run plus one per four characters
// besides (it counted 14 for the 7 Khmer words, 17 for the 10 entries).
func TestUnspacedWordsAreNotCountedTwice(t *testing.T) {
	// 7 Khmer words (invented: "the people of the country go to the
	// market"), a zero-width space between them.
	khmer := "ប្រជាជន\u200bនៃ\u200bប្រទេស\u200bទៅ\u200bផ្សារ\u200bនៅ\u200bព្រឹក"
	if got := measureBlock(khmer).tokens; got < 6 || got > 9 {
		t.Errorf("7 Khmer words apart: %d tokens, want 6 to 9", got)
	}
	menu := "ไทย ลาว จีน ญี่ปุ่น อังกฤษ ฝรั่งเศส เยอรมัน รัสเซีย เกาหลี ภาษา"
	if got := measureBlock(menu).tokens; got < 10 || got > 13 {
		t.Errorf("a menu of 10 Thai entries: %d tokens, want 10 to 13", got)
	}
}
