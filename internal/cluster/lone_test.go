package cluster

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// loneModel is a join model on the average-link cosine alone (a join
// probability of 0.2 at a cosine of about 0.36), with the lone-article step
// at ratio and floor; merges are left out (a merge threshold no pair of the
// fixture reaches).
func loneModel(t *testing.T, ratio, floor string) *Model {
	t.Helper()
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":` + ratio + `,"lone_floor":` + floor + `}`))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// loneStream is an undated stream of two stories of two reports each (a
// ferry that ran aground off Kellby Point; a vote on the Dunmore library's
// budget), two lone reports of other things, and an opinion piece on the
// ferry that shares few words with the reports: the ferry's name and the
// point, not their account of the day.
var loneStream = []news.Article{
	{ID: "ferry-1", Title: "Ferry Aldwyn runs aground off Kellby Point", Text: "The passenger ferry Aldwyn ran aground off Kellby Point on the morning crossing, and coastguard crews took its ninety passengers ashore by lifeboat. No one was hurt, the coastguard said."},
	{ID: "library-1", Title: "Dunmore council votes to cut library budget", Text: "The Dunmore council voted seven to four to cut the library budget by a fifth, closing two branches on weekends. Librarians protested outside the council chamber before the vote."},
	{ID: "ferry-2", Title: "Coastguard takes passengers off grounded ferry Aldwyn", Text: "Coastguard lifeboats took ninety passengers off the ferry Aldwyn after it ran aground near Kellby Point on the morning crossing. The coastguard said no one was hurt."},
	{ID: "library-2", Title: "Library branches to close on weekends after Dunmore budget vote", Text: "Two Dunmore library branches will close on weekends after the council voted to cut the library budget, despite a protest by librarians outside the chamber."},
	{ID: "orchard", Title: "Apple harvest early in the valley orchards", Text: "Growers in the valley began the apple harvest two weeks early after a warm summer, and expect a large crop of cider apples."},
	{ID: "marathon", Title: "Record field for the city marathon", Text: "More than twelve thousand runners signed up for the city marathon, a record field, and organisers added a second start wave."},
	{ID: "opinion", Title: "What the Aldwyn tells us about our ageing fleet", Text: "Kellby Point has claimed ships before. The Aldwyn is thirty years old, and the operator has put off replacing its ageing vessels for a decade while fares rose and the budget for repairs shrank."},
}

func runLoneStream(t *testing.T, m *Model) (story map[string]string, reasons []string) {
	return runLoneStreamDated(t, m, nil)
}

// runLoneStreamDated streams loneStream with each article dated by when
// (undated when nil) and finishes it (the end of the stream: every lone
// article is judged).
func runLoneStreamDated(t *testing.T, m *Model, when func(id string) time.Time) (story map[string]string, reasons []string) {
	t.Helper()
	c := New(Options{Model: m})
	story = map[string]string{}
	for _, a := range loneStream {
		if when != nil {
			a.Published = when(a.ID)
		}
		story[a.ID] = c.Add(a).StoryID
	}
	c.Finish()
	chs := c.TakeChanges()
	ApplyChanges(story, chs)
	for _, ch := range chs {
		reasons = append(reasons, ch.Reason)
	}
	return story, reasons
}

func TestSettleJoinsALoneArticleToTheStoryItIsClearlyClosestTo(t *testing.T) {
	before, _ := runLoneStream(t, loneModel(t, "0", "0"))
	if before["ferry-1"] != before["ferry-2"] || before["library-1"] != before["library-2"] || before["ferry-1"] == before["library-1"] {
		t.Fatalf("the fixture's two stories did not form: %v", before)
	}
	if before["opinion"] == before["ferry-1"] {
		t.Fatalf("the opinion piece joined the ferry's story without the lone step; the fixture needs it left alone")
	}
	after, reasons := runLoneStream(t, loneModel(t, "1.25", "0.05"))
	if after["opinion"] != after["ferry-1"] {
		t.Errorf("with the lone step the opinion piece is in %s, not the ferry's story %s (changes %q)", after["opinion"], after["ferry-1"], reasons)
	}
	if len(reasons) != 1 || !strings.Contains(reasons[0], "left alone") {
		t.Errorf("changes %q, want one lone join", reasons)
	}
	for _, id := range []string{"orchard", "marathon"} {
		if after[id] == after["ferry-1"] || after[id] == after["library-1"] {
			t.Errorf("%s joined a story; nothing is close enough to it (under the floor)", id)
		}
	}
	// A lead the ratio does not reach leaves it alone.
	if high, _ := runLoneStream(t, loneModel(t, "1000", "0.05")); high["opinion"] == high["ferry-1"] {
		t.Errorf("with a ratio of 1000 the opinion piece still joined the ferry's story")
	}
	// So does a floor it does not reach.
	if high, _ := runLoneStream(t, loneModel(t, "1.25", "0.99")); high["opinion"] == high["ferry-1"] {
		t.Errorf("with a floor of 0.99 the opinion piece still joined the ferry's story")
	}
}

func TestLoadModelRefusesALoneStepThatLeadsNothing(t *testing.T) {
	for _, rf := range [][2]string{{"-1", "0.5"}, {"1.5", "-0.5"}, {"0.8", "0.5"}} {
		if _, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.5,"lone_ratio":` + rf[0] + `,"lone_floor":` + rf[1] + `}`)); err == nil {
			t.Errorf("lone ratio %s floor %s loaded", rf[0], rf[1])
		}
	}
}

func TestTheLoneStepJoinsADatedArticleOnlyToAStoryThatRanAtTheSameTime(t *testing.T) {
	m := loneModel(t, "1.25", "0.05")
	// Every report on day 10 and the opinion piece two days later: a
	// story one after the other is left to the link step and the window.
	later := func(id string) time.Time {
		if id == "opinion" {
			return day(12)
		}
		return day(10)
	}
	if got, reasons := runLoneStreamDated(t, m, later); got["opinion"] == got["ferry-1"] {
		t.Errorf("the opinion piece two days after the ferry's story joined it (%q)", reasons)
	}
	// The same day: the spans overlap, and it joins.
	sameDay := func(id string) time.Time { return day(10).Add(time.Duration(len(id)) * time.Minute) }
	if got, reasons := runLoneStreamDated(t, m, sameDay); got["opinion"] != got["ferry-1"] {
		t.Errorf("the opinion piece of the ferry's day is in %s, not the ferry's story %s (%q)", got["opinion"], got["ferry-1"], reasons)
	}
}

// TestTheLoneStepNeedsARunnerUp: a title-only item that shares a place
// name with one story and nothing with any other has no lead to read, and
// stays alone whatever the floor (review s14b #1).
func TestTheLoneStepNeedsARunnerUp(t *testing.T) {
	c := New(Options{Model: loneModel(t, "1.25", "0.01")})
	story := map[string]string{}
	for _, a := range append(slices.Clone(loneStream[:4]), news.Article{ID: "lighthouse", Title: "Kellby Point lighthouse to be restored"}) {
		story[a.ID] = c.Add(a).StoryID
	}
	c.Finish()
	chs := c.TakeChanges()
	ApplyChanges(story, chs)
	if story["lighthouse"] == story["ferry-1"] {
		t.Errorf("the title-only lighthouse item, whose only candidate is the ferry's story, joined it (%+v)", chs)
	}
}

// harbourFire is a new event's two reports: a fire at the ferry terminal
// on Kellby Point, whose first report names the point and the ferries
// (the ferry Aldwyn's story is clearly the closest to it, at a low
// cosine) and whose second report tells the same fire.
var harbourFire = []news.Article{
	{ID: "fire-1", Title: "Fire breaks out at Kellby Point ferry terminal", Text: "A fire broke out in a storage shed at the Kellby Point ferry terminal overnight, beside the berth of the ferry Aldwyn. Firefighters from three stations brought the blaze under control by dawn; the morning crossing was held and passengers waited ashore. The council said the terminal would reopen at noon."},
	{ID: "fire-2", Title: "Storage shed fire at Kellby Point terminal under control", Text: "Firefighters from three stations brought a fire in a storage shed at the Kellby Point terminal under control by dawn, and the fire service is investigating the cause of the blaze."},
}

// liveStream adds arts one by one to c, settling after each as serve does
// after every feed item or post, and returns each article's story after
// the changes.
func liveStream(c *Clusterer, story map[string]string, arts ...news.Article) []news.StoryChange {
	var all []news.StoryChange
	for _, a := range arts {
		story[a.ID] = c.Add(a).StoryID
		c.Settle()
		chs := c.TakeChanges()
		ApplyChanges(story, chs)
		all = append(all, chs...)
	}
	return all
}

// TestALiveStreamDoesNotJoinANewEventsFirstReport: in a stream settled
// after every article, as serve's is, the first report of a new event is
// alone at the next settle only because its other reports have not come
// yet; the lone step waits for its stretch of the stream (undated: the
// stream's end; dated: its window), and its second report joins it. At
// the first settle the step joined it to the ferry's story (session 14).
func TestALiveStreamDoesNotJoinANewEventsFirstReport(t *testing.T) {
	m := loneModel(t, "1.25", "0.05")
	// Undated: the ferry's and the library's stories, then the fire's
	// reports one settle apart.
	c := New(Options{Model: m})
	story := map[string]string{}
	chs := liveStream(c, story, append(slices.Clone(loneStream[:4]), harbourFire...)...)
	if story["fire-1"] == story["ferry-1"] || story["fire-1"] != story["fire-2"] {
		t.Errorf("undated: the fire's first report is in %s, its second in %s, the ferry's story %s (changes %+v)", story["fire-1"], story["fire-2"], story["ferry-1"], chs)
	}
	if w := waiting(c); len(w) != 0 { // the fire's first report waited, and left the list once it took the second
		t.Errorf("undated: %v still wait once every story has two reports", w)
	}
	// Check that the fixture needs the wait: at the end of the stream,
	// before the second report, the first one joins the ferry's story.
	c = New(Options{Model: m})
	story = map[string]string{}
	liveStream(c, story, append(slices.Clone(loneStream[:4]), harbourFire[0])...)
	c.Finish()
	ApplyChanges(story, c.TakeChanges())
	if story["fire-1"] != story["ferry-1"] {
		t.Fatalf("the fire's first report, judged alone, stays alone; the fixture needs it clearly closest to the ferry's story")
	}

	// Dated: the ferry's reports at 9:00 and 12:00 come in one job, the
	// fire's first report (10:00) late in the next, its second (13:00) in
	// the one after: the first report ran during the ferry's story.
	at := func(a news.Article, h int) news.Article {
		a.Published = day(10).Add(time.Duration(h-9) * time.Hour)
		return a
	}
	c = New(Options{Model: m})
	story = map[string]string{}
	for _, a := range []news.Article{at(loneStream[0], 9), at(loneStream[1], 9), at(loneStream[2], 12), at(loneStream[3], 12)} {
		story[a.ID] = c.Add(a).StoryID
	}
	chs = liveStream(c, story, at(harbourFire[0], 10), at(harbourFire[1], 13))
	if story["fire-1"] == story["ferry-1"] || story["fire-1"] != story["fire-2"] {
		t.Errorf("dated: the fire's first report is in %s, its second in %s, the ferry's story %s (changes %+v)", story["fire-1"], story["fire-2"], story["ferry-1"], chs)
	}
	if w := waiting(c); len(w) != 0 {
		t.Errorf("dated: %v still wait once every story has two reports", w)
	}
}

// TestALoneArticleIsJudgedOnceItsStretchHasPassed: the lone step still
// joins an article left alone, at the end of the stream (undated or
// dated), or in a stream that goes on once the stream's latest time is
// past the article's window (dated).
func TestALoneArticleIsJudgedOnceItsStretchHasPassed(t *testing.T) {
	m := loneModel(t, "1.25", "0.05")
	sameDay := func(a news.Article) news.Article {
		a.Published = day(10).Add(time.Duration(len(a.ID)) * time.Minute)
		return a
	}
	for _, dated := range []bool{false, true} {
		c := New(Options{Model: m})
		story := map[string]string{}
		var arts []news.Article
		for _, a := range loneStream {
			if dated {
				a = sameDay(a)
			}
			arts = append(arts, a)
		}
		liveStream(c, story, arts...)
		if story["opinion"] == story["ferry-1"] {
			t.Errorf("dated %v: the opinion piece joined the ferry's story while its stretch was not over", dated)
		}
		if len(c.lone) == 0 {
			t.Errorf("dated %v: nothing waits before the end of the stream", dated)
		}
		c.Finish()
		ApplyChanges(story, c.TakeChanges())
		if story["opinion"] != story["ferry-1"] {
			t.Errorf("dated %v: at the end of the stream the opinion piece is in %s, not the ferry's story %s", dated, story["opinion"], story["ferry-1"])
		}
		if w := waiting(c); len(w) != 0 {
			t.Errorf("dated %v: after Finish %v still wait", dated, w)
		}
	}
	// A dated stream that goes on: a report eight days later (past the
	// opinion piece's window of seven) brings the judgment, at the settle
	// of its day.
	c := New(Options{Model: m})
	story := map[string]string{}
	for _, a := range loneStream {
		a = sameDay(a)
		story[a.ID] = c.Add(a).StoryID
	}
	c.Settle()
	ApplyChanges(story, c.TakeChanges())
	if story["opinion"] == story["ferry-1"] {
		t.Fatalf("the opinion piece joined the ferry's story on its own day")
	}
	later := news.Article{ID: "tram", Published: day(18), Title: "Westmere tram line approved", Text: "The Westmere transit board approved the new tram line, with construction to begin next spring."}
	liveStream(c, story, later)
	if story["opinion"] != story["ferry-1"] {
		t.Errorf("eight days later the opinion piece is in %s, not the ferry's story %s", story["opinion"], story["ferry-1"])
	}
	// Day 10's lone stories closed and were judged (the opinion piece
	// joined, the orchard and the marathon stay alone): only the tram's
	// report, of the new day, waits.
	if w := waiting(c); !slices.Equal(w, []string{story["tram"]}) {
		t.Errorf("after day 10 closed %v wait, want only the tram's story %s", w, story["tram"])
	}
}

// TestALoneArticleIsJudgedBeforeAGapLetsItGo: a dated stream whose next
// article comes three weeks after the opinion piece's day, past its window
// and Window, and is the one whose join lets go of the closed stories
// (evict, every thousandth article). The new day's settle judges the
// stories closed at the new article's time, before its join: judged at
// the stream's latest time so far, the opinion piece was still open, and
// the join let it go with the ferry's story before any later settle.
func TestALoneArticleIsJudgedBeforeAGapLetsItGo(t *testing.T) {
	c := New(Options{Model: loneModel(t, "1.25", "0.05")})
	story := map[string]string{}
	for _, a := range loneStream {
		a.Published = day(10).Add(time.Duration(len(a.ID)) * time.Minute)
		story[a.ID] = c.Add(a).StoryID
	}
	c.Settle() // the end of a job: the opinion piece waits
	ApplyChanges(story, c.TakeChanges())
	if story["opinion"] == story["ferry-1"] || len(c.lone) == 0 {
		t.Fatalf("the opinion piece joined the ferry's story on its own day, or nothing waits (%d)", len(c.lone))
	}
	c.seq = 999 // the next article's join lets go of the closed stories
	later := news.Article{ID: "tram", Published: day(10).Add(21 * 24 * time.Hour), Title: "Westmere tram line approved", Text: "The Westmere transit board approved the new tram line, with construction to begin next spring."}
	liveStream(c, story, later)
	if _, kept := c.stories[story["ferry-1"]]; kept {
		t.Fatalf("the ferry's story was not let go of; the test needs the join to evict it")
	}
	if story["opinion"] != story["ferry-1"] {
		t.Errorf("three weeks later the opinion piece is in %s, not the ferry's story %s", story["opinion"], story["ferry-1"])
	}
}

// waiting is the ids of the stories waiting for the lone step.
func waiting(c *Clusterer) []string {
	var ids []string
	for _, s := range c.lone {
		ids = append(ids, s.id)
	}
	return ids
}

// TestALoneStoryLetGoOfIsNotJudged: an undated opinion piece waits for the
// end of the stream, but closes after three arrivals (UndatedWindow) and is
// let go of (evict) before the ferry's and the library's reports come; it
// leaves the waiting list and is not judged at the end, when it would
// have joined the ferry's story, then open.
func TestALoneStoryLetGoOfIsNotJudged(t *testing.T) {
	c := New(Options{Model: loneModel(t, "1.25", "0.05"), UndatedWindow: 3})
	c.seq = 993 // the last report's join (the thousandth) lets go of the closed stories
	story := map[string]string{}
	var arts []news.Article
	for _, id := range []string{"opinion", "orchard", "marathon", "ferry-1", "library-1", "ferry-2", "library-2"} {
		i := slices.IndexFunc(loneStream, func(a news.Article) bool { return a.ID == id })
		arts = append(arts, loneStream[i])
	}
	liveStream(c, story, arts...)
	if c.seq != 1000 || c.stories[story["opinion"]] != nil {
		t.Fatalf("the opinion piece's story was not let go of (seq %d); the test needs it evicted", c.seq)
	}
	if story["ferry-1"] != story["ferry-2"] || story["library-1"] != story["library-2"] {
		t.Fatalf("the fixture's two stories did not form: %v", story)
	}
	c.Finish()
	chs := c.TakeChanges()
	ApplyChanges(story, chs)
	if len(chs) != 0 || story["opinion"] == story["ferry-1"] {
		t.Errorf("the opinion piece, let go of, was judged: changes %+v", chs)
	}
	if w := waiting(c); len(w) != 0 {
		t.Errorf("after Finish %v still wait", w)
	}
}

// TestTheLoneWaitingListStaysSmall: in a live stream (a settle after each
// post, as serve's) of reports of nothing else, the waiting list holds
// only what may still be judged. Dated, one a day for three windows: the
// stories of the last window's days (a story of day d closes once a day
// after d+7 begins: eight at most). Undated, for three UndatedWindows
// across a thousandth article (evict): only stories still held.
func TestTheLoneWaitingListStaysSmall(t *testing.T) {
	letters := func(i int) string { // a made-up word of its own for each i
		w := ""
		for i++; i > 0; i /= 26 {
			w += string(rune('a' + i%26))
		}
		return w
	}
	notice := func(i int) news.Article {
		var words []string
		for j := range 12 {
			words = append(words, "vel"+letters(i*12+j))
		}
		return news.Article{ID: fmt.Sprintf("notice-%d", i), Title: "Notice " + words[0], Text: strings.Join(words, " ") + "."}
	}
	m := loneModel(t, "1.25", "0.05")
	c := New(Options{Model: m})
	story := map[string]string{}
	for d := range 21 {
		a := notice(d)
		a.Published = day(1).Add(time.Duration(d) * 24 * time.Hour)
		liveStream(c, story, a)
		if n := len(c.lone); n > 8 {
			t.Fatalf("dated, day %d: %d stories wait (%v)", d+1, n, waiting(c))
		}
	}

	const window = 3
	c = New(Options{Model: m, UndatedWindow: window})
	c.seq = 995 // the fifth post is the thousandth article
	for i := range 3 * window {
		liveStream(c, story, notice(100+i))
		for _, s := range c.lone {
			if c.stories[s.id] != s {
				t.Errorf("undated, post %d: %s waits, let go of", i+1, s.id)
			}
		}
		if len(c.lone) > len(c.stories) {
			t.Errorf("undated, post %d: %d wait, %d stories held", i+1, len(c.lone), len(c.stories))
		}
	}
}

// TestAWaitingStorySettledAgainWaitsOnce: the opinion piece waits (no
// join reached it); two more reports on the ferry double its story, whose
// settle looks again at the lone stories among its candidates
// (settleLoneCandidates) and settles the opinion piece again, still under
// the join threshold. It stays in the waiting list once, and the end of
// the stream joins it once.
func TestAWaitingStorySettledAgainWaitsOnce(t *testing.T) {
	more := []news.Article{
		{ID: "ferry-3", Title: "Grounded ferry Aldwyn towed off after its ninety passengers came ashore", Text: "Tugs towed the passenger ferry Aldwyn off the rocks after it ran aground on the morning crossing. Coastguard lifeboats had taken its ninety passengers ashore, and the coastguard said no one was hurt."},
		{ID: "ferry-4", Title: "Coastguard praises lifeboat crews after ferry Aldwyn ran aground", Text: "The coastguard praised the lifeboat crews who took ninety passengers off the passenger ferry Aldwyn when it ran aground on the morning crossing. No one was hurt."},
	}
	c := New(Options{Model: loneModel(t, "1.25", "0.05")})
	story := map[string]string{}
	liveStream(c, story, loneStream[0], loneStream[1], loneStream[2], loneStream[3], loneStream[6]) // the reports, then the opinion piece
	if w := waiting(c); !slices.Equal(w, []string{story["opinion"]}) {
		t.Fatalf("waiting %v, want the opinion piece's story alone", w)
	}
	liveStream(c, story, more...)
	if s := c.stories[story["opinion"]]; s == nil || s.merged || s.settled != c.seq {
		t.Fatalf("the opinion piece was not settled again when the ferry's story doubled, or joined it; the test needs it settled again and left alone")
	}
	if story["ferry-3"] != story["ferry-1"] || story["ferry-4"] != story["ferry-1"] {
		t.Fatalf("the later reports did not join the ferry's story: %v", story)
	}
	if w := waiting(c); !slices.Equal(w, []string{story["opinion"]}) {
		t.Errorf("after the second settle waiting %v, want the opinion piece's story once", w)
	}
	c.Finish()
	chs := c.TakeChanges()
	ApplyChanges(story, chs)
	if len(chs) != 1 || chs[0].Kind != "merge" || story["opinion"] != story["ferry-1"] {
		t.Errorf("Finish made %+v, want one merge of the opinion piece into the ferry's story", chs)
	}
}

// TestWatchLoneToldWhatTheLoneStepRead checks that the watcher hears every
// lone article the step judges, with the lead it read: the opinion piece
// joins the ferry's story, clearly closest (its cosine at least the ratio
// times the runner-up's), and the orchard and marathon items, under the
// floor, are told unmerged.
func TestWatchLoneToldWhatTheLoneStepRead(t *testing.T) {
	c := New(Options{Model: loneModel(t, "1.25", "0.05")})
	var told []LoneLead
	c.WatchLone(func(l LoneLead) { told = append(told, l) })
	story := map[string]string{}
	for _, a := range loneStream {
		story[a.ID] = c.Add(a).StoryID
	}
	c.Finish()
	chs := c.TakeChanges()
	byArticle := map[string]LoneLead{}
	for _, l := range told {
		byArticle[l.Article] = l
	}
	op, ok := byArticle["opinion"]
	if !ok {
		t.Fatalf("the opinion piece's lead was not told: %+v", told)
	}
	if !op.Merged || op.Story != story["opinion"] || op.Closest != story["ferry-1"] || op.ClosestArticles != 2 {
		t.Errorf("the opinion piece's lead %+v: want merged into the ferry's story %s (2 articles) from its own %s", op, story["ferry-1"], story["opinion"])
	}
	if op.RunnerUp <= 0 || op.BestCos < 1.25*op.RunnerUp || op.Candidates < 2 {
		t.Errorf("the opinion piece's lead %+v: want a runner-up, led at least 1.25 times, among two or more candidates", op)
	}
	if want := 0; op.BestCos < NearLead*op.RunnerUp && op.Near == want {
		t.Errorf("the runner-up is within %.1f times the best but no candidate is counted near: %+v", NearLead, op)
	}
	if len(chs) != 1 || chs[0].Other != op.Story {
		t.Errorf("changes %+v: want the one merge of the opinion piece's story %s", chs, op.Story)
	}
	for _, id := range []string{"orchard", "marathon"} {
		if l, ok := byArticle[id]; !ok || l.Merged {
			t.Errorf("%s: told %v, lead %+v; want told, not merged", id, ok, l)
		}
	}
}

// TestReadLeadCountsTheCandidatesNearTheBest: of candidates at cosines
// .25, .30, .21 and .10 to a lone article, the closest is the second, the
// runner-up .25, and two others (.25 and .21) lie within NearLead (1.5)
// times the best (.30 / 1.5 = .20); the lone story itself is skipped.
func TestReadLeadCountsTheCandidatesNearTheBest(t *testing.T) {
	c := New(Options{})
	lone := &story{id: "lone", storyHead: &storyHead{n: 1}}
	var cands []*story
	var rows [][]float64
	for i, x := range []float64{0.25, 0.30, 0.21, 0.10, 0.9} {
		s := &story{id: fmt.Sprint("s", i), storyHead: &storyHead{n: 2}}
		if i == 4 {
			s = lone // a story's own row is never read
		}
		row := make([]float64, numSignals)
		row[sigAvgCos] = x
		cands, rows = append(cands, s), append(rows, row)
	}
	l := c.readLead(lone, cands, rows)
	if l.best != 1 || l.bestCos != 0.30 || l.next != 0.25 || l.near != 2 {
		t.Errorf("got best %d (%.2f), next %.2f, near %d; want 1 (.30), .25, 2", l.best, l.bestCos, l.next, l.near)
	}
}

// TestTheLeadALoneArticleNeedsGrowsWithTheNearCandidates: a lead of 1.2
// over the runner-up clears a ratio of 1.1 with one candidate near the
// best, and with two when the model has no crowd term; with a crowd term
// of 0.5, two near candidates ask for 1.1 × (1 + 0.5 ln 2) = 1.48, and the
// article stays alone.
func TestTheLeadALoneArticleNeedsGrowsWithTheNearCandidates(t *testing.T) {
	lone := &story{id: "lone", storyHead: &storyHead{n: 1}}
	cands := []*story{{id: "closest", storyHead: &storyHead{n: 2}}, {id: "next", storyHead: &storyHead{n: 2}}, {id: "third", storyHead: &storyHead{n: 2}}}
	probs := []float64{0.5, 0.4, 0.4}
	for _, tc := range []struct {
		crowd string
		near  int
		want  bool
	}{{"0", 2, true}, {"0.5", 1, true}, {"0.5", 2, false}} {
		m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":1.1,"lone_floor":0.05,"lone_crowd":` + tc.crowd + `}`))
		if err != nil {
			t.Fatal(err)
		}
		c := New(Options{Model: m})
		got, _, _ := c.clearlyClosest(lone, lead{best: 0, bestCos: 0.30, next: 0.25, near: tc.near, groups: tc.near}, cands, probs)
		if (got != nil) != tc.want {
			t.Errorf("crowd %s, %d near: joined %v, want %v", tc.crowd, tc.near, got != nil, tc.want)
		}
	}
	if _, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":1.1,"lone_crowd":-1}`)); err == nil {
		t.Errorf("a negative crowd term loaded")
	}
}
