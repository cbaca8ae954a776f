// Package view is the view model of a story, shared by `storyline show`
// and the web UI's story page, so that both show the same things in the
// same order: the articles in the order of publication (near-copies
// collapsed under the article they copy, with why each is in the story),
// the facts the sources share, what only one has, quotes, entities,
// conflicting figures, who rewrote whom and the clusterer's corrections,
// with article ids resolved to the outlets' names (an outlet the user
// aliased under its outlet's, when the read side set it:
// news.Article.ShownOutlet).
package view

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// Story is what is shown of a story.
type Story struct {
	Title string
	// TitleDerived says that no article has a title and Title is made
	// from the lead of the first report (projection.Title).
	TitleDerived  bool
	ID            string
	Count         int  // articles, copies included
	Updating      bool // the comparison shown is the last stored, a newer one is on its way
	Comparing     bool // no comparison yet: one is being made, the page reloads until it is
	Failed        bool // the comparison of the current articles failed: the last one, if any, is shown
	Articles      []Article
	Facts         []Fact
	Unique        []Unique
	Quotes        []Quote
	People        []string
	Places        []string
	Orgs          []string
	Conflicts     []Conflict
	FigureChanges []FigureChange // figures an outlet changed between its versions (news.FigureChange)
	Derivations   []Derivation
	Changes       []Change
	// The story page's pictures (charts.go); nil when there is nothing to
	// draw.
	Coverage *Coverage
	Claims   *Claims
	Graph    *Graph
}

// Article is one report in the story's timeline.
type Article struct {
	news.Article
	Outlet string // the name its source is shown under (news.Article.SourceLabel)
	// Named says that the article's outlet is known (Outlet names it, and
	// it has a page of its own); false when Outlet is the article's title,
	// as its page named no outlet and has no address.
	Named     bool
	Published string // as the stored timeline writes it (RFC 3339, or YYYY-MM-DD for a date alone: news.ShowPublished), empty when undated
	First     bool   // the first report of the story
	Why       string // why it is in the story
	// Lead names an article with no title by the start of its text
	// (news.LeadTitle); empty when it has a title.
	Lead   string
	AlsoIn []Copy // near-copies of this article, collapsed under it
	// Development, on the first article of each day of a story that ran
	// over several, heads that day's development: what was new in it.
	Development *Development
}

// Development is one day of a developing story (see cluster.Developments):
// its day, how many of the story's articles came that day, and the words
// that were new in the story that day.
type Development struct {
	Day      string
	Articles int
	New      []string
}

// Copy is a near-copy shown under the article it copies.
type Copy struct {
	ID, Source, Published, Why string
}

// Statement is something said, and the outlets that say it ("Wire ×2,
// Courier").
type Statement struct {
	Text    string
	Sources string
}

// Fact is a claim two or more outlets state, shown in one outlet's words,
// with the other outlets' own words (Wordings; Sources there is the one
// outlet) so a reader can check that they state the same thing.
type Fact struct {
	Text     string
	Sources  string
	Wordings []Statement
}

// Unique is what only one article says, its most informative claims in
// Sentences and the rest in More, which a page folds away; what its outlet
// states in several of its reports and no other outlet does
// (news.Comparison.OutletFacts, listed with the first of those reports),
// in Reported and ReportedMore likewise; and what other articles nearly
// say too (news.PartlyShared), shown in Partly and folded in PartlyMore
// likewise.
type Unique struct {
	Source    string
	ArticleID string
	// Reported are claims of the outlet's own that several of its reports
	// state, each with those reports counted ("in 2 reports of Wire").
	Reported     []Statement
	ReportedMore []Statement
	// Title and Published tell the article apart when its outlet has
	// several articles with claims of their own in the story (Several):
	// a page that heads three lists "Only in" one wire says which is which.
	Title      string
	Published  string
	Several    bool
	Sentences  []string
	More       []string
	Partly     []Partly
	PartlyMore []Partly
	weight     float64 // what its claims add (uniqueWeight), to rank sources
	outlet     string  // the key its outlet is filed under; "\x00" and the article's id when unknown
}

