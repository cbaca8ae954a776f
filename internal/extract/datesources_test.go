package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/storyline-news/storyline/internal/news"
)

// Datelines of European pages are read in their own languages' writings.
func TestDatelineWritingsOfOtherLanguages(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Veröffentlicht am 1. Dezember 2025, 10:33 Uhr", "2025-12-01 10:33"},
		{"Stand: 01.12.2025", "2025-12-01 00:00"},
		{"Aktualisiert am 3. Jänner 2024", "2024-01-03 00:00"},
		{"Opublikowano: 1 grudnia 2025", "2025-12-01 00:00"},
		{"Publié le 1er décembre 2025 à 08h15", "2025-12-01 00:00"},
		{"Mis à jour le 3 févr. 2024", "2024-02-03 00:00"},
		{"Publicado el 1º de diciembre de 2025", "2025-12-01 00:00"},
		{"15 de marzo de 2024, 18:05", "2024-03-15 18:05"},
		{"Опубликовано 1 декабря 2025", "2025-12-01 00:00"},
		{"发布时间：2025年12月1日 09:30", "2025-12-01 09:30"},
		{"2025년 3월 7일", "2025-03-07 00:00"},
	} {
		got, ok := findDate(tc.text)
		if !ok || got.Format("2006-01-02 15:04") != tc.want {
			t.Errorf("findDate(%q) = %v, %v; want %s", tc.text, got, ok, tc.want)
		}
	}
}

// Datelines in the writings of more languages: Turkish, Romanian,
// Indonesian, Malay, Danish, Croatian, Serbian, Slovenian, Finnish,
// Hungarian (year first), Greek, Bulgarian and Arabic month names, Arabic-
// Indic digits, Vietnamese "tháng", Czech dots with spaces and an
// unpadded year-first day.
func TestDatelineWritingsOfMoreLanguages(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Yayınlanma: 14 Şubat 2024 10:20", "2024-02-14 10:20"},
		{"Güncelleme 3 Ağustos 2023", "2023-08-03 00:00"},
		{"Publicat: 7 octombrie 2022", "2022-10-07 00:00"},
		{"Diterbitkan 9 Desember 2021", "2021-12-09 00:00"},
		{"Kamis, 17 Agustus 2023 08:15 WIB", "2023-08-17 08:15"},
		{"Dikemas kini 4 Ogos 2022", "2022-08-04 00:00"},
		{"Opdateret 2. marts 2024", "2024-03-02 00:00"},
		{"Objavljeno 21. ožujka 2024.", "2024-03-21 00:00"},
		{"Objavljeno: 5. novembra 2023", "2023-11-05 00:00"},
		{"Julkaistu 6. toukokuuta 2021", "2021-05-06 00:00"},
		{"Frissítve: 2023. szeptember 8. 14:05", "2023-09-08 14:05"},
		{"2022. január 30.", "2022-01-30 00:00"},
		{"Δημοσίευση: 11 Οκτωβρίου 2022", "2022-10-11 00:00"},
		{"Публикувано на 2 юни 2023", "2023-06-02 00:00"},
		{"نشر في 15 مارس 2024", "2024-03-15 00:00"},
		{"١٥ أغسطس ٢٠٢٣", "2023-08-15 00:00"},
		{"28 آذار 2021", "2021-03-28 00:00"},
		{"الأحد 15 مارس، 2024", "2024-03-15 00:00"},
		{"公開日：２０２３年１１月９日", "2023-11-09 00:00"},
		{"Cập nhật 9 tháng 11 năm 2023", "2023-11-09 00:00"},
		{"3 thg 5, 2024", "2024-05-03 00:00"},
		{"Publikováno 12. 3. 2020", "2020-03-12 00:00"},
		{"发布于 2024-3-7 09:05", "2024-03-07 09:05"},
	} {
		got, ok := findDate(tc.text)
		if !ok || got.Format("2006-01-02 15:04") != tc.want {
			t.Errorf("findDate(%q) = %v, %v; want %s", tc.text, got, ok, tc.want)
		}
		if p, ok := parseDate(tc.text); !ok || !p.Equal(got) {
			t.Errorf("parseDate(%q) = %v, %v; want findDate's %v", tc.text, p, ok, got)
		}
	}
	// Croatian October is Polish November: the Polish reading is kept.
	if got, ok := findDate("3 listopada 2023"); !ok || got.Month() != time.November {
		t.Errorf("findDate(3 listopada 2023) = %v, %v; want November", got, ok)
	}
	// Numbers that are no day stay no day.
	for _, s := range []string{"2024-13-7", "Model 2021-4-31", "Ref. 12. 13. 2020", "Founded in 2019. May 12 people joined"} {
		if got, ok := findDate(s); ok {
			t.Errorf("findDate(%q) = %v; want no day", s, got)
		}
	}
}

