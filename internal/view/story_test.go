package view

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func TestStoryView(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 3, 2, h, 0, 0, 0, time.UTC) }
	d := news.StoryDetail{
		ID: "s1", Title: "Strike ends", Updating: true,
		Articles: []news.Article{
			{ID: "wire", Source: "Wire", Published: at(8)},
			{ID: "courier", Source: "Calder Courier", Published: at(9)},
			{ID: "reprint", Source: "Valley Post", Published: at(10)},
			{ID: "late", Source: "Gazette", Published: at(12)}, // joined after the comparison
			{ID: "undated", Source: "Blog"},                    // too
		},
		Memberships: []news.Membership{
			{ArticleID: "wire", Reason: "starts a new story"},
			{ArticleID: "courier", Reason: "similarity 0.6"},
			{ArticleID: "reprint", Reason: "near-duplicate of wire", DuplicateOf: "wire"},
			{ArticleID: "late", Reason: "similarity 0.5"},
			{ArticleID: "undated", Reason: "similarity 0.4"},
		},
		Comparison: news.Comparison{
			Timeline: []news.TimelineEntry{
				{Article: "wire", Published: "2026-03-02T08:00:00Z", First: true},
				{Article: "courier", Published: "2026-03-02T09:00:00Z"},
				{Article: "reprint", Published: "2026-03-02T10:00:00Z"},
				{Article: "gone", Published: "2026-03-02T10:30:00Z"}, // split off since
			},
			Facts:    []news.Fact{{Text: "Dockworkers voted.", Articles: []string{"wire", "courier", "reprint", "wire"}}},
			Unique:   map[string][]string{"courier": {"The union had 412 votes."}, "wire": nil},
			Quotes:   []news.Quote{{Text: "We were heard", Articles: []string{"courier"}}},
			Entities: []news.Entity{{Name: "Mara Voss", Kind: news.Person}, {Name: "Calder", Kind: news.Place}, {Name: "Calder Dockworkers Union", Kind: news.Org}},
		},
	}
	v := NewStory(d)
	var order []string
	for _, a := range v.Articles {
		order = append(order, a.ID)
	}
	if want := []string{"wire", "courier", "late", "undated"}; !reflect.DeepEqual(order, want) {
		t.Errorf("articles %v, want %v (copies under their original, articles the comparison has not seen after, dated first)", order, want)
	}
	if !v.Articles[0].First || len(v.Articles[0].AlsoIn) != 1 || v.Articles[0].AlsoIn[0] != (Copy{"reprint", "Valley Post", "2026-03-02T10:00:00Z", "near-duplicate of wire"}) {
		t.Errorf("the wire article: %+v", v.Articles[0])
	}
	if v.Articles[2].Published != "2026-03-02T12:00:00Z" || v.Articles[2].Why != "similarity 0.5" || v.Articles[3].Published != "" {
		t.Errorf("articles the comparison has not seen: %+v %+v", v.Articles[2], v.Articles[3])
	}
	if v.Count != 5 || !v.Updating || v.Facts[0].Sources != "Wire ×2, Calder Courier, Valley Post" {
		t.Errorf("count %d, updating %v, fact sources %q", v.Count, v.Updating, v.Facts[0].Sources)
	}
	if len(v.Unique) != 1 || v.Unique[0].Source != "Calder Courier" || v.Quotes[0].Speaker != Unattributed {
		t.Errorf("unique %+v, quotes %+v", v.Unique, v.Quotes)
	}
	if !reflect.DeepEqual([][]string{v.People, v.Places, v.Orgs}, [][]string{{"Mara Voss"}, {"Calder"}, {"Calder Dockworkers Union"}}) {
		t.Errorf("entities %v %v %v", v.People, v.Places, v.Orgs)
	}
}

func TestOnlyInFoldsAfterTheShownClaims(t *testing.T) {
	d := news.StoryDetail{
		Articles: []news.Article{{ID: "a", Source: "Wire"}},
		Comparison: news.Comparison{
			Timeline:    []news.TimelineEntry{{Article: "a"}},
			Unique:      map[string][]string{"a": {"one", "two", "three"}},
			UniqueShown: 2,
		},
	}
	u := NewStory(d).Unique
	if len(u) != 1 || !reflect.DeepEqual(u[0].Sentences, []string{"one", "two"}) || !reflect.DeepEqual(u[0].More, []string{"three"}) {
		t.Errorf("only in %+v, want two shown and one folded", u)
	}
	d.UniqueShown = 0 // a comparison stored before the ranking: everything shown
	if u := NewStory(d).Unique; len(u[0].Sentences) != 3 || u[0].More != nil {
		t.Errorf("only in without a shown count %+v, want all three shown", u)
	}
}

