package compare

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestChineseColleagueBeforeName checks that Chinese 同事 ("colleague")
// and 同学 ("classmate") before a name are words of a role, not the
// Japanese 同 that refers back (同社 "the company"): the name after them
// speaks; 同事 alone, and Japanese 同氏 and 同社, name no one. Written for
// the test.
func TestChineseColleagueBeforeName(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"colleague before a name", "港口昨天重新开放。\n\n王海峰的同事李华表示：“码头的起重机明天才能恢复工作。”", []string{"李华"}},
		{"classmate before a name", "港口昨天重新开放。\n\n他的同学赵敏说：“我们都在码头等了一整夜。”", []string{"赵敏"}},
		{"colleague alone", "港口昨天重新开放。\n\n一位同事表示：“码头的起重机明天才能恢复工作。”", []string{""}},
		{"Japanese the company", "新しい港が開かれた。\n\n「来月から運航を始める予定だ」と同社は説明した。", []string{""}},
	})
}

// TestBreaksSinceLastHanMatchesCount: counting paragraph breaks on from
// the last count gives what counting from the last name again does, when
// each count stops at a quotation's opening mark.
func TestBreaksSinceLastHanMatchesCount(t *testing.T) {
	pieces := []string{"他说", "“", "”", "\n", "\n\n", " ", "\t", "码头", "。"}
	r := rand.New(rand.NewPCG(41, 1))
	for range 2000 {
		var b strings.Builder
		var marks []int
		for range 1 + r.IntN(30) {
			p := pieces[r.IntN(len(pieces))]
			if p == "“" {
				marks = append(marks, b.Len())
			}
			b.WriteString(p)
		}
		if len(marks) == 0 {
			continue
		}
		a := &attributor{t: b.String()}
		a.lastHanAt, a.hanCountedTo = marks[0], marks[0]
		for _, at := range marks[1:] {
			if got, want := a.breaksSinceLastHan(at), paragraphBreaks(a.t[marks[0]:at]); got != want {
				t.Fatalf("breaksSinceLastHan(%d) of %q = %d, want %d", at, a.t, got, want)
			}
		}
	}
}
