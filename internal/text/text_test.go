package text

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain", "The mayor resigned. Her deputy takes over.", []string{"The mayor resigned.", "Her deputy takes over."}},
		{"month abbreviation", "He returned to Moscow on Oct. 5 as his term ended. No successor was named.",
			[]string{"He returned to Moscow on Oct. 5 as his term ended.", "No successor was named."}},
		{"title abbreviation", "Gen. Ada Marsh spoke first. Then Dr. Lee answered.", []string{"Gen. Ada Marsh spoke first.", "Then Dr. Lee answered."}},
		{"initials", "J. R. Tolkien wrote it. It sold well.", []string{"J. R. Tolkien wrote it.", "It sold well."}},
		{"decimal", "Prices rose 3.5 percent in May. Rents rose more.", []string{"Prices rose 3.5 percent in May.", "Rents rose more."}},
		{"U.S. inside", "The U.S. Senate voted. It passed.", []string{"The U.S. Senate voted.", "It passed."}},
		{"U.S. at the end", "The envoy left the U.S. The embassy confirmed it.", []string{"The envoy left the U.S.", "The embassy confirmed it."}},
		{"quote closes sentence", `"We will rebuild." The mayor left the stage.`, []string{`"We will rebuild."`, "The mayor left the stage."}},
		{"quote then attribution", `"We will rebuild," she said. Crowds cheered.`, []string{`"We will rebuild," she said.`, "Crowds cheered."}},
		{"question inside quote, lower case after", `"Why now?" he asked. Nobody knew.`, []string{`"Why now?" he asked.`, "Nobody knew."}},
		{"number sign", "The team is ranked No. 2 in the nation. It plays No. 3 next.", []string{"The team is ranked No. 2 in the nation.", "It plays No. 3 next."}},
		{"month then digit", "The vote is on Jan. 12 in the U.S. Senate. Few expect it to pass.", []string{"The vote is on Jan. 12 in the U.S. Senate.", "Few expect it to pass."}},
		{"month ends sentence", "It happened in Jan. The next month was worse.", []string{"It happened in Jan.", "The next month was worse."}},
		{"a state's abbreviation before a title", "Critics called on Ariz. Gov. Ada Marsh to veto it. She did.", []string{"Critics called on Ariz. Gov. Ada Marsh to veto it.", "She did."}},
		{"a state's abbreviation after a comma ends a sentence", "It will be held in Tempe, Ariz. Tickets are sold out.", []string{"It will be held in Tempe, Ariz.", "Tickets are sold out."}},
		{"a party's label ends a sentence", "He works for Rep. Ada Marsh, R-Tenn. She hired him.", []string{"He works for Rep. Ada Marsh, R-Tenn.", "She hired him."}},
		{"words spelt like states end sentences", "He was seriously ill. He died on Monday. Ships carried iron ore. The port closed.",
			[]string{"He was seriously ill.", "He died on Monday.", "Ships carried iron ore.", "The port closed."}},
		{"a state's abbreviation before a typical first word", "The team flew to Mass. Then it lost.", []string{"The team flew to Mass.", "Then it lost."}},
		{"a line break after a time ends a sentence", "Turnout was high.\nThe polls close at 8 p.m.\nVoters queued all day.",
			[]string{"Turnout was high.", "The polls close at 8 p.m.", "Voters queued all day."}},
		{"a line break after a title or a month does not", "He met Mr.\nOduya on Jan.\n5 in the U.S. Senate.",
			[]string{"He met Mr.\nOduya on Jan.\n5 in the U.S. Senate."}},
		{"a wrapped line ending in an initialism ends no sentence", "The vote in the U.S.\nSenate came after a long debate.",
			[]string{"The vote in the U.S.\nSenate came after a long debate."}},
		{"Windows line ends", "He left.\r\nShe stayed.\r\nThey went home.", []string{"He left.", "She stayed.", "They went home."}},
		{"hard-wrapped lines end no sentence", "The vote in the U.S.\nSenate came after a long debate on the\nfees, which the port authority set in\nMay. Few expect it to pass.",
			[]string{"The vote in the U.S.\nSenate came after a long debate on the\nfees, which the port authority set in\nMay.", "Few expect it to pass."}},
		{"plural titles", "Sens. Ada Marsh and Reps. Lee Oduya met. They agreed.", []string{"Sens. Ada Marsh and Reps. Lee Oduya met.", "They agreed."}},
		{"initials run together", "President B.J. Habibie spoke. Mr. Obama left.", []string{"President B.J. Habibie spoke.", "Mr. Obama left."}},
		{"question inside an attributed quote", `"What is this? A circus?" he said, laughing. Then he left.`, []string{`"What is this? A circus?" he said, laughing.`, "Then he left."}},
		{"curly quote, two sentences, attributed", "“We lost. We will be back,” she said. “Not today.”", []string{"“We lost. We will be back,” she said.", "“Not today.”"}},
		{"chinese", "市长辞职了。副市长接任。", []string{"市长辞职了。", "副市长接任。"}},
		{"empty", "  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWordsAndTerms(t *testing.T) {
	if got, want := Words("Norway’s mayor, 58, left."), []string{"Norway", "s", "mayor", "58", "left"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
	if got, want := Terms("The mayor and the Governor"), []string{"mayor", "governor"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
	if got, want := Terms("北京大学"), []string{"北京", "京大", "大学"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Terms of Han text = %q, want bigrams %q", got, want)
	}
	if got := WordCount("北京大学 news"); got != 3 {
		t.Errorf("WordCount = %d, want 3 (two for four Han characters, one for the word)", got)
	}
}

func TestShingles(t *testing.T) {
	if got, want := Shingles([]string{"a", "b", "c"}, 4), []string{"a b c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("short text: %q, want %q", got, want)
	}
	if got := Shingles(nil, 4); got != nil {
		t.Errorf("empty text: %q, want none", got)
	}
	if got, want := Shingles([]string{"a", "b", "c", "d", "e"}, 4), []string{"a b c d", "b c d e"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMinHashEstimatesJaccard(t *testing.T) {
	var a, b, c []string
	for i := 0; i < 200; i++ {
		a = append(a, string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	b = append(b, a[:180]...) // Jaccard 180/200 = 0.9
	for i := 0; i < 200; i++ {
		c = append(c, "other"+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	sa, sb, sc := Signature(a, 128), Signature(b, 128), Signature(c, 128)
	if got := sa.Similarity(sb); got < 0.75 || got > 1 {
		t.Errorf("similarity of sets with Jaccard 0.9 = %.2f, want about 0.9", got)
	}
	if got := sa.Similarity(sc); got > 0.1 {
		t.Errorf("similarity of disjoint sets = %.2f, want about 0", got)
	}
	if got := sa.Similarity(sa); got != 1 {
		t.Errorf("self similarity = %.2f, want 1", got)
	}
	shared := 0
	ka, kb := sa.Bands(16), sb.Bands(16)
	for i := range ka {
		if ka[i] == kb[i] {
			shared++
		}
	}
	if shared == 0 {
		t.Error("near-identical sets share no LSH band")
	}
}

func TestNormalize(t *testing.T) {
	if got, want := Normalize("Norway’s “Mayor” — soft\u00adhyphen"), "norway's \"mayor\" - softhyphen"; got != want {
		t.Errorf("Normalize = %q, want %q", got, want)
	}
}

// TestFoldSkipsOnlyTextsWithNothingToFold checks Fold's fast path: it
// gives what the replacer gives, on texts with and without the characters
// it folds, and on other characters sharing their first byte (é is C3,
// "…" and "€" are E2, "©" is C2).
func TestFoldSkipsOnlyTextsWithNothingToFold(t *testing.T) {
	for _, s := range []string{"", "plain ASCII text", "café naïve", "wait… €5 © 2024",
		"Norway’s “Mayor” — soft\u00adhyphen", "a b c «q» 3−2 ‚‛„–", "â", "Â"} {
		if got, want := Fold(s), foldPunct.Replace(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestShingleSignatureIsSignatureOfShingles(t *testing.T) {
	for _, s := range []string{
		"",
		"Two words",
		"Five words make one shingle",
		"Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay, the union said.",
	} {
		words := Words(s)
		got, want := ShingleSignature(words, 5, 64), Signature(Shingles(words, 5), 64)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: ShingleSignature differs from Signature(Shingles(...))", s)
		}
	}
}

func TestASCIIWordCharactersMatchUnicode(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
}

// realText is a labelled file of real news articles beside the repository
// (CI lays ../shared beside its clone).
const realText = "../../../shared/bench/stories/basil.jsonl"

// titleAtEnd matches a sentence cut after a title or number sign that
// always has a name or a number after it.
var titleAtEnd = regexp.MustCompile(`(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Sgt|Capt|Prof|Gov)\.$`)

// quoteTail matches a sentence that begins inside a quotation which then
// closes and is attributed in lower case: the split fell inside the quote.
var quoteTail = regexp.MustCompile(`^[^"“”]+[.!?,]["”]\s*,?\s*(?:he|she|they|I|we)\s+(?:said|says|asked|added|told)\b`)

// TestSentencesOnRealText splits the paragraphs of real news articles and
// checks that no sentence ends on a title or number sign before a name or
// number, that no number follows a split after "No.", and that no
// attributed quotation is cut in two.
func TestSentencesOnRealText(t *testing.T) {
	f, err := os.Open(realText)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI lays ../shared beside the clone: %v", err)
		}
		t.Skipf("no real text beside the repository: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	paragraphs, sentences := 0, 0
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(a.Text, "\n") {
			ss := Sentences(p)
			paragraphs++
			sentences += len(ss)
			for i := 0; i+1 < len(ss); i++ {
				if titleAtEnd.MatchString(ss[i]) {
					t.Errorf("split after a title: %q | %q", ss[i], ss[i+1])
				}
				if strings.HasSuffix(ss[i], " No.") && unicode.IsDigit([]rune(ss[i+1])[0]) {
					t.Errorf("split after No.: %q | %q", ss[i], ss[i+1])
				}
				if quoteTail.MatchString(ss[i+1]) {
					t.Errorf("split inside an attributed quote: %q | %q", ss[i], ss[i+1])
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if sentences < 2*paragraphs/3 {
		t.Errorf("%d sentences in %d paragraphs: too few to have been split", sentences, paragraphs)
	}
}

// TestFirstHan checks the bound hasHan skips below: no code point under it
// is Han, Hiragana or Katakana, and it is one.
func TestFirstHan(t *testing.T) {
	for r := rune(0); r < firstHan; r++ {
		if isHan(r) {
			t.Fatalf("%U is written without spaces but comes before firstHan", r)
		}
	}
	if !isHan(firstHan) {
		t.Errorf("firstHan %U is not Han", firstHan)
	}
}

func TestNameLexiconFirstNamesAndRoles(t *testing.T) {
	if !IsFirstName("margaret") || IsFirstName("weather") {
		t.Error("IsFirstName: margaret is a first name, weather is not")
	}
	if !Names().Has("london", "city") {
		t.Error("london is not a city of the name lexicon")
	}
	if !RoleNouns()["farmer"] || len(Names()["farmer"]) > 0 {
		t.Error("the role line is read apart from the names")
	}
}

// TestSplitHan: a word of Han characters splits into its characters, the
// other characters between them kept as runs; other words stay whole.
func TestSplitHan(t *testing.T) {
	for w, want := range map[string][]string{
		"12月5日":   {"12", "月", "5", "日"},
		"大桥":      {"大", "桥"},
		"カメラ":     {"カ", "メ", "ラ"},
		"Oldmere": {"Oldmere"},
		"Ölmühle": {"Ölmühle"},
	} {
		got := SplitHan(w)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("SplitHan(%q) = %q, want %q", w, got, want)
		}
		for _, p := range got {
			if IsHanPiece(p) != (len([]rune(p)) == 1 && hasHan(p)) {
				t.Errorf("IsHanPiece(%q) = %v", p, IsHanPiece(p))
			}
		}
	}
}