func TestPartlySharedFoldsLikeOnlyIn(t *testing.T) {
	near := func(text string) news.PartlyShared {
		return news.PartlyShared{Text: text, Articles: []string{"a", "c"}, Closest: news.Wording{Article: "a", Text: "close to " + text}}
	}
	d := news.StoryDetail{
		Articles: []news.Article{{ID: "a", Source: "Wire"}, {ID: "b", Source: "Courier"}, {ID: "c", Source: "Gazette"}},
		Comparison: news.Comparison{
			Timeline:     []news.TimelineEntry{{Article: "a"}, {Article: "b"}, {Article: "c"}},
			PartlyShared: map[string][]news.PartlyShared{"b": {near("one"), near("two"), near("three")}},
			UniqueShown:  2,
		},
	}
	u := NewStory(d).Unique
	want := Partly{Text: "one", AlsoIn: "Wire, Gazette", Closest: Statement{"close to one", "Wire"}}
	if len(u) != 1 || u[0].Source != "Courier" || len(u[0].Sentences) != 0 || len(u[0].Partly) != 2 || u[0].Partly[0] != want ||
		len(u[0].PartlyMore) != 1 || u[0].PartlyMore[0].Text != "three" {
		t.Errorf("the courier's claims = %+v, want two partly shared shown (the first %+v) and one folded", u, want)
	}
}

func TestDerivationsSayWhenTheOrderIsUnknown(t *testing.T) {
	d := news.StoryDetail{
		Articles: []news.Article{{ID: "a", Source: "Wire"}, {ID: "b", Source: "Courier"}, {ID: "c", Source: "Post"}},
		Comparison: news.Comparison{Derivations: []news.Derivation{
			{From: "a", To: "b", Kind: "rewrite", Score: 0.6, Evidence: &news.DerivationEvidence{Passages: []string{"the longest shared run", "a shorter one"}}},
			{From: "a", To: "c", Kind: "rewrite", Score: 0.5, Tied: true},
		}},
	}
	got := NewStory(d).Derivations
	if len(got) != 2 || got[0].Verb != "rewrites" || got[0].Passage != "the longest shared run" || got[1].Verb != "shares copied text with" || !got[1].Tied {
		t.Errorf("derivations %+v", got)
	}
}

func TestDerivationsSayAnOutletUpdatesItsOwnReport(t *testing.T) {
	early, late := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), time.Date(2026, 3, 2, 11, 0, 0, 0, time.UTC)
	d := news.StoryDetail{
		Articles: []news.Article{{ID: "a", Source: "Wire", Published: early}, {ID: "b", Source: "wire", Published: late}, {ID: "c", Source: "Courier", Published: late}},
		Comparison: news.Comparison{Derivations: []news.Derivation{
			{From: "a", To: "b", Kind: "copy", Score: 0.9},
			{From: "a", To: "c", Kind: "copy", Score: 0.9},
		}},
	}
	got := NewStory(d).Derivations
	if len(got) != 2 || got[0].Verb != "updates its own report" || got[1].Verb != "copies" {
		t.Errorf("derivations %+v, want the wire's later version to update its own report and the courier to copy", got)
	}
}

