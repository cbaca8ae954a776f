package cluster

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// bridgeBody is the body of an invented report on a bridge closure, which
// each version below keeps under a lede of its own.
var bridgeBody = []string{
	"Engineers found a crack more than a metre long in one of the steel girders under the eastern span during a routine inspection on Thursday afternoon.",
	"The Varn Street bridge carries about 30,000 vehicles a day between the old town and the industrial estate, and buses will be sent along the ring road instead.",
	"The council said the span would stay shut until divers had examined the foundations of both piers, which could take until the end of next week.",
}

// bridgeLedes open five successive versions of the report.
var bridgeLedes = []string{
	"The Varn Street bridge in Oldmere was closed to all traffic on Thursday evening after inspectors found a crack in its structure.",
	"Traffic queued for hours across Oldmere on Friday morning after the city shut its busiest bridge over a crack in a girder.",
	"Oldmere's council ordered a full survey of the Varn Street bridge on Friday, a day after a crack forced it to close.",
	"Shops on both sides of the Varn Street bridge in Oldmere said trade had halved since the crossing was closed on Thursday.",
	"Divers began examining the piers of Oldmere's closed Varn Street bridge on Saturday as the city weighed a temporary crossing.",
}

// TestDeriveCreditsTheLatestEarlierVersion: five outlets' versions of one
// report, each a new lede over the same body, published an hour apart.
// Each copies every earlier version equally much, and each is credited to
// the version just before it, which already held its words, not to the
// first.
func TestDeriveCreditsTheLatestEarlierVersion(t *testing.T) {
	start := time.Date(2026, 10, 8, 18, 0, 0, 0, time.UTC)
	outlets := []string{"Oldmere Post", "Varn Valley News", "Northshire Daily", "Ridge Radio", "Citywire"}
	var arts []news.Article
	for k, lede := range bridgeLedes {
		arts = append(arts, news.Article{ID: outlets[k], Source: outlets[k], Published: start.Add(time.Duration(k) * time.Hour),
			Text: lede + "\n\n" + strings.Join(bridgeBody, "\n\n")})
	}
	ds := Derive(arts)
	from := map[string]string{}
	for _, d := range ds {
		from[d.To] = d.From
	}
	for k := 1; k < len(arts); k++ {
		if from[arts[k].ID] != arts[k-1].ID {
			t.Errorf("version %d (%s) is credited to %q, want the version before it, %s", k+1, arts[k].ID, from[arts[k].ID], arts[k-1].ID)
		}
	}
}

// helplineNotice is an invented standard notice an outlet attaches to
// every report on a sensitive subject.
const helplineNotice = "If you or someone you know needs support, call the Northshire Listening Line free at 0800 555 0199 or visit www.listeningline.example at any hour."

// TestDeriveSharedNoticeIsNoCopying: two short reports on different
// events that share only a standard notice (a helpline line, a correction
// note, a credit line) are no versions of each other when one outlet
// sent both a few hours apart, and no copies when two outlets did.
func TestDeriveSharedNoticeIsNoCopying(t *testing.T) {
	first := "A man in his forties was found dead at a flat on Tanner Row in Oldmere early on Monday, and officers said the death was not being treated as suspicious."
	second := "Firefighters rescued a teenager who had climbed onto the roof of the Oldmere leisure centre late on Monday night and could not get down."
	at := time.Date(2026, 10, 12, 7, 0, 0, 0, time.UTC)
	for name, notice := range map[string]string{
		"helpline":   helplineNotice,
		"correction": "Correction: An earlier version of this story gave the wrong name for the street where the flat is, and it has been updated to correct the error.",
		"credit":     "Reporters from the Northshire Daily and the Varn Valley News contributed to this report, which was updated on Monday evening.",
	} {
		a := news.Article{ID: "a", Source: "Oldmere Post", Published: at, Text: first + "\n\n" + notice}
		b := news.Article{ID: "b", Source: "Oldmere Post", Published: at.Add(3 * time.Hour), Text: second + "\n\n" + notice}
		if ds := Derive([]news.Article{a, b}); len(ds) != 0 {
			t.Errorf("%s: one outlet's two reports sharing only a notice: derivations = %+v, want none", name, ds)
		}
		b.Source = "Varn Valley News"
		if ds := Derive([]news.Article{a, b}); len(ds) != 0 {
			t.Errorf("%s: two outlets' reports sharing only a notice: derivations = %+v, want none", name, ds)
		}
	}
}

