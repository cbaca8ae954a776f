package cluster

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func day(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }

var (
	strikeWire = news.Article{ID: "wire", Published: day(16), Title: "Calder dockworkers vote to end nine-day strike",
		Text: "Dockworkers at the Port of Calder voted on Monday to end a nine-day strike after union leaders and the port authority agreed on a new three-year contract.\n\n" +
			"About 2,400 dockworkers walked off the job on Nov. 8 over pay and night-shift rules, leaving more than 60 container ships waiting offshore.\n\n" +
			"The deal raises wages by 6 percent in the first year and limits night shifts to three a week, according to the Calder Dockworkers Union."}
	strikeCopy = news.Article{ID: "copy", Published: day(16).Add(time.Hour), Title: "Calder dockworkers vote to end nine-day strike",
		Text: "Dockworkers at the Port of Calder voted Monday to end a nine-day strike after union leaders and the port authority agreed on a new three-year contract.\n\n" +
			"About 2,400 dockworkers walked off the job on Nov. 8 over pay and night-shift rules, leaving more than 60 container ships waiting offshore.\n\n" +
			"The deal raises wages by 6 percent in the first year and limits night shifts to three a week, according to the Calder Dockworkers Union. Staff and wire reports."}
	// strikeRewrite paraphrases the wire sentence by sentence, in another order.
	strikeRewrite = news.Article{ID: "rewrite", Published: day(16).Add(5 * time.Hour), Title: "Ships set to move again as Calder port strike ends",
		Text: "The new deal lifts wages by 6 percent in its first year and caps night shifts at three a week, the Calder Dockworkers Union said.\n\n" +
			"Dockworkers at the Port of Calder voted on Monday to end their nine-day strike once union leaders and the port authority had agreed a new three-year contract.\n\n" +
			"Some 2,400 dockworkers had walked off the job on Nov. 8 in a dispute over pay and night-shift rules, and more than 60 container ships were left waiting offshore."}
	wildfire = news.Article{ID: "fire", Published: day(18), Title: "Wildfire forces thousands to flee Brennock",
		Text: "A fast-moving wildfire in the hills above Brennock forced about 3,000 residents from their homes overnight, fire officials said on Wednesday.\n\n" +
			"The blaze started late on Tuesday near Old Mill Road and spread quickly on strong easterly winds, burning about 1,200 hectares by dawn."}
	warehouseFire = news.Article{ID: "warehouse", Published: day(19), Title: "Warehouse fire lights up Calder waterfront",
		Text: "A fire destroyed a timber warehouse on the Calder waterfront on Thursday night, sending a column of smoke over the harbour district.\n\n" +
			"About 60 firefighters fought the blaze for four hours. No one was injured, the Calder Fire Department said."}
)

// strikeOwnReport tells the strike's end in its own words: the same event,
// names and figures, but reported, not rewritten.
var strikeOwnReport = news.Article{ID: "own", Published: day(16).Add(3 * time.Hour), Title: "Calder port reopens for business",
	Text: "Cranes were turning again at Calder on Monday evening as crews returned for the first night shift since early November.\n\n" +
		"\"We got most of what we asked for,\" said Mara Ellison, a crane operator for eleven years, outside the union hall on Quay Street.\n\n" +
		"Shipping agents expect the backlog of roughly 60 vessels to clear within a fortnight. The port authority declined to comment on the cost of the stoppage."}

func TestDeriveLeavesOwnReportingAlone(t *testing.T) {
	for _, d := range Derive([]news.Article{strikeWire, strikeOwnReport}) {
		t.Errorf("an independent report of the same event is marked as derived: %+v", d)
	}
}

func TestAssignsEventsToStories(t *testing.T) {
	c := New(Options{})
	got := map[string]news.Membership{}
	for _, a := range []news.Article{strikeWire, wildfire, strikeCopy, strikeRewrite, warehouseFire} {
		got[a.ID] = c.Add(a)
	}
	if got["copy"].StoryID != got["wire"].StoryID || got["rewrite"].StoryID != got["wire"].StoryID {
		t.Errorf("the strike reports are in different stories: %+v", got)
	}
	if got["fire"].StoryID == got["wire"].StoryID || got["warehouse"].StoryID == got["fire"].StoryID || got["warehouse"].StoryID == got["wire"].StoryID {
		t.Errorf("different events share a story: %+v", got)
	}
	if got["copy"].DuplicateOf != "wire" {
		t.Errorf("copy.DuplicateOf = %q, want wire", got["copy"].DuplicateOf)
	}
	if got["rewrite"].DuplicateOf != "" {
		t.Errorf("a rewrite is marked as a near-duplicate of %q", got["rewrite"].DuplicateOf)
	}
	r := got["rewrite"]
	if r.Score < r.Threshold || len(r.SharedTerms) == 0 || !strings.Contains(r.Reason, "similarity") {
		t.Errorf("rewrite's explanation is incomplete: %+v", r)
	}
	if got["wire"].StoryID != StoryID("wire") {
		t.Errorf("a new story is not named after its first article")
	}
}

func TestWindowClosesStories(t *testing.T) {
	c := New(Options{Window: 48 * time.Hour})
	first := c.Add(strikeWire)
	late := strikeRewrite
	late.Published = day(16).Add(10 * 24 * time.Hour)
	if m := c.Add(late); m.StoryID == first.StoryID {
		t.Errorf("an article ten days later joined a story with a two-day window")
	}
}