// HasOwn tells whether the list holds claims of its outlet's own (Sentences
// or Reported), which a page heads "Only in".
func (u Unique) HasOwn() bool { return len(u.Sentences) > 0 || len(u.Reported) > 0 }

// Partly is a claim of one source that others nearly state: the claim, the
// outlets ("Wire, Courier"), and the closest of their sentences with its
// outlet, for the reader to judge.
type Partly struct {
	Text    string
	AlsoIn  string
	Closest Statement
}

// fold splits a ranked list into the n a page shows and the rest it folds
// away; n of 0 shows all.
func fold[T any](xs []T, n int) (shown, more []T) {
	if n > 0 && len(xs) > n {
		return xs[:n], xs[n:]
	}
	return xs, nil
}

// uniqueShownWeight is how many of a source's own claims rank it: what a
// reader sees before the rest fold away. Three, as a page shows three
// claims of a source before "more" (news.Comparison.UniqueShown is set by
// the comparison to about that).
const uniqueShownWeight = 3

// uniqueWeight ranks a source's own claims by what its most informative
// few add (the sum of the top uniqueShownWeight scores, scores being the
// comparison's rarity-weighted new words of each claim, highest first): a
// source with one long list of minor claims does not outrank one with a
// few telling ones. A stored comparison without scores weighs nothing, and
// the timeline order stands.
func uniqueWeight(scores []float64) float64 {
	w := 0.0
	for i, s := range scores {
		if i == uniqueShownWeight {
			break
		}
		w += s
	}
	return w
}

// typicalScore is the median of the scores of a story's own claims (the
// comparison's, by article), 0 when it has none: the weight given to a
// fact that several reports of one outlet state (news.Comparison.
// OutletFacts), which the comparison scores not, being a fact. Such a
// fact is the outlet's own as much as a claim one report makes alone, so
// a list of them ranks as a list of typical claims rather than last,
// where the page folds it away.
func typicalScore(scores map[string][]float64) float64 {
	var all []float64
	for _, s := range scores {
		all = append(all, s...)
	}
	if len(all) == 0 {
		return 0
	}
	slices.Sort(all)
	return all[len(all)/2]
}

// withReported is an article's claim scores (in their order) followed by
// n facts of its outlet's several reports at score typical, for
// uniqueWeight: they count where its own claims are fewer than it counts.
func withReported(scores []float64, n int, typical float64) []float64 {
	out := slices.Clone(scores)
	for range n {
		out = append(out, typical)
	}
	return out
}

// Quote is a quotation, who said it and who reports it.
type Quote struct {
	Speaker, Text, Sources string
}

// Conflict is a figure the sources give differently.
type Conflict struct {
	About  string
	Values []ConflictValue
}

// FigureChange is a figure one outlet changed between its versions of a
// report, as the story shows it: "Fenwick Tribune changed its figure: 12
// homes -> 15 homes (time -> time)".
type FigureChange struct {
	About, Source string
	From, To      string // the values
	FromAt, ToAt  string // the versions' publication times (news.ShowPublished), "" when unknown
	FromID, ToID  string
}

// Line is the change in one line of words.
func (c FigureChange) Line() string {
	line := c.Source + " changed its figure: " + c.From + " -> " + c.To
	if c.FromAt != "" && c.ToAt != "" {
		line += " (" + c.FromAt + " -> " + c.ToAt + ")"
	}
	return line
}

// ConflictValue is one side of a Conflict: the value, the sources that give
// it, and the sentence it is given in when that is not About itself.
type ConflictValue struct {
	Text     string
	Sources  string
	Sentence string
}

// Derivation says that one article copies or rewrites another, or, when
// their times do not tell which came first, that the two share copied text.
type Derivation struct {
	From, To     string // the articles' labels (outlet, and time or id when an outlet has several)
	FromID, ToID string
	Verb         string // "copies", "rewrites", "updates its own report" (one outlet's later version) or, when tied, "shares copied text with"
	Score        float64
	Tied         bool
	Passage      string // the longest passage both give outside quotations, the evidence
}

// Change is a merge or split that involved the story.
type Change struct {
	At       time.Time
	What     string
	Articles string
	Reason   string
}

// Unattributed names the speaker of a quote nobody is credited with.
const Unattributed = "Unattributed"

