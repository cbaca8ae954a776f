package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractSourceAndURLFlags(t *testing.T) {
	for _, tc := range []struct {
		name       string
		args       []string
		wantSource string
		wantURL    string
	}{
		{"the page's own names", nil, "", ""},
		{"a named outlet wins", []string{"--source", "Calder Weekly"}, "Calder Weekly", ""},
		{"a URL for a file without one", []string{"--url", "https://calder.example/news/ferries"}, "", "https://calder.example/news/ferries"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{"extract"}, tc.args...), "testdata/pages/harbour-chief-courier.txt")
			out, _, code := storyline(t, args...)
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			var a struct{ Source, URL string }
			if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &a); err != nil {
				t.Fatal(err)
			}
			if tc.wantSource == "" {
				tc.wantSource = "Northfield Courier" // the dump's own copyright line
			}
			if a.Source != tc.wantSource || a.URL != tc.wantURL {
				t.Errorf("source %q url %q, want %q %q", a.Source, a.URL, tc.wantSource, tc.wantURL)
			}
		})
	}
	if _, _, code := storyline(t, "extract", "--url", "not a url", "testdata/pages/ferry-fares.html"); code != 2 {
		t.Errorf("--url 'not a url' exits %d, want 2", code)
	}
}

// extract --comments adds the readers' comments under an article; without
// it they are left out.
func TestExtractCommentsFlag(t *testing.T) {
	page := `<html><head><title>Harbour board closes the old ferry pier</title></head><body>` +
		`<h1>Harbour board closes the old ferry pier</h1><div class="entry">` +
		`<p>The harbour board voted on Tuesday to close the old ferry pier for repairs through the spring, after divers found the timber piles rotten below the waterline.</p>` +
		`<p>Boats will dock at the fish quay until the work ends, the board said, and the morning crossing will leave twenty minutes earlier to make up the longer walk.</p>` +
		`<p>Repairs are expected to cost about four million, paid from the harbour fund and a loan the council still has to approve next month.</p>` +
		`</div><div id="comments"><h3>2 comments</h3><ol class="thread">` +
		`<li itemprop="comment" itemscope itemtype="https://schema.org/Comment"><p>About time, the pier has been shaking under the buses for years and nobody on the board seemed to care at all.</p></li>` +
		`<li itemprop="comment" itemscope itemtype="https://schema.org/Comment"><p>Twenty minutes earlier is too early for the school run, and the walk from the fish quay is long in the rain.</p></li>` +
		`</ol></div></body></html>`
	path := filepath.Join(t.TempDir(), "pier.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args         []string
		wantComments bool
	}{{nil, false}, {[]string{"--comments"}, true}} {
		out, _, code := storyline(t, append(append([]string{"extract"}, tc.args...), path)...)
		if code != 0 {
			t.Fatalf("%v: exit %d", tc.args, code)
		}
		var a struct{ Text string }
		if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &a); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, "timber piles") || strings.Contains(a.Text, "school run") != tc.wantComments {
			t.Errorf("%v: text %q, want the article, with the comments %v", tc.args, a.Text, tc.wantComments)
		}
	}
}

// extract --comments on a text dump says that it added nothing: a dump has
// no markup to find a comment section by. Without --comments, no such word.
func TestExtractCommentsSaysDumpsAreLeftAlone(t *testing.T) {
	dump := "Harbour board closes the old ferry pier\n" +
		"The harbour board voted on Tuesday to close the old ferry pier for repairs through the spring, after divers found the timber piles rotten below the waterline.\n" +
		"2 Comments\n" +
		"About time, the pier has been shaking under the buses for years and nobody on the board seemed to care at all.\n"
	path := filepath.Join(t.TempDir(), "pier.txt")
	if err := os.WriteFile(path, []byte(dump), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args     []string
		wantNote bool
	}{{[]string{"--text"}, false}, {[]string{"--text", "--comments"}, true}} {
		_, errOut, code := storyline(t, append(append([]string{"extract"}, tc.args...), path)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errOut)
		}
		if got := strings.Contains(errOut, "--comments added nothing to 1 text dump"); got != tc.wantNote {
			t.Errorf("%v: stderr %q, want the note on dumps %v", tc.args, errOut, tc.wantNote)
		}
	}
}