func TestRestoreContinuesAStory(t *testing.T) {
	c := New(Options{})
	c.Restore(strikeWire, "s1")
	if m := c.Add(strikeRewrite); m.StoryID != "s1" {
		t.Errorf("rewrite went to %q, want the restored story s1", m.StoryID)
	}
}

func TestDeriveFindsRewriteAndDirection(t *testing.T) {
	ds := Derive([]news.Article{strikeRewrite, wildfire, strikeCopy, strikeWire})
	found := map[string]news.Derivation{}
	for _, d := range ds {
		found[d.To] = d
	}
	if d, ok := found["copy"]; !ok || d.From != "wire" || d.Kind != "copy" {
		t.Errorf("copy: got %+v, want a copy of wire", d)
	}
	if d, ok := found["rewrite"]; !ok || d.Kind != "rewrite" || (d.From != "wire" && d.From != "copy") {
		t.Errorf("rewrite: got %+v, want a rewrite of an earlier report", d)
	}
	if _, ok := found["wire"]; ok {
		t.Errorf("the earliest article is marked as derived: %+v", found["wire"])
	}
	if _, ok := found["fire"]; ok {
		t.Errorf("an unrelated article is marked as derived: %+v", found["fire"])
	}
}

func BenchmarkAdd(b *testing.B) {
	arts := []news.Article{strikeWire, wildfire, strikeCopy, strikeRewrite, warehouseFire}
	c := New(Options{})
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		a := arts[i%len(arts)]
		a.ID = a.ID + string(rune('a'+i%26))
		a.Published = a.Published.Add(time.Duration(i) * time.Minute)
		c.Add(a)
	}
}

// mayorQuote is a long statement that two independent reports both quote.
const mayorQuote = "\u201cWe will rebuild every house on this street, we will do it before the winter comes, and we will not ask the families who lived here to pay a single cent for it,\u201d"

func TestDeriveIgnoresSharedQuotations(t *testing.T) {
	a := news.Article{ID: "a", Source: "A", Published: day(16), Text: "The mayor of Brennock visited the burned streets on Tuesday.\n\n" +
		mayorQuote + " Mayor Ilse Varga said as she walked past the ruins with fire officials."}
	b := news.Article{ID: "b", Source: "B", Published: day(16).Add(2 * time.Hour), Text: "Residents returned to Old Mill Road to find most of it gone.\n\n" +
		"Standing by a blackened fence, Ilse Varga made a promise: " + mayorQuote + " she told reporters.\n\nInsurers have not yet put a figure on the damage."}
	if ds := Derive([]news.Article{a, b}); len(ds) != 0 {
		t.Errorf("two reports sharing only a quotation are marked as derived: %+v", ds)
	}
}

// TestDeriveIgnoresQuotationsLeftOpen: a quotation left open at a
// paragraph's end (a lead cut short, or a quotation going on in the next
// paragraph) is still a quotation, so two reports that both quote the
// statement are not marked as derived for it.
func TestDeriveIgnoresQuotationsLeftOpen(t *testing.T) {
	statement := "\u201cWe will rebuild every house on this street, we will do it before the winter comes, and we will not ask the families"
	a := news.Article{ID: "a", Source: "A", Published: day(16), Text: "The mayor of Brennock visited the burned streets on Tuesday with fire officials.\n\n" +
		"Mayor Ilse Varga said in a statement: " + statement + "..."}
	b := news.Article{ID: "b", Source: "B", Published: day(16).Add(2 * time.Hour), Text: "Residents returned to Old Mill Road to find most of it gone, and the city promised help.\n\n" +
		"Standing by a blackened fence, Varga told reporters, " + statement + " who lived here to pay a single cent.\n\n" +
		"\u201cIt will take time,\u201d she added."}
	if ds := Derive([]news.Article{a, b}); len(ds) != 0 {
		t.Errorf("two reports sharing only a quotation left open are marked as derived: %+v", ds)
	}
	// An inch mark after a figure opens nothing: the words after it are the
	// report's own and still count as a copied passage.
	inch := "The storm left 12\" of snow on Calder overnight and closed the coast road between the harbour and the airport until noon on Friday, the highway agency said"
	c := news.Article{ID: "c", Source: "A", Published: day(16), Text: inch}
	d := news.Article{ID: "d", Source: "B", Published: day(17), Text: "Drivers were warned to stay home. " + inch}
	if ds := Derive([]news.Article{c, d}); len(ds) != 1 {
		t.Errorf("a passage after an inch mark is not counted as copied: %+v", ds)
	}
}

// TestDeriveStrayMarkHidesNoCopying: a mark left open in a paragraph that
// the next paragraph does not go on with (it neither opens with a mark nor
// is missing: the text goes on in the report's own words) is a stray, a
// typo or a lost closing mark, and the copied words after it still count.
func TestDeriveStrayMarkHidesNoCopying(t *testing.T) {
	paras := []string{
		"The council of Ostravel voted on Tuesday night to close the old river bridge to lorries after engineers found cracks in two of its stone piers.",
		"Traffic heavier than three tonnes will be sent along the ring road from Monday, a detour of about eleven kilometres for hauliers from the northern estates.",
		"The bridge was built in 1887 and last strengthened in the 1970s, when the city added steel ties beneath the central arch to carry buses.",
	}
	withStray := make([]string, len(paras))
	for i, p := range paras {
		// a mark before the third word, closed nowhere
		w := strings.SplitN(p, " ", 3)
		withStray[i] = w[0] + " " + w[1] + " \u201c" + w[2]
	}
	origin := news.Article{ID: "o", Source: "A", Published: day(16), Text: strings.Join(paras, "\n\n")}
	copied := news.Article{ID: "c", Source: "B", Published: day(17), Text: strings.Join(withStray, "\n\n") + "\n\nHauliers' groups were not asked before the vote, their spokesman said."}
	if ds := Derive([]news.Article{origin, copied}); len(ds) != 1 {
		t.Errorf("a copy with a stray mark in each paragraph: derivations = %+v, want one", ds)
	}
}