// NewStory builds the view of a story.
func NewStory(d news.StoryDetail) Story {
	byID := map[string]news.Article{}
	for _, a := range d.Articles {
		byID[a.ID] = a
	}
	// What the sources agree on needs two outlets: facts of one outlet's
	// several reports are its own (a detail the read side made has them
	// apart already; this keeps a detail made otherwise alike).
	outlet := news.ArticleOutletMap(d.Articles) // "" when the outlet is unknown
	d.Comparison = news.SeparateOutletFacts(d.Comparison, outlet)
	sourceName := sourceNames(d.Articles, outlet)
	name := func(id string) string {
		if n, ok := sourceName[id]; ok {
			return n
		}
		return id
	}
	names := func(ids []string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = name(id)
		}
		return news.JoinSources(out)
	}
	why := map[string]string{}
	for _, m := range d.Memberships {
		why[m.ArticleID] = m.Reason
	}
	v := Story{Title: d.Title, TitleDerived: d.TitleDerived, ID: d.ID, Count: len(d.Articles), Updating: d.Updating, Comparing: d.Comparing, Failed: d.CompareFailed}
	for _, ch := range d.Changes {
		v.Changes = append(v.Changes, Change{At: ch.At, What: ch.Describe(d.ID), Articles: strings.Join(ch.Articles, ", "), Reason: ch.Reason})
	}
	// A near-copy (a wire story reprinted) is collapsed under the article it
	// copies, as "also in", rather than shown as a report of its own.
	copyOf := map[string]string{}
	for _, dv := range d.Derivations {
		if dv.Kind == "copy" {
			copyOf[dv.To] = dv.From
		}
	}
	for _, m := range d.Memberships {
		if m.DuplicateOf != "" {
			copyOf[m.ArticleID] = m.DuplicateOf
		}
	}
	root := func(id string) string {
		for i := 0; i < 10 && copyOf[id] != ""; i++ {
			id = copyOf[id]
		}
		return id
	}
	at := map[string]int{}
	for _, t := range timeline(d, byID) {
		if _, ok := byID[t.Article]; !ok {
			continue // left the story since its comparison was made
		}
		if r := root(t.Article); r != t.Article {
			if i, ok := at[r]; ok {
				published := t.Published
				if published == "" { // a timeline entry without its time: the article's own
					published = news.ShowPublished(byID[t.Article].Published, byID[t.Article].DateOnly)
				}
				v.Articles[i].AlsoIn = append(v.Articles[i].AlsoIn, Copy{t.Article, name(t.Article), published, why[t.Article]})
				continue
			}
		}
		at[t.Article] = len(v.Articles)
		art := byID[t.Article]
		lead := ""
		if art.Title == "" {
			lead = news.LeadTitle(art)
		}
		v.Articles = append(v.Articles, Article{Article: art, Outlet: name(t.Article), Named: outlet[t.Article] != "", Published: t.Published, First: t.First, Why: why[t.Article], Lead: lead})
	}
	markDevelopments(v.Articles, d.Articles)
	markFirstWhileComparing(&v, d)
	for _, f := range d.Facts {
		fact := Fact{Text: f.Text, Sources: names(f.Articles)}
		for _, w := range f.Wordings {
			if !strings.HasPrefix(f.Text, w.Text) { // the shown words (a quote's speaker may follow them)
				fact.Wordings = append(fact.Wordings, Statement{w.Text, name(w.Article)})
			}
		}
		v.Facts = append(v.Facts, fact)
	}
	reported := reportedBy(d.OutletFacts, name)
	typical := typicalScore(d.UniqueScores)
	for _, t := range d.Timeline {
		sents, partly, own := d.Unique[t.Article], d.PartlyShared[t.Article], reported[t.Article]
		if len(sents) == 0 && len(partly) == 0 && len(own) == 0 {
			continue
		}
		u := Unique{Source: name(t.Article), ArticleID: t.Article, Title: byID[t.Article].Title, Published: t.Published, weight: uniqueWeight(withReported(d.UniqueScores[t.Article], len(own), typical)), outlet: outletOrArticle(outlet[t.Article], t.Article)}
		u.Sentences, u.More = fold(sents, d.UniqueShown)
		u.Reported, u.ReportedMore = fold(own, d.UniqueShown)
		for _, p := range partly {
			u.Partly = append(u.Partly, Partly{Text: p.Text, AlsoIn: names(p.Articles), Closest: Statement{p.Closest.Text, name(p.Closest.Article)}})
		}
		u.Partly, u.PartlyMore = fold(u.Partly, d.UniqueShown)
		v.Unique = append(v.Unique, u)
	}
	markSeveral(v.Unique)
	// The sources that add the most lead: a page folds the last ones.
	sort.SliceStable(v.Unique, func(i, j int) bool { return v.Unique[i].weight > v.Unique[j].weight })
	for _, q := range d.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = Unattributed
		}
		v.Quotes = append(v.Quotes, Quote{speaker, q.Text, names(q.Articles)})
	}
	for _, e := range d.Entities {
		switch e.Kind {
		case news.Person:
			v.People = append(v.People, e.Name)
		case news.Place:
			v.Places = append(v.Places, e.Name)
		case news.Org:
			v.Orgs = append(v.Orgs, e.Name)
		}
	}
	for _, c := range d.Conflicts {
		cv := Conflict{About: c.About}
		for _, val := range c.Values {
			said := val.Sentence
			if said == c.About {
				said = ""
			}
			cv.Values = append(cv.Values, ConflictValue{val.Value, names(val.Articles), said})
		}
		v.Conflicts = append(v.Conflicts, cv)
	}
	for _, c := range d.FigureChanges {
		v.FigureChanges = append(v.FigureChanges, FigureChange{About: c.About, Source: c.Source, From: c.From.Value, To: c.To.Value, FromAt: c.From.Published, ToAt: c.To.Published, FromID: c.From.Article, ToID: c.To.Article})
	}
	label := articleLabels(d.Articles, name)
	for _, dv := range d.Derivations {
		verb := derivationVerb(dv, dv.SameOutlet || outlet[dv.From] != "" && outlet[dv.From] == outlet[dv.To])
		out := Derivation{From: label(dv.From), To: label(dv.To), FromID: dv.From, ToID: dv.To, Verb: verb, Score: dv.Score, Tied: dv.Tied}
		if dv.Evidence != nil && len(dv.Evidence.Passages) > 0 {
			out.Passage = dv.Evidence.Passages[0]
		}
		v.Derivations = append(v.Derivations, out)
	}
	v.Coverage, v.Claims, v.Graph = NewCoverage(v), NewClaims(d, name), NewGraph(v)
	return v
}

