package news

import "testing"

func TestOutletKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"NYT", "nyt"}, {"nyt", "nyt"}, {"N.Y.T.", "nyt"}, {" nyt ", "nyt"},
		{"The Guardian", "guardian"}, {"guardian", "guardian"}, {"the guardian", "guardian"},
		{"www.bbc.co.uk", "bbccouk"}, {"BBC.co.uk", "bbccouk"}, {"BBC", "bbc"},
		{"The", "the"}, {"", ""}, {"—", "—"}, {"Le Monde", "lemonde"}, {"Süddeutsche Zeitung", "süddeutschezeitung"},
		{"Theguardian", "theguardian"},
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
