package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPublishedPrefersTheOriginalDate(t *testing.T) {
	for _, tc := range []struct {
		name, url, page, want string
	}{
		{"meta published over modified", "",
			`<head><meta property="article:modified_time" content="2025-08-19T13:25:59+00:00"><meta property="article:published_time" content="2025-01-29T20:47:55+00:00"></head><body><h1>Headline of the piece</h1></body>`,
			"2025-01-29"},
		{"JSON-LD article's datePublished", "",
			`<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Ledger"},{"@type":"NewsArticle","headline":"H","dateModified":"2024-03-02","datePublished":"2023-11-05T08:00:00-05:00"}]}</script><h1>H of the piece</h1>`,
			"2023-11-05"},
		{"dateline under the headline, update label skipped", "",
			`<h1>Harbour strike ends after nine days</h1><p class="meta"><span>Updated</span> <span>March 4, 2025</span></p><p class="meta">Published 2 March 2025</p><p>Text.</p>`,
			"2025-03-02"},
		{"<time> near the headline in the page's own zone", "",
			`<article><h1>Harbour strike ends after nine days</h1><time datetime="2024-12-18T19:05:00-08:00">December 18, 2024</time></article>`,
			"2024-12-18"},
		{"only an update date: the page was published no later", "",
			`<h1>Harbour strike ends after nine days</h1><div>Last updated: Dec 4, 2025</div>`,
			"2025-12-04"},
		{"URL date", "https://news.example/2023/03/14/mayor-leaves/",
			`<h1>Mayor ends her term</h1><p>No date here.</p>`,
			"2023-03-14"},
		{"a copyright year is no date", "",
			`<h1>Café owners protest new rules</h1><p>Owners protested.</p><div class="footer">Copyright 2026 Old Town News</div>`,
			""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if d := readMeta(doc).article(tc.url).Published; !d.IsZero() {
				got = d.Format("2006-01-02")
			}
			if got != tc.want {
				t.Errorf("published = %q, want %q", got, tc.want)
			}
		})
	}
}

// The key check in front of each label pattern never changes its answer.
func TestLabelPatternsAgreeWithTheirRegexps(t *testing.T) {
	texts := []string{"Updated 3 June", "LAST  UPDATED:", "Zuletzt aktualisiert", "mis à jour le", "Actualisé", "MODIFIED", "unmodifiedx",
		"Published", "posted on", "Pub date", "Veröffentlicht", "ОПУБЛИКОВАНО", "Created", "© 2024", "(C) Example", "Copyright",
		"Opublikowano", "Gepubliceerd", "publicerad", "JULKAISTU", "nothing here", "", "Ρublished", "edited by", "reviſed", "COPYRIGHT", "bijgewer\u212At"}
	for _, p := range []labelPattern{updatedLabel, publishedLabel, copyrightNotice} {
		for _, s := range texts {
			if got, want := p.MatchString(s), p.re.MatchString(s); got != want {
				t.Errorf("%s on %q: %v, the regexp says %v", p.re, s, got, want)
			}
		}
	}
}

func FuzzLabelPatterns(f *testing.F) {
	for _, s := range []string{"Updated", "Publié", "© 2020", "Обновлено"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []labelPattern{updatedLabel, publishedLabel, copyrightNotice} {
			if got, want := p.MatchString(s), p.re.MatchString(s); got != want {
				t.Errorf("%s on %q: %v, the regexp says %v", p.re, s, got, want)
			}
		}
	})
}