// derivationVerb is what a derivation says of its later article: that it
// copies or rewrites the other, that one outlet updates its own report (a
// later version of an article of the same outlet: cluster.Derive claims
// one only when it keeps most of the text or its opening, so it is no
// rewrite of someone else's work), or, when the times do not tell which
// came first, that the two share copied text.
func derivationVerb(dv news.Derivation, sameOutlet bool) string {
	switch {
	case dv.Tied:
		return "shares copied text with"
	case sameOutlet:
		return "updates its own report"
	case dv.Kind == "copy":
		return "copies"
	}
	return "rewrites"
}

// markDevelopments heads the first shown article of each day with that
// day's development, when the story ran over more than one day.
func markDevelopments(shown []Article, all []news.Article) {
	devs := cluster.Developments(all)
	if len(devs) < 2 {
		return
	}
	byDay := map[string]cluster.Development{}
	for _, d := range devs {
		if d.Day != "" {
			byDay[d.Day] = d
		}
	}
	last := ""
	for i := range shown {
		if shown[i].Article.Published.IsZero() {
			continue
		}
		day := shown[i].Article.Published.UTC().Format("2006-01-02")
		if d, ok := byDay[day]; ok && day != last {
			shown[i].Development = &Development{Day: day, Articles: len(d.Articles), New: asWritten(d.New, d.Articles, all)}
		}
		last = day
	}
}

