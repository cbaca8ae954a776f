package news

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLeadTitle(t *testing.T) {
	for _, c := range []struct {
		name string
		a    Article
		want string
	}{
		{"plain lead, first sentence, no final period",
			Article{Text: "Ferry crews walked out on Tuesday. Talks resume next week.\n\nMore later."},
			"Ferry crews walked out on Tuesday"},
		{"capital place and agency, double hyphen",
			Article{Text: "KESTRA, Ostland (Wirenews) -- Ferry crews walked out on Tuesday."},
			"Ferry crews walked out on Tuesday"},
		{"place and date, agency glued to the dashes",
			Article{Text: "KESTRA, May 8 (Wirenews)-- Ferry crews walked out."},
			"Ferry crews walked out"},
		{"underscore dash of wire copy, dotted place",
			Article{Text: "ST. ALDEN _ The harbour reopened on Monday."},
			"The harbour reopened on Monday"},
		{"mixed-case place with agency, em dash",
			Article{Text: "Kestra (Wirenews) — The harbour reopened on Monday."},
			"The harbour reopened on Monday"},
		{"agency alone before a spaced hyphen",
			Article{Text: "(Wirenews) - The harbour reopened on Monday."},
			"The harbour reopened on Monday"},
		{"agency glued to the lead's first word",
			Article{Text: "Kestra (Wirenews)The harbour reopened on Monday."},
			"The harbour reopened on Monday"},
		{"a bracket in a sentence stays",
			Article{Text: "Kestra Shipping (KSH) shares rose on Monday."},
			"Kestra Shipping (KSH) shares rose on Monday"},
		{"em dash with no spaces",
			Article{Text: "KESTRA—Ferry crews walked out on Tuesday."},
			"Ferry crews walked out on Tuesday"},
		{"en dash and hyphen",
			Article{Text: "ALDEN, Ost. –- Ferry crews walked out on Tuesday."},
			"Ferry crews walked out on Tuesday"},
		{"a hyphen inside a word is no dash",
			Article{Text: "KESTRA-BASED crews walked out on Tuesday."},
			"KESTRA-BASED crews walked out on Tuesday"},
		{"a place in ordinary case before an em dash",
			Article{Text: "Kestra — The harbour reopened on Monday."},
			"The harbour reopened on Monday"},
		{"an aside opened by a dash stays",
			Article{Text: "The Senate — in a late vote — passed the harbour bill."},
			"The Senate — in a late vote — passed the harbour bill"},
		{"dateline on its own line",
			Article{Text: "KESTRA, Ostland --\nThe harbour reopened on Monday."},
			"The harbour reopened on Monday"},
		{"a byline paragraph and a label before the lead",
			Article{Text: "By Jane Ostrow, Wirenews Writer\n\nHARBOUR REPORT\n\nThe harbour reopened on Monday."},
			"The harbour reopened on Monday"},
		{"the article's own byline",
			Article{Byline: "Jane Ostrow", Text: "Jane Ostrow\n\nThe harbour reopened on Monday."},
			"The harbour reopened on Monday"},
		{"a sentence beginning with By is a lead",
			Article{Text: "By noon the harbour had reopened to ferries."},
			"By noon the harbour had reopened to ferries"},
		{"two capitals before a dash are a sentence's",
			Article{Text: "EU - Ostland talks ended without a deal on Monday."},
			"EU - Ostland talks ended without a deal on Monday"},
		{"a long prefix before a dash is not a dateline",
			Article{Text: "The harbour authority of the city of Kestra said on Monday that the port -- closed since May -- would reopen."},
			"The harbour authority of the city of Kestra said on Monday that the port — closed since May — would…"},
		{"wire ASCII quotes",
			Article{Text: "Crews called the offer ``an insult'' on Monday."},
			"Crews called the offer “an insult” on Monday"},
		{"two apostrophes without a TeX opening stay",
			Article{Text: "Director of ''Harbour Lights'' joins the crew."},
			"Director of ''Harbour Lights'' joins the crew"},
		{"no text", Article{}, ""},
		{"a name in capitals before an aside set off by dashes is no dateline",
			Article{Text: "OSTCO -- the harbour's owner -- sold the port on Monday."},
			"OSTCO — the harbour's owner — sold the port on Monday"},
		{"a lead in a script without capitals is no label line",
			Article{Text: "港口周一重新开放。渡轮恢复运行。"},
			"港口周一重新开放"},
		{"a short lead in a script without capitals or a sentence end",
			Article{Text: "أعيد فتح الميناء يوم الاثنين"},
			"أعيد فتح الميناء يوم الاثنين"},
		{"HTML entities left in the text are their characters",
			Article{Text: "Kestra &amp; Alden ferries called the offer &quot;an insult&quot; on Monday."},
			"Kestra & Alden ferries called the offer \"an insult\" on Monday"},
	} {
		if got := LeadTitle(c.a); got != c.want {
			t.Errorf("%s: LeadTitle = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestLeadTitleCutsALongLeadAtAWord: a lead longer than leadTitleMax ends
// at a whole word, without a hanging comma, with an ellipsis.
func TestLeadTitleCutsALongLeadAtAWord(t *testing.T) {
	lead := "Ferry crews at the port of Kestra, who have worked without a contract since the spring, walked out on Tuesday, stranding thousands of travellers."
	got := LeadTitle(Article{Text: lead})
	if !strings.HasSuffix(got, "…") || utf8.RuneCountInString(got) > leadTitleMax+1 {
		t.Fatalf("LeadTitle = %q (%d characters), want at most %d and an ellipsis", got, utf8.RuneCountInString(got), leadTitleMax)
	}
	body := strings.TrimSuffix(got, "…")
	if !strings.HasPrefix(lead, body) || lead[len(body)] != ' ' && lead[len(body)] != ',' {
		t.Errorf("LeadTitle = %q, not cut at a word of the lead", got)
	}
	if strings.HasSuffix(body, ",") || strings.HasSuffix(body, " ") {
		t.Errorf("LeadTitle = %q ends in punctuation before the ellipsis", got)
	}
	if one := LeadTitle(Article{Text: strings.Repeat("x", 150)}); utf8.RuneCountInString(one) != leadTitleMax+1 {
		t.Errorf("one long word: %d characters, want it cut at %d", utf8.RuneCountInString(one), leadTitleMax)
	}
}

func TestTitleOrLead(t *testing.T) {
	if got, derived := TitleOrLead(Article{Title: "Harbour reopens", Text: "The harbour reopened."}); got != "Harbour reopens" || derived {
		t.Errorf("titled: %q, %v", got, derived)
	}
	if got, derived := TitleOrLead(Article{Text: "The harbour reopened."}); got != "The harbour reopened" || !derived {
		t.Errorf("untitled: %q, %v", got, derived)
	}
	if got, derived := TitleOrLead(Article{}); got != "" || derived {
		t.Errorf("empty: %q, %v", got, derived)
	}
}

// FuzzLeadTitle: any article text gives a title without panicking, no
// longer than leadTitleMax and the ellipsis, made of the text's own words,
// and LeadAndNext a head that is a piece of the text, there when the title
// is.
func FuzzLeadTitle(f *testing.F) {
	for _, s := range []string{"KESTRA, Ostland (Wirenews) -- Ferry crews walked out.", "(W)X", "By A\n\nB —", "—", "a\xff-- b", "``x'' _ y", "ȺȺȺȺȺȺ by x\n\nB.", "A, May 3: B", "May 3 — B", "x. (A Photo/B)", "a, in this photo", "Filed under A", "A\n\nB\n\nC. D", "X (A).- B", "(A) B - C", "(A)  B", "A ― B", "Read more: A?\n\nB.", "ȺȺ: x\n\nB.", "LIMA: B. C", "(Not So) A", "(a) B", "LIMA: B. C D", "x&notes &amp &#x41; B", "Listen: A."} {
		f.Add(s, "A")
	}
	f.Fuzz(func(t *testing.T, text, byline string) {
		got := LeadTitle(Article{Text: text, Byline: byline})
		if n := utf8.RuneCountInString(got); n > leadTitleMax+1 {
			t.Errorf("LeadTitle(%q) has %d characters", text, n)
		}
		if strings.TrimSpace(text) == "" && got != "" {
			t.Errorf("LeadTitle of blank text = %q", got)
		}
		if head, _ := LeadAndNext(Article{Text: text, Byline: byline}); !strings.Contains(text, head) || (head == "") != (got == "") {
			t.Errorf("LeadAndNext(%q) head %q, not a piece of the text or not there with the title %q", text, head, got)
		}
	})
}

// A line with no letter before the lead (a separator, a time stamp, a
// number) names nothing: the lead after it does.
func TestLeadTitlePassesOverLinesWithoutLetters(t *testing.T) {
	const lead = "The Ostrava council voted on Monday to close the pool."
	for _, first := range []string{"***", "12:45", "2021-09-20", "* * *", "—"} {
		a := Article{Text: first + "\n\n" + lead + " Swimmers protested."}
		if got := LeadTitle(a); got != "The Ostrava council voted on Monday to close the pool" {
			t.Errorf("LeadTitle after %q = %q, want the lead's first sentence", first, got)
		}
		if head, next := LeadAndNext(a); head != lead || next != "Swimmers protested." {
			t.Errorf("LeadAndNext after %q = %q, %q", first, head, next)
		}
	}
}

// TestLeadTitlePassesOverThePagesFurniture: date stamps, posting lines,
// picture credits, share and print buttons, an agency or the outlet named
// alone, a byline's second line, sponsor marks and short labels before a
// sentence are no lead; the sentence after them is.
func TestLeadTitlePassesOverThePagesFurniture(t *testing.T) {
	const lead = "The Ostrava council voted on Monday to close the old pool."
	const want = "The Ostrava council voted on Monday to close the old pool"
	for _, above := range []string{
		"Tuesday, March 3 | 7:56 pm CET",
		"March 3, 2026",
		"3 March 2026",
		"Updated at 11:31 a.m. ET",
		"Published 6 hours ago",
		"Mis à jour le 3 mars 2026 à 10h05",
		"Aktualisiert am 3. März 2026, 10:05 Uhr",
		"Posted on March 3, 2026 at 10:33 pm by Jane Ostrow",
		"Posted by kestrafan in Council News",
		"Published by Staff Writer: Jane Ostrow",
		"Filed under: Council",
		"Tags: council, pool",
		"Photo: Jane Ostrow",
		"Photo credit: Ostrava Wire",
		"(Photo by Jane Ostrow/Ostrava Wire)",
		"Jane Ostrow/ Ostrava Wire",
		"Foto: Jane Ostrow",
		"© 2026 Ostrava Wire",
		"Share",
		"Share this",
		"Facebook Twitter Email Print",
		"Email to a Friend",
		"Printer-friendly version",
		"Follow @ostravawire",
		"12 Comments",
		"Partager",
		"Associated Press",
		"Agence France-Presse",
		"(Reuters)",
		"Staff and agencies",
		"Ostrava Courier", // the article's own outlet
		"Advertisement",
		"Summary:",
		"By Jane Ostrow\nOstrava Wire",
		"Article written by guest writer Jane Ostrow",
		"edited by Jane Ostrow",
	} {
		a := Article{Source: "Ostrava Courier", Text: above + "\n\n" + lead + " Swimmers protested."}
		if got := LeadTitle(a); got != want {
			t.Errorf("LeadTitle after %q = %q, want the lead's first sentence", above, got)
		}
	}
}

// TestLeadTitleKeepsLeadsThatOpenLikeFurniture: sentences and headlines
// that open with a furniture word are leads.
func TestLeadTitleKeepsLeadsThatOpenLikeFurniture(t *testing.T) {
	for _, lead := range []string{
		"Category 3 storm nears the Ostrava coast",
		"Published reports say the council will close the pool",
		"Photos of the closed pool spread online on Monday",
		"Share prices in Ostrava fell on Monday",
		"March on the town hall draws thousands",
		"Monday was a better day for the Ostrava council",
		"Reuters reported on Monday that the pool will close",
		"Ferry Aid Programs:\nDo They Help?",
		"Alden Vale 1 Kestra 2", // a score, though the extractor named the outlet so
	} {
		a := Article{Source: "Alden Vale 1 Kestra 2", Text: lead + "\n\nThe council met on Monday and voted to close the pool for good."}
		want := strings.SplitN(lead, "\n", 2)[0]
		if got := LeadTitle(a); got != want {
			t.Errorf("LeadTitle of %q = %q, want %q", lead, got, want)
		}
	}
}

// TestLeadTitleOfFurnitureAloneIsItsFirstLine: a text of nothing but
// furniture is still named by its first line, as before: some title beats
// an untitled story.
func TestLeadTitleOfFurnitureAloneIsItsFirstLine(t *testing.T) {
	if got := LeadTitle(Article{Text: "Posted on March 3, 2026 by Jane Ostrow | Permalink\n\nShare"}); got != "Posted on March 3, 2026 by Jane Ostrow | Permalink" {
		t.Errorf("LeadTitle = %q, want the first line", got)
	}
}

// TestLeadTitleKeepsHeadlinesThatLookLikeFurniture: headlines of short
// words and figures, marked "PHOTOS:", "VIDEO:" or "UPDATED:", or opening
// with a sponsor's word are leads, not a date stamp, a credit, a posting
// line or a sponsor mark (review s35-lrev: each was passed over).
func TestLeadTitleKeepsHeadlinesThatLookLikeFurniture(t *testing.T) {
	for _, lead := range []string{
		"Boy, 5, hit by car in Ostrava",
		"Gas up 8% in May",
		"Oil at $90",
		"Top 10 of 2025",
		"PHOTOS: Storm batters the Ostrava coast",
		"VIDEO: Crowds greet ferry crews at Ostrava",
		"Photo: crews greeted by crowds in Ostrava",
		"UPDATED: Fire closes Ostrava bridge",
		"Sponsored content rules tighten in Ostrava",
		"Advertisement watchdog fines Ostrava firm",
	} {
		a := Article{Text: lead + "\n\nThe council met on Monday and voted to close the pool for good."}
		if got := LeadTitle(a); got != lead {
			t.Errorf("LeadTitle of %q = %q, want the headline", lead, got)
		}
	}
}

// TestLeadTitlePassesOverCreditsAndStampsAfterAMark: the furniture the
// review's narrower rules must still pass over: credits of names, stamps
// after a colon (and tags after a bar), sponsor marks with a note in
// brackets, a site's host alone.
func TestLeadTitlePassesOverCreditsAndStampsAfterAMark(t *testing.T) {
	const want = "The Ostrava council voted on Monday to close the old pool"
	for _, above := range []string{
		"Photo: Jane Ostrow for The Ostrava Courier",
		"Photos: courtesy of the Ostrava Wire",
		"Foto: dpa",
		"Photo: supplied",
		"Image: iStock / @janeostrow",
		"Updated: March 3, 2026 10:05 a.m.",
		"Published: March 3rd, 2026 | Tags: council, pool",
		"Advertisement (closes in 5 seconds)",
		"ADVERTISEMENT - SCROLL TO CONTINUE",
		"ostravawire.com",
		"www.OstravaCourier.co.uk",
		"14:05 WIB, 3 March 2026",
	} {
		a := Article{Text: above + "\n\n" + want + ". Swimmers protested."}
		if got := LeadTitle(a); got != want {
			t.Errorf("LeadTitle after %q = %q, want the lead's first sentence", above, got)
		}
	}
}

// TestLeadTitleOverAStampOfLettersThatLowerLonger: a line read as a date
// stamp whose letters grow when lowered ("Ⱥ" is two bytes, "ⱥ" three) or
// shrink ("İ" two, "i" one) is cut at its " by " in its own bytes: the
// index found in the lowered line fell past the end of the line, and
// LeadTitle panicked, taking the writer down with it, or inside a letter.
func TestLeadTitleOverAStampOfLettersThatLowerLonger(t *testing.T) {
	const lead = "Ferry crews walked out on Tuesday at the Alden harbour."
	for _, stamp := range []string{"ȺȺȺȺȺȺ by x", "ȾȾȾ 2026 BY Jane", "İİİİİİİİİİ 2026 by Jane Doe"} {
		if got := LeadTitle(Article{Text: stamp + "\n\n" + lead}); got == "" {
			t.Errorf("LeadTitle after %q is empty", stamp)
		}
	}
	if got := LeadTitle(Article{Text: "March 2, 2026 by Jane Doe\n\n" + lead}); got != "Ferry crews walked out on Tuesday at the Alden harbour" {
		t.Errorf("LeadTitle after a stamp with its writer = %q, want the lead", got)
	}
}

// TestLeadTitlePassesOverReadingTimesPostsAndBreaks: a reading-time line,
// a writer's name and post without "By", an agency's or the outlet's staff
// credit and a "continues below" line above the lead are the page's, not
// the lead (review s35-lrev found each taken as the title).
func TestLeadTitlePassesOverReadingTimesPostsAndBreaks(t *testing.T) {
	const want = "The Ostrava council voted on Monday to close the old pool"
	for _, above := range []string{
		"Reading time: 3 min",
		"3 min read",
		"5-minute read",
		"Estimated reading time: about 4 minutes",
		"Lesezeit: 4 Minuten",
		"Temps de lecture : 3 min",
		"Jane Ostrow, Staff Writer",
		"Jane Q. Ostrow - Senior Political Correspondent",
		"Jane Ostrow, Associated Press",
		"Reuters Staff",
		"By Ostrava Courier Staff",
		"Story continues below",
		"Medically reviewed by Jane Ostrow, MD",
		"Fact checked by Jane Ostrow",
		"Advertisement\nArticle continues after advertisement",
	} {
		a := Article{Source: "Ostrava Courier", Text: above + "\n\n" + want + ". Swimmers protested."}
		if got := LeadTitle(a); got != want {
			t.Errorf("LeadTitle after %q = %q, want the lead", above, got)
		}
	}
}

// TestLeadTitleKeepsHeadlinesLikeReadingTimesAndPosts: headlines with the
// words of those lines keep them as their title, and a headline after
// "Last updated:" or "Mis à jour :" is kept as "UPDATED: <headline>" is
// (review s35-final: those two labels were not among the date labels, so
// the line was passed over whatever followed them).
func TestLeadTitleKeepsHeadlinesLikeReadingTimesAndPosts(t *testing.T) {
	for _, lead := range []string{
		"Staff writer strike ends",
		"Three-minute read of the budget",
		"Reading time falls to 3 min for children",
		"Smith, Jones named chief editor",
		"Jane Ostrow, Staff Writer, dies at 80",
		"Reuters staff vote to strike",
		"The story continues",
		"Checked by police, driver walks free",
		"Last updated: Fire closes Ostrava bridge",
		"Mis à jour : le pont d'Ostrava fermé",
	} {
		a := Article{Source: "Ostrava Courier", Text: lead + "\n\nThe council met on Monday and voted to close the pool for good."}
		if got := LeadTitle(a); got != lead {
			t.Errorf("LeadTitle of %q = %q, want the headline", lead, got)
		}
	}
	const lead = "The council met on Monday and voted to close the pool for good"
	for _, stamp := range []string{"Last updated: March 3, 2026 at 10:05 am", "Mis à jour : le 3 mars 2026 à 10h05"} {
		if got := LeadTitle(Article{Text: stamp + "\n\n" + lead + "."}); got != lead {
			t.Errorf("LeadTitle after %q = %q, want the lead", stamp, got)
		}
	}
}

// TestLeadTitlePassesOverCaptionsAndNewsroomCredits: a picture's caption
// above the lead (a sentence ending in the picture's credit, the wires'
// ", in this file photo" form, a sentence after "Photo:"), a credit in
// brackets alone, another outlet's newsroom staff and a filing line
// without a colon are passed over (session 36: each was the title).
func TestLeadTitlePassesOverCaptionsAndNewsroomCredits(t *testing.T) {
	const lead = "The Ostrava council voted on Monday to close the old pool."
	const want = "The Ostrava council voted on Monday to close the old pool"
	for _, above := range []string{
		"Swimmers leave the old pool in Ostrava on Sunday. (Wire Photo/Jane Ostrow)",
		"Swimmers leave the old pool in Ostrava on Sunday. (Photo by Jane Ostrow)",
		"Swimmers leave the old pool on Sunday (Kestra Images)",
		"Swimmers leave the old pool on Sunday (Reuters/Jane Ostrow, File)",
		"(Wire Photo/Jane Ostrow)",
		"Swimmers leave the old pool on Sunday. Photograph: Jane Ostrow/Wire",
		"The old pool, closed since May. | Image credit: Jane Ostrow",
		"A swimmer dives into the old pool in Ostrava, in this May 3, 2025, file photo.",
		"The old pool of Ostrava, in this undated handout picture provided by the council.",
		"Photo: Swimmers leave the old pool in Ostrava on Sunday.",
		"CNN Wire Staff",
		"NPR Staff",
		"Kestra Daily News Staff",
		"Filed under Council News",
	} {
		a := Article{Source: "Ostrava Courier", Text: above + "\n\n" + lead + " Swimmers protested."}
		if got := LeadTitle(a); got != want {
			t.Errorf("LeadTitle after %q = %q, want the lead's first sentence", above, got)
		}
	}
}

// TestLeadTitleDropsADateBeforeTheLead: a lead opening with a date and a
// dash, or with a date, a place and a date, or a place and an agency
// before a colon, is titled by its sentence (session 36).
func TestLeadTitleDropsADateBeforeTheLead(t *testing.T) {
	const want = "The Ostrava council voted to close the old pool"
	for _, line := range []string{
		"Feb. 23, 2025 — The Ostrava council voted to close the old pool.",
		"23 February 2025 -- The Ostrava council voted to close the old pool.",
		"23.02.2025 - The Ostrava council voted to close the old pool.",
		"OSTRAVA, March 3: The Ostrava council voted to close the old pool.",
		"Ostrava, 3 March 2026: The Ostrava council voted to close the old pool.",
		"OSTRAVA, May 8 (Wirenews): The Ostrava council voted to close the old pool.",
		"OSTRAVA (Wirenews): The Ostrava council voted to close the old pool.",
		"March 3, 2026: The Ostrava council voted to close the old pool.",
		"UPDATE on Tuesday, March 3, 2026: The Ostrava council voted to close the old pool.",
	} {
		if got := LeadTitle(Article{Text: line + " Swimmers protested."}); got != want {
			t.Errorf("LeadTitle of %q = %q, want %q", line, got, want)
		}
	}
}

// TestLeadTitleKeepsHeadlinesLikeCaptionsAndDatelines: headlines and leads
// that resemble a caption, a dated or colon dateline, a button row, a
// posting line or a staff credit keep their words (review s35-lrev found
// the button-row and "Published in" ones passed over; the rest guard the
// session 36 rules).
func TestLeadTitleKeepsHeadlinesLikeCaptionsAndDatelines(t *testing.T) {
	for _, lead := range []string{
		"OSTRAVA: The council voted to close the old pool",
		"NASA: Ostrava probe lands",
		"BREAKING: Ostrava pool closes",
		"10 — The number of pools Ostrava closed",
		"May 3: the day Ostrava closed its pool",
		"Ostrava, 1945: A city in ruins",
		"Facebook to copy Twitter",
		"Twitter to send text via app",
		"Google Plus to close in May",
		"Published in Nature, Ostrava study finds coral recovering",
		"Posted to Kabul, an Ostrava medic writes home",
		"Filed under seal, Ostrava papers show a deal",
		"Hospital Staff",
		"White House Staff",
		"Watch the pool close (VIDEO)",
		"Storm batters the coast (Photos)",
		"The man in this photo was seen near the old pool on Monday",
	} {
		a := Article{Source: "Ostrava Courier", Text: lead + "\n\nThe council met on Monday and voted to close the pool for good."}
		if got := LeadTitle(a); got != lead {
			t.Errorf("LeadTitle of %q = %q, want the headline", lead, got)
		}
	}
}

// TestLeadAndNextPassesOverFurnitureAfterTheLead: the sentence after a
// lead that is a line of its own (a headline at the top of the text) is
// the next line that could be a lead, not the page's furniture between
// them, which a story titled by that line would show as its one line
// (review s36-lrev: each of these was next).
func TestLeadAndNextPassesOverFurnitureAfterTheLead(t *testing.T) {
	const headline = "Ostrava council closes the old pool"
	const want = "The council voted on Monday to close the pool."
	for _, between := range []string{
		"Advertisement",
		"Swimmers leave the old pool on Sunday. (Wire Photo/Jane Ostrow)",
		"Photo: Jane Ostrow",
		"Share this article",
		"By Jane Ostrow",
		"Posted on March 3, 2026 at 9:05 am",
		"***",
		"Continue reading below",
		"OSTRAVA --",
	} {
		a := Article{Source: "Ostrava Courier", Text: headline + "\n\n" + between + "\n\n" + want + " Swimmers protested."}
		if head, next := LeadAndNext(a); head != headline || next != want {
			t.Errorf("LeadAndNext over %q = %q, %q, want the lead after it", between, head, next)
		}
	}
	a := Article{Text: headline + "\n\nOSTRAVA, Ost. -- " + want}
	if _, next := LeadAndNext(a); next != want {
		t.Errorf("LeadAndNext of a dated next line = %q, want it without its dateline", next)
	}
	if _, next := LeadAndNext(Article{Text: headline + "\n\nAdvertisement\n\nShare this article"}); next != "" {
		t.Errorf("LeadAndNext over furniture alone = %q, want none", next)
	}
}

// TestLeadTitleKeepsLeadsWithAnAsideBeforeAPicture: ", in this <aside>,"
// in a lead, a picture word after it, is a sentence, not the wires'
// caption form ", in this file photo" (review s36-lrev: these leads were
// passed over as captions).
func TestLeadTitleKeepsLeadsWithAnAsideBeforeAPicture(t *testing.T) {
	for _, lead := range []string{
		"The council, in this case, showed images of the pool to voters",
		"The mayor, in this interview, says photos of the pool were faked",
	} {
		a := Article{Text: lead + ".\n\nThe council met on Monday and voted to close the pool for good."}
		if got := LeadTitle(a); got != lead {
			t.Errorf("LeadTitle of %q = %q, want the lead", lead, got)
		}
	}
	for _, caption := range []string{
		"A swimmer dives into the old pool, in this Monday, March 3, 2026 photo.",
		"The old pool of Ostrava, in this undated handout-photo.",
	} {
		if !isCaptionLine(caption) {
			t.Errorf("isCaptionLine(%q) = false, want a caption", caption)
		}
	}
}

// TestLeadTitleCutsTheSpanishWiresDateline: the Spanish-language wires end
// a dateline with the agency, a full stop and a dash ("(EFE).-"); a
// bracket and a full stop alone end a sentence (review s36-lrev).
func TestLeadTitleCutsTheSpanishWiresDateline(t *testing.T) {
	for line, want := range map[string]string{
		"OSTRAVA, 3 mar (Wirenews).- El consejo cerró la piscina. Hubo protestas.": "El consejo cerró la piscina",
		"OSTRAVA (Wirenews).–El consejo cerró la piscina.":                         "El consejo cerró la piscina",
		"The council closed it (Wirenews). The swimmers protested.":                "The council closed it (Wirenews)",
	} {
		if got := LeadTitle(Article{Text: line}); got != want {
			t.Errorf("LeadTitle of %q = %q, want %q", line, got, want)
		}
	}
}

// TestLeadTitleDropsFormatMarks: a title holds no bidirectional override
// or isolate (cutting out the first sentence can leave one open, turning
// what is shown after the title) and no byte order mark or zero-width
// space at its ends; a joiner inside a word stays (review s36-lrev).
func TestLeadTitleDropsFormatMarks(t *testing.T) {
	for text, want := range map[string]string{
		"\u202eThe council voted. Swimmers protested.\u202c": "The council voted",
		"\u2067The council voted.\u2069 Swimmers protested.": "The council voted",
		"\ufeffThe council voted.":                           "The council voted",
		"The council voted.\u200b":                           "The council voted",
		"می\u200cخواهم":                                      "می\u200cخواهم",
	} {
		if got := LeadTitle(Article{Text: text}); got != want {
			t.Errorf("LeadTitle(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestLeadTitlePassesOverLinesOfEntitiesAlone: a line of HTML entities
// with no letter once read ("&nbsp;", "&#8212;") is no lead; the title is
// the lead after it, not "" (review s36-lrev, found by FuzzLeadTitle).
func TestLeadTitlePassesOverLinesOfEntitiesAlone(t *testing.T) {
	for _, first := range []string{"&nbsp;", "&#8212;&#8212;", "&#xa;"} {
		a := Article{Text: first + "\n\nThe council voted. Swimmers protested."}
		if got := LeadTitle(a); got != "The council voted" {
			t.Errorf("LeadTitle after %q = %q, want the lead", first, got)
		}
		if head, _ := LeadAndNext(a); head != "The council voted." {
			t.Errorf("LeadAndNext after %q = %q, want the lead", first, head)
		}
	}
}

// TestLeadTitleSkipsSentencesWithoutALetter: a list's number, an ellipsis
// or a stray mark that the sentence splitter takes for the lead's first
// sentence is not the title, nor the end of LeadAndNext's head (review
// s36-lrev: the title was "1", "..." or "").
func TestLeadTitleSkipsSentencesWithoutALetter(t *testing.T) {
	for _, line := range []string{"1. The council voted.", "... The council voted.", ". The council voted."} {
		a := Article{Text: line + " Swimmers protested."}
		if got := LeadTitle(a); got != "The council voted" {
			t.Errorf("LeadTitle(%q) = %q, want the sentence", line, got)
		}
		if head, next := LeadAndNext(a); head != line || next != "Swimmers protested." {
			t.Errorf("LeadAndNext(%q) = %q, %q, want the line and the sentence after it", line, head, next)
		}
	}
	a := Article{Text: "1. The council voted. 2.\n\nSwimmers protested."}
	if _, next := LeadAndNext(a); next != "Swimmers protested." {
		t.Errorf("LeadAndNext of a list = next %q, want the sentence after the next item's number", next)
	}
}

// TestLeadTitleCutsAnAgencyBeforeThePlace: the Italian wires put the
// agency before the place and the date, each with its dash ("(ANSA) -
// ROMA, 3 MAR - ..."); both are the dateline (review s36-lrev).
func TestLeadTitleCutsAnAgencyBeforeThePlace(t *testing.T) {
	const line = "(Wirenews) - OSTRAVA, 3 MAR - Il consiglio ha chiuso la piscina. Proteste."
	if got := LeadTitle(Article{Text: line}); got != "Il consiglio ha chiuso la piscina" {
		t.Errorf("LeadTitle(%q) = %q, want the sentence", line, got)
	}
	const aside = "(Wirenews) - The council - in a close vote - closed the pool."
	if got := LeadTitle(Article{Text: aside}); got != "The council - in a close vote - closed the pool" {
		t.Errorf("LeadTitle(%q) = %q, want the sentence with its aside", aside, got)
	}
}

// TestLeadTitleOfADatelineWithNoWordAfterIt: a line that is a dateline and
// a mark ("OSTRAVA, March 3 --.") is no lead: the line after it is
// (review s36-lrev, found by FuzzLeadTitle; the title was "").
func TestLeadTitleOfADatelineWithNoWordAfterIt(t *testing.T) {
	a := Article{Text: "OSTRAVA, March 3 --.\n\nThe council voted. Swimmers protested."}
	if got := LeadTitle(a); got != "The council voted" {
		t.Errorf("LeadTitle = %q, want the next line's sentence", got)
	}
}

// TestLeadTitleKeepsALeadThatCitesItsSourceInBrackets: a sentence that
// cites its source as names and a slash in brackets before its full stop
// ("... (Wirenews/Ipsos).") is a lead, not a caption; a caption's credit
// follows its full stop, or says it is a picture's (review s36-lrev).
func TestLeadTitleKeepsALeadThatCitesItsSourceInBrackets(t *testing.T) {
	for _, lead := range []string{
		"Support for the Ostrava mayor fell to 30 percent (Wirenews/Ipsos)",
		"Most voters back the pool plan, a new poll shows (Kestra News/Ostrava Post)",
	} {
		a := Article{Text: lead + ".\n\nThe council met on Monday and voted to close the pool for good."}
		if got := LeadTitle(a); got != lead {
			t.Errorf("LeadTitle of %q = %q, want the lead", lead, got)
		}
	}
	for _, caption := range []string{
		"Swimmers leave the old pool on Sunday. (Wirenews/Jane Ostrow)",
		"Swimmers leave the old pool on Sunday (Wire Photo/Jane Ostrow).",
	} {
		if !isCaptionLine(caption) {
			t.Errorf("isCaptionLine(%q) = false, want a caption", caption)
		}
	}
}

// TestLeadTitleCutsAHorizontalBarsAndAnOpeningAgencysDateline: a
// dateline ending in a horizontal bar ("OSTRAVA ― ", as some papers set
// an em dash), and an agency in brackets that opens the line before a
// place or the sentence ("(Wirenews) OSTRAVA - ...", "(Wirenews) The
// ..."), are no part of the title (session 37).
func TestLeadTitleCutsAHorizontalBarsAndAnOpeningAgencysDateline(t *testing.T) {
	const want = "The Ostrava council voted to close the old pool"
	for _, line := range []string{
		"OSTRAVA ― The Ostrava council voted to close the old pool.",
		"OSTRAVA, May 21 (Wirenews) ― The Ostrava council voted to close the old pool.",
		"Ostrava ― The Ostrava council voted to close the old pool.",
		"OSTRAVA ‒ The Ostrava council voted to close the old pool.",
		"(Wirenews) OSTRAVA - The Ostrava council voted to close the old pool.",
		"(Kestra News) OSTRAVA, Ost. - The Ostrava council voted to close the old pool.",
		"(Wirenews) The Ostrava council voted to close the old pool.",
		"(Kestra/Wire) OSTRAVA, May 21 — The Ostrava council voted to close the old pool.",
	} {
		if got := LeadTitle(Article{Text: line + " Swimmers protested."}); got != want {
			t.Errorf("LeadTitle of %q = %q, want %q", line, got, want)
		}
	}
	for _, lead := range []string{
		"(and its pool) were closed by the council",                           // lower case after the bracket: a sentence's aside
		"(The council, the mayor and two clerks) Voted to close the old pool", // four words in brackets: no agency
	} {
		if got := LeadTitle(Article{Text: lead + "\n\nThe council met on Monday."}); got != lead {
			t.Errorf("LeadTitle of %q = %q, want it kept", lead, got)
		}
	}
}

// TestLeadTitlePassesOverTeasers: a line that points to another story
// above the lead ("Recommended: ...", "Read more | ...", "ALSO READ",
// "Lire aussi : ...") is no lead, even when its headline ends in a
// question mark; the sentence after it is (session 37).
func TestLeadTitlePassesOverTeasers(t *testing.T) {
	const lead = "The Ostrava council voted on Monday to close the old pool."
	const want = "The Ostrava council voted on Monday to close the old pool"
	for _, above := range []string{
		"Recommended: Why did the Kestra ferries stop?",
		"Read more: Storm hits the Kestra coast",
		"READ MORE: Storm hits the Kestra coast",
		"ALSO READ: Kestra ferry strike ends",
		"Also Read | Kestra ferry strike ends",
		"ALSO READ Kestra ferry strike ends",
		"also read » Kestra ferry strike ends",
		"ALSO READ",
		"Read more:",
		"Related Stories",
		"Related: Kestra ferry strike ends after a week",
		"Related Story: Kestra ferry strike ends",
		"Watch: The mayor on the pool vote",
		"MORE: Kestra ferry strike ends",
		"More",
		"See also: Ostrava pool and Kestra baths",
		"Don't miss: Ten pools to swim in this summer!",
		"Lire aussi : La grève des ferries prend fin",
		"À LIRE AUSSI : La grève des ferries prend fin",
		"Lesen Sie auch: Fährstreik in Kestra beendet",
		"Leggi anche: Sciopero dei traghetti finito",
		"Leia também: Greve das balsas termina",
	} {
		a := Article{Text: above + "\n\n" + lead + " Swimmers protested."}
		if got := LeadTitle(a); got != want {
			t.Errorf("LeadTitle after %q = %q, want the lead's first sentence", above, got)
		}
	}
}

// TestLeadTitleKeepsHeadlinesLikeTeasers: a lead or headline that opens
// with a teaser's word but no mark after it ("Watch the council vote
// live", "More than 300 swimmers ...", "Moreover, ..."), or that is a
// paragraph longer than a teaser, keeps its words (session 37).
func TestLeadTitleKeepsHeadlinesLikeTeasers(t *testing.T) {
	for _, lead := range []string{
		"Watch the council vote live on Monday",
		"More than 300 swimmers protest the pool's closing",
		"Moreover, the council closed the baths",
		"Related charges dropped against Ostrava mayor",
		"Recommended dose of vitamin D doubled",
		"More-than-expected rain closes Kestra ferries",
		"More: the council voted to close the old pool on Monday",
	} {
		a := Article{Text: lead + "\n\nThe council met on Monday and voted to close the pool for good."}
		if got := LeadTitle(a); got != lead {
			t.Errorf("LeadTitle of %q = %q, want it kept", lead, got)
		}
	}
	// A paragraph of more words than a teaser's is the lead, cut as a long lead is.
	const long = "Watch: The council voted on Monday to close the old pool in Ostrava after ten years of repairs, a month of protests and a petition that thousands of swimmers signed, the mayor said"
	if got := LeadTitle(Article{Text: long + "\n\nThe council met on Monday."}); !strings.HasPrefix(got, "Watch: The council voted") {
		t.Errorf("LeadTitle of a long paragraph opening with \"Watch:\" = %q, want its words", got)
	}
}

// TestShownSentenceReadsEntitiesAndWireMarks: the line a list shows under
// a story's title reads the HTML entities a feed left in the text, the
// wires' ASCII dashes and TeX quotes, as the title does (session 37).
func TestShownSentenceReadsEntitiesAndWireMarks(t *testing.T) {
	for in, want := range map[string]string{
		"Ferry crews &amp; dockers walked out.":            "Ferry crews & dockers walked out.",
		"The mayor&#8217;s pool closed &#x2014; for good.": "The mayor’s pool closed — for good.",
		"KESTRA (Wirenews) -- Ferry crews walked out.":     "KESTRA (Wirenews) — Ferry crews walked out.",
		"The mayor said ``enough'' _ and left.":            "The mayor said “enough” — and left.",
		"\u200bThe pool closed.\u202c":                     "The pool closed.",
		"The council voted 5-4 on the pool's closing.":     "The council voted 5-4 on the pool's closing.",
	} {
		if got := ShownSentence(in); got != want {
			t.Errorf("ShownSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLeadTitleDropsAKnownPlaceAloneBeforeAColon: a dateline's city (or
// a city-state) in capitals before a colon and a lead ("NAIROBI: ...") is
// a dateline; a kicker ("EXCLUSIVE:"), a place no list holds, and a place
// in ordinary case keep their words (session 37).
func TestLeadTitleDropsAKnownPlaceAloneBeforeAColon(t *testing.T) {
	const want = "The Ostrava council voted to close the old pool"
	for _, line := range []string{
		"NAIROBI: The Ostrava council voted to close the old pool.",
		"NEW DELHI: The Ostrava council voted to close the old pool.",
		"ST. PETERSBURG: The Ostrava council voted to close the old pool.",
		"KUWAIT: The Ostrava council voted to close the old pool.",
	} {
		if got := LeadTitle(Article{Text: line + " Swimmers protested."}); got != want {
			t.Errorf("LeadTitle of %q = %q, want %q", line, got, want)
		}
	}
	for _, lead := range []string{
		"EXCLUSIVE: The Ostrava council voted to close the old pool",
		"OSTRAVA: The council voted to close the old pool",
		"Nairobi: A city that never sleeps",
		"NAIROBI: the city that never sleeps",
	} {
		if got := LeadTitle(Article{Text: lead + "\n\nThe council met on Monday."}); got != lead {
			t.Errorf("LeadTitle of %q = %q, want it kept", lead, got)
		}
	}
}

// TestLeadTitleKeepsACountryOrAHeadlineAfterACapitalsColon: before a
// colon, a country in capitals is a headline's subject, a speaker or an
// entry, not a dateline ("PERU: The ...", "JORDAN: Thank you ..."), and a
// dateline's city before a headline rather than a lead's sentences
// ("NAIROBI: A city that never sleeps") is the headline's; a city before
// a paragraph signed by its agency is a dateline (session 37, s37-lrev).
func TestLeadTitleKeepsACountryOrAHeadlineAfterACapitalsColon(t *testing.T) {
	for _, lead := range []string{
		"PERU: The Ostrava council voted to close the old pool.",
		"JORDAN: Thank you, Anna. The council voted to close the old pool.",
		"TURKEY: The bird costs more this year than last.",
		"CHINA: The Next Decade of Swimming",
		"NAIROBI: A city that never sleeps",
		"NEW DELHI: Council votes to close old pool",
		"LONDON: Is the old pool worth saving?",
	} {
		want := strings.TrimSuffix(firstSentence(lead), ".")
		if got := LeadTitle(Article{Text: lead + "\n\nThe council met on Monday."}); got != want {
			t.Errorf("LeadTitle of %q = %q, want %q", lead, got, want)
		}
	}
	const signed = "KAMPALA: The Ostrava council voted to close the old pool. It had stood for 80 years. Wirenews"
	if got, want := LeadTitle(Article{Text: signed}), "The Ostrava council voted to close the old pool"; got != want {
		t.Errorf("LeadTitle of %q = %q, want %q", signed, got, want)
	}
}

// TestLeadTitleKeepsABracketThatRunsIntoTheHeadline: a bracket opening a
// line whose words read on into the next ("(Almost) Everyone ...", "(Not
// So) Fast", "(Tomb of the) Kings", "(Mr. Doe's) Class") is the
// headline's own, not an agency's; a list's letter ("(a)") is still cut
// (session 37, s37-lrev).
func TestLeadTitleKeepsABracketThatRunsIntoTheHeadline(t *testing.T) {
	for _, lead := range []string{
		"(Almost) Everyone in Ostrava loves the new pool",
		"(Not So) Fast: Ostrava's Pool Plan Stalls",
		"(Still) Waiting for the Kestra ferry",
		"(Creating a) Pool for Ostrava",
		"(Tomb of the) Ostrava Kings",
		"(Mr. Doe's) Swimming Class",
	} {
		if got := LeadTitle(Article{Text: lead + "\n\nThe council met on Monday."}); got != lead {
			t.Errorf("LeadTitle of %q = %q, want it kept", lead, got)
		}
	}
	const listed = "(a) The Ostrava council voted to close the old pool."
	if got, want := LeadTitle(Article{Text: listed}), "The Ostrava council voted to close the old pool"; got != want {
		t.Errorf("LeadTitle of %q = %q, want %q", listed, got, want)
	}
}

// TestLeadTitleKeepsALeadThatOpensWithATeasersWord: a lead sentence that
// opens with a teaser's label and a colon ("Listen: ...", "More: ...")
// ends in a full stop, as no headline does, and is the article's own
// (session 37, s37-lrev).
func TestLeadTitleKeepsALeadThatOpensWithATeasersWord(t *testing.T) {
	for _, lead := range []string{
		"Listen: The council has failed the swimmers of Ostrava for a decade, and everyone knows it.",
		"Recommended: A daily swim, says the oldest swimmer in Ostrava, who is 101.",
		"More: 300 swimmers signed the letter, the club said, and more will sign.",
		"Watch: The council voted on Monday to close the pool (\"for good\").",
	} {
		want := strings.TrimSuffix(lead, ".")
		if got := LeadTitle(Article{Text: lead + "\n\nThe council met on Monday."}); got != want {
			t.Errorf("LeadTitle of %q = %q, want %q", lead, got, want)
		}
	}
}

// TestShownSentenceReadsOnlyClosedEntities: an ampersand before letters
// that begin an old entity's name ("&not", "&reg", "&times") is text, as
// in "news&notes" or a link's "&region=", unless a semicolon closes the
// name; closed names and numbers are read (session 37, s37-lrev).
func TestShownSentenceReadsOnlyClosedEntities(t *testing.T) {
	for in, want := range map[string]string{
		"The Ostrava news&notes column returns.":         "The Ostrava news&notes column returns.",
		"See kestra.example/pool?id=4&region=north.":     "See kestra.example/pool?id=4&region=north.",
		"The Arts&times page and Q&A return.":            "The Arts&times page and Q&A return.",
		"Pools &amp; baths &#8212; and the &#x2014; spa": "Pools & baths — and the — spa",
		"The &unknownname; stays.":                       "The &unknownname; stays.",
	} {
		if got := ShownSentence(in); got != want {
			t.Errorf("ShownSentence(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := LeadTitle(Article{Text: "The Ostrava news&notes column returns on Monday."}), "The Ostrava news&notes column returns on Monday"; got != want {
		t.Errorf("LeadTitle = %q, want %q", got, want)
	}
}
