package cli

import (
	"encoding/json"
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
