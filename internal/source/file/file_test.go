package file

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// TestIDOfANameThatIsNotUTF8: a file name in Latin-1 or with control
// characters gives an id that is valid UTF-8 and survives JSON unchanged, so
// the API can serve it (issue 18: such names became ids the API could not
// serve); distinct names stay distinct.
func TestIDOfANameThatIsNotUTF8(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"pages/caf\xe9-strike.html", "cafxe9-strike"},
		{"pages/caf\xc3\xa9-strike.html", "caf\u00e9-strike"},
		{"pages/a\x1b[2Jb.txt.gz", "ax1b[2Jb"},
		{"pages/plain-name.html", "plain-name"},
	} {
		got := ID(c.path)
		back, _ := json.Marshal(got)
		var decoded string
		json.Unmarshal(back, &decoded)
		if got != c.want || !utf8.ValidString(got) || decoded != got {
			t.Errorf("ID(%q) = %q (through JSON %q), want %q", c.path, got, decoded, c.want)
		}
	}
}
