package extract

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// lastResortDays is the days (with the time, "2006-01-02 15:04") of a
// page's date candidates read at the reading time read, each marked "*"
// when it is a last resort.
func lastResortDays(t *testing.T, page string, read time.Time) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pm := readMeta(doc)
	pm.read = read
	var out []string
	for _, c := range pm.dateCandidates("") {
		s := c.t.Format("2006-01-02 15:04")
		if c.lastResort {
			s += "*"
		}
		out = append(out, s)
	}
	return out
}

// probeRead is the reading time of the probes below: a page captured on
// 20 November 2024.
var probeRead = time.Date(2024, 11, 20, 9, 0, 0, 0, time.UTC)

// The title's day is a last resort that takes no day after the page was
// read (a sale's end, a coming concert) nor one before 1990 (a historical
// day), and reads the written forms of other languages as findDate does.
func TestTitleDayProbes(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"a sale that ends after the reading", `<title>Sale ends December 31, 2024</title><h1>Sale</h1>`, ""},
		{"a concert two days after the reading", `<title>Concert - Nov 22, 2024 - Tickets</title><h1>Concert</h1>`, ""},
		{"a day of 1944", `<title>On 6 June 1944 - D-Day</title><h1>D-Day</h1>`, ""},
		{"a day and month without a year", `<title>Election results 12/11</title><h1>Results</h1><p>© 2024</p>`, ""},
		{"a French day", `<title>Le 14 juillet 2019 à Paris</title><h1>Paris</h1>`, "2019-07-14 00:00*"},
		{"a Japanese day", `<title>2019年7月14日のニュース</title><h1>ニュース</h1>`, "2019-07-14 00:00*"},
		{"a product's model year is no day", `<title>Windows 2000 Server SP4</title><h1>Windows</h1>`, ""},
	} {
		if got := strings.Join(lastResortDays(t, tc.page, probeRead), ";"); got != tc.want {
			t.Errorf("%s: candidates %q, want %q", tc.name, got, tc.want)
		}
	}
}

// The yearless stamp's year: the year its weekday names at or before the
// page's latest year (Feb 29 only in a leap year), none when no year of
// the window has that weekday or the page writes no year up to the
// reading, none after the reading; a German weekday names its year too.
func TestYearlessStampProbes(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"Feb 29 on its weekday", `<h1>x</h1><p>Wed Feb 29, 10:00</p><p>© 2013</p>`, "2012-02-29 10:00*"},
		{"Feb 29 without a weekday", `<h1>x</h1><p>Feb 29, 10:00</p><p>© 2013</p>`, "2012-02-29 10:00*"},
		{"Feb 29 on a weekday no year of the window has", `<h1>x</h1><p>Thu Feb 29, 10:00</p><p>© 2013</p>`, ""},
		{"a German weekday", `<h1>x</h1><p>Dienstag, 24. Juli, 12:06</p><p>© 2014</p>`, "2012-07-24 12:06*"},
		{"a page that writes only a year after the reading", `<h1>x</h1><p>Apr 4, 10:52 AM</p><p>Plans for 2031</p>`, ""},
		{"a stamp after the reading in the page's year", `<h1>x</h1><p>Dec 30, 10:52 AM</p><p>© 2024</p>`, ""},
	} {
		if got := strings.Join(lastResortDays(t, tc.page, probeRead), ";"); got != tc.want {
			t.Errorf("%s: candidates %q, want %q", tc.name, got, tc.want)
		}
	}
}

// An English word that is also another language's short month ("set",
// Italian and Portuguese September; "out", Portuguese October) between a
// number and a time of day is no yearless stamp: "Game 3 set at 7:30 PM"
// is no September 3, "Episode 5 out at 9:00 PM" no October 5.
func TestYearlessStampIsNoEnglishWord(t *testing.T) {
	for _, page := range []string{
		`<h1>Schedule</h1><p>Game 3 set at 7:30 PM</p><p>© 2024</p>`,
		`<h1>Show</h1><p>Episode 5 out at 9:00 PM</p><p>© 2024</p>`,
	} {
		if got := lastResortDays(t, page, probeRead); len(got) != 0 {
			t.Errorf("%s: candidates %q, want none", page, got)
		}
	}
	// the same words with a year are findDate's, and still read
	if got := lastResortDays(t, `<h1>Notícia</h1><p>Publicado 5 out 2024, 10:30</p>`, probeRead); len(got) != 1 || got[0] != "2024-10-05 10:30" {
		t.Errorf("a Portuguese day with its year: candidates %q, want 2024-10-05 10:30", got)
	}
}

// The page's latest year is read once however many stamps give no day: it
// reads every text, and read once per stamp it made a page of thousands
// of stamps take time growing with the square of its texts.
func TestYearlessStampsAskThePageYearOnce(t *testing.T) {
	texts := make([]dated, 50)
	for i := range texts {
		texts[i] = dated{value: "Dec 30, 10:52 AM"} // after the reading in the page's year: no day
	}
	asked := 0
	got := firstYearlessStamp(texts, probeRead, func() int { asked++; return 2024 })
	if len(got) != 0 || asked != 1 {
		t.Errorf("%d candidates, the page's year asked %d times; want none, asked once", len(got), asked)
	}
}