func TestDatesInMetaTagsOfASitesOwnName(t *testing.T) {
	page := `<head><meta name="w-published-date" content="2025-05-27T06:03:43Z"><meta name="page_last_updated" content="2026-01-02">
		<meta name="ms.date" content="2025-03-06T00:00:00Z"><meta name="published" content="July 17, 2025"><meta name="date-format" content="long">
		<meta name="description" content="Published daily"></head><body><h1>A headline of a page</h1></body>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, c := range readMeta(doc).dateCandidates("") {
		got[c.t.Format("2006-01-02")] = c.src
	}
	want := map[string]int{"2025-05-27": dsMetaPub, "2025-07-17": dsMetaPub} // names that only say date or change are not read
	if len(got) != len(want) {
		t.Errorf("candidates %v, want %v", got, want)
	}
	for day, src := range want {
		if s, ok := got[day]; !ok || s != src {
			t.Errorf("%s: source %d (offered %v), want %d", day, s, ok, src)
		}
	}
}

// A forum thread shows each poster's join day beside the post: the post's
// day is a candidate, the join days are not.
func TestForumJoinDatesAreNotCandidates(t *testing.T) {
	page := `<body><h1>Which tent for a wet week in the hills?</h1>
<div class="post"><p class="author">by hillwalker » Wed Sep 11, 2024 4:36 pm</p>
<dl class="postprofile"><dd class="profile-posts">Posts: 138</dd><dd class="profile-joined"><strong>Joined:</strong> 4. Jul 2012, 16:09</dd></dl>
<div class="content">Has anyone used a tunnel tent in the rain for a week?</div></div>
<div class="post"><dl><dd>Member since March 3, 2015</dd><dd><span>Registered:</span> 19.09.2012</dd></dl></div></body>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	days := map[string]bool{}
	for _, c := range readMeta(doc).dateCandidates("") {
		days[c.t.Format("2006-01-02")] = true
	}
	if !days["2024-09-11"] {
		t.Errorf("the post's day is not a candidate: %v", days)
	}
	for _, d := range []string{"2012-07-04", "2015-03-03", "2012-09-19"} {
		if days[d] {
			t.Errorf("a join day %s is a candidate: %v", d, days)
		}
	}
}

// A join word in a headline before the dateline, or in a class that is not
// a join date's, does not make the dateline a forum member's join date.
func TestJoinWordsOutsideAJoinLabelKeepTheDate(t *testing.T) {
	for _, tc := range []struct{ head, class, date, want string }{
		{"Ann Lee joined Northwind as finance chief", "date", "June 9, 2022", "2022-06-09"},
		{"Die Stadt hat 40 neue Fahrräder registriert", "date", "9. Juni 2022", "2022-06-09"},
		{"A stone with an old inscription was found", "byline inscription", "June 9, 2022", "2022-06-09"},
		{"Les inscription au concours sont ouvertes", "date", "9 juin 2022", "2022-06-09"},
	} {
		page := `<body><article><h1>` + tc.head + `</h1><p class="` + tc.class + `">` + tc.date + `</p><p>Some words of the story.</p></article></body>`
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var days []string
		for _, c := range readMeta(doc).dateCandidates("") {
			days = append(days, c.t.Format("2006-01-02"))
		}
		if !slices.Contains(days, tc.want) {
			t.Errorf("%q: candidates %v, want %s among them", tc.head, days, tc.want)
		}
	}
}

// datedTextCase is a dated text's label, value and class, and whether a
// test of dated texts (isJoinDate, isSiteClock) says yes to it.
type datedTextCase struct {
	label, value, class string
	want                bool
}

// checkDatedTexts runs the test of dated texts named name over cases.
func checkDatedTexts(t *testing.T, name string, test func(label, value, class string) bool, cases []datedTextCase) {
	t.Helper()
	for _, tc := range cases {
		if got := test(tc.label, tc.value, tc.class); got != tc.want {
			t.Errorf("%s(%q, %q, %q) = %v, want %v", name, tc.label, tc.value, tc.class, got, tc.want)
		}
	}
}

func TestIsJoinDate(t *testing.T) {
	checkDatedTexts(t, "isJoinDate", isJoinDate, []datedTextCase{
		{"Joined", "Nov 4, 2011", "", true},
		{"Inscription :", "12 mars 2010", "", true},
		{"Moderator", "Joined: May 05, 2003", "", true},
		{"Brazil", "Member since February 16, 2016", "", true},
		{"Posts: 12", "4. Jul 2012", "profile-joined", true},
		{"Ann Lee joined Northwind", "June 9, 2022", "", false},
		{"Registered office", "June 9, 2022", "", false},
		{"", "June 9, 2022", "inscription", false},
		{"", "Joined forces on June 9, 2022", "", false},
		{"Founded:", "Oct 05, 2011", "", true},
		{"", "Founded: Oct 05, 2011", "", true},
		{"Last active", "December 20, 2025 13:58", "", true},
		{"Last seen:", "Mar 2, 2024", "", true},
		{"Acme was founded on", "Oct 05, 2011", "", false},
		{"Last active users", "", "", false},
	})
}