// harbourBackground is a background paragraph an outlet repeats in its
// reports on a subject.
const harbourBackground = "The Port of Calder was privatised in 2009 and has been hit by three strikes since its new owners cut the night-shift bonus in 2011."

// TestDeriveOwnBackgroundIsNoRewrite: a new report that repeats its own
// outlet's background paragraph does not rewrite the outlet's earlier
// report; the same paragraph taken by another outlet is still copying.
func TestDeriveOwnBackgroundIsNoRewrite(t *testing.T) {
	first := news.Article{ID: "first", Source: "Calder Courier", Published: day(16), Text: strikeWire.Text + "\n\n" + harbourBackground}
	later := news.Article{ID: "later", Source: "calder courier", Published: day(20), Text: "Two cranes collapsed at the Port of Calder on Friday morning during a gale, crushing a parked lorry and closing the eastern quay for the weekend.\n\n" +
		"No one was hurt, the port authority said, but the operators of both cranes were taken to hospital for checks after climbing down in winds of more than 90 kilometres an hour.\n\n" +
		"Engineers will inspect the other eleven cranes on Monday before work resumes, and ships due this weekend have been sent to Brennock instead.\n\n" +
		"Both cranes were bought second-hand from a Baltic terminal in 2015 and had passed their last safety check in the spring, according to records the Courier has seen.\n\n" +
		"Dock workers on the morning shift said the western crane had been swaying badly for an hour before it fell, and that supervisors had stopped loading only minutes earlier.\n\n" +
		"Forecasters expect the gale to ease by Sunday night, though a second storm may reach the coast on Wednesday, bringing more rain to the valleys inland.\n\n" +
		harbourBackground}
	if ds := Derive([]news.Article{first, later}); len(ds) != 0 {
		t.Errorf("a report repeating its outlet's background paragraph is marked as derived: %+v", ds)
	}
	later.Source = "Brennock Herald"
	if ds := Derive([]news.Article{first, later}); len(ds) != 1 || ds[0].From != "first" {
		t.Errorf("another outlet taking the paragraph: derivations = %+v, want one from first", ds)
	}
	// One outlet spelled two ways is one outlet, as the stores file it
	// (news.ArticleOutletKey): its own background paragraph is still no
	// rewrite.
	for _, spelling := range []string{"calder-courier.com", "Calder Courier (Online)", ""} {
		later.Source, later.URL = spelling, ""
		if spelling == "" {
			later.URL = "https://www.calder-courier.com/port/cranes"
		}
		if ds := Derive([]news.Article{first, later}); len(ds) != 0 {
			t.Errorf("the outlet spelled %q (URL %q): its background paragraph is marked as derived: %+v", spelling, later.URL, ds)
		}
	}
	// A wire's new version of its own story shares most of its text.
	update := strikeCopy
	update.Source, update.Published = "Calder Courier", day(17)
	if ds := Derive([]news.Article{first, update}); len(ds) != 1 {
		t.Errorf("an outlet's update of its own story: derivations = %+v, want one", ds)
	}
}

// cranesOwnText is an outlet's own reporting of a second event at the Port
// of Calder, three paragraphs no other fixture shares.
const cranesOwnText = "Two cranes collapsed at the Port of Calder on Friday morning during a gale, crushing a parked lorry and closing the eastern quay for the weekend.\n\n" +
	"No one was hurt, the port authority said, but the operators of both cranes were taken to hospital for checks after climbing down in winds of more than 90 kilometres an hour.\n\n" +
	"Engineers will inspect the other eleven cranes on Monday before work resumes, and ships due this weekend have been sent to Brennock instead."

// TestDeriveOwnNewReportIsNoUpdate: a new report of one outlet that reuses
// a fair part of its earlier report as background (a share between
// DerivationThreshold and ownVersionShare) but opens with a lede of its own
// is no rewrite; the same share with the earlier report's opening kept is a
// new version of it, and another outlet taking the paragraphs copies them.
func TestDeriveOwnNewReportIsNoUpdate(t *testing.T) {
	paras := strings.Split(strikeWire.Text, "\n\n")
	first := news.Article{ID: "first", Source: "Calder Courier", Published: day(16), Text: strikeWire.Text + "\n\n" + harbourBackground}
	later := news.Article{ID: "later", Source: "Calder Courier", Published: day(20), Text: cranesOwnText + "\n\n" + paras[2] + "\n\n" + harbourBackground}
	ev := evidenceOf(prepare(first.Text), prepare(later.Text))
	if s := share(ev); s < DerivationThreshold || s >= ownVersionShare || ev.LongestRun < sharedRun {
		t.Fatalf("fixture: share %.2f, longest run %d; want a share in [%.2f, %.2f) and a run of %d", s, ev.LongestRun, DerivationThreshold, ownVersionShare, sharedRun)
	}
	if ds := Derive([]news.Article{first, later}); len(ds) != 0 {
		t.Errorf("a new report reusing its outlet's background paragraphs under a lede of its own is marked as derived: %+v", ds)
	}
	update := later
	update.Text = paras[0] + "\n\n" + cranesOwnText + "\n\n" + harbourBackground
	if ds := Derive([]news.Article{first, update}); len(ds) != 1 || ds[0].From != "first" {
		t.Errorf("a new version keeping its outlet's opening: derivations = %+v, want one from first", ds)
	}
	later.Source = "Brennock Herald"
	if ds := Derive([]news.Article{first, later}); len(ds) != 1 || ds[0].From != "first" {
		t.Errorf("another outlet taking the paragraphs: derivations = %+v, want one from first", ds)
	}
}

