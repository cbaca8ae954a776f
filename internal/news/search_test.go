package news

import (
	"reflect"
	"testing"
)

func TestParseSearch(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []string
	}{
		{`national emergency`, []string{"national", "emergency"}},
		{`"national emergency" declared`, []string{`"national emergency"`, "declared"}},
		{`emerg* Trump`, []string{"emerg*", "trump"}},
		{`em* U.S.`, []string{"em", `"u s"`}},
		{`"unclosed phrase here`, []string{`"unclosed phrase here"`}},
		{`"" * -- `, nil},
		{`"state of emergency"`, []string{`"state of emergency"`}},
		{`Élysée*`, []string{"élysée*"}},
	} {
		var got []string
		for _, term := range ParseSearch(c.q) {
			got = append(got, term.String())
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseSearch(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

// FuzzParseSearch: any input parses; every term has words of letters and
// digits only, and a prefix term is one word of MinPrefix or more runes.
func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{`"a b" c*`, "\x00\"", `***`, `"`, "ab*cd*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, term := range ParseSearch(q) {
			if len(term.Words) == 0 {
				t.Fatalf("%q: empty term", q)
			}
			for _, w := range term.Words {
				if w == "" || len(searchWords(w)) != 1 {
					t.Fatalf("%q: word %q is not one run of letters and digits", q, w)
				}
			}
			if term.Prefix && (len(term.Words) != 1 || len([]rune(term.Words[0])) < MinPrefix) {
				t.Fatalf("%q: bad prefix term %+v", q, term)
			}
		}
	})
}
