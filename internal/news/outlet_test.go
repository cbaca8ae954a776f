package news

import "testing"

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
		{"harbourgazette.com.", "harbourgazette"},
		{"insider.harbourgazette.com", "insiderharbourgazette"},
		{"hg", "hg"},
		{"Harbour Sports", "harboursports"},
		{"The Times", "times"}, {"The New York Times", "newyorktimes"},
		{"Fox News", "foxnews"}, {"Fox Sports", "foxsports"}, {"foxsports.com", "foxsports"},
		{"(Online News)", "onlinenews"}, {"Radio (1) Hits", "radio1hits"}, {"A (b) (c)", "ab"},
		{"N.Y.T.", "nyt"}, {"6.0", "60"}, {"news.example", "newsexample"},
		{"my-paper.blogspot.com", "mypaper"},
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