func TestTimelineHeadsEachDayOfADevelopingStory(t *testing.T) {
	day := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	arts := []news.Article{
		{ID: "shooting", Source: "Wire", Published: day(2, 8), Text: "A gunman opened fire at the Calder mall on Monday."},
		{ID: "shooting-2", Source: "Courier", Published: day(2, 11), Text: "Police said a gunman opened fire at the Calder mall."},
		{ID: "arrest", Source: "Wire", Published: day(4, 9), Title: "Suspect arrested in Calder mall shooting", Text: "Police arrested a suspect in the Calder mall shooting; prosecutors charged him with murder."},
	}
	d := news.StoryDetail{ID: "s", Title: "Calder mall shooting", Articles: arts}
	for _, a := range arts {
		d.Timeline = append(d.Timeline, news.TimelineEntry{Published: news.FormatPublished(a.Published), Article: a.ID, Source: a.Source})
	}
	v := NewStory(d)
	if len(v.Articles) != 3 {
		t.Fatalf("articles = %+v", v.Articles)
	}
	first, second, third := v.Articles[0].Development, v.Articles[1].Development, v.Articles[2].Development
	if first == nil || first.Day != "2026-03-02" || first.Articles != 2 || second != nil {
		t.Errorf("first day heads %+v, then %+v; want 2026-03-02 of 2 articles on the first only", first, second)
	}
	if third == nil || third.Day != "2026-03-04" || third.Articles != 1 || !slices.Contains(third.New, "arrested") {
		t.Errorf("second day = %+v, want 2026-03-04 with the arrest among what was new", third)
	}

	// A story of one day has no developments to show.
	d.Articles, d.Timeline = arts[:2], d.Timeline[:2]
	for _, a := range NewStory(d).Articles {
		if a.Development != nil {
			t.Errorf("a one-day story shows a development: %+v", a.Development)
		}
	}
}

// A day's new words are shown as its articles write them: a name keeps
// its capitals ("Brannock", "OSCE"), a common word capitalised
// only at the start of a sentence stays lower case.
func TestDevelopmentWordsAreShownAsWritten(t *testing.T) {
	day := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	arts := []news.Article{
		{ID: "flood", Source: "Wire", Published: day(2, 8), Text: "The river Tessel burst its banks at Marrow on Monday."},
		{ID: "flood-2", Source: "Courier", Published: day(2, 11), Text: "Floods hit Marrow after the river Tessel burst its banks."},
		{ID: "inquiry", Source: "Wire", Published: day(5, 9), Title: "Brannock to lead OSCE inquiry into Marrow floods",
			Text: "Judge Brannock will lead the inquiry, the OSCE said on Thursday. Dredging was blamed. Critics said dredging stopped in 2019."},
		{ID: "inquiry-2", Source: "Courier", Published: day(5, 12),
			Text: "The OSCE named Judge Brannock on Thursday to lead an inquiry into the Marrow floods and the dredging."},
	}
	d := news.StoryDetail{ID: "s", Title: "Marrow floods", Articles: arts}
	for _, a := range arts {
		d.Timeline = append(d.Timeline, news.TimelineEntry{Published: news.FormatPublished(a.Published), Article: a.ID, Source: a.Source})
	}
	var dev *Development
	for _, a := range NewStory(d).Articles {
		if a.Development != nil && a.Development.Day == "2026-03-05" {
			dev = a.Development
		}
	}
	if dev == nil {
		t.Fatal("no development on the second day")
	}
	for _, want := range []string{"Brannock", "OSCE", "dredging"} {
		if !slices.Contains(dev.New, want) {
			t.Errorf("new that day = %q, want %q among them as written", dev.New, want)
		}
	}
}

// A capital that the word's place gives it tells nothing of the word: a
// common word opening sentences ("Yesterday"), a dateline in capitals
// ("TARNOW, Ostland --") or a word at a line's start give way to how the
// texts write the word elsewhere; an acronym opening a sentence keeps its
// capitals, a word capitalised only where sentences open keeps them too
// (nothing else says how it is written), and a web address's spelling
// ("www.tarnow-gazette") is not read.
func TestDevelopmentWordsIgnoreCapitalsOfPlace(t *testing.T) {
	day := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	arts := []news.Article{
		{ID: "a", Source: "Wire", Published: day(2, 8), Text: "A barge ran aground on the canal on Monday."},
		{ID: "b", Source: "Courier", Published: day(2, 9), Text: "The canal is closed after a barge ran aground."},
		{ID: "c", Source: "Wire", Published: day(5, 9),
			Text: "TARNOW, Ostland -- Yesterday salvors refloated the barge. Yesterday the canal reopened. UNESCO praised the salvors, who said yesterday was calm.\nSalvors left Tarnow by noon. Brenwick thanked them."},
		{ID: "d", Source: "Courier", Published: day(5, 11),
			Text: "Yesterday salvors freed the barge near Tarnow. UNESCO sent observers. Brenwick praised the crews. Write to desk@www.tarnow-gazette.example or visit www.tarnow-gazette.example."},
	}
	d := news.StoryDetail{ID: "s", Articles: arts}
	var got []string
	for _, a := range NewStory(d).Articles {
		if a.Development != nil && a.Development.Day == "2026-03-05" {
			got = a.Development.New
		}
	}
	for _, want := range []string{"yesterday", "Tarnow", "UNESCO", "Brenwick"} {
		if !slices.Contains(got, want) {
			t.Errorf("new that day = %q, want %q among them", got, want)
		}
	}
	if slices.Contains(got, "tarnow") {
		t.Errorf("new that day = %q: a web address's spelling read", got)
	}
}

