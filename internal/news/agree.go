package news

import (
	"fmt"
	"slices"

	"github.com/storyline-news/storyline/internal/text"
)

// OutletCount is how many outlets the articles ids come from, by outletOf
// (article id -> the key its outlet is filed under: ArticleOutletKeys): an
// article with no key (no outlet named, no address) counts as an outlet of
// its own, as no page says it shares one with another; so does an id
// outletOf does not know.
func OutletCount(ids []string, outletOf map[string]string) int {
	seen := map[string]bool{}
	for _, id := range ids {
		key := outletOf[id]
		if key == "" {
			key = "\x00" + id // no outlet's key begins with NUL
		}
		seen[key] = true
	}
	return len(seen)
}

// SeparateOutletFacts is c with each fact that articles of one outlet alone
// state (OutletCount 1: an update and its first version, a wire story run
// twice) moved from Facts to OutletFacts, and Facts ordered by how many
// outlets state each, most first (ties in their order): "the sources
// agree" only where two outlets do. It takes the facts of both lists, so
// that a comparison separated before by other outlets (an alias set or
// removed since) is separated again by outletOf. The lists are new slices:
// c's are not changed, as a comparison made in memory is shared by readers.
func SeparateOutletFacts(c Comparison, outletOf map[string]string) Comparison {
	all := append(slices.Clone(c.Facts), c.OutletFacts...)
	c.Facts, c.OutletFacts = []Fact{}, nil
	for _, f := range all {
		if OutletCount(f.Articles, outletOf) < 2 {
			c.OutletFacts = append(c.OutletFacts, f)
		} else {
			c.Facts = append(c.Facts, f)
		}
	}
	slices.SortStableFunc(c.Facts, func(a, b Fact) int {
		return OutletCount(b.Articles, outletOf) - OutletCount(a.Articles, outletOf)
	})
	return c
}

// ArticleOutletMap is ArticleOutletKeys by article id.
func ArticleOutletMap(articles []Article) map[string]string {
	keys := ArticleOutletKeys(articles)
	out := make(map[string]string, len(articles))
	for i, a := range articles {
		out[a.ID] = keys[i]
	}
	return out
}

// SourceLabel names the source of an article where a story lists what its
// sources say: its outlet (ShownOutlet: the name an alias files it under,
// its source, else its address's host), and for a page that gives neither
// its title in quotation marks (“Quake shakes coast”), else the start of
// its text (LeadTitle), else its id, so that two nameless articles are two
// sources a reader can tell apart, never one "(unknown outlet)". A title
// wider than labelTitleWidth columns is cut at a word with an ellipsis;
// it is a label (text.Label): its control characters and bidirectional
// controls are dropped, as a cut could leave one open and turn around what
// the page shows after it.
func (a Article) SourceLabel() string {
	if name := a.ShownOutlet(); name != UnknownOutlet {
		return name
	}
	title := text.Label(a.Title)
	if title == "" {
		title = LeadTitle(a)
	}
	if title == "" {
		return fmt.Sprintf("[%s]", a.ID)
	}
	return "“" + text.CutAtWordToWidth(title, labelTitleWidth) + "”"
}

// NamedByTitle reports whether SourceLabel names an article of no outlet
// by its title; else by the start of its text (LeadTitle), which a reader
// of many such articles (the sources' list) then reads for it alone.
func (a Article) NamedByTitle() bool { return text.Label(a.Title) != "" }

// labelTitleWidth bounds a title that names a source (SourceLabel), in
// columns (text.Width: a Han or kana character counts two, as a font
// draws it, so that a Chinese headline is cut to as wide a label as a
// Latin one): the label is repeated beside every fact and quote the
// article gives, so it keeps a headline's first six or seven words,
// enough to tell the articles of a story apart; at 60 (a whole headline)
// an ECB+ dev story of eight nameless articles listed about 400
// characters of labels under one fact (session 39's page, read in
// Chromium).
const labelTitleWidth = 40

// ReportsOf says that one outlet states something in n of its reports:
// "in 2 reports of Wire".
func ReportsOf(n int, outlet string) string {
	return fmt.Sprintf("in %d reports of %s", n, outlet)
}

// NamelessLabels names a story's articles of no outlet (those given) as
// every page names them: by SourceLabel, and two with one label (one
// headline) told apart by publication time ("“Headline…” (10 Nov
// 14:00)", a date alone by its day: "(10 Nov)"), else by id ("“Headline…” [a7]"), so that they read as two
// sources, not one; by article id.
func NamelessLabels(arts []Article) map[string]string {
	if len(arts) == 1 { // no other to tell it from: most stories of a store of nameless articles
		return map[string]string{arts[0].ID: arts[0].SourceLabel()}
	}
	byLabel := map[string][]Article{}
	for _, a := range arts {
		label := a.SourceLabel()
		byLabel[label] = append(byLabel[label], a)
	}
	labels := make(map[string]string, len(arts))
	for label, same := range byLabel {
		if len(same) == 1 {
			labels[same[0].ID] = label
			continue
		}
		seen := map[string]int{}
		for _, a := range same {
			labels[a.ID] = label
			if !a.Published.IsZero() {
				labels[a.ID] = label + " (" + LabelTime(a) + ")"
			}
			seen[labels[a.ID]]++
		}
		for _, a := range same {
			if seen[labels[a.ID]] > 1 {
				labels[a.ID] = label + " [" + a.ID + "]"
			}
		}
	}
	return labels
}

// LabelTime is the publication time that tells two articles of one label
// apart (two nameless articles of one headline, two reports of one
// outlet in the story page's "X rewrites Y"): day and clock ("10 Nov 14:00"), or the day alone
// ("10 Nov") for a date alone (DateOnly), whose midnight is no clock the
// source gave.
func LabelTime(a Article) string {
	if a.DateOnly {
		return a.Published.UTC().Format("2 Jan")
	}
	return a.Published.UTC().Format("2 Jan 15:04")
}
