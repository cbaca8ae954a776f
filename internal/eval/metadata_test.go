package eval

import (
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func TestGoldNamesSplitsBylinesIntoNames(t *testing.T) {
	for _, tc := range []struct {
		byline string
		want   []string
	}{
		{"By Jane Doe", []string{"Jane Doe"}},
		{"Stella Kim, Jennifer Jett", []string{"Stella Kim", "Jennifer Jett"}},
		{"Alexandre Hervaud and Jérémy Piette", []string{"Alexandre Hervaud", "Jérémy Piette"}},
		{"By Nathan Willis\n  March 25, 2015", []string{"Nathan Willis"}},
		{"Written by Rob Ewaschuk\nEdited by Betsy Beyer", []string{"Rob Ewaschuk", "Betsy Beyer"}},
		{"Martin Untersinger (avec Damien Leloup et Morgane Tual)", []string{"Martin Untersinger", "Damien Leloup", "Morgane Tual"}},
		{"Bradley M. Kuhn (http://ebb.org/bkuhn/)", []string{"Bradley M. Kuhn"}},
		{"April 28, 2019 at 6:01 am", nil},
		{"wrenfield42", []string{"wrenfield42"}}, // a forum account: a handle with digits is a name
		{"kite_runner7 and Mo.Darby", []string{"kite_runner7", "Mo.Darby"}},
		{"Ada Quill, CPT 300", []string{"Ada Quill"}}, // a credential with a number is no name
		{"Ada Quill, MS, RD", []string{"Ada Quill"}},  // credentials after a name
		{"QRW", []string{"QRW"}}, // capitals alone: a handle or an outlet, no credential of a name
		{"9b1f20c-77de", nil},    // an id opens with a digit
		{"", nil},
	} {
		if got := GoldNames(tc.byline); !slices.Equal(got, tc.want) {
			t.Errorf("GoldNames(%q) = %q, want %q", tc.byline, got, tc.want)
		}
	}
}

func TestNamesMatchFoldsCaseAccentsAndMiddleNames(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"JOE HILDEBRAND", "Joe Hildebrand", true},
		{"Jérémy Piette", "Jeremy Piette", true},
		{"Nelson D. Schwartz", "Nelson Schwartz", true},
		{"Nelson Schwartz", "Nelson Mandela", false},
		{"Schwartz", "Nelson Schwartz", false}, // one token is too little to tell people apart
	} {
		if got := namesMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("namesMatch(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestScoreMetadataCountsEachField(t *testing.T) {
	day := func(s string) *string { return &s }
	gold := map[string]GoldMeta{
		"a": {Title: "Harbour  Strike Ends", Author: "Ann Lee, Bo Chan", Date: day("2024-05-01T23:30:00-05:00"), SiteName: "The Ledger"},
		"b": {Title: "Ferry fares rise", Byline: "By Cy Dunn", Date: day("2024-05-02")},
		"c": {Title: "Third page", Date: nil},
	}
	local := time.FixedZone("", -5*3600)
	articles := map[string]news.Article{
		"a": {Title: "harbour strike ends", Byline: "Ann Lee", Published: time.Date(2024, 5, 1, 23, 30, 0, 0, local), Source: "The Ledger"},
		"b": {Title: "Ferry fares rise | Courier", Byline: "Cy Dunn, Di Eve", Published: time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC), Source: "c0ffee00-1234-4abc-8def-0123456789ab"},
		"c": {Title: "Third page", Byline: "Someone Else", Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Source: "courier.example"},
	}
	r := ScoreMetadata("t", gold, articles)
	if r.Title != (Count{2, 3}) {
		t.Errorf("title = %v, want 2/3", r.Title)
	}
	if r.NameTP != 2 || r.NameFP != 1 || r.NameFN != 1 || r.Spurious != (Count{1, 1}) {
		t.Errorf("names tp %d fp %d fn %d spurious %v, want 2 1 1 and 1/1", r.NameTP, r.NameFP, r.NameFN, r.Spurious)
	}
	if r.DateExact != (Count{1, 2}) || r.DateWrong != (Count{1, 2}) || r.DateMissing != (Count{0, 2}) {
		t.Errorf("dates exact %v wrong %v missing %v", r.DateExact, r.DateWrong, r.DateMissing)
	}
	if p, rc := r.DateP, r.DateR; p != 1.0/3 || rc != 1 {
		t.Errorf("htmldate P %v R %v, want 1/3 and 1", p, rc)
	}
	if r.SiteNonEmpty != (Count{2, 3}) || r.SiteExact != (Count{1, 1}) {
		t.Errorf("site non-empty %v exact %v", r.SiteNonEmpty, r.SiteExact)
	}
}