// canalFire and canalFireRetold are two outlets' reports of one fire, told
// sentence by sentence alike (the same facts in the same order) in their
// own words, sharing one long run of words: an official's name with titles.
var (
	canalFire = news.Article{ID: "courier", Source: "Calder Courier", Published: day(16),
		Text: "A fire destroyed the old grain warehouse beside the Calder canal on Tuesday night, leaving twelve families nearby without power.\n\n" +
			"Fire Chief Dana Ruiz of the Calder County Fire Department said the blaze started in a storage room close to the loading bay.\n\n" +
			"Forty firefighters fought the flames for six hours before bringing them under control early on Wednesday.\n\n" +
			"The warehouse, built in 1898, had stood empty since the milling company moved its business to Brennock."}
	canalFireRetold = news.Article{ID: "herald", Source: "Brennock Herald", Published: day(17),
		Text: "Twelve families lost power on Tuesday night when fire gutted the old grain warehouse by the Calder canal.\n\n" +
			"The blaze began in a storeroom by the loading bay, Fire Chief Dana Ruiz of the Calder County Fire Department told reporters.\n\n" +
			"It took forty firefighters six hours to bring the flames under control early Wednesday.\n\n" +
			"Built in 1898, the warehouse had stood empty after the milling firm moved its business to Brennock."}
)

// TestDeriveNameWithTitleIsNoCopying: two reports of one event that tell
// the same facts in their own words and share only an official's name with
// titles do not copy each other (every report names the official so); the
// same pair sharing as long a run of the writer's own prose is a rewrite.
func TestDeriveNameWithTitleIsNoCopying(t *testing.T) {
	ev := evidenceOf(prepare(canalFire.Text), prepare(canalFireRetold.Text))
	if ev.LongestRun < MinRun || ev.LongestRun >= orderedRun || ev.Matched < orderedFacts || 2*ev.Matched < ev.Sentences {
		t.Fatalf("fixture: %+v; want one passage under %d words and half the sentences matched", ev, orderedRun)
	}
	if ds := Derive([]news.Article{canalFire, canalFireRetold}); len(ds) != 0 {
		t.Errorf("two reports sharing only an official's name and titles are marked as derived: %+v", ds)
	}
	prose := canalFireRetold
	prose.Text = strings.Replace(prose.Text, "It took forty firefighters six hours to bring the flames under control", "Forty firefighters fought the flames for six hours before bringing them under control", 1)
	if ds := Derive([]news.Article{canalFire, prose}); len(ds) != 1 || ds[0].From != "courier" {
		t.Errorf("the same facts with a sentence of the report's prose kept: derivations = %+v, want one from courier", ds)
	}
}

func TestDeriveShowsEvidenceAndTies(t *testing.T) {
	date := time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC) // a date alone
	wire, copied := strikeWire, strikeCopy
	wire.Published, copied.Published = date, date
	ds := Derive([]news.Article{wire, copied})
	if len(ds) != 1 {
		t.Fatalf("derivations = %+v, want one", ds)
	}
	d := ds[0]
	if !d.Tied {
		t.Errorf("two articles dated the same day are not marked tied: %+v", d)
	}
	if d.Evidence == nil || d.Evidence.LongestRun < MinRun || len(d.Evidence.Passages) == 0 || d.Evidence.CopiedWords == 0 {
		t.Fatalf("derivation without evidence: %+v", d)
	}
	if !strings.Contains(strikeWire.Text, strings.Fields(d.Evidence.Passages[0])[0]) {
		t.Errorf("passage %q is not from the articles", d.Evidence.Passages[0])
	}
	// Dated a day apart, the direction is known.
	copied.Published = date.Add(24 * time.Hour)
	if ds := Derive([]news.Article{copied, wire}); len(ds) != 1 || ds[0].Tied || ds[0].From != "wire" {
		t.Errorf("derivations = %+v, want copy from wire, not tied", ds)
	}
}

func TestTitleOnlyArticlesAreClustered(t *testing.T) {
	// Headline-only feed items carry no text: they are clustered on their
	// titles, into the story they report, and apart from another event.
	c := New(Options{})
	wire := c.Add(strikeWire)
	fire := c.Add(warehouseFire)
	for _, tt := range []struct{ title, want string }{
		{"Dockworkers end strike at Calder", wire.StoryID},
		{"Calder port strike ends", wire.StoryID},
		{warehouseFire.Title, fire.StoryID},
	} {
		m := c.Add(news.Article{ID: tt.title, Published: day(16).Add(5 * time.Hour), Title: tt.title})
		if m.StoryID != tt.want {
			t.Errorf("headline %q went to %s (%s), want %s", tt.title, m.StoryID, m.Reason, tt.want)
		}
	}
	if m := c.Add(news.Article{ID: "empty", Published: day(16).Add(6 * time.Hour)}); m.StoryID == "" || m.StoryID == wire.StoryID || m.StoryID == fire.StoryID {
		t.Errorf("an article with neither title nor text went to %q; want a story of its own", m.StoryID)
	}
}

