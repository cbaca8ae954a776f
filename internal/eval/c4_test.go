package eval

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

func TestC4FilterKeepsSentenceLinesAndDropsChrome(t *testing.T) {
	dump := "Home | World | Sport\n" +
		"The council voted on Tuesday to reopen the harbour bridge.\n" +
		"Too short to keep.\n" +
		"  A line of prose that runs on without any final stop\n" +
		"\"We waited three years for this,\" said the ferry captain.\n" +
		"This site uses cookies to improve your experience today.\n" +
		"Please enable JavaScript in your browser to read on.\n" +
		"Copyright 2026 The Courier. All rights reserved.\n" +
		"Les élus ont voté la réouverture du pont mardi soir sans débat\n" +
		"Les habitants ont salué « une victoire pour tout le port »\n"
	want := "The council voted on Tuesday to reopen the harbour bridge.\n" +
		"\"We waited three years for this,\" said the ferry captain.\n" +
		"Les habitants ont salué « une victoire pour tout le port »"
	if got := C4Filter(dump); got != want {
		t.Errorf("C4Filter kept\n%s\nwant\n%s", got, want)
	}
}

func TestScoreTextBaselineScoresEachDumpAgainstItsGold(t *testing.T) {
	gold := "The council voted on Tuesday to reopen the harbour bridge after three years of repairs."
	pages := []LabelledPage{
		{Set: "a", PageType: "article", Gold: gold, Page: news.Page{ID: "1", Body: []byte("Menu | News\n" + gold + "\n")}},
		{Set: "a", PageType: "listing", Gold: gold, Page: news.Page{ID: "2", Body: []byte("Menu | News\nNo sentence here at all\n")}},
	}
	fs := ScoreTextBaseline("c4", pages, C4Filter)
	if fs.Pages != 2 || len(fs.Results) != 2 {
		t.Fatalf("scored %d pages (%d results), want 2", fs.Pages, len(fs.Results))
	}
	if fs.Results[0].F1 != 1 || fs.Results[1].F1 != 0 {
		t.Errorf("F1s %.2f and %.2f, want 1 (the gold line kept alone) and 0 (nothing kept)", fs.Results[0].F1, fs.Results[1].F1)
	}
	if len(fs.Types["article"]) != 1 || len(fs.Types["listing"]) != 1 {
		t.Errorf("page types %v, want one article and one listing", fs.Types)
	}
}
