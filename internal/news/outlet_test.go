package news

import (
	"reflect"
	"testing"
)

func TestOutletKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"NYT", "nyt"}, {"nyt", "nyt"}, {"N.Y.T.", "nyt"}, {" nyt ", "nyt"},
		{"The Guardian", "guardian"}, {"guardian", "guardian"}, {"the guardian", "guardian"},
		{"www.bbc.co.uk", "bbc"}, {"BBC.co.uk", "bbc"}, {"BBC", "bbc"}, {"BBC News", "bbcnews"},
		{"The", "the"}, {"", ""}, {"—", "—"}, {"Le Monde", "lemonde"}, {"Süddeutsche Zeitung", "süddeutschezeitung"},
		{"Theguardian", "theguardian"},
	} {
		if got := OutletKey(c.in); got != c.want {
			t.Errorf("OutletKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestOutletKeyJoinsTheNamesOfOneOutlet: an invented outlet under the names
// story files and pages give it (a parenthesised qualifier, its domain with
// or without "www.") is one key; its subdomain, its short code and outlets
// whose names differ in a word are others.
func TestOutletKeyJoinsTheNamesOfOneOutlet(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Harbour Gazette", "harbourgazette"},
		{"Harbour Gazette (Online News)", "harbourgazette"},
		{"The Harbour Gazette (Opinion)", "harbourgazette"},
		{"harbourgazette.com", "harbourgazette"},
		{"www.HarbourGazette.co.uk", "harbourgazette"},
		{"harbourgazette.com.", "harbourgazette"}, {"www.Harbour Gazette", "harbourgazette"},
		{"insider.harbourgazette.com", "insiderharbourgazette"},
		{"hg", "hg"},
		{"Harbour Sports", "harboursports"},
		{"The Times", "times"}, {"The New York Times", "newyorktimes"},
		{"Fox News", "foxnews"}, {"Fox Sports", "foxsports"}, {"foxsports.com", "foxsports"},
		{"(Online News)", "onlinenews"}, {"Radio (1) Hits", "radio1hits"}, {"A (b) (c)", "a"}, {"Harbour Gazette (Opinion) (Blog)", "harbourgazette"}, {"(Blog) (Opinion)", "blog"},
		{"N.Y.T.", "nyt"}, {"6.0", "60"}, {"news.example", "newsexample"},
		{"my-paper.blogspot.com", "mypaper"},
		// A domain that is a generic word alone keeps its suffix: the
		// word names no outlet, and a page whose site name is "News" is
		// not that domain's outlet.
		{"News", "news"}, {"www.news.co.uk", "newscouk"}, {"News.co.uk", "newscouk"}, {"online.de", "onlinede"},
		{"news.harbourgazette.com", "newsharbourgazette"},
	} {
		if got := OutletKey(c.in); got != c.want {
			t.Errorf("OutletKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOutletName(t *testing.T) {
	for _, c := range []struct{ source, url, want string }{
		{"Reuters", "https://www.reuters.com/x", "Reuters"},
		{"", "https://www.Reuters.com/x", "reuters.com"},
		{"", "", UnknownOutlet},
		{"  ", "not a url", UnknownOutlet},
	} {
		if got := OutletName(c.source, c.url); got != c.want {
			t.Errorf("OutletName(%q, %q) = %q, want %q", c.source, c.url, got, c.want)
		}
	}
}

// TestCloseOutletsNameTheNearOnes: a filter that finds no outlet is told the
// near ones (a shared word, a key held in the other, a typo), closest
// first, and never an unrelated outlet.
func TestCloseOutletsNameTheNearOnes(t *testing.T) {
	stored := []SourceCount{
		{Source: "Harbour Gazette (Online News)", Key: "harbourgazette", Articles: 7},
		{Source: "hg", Key: "hg", Articles: 9},
		{Source: "harbour", Key: "harbour", Articles: 2},
		{Source: "insider.harbourgazette.com", Key: "insiderharbourgazette", Articles: 1},
		{Source: "Calder Courier", Key: "caldercourier", Articles: 30},
		{Source: "Kestra Daily News", Key: "kestradailynews", Articles: 4},
		{Source: "News", Key: "news", Articles: 50},
		{Source: "Ravna", Key: "ravna", Articles: 3},
	}
	for _, c := range []struct {
		name string
		want []string
	}{
		{"Harbour Sports", []string{"harbour", "Harbour Gazette (Online News)", "insider.harbourgazette.com"}},
		{"Harbor Gazette", []string{"Harbour Gazette (Online News)"}},
		{"gazette", []string{"Harbour Gazette (Online News)", "insider.harbourgazette.com"}},
		{"Calder Courrier", []string{"Calder Courier"}},
		{"Daily News", []string{"Kestra Daily News"}},
		{"Evening Post", nil},
		{"News", []string{"Kestra Daily News"}},
		{"Calder Assembly", []string{"Calder Courier"}},
		{"Kes Times", nil},
		// An outlet keyed by a generic word alone is not close to every
		// name that holds the word.
		{"Calder News", []string{"Calder Courier"}},
		// Two letters swapped are one edit.
		{"Rvana", []string{"Ravna"}},
		{"", nil},
	} {
		var got []string
		for _, o := range CloseOutlets(c.name, stored) {
			got = append(got, o.Source)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("CloseOutlets(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	if !HasOutlet("harbourgazette.com", stored) || HasOutlet("Harbour Sports", stored) {
		t.Error("HasOutlet: harbourgazette.com is stored (as Harbour Gazette), Harbour Sports is not")
	}
}

func TestArticleOutletKeysFileTheDomainUnderTheName(t *testing.T) {
	arts := []Article{
		{Source: "The Calder Courier"},
		{URL: "https://www.thecaldercourier.com/news/1"},
		{URL: "https://thebrennockherald.com/2"}, // no article is shown as "The Brennock Herald"
		{Source: "Brennock Herald"},
		{},
	}
	got := ArticleOutletKeys(arts)
	want := []string{"caldercourier", "caldercourier", "thebrennockherald", "brennockherald", ""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ArticleOutletKeys = %q, want %q", got, want)
	}
}

// TestLooksLikeHost: one test of a host name serves the outlet keys and the
// command line. It takes ASCII letters in either case (a typed argument may
// be upper case), wants a last label of two letters or more, and takes no
// other letter, not even the Kelvin sign that lower-cases to "k". The
// outlet keys, which lower-case a name first, file the same either way.
func TestLooksLikeHost(t *testing.T) {
	for s, want := range map[string]bool{
		"example.org": true, "www.harbour-news.co.uk": true, "HARBOUR-NEWS.EXAMPLE": true, "Quayside.Example": true,
		"notes.v": false, "n.y.t": false, "\u212Aestrel.example": false, "kestrel.\u212Aa": false,
		"..": false, "v1.2": false, "2024.11": false, "captures": false, "harbour.news.": false, "quay side.example": false,
	} {
		if got := LooksLikeHost(s); got != want {
			t.Errorf("LooksLikeHost(%q) = %v, want %v", s, got, want)
		}
	}
	for name, key := range map[string]string{"Quayside.Com": "quayside", "n.y.t": "nyt", "\u212Aestrel.com": "kestrel", "KESTREL.COM": "kestrel"} {
		if got := OutletKey(name); got != key {
			t.Errorf("OutletKey(%q) = %q, want %q", name, got, key)
		}
	}
}