func TestIsSiteClock(t *testing.T) {
	checkDatedTexts(t, "isSiteClock", isSiteClock, []datedTextCase{
		{"", "Today is Dec 26, 2006 - 12:29 AM", "", true},
		{"Welcome,", "It is currently Sat Feb 24, 2024 7:12 pm", "", true},
		{"Current time:", "2026-03-05, 12:41 PM", "", true},
		{"", "Current time: 2026-03-05, 12:41 PM", "", true},
		{"Friday", ", December 19, 2025", " todays-date-custom", true},
		{"", "Wednesday | 27 Dec 2006", " today_date", true},
		{"Subscribe Now", "19 December 2025", "the-date-today text-center", true},
		{"", "Published today, March 3, 2025", "", false},
		{"Posted", "March 3, 2025", "post-date", false},
		{"", "March 3, 2025", "todaysdeals-card", false},
		{"Today in History", "7 January, 2025", "", false},
	})
}

// TestSiteClockClassIsTodaysDate: a class or id names a site's clock only
// when one of its names says "today's date" or "time" in adjacent words
// ("today_date", "the-date-today"); "today" beside other words names a
// story, a section or a post marked fresh, whose date is the page's own.
func TestSiteClockClassIsTodaysDate(t *testing.T) {
	checkDatedTexts(t, "isSiteClock", isSiteClock, []datedTextCase{
		{"", "March 3, 2025", "today-date", true},
		{"", "March 3, 2025", " todaystime", false},
		{"", "12:41 PM, March 3, 2025", "header-time-today", true},
		{"By Jane Doe", "March 3, 2025", "today-story__date", false},
		{"", "March 3, 2025", "todays-news", false},
		{"", "March 3, 2025", "post-date today", false},
		{"Published", "March 3, 2025", "published-today", false},
		{"", "March 3, 2025", "entry-meta today", false},
	})
}

// TestSiteClockValueOpensWithTheDay: a value that opens with "Today is"
// is the site's clock only when the day follows at once; a headline or a
// lead that opens so keeps its date, and other languages' datelines with
// "today" in them are no clock.
func TestSiteClockValueOpensWithTheDay(t *testing.T) {
	checkDatedTexts(t, "isSiteClock", isSiteClock, []datedTextCase{
		{"", "Today is Friday, December 19, 2025", "", true},
		{"", "Today is 19 December 2025", "", true},
		{"", "It is currently 7:12 pm, Feb 24, 2024", "", true},
		{"", "Today is the day: Senate votes on the budget, March 3, 2025", "", false},
		{"", "Today is Election Day: polls close at 8 p.m. on November 5, 2024", "", false},
		{"", "It is currently unclear when the bridge reopens (March 3, 2025)", "", false},
		{"Veröffentlicht heute", "19.12.2025, 10:41 Uhr", "", false},
		{"", "Publié aujourd'hui le 19 décembre 2025", "", false},
	})
}

// TestSiteClockAndProfileDaysAreNoCandidates: a forum thread whose header
// prints the reader's today and whose poster card shows a "Founded:" day
// offers the first post's day and neither of those.
func TestSiteClockAndProfileDaysAreNoCandidates(t *testing.T) {
	page := `<html><body><div id="header"><span id="today_date">Friday, December 19, 2025</span>
<p>It is currently Fri Dec 19, 2025 9:12 am</p></div>
<h1>How do I plant garlic?</h1>
<div class="post"><div class="postprofile"><b>Founded:</b> <span>Oct 05, 2011</span><br>
<b>Last active</b> <span>December 18, 2025 13:58</span></div>
<p class="author">by gardener &raquo; Tue Aug 27, 2019 1:47 am</p><p>Any tips for the autumn?</p></div></body></html>`
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var days []string
	for _, c := range readMeta(doc).dateCandidates("") {
		days = append(days, dayKey(c.t))
	}
	if !slices.Contains(days, "2019-08-27") {
		t.Errorf("candidates %v lack the first post's 2019-08-27", days)
	}
	for _, not := range []string{"2025-12-19", "2011-10-05", "2025-12-18"} {
		if slices.Contains(days, not) {
			t.Errorf("candidates %v hold %s, a day of the site's clock or of a poster's profile", days, not)
		}
	}
}
