package extract

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// A yearless time stamp takes the year its weekday names at or before the
// page's latest year, else that year; one with a year after its clock, a
// day without a clock and a page without a year give none.
func TestReadYearless(t *testing.T) {
	for _, tc := range []struct {
		text   string
		latest int
		want   string
	}{
		{"Posted by timothy on Tuesday July 24, @12:06PM", 2012, "2012-07-24 12:06"},
		{"on Tuesday July 24, @12:06PM", 2014, "2012-07-24 12:06"}, // July 24 is a Tuesday in 2012, not 2013 or 2014
		{"Apr 4, 10:52 AM EDT", 2005, "2005-04-04 10:52"},
		{"Fri 18 Jan, 11:45 AM", 2008, "2008-01-18 11:45"},
		{"Premiering Tuesday, January 8 at 10:00 p.m. ET/PT", 2008, "2008-01-08 22:00"},
		{"Wed, Mar 18, 12:00 AM GMT", 2026, "2026-03-18 00:00"},
		{"Last Modified Fri Oct 29 16:15:29 PDT 1999", 1999, ""},
		{"Sat, March 20", 2010, ""},
		{"Apr 4, 10:52 AM EDT", 0, ""},
		{"Score 4 - 2, 10:52 left", 2005, ""},
	} {
		got := ""
		if d, ok := readYearless(tc.text, func() int { return tc.latest }); ok {
			got = d.Format("2006-01-02 15:04")
		}
		if got != tc.want {
			t.Errorf("readYearless(%q, %d) = %q, want %q", tc.text, tc.latest, got, tc.want)
		}
	}
}

// The yearless stamp dates only a page that offers no other date, with the
// year of the page's copyright line.
func TestYearlessStampDatesOnlyAnUndatedPage(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"stamp alone", `<h1>Pope's tomb opens</h1><p>Apr 4, 10:52 AM EDT</p><p>Pilgrims queued.</p><p>© 2005 The Wire. All rights reserved.</p>`, "2005-04-04"},
		{"a dated line beside it", `<h1>Pope's tomb opens</h1><p>Apr 4, 10:52 AM EDT</p><p>Posted April 6, 2005</p>`, "2005-04-06"},
		{"no year on the page", `<h1>Pope's tomb opens</h1><p>Apr 4, 10:52 AM EDT</p>`, ""},
	} {
		doc, err := html.Parse(strings.NewReader(tc.page))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if d := readMeta(doc).article("").Published; !d.IsZero() {
			got = d.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("%s: published %q, want %q", tc.name, got, tc.want)
		}
	}
}

// The page's latest year is the latest year its texts write, each end of
// a range too, and none after the reading time.
func TestLatestPageYear(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<p>Founded 1998</p><p>Copyright © 1995-2026 Shop Inc.</p><p>Plans for 2031</p>`))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	if got := readMeta(doc).latestPageYear(now); got != 2026 {
		t.Errorf("latestPageYear = %d, want 2026", got)
	}
}

// A last-resort date is taken without the ranker: a ranker whose
// threshold no candidate reaches still picks it, and scores it sure; the
// same candidate not marked so is left.
func TestLastResortDateIsTakenWithoutTheRanker(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<html><head><title>Wire - Storm grows weaker - Sep 25, 2005</title></head><body><h1>Storm</h1></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	cands := readMeta(doc).dateMetaCandidates("")
	if len(cands) != 1 || !cands[0].LastResort {
		t.Fatalf("candidates %+v, want the title's day alone, marked last resort", cands)
	}
	strict := *DefaultMetaModel().Date
	strict.Threshold = 1.5 // no probability reaches it
	if got := strict.Pick(cands); got != 0 {
		t.Errorf("Pick = %d, want 0", got)
	}
	if s := strict.Score(cands); s.Best != 0 || s.P != 1 || s.Share != 1 {
		t.Errorf("Score = %+v, want the candidate, sure", s)
	}
	cands[0].LastResort = false
	if got := strict.Pick(cands); got != -1 {
		t.Errorf("Pick of the candidate not marked = %d, want -1 (below the threshold)", got)
	}
}

// FuzzReadYearless: any text gives no yearless stamp or one whose year is
// at most maxWeekdayYearsBack before the page's latest year, never a panic
// (readYearless indexes the groups of its match).
func FuzzReadYearless(f *testing.F) {
	for _, s := range []string{"Posted by timothy on Tuesday July 24, @12:06PM", "Apr 4, 10:52 AM EDT", "Fri 18 Jan, 11:45 AM",
		"Premiering Tuesday, January 8 at 10:00 p.m. ET/PT", "Last Modified Fri Oct 29 16:15:29 PDT 1999", "Wed Feb 29, 10:00", "Dienstag, 24. Juli, 12:06"} {
		f.Add(s, 2012)
	}
	f.Fuzz(func(t *testing.T, s string, latest int) {
		if latest < 1990 || latest > 2100 {
			return // latestPageYear gives 0 or a year of pageYear's
		}
		d, ok := readYearless(s, func() int { return latest })
		if ok && (d.Year() > latest || d.Year() < latest-maxWeekdayYearsBack) {
			t.Errorf("readYearless(%q, %d) = %s, outside the years the page's latest allows", s, latest, d)
		}
	})
}