// A two-digit year is read only where the text, its label or its class says
// date, so that a version number is not a day.
func TestTwoDigitYearsOnlyInDatelines(t *testing.T) {
	for _, tc := range []struct {
		value, label, class string
		src                 int
		want                string
	}{
		{"Stand: 01.12.19, 10:33 Uhr", "", "", dsText, "2019-12-01"},
		{"01.12.19", "Veröffentlicht:", "", dsText, "2019-12-01"},
		{"01.12.19", "", "artikel-datum", dsText, "2019-12-01"},
		{"01.12.19", "Stand:", "", dsScript, ""},
		{"Version 1.2.19 released", "", "", dsText, ""},
		{"Preis 12.10.25 EUR", "", "price", dsText, ""},
		{"31.02.19", "Datum", "", dsText, ""},
		// Texts with a cue word whose numbers are no day: a version, a
		// lap time, a score in a class that only starts with "data".
		{"Updated to version 2.1.23 with fixes", "", "", dsText, ""},
		{"Updated to v2.1.23", "", "", dsText, ""},
		{"Lap time 1.12.19", "", "", dsText, ""},
		{"Score 3.1.24", "", "data-table", dsText, ""},
		{"Build 4.5.21", "Veröffentlicht:", "", dsText, ""},
		// A document's number after a word of publication is no day;
		// the same word as a label before a colon is.
		{"Publication 3.4.22 of the rules", "", "", dsText, ""},
		{"Issue 1.2.19", "Published:", "", dsText, ""},
		{"Nr. 4.5.21", "", "post-date", dsText, ""},
		{"Date of publication: 3.4.22", "", "", dsText, "2022-04-03"},
		// A print edition is named by its day: in a dated text or class
		// its label is the date e-paper pages carry.
		{"Ausgabe 03.04.22", "", "post-date", dsText, "2022-04-03"},
		{"Edition 3.4.22", "", "date", dsText, "2022-04-03"},
		{"Print edition 03.04.22", "", "post-date", dsText, "2022-04-03"},
		{"Ausgabe vom 03.04.22", "", "", dsText, "2022-04-03"},
		{"Ausgabe 03.04.22", "", "", dsText, ""},
		// A cue after the numbers does not make them a day.
		{"1.2.19 posted", "", "", dsText, ""},
		{"Artikel vom 01.12.19", "", "", dsText, "2019-12-01"},
		{"01.12.19 10:33", "", "post-date", dsTime, "2019-12-01"},
		// A class whose words are joined by underscores says date too.
		{"15.01.08 19:45", "", "news_date", dsText, "2008-01-15"},
		{"1.2.19", "", "release_notes", dsText, ""},
		// Slashes with a two-digit year: the order only one reading
		// allows; a day both read needs a hint (TestDayOrderHints).
		{"Last Updated: 1/14/08 11:15 AM ET", "", "", dsText, "2008-01-14"},
		{"Posted 14/1/08", "", "", dsText, "2008-01-14"},
		{"Posted 3/4/08", "", "", dsText, ""},
		{"Posted 05/05/12", "", "", dsText, "2012-05-05"}, // both orders read the same day
		{"Posted 1/14.08", "", "", dsText, ""},            // two separators
		{"Version 1/14/08", "", "date", dsText, ""},
	} {
		got := ""
		if d, short, ok := looseDate(tc.value, tc.src, tc.label, tc.class, noHints); ok && short {
			got = d.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("looseDate(%q, label %q, class %q) = %q, want %q", tc.value, tc.label, tc.class, got, tc.want)
		}
	}
}

