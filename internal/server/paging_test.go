package server

import (
	"net/http/httptest"
	"testing"
)

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4321: "-4,321"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestPage(t *testing.T) {
	r := httptest.NewRequest("GET", "/search?q=a+b&offset=50&limit=50&source=", nil)
	for _, c := range []struct {
		total, offset, limit int
		says, prev, next     string
		many                 bool
	}{
		{1234, 0, 50, "1–50 of 1,234", "", "/search?limit=50&offset=50&q=a+b", true},
		{1234, 50, 50, "51–100 of 1,234", "/search?limit=50&q=a+b", "/search?limit=50&offset=100&q=a+b", true},
		{1234, 1200, 50, "1,201–1,234 of 1,234", "/search?limit=50&offset=1150&q=a+b", "", true},
		{3, 0, 50, "1–3 of 3", "", "", false},
		{0, 0, 50, "none of 0", "", "", false},
		{10, 30, 20, "none of 10", "/search?limit=50&q=a+b", "", true}, // past the end: back to the last page with items
		{45, 60, 20, "none of 45", "/search?limit=50&offset=40&q=a+b", "", true},
	} {
		p := newPage(r, c.total, c.offset, c.limit)
		if p.Says() != c.says || p.Prev() != c.prev || p.Next() != c.next || p.Many() != c.many {
			t.Errorf("%d at %d by %d: %q prev %q next %q many %v; want %q %q %q %v", c.total, c.offset, c.limit,
				p.Says(), p.Prev(), p.Next(), p.Many(), c.says, c.prev, c.next, c.many)
		}
	}
}

// TestPageLinksKeepThePathEscaped: an outlet key with characters that mean
// something in a URL ("???") is linked as it was requested.
func TestPageLinksKeepThePathEscaped(t *testing.T) {
	r := httptest.NewRequest("GET", "/sources/%3F%3F%3F?offset=1&limit=1", nil)
	p := newPage(r, 3, 1, 1)
	if got, want := p.Prev(), "/sources/%3F%3F%3F?limit=1"; got != want {
		t.Errorf("prev = %q, want %q", got, want)
	}
	if got, want := p.Next(), "/sources/%3F%3F%3F?limit=1&offset=2"; got != want {
		t.Errorf("next = %q, want %q", got, want)
	}
}