func TestConflictShowsEachSideInItsOwnWords(t *testing.T) {
	about := "The union counted 412 votes."
	d := news.StoryDetail{
		Articles: []news.Article{{ID: "wire", Source: "Wire"}, {ID: "courier", Source: "Calder Courier"}},
		Comparison: news.Comparison{Conflicts: []news.Conflict{{About: about, Values: []news.ConflictValue{
			{Value: "412 votes", Articles: []string{"wire"}, Sentence: about},
			{Value: "380", Articles: []string{"courier"}, Sentence: "Some 380 members voted, the union said."},
		}}}},
	}
	got := NewStory(d).Conflicts
	want := []Conflict{{About: about, Values: []ConflictValue{
		{"412 votes", "Wire", ""}, // its sentence is the one the conflict is about: not said twice
		{"380", "Calder Courier", "Some 380 members voted, the union said."},
	}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("conflicts %+v, want %+v", got, want)
	}
}

func TestFactShowsTheOtherSourcesWords(t *testing.T) {
	d := news.StoryDetail{
		Articles: []news.Article{{ID: "wire", Source: "Wire"}, {ID: "courier", Source: "Calder Courier"}},
		Comparison: news.Comparison{Facts: []news.Fact{{Text: "Dockworkers voted to end the strike.", Articles: []string{"wire", "courier"},
			Wordings: []news.Wording{{Article: "wire", Text: "Dockworkers voted to end the strike."}, {Article: "courier", Text: "The strike is over after a vote of the dockworkers."}}}}},
	}
	got := NewStory(d).Facts
	want := []Fact{{Text: "Dockworkers voted to end the strike.", Sources: "Wire, Calder Courier",
		Wordings: []Statement{{"The strike is over after a vote of the dockworkers.", "Calder Courier"}}}} // the shown words are not repeated
	if !reflect.DeepEqual(got, want) {
		t.Errorf("facts %+v, want %+v", got, want)
	}
}

// FuzzAsWritten: whatever a day's texts hold, each new word shown is one of
// the day's terms in some spelling of it, never another word.
func FuzzAsWritten(f *testing.F) {
	f.Add("TARNOW, Ostland -- Yesterday salvors came. UNESCO said yesterday.\nSalvors left.", "salvors")
	f.Add("desk@www.tarnow.example. İzmir -- İZMIR", "i̇zmir")
	f.Fuzz(func(t *testing.T, body, term string) {
		arts := []news.Article{{ID: "a", Text: body}, {ID: "b", Text: strings.ToUpper(body)}}
		got := asWritten([]string{term, strings.ToLower(term)}, []string{"a", "b"}, arts)
		for i, want := range []string{term, strings.ToLower(term)} {
			if got[i] != want && strings.ToLower(got[i]) != want {
				t.Fatalf("asWritten(%q) gave %q for %q", body, got[i], want)
			}
		}
	})
}

// A story whose first comparison is being made marks its first report all
// the same, from its articles' times: its chart said "No first report is
// marked" until the comparison came.
func TestAStoryBeingComparedMarksItsFirstReport(t *testing.T) {
	at := time.Date(2026, 4, 9, 8, 0, 0, 0, time.UTC)
	d := news.StoryDetail{ID: "s9", Comparing: true, Updating: true, Articles: []news.Article{
		{ID: "k2", Source: "Kettleby Gazette", Title: "Mill fire", Published: at.Add(2 * time.Hour)},
		{ID: "k1", Source: "Orrin Wire", Title: "Mill fire", Published: at},
	}}
	v := NewStory(d)
	if len(v.Articles) != 2 || v.Articles[0].ID != "k1" || !v.Articles[0].First || v.Articles[1].First {
		t.Fatalf("articles %+v; want k1 first, marked the first report", v.Articles)
	}
	if v.Coverage == nil || !strings.Contains(v.Coverage.FirstSay, "Orrin Wire") {
		t.Errorf("coverage = %+v; want the first report named", v.Coverage)
	}
}

// TestTwoReportsOfOneOutletAreNoAgreement: a fact two reports of one wire
// state (its first version and its update) is listed with the wire's own
// claims, "in 2 reports of" it, under the first of them, not among what the
// sources agree on; a fact the wire and a paper state is agreement; and
// the claims grid counts the wire's fact as its own.
func TestTwoReportsOfOneOutletAreNoAgreement(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 4, 9, h, 0, 0, 0, time.UTC) }
	d := news.StoryDetail{
		ID: "s1",
		Articles: []news.Article{
			{ID: "w1", Source: "Harbour Wire", Published: at(6)},
			{ID: "w2", Source: "harbour wire", Published: at(9)},
			{ID: "p1", Source: "Tides Gazette", Published: at(10)},
		},
		Comparison: news.Comparison{
			Timeline: []news.TimelineEntry{{Article: "w1"}, {Article: "w2"}, {Article: "p1"}},
			Facts: []news.Fact{
				{Text: "Fog closed the port of Lenmouth.", Articles: []string{"w1", "w2"}},
				{Text: "Pilots refused to board.", Articles: []string{"w2", "p1"}},
			},
			Unique: map[string][]string{"p1": {"The harbour master resigned."}},
		},
	}
	v := NewStory(d)
	if len(v.Facts) != 1 || v.Facts[0].Text != "Pilots refused to board." {
		t.Errorf("agreed facts %+v, want only the pilots (two outlets)", v.Facts)
	}
	var wire *Unique
	for i := range v.Unique {
		if v.Unique[i].ArticleID == "w1" {
			wire = &v.Unique[i]
		}
	}
	if wire == nil || !wire.HasOwn() || len(wire.Reported) != 1 || wire.Reported[0] != (Statement{"Fog closed the port of Lenmouth.", "in 2 reports of Harbour Wire"}) {
		t.Fatalf("the wire's own claims: %+v", v.Unique)
	}
	if v.Claims == nil || len(v.Claims.Facts) != 1 {
		t.Fatalf("claims grid %+v, want one fact column", v.Claims)
	}
	for _, r := range v.Claims.Rows {
		if want := map[string]int{"Harbour Wire": 1, "Tides Gazette": 1}[r.Outlet]; r.Unique != want {
			t.Errorf("claims grid: %s makes %d claims of its own, want %d", r.Outlet, r.Unique, want)
		}
	}
}