func TestDatesInURLsOfOtherShapes(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		// Segments between the year and the month and day: a season, a
		// model, a list or a section, not one date.
		{"http://tv.example/shows/2019/season/03/12/", ""},
		{"http://edition.example/2008/WORLD/asiapcf/01/15/minister.quits/", ""},
		{"http://x.example/2019/page/2/3/", ""},
		{"http://cars.example/2019/volvo/xc90/01/02/", ""},
		{"http://x.example/2005/top-10/08/12/", ""},
		{"https://news.example/2024/10/06/envoy-leaves/", "2024-10-06"},
		{"https://www.zeitung.example/politik/streik-endet-2024-10-06.html", "2024-10-06"},
		{"https://gazeta.example/kraj/20241006/strajk", "2024-10-06"},
		{"https://journal.example/societe/article_2024_10_06_greve.html", "2024-10-06"},
		{"https://news.example/story/20241306/x", ""},     // no 13th month
		{"https://news.example/id-202410061234.html", ""}, // an article number, not a date
		{"https://2024-10-06.example/", ""},               // a host is no date
		{"https://x.example/downloads/app-2024.4.4/", ""}, // a version number
		{"https://x.example/a/2024.10-06/", ""},           // two separators
		{"https://x.example/p/20241006?utm=1", "2024-10-06"},
		{"https://x.example/p/20241006#top", "2024-10-06"},
		{"https://x.example/2024/13/01/archive/2024/10/06/story", "2024-10-06"},
		{"https://x.example/2024/4/4/story", "2024-04-04"}, // slashes may drop the zeros
		// A day in the query or the fragment is a search's or a list's, not the page's.
		{"https://x.example/events?date=2024-05-06", ""},
		{"https://x.example/search?from=2024-05-06&to=2024-05-07", ""},
		{"https://x.example/story?utm_campaign=newsletter_2024_05_06", ""},
		{"https://x.example/story#2024-05-06", ""},
		{"https://x.example?d=/2024/05/06/", ""},
		{"/events?date=2024-05-06", ""},
		{"https://x.example/2024/05/06/", "2024-05-06"},
		{"https://x.example/2024-05-06-slug", "2024-05-06"},
		{"https://x.example/20240506/", "2024-05-06"},
		{"/2024/05/06/story?ref=2019-01-01", "2024-05-06"},
		// A month's name as a segment between the year and the day.
		{"https://paper.example/world/2021/jun/14/ferry-fares-rise", "2021-06-14"},
		{"https://club.example/journal/2022/november/08/harvest-notes/", "2022-11-08"},
		{"https://paper.example/news/2017/Mar/29", "2017-03-29"},
		{"https://paper.example/news/2017/mars/9/greve", "2017-03-09"},
		{"https://paper.example/2024/may/10-best-hikes/", ""}, // a slug that opens with a number
		{"https://paper.example/2024/season/03/", ""},         // not a month
		{"https://paper.example/2023/feb/30/", ""},            // no such day
		{"https://paper.example/2023/jan/03?x=/2020/feb/01/", "2023-01-03"},
	} {
		got := ""
		if d, ok := dateFromURL(tc.url); ok {
			got = d.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}

// Publication dates in the JSON of scripts that are not JSON-LD are
// candidates of their own source.
func TestDatesInScriptJSON(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"an app's state", `<h1>Strike ends</h1><script>window.__STATE__={"story":{"publishedAt":"2025-12-01T07:00:00Z"}}</script>`, "2025-12-01"},
		{"JSON-LD that does not parse", `<h1>Strike ends</h1><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-01",}</script>`, "2025-12-01"},
		{"JSON-LD that parses is read as JSON-LD", `<h1>Strike ends</h1><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-01"}</script>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, c := range readMeta(doc).dateCandidates("") {
				if c.src == dsScript {
					got = c.t.In(time.UTC).Format("2006-01-02")
				}
			}
			if got != tc.want {
				t.Errorf("script date %q, want %q", got, tc.want)
			}
		})
	}
}

// The JSON of an attribute is read as a script's is.
func TestJSONInAnAttributeIsAScriptDate(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<h1>Strike ends</h1><div data-props="{&quot;datePublished&quot;:&quot;2025-12-01T09:00:00-05:00&quot;}"></div>`))
	if err != nil {
		t.Fatal(err)
	}
	pm := readMeta(doc)
	if len(pm.scriptDates) != 1 || pm.scriptDates[0] != "2025-12-01T09:00:00-05:00" {
		t.Errorf("script dates %q, want the datePublished", pm.scriptDates)
	}
}

