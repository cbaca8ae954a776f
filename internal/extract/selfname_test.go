package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
)

// kestrelDump is an invented dump with no URL, no "Headline | Site" title,
// no copyright line and no domain: only its furniture names its outlet.
const kestrelDump = `Ferry fares to rise in the spring
Home
World
Ferry fares to rise in the spring
The island's ferry operator said on Monday that fares on every crossing would rise by a tenth from April, the first rise in six years.
Islanders who cross daily said the rise would cost them more than a week's shopping over the year, and the council said it would ask the operator to keep a lower fare for residents.
The operator said fuel and wages had risen faster than its fares since the last rise, and that the new fares were still below those of the mainland routes.
Follow Us
Share on Twitter
Thank you for reading The Kestrel Ledger.
Follow The Kestrel Ledger on X
Subscribe to Our Newsletter
`

func TestDumpSiteNameFromItsOwnFurniture(t *testing.T) {
	a, err := Extract(news.Page{Kind: news.KindText, Body: []byte(kestrelDump)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "The Kestrel Ledger" {
		t.Errorf("source = %q, want the name the dump's furniture gives its outlet", a.Source)
	}
}

func TestSelfNameOfReadsTheGeneralCues(t *testing.T) {
	for line, want := range map[string]string{
		"Thank you for reading The Kestrel Ledger.":        "The Kestrel Ledger",
		"Become a Kestrel Ledger member":                   "Kestrel Ledger",
		"The Kestrel Ledger is reader-funded":              "The Kestrel Ledger",
		"Support The Kestrel Ledger's journalism":          "The Kestrel Ledger",
		"Sign up for The Kestrel Ledger's newsletter":      "The Kestrel Ledger",
		"Follow Kestrel Ledger on Instagram":               "Kestrel Ledger",
		"Kestrel Ledger on X":                              "Kestrel Ledger",
		"Get the Kestrel Ledger app":                       "Kestrel Ledger",
		"By Kestrel Ledger Staff":                          "Kestrel Ledger",
		"Kestrel Ledger © 2026":                            "Kestrel Ledger",
		"Content Copyright Kestrel TV 2026 ©":              "Kestrel TV",
		"All content © 2026 The Kestrel Ledger":            "The Kestrel Ledger",
		"Shared on Facebook":                               "",
		"Get Kestrel Ledger's Top Stories Delivered Daily": "",
		"Follow Us":                   "",
		"Follow Our Journey":          "",
		"Like Us On Facebook":         "",
		"Share on Twitter":            "",
		"Support Desk":                "",
		"Subscribe to Our Newsletter": "",
		"Subscribe to E-mail":         "",
		"Remaining staff":             "",
		"Google ©":                    "",
		"FA on Facebook":              "",
		"She said she would follow Ferry Lane to the quay.": "",
	} {
		if got := selfNameOf(line); got != want {
			t.Errorf("selfNameOf(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestDumpSelfNameSeenTwiceBeatsOnce(t *testing.T) {
	lines := []string{"Get the Harbour Gazette app", "Follow Kestrel Ledger", "Kestrel Ledger on X"}
	if got := dumpSelfName(lines); got != "Kestrel Ledger" {
		t.Errorf("dumpSelfName = %q, want the name seen twice", got)
	}
}

func TestDumpSelfNameComesAfterTheStrongerSources(t *testing.T) {
	dump := strings.Replace(kestrelDump, "Subscribe to Our Newsletter", "© 2026 Harbour Gazette. All rights reserved.", 1)
	a, err := Extract(news.Page{Kind: news.KindText, Body: []byte(dump)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "Harbour Gazette" {
		t.Errorf("source = %q, want the copyright line's owner first", a.Source)
	}
}

// FuzzDumpSelfName: no panic; a name found is a run of the dump's own
// text (white space collapsed), valid UTF-8 when the dump is, and reads
// as a site's name.
func FuzzDumpSelfName(f *testing.F) {
	for _, s := range []string{kestrelDump, "Follow Us\nKestrel on X\n", "Content Copyright Kestrel TV 2026 ©", "Become a  Kestrel  member"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		got := dumpSelfName(lines)
		if got == "" {
			return
		}
		if !strings.Contains(cleanSpace(s), got) && !strings.Contains(s, got) {
			t.Fatalf("dumpSelfName(%q) = %q, not in the dump", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("dumpSelfName(%q) = %q, not UTF-8", s, got)
		}
		if !plausibleSiteName(got) {
			t.Fatalf("dumpSelfName(%q) = %q, not a site's name", s, got)
		}
	})
}