// asWritten gives a development's new terms (lower-cased by text.Terms) as
// the day's articles write them, so that names read as names ("Holloway",
// "AAAS", "Thursday", not "holloway, aaas, thursday"): each term's most
// frequent spelling in those articles' texts, the lower-case one on a tie
// (a common word capitalised at the start of a sentence as often as not).
// A word capitalised where any word would be (capitalisedByPlace: opening
// the text, a line or a sentence) counts only when the term is written
// nowhere else: "Yesterday" opening two sentences and "yesterday" inside
// one is "yesterday", and a dateline's "TARNOW" gives way to the "Tarnow"
// of the text. Headlines are not read: their style capitalises every word
// ("Senator Quits, Calls Vote Rigged"), which on real news (BASIL) turned
// verbs and adjectives into names; a term only a headline gives stays
// lower case.
func asWritten(terms, ids []string, all []news.Article) []string {
	if len(terms) == 0 {
		return terms
	}
	inside, byPlace := map[string]map[string]int{}, map[string]map[string]int{}
	for _, t := range terms {
		inside[t], byPlace[t] = map[string]int{}, map[string]int{}
	}
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	for _, a := range all {
		if !in[a.ID] {
			continue
		}
		eachWord(a.Text, func(w, gap string, first bool) {
			if inAddress(gap, first) {
				return
			}
			forms := inside
			if capitalisedByPlace(w, gap, first) {
				forms = byPlace
			}
			if f, ok := forms[strings.ToLower(w)]; ok {
				f[w]++
			}
		})
	}
	out := make([]string, len(terms))
	for i, t := range terms {
		forms := inside[t]
		if len(forms) == 0 {
			forms = byPlace[t]
		}
		out[i] = commonestSpelling(t, forms)
	}
	return out
}

// commonestSpelling is the spelling of term t written most often (forms
// counts each), t itself on a tie with it, else the first in byte order
// among the tied, so that the choice does not follow the map's order; t
// when forms is empty.
func commonestSpelling(t string, forms map[string]int) string {
	out, best := t, 0
	for form, n := range forms {
		if n > best || n == best && (form == t || form < out && out != t) {
			out, best = form, n
		}
	}
	return out
}

// eachWord calls f with each word of s as text.Words splits it, the gap
// that separates it from the word before, and whether it is the first.
func eachWord(s string, f func(w, gap string, first bool)) {
	pos := 0
	for k, w := range text.Words(s) {
		i := pos + strings.Index(s[pos:], w)
		f(w, s[pos:i], k == 0)
		pos = i + len(w)
	}
}

// capitalisedByPlace reports whether w (gap after the word before it, first
// when it opens the text) stands where a capital tells nothing of the word:
// it opens the text or a line (a dateline, "BUDAPEST, March 17", or a
// heading, in any capitals) or, in capitals only at its start, a sentence
// ("rivers. Experts said"); a word all in capitals after a full stop is an
// acronym as it is anywhere ("said. NATO").
func capitalisedByPlace(w, gap string, first bool) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	if first || strings.ContainsAny(gap, "\n\r") || strings.Contains(gap, "--") {
		return true
	}
	return endsSentence(gap) && strings.ToUpper(w) != w
}

// endsSentence reports whether gap holds a full stop, question or
// exclamation mark followed by a space ("rivers. Experts", "vote?” Critics").
func endsSentence(gap string) bool {
	i := strings.IndexAny(gap, ".!?")
	return i >= 0 && strings.ContainsAny(gap[i:], " \t\u00a0")
}

// inAddress reports whether the word after gap is part of a web or mail
// address ("www.mill-gazette.example", "desk@mill"): joined to the word
// before by a dot, slash or at sign with no space, where its spelling is
// the address's, not the language's.
func inAddress(gap string, first bool) bool {
	return !first && gap != "" && !strings.ContainsAny(gap, " \t\n\r\u00a0") && strings.ContainsAny(gap, "./@")
}