// undated strips an article's publication time.
func undated(a news.Article) news.Article {
	a.Published = time.Time{}
	return a
}

// filler is an undated article on a subject of its own (its words are
// made up for it), which starts a story of its own.
func filler(i int) news.Article {
	var b strings.Builder
	for j := range 40 {
		fmt.Fprintf(&b, "zq%dx%d ", i, j%13)
	}
	return news.Article{ID: fmt.Sprintf("filler%d", i), Title: fmt.Sprintf("Report %d", i), Text: b.String()}
}

func TestUndatedStoriesCloseByArrivals(t *testing.T) {
	tests := []struct {
		name     string
		between  int // undated articles on other subjects between the two reports
		wantJoin bool
	}{
		{"within the window", 50, true},
		{"beyond the window", 150, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{UndatedWindow: 100})
			first := c.Add(undated(strikeWire))
			for i := range tt.between {
				c.Add(filler(i))
			}
			m := c.Add(undated(strikeRewrite))
			if joined := m.StoryID == first.StoryID; joined != tt.wantJoin {
				t.Errorf("rewrite after %d other articles joined the first report's story: got %v, want %v (%s)", tt.between, joined, tt.wantJoin, m.Reason)
			}
			for i := range 1200 - tt.between {
				c.Add(filler(tt.between + i))
			}
			// Evicted every 1,000 arrivals: after 1,202 at most the
			// stories that took an article at the 900th to 1,000th (101) and
			// the 202 since remain, of 1,201 stories.
			if got := c.OpenStories(); got > 303 {
				t.Errorf("after 1,202 undated articles %d stories are held, want at most 303", got)
			}
		})
	}
}

// A join's shared names come by how many of the story's articles give them:
// what the story is about first, not the alphabet's first.
func TestSharedNamesByStoryArticles(t *testing.T) {
	first := news.Article{ID: "1", Published: day(10), Title: "Velmar harbour fees rise",
		Text: "The harbour authority of Velmar raised its mooring fees by a third on Monday, said its director, Aldo Brant.\n\nFishermen in Velmar called the rise unfair."}
	second := news.Article{ID: "2", Published: day(10).Add(time.Hour), Title: "Fishermen protest Velmar fee rise",
		Text: "Fishermen in Velmar protested on Monday against the harbour authority's rise of mooring fees by a third.\n\nThe fishermen of Velmar say the rise is unfair."}
	third := news.Article{ID: "3", Published: day(10).Add(2 * time.Hour), Title: "Velmar fee rise stands, says Brant",
		Text: "The rise of Velmar's mooring fees by a third stands, the harbour director, Aldo Brant, told fishermen on Monday.\n\nFishermen in Velmar had protested against the rise."}
	c := New(Options{})
	c.Add(first)
	c.Add(second)
	m := c.Add(third)
	if m.StoryID != StoryID("1") {
		t.Fatalf("the third report did not join the story: %+v", m)
	}
	if len(m.SharedNames) < 2 || m.SharedNames[0] != "velmar" {
		t.Errorf("shared names = %v, want velmar (given by every article) first", m.SharedNames)
	}
}

// TestStreamPaceFollowsHowTheStreamsStoriesDevelop streams a story that
// develops over two weeks (a report every five days), then a report and,
// thirteen days later, its follow-up: with a stream pace the follow-up
// joins (the base window is two mean spans, 30 days), without one, or on a
// stream whose stories are told in a day, the 7-day window has closed.
func TestStreamPaceFollowsHowTheStreamsStoriesDevelop(t *testing.T) {
	run := func(pace float64, every time.Duration) bool {
		c := New(Options{StreamPace: pace})
		for i := range 4 {
			a := wildfire
			a.ID = fmt.Sprintf("fire%d", i)
			a.Published = day(1).Add(time.Duration(i) * every)
			c.Add(a)
		}
		first := strikeWire
		first.Published = day(17)
		late := strikeRewrite
		late.Published = day(30)
		return c.Add(first).StoryID == c.Add(late).StoryID
	}
	if !run(2, 5*24*time.Hour) {
		t.Errorf("on a stream whose stories run for two weeks, a follow-up 13 days later started a story of its own")
	}
	if run(-1, 5*24*time.Hour) {
		t.Errorf("without a stream pace, a follow-up 13 days later joined past the 7-day window")
	}
	if run(2, time.Hour) {
		t.Errorf("on a stream whose stories are told in a day, a follow-up 13 days later joined past the 7-day window")
	}
}

func TestCopiesOfOneShortReportMakeOneStory(t *testing.T) {
	// Past the first ten articles every term of these is in more than half
	// of the documents, the terms the candidate lookup skips.
	c := New(Options{})
	stories := map[string]int{}
	for i := range 40 {
		m := c.Add(news.Article{ID: fmt.Sprintf("copy-%d", i), Title: "Bridge opens", Text: "A fire broke out."})
		stories[m.StoryID]++
	}
	c.Settle()
	if len(stories) != 1 {
		t.Errorf("40 copies of one report made %d stories: %v", len(stories), stories)
	}
}