// A page's note of a version is no date candidate, beside the date its
// app state gives.
func TestAVersionNoteIsNoDateCandidate(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<h1>App update</h1><div class="meta">Updated to version 2.1.23</div>` +
		`<script>window.__STATE__={"story":{"publishedAt":"2025-12-01T07:00:00Z"}}</script>`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range readMeta(doc).dateCandidates("https://x.example/downloads/app-2024.4.4/") {
		got = append(got, c.t.In(time.UTC).Format("2006-01-02"))
	}
	if len(got) != 1 || got[0] != "2025-12-01" {
		t.Errorf("date candidates %q, want only the app state's 2025-12-01", got)
	}
}

// noHints is a page that says nothing of the order it writes days in.
func noHints() dayHints { return dayHints{} }

// A day that both orders can read is read as the page's hints say: the
// weekday before it, the month of its URL, its other dates, an American
// time zone after it, its language; with none, dots are day first and
// slashes no day.
func TestDayOrderHints(t *testing.T) {
	dm := time.Date(2008, 1, 7, 0, 0, 0, 0, time.UTC) // a Monday
	md := time.Date(2008, 7, 1, 0, 0, 0, 0, time.UTC) // a Tuesday
	for _, tc := range []struct {
		name       string
		sep        byte
		lead, rest string
		h          dayHints
		want       time.Time
		wantOK     bool
	}{
		{"weekday names the day", '/', "Monday | ", "", dayHints{}, dm, true},
		{"German weekday", '/', "Di., ", "", dayHints{}, md, true},
		{"URL month", '/', "", "", dayHints{year: 2008, month: 7}, md, true},
		{"other dates of the page", '/', "", "", dayHints{order: map[byte]int{'/': -2}}, dm, true},
		{"their separator only", '/', "", "", dayHints{order: map[byte]int{'.': -2}}, time.Time{}, false},
		{"American zone", '/', "", " 09:37:25 PM PST", dayHints{}, md, true},
		{"zone after 'at'", '/', "", " at 5:50 PM ET", dayHints{}, md, true},
		{"zone after a comma", '/', "", ", 1:21 PM ET", dayHints{}, md, true},
		{"dots before a zone", '.', "", ", 1:21 PM ET", dayHints{}, dm, true},
		{"dots on an American page", '.', "", "", dayHints{locale: 1}, dm, true},
		{"American English", '/', "", "", dayHints{locale: 1}, md, true},
		{"British English", '/', "", "", dayHints{locale: -1}, dm, true},
		{"dots without hints", '.', "", "", dayHints{}, dm, true},
		{"slashes without hints", '/', "", "", dayHints{}, time.Time{}, false},
		{"the weekday before the URL", '/', "Mon, ", "", dayHints{year: 2008, month: 7}, dm, true},
	} {
		got, ok := pickOrder(dm, md, true, true, tc.sep, tc.lead, tc.rest, func() dayHints { return tc.h })
		if ok != tc.wantOK || !got.Equal(tc.want) {
			t.Errorf("%s: pickOrder = %v, %v; want %v, %v", tc.name, got, ok, tc.want, tc.wantOK)
		}
	}
	for lang, want := range map[string]int{"en-US": 1, "en_us": 1, "en-GB": -1, "de": -1, "de-AT": -1, "en": 0, "": 0,
		"fil": 1, "fil-PH": 1, "tl": 1} {
		if got := localeOrder(lang); got != want {
			t.Errorf("localeOrder(%q) = %d, want %d", lang, got, want)
		}
	}
}

// The hints are read off the page: its URL's year and month, the order
// of its dates that only one order reads, its language.
func TestPageDayHints(t *testing.T) {
	page := `<html lang="en-US"><body><h1>Storm</h1><p>Posted 10/31/2012</p><p>Older: 11/29/2012</p><p>Build 1.2.3</p></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	h := readMeta(doc).pageDayHints("https://blog.example/2012/11/storm-notes/")
	if h.year != 2012 || h.month != 11 || h.order['/'] != 2 || h.locale != 1 {
		t.Errorf("hints = %+v, want 2012-11, two month-first dates, American English", h)
	}
	// The language of a meta tag; a day of two separators is no hint.
	doc, err = html.Parse(strings.NewReader(`<html><head><meta http-equiv="content-language" content="en-GB"></head><body><p>Posted 10/31.2012</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if h := readMeta(doc).pageDayHints(""); h.locale != -1 || h.order['/'] != 0 || h.order['.'] != 0 {
		t.Errorf("hints = %+v, want British English and no order", h)
	}
}

// An <abbr>'s title gives its date (the hAtom microformat); a page's own
// meta tag of its original publication is a candidate.
func TestAbbrTitlesAndPublicationTags(t *testing.T) {
	page := `<html><head><meta name="OriginalPublicationDate" content="2012/07/24 10:50:16"></head><body>
<h1>Storm</h1><p>posted on <abbr class="published" title="2012-10-29T06:35:00-04:00">6:35 AM</abbr></p>
<p><abbr title="World Health Organization">WHO</abbr></p><p>Posted <abbr title="03.04.12">Tuesday</abbr></p></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got := map[int][]string{}
	for _, c := range readMeta(doc).dateCandidates("") {
		got[c.src] = append(got[c.src], c.t.Format("2006-01-02"))
	}
	if len(got[dsTime]) != 1 || got[dsTime][0] != "2012-10-29" {
		t.Errorf("<abbr> dates %v, want [2012-10-29]", got[dsTime])
	}
	if len(got[dsMetaPub]) != 1 || got[dsMetaPub][0] != "2012-07-24" {
		t.Errorf("publication tag dates %v, want [2012-07-24]", got[dsMetaPub])
	}
}

// A four-digit year whose day both orders read is read on the day's own
// hints and the URL's month, not on the page's language alone.
func TestEitherOrderWithAFullYear(t *testing.T) {
	url := func() dayHints { return dayHints{year: 2012, month: 11} }
	american := func() dayHints { return dayHints{locale: 1, order: map[byte]int{'/': 3}} }
	for _, tc := range []struct {
		value string
		h     func() dayHints
		want  string
	}{
		{"Submitted on Thu, 08/09/2012 - 3:04pm", noHints, "2012-08-09 15:04"},
		{"on 11/12/2012 15:23 PST", noHints, "2012-11-12 15:23"},
		{"11/06/2012", url, "2012-11-06 00:00"},
		{"11/06/2012", american, ""},
		{"11/06/2012", noHints, ""},
		{"11/06/1989", func() dayHints { return dayHints{year: 1989, month: 11} }, ""}, // before plausibleFrom
		// A two-letter German weekday is one only on a German or Dutch
		// page or before a stop: Italian "di" is "of".
		{"Articolo di 11/06/2012", noHints, ""},
		{"Di 11/06/2012", func() dayHints { return dayHints{shortWeekdays: true} }, "2012-11-06 00:00"},
		{"Di., 11/06/2012", noHints, "2012-11-06 00:00"},
	} {
		got := ""
		if d, ok := parseEitherOrder(tc.value, tc.h); ok {
			got = d.Format("2006-01-02 15:04")
		}
		if got != tc.want {
			t.Errorf("parseEitherOrder(%q) = %q, want %q", tc.value, got, tc.want)
		}
	}
}

// A day written across the children of a date-classed element (a blog
// theme's date badge) is read from their joined texts; a day one text
// holds is read there only, and an element whose class says nothing of
// dates gives none.
func TestDatesSplitAcrossElements(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"badge", `<div class="post-date"><span class="day">03</span><span class="month">März</span><span class="year">2017</span></div>`, "[2017-03-03]"},
		{"English badge", `<p id="entry-time"><b>Mar</b> <i>3</i>, <i>2017</i></p>`, "[2017-03-03]"},
		{"one text holds it", `<div class="date"><span>Posted</span> <span>3 March 2017</span></div>`, "[2017-03-03]"},
		{"no date class", `<div class="stats"><span>03</span><span>März</span><span>2017</span></div>`, "[]"},
		{"a <time> is read once", `<time class="entry-date" datetime="2017-03-03"><span>03</span> <span>Mar</span> <span>2017</span></time>`, "[2017-03-03]"},
		{"a script inside is skipped", `<div class="date"><span>03</span><script>var n = 1</script><span>März</span> <span>2017</span></div>`, "[2017-03-03]"},
		{"too long to be a badge", `<div class="date"><span>03</span> <span>März</span> <span>2017</span> <span>` + strings.Repeat("Lorem ipsum ", 15) + `</span></div>`, "[]"},
		{"a badge of blocks", `<div class="post-date"><div>Oct</div><div>4</div><div>2012</div></div>`, "[2012-10-04]"},
		{"a timestamp class", `<a class="timestamp" href="/p"><span>11</span> <span>Jul 2012</span></a>`, "[2012-07-11]"},
		{"camelCase class word", `<div class="entryDate"><span>03</span> <span>März</span> <span>2017</span></div>`, "[2017-03-03]"},
		// "date" or "time" inside another word says nothing of dates.
		{"a word holding date", `<div class="candidate"><span>Poll of 3</span> <span>March 2017</span></div>`, "[]"},
		{"a word holding time", `<ul class="timeline"><span>1 May</span> <span>2016</span></ul>`, "[]"},
		// Items of a list or lines are not joined into one day.
		{"list items", `<ul class="post-date"><li>Founded 1 May</li><li>2016 IPO</li></ul>`, "[]"},
		{"lines", `<div class="date"><span>Founded 1 May</span><br><span>2016 IPO</span></div>`, "[]"},
	} {
		doc, err := html.Parse(strings.NewReader(`<html><body><h1>Streik</h1>` + tc.body + `</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range readMeta(doc).dateCandidates("") {
			got = append(got, c.t.Format("2006-01-02"))
		}
		if s := fmt.Sprint(got); s != tc.want {
			t.Errorf("%s: dates %s, want %s", tc.name, s, tc.want)
		}
	}
}

// Reading date badges stays linear in a page's nodes: date-classed
// elements nested deep around many empty ones cost about what the same
// page with another class costs, not each element its whole subtree.
func TestNestedDateClassesStayLinear(t *testing.T) {
	page := func(class string) *html.Node {
		var b strings.Builder
		b.WriteString(`<html><body><h1>Streik</h1>`)
		for range 500 {
			b.WriteString(`<span class="` + class + `">`)
		}
		b.WriteString(strings.Repeat(`<i></i>`, 40000))
		doc, err := html.Parse(strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	fastest := func(doc *html.Node) time.Duration {
		best := time.Hour
		for range 3 {
			start := time.Now()
			readMeta(doc)
			best = min(best, time.Since(start))
		}
		return best
	}
	dates, stats := fastest(page("date")), fastest(page("stats"))
	if dates > 3*stats+10*time.Millisecond {
		t.Errorf("readMeta took %v with date classes, %v without", dates, stats)
	}
}

// Only what reads as a day tells the order a page writes days in: version
// numbers after a German dateline do not turn it month first.
func TestVersionNumbersAreNoOrderHints(t *testing.T) {
	testPublished(t, []struct{ name, page, want string }{
		{"dateline alone", `<html lang="de"><body><h1>Neue Version</h1><p class="datum">Stand: 03.04.19</p></body></html>`, "2019-04-03T00:00:00Z"},
		{"with versions", `<html lang="de"><body><h1>Neue Version</h1><p class="datum">Stand: 03.04.19</p><p>Version 1.21.10 und 2.15.10</p></body></html>`, "2019-04-03T00:00:00Z"},
	})
}

// A page's language and an American zone order slashes only: dots are
// day first on an American page as dottedDate reads them with a full year.
// A two-digit year later than every year the page writes in full is no day.
func TestDotsAndShortYearsOnPages(t *testing.T) {
	testPublished(t, []struct{ name, page, want string }{
		{"dots on an American page", `<html lang="en-US"><body><h1>Release</h1><p>Stand: 03.04.19</p></body></html>`, "2019-04-03T00:00:00Z"},
		{"dots before a zone", `<html lang="en-US"><body><h1>Release</h1><p>Stand: 04.08.05 10:00 ET</p></body></html>`, "2005-08-04T10:00:00Z"},
		{"a year the page reaches", `<html><body><h1>Storm</h1><p>Posted 1/14/12</p><p>Updated March 3, 2012</p></body></html>`, "2012-01-14T00:00:00Z"},
		{"a year that is no day", `<html><body><h1>Storm</h1><p class="published">3/14/15 8:00am</p><h2>401(K) 2012</h2></body></html>`, "2015-03-14T08:00:00Z"},
	})
}

// A two-digit year later than the page's latest full day is no day.
func TestShortYearsNotAfterThePage(t *testing.T) {
	page := func() dayHints { return dayHints{latestYear: 2012} }
	if d, _, ok := parseShortYear("Posted 1/14/30", page); ok {
		t.Errorf("Posted 1/14/30 on a page of 2012 read as %v", d)
	}
	if d, _, ok := parseShortYear("Posted 1/14/12", page); !ok || d.Format("2006-01-02") != "2012-01-14" {
		t.Errorf("Posted 1/14/12 on a page of 2012 read as %v, %v", d, ok)
	}
	doc, err := html.Parse(strings.NewReader(`<html><body><h1>Storm</h1><p>Posted 1/14/30</p><p>Updated March 3, 2012</p><h2>401(K) 2016</h2></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if h := readMeta(doc).pageDayHints(""); h.latestYear != 2012 {
		t.Errorf("latest year %d, want 2012 (a day's; 2016 is no day)", h.latestYear)
	}
}

// testPublished extracts each page and checks the day it is published on.
func testPublished(t *testing.T, cases []struct{ name, page, want string }) {
	t.Helper()
	for _, tc := range cases {
		a, err := Extract(news.Page{Kind: news.KindHTML, Body: []byte(tc.page)})
		if err != nil {
			t.Fatal(err)
		}
		if got := news.FormatPublished(a.Published); got != tc.want {
			t.Errorf("%s: published %q, want %q", tc.name, got, tc.want)
		}
	}
}

// No page is published after it was captured (news.Page.Fetched): a day
// after that, a misread two-digit year or an event's, is no candidate, in
// the HTML, its URL, a byline or a text dump; the next day still is, for
// the zones ahead of UTC. Without a capture time the clock is the bound.
func TestNoDayAfterCapture(t *testing.T) {
	now := time.Date(2019, 12, 1, 22, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, url string
		kind      news.PageKind
		fetched   time.Time
		page      string
		want      string
	}{
		{"a two-digit year in the future", "", news.KindHTML, now, `<html><body><h1>Storm</h1><p>Posted 1/14/30</p></body></html>`, ""},
		{"an event after the capture", "", news.KindHTML, now, `<html><body><h1>Fair</h1><p>Opens March 3, 2021</p><p>Published November 20, 2019</p></body></html>`, "2019-11-20T00:00:00Z"},
		{"no capture time: the clock", "", news.KindHTML, time.Time{}, `<html><body><h1>Fair</h1><p>Opens March 3, 2021</p><p>Published November 20, 2019</p></body></html>`, "2021-03-03T00:00:00Z"},
		{"a URL after the capture", "https://x.example/2031/01/02/fair/", news.KindHTML, now, `<html><body><h1>Fair</h1><p>Text.</p></body></html>`, ""},
		{"a byline after the capture", "", news.KindHTML, now, `<html><body><h1>Fair</h1><p class="byline">By Ann Smith, March 3, 2021</p><p>Published November 20, 2019</p></body></html>`, "2019-11-20T00:00:00Z"},
		{"a dump after the capture", "https://x.example/2031/01/02/fair/", news.KindText, now, "Fair\nMarch 3, 2021\n" + strings.Repeat("A long line of the article that tells what the fair is about and when. ", 5), ""},
	} {
		a, _ := Extract(news.Page{Kind: tc.kind, URL: tc.url, Fetched: tc.fetched, Body: []byte(tc.page)})
		if got := news.FormatPublished(a.Published); got != tc.want {
			t.Errorf("%s: published %q, want %q", tc.name, got, tc.want)
		}
	}
	for _, tc := range []struct {
		day  time.Time
		want bool
	}{
		{time.Date(2019, 12, 1, 23, 0, 0, 0, time.UTC), false},
		{time.Date(2019, 12, 2, 9, 0, 0, 0, time.FixedZone("", 14*3600)), false}, // its own day in UTC+14
		{time.Date(2019, 12, 3, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2030, 1, 14, 0, 0, 0, 0, time.UTC), true},
	} {
		if got := afterReading(tc.day, now); got != tc.want {
			t.Errorf("afterReading(%v) = %v, want %v", tc.day, got, tc.want)
		}
	}
}

// A URL or path a text shows (a caption's image address, a link's path)
// offers none of its dates; a date beside it still counts.
func TestDatesInShownAddressesAreNoCandidates(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<h1>Head</h1>` +
		`<figure><figcaption>https://b.example/wp-content/uploads/2019/03/12/y.jpg</figcaption></figure>` +
		`<p><a href="/2019/03/14/other/">/2019/03/14/other-post/</a></p><p>www.b.example/2019/03/15/x</p>` +
		`<p>Posted 2019/03/02 via /feeds/2019/03/16/</p>`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range readMeta(doc).dateCandidates("") {
		got = append(got, c.t.Format("2006-01-02"))
	}
	if strings.Join(got, " ") != "2019-03-02" {
		t.Errorf("date candidates %q, want only the posted day 2019-03-02", got)
	}
}

// A date inside a comment thread (an ancestor's class or id names
// comments) is marked as such; the post's own dateline is not.
func TestDatesInCommentThreads(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<body class="single comments-open"><article><h1>Post</h1>` +
		`<div class="entry-meta">November 1, 2012</div><p>Text.</p></article>` +
		`<section id="comments"><ol><li><div class="meta">November 5, 2012 at 3:00 pm</div></li></ol></section>` +
		`<div class="recommendedPosts"><span>October 9, 2012</span></div>` +
		`<div class="commentBody"><time datetime="2012-11-06">Nov 6</time></div></body>`))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, c := range readMeta(doc).dateCandidates("") {
		got[c.t.Format("2006-01-02")] = c.comment
	}
	want := map[string]bool{"2012-11-01": false, "2012-11-05": true, "2012-10-09": false, "2012-11-06": true}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("in comments %v, want %v", got, want)
	}
	for name, want := range map[string]bool{"comment-list": true, "commentBody": true, "comments": true, "reply": true,
		"disqus_thread": true, "respond": true, "recommended": false, "uncommented": false, "replyButtonless": true, "": false,
		"commentary": false, "commentaryHeader": false, "kommentare": true, "responses": true, "comentarios": true} {
		if namesComment(name) != want {
			t.Errorf("namesComment(%q) = %v, want %v", name, !want, want)
		}
	}
}

// The dateline is the visible date nearest the <h1>, either side, but
// not one in a comment thread nor one further than maxDatelineFromH1.
func TestDatelineDay(t *testing.T) {
	far := strings.Repeat("<p>x</p>", maxDatelineFromH1)
	for _, tc := range []struct{ name, page, want string }{
		{"updated by the headline", `<script type="application/ld+json">{"@type":"Article","datePublished":"2019-08-14"}</script>` +
			`<div class="date">Saturday, December 20, 2025</div>` + strings.Repeat("<p>x</p>", 30) +
			`<h1>Certifications</h1><p>Written by Sean</p><p>Updated Sep 17, 2025</p>`, "2025-09-17"},
		{"an opinion column is no thread", `<script type="application/ld+json">{"@type":"Article","datePublished":"2019-08-14"}</script>` +
			`<article class="commentary"><h1>Certifications</h1><p>Written by Sean</p><p>Updated Sep 17, 2025</p></article>`, "2025-09-17"},
		{"not a commenter's byline", `<h1>Post</h1><div id="comments"><div class="comment-author">Ann Smith, November 5, 2012</div></div>` +
			strings.Repeat("<p>x</p>", 10) + `<p>Posted November 1, 2012</p>`, "2012-11-01"},
		{"not a comment's", `<h1>Post</h1><div id="comments"><p>November 5, 2012</p></div>` + strings.Repeat("<p>x</p>", 10) +
			`<p>Posted November 1, 2012</p>`, "2012-11-01"},
		{"not a sentence far down", `<h1>New Zealand</h1>` + far + `<p>in office since 26 October 2017.</p>`, ""},
		{"no headline", `<p>Posted November 1, 2012</p>`, ""},
	} {
		doc, err := html.Parse(strings.NewReader(tc.page))
		if err != nil {
			t.Fatal(err)
		}
		pm := readMeta(doc)
		cands := pm.dateCandidates("")
		for i := range cands {
			cands[i].day = dayKey(cands[i].t)
		}
		if got := datelineDay(cands, pm.h1At); got != tc.want {
			t.Errorf("%s: dateline %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A visible day written in numbers that both orders can read is read in the
// order the page's own metadata gives that day; without such a day, or
// where the metadata gives the first reading, it keeps its first reading.
func TestVisibleDayOrderedByTheMetadata(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"JSON-LD says September 10", `<html lang="en-US"><head><script type="application/ld+json">{"@type":"BlogPosting","headline":"Planning a kitchen remodel","datePublished":"2024-09-10T16:07:00Z"}</script></head>` +
			`<body><h1>Planning a kitchen remodel</h1><p class="post-date">09.10.2024</p></body></html>`, "2024-09-10"},
		{"a meta tag says August 9", `<html><head><meta property="article:published_time" content="2012-08-09T09:00:00-05:00"></head>` +
			`<body><h1>Storm notes</h1><p>(updated 8.9.2012 at 10:05 AM CDT)</p></body></html>`, "2012-08-09"},
		{"no metadata day", `<html><body><h1>Planning a kitchen remodel</h1><p class="post-date">09.10.2024</p></body></html>`, "2024-10-09"},
		{"the metadata gives the first reading", `<html><head><meta property="article:published_time" content="2024-10-09T08:00:00Z"></head>` +
			`<body><h1>Planning a kitchen remodel</h1><p class="post-date">09.10.2024</p></body></html>`, "2024-10-09"},
		{"the metadata gives neither reading", `<html><head><meta property="article:published_time" content="2024-11-02T08:00:00Z"></head>` +
			`<body><h1>Planning a kitchen remodel</h1><p class="post-date">09.10.2024</p></body></html>`, "2024-10-09"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, c := range readMeta(doc).dateCandidates("") {
				if c.src == dsText {
					got = c.t.Format("2006-01-02")
				}
			}
			if got != tc.want {
				t.Errorf("visible day %q, want %q", got, tc.want)
			}
		})
	}
}

// A dotted day that only the month-first order reads ("06.18.2025", as
// some American sites write dots) is read so, as slashes are; one that
// both orders read stays day first, and a day its month has not is none.
func TestDotsReadMonthFirstOnlyWhenOnlyThatIsADay(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"06.18.2025", "2025-06-18"},
		{"Posted 11.29.2024", "2024-11-29"},
		{"18.06.2025", "2025-06-18"},
		{"04.08.2005", "2005-08-04"},
		{"12. 3. 2020", "2020-03-12"},
		{"31.02.2020", ""},
		{"13.14.2020", ""},
	} {
		got := ""
		if d, ok := parseDate(tc.in); ok {
			got = d.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("parseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	testPublished(t, []struct{ name, page, want string }{
		{"a small firm's post", `<html><body><header><h1>What a roof costs in spring</h1><div class="post-meta">06.18.2025</div></header><p>Prices vary by region.</p></body></html>`, "2025-06-18T00:00:00Z"},
	})
}

// A day the <title> writes dates a page that offers no other date, and
// only such a page: beside a dateline the title's day is not a candidate.
func TestTitleDayDatesOnlyAnUndatedPage(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"the title's day alone",
			`<html><head><title>Wire.example - Storm grows weaker - Sep 25, 2005</title></head><body><h1>Storm grows weaker</h1><p>The storm weakened overnight.</p></body></html>`,
			[]string{"2005-09-25"}},
		{"a dateline beside it",
			`<html><head><title>Wire.example - Storm grows weaker - Sep 25, 2005</title></head><body><h1>Storm grows weaker</h1><p>Posted September 26, 2005</p></body></html>`,
			[]string{"2005-09-26"}},
		{"a year before any web page",
			`<html><head><title>A speech at Lucknow, 28 September 1887</title></head><body><h1>The speech</h1></body></html>`,
			nil},
		{"no day in the title",
			`<html><head><title>Storm season 2005</title></head><body><h1>Storm season</h1></body></html>`,
			nil},
	} {
		doc, err := html.Parse(strings.NewReader(tc.page))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range readMeta(doc).dateCandidates("") {
			got = append(got, dayKey(c.t))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: candidates %v, want %v", tc.name, got, tc.want)
		}
	}
}

// FuzzDateFromURL: any address (untrusted input) is read without a panic,
// and a day read from it is a real day whose year the path writes.
func FuzzDateFromURL(f *testing.F) {
	for _, s := range []string{"https://paper.example/world/2021/jun/14/ferry", "/2022/november/08/", "https://x.example/2024/05/06/",
		"https://x.example/p/20241006?utm=1", "/2024/may/10-best/", "/2023/feb/30/", "/2019/März/4", "/1999/dec/31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		d, ok := dateFromURL(u)
		if !ok {
			return
		}
		path, _ := urlPath(u)
		if d.Day() < 1 || !strings.Contains(path, strconv.Itoa(d.Year())) {
			t.Errorf("dateFromURL(%q) = %s: a year the path %q does not write", u, d.Format("2006-01-02"), path)
		}
	})
}