// TestArticlesOfNoOutletAreNamedByTheirTitles: a story of articles whose
// pages name no outlet nor address names each by its title where it lists
// what they say (facts, "Only in", quotes), never "(unknown outlet)"; two
// such articles are two sources (the fold of own claims counts them so).
func TestArticlesOfNoOutletAreNamedByTheirTitles(t *testing.T) {
	d := news.StoryDetail{
		ID: "s1",
		Articles: []news.Article{
			{ID: "a", Title: "Fog closes Lenmouth port"},
			{ID: "b", Title: "Pilots stay ashore"},
			{ID: "c", URL: "https://www.tides.example/fog"},
		},
		Comparison: news.Comparison{
			Timeline: []news.TimelineEntry{{Article: "a"}, {Article: "b"}, {Article: "c"}},
			Facts:    []news.Fact{{Text: "Fog closed the port.", Articles: []string{"a", "b"}}},
			Unique:   map[string][]string{"a": {"Ferries were cancelled."}, "b": {"Pilots met at noon."}},
			Quotes:   []news.Quote{{Speaker: "Ida Morn", Text: "We wait", Articles: []string{"b", "c"}}},
		},
	}
	v := NewStory(d)
	if len(v.Facts) != 1 || v.Facts[0].Sources != "“Fog closes Lenmouth port”, “Pilots stay ashore”" {
		t.Errorf("fact %+v, want it agreed by the two titled articles", v.Facts)
	}
	if v.Quotes[0].Sources != "“Pilots stay ashore”, tides.example" {
		t.Errorf("quote sources %q", v.Quotes[0].Sources)
	}
	for _, u := range v.Unique {
		if u.Source == news.UnknownOutlet || u.Several {
			t.Errorf("own claims of %s headed %q (several %v)", u.ArticleID, u.Source, u.Several)
		}
	}
	for _, a := range v.Articles {
		if a.Outlet == news.UnknownOutlet || a.Named != (a.ID == "c") {
			t.Errorf("timeline: %s named %q, named %v", a.ID, a.Outlet, a.Named)
		}
	}
	if v.Coverage != nil && strings.Contains(v.Coverage.Summary, "1 outlet") {
		t.Errorf("coverage counts the nameless articles as one outlet: %s", v.Coverage.Summary)
	}
}