// TestStreamPaceShortensTheTakeWindowOfOneDayStories streams stories told
// within an hour (pairs of one made-up report and its copy), then the
// strike's wire and, three days later, its rewrite: once the stream pace
// counts minPaceStories such stories, the take window is a day and the
// rewrite starts a story of its own; with fewer, or without a stream
// pace, the 7-day window takes it. A rewrite five hours later joins
// either way.
func TestStreamPaceShortensTheTakeWindowOfOneDayStories(t *testing.T) {
	run := func(pace float64, stories int, after time.Duration) bool {
		c := New(Options{StreamPace: pace})
		streamHourStories(c, stories)
		first := strikeWire
		first.Published = day(16)
		late := strikeRewrite
		late.Published = day(16).Add(after)
		return c.Add(first).StoryID == c.Add(late).StoryID
	}
	if run(4, minPaceStories, 3*24*time.Hour) {
		t.Errorf("on a stream of %d stories told within an hour, a rewrite three days later joined", minPaceStories)
	}
	if !run(4, minPaceStories, 5*time.Hour) {
		t.Errorf("on a stream of %d stories told within an hour, a rewrite five hours later started a story of its own", minPaceStories)
	}
	if !run(4, minPaceStories-1, 3*24*time.Hour) {
		t.Errorf("with %d stories counted, too few for a pace, a rewrite three days later started a story of its own", minPaceStories-1)
	}
	if !run(-1, minPaceStories, 3*24*time.Hour) {
		t.Errorf("without a stream pace, a rewrite three days later started a story of its own")
	}
}

// ferryArabic is an invented report, in Arabic, of a ferry that ran aground:
// four sentences, each a fact.
const ferryArabic = "جنحت عبارة ركاب على حاجز رملي قرب مصب النهر مساء يوم الأحد وعلى متنها تسعون شخصا.\n\n" +
	"وقالت سلطة الميناء إن العبارة خرجت من القناة الرئيسية في ضباب كثيف بعد عشرين دقيقة من مغادرة الرصيف.\n\n" +
	"ولم يصب أحد بجروح خطيرة لكن ستة ركاب تلقوا العلاج من البرد بعد انتظار دام أكثر من ساعتين.\n\n" +
	"وقالت الشركة المشغلة إن سفينتيها الأخريين ستواصلان الإبحار يوم الاثنين."

// withWordEvery gives text with word put after every n words of each
// paragraph: a close rewrite whose shared passages are n words long.
func withWordEvery(text, word string, n int) string {
	paras := strings.Split(text, "\n\n")
	for k, p := range paras {
		var out []string
		for i, w := range strings.Fields(p) {
			if i > 0 && i%n == 0 {
				out = append(out, word)
			}
			out = append(out, w)
		}
		paras[k] = strings.Join(out, " ")
	}
	return strings.Join(paras, "\n\n")
}

// TestDeriveCloseRewriteInAScriptWithoutCase: a close rewrite in a script
// with no capital letters, whose shared passages (9 words) only the 8-word
// rule claims, is a rewrite: its passages are prose, not names with titles.
func TestDeriveCloseRewriteInAScriptWithoutCase(t *testing.T) {
	origin := news.Article{ID: "origin", Source: "Calder Courier", Published: day(16), Text: ferryArabic}
	later := news.Article{ID: "later", Source: "Brennock Herald", Published: day(17), Text: withWordEvery(ferryArabic, "أيضا", 9)}
	ev := evidenceOf(prepare(origin.Text), prepare(later.Text))
	if ev.LongestRun < MinRun || ev.LongestRun >= orderedRun || ev.Matched < orderedFacts {
		t.Fatalf("fixture: %+v; want passages of %d to %d words and %d facts matched", ev, MinRun, orderedRun-1, orderedFacts)
	}
	if ds := Derive([]news.Article{origin, later}); len(ds) != 1 || ds[0].From != "origin" {
		t.Errorf("a close rewrite in Arabic: derivations = %+v, want one from origin", ds)
	}
}

// TestDeriveMarksAnOutletsOwnVersion: a derivation between two articles of
// one outlet (its source spelt two ways) says so, for clients of the JSON
// API that show it as an update; one between two outlets does not.
func TestDeriveMarksAnOutletsOwnVersion(t *testing.T) {
	first := news.Article{ID: "first", Source: "Calder Courier", Published: day(16), Text: strikeWire.Text}
	version := news.Article{ID: "version", Source: "calder-courier.com", Published: day(17), Text: strikeWire.Text + "\n\n" + harbourBackground}
	other := version
	other.ID, other.Source = "other", "Brennock Herald"
	ds := Derive([]news.Article{first, version})
	if len(ds) != 1 || !ds[0].SameOutlet {
		t.Errorf("one outlet's later version: derivations = %+v, want one marked SameOutlet", ds)
	}
	ds = Derive([]news.Article{first, other})
	if len(ds) != 1 || ds[0].SameOutlet {
		t.Errorf("another outlet's copy: derivations = %+v, want one not marked SameOutlet", ds)
	}
}

// TestDeriveOwnBackgroundUnderTheDomainSpelling: an outlet named "The
// Calder Courier" whose other article came in by its address
// (thecaldercourier.com) is one outlet, as the stores file it, so its new
// report reusing a background paragraph is no rewrite.
func TestDeriveOwnBackgroundUnderTheDomainSpelling(t *testing.T) {
	first := news.Article{ID: "first", Source: "The Calder Courier", Published: day(16), Text: strikeWire.Text + "\n\n" + harbourBackground}
	later := news.Article{ID: "later", URL: "https://thecaldercourier.com/cranes", Published: day(20), Text: cranesOwnText + "\n\n" + harbourBackground}
	if ds := Derive([]news.Article{first, later}); len(ds) != 0 {
		t.Errorf("one outlet's new report under its domain's spelling is marked as derived: %+v", ds)
	}
}

