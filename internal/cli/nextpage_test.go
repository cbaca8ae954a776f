package cli

import "testing"

// TestNextPageNeverSaysNextZero: the line under a page of stories names
// the next page's size from the count read after the page; when stories
// merged in between leave none past the page, it says nothing rather than
// "for the next 0".
func TestNextPageNeverSaysNextZero(t *testing.T) {
	for _, c := range []struct {
		next, limit, total int
		want               string
	}{
		{20, 20, 45, "more stories: --offset 20 for the next 20 (45 in all)"},
		{40, 20, 45, "more stories: --offset 40 for the next 5 (45 in all)"},
		{20, 20, -1, "more stories: --offset 20 for the next 20"},
		{20, 20, 20, ""},
		{20, 20, 17, ""},
	} {
		if got := nextPageSays(c.next, c.limit, c.total); got != c.want {
			t.Errorf("nextPageSays(%d, %d, %d) = %q, want %q", c.next, c.limit, c.total, got, c.want)
		}
	}
}