// timeline is the story's timeline as its comparison gives it, followed by
// the articles the comparison has not seen yet (the story grew since it was
// made), in order of publication, undated last.
func timeline(d news.StoryDetail, byID map[string]news.Article) []news.TimelineEntry {
	out := append([]news.TimelineEntry(nil), d.Timeline...)
	seen := map[string]bool{}
	for _, t := range d.Timeline {
		seen[t.Article] = true
	}
	var missing []news.Article
	for _, a := range d.Articles {
		if !seen[a.ID] {
			missing = append(missing, a)
		}
	}
	sort.SliceStable(missing, func(i, j int) bool {
		a, b := missing[i].Published, missing[j].Published
		if a.IsZero() || b.IsZero() {
			return !a.IsZero() && b.IsZero()
		}
		return a.Before(b)
	})
	for _, a := range missing {
		out = append(out, news.TimelineEntry{Published: news.ShowPublished(a.Published, a.DateOnly), Article: a.ID, Source: a.Source})
	}
	return out
}

// markFirstWhileComparing marks the first report of a story whose first
// comparison is being made (news.StoryDetail.Comparing), or failed with
// none stored, by the comparison's own rule over the articles' times
// (news.FirstReport), so that its page does not say meanwhile that no
// first report is known.
func markFirstWhileComparing(v *Story, d news.StoryDetail) {
	uncompared := d.Comparing || d.CompareFailed && len(d.Timeline) == 0
	if !uncompared || len(v.Articles) == 0 {
		return
	}
	arts := news.InTimelineOrder(d.Articles)
	if len(arts) > 0 && arts[0].ID == v.Articles[0].ID {
		v.Articles[0].First = news.FirstReport(arts)
	}
}

// articleLabels names a story's articles for sentences that relate two of
// them ("X rewrites Y"): by source, and where a source has several articles
// in the story also by publication time, or by id when that is not enough,
// so that two copies of one outlet are told apart.
func articleLabels(articles []news.Article, sourceOf func(id string) string) func(id string) string {
	bySource := map[string][]news.Article{}
	for _, a := range articles {
		name := sourceOf(a.ID)
		bySource[name] = append(bySource[name], a)
	}
	labels := map[string]string{}
	for source, arts := range bySource {
		if len(arts) == 1 {
			labels[arts[0].ID] = source
			continue
		}
		seen := map[string]int{}
		for _, a := range arts {
			labels[a.ID] = source + " (" + news.LabelTime(a) + ")"
			if a.Published.IsZero() {
				labels[a.ID] = source
			}
			seen[labels[a.ID]]++
		}
		for _, a := range arts {
			if seen[labels[a.ID]] > 1 {
				labels[a.ID] = source + " [" + a.ID + "]"
			}
		}
	}
	return func(id string) string {
		if l, ok := labels[id]; ok {
			return l
		}
		return id
	}
}

// sourceNames names each article's source as every list of the story
// shows it (facts, "Only in", quotes, the charts, show), so that a reader
// sees one source as one and two as two: the articles of one outlet (one
// key in outlet, aliases resolved) share one name, the spelling most of
// them give (the first given on a tie, spaces collapsed), however each
// spells it ("Harbor Times", "harbor  TIMES"); an article of no outlet is
// named as every page names it (news.NamelessLabels: by
// news.Article.SourceLabel, two with one label told apart by time, else
// by id).
func sourceNames(articles []news.Article, outlet map[string]string) map[string]string {
	spelling := outletSpellings(articles, outlet)
	names := make(map[string]string, len(articles))
	var nameless []news.Article
	for _, a := range articles {
		if key := outlet[a.ID]; key != "" {
			names[a.ID] = spelling[key]
		} else {
			nameless = append(nameless, a)
		}
	}
	for id, label := range news.NamelessLabels(nameless) {
		names[id] = label
	}
	return names
}

// outletSpellings is the name each outlet key in outlet is shown under in
// a story: the spelling (news.Article.SourceLabel, spaces collapsed) most
// of its articles give, the first given on a tie.
func outletSpellings(articles []news.Article, outlet map[string]string) map[string]string {
	count := map[string]map[string]int{}
	best := map[string]string{}
	for _, a := range articles {
		key := outlet[a.ID]
		if key == "" {
			continue
		}
		name := strings.Join(strings.Fields(a.SourceLabel()), " ")
		if count[key] == nil {
			count[key] = map[string]int{}
		}
		count[key][name]++
		if count[key][name] > count[key][best[key]] {
			best[key] = name
		}
	}
	return best
}

// UniqueShownSources is how many lists of a source's own claims the story
// page shows before folding the rest (story.html, through UniqueShown):
// four outlets' claims read in a screen or two.
const UniqueShownSources = 4