// TestIsNotice: standard notices are told from reporting that mentions a
// report, a number or the reader.
func TestIsNotice(t *testing.T) {
	for p, want := range map[string]bool{
		helplineNotice: true,
		"This story has been updated with comment from the council.":                                          true,
		"The Oldmere Post's Ana Lind contributed to this report.":                                             true,
		"CORRECTION: This article originally gave the bridge's length as 300 metres. It is 200 metres.":       true,
		"Editor's note: The council asks residents with damage to call its line at (555) 010-0199.":           true,
		"Reporting by Ana Lind; Editing by Tom Varn":                                                          true,
		"(Ana Lind is a columnist for the Oldmere Post. You can reach her at 555-010-0199.)":                  true,
		"Update: The council said on Friday evening that the bridge would reopen to buses on Monday.":         false,
		"This report by the inspectors, updated in May, found cracks in two of the bridge's girders.":         false,
		"The helpline, 0800 555 0199, took more than 4,000 calls in its first week, the charity said.":        false,
		"\"If you need us, call 0800 555 0199,\" the charity's director told reporters on Tuesday.":           false,
		"Readers may find more of the tribute strips at www.example.org, and you can see the drawings later.": false,
		"Even after you reach 70, you can still pay into the plan, the fund's adviser said.":                  false,
		"You may have heard of the 50-30-20 rule for splitting a monthly budget.":                             false,
		"@harbourfan you should write to the council about it.":                                               false,
	} {
		if got := isNotice(p); got != want {
			t.Errorf("isNotice(%q) = %v, want %v", p, got, want)
		}
	}
}

// bridgeChinese is an invented Chinese report of the bridge closure.
const bridgeChinese = "奥尔德米尔市瓦恩街大桥星期四晚上因检查人员在桥梁结构中发现裂缝而对所有车辆关闭。\n\n" +
	"工程师在星期四下午的例行检查中，在东段桥面下方的一根钢梁上发现了一条长一米多的裂缝。\n\n" +
	"这座大桥每天承载约三万辆汽车往返于老城区和工业区之间，公交车将改走环城公路。\n\n" +
	"市议会表示，在潜水员检查完两个桥墩的地基之前，大桥将保持关闭，这可能需要到下周末。"

// TestDeriveFindsACopyInChinese: Chinese is written without spaces, so
// each character is half a word; another outlet's version that keeps three
// of the report's paragraphs under its own lede copies it, while an
// outlet's own report on the closure, sharing the bridge's name and the
// day, does not.
func TestDeriveFindsACopyInChinese(t *testing.T) {
	origin := news.Article{ID: "origin", Source: "Oldmere Post", Published: day(16), Text: bridgeChinese}
	copied := news.Article{ID: "copy", Source: "Varn Valley News", Published: day(16).Add(2 * time.Hour),
		Text: "据当地媒体报道，奥尔德米尔市一座主要桥梁因出现裂缝已暂停通行。\n\n" +
			"工程师在星期四下午的例行检查中，在东段桥面下方的一根钢梁上发现了一条长一米多的裂缝。\n\n" +
			"这座大桥每天承载约三万辆汽车往返于老城区和工业区之间，公交车将改走环城公路。\n\n" +
			"市议会表示，在潜水员检查完两个桥墩的地基之前，大桥将一直关闭。"}
	own := news.Article{ID: "own", Source: "Northshire Daily", Published: day(16).Add(3 * time.Hour),
		Text: "瓦恩街大桥关闭后，奥尔德米尔早高峰期间交通严重拥堵，许多司机在环城公路上排队超过一个小时。\n\n" +
			"附近商户说，自从星期四大桥封闭以来，他们的生意减少了一半。\n\n" +
			"一名出租车司机说，平时十分钟的路程现在要花四十分钟。"}
	ds := Derive([]news.Article{origin, copied, own})
	if len(ds) != 1 || ds[0].From != "origin" || ds[0].To != "copy" {
		t.Fatalf("derivations = %+v, want one: copy from origin", ds)
	}
	if ev := ds[0].Evidence; ev.Words < 60 || ev.LongestRun < longRun || len(ev.Passages) == 0 || strings.Contains(ev.Passages[0], " ") {
		t.Errorf("evidence %+v: want words counted two characters a word, a long passage, shown without spaces", ev)
	}
}

