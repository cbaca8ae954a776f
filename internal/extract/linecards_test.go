package extract

import (
	"math"
	"strings"
	"testing"
)

// cardArticleDump is an invented guide to mountain huts: a menu, an
// introduction, three cards (a hut's name over a paragraph and two short
// facts), then the site's footer links, short lines of one shape with no
// prose between them.
var cardArticleDump = []string{
	"Three huts for a winter night - Ridge Notes",
	"Home", "Routes", "Gear", "Contact",
	"Walkers who cross the high ridge in winter can sleep in three huts, and each of them is a short climb from the valley road.",
	"Eagle Col Hut",
	"The highest of the three sits on a windy saddle and has twelve bunks, a wood stove and a view over both valleys at dawn.",
	"Beds: 12 bunks",
	"Water: snow melt",
	"Pine Hollow Hut",
	"Hidden among old trees below the pass, this small cabin stays warm in a storm and is the easiest to reach after dark.",
	"Beds: 6 bunks",
	"Water: a spring",
	"Lake Shelf Hut",
	"Built on a rock shelf above a frozen lake, the newest hut has solar lights and a small room kept for drying wet boots.",
	"Beds: 20 bunks",
	"Water: the lake",
	"About us", "Advertise", "Privacy", "Jobs", "Careers",
}

// teaserListDump is an invented list of other stories: each teaser a
// headline, a one-sentence snippet and a date line.
var teaserListDump = []string{
	"More from the valley",
	"Bridge Repairs Begin",
	"Crews will close the old stone bridge for a month while they replace the railings and the worn paving along it.",
	"3 hours ago",
	"Market Moves Indoors",
	"The Saturday market will be held in the school hall until spring, the organisers said in a note to the stallholders.",
	"5 hours ago",
	"Library Opens Late",
	"From next week the town library will stay open until nine in the evening on every weekday except for the Fridays.",
	"8 hours ago",
}

// TestCardFeaturesCardArticle: the three names head the cards of one
// series; each line reads its place, its card's and series' prose shares,
// and whether the other cards hold prose at its place (the blurb: in all,
// the facts: in none). The menu, the introduction and the footer are in no
// series.
func TestCardFeaturesCardArticle(t *testing.T) {
	ls := dumpOf(cardArticleDump...)
	x := lineFeatures(ls, nil)
	at := lineFeatureAt(t, x)
	want := func(i int, name string, w float64) {
		t.Helper()
		if got := at(i, name); math.Abs(got-w) > 1e-9 {
			t.Errorf("line %d %q: %s %v, want %v", i, cardArticleDump[i], name, got, w)
		}
	}
	for _, h := range []int{6, 10, 14} {
		want(h, "card_place", cardPlaceHeading)
		want(h+1, "card_place", cardPlaceFirst)
		want(h+2, "card_place", cardPlaceLater)
		want(h+3, "card_offset", math.Log1p(3))
		want(h+1, "card_place_prose", 1) // the other two cards' blurbs are prose
		want(h+2, "card_place_prose", 0) // their facts are not
		want(h, "card_place_prose", 0)
		want(h+2, "card_cards", math.Log1p(3))
		want(h+2, "card_mean_lines", math.Log1p(4))
		want(h+2, "card_prose", 0.25)
		want(h+2, "card_series_prose", 0.25)
	}
	// The cards hold three of the dump's four paragraphs, of about one length.
	if got := at(8, "card_dump_prose"); got < 0.7 || got > 0.8 {
		t.Errorf("card_dump_prose %v, want about three quarters", got)
	}
	for _, i := range []int{0, 1, 2, 3, 4, 5, 18, 19, 20, 21, 22} { // title, menu, introduction, footer
		want(i, "card_place", cardPlaceNone)
		want(i, "card_cards", 0)
		want(i, "card_place_prose", -1)
		want(i, "card_offset", -1)
	}
}

// TestCardFeaturesMenu: a menu of short lines, however many of one shape,
// makes no series: no prose lies between them.
func TestCardFeaturesMenu(t *testing.T) {
	menu := []string{"World", "Politics", "Business", "Science", "Sport", "Culture", "Travel", "Weather", "Opinion"}
	at := lineFeatureAt(t, lineFeatures(dumpOf(menu...), nil))
	for i := range menu {
		if got := at(i, "card_place"); got != cardPlaceNone {
			t.Errorf("menu line %d %q: card_place %v, want none", i, menu[i], got)
		}
	}
}

// TestCardFeaturesTeaserList: a teaser list is a series too (its headlines
// over a snippet), read apart from an article's cards by what the trees
// may weigh: short cards (3 lines), a third of their lines prose, and a
// date line under the snippet whose place is prose in no other card.
func TestCardFeaturesTeaserList(t *testing.T) {
	x := lineFeatures(dumpOf(teaserListDump...), nil)
	at := lineFeatureAt(t, x)
	for _, h := range []int{1, 4, 7} {
		if at(h, "card_place") != cardPlaceHeading || at(h+1, "card_place") != cardPlaceFirst {
			t.Errorf("teaser %d: places %v %v, want heading and first", h, at(h, "card_place"), at(h+1, "card_place"))
		}
		if got := at(h+2, "card_place_prose"); got != 0 {
			t.Errorf("teaser %d's date: card_place_prose %v, want 0", h, got)
		}
		if got := at(h+1, "card_place_prose"); got != 1 {
			t.Errorf("teaser %d's snippet: card_place_prose %v, want 1", h, got)
		}
		if got := at(h, "card_mean_lines"); math.Abs(got-math.Log1p(3)) > 1e-9 {
			t.Errorf("teaser %d: card_mean_lines %v, want log1p(3)", h, got)
		}
		if got := at(h, "card_prose"); math.Abs(got-1.0/3) > 1e-9 {
			t.Errorf("teaser %d: card_prose %v, want a third", h, got)
		}
	}
	if got := at(0, "card_place"); got != cardPlaceNone {
		t.Errorf("the list's title: card_place %v, want none", got)
	}
}

// FuzzCardFeatures: on any dump the card features are finite and in their
// ranges (places 0-3, shares 0-1, card_place_prose -1 or a share), and a
// line in no series reads as one.
func FuzzCardFeatures(f *testing.F) {
	f.Add([]byte(strings.Join(cardArticleDump, "\n")))
	f.Add([]byte(strings.Join(teaserListDump, "\n")))
	f.Add([]byte("A\n\nA\nThe first line is a sentence of prose with enough words.\nA\nB: c\nA\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		ls, _ := dumpLines(body, nil)
		at := lineFeatureAt(t, lineFeatures(ls, nil))
		for i := range ls {
			place := at(i, "card_place")
			if place < cardPlaceNone || place > cardPlaceLater || place != math.Trunc(place) {
				t.Fatalf("line %d: card_place %v", i, place)
			}
			for _, name := range []string{"card_series_prose", "card_prose", "card_dump_prose"} {
				if v := at(i, name); !(v >= 0 && v <= 1) {
					t.Fatalf("line %d: %s %v, want a share", i, name, v)
				}
			}
			if v := at(i, "card_place_prose"); !(v == -1 || v >= 0 && v <= 1) {
				t.Fatalf("line %d: card_place_prose %v", i, v)
			}
			if place == cardPlaceNone && (at(i, "card_cards") != 0 || at(i, "card_offset") != -1) {
				t.Fatalf("line %d in no series: card_cards %v, card_offset %v", i, at(i, "card_cards"), at(i, "card_offset"))
			}
		}
	})
}