// TestOneOutletIsOneSourceAndTwoNamelessArticlesAreTwo: the lists of a
// story name a source as the reader counts it. An outlet spelled two ways
// ("Marsh Ledger", "marsh   LEDGER") is one name everywhere, so a fact it
// and another outlet state does not read as three sources, nor its rows
// in the charts as two outlets; two articles of no outlet with one
// headline are two names (by time), so a fact they both state does not
// read as one source "×2" agreeing with itself, and the coverage chart
// draws them as two rows.
func TestOneOutletIsOneSourceAndTwoNamelessArticlesAreTwo(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 3, 2, h, 0, 0, 0, time.UTC) }
	d := news.StoryDetail{
		ID: "s1",
		Articles: []news.Article{
			{ID: "m1", Source: "Marsh Ledger", Published: at(6)},
			{ID: "m2", Source: "marsh   LEDGER", Published: at(7)},
			{ID: "m3", Source: "Marsh Ledger", Published: at(8)},
			{ID: "n1", Title: "Dyke gives way at Pellow", Published: at(9)},
			{ID: "n2", Title: "Dyke gives way at Pellow", Published: at(10)},
		},
		Comparison: news.Comparison{
			Timeline: []news.TimelineEntry{{Article: "m1"}, {Article: "m2"}, {Article: "m3"}, {Article: "n1"}, {Article: "n2"}},
			Facts: []news.Fact{
				{Text: "The dyke broke at dawn.", Articles: []string{"m1", "m2", "n1"}},
				{Text: "Sheep were moved inland.", Articles: []string{"n1", "n2"}},
			},
		},
	}
	v := NewStory(d)
	want := []string{
		"Marsh Ledger ×2, “Dyke gives way at Pellow” (2 Mar 09:00)",
		"“Dyke gives way at Pellow” (2 Mar 09:00), “Dyke gives way at Pellow” (2 Mar 10:00)",
	}
	if len(v.Facts) != len(want) {
		t.Fatalf("facts %+v, want %d", v.Facts, len(want))
	}
	for i, f := range v.Facts {
		if f.Sources != want[i] {
			t.Errorf("fact %q: sources %q, want %q", f.Text, f.Sources, want[i])
		}
	}
	if v.Coverage == nil {
		t.Fatal("no coverage chart")
	}
	rows := map[string]int{}
	for _, r := range v.Coverage.Rows {
		rows[r.Outlet] = r.ArticleCount
	}
	if len(rows) != 3 || rows["Marsh Ledger"] != 3 {
		t.Errorf("coverage rows %v, want Marsh Ledger with 3 articles and one row for each nameless article", rows)
	}
}

// TestAnOutletsRepeatedFactsRankAsItsOwnClaims: a source whose own list
// holds only facts its several reports state ranks as one with claims of
// a typical score, not last (where the page folds it away behind "What N
// more sources add"): here above a source with one minor claim.
func TestAnOutletsRepeatedFactsRankAsItsOwnClaims(t *testing.T) {
	d := news.StoryDetail{
		ID: "s1",
		Articles: []news.Article{
			{ID: "w1", Source: "Fenn Wire"}, {ID: "w2", Source: "Fenn Wire"},
			{ID: "a", Source: "Alder Post"}, {ID: "b", Source: "Birch Daily"},
		},
		Comparison: news.Comparison{
			Timeline:     []news.TimelineEntry{{Article: "a"}, {Article: "b"}, {Article: "w1"}, {Article: "w2"}},
			Facts:        []news.Fact{{Text: "The ferry ran aground off Skellan Point.", Articles: []string{"w1", "w2"}}},
			Unique:       map[string][]string{"a": {"Divers inspected the hull for hours."}, "b": {"It rained."}},
			UniqueScores: map[string][]float64{"a": {6}, "b": {1}},
		},
	}
	v := NewStory(d)
	var order []string
	for _, u := range v.Unique {
		order = append(order, u.ArticleID)
	}
	if want := []string{"a", "w1", "b"}; !slices.Equal(order, want) {
		t.Errorf("own lists in order %v, want %v", order, want)
	}
}