// TestDeriveCreditOrdersOutletsMinutesApart: another outlet's copy timed
// ten minutes before its origin (the outlets' clocks differ) that credits
// the origin's outlet is the copy; without the credit, or hours apart,
// the times decide.
func TestDeriveCreditOrdersOutletsMinutesApart(t *testing.T) {
	at := time.Date(2026, 10, 9, 12, 10, 0, 0, time.UTC)
	body := bridgeLedes[0] + "\n\n" + strings.Join(bridgeBody, "\n\n")
	origin := news.Article{ID: "origin", Source: "Oldmere Post", Published: at, Text: body}
	copied := news.Article{ID: "copy", Source: "Varn Valley News", Published: at.Add(-10 * time.Minute),
		Text: body + "\n\nThe closure was first reported by the Oldmere Post."}
	if ds := Derive([]news.Article{origin, copied}); len(ds) != 1 || ds[0].From != "origin" || ds[0].Tied {
		t.Errorf("a copy crediting its origin, timed 10 minutes before it: derivations = %+v, want copy from origin, not tied", ds)
	}
	uncredited := copied
	uncredited.Text = body + "\n\nThe closure was first noticed by a cyclist on the towpath below."
	if ds := Derive([]news.Article{origin, uncredited}); len(ds) != 1 || ds[0].From != "copy" {
		t.Errorf("no credit, 10 minutes apart: derivations = %+v, want the times to decide (origin from copy)", ds)
	}
	early := copied
	early.Published = at.Add(-2 * time.Hour)
	if ds := Derive([]news.Article{origin, early}); len(ds) != 1 || ds[0].From != "copy" {
		t.Errorf("a credit two hours before: derivations = %+v, want the times to decide", ds)
	}
}

// TestDeriveOrdersAReportTimedAtMidnightUTC: a report timed 19:00 at
// -05:00 (exactly midnight UTC) is a time, not a date alone, so another
// outlet's copy half an hour later is its copy, not tied with it.
func TestDeriveOrdersAReportTimedAtMidnightUTC(t *testing.T) {
	evening := time.Date(2026, 10, 9, 19, 0, 0, 0, time.FixedZone("EST", -5*3600))
	body := bridgeLedes[0] + "\n\n" + strings.Join(bridgeBody, "\n\n")
	stored, _ := news.ParsePublished(news.FormatPublished(evening)) // as a store reads it back
	for name, at := range map[string]time.Time{"in its zone": evening, "stored": stored} {
		origin := news.Article{ID: "origin", Source: "Oldmere Post", Published: at, Text: body}
		copied := news.Article{ID: "copy", Source: "Varn Valley News", Published: evening.Add(30 * time.Minute),
			Text: body + "\n\nBuses will run every ten minutes on the ring road while the bridge is shut."}
		if ds := Derive([]news.Article{copied, origin}); len(ds) != 1 || ds[0].From != "origin" || ds[0].Tied {
			t.Errorf("%s: derivations = %+v, want copy from origin, not tied", name, ds)
		}
	}
}

// TestIsNoticeTellsCreditsAndOthersDocuments: a credit label followed by
// a common noun opens reporting, and "this report" after someone's words
// is their document, not a note about the article.
func TestIsNoticeTellsCreditsAndOthersDocuments(t *testing.T) {
	for p, want := range map[string]bool{
		"Compiled by the national statistics office, the figures show inflation rose to 4.1 percent in March.":      false,
		"Writing by candlelight after the storm cut power, the novelist finished her last chapter, her agent said.": false,
		"Compiled by Ana Lind and Tom Varn":                                                             true,
		"The auditor said this report was revised after the minister objected to its findings.":         false,
		"The ministry said this report had been corrected twice since it was first published in March.": false,
		"An earlier version of this story misstated the number of deckhands on each crossing.":          true,
	} {
		if got := isNotice(p); got != want {
			t.Errorf("isNotice(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestDeriveCreditIsNoPartOfALongerName: an outlet known by a name that is
// part of another proper name ("The Ledger", "Ledger" once its "The" is
// dropped) is not credited by a text that names "the Valley Ledger" or a
// "Ledger Street": the times order the pair, as with no credit. Its name
// opening a sentence after "The" is a credit still.
func TestDeriveCreditIsNoPartOfALongerName(t *testing.T) {
	at := time.Date(2026, 10, 9, 12, 10, 0, 0, time.UTC)
	body := bridgeLedes[0] + "\n\n" + strings.Join(bridgeBody, "\n\n")
	origin := news.Article{ID: "origin", Source: "The Ledger", Published: at, Text: body}
	for _, c := range []struct {
		credit string
		from   string
	}{
		{"The closure was first reported by the Valley Ledger.", "copy"},
		{"Traffic was sent along Ledger Street instead.", "copy"},
		{"The Ledger first reported the closure.", "origin"},
		{"The closure was first reported by the Ledger.", "origin"},
	} {
		copied := news.Article{ID: "copy", Source: "Varn Valley News", Published: at.Add(-10 * time.Minute), Text: body + "\n\n" + c.credit}
		if ds := Derive([]news.Article{origin, copied}); len(ds) != 1 || ds[0].From != c.from {
			t.Errorf("%q: derivations = %+v, want one from %s", c.credit, ds, c.from)
		}
	}
}
