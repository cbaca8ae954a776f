package compare

import (
	"fmt"
	"strings"
	"testing"
)

// TestHanSpeakerReview checks the Chinese speaker rules against faults the
// review of s39-speaker3 found (s39-srev): 他说 in the paragraph after a
// named quotation, with paragraphs separated by a blank line as article
// text is, goes to that name; a subject that names no one (a title alone,
// "police", "experts", "the report", "students") is no speaker. The
// sentences are written for the test.
func TestHanSpeakerReview(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"pronoun in the next paragraph after a blank line",
			"李华表示：“价格明年会上涨很多。”\n\n他说：“我们会努力工作到最后。”",
			[]string{"李华", "李华"}},
		{"pronoun two paragraphs on stays unnamed",
			"李华表示：“价格明年会上涨很多。”\n\n天气很冷。\n\n他说：“我们会努力工作到最后。”",
			[]string{"李华", ""}},
		{"a title alone", "公司的发言人表示：“我们目前不对此事发表评论。”", []string{""}},
		{"the police", "警方表示：“案件目前正在调查之中。”", []string{""}},
		{"experts", "专家认为：“明年的房价可能会下跌。”", []string{""}},
		{"a report", "报告指出：“去年的失业率上升了很多。”", []string{""}},
		{"plural people", "学生们说：“我们对结果非常高兴。”", []string{""}},
		{"that company", "该公司表示：“新工厂明年将会开工。”", []string{""}},
		{"told the reporters", "王明对记者说：“这个问题我们明天再讨论。”", []string{"王明"}},
		{"a name after a title still read", "外交部发言人李强表示：“我们坚决反对这些制裁。”", []string{"李强"}},
	})
}

// TestSwedishQuotesStopAtTheNextQuote checks that the words after a
// Swedish ”…” quotation end where the next ”…” opens (s39-srev): a
// paragraph of many such quotations costs about what one of “…” costs,
// and each keeps its own speaker.
func TestSwedishQuotesStopAtTheNextQuote(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "”Vi arbetar vidare med planen nummer %d i år”, sa Erik Berg. ", i)
	}
	b.WriteString("”Det blir ingen ändring i planen alls i år”, skrev Eva Lind.")
	var got []string
	for _, q := range Quotes(b.String()) {
		got = append(got, q.Speaker)
	}
	want := []string{"Erik Berg", "Erik Berg", "Erik Berg", "Eva Lind"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("speakers = %q, want %q", got, want)
	}
	if got := nextQuoteOpeners("”Ja”, sa han."); !strings.ContainsRune(got, '”') {
		t.Errorf("nextQuoteOpeners of a Swedish paragraph = %q, want ” among them", got)
	}
	if got := nextQuoteOpeners("“Yes,” he said. It is 55” wide."); strings.ContainsRune(got, '”') {
		t.Errorf("nextQuoteOpeners of an English paragraph = %q, want no ”", got)
	}
}
