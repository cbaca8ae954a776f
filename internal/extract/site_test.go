package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

func TestSiteNameOfAPageWithoutURL(t *testing.T) {
	for _, tc := range []struct {
		name, page, want string
	}{
		{"og:site_name first",
			`<head><title>A story | Ignored</title><meta property="og:site_name" content="The Daily Planet"></head><body><p>x</p></body>`,
			"The Daily Planet"},
		{"a bracketed title suffix",
			`<head><title>Weekly Edition for March 26, 2015 [LWN.net]</title></head><body><p>x</p></body>`,
			"LWN.net"},
		{"the twitter handle",
			`<head><title>No separator here</title><meta name="twitter:site" content="@planetnews"></head><body><p>x</p></body>`,
			"planetnews"},
		{"the host most linked to, sharing platforms aside",
			`<head><title>No separator here</title><link rel="alternate" href="http://blog.example.org/feed"></head><body>
			<a href="https://www.facebook.com/share?u=1">f</a><a href="https://www.facebook.com/share?u=2">f</a><a href="https://www.facebook.com/x">f</a>
			<a href="http://blog.example.org/archives">a</a><a href="http://other.net/">o</a></body>`,
			"blog.example.org"},
		{"nothing to name it by",
			`<head><title>No separator here</title></head><body><a href="/rel">r</a><a href="https://other.net/">o</a></body>`,
			""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := siteNameOfPage(t, tc.page); got != tc.want {
				t.Errorf("site = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSavedFromComment(t *testing.T) {
	page := "<!DOCTYPE html>\n<!-- saved from url=(0044)https://demos.example.org/2024/05/06/a-page -->\n" +
		`<html><head><title>A demo with no separator</title></head><body><h1>A demo</h1><p>Some words of text here.</p></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pm := readMeta(doc)
	if pm.savedFrom != "https://demos.example.org/2024/05/06/a-page" {
		t.Fatalf("savedFrom = %q", pm.savedFrom)
	}
	a := pm.article("")
	if a.Source != "demos.example.org" || a.URL != pm.savedFrom {
		t.Errorf("without a URL: source %q, URL %q; want the saved-from address's", a.Source, a.URL)
	}
	if a := pm.article("https://given.example.com/x"); a.Source != "given.example.com" {
		t.Errorf("a URL given wins over the comment: source %q", a.Source)
	}
	for _, c := range []string{" saved from url=(0014)about:internet ", "saved from a browser", "https://example.com/"} {
		if got := savedFromURL(c); got != "" {
			t.Errorf("savedFromURL(%q) = %q, want none", c, got)
		}
	}
}

func TestMostNamedDomain(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{[]string{"Share on Facebook.com", "Read more at www.EcoGeek.org", "Powered by TypePad.com", "© EcoGeek.org"}, "EcoGeek.org"},
		{[]string{"Version 1.2 of the tool", "See e.g. the docs"}, ""},
		{[]string{"first.com is named", "then second.org"}, "second.org"},
	} {
		if got := mostNamedDomain(tc.lines); got != tc.want {
			t.Errorf("mostNamedDomain(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}

func TestUTCDatesAlsoShownInThePagesZone(t *testing.T) {
	parse := func(s string) dateCand {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return dateCand{t: tm, zone: true}
	}
	days := func(cands []dateCand) string {
		var out []string
		for _, c := range cands {
			out = append(out, fmt.Sprintf("%s/%v/%v", dayKey(c.t), c.shifted, c.twin))
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		name  string
		cands []dateCand
		want  string
	}{
		{"a meta tag's UTC instant late on the 18th is also the 19th where the page writes +05:00",
			[]dateCand{parse("2025-12-18T23:25:38Z"), parse("2025-12-19T04:25:38+05:00"), parse("2025-12-20T09:00:00+05:00"),
				parse("2025-12-18T10:00:00Z"), {t: time.Date(2025, 12, 18, 0, 0, 0, 0, time.UTC)}},
			"2025-12-18/false/true 2025-12-19/false/false 2025-12-20/false/false 2025-12-18/false/false 2025-12-18/false/false 2025-12-19/true/false"},
		{"a page whose zoned times are all UTC keeps them",
			[]dateCand{parse("2025-12-18T23:25:38Z"), parse("2025-12-18T10:00:00Z")},
			"2025-12-18/false/false 2025-12-18/false/false"},
	} {
		if got := days(withPageOffset(tc.cands)); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestTitleSplitsAtBullets(t *testing.T) {
	parts := splitTitle("Gardenary Planting vs. Ordinary Planting • Gardenary")
	if len(parts) != 2 || parts[0].text != "Gardenary Planting vs. Ordinary Planting" || parts[1].text != "Gardenary" {
		t.Errorf("parts = %+v", parts)
	}
}

func TestBylineLabelsInOtherLanguagesAreNotNames(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<body><h1>标题</h1><div class="info"><span>作者：</span><span>肖春芳</span></div><p>正文</p></body>`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range readMeta(doc).bylineCandidates() {
		got = append(got, strings.Join(c.names, ";"))
	}
	if !slices.Contains(got, "肖春芳") || slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "作者") }) {
		t.Errorf("byline candidates = %q, want 肖春芳 and no label", got)
	}
}

func TestFindDateForms(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Posted on the 15/12/2025 at 18:40 by @someone", "2025-12-15"},
		{"11-29-2024, 09:03 AM #1", "2024-11-29"},
		{"Updated: 10/31/2024", "2024-10-31"},
		{"03/04/2024", ""}, // day or month first: either reading is a date
		{"05/05/2024", "2024-05-05"},
		{"By: FlowGuard EMEA on 04-ago-2021 5:11:10", "2021-08-04"},
		{"publicado el 4 de agosto de 2021", "2021-08-04"},
		{"gepubliceerd 12 maart 2023", "2023-03-12"},
		{"2025/12/15", "2025-12-15"},
		{"2025.12.15", "2025-12-15"},
		{"Release 2024.4.4 is out", ""},
		{"15. März 2021", "2021-03-15"},
		{"opublikowano 3 października 2024", "2024-10-03"},
		{"3. března 2024", "2024-03-03"},
	} {
		got := ""
		if d, ok := findDate(tc.text); ok {
			got = dayKey(d)
		}
		if got != tc.want {
			t.Errorf("findDate(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestFindDateRejectsDaysAMonthLacks(t *testing.T) {
	for _, s := range []string{"31/04/2024", "2024/02/30"} {
		if d, ok := findDate(s); ok {
			t.Errorf("findDate(%q) = %s, want no date", s, dayKey(d))
		}
	}
}

func TestPublishedKeepsTheHourOfItsDay(t *testing.T) {
	at := func(s string) MetaCandidate {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return MetaCandidate{Value: s, Time: tm}
	}
	cands := []MetaCandidate{at("2026-03-02T22:00:00Z"), at("2026-03-03T08:40:00Z"), at("2026-03-03T00:00:00Z")}
	for _, tc := range []struct{ pick, want int }{{2, 1}, {1, 1}, {0, 0}} {
		if got := sameDayWithClock(cands, tc.pick); got != tc.want {
			t.Errorf("sameDayWithClock(pick %d) = %d, want %d", tc.pick, got, tc.want)
		}
	}
}

// FuzzFindDate: any text gives no date or a plausible one, never a panic
// (the slashed and year-first forms index around their matches).
func FuzzFindDate(f *testing.F) {
	for _, s := range []string{"15/12/2025", "11-29-2024, 09:03 AM", "2025.12.15", "04-ago-2021 5:11", "3 października 2024", "1/1-2024", "2024/1.1", "31/04/2024", "Sat, 29 Dec 15:58:00 2007", "Fri Aug 03 12:02:33 CEST 2001", "Jan, 15, 2008",
		"12 de noviembre del 2019", "4 d'abril de 2018", "3 paź 2020, 08:15", "12. des. 2019", "Jul. 11. 2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := findDate(s)
		if ok && (d.Before(plausibleFrom) || d.Year() > 2100) {
			t.Errorf("findDate(%q) = %s, outside the plausible years", s, d)
		}
	})
}

func TestSiteNamesThatReadAsNoNameArePassedOver(t *testing.T) {
	for _, tc := range []struct {
		name, page, want string
	}{
		{"a footer sentence after the copyright mark gives way to the linked host",
			`<head><title>No separator here</title></head><body><p>Text.</p>
			<a href="http://www.harbourgazette.example/a">a</a><a href="http://www.harbourgazette.example/b">b</a>
			<p>Gazette © 2019 The Gazette is not responsible for external sites. Read more.</p></body>`,
			"harbourgazette.example"},
		{"a version number given as the application name gives way to the title's tail",
			`<head><title>Ferry fares rise again | Harbour Gazette</title><meta name="application-name" content="6.0"></head><body><p>x</p></body>`,
			"Harbour Gazette"},
		{"markup read as the site's name gives way to the title's tail",
			`<head><title>Ferry fares rise again | Harbour Gazette</title><meta property="og:site_name" content='In<link rel="search" href="/s.xml" />'></head><body><p>x</p></body>`,
			"Harbour Gazette"},
		{"a copyright line's years are no part of the owner",
			`<head><title>No separator here</title><meta name="application-name" content="Copyright 1995-2008 Harbour Gazette Publishing Co"></head><body><p>x</p></body>`,
			"Harbour Gazette Publishing Co"},
		{"the image host of a sharing platform is not the site",
			`<head><title>No separator here</title></head><body><a href="https://pic.twitter.com/a1">p</a><a href="https://pic.twitter.com/b2">p</a>
			<a href="https://pic.twitter.com/c3">p</a><a href="http://harbourgazette.example/x">h</a><a href="http://harbourgazette.example/y">h</a></body>`,
			"harbourgazette.example"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := siteNameOfPage(t, tc.page); got != tc.want {
				t.Errorf("site = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSiteNameFallsBackToThePageAddress: a canonical link whose host
// reads as no name ("//0" resolves to the host "0") gives way to the host
// of the address the page came from, so a page with a URL always names
// its outlet.
func TestSiteNameFallsBackToThePageAddress(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<link rel="canonical" href="//0"><p>Ferry fares rise again.</p>`))
	if err != nil {
		t.Fatal(err)
	}
	a := readMeta(doc).article("https://news.harbourgazette.example/ferry-fares")
	if a.Source != "news.harbourgazette.example" {
		t.Errorf("site = %q (URL %q), want the host of the page's own address", a.Source, a.URL)
	}
}

func TestDumpSiteNameIsNoFooterSentence(t *testing.T) {
	lines := []string{
		"Gazette - Ferry fares to rise in the spring",
		"Skip to content",
		"Ferry fares to rise in the spring",
		"The harbour board said on Monday that ferry fares would rise by a tenth in the spring.",
		"More from harbourgazette.org",
		"Gazette © 2019 The Gazette is not responsible for external sites. Read more.",
	}
	d := newDumpDoc(lines, make([]bool, len(lines)), "")
	if got := d.siteName(""); got != "harbourgazette.org" {
		t.Errorf("site = %q, want the domain the dump names, not its footer's sentence", got)
	}
	lines[len(lines)-1] = "© 2019 Harbour Gazette 2019. All rights reserved."
	d = newDumpDoc(lines, make([]bool, len(lines)), "")
	if got := d.siteName(""); got != "Harbour Gazette" {
		t.Errorf("site = %q, want the copyright owner without its year", got)
	}
}

func TestPlausibleSiteName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"The Harbour Gazette", true},
		{"Center for Coastal and Marine Studies", true},
		{"Mozilla Hacks – the Web developer blog", true},
		{"nutty nomads blog", true},
		{"bkuhn", true},
		{`Ann Weber - "Back Pages"`, true},
		{"harbourgazette.example", true},
		{"The Gazette is not responsible for the content of other web sites", false},
		{"6.0", false},
		{`In<link rel="search" href="/s.xml" />`, false},
		{"All Rights Reserved", false},
		{"October 29, 2012", false},
		{"24 October 2003", false},
		{"03/09/99", false},
		{"Harbour Gazette, Spring 2002", false},
		{"", false},
	} {
		if got := plausibleSiteName(cleanSiteName(tc.name)); got != tc.want {
			t.Errorf("plausibleSiteName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestCleanSiteName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Copyright 1995-2008 Harbour Gazette Publishing Co", "Harbour Gazette Publishing Co"},
		{"Copyright 2008 by Harbour Gazette Newspapers", "Harbour Gazette Newspapers"},
		{"Copyright 1996- The Harbour Gazette Company", "The Harbour Gazette Company"},
		{"from The Harbour Gazette", "The Harbour Gazette"},
		{"Harbour Gazette 1913 - 2012", "Harbour Gazette"},
		{"Harbour Gazette Limited 2008", "Harbour Gazette Limited"},
		{"Harbour Gazette®", "Harbour Gazette"},
		{"Business |", "Business"},
		{"Copyrighted Harbour Gazette", "Copyrighted Harbour Gazette"},
		{"November 6, 2012", ""},
		{"1995-2008 Harbour Gazette", "Harbour Gazette"},
		{"© 2019 by Harbour Gazette", "Harbour Gazette"},
		// A number that opens a name with no copyright mark before it is the
		// name's own.
		{"1843 Harbour Magazine", "1843 Harbour Magazine"},
		{"2600 Gazette", "2600 Gazette"},
		{"Copyright Harbour Council", "Harbour Council"},
	} {
		if got := cleanSiteName(tc.in); got != tc.want {
			t.Errorf("cleanSiteName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDumpSiteNameBeforeTheHeadline(t *testing.T) {
	if got := titleSitePrefix("Harbour Gazette - Ferry fares to rise in the spring", "Ferry fares to rise in the spring"); got != "Harbour Gazette" {
		t.Errorf("site = %q, want the part before the headline", got)
	}
	if got := titleSitePrefix("Ferries: fares to rise in the spring", "Ferry fares to rise"); got != "" {
		t.Errorf("site = %q, want none when the rest of the line is not the headline", got)
	}
}

// FuzzCleanSiteName: cleaning a site's name never lengthens it, cleans
// it once for all (a cleaned name cleans to itself) and keeps it valid
// UTF-8 when it was.
func FuzzCleanSiteName(f *testing.F) {
	for _, s := range []string{"Copyright 1995-2008 Harbour Gazette Publishing Co", "Harbour Gazette 1913 - 2012", "© by ®",
		"October 29, 2012", "Business |", "from The Herald", "The Gazette is not responsible for external sites"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := cleanSiteName(s)
		if len(got) > len(s) {
			t.Fatalf("cleanSiteName(%q) = %q, longer", s, got)
		}
		if again := cleanSiteName(got); again != got {
			t.Fatalf("cleanSiteName(%q) = %q, but that cleans to %q", s, got, again)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("cleanSiteName(%q) = %q, not UTF-8", s, got)
		}
		plausibleSiteName(got)
	})
}

// siteNameOfPage parses the page and returns the site name its metadata
// gives (no URL).
func siteNameOfPage(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return readMeta(doc).siteName("", "")
}

// A month's name with a comma after it, and a time of day written before
// the year as ctime and the Unix date command write it, are days; a
// clock out of range is none.
func TestFindDateCommaAfterMonthAndClockBeforeYear(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Jan, 15, 2008", "2008-01-15 00:00"},
		{"Sat, 29 Dec 15:58:00 2007", "2007-12-29 15:58"},
		{"Last Updated on Fri Aug 03 12:02:33 CEST 2001.", "2001-08-03 12:02"},
		{"Wed Mar 5 09:41 2025", "2025-03-05 09:41"},
		{"Sat, 29 Dec 25:58:00 2007", ""},
		{"Room 29 Dec 15:58 score 2007", ""},
	} {
		got := ""
		if d, ok := findDate(tc.text); ok {
			got = d.Format("2006-01-02 15:04")
		}
		if got != tc.want {
			t.Errorf("findDate(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