// harbourTalks is an outlet's morning report of talks at the Port of
// Calder: a lede and four paragraphs of body.
var harbourTalks = []string{
	"Union leaders and the Port of Calder's owners met for a third day of talks on Saturday, with both sides saying a deal on night-shift pay was close.",
	"The union wants the night-shift bonus cut in 2011 restored in full, while the owners have offered half of it over two years, according to people briefed on the talks.",
	"Ships have been queuing off the harbour mouth since the middle of the week, and two grain carriers were sent on to Brennock on Friday evening.",
	"The harbour master said the queue would take at least four days to clear once loading resumed, even with crews working double shifts.",
	harbourBackground,
}

// TestDeriveOutletsSameDayUpdateUnderANewLede: an outlet's afternoon story
// that puts a new development on top of its morning report and keeps most
// of the morning's body is a new version of it (updates its own report);
// the same text two days later is a new report that reuses the background,
// and after an article dated by its day alone the gap cannot be told.
func TestDeriveOutletsSameDayUpdateUnderANewLede(t *testing.T) {
	morning := time.Date(2026, 11, 21, 7, 30, 0, 0, time.UTC)
	first := news.Article{ID: "morning", Source: "Calder Courier", Published: morning, Text: strings.Join(harbourTalks, "\n\n")}
	newTop := "Dockworkers at the Port of Calder will go back to work on Sunday night after their union accepted the owners' latest offer on pay, ending a ten-day walkout that had stranded dozens of ships.\n\n" +
		"Members backed the deal by a show of hands at a meeting in the union's hall on the quay, the union's secretary told reporters afterwards.\n\n" +
		"The owners welcomed the vote and said the first cargo vessels would be brought alongside before dawn on Monday.\n\n" +
		"Shipping agents said it was too early to tell whether the carriers sent to Brennock would come back."
	later := news.Article{ID: "afternoon", Source: "Calder Courier", Published: morning.Add(5 * time.Hour),
		Text: newTop + "\n\n" + strings.Join(harbourTalks[2:], "\n\n")}
	pl, pf := prepare(later.Text), prepare(first.Text)
	ev := evidenceOf(pf, pl)
	if s := share(ev); s >= ownVersionShare || keepsOpening(pf, pl) || !keepsBody(pf, pl) || !derived(ev) {
		t.Fatalf("fixture: share %.2f, opening kept %v, body kept %v; want a derived pair under %.2f that keeps the body and not the opening", s, keepsOpening(pf, pl), keepsBody(pf, pl), ownVersionShare)
	}
	if ds := Derive([]news.Article{first, later}); len(ds) != 1 || ds[0].From != "morning" || !ds[0].SameOutlet {
		t.Errorf("an outlet's same-day version under a new lede: derivations = %+v, want one from morning, marked SameOutlet", ds)
	}
	nextReport := later
	nextReport.Published = morning.Add(50 * time.Hour)
	if ds := Derive([]news.Article{first, nextReport}); len(ds) != 0 {
		t.Errorf("an outlet's report two days later reusing the body: derivations = %+v, want none", ds)
	}
	dated := []news.Article{first, later}
	dated[0].Published = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC) // a date alone: any time that day
	dated[1].Published = time.Date(2026, 11, 22, 5, 0, 0, 0, time.UTC)
	if ds := Derive(dated); len(ds) != 0 {
		t.Errorf("an outlet's report the next morning after one dated only by day: derivations = %+v, want none", ds)
	}
}

// TestDeriveOwnShortBackgroundBriefIsNoUpdate: an outlet's short brief
// that is mostly a background paragraph of its earlier, longer report (a
// share of the brief's words above ownVersionShare) is a new report, not a
// version of the earlier one; another outlet's brief taking the paragraph
// copies it.
func TestDeriveOwnShortBackgroundBriefIsNoUpdate(t *testing.T) {
	first := news.Article{ID: "first", Source: "Calder Courier", Published: day(16), Text: strings.Join(harbourTalks, "\n\n")}
	brief := news.Article{ID: "brief", Source: "Calder Courier", Published: day(16).Add(3 * time.Hour),
		Text: "A fire on a tug moored at the Port of Calder was put out on Saturday.\n\n" + harbourBackground}
	if s := DerivationScore(first.Text, brief.Text); s < ownVersionShare {
		t.Fatalf("fixture: share %.2f, want %.2f or more", s, ownVersionShare)
	}
	if ds := Derive([]news.Article{first, brief}); len(ds) != 0 {
		t.Errorf("an outlet's brief that is mostly its background paragraph: derivations = %+v, want none", ds)
	}
	brief.Source = "Brennock Herald"
	if ds := Derive([]news.Article{first, brief}); len(ds) != 1 || ds[0].From != "first" {
		t.Errorf("another outlet's brief taking the paragraph: derivations = %+v, want one from first", ds)
	}
}