// UniqueShown is UniqueShownSources, for the story page's template, so
// that the page folds where UniqueFoldSays counts from.
func (Story) UniqueShown() int { return UniqueShownSources }

// UniqueFoldSays is the summary of the story page's fold of sources' own
// claims, counted as its words say: a list is an article's, not an
// outlet's (markSeveral), so the fold can hold several articles of one
// outlet, or another article of an outlet shown above. "What 5 more
// sources add" when it holds one list of each of five outlets not shown
// above; else "What 9 more articles add, from 5 more sources and 4 shown
// above" ("from 1 source shown above" when none is new). An article of
// no known outlet is a source of its own (foldOutlet). "" when nothing is
// folded.
func (v Story) UniqueFoldSays() string {
	if len(v.Unique) <= UniqueShownSources {
		return ""
	}
	shown, folded := v.Unique[:UniqueShownSources], v.Unique[UniqueShownSources:]
	above := map[string]bool{}
	for _, u := range shown {
		above[foldOutlet(u)] = true
	}
	newOutlets, aboveOutlets := map[string]bool{}, map[string]bool{}
	for _, u := range folded {
		if o := foldOutlet(u); above[o] {
			aboveOutlets[o] = true
		} else {
			newOutlets[o] = true
		}
	}
	if len(aboveOutlets) == 0 && len(newOutlets) == len(folded) {
		return fmt.Sprintf("What %d more source%s %s", len(folded), plural(len(folded)), adds(len(folded)))
	}
	var from []string
	if n := len(newOutlets); n > 0 {
		from = append(from, fmt.Sprintf("%d more source%s", n, plural(n)))
	}
	if m := len(aboveOutlets); m > 0 && len(from) > 0 {
		from = append(from, fmt.Sprintf("%d shown above", m))
	} else if m > 0 {
		from = append(from, fmt.Sprintf("%d source%s shown above", m, plural(m)))
	}
	return fmt.Sprintf("What %d more article%s %s, from %s", len(folded), plural(len(folded)), adds(len(folded)), strings.Join(from, " and "))
}

// foldOutlet is the outlet a list of own claims counts as in the fold's
// words: its source, or for an article of no known outlet the article
// itself, as compare takes articles without a source to come from
// different outlets (sameOutlet): two such lists are two sources, not one
// "(unknown outlet)".
func foldOutlet(u Unique) string {
	switch {
	case u.outlet != "":
		return u.outlet
	case u.Source == news.UnknownOutlet: // a list made without its outlet's key
		return "\x00" + u.ArticleID
	}
	return u.Source
}

// outletOrArticle is an article's outlet key, or for an article of no
// known outlet a key of its own ("\x00" and its id: no outlet's key
// begins with NUL), as news.OutletCount counts it.
func outletOrArticle(key, id string) string {
	if key == "" {
		return "\x00" + id
	}
	return key
}

// reportedBy lists each fact that several reports of one outlet alone
// state (news.Comparison.OutletFacts) under the first of those reports
// (facts list their articles in timeline order), with the reports
// counted: "in 2 reports of Wire" (name names an article's outlet).
func reportedBy(facts []news.Fact, name func(id string) string) map[string][]Statement {
	out := map[string][]Statement{}
	for _, f := range facts {
		if len(f.Articles) == 0 {
			continue
		}
		first := f.Articles[0]
		out[first] = append(out[first], Statement{Text: f.Text, Sources: news.ReportsOf(len(f.Articles), name(first))})
	}
	return out
}

// adds is the verb "add" agreeing with a count of its subjects.
func adds(n int) string {
	if n == 1 {
		return "adds"
	}
	return "add"
}

// markSeveral marks the lists of an outlet that has more than one in the
// story, so that a page names the article of each (its title, else its
// time). duc2003's stories hold up to six articles of one wire; session
// 33's page of one of them headed three lists "Only in" one outlet alike.
func markSeveral(us []Unique) {
	count := map[string]int{}
	for _, u := range us {
		count[foldOutlet(u)]++
	}
	for i := range us {
		us[i].Several = count[foldOutlet(us[i])] > 1
	}
}