// TestDeriveKeepsTiedCopyOfACopier: three undated reports, where "middle"
// carries all of "short" and a paragraph "long" also gives, and "long" adds
// much of its own. long's copied text is shared with middle, which copies
// short more: long must still be shown sharing text with middle (a passage
// of longRun words shows copying alone), not left out because the pair
// copies more in the other direction.
func TestDeriveKeepsTiedCopyOfACopier(t *testing.T) {
	p1 := "Dockworkers at the Port of Calder voted on Monday to end a nine-day strike after union leaders and the port authority agreed on a new three-year contract."
	p2 := "About 2,400 dockworkers walked off the job on Nov. 8 over pay and night-shift rules, leaving more than 60 container ships waiting offshore."
	p3 := "The deal raises wages by 6 percent in the first year and limits night shifts to three a week, according to the Calder Dockworkers Union, which had asked for nine."
	own := []string{
		"Cranes were turning again at Calder on Monday evening as crews returned for the first night shift since early November, and tug crews worked through the night.",
		"Shipping agents expect the backlog of roughly 60 vessels to clear within a fortnight, though two lines have already moved their winter calls to Brennock.",
		"The port authority declined to comment on the cost of the stoppage, which local traders put at several million a day in lost business and spoiled cargo.",
		"Ferry services to the islands, which use a separate quay, ran as normal throughout the dispute and are not affected by the new contract either way.",
	}
	short := news.Article{ID: "short", Source: "A", Text: p1 + "\n\n" + p2}
	middle := news.Article{ID: "middle", Source: "B", Text: p1 + "\n\n" + p2 + "\n\n" + p3}
	long := news.Article{ID: "long", Source: "C", Text: p3 + "\n\n" + strings.Join(own, "\n\n")}
	ds := Derive([]news.Article{short, middle, long})
	withLong := false
	for _, d := range ds {
		if !d.Tied {
			t.Errorf("undated reports are not marked tied: %+v", d)
		}
		withLong = withLong || d.From == "long" || d.To == "long"
	}
	if !withLong {
		t.Errorf("the report sharing a paragraph with middle is left out: derivations = %+v", ds)
	}
}

// TestDeriveLeavesATiedShortPassageToTheOtherWay: three undated reports,
// where "short" carries "first" and a 16-word sentence that "long" also
// gives among much of its own. The pair (short, long) copies more from
// long to short, and short is credited to first: with a passage under
// longRun words, the pair is not claimed the weaker way (short passages
// are shared by reports written apart), as it was not before.
func TestDeriveLeavesATiedShortPassageToTheOtherWay(t *testing.T) {
	sentence := "The harbour master closed the outer channel to all shipping until the wreck has been surveyed."
	first := news.Article{ID: "first", Source: "A", Text: "A cargo ship carrying timber sank at the mouth of Calder harbour early on Tuesday after striking the old breakwater in fog, and all eleven of its crew were rescued by the lifeboat."}
	short := news.Article{ID: "short", Source: "B", Text: first.Text + "\n\n" + sentence}
	long := news.Article{ID: "long", Source: "C", Text: sentence + "\n\n" + strings.Join([]string{
		"Fishing boats based in the inner basin may still leave on the morning tide, though only with a pilot aboard and in daylight.",
		"Divers from the regional salvage company are expected on Wednesday to decide whether the hull can be raised before the winter storms.",
		"Timber from the cargo has been washing up along the northern beaches, and the council asked walkers not to collect it.",
	}, "\n\n")}
	ev := evidenceOf(prepare(short.Text), prepare(long.Text))
	if ev.LongestRun < sharedRun || ev.LongestRun >= longRun || !derived(ev) {
		t.Fatalf("fixture: %+v; want a derived pair on a passage of %d to %d words", ev, sharedRun, longRun-1)
	}
	for _, d := range Derive([]news.Article{first, short, long}) {
		if d.From == "long" || d.To == "long" {
			t.Errorf("a tied pair sharing one 16-word sentence is claimed the way that copies less: %+v", d)
		}
	}
}

// TestDeriveOwnShortVersionRepeatingTheLede: an outlet's short item sent
// after its report that repeats the report's lede (a one-line alert, or a
// new sentence over the old lede) is a version of that report, though it
// is too short for its own opening to hold ledeShared kept words; a brief
// that is mostly the report's background is not (see
// TestDeriveOwnShortBackgroundBriefIsNoUpdate).
func TestDeriveOwnShortVersionRepeatingTheLede(t *testing.T) {
	lede := "Union leaders and the owners of the Port of Calder met for a third day of talks on Saturday over night-shift pay."
	first := news.Article{ID: "first", Source: "Calder Courier", Published: day(16), Text: strings.Join(append([]string{lede}, harbourTalks[1:]...), "\n\n")}
	for name, text := range map[string]string{
		"alert repeating the lede":       lede,
		"new sentence over the old lede": "Talks at the Port of Calder went on past midnight on Saturday.\n\n" + lede,
	} {
		later := news.Article{ID: "later", Source: "Calder Courier", Published: day(16).Add(time.Hour), Text: text}
		pf, pl := prepare(first.Text), prepare(later.Text)
		if keepsOpening(pf, pl) || keepsBody(pf, pl) || share(evidenceOf(pf, pl)) < ownVersionShare {
			t.Fatalf("%s: fixture keeps its own opening or the body, or copies under %.2f", name, ownVersionShare)
		}
		if ds := Derive([]news.Article{first, later}); len(ds) != 1 || ds[0].From != "first" || !ds[0].SameOutlet {
			t.Errorf("%s: derivations = %+v, want one from first, marked SameOutlet", name, ds)
		}
	}
}
