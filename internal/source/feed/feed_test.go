package feed

import (
	"time"

	"fmt"
	"strings"
	"testing"
	"unicode"
)

const threeItems = `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Ledger</title>
<item><title>One</title><link>https://ledger.example/1</link><dc:date>2026-11-16T09:00:00Z</dc:date></item>
<item><title>Two</title><link>https://ledger.example/2</link><pubDate>Mon, 16 Nov 2026 10:00:00 GMT</pubDate></item>
<item><title>Three</title><link>https://ledger.example/3</link></item>
</channel></rss>`

const threeEntries = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>
<entry><title>One</title><link href="https://ledger.example/1"/><updated>2026-11-16T09:00:00Z</updated></entry>
<entry><title>Two</title><link href="https://ledger.example/2"/><updated>2026-11-16T10:00:00Z</updated></entry>
<entry><title>Three</title><link href="https://ledger.example/3"/></entry>
</feed>`

// TestBrokenFeedKeepsItsCompleteItems cuts a feed at every byte: whatever
// the cut, every item closed before it is read (issue 18: a broken feed
// salvaged none of its complete items).
func TestBrokenFeedKeepsItsCompleteItems(t *testing.T) {
	for _, c := range []struct{ name, doc, closing string }{{"rss", threeItems, "</item>"}, {"atom", threeEntries, "</entry>"}} {
		full, err := Parse([]byte(c.doc))
		if err != nil || len(full.Items) != 3 || full.Damage != nil {
			t.Fatalf("%s: the whole feed: %+v %v", c.name, full, err)
		}
		for cut := strings.Index(c.doc, c.closing) + len(c.closing); cut < strings.LastIndex(c.doc, c.closing)+len(c.closing); cut++ {
			want := strings.Count(c.doc[:cut], c.closing)
			got, err := Parse([]byte(c.doc[:cut]))
			if err != nil || len(got.Items) != want {
				t.Fatalf("%s cut at byte %d: %d items (err %v), want the %d complete ones", c.name, cut, len(got.Items), err, want)
			}
			for i, it := range got.Items {
				if it != full.Items[i] {
					t.Fatalf("%s cut at byte %d: item %d = %+v, want %+v", c.name, cut, i, it, full.Items[i])
				}
			}
			if got.Damage == nil {
				t.Fatalf("%s cut at byte %d: the damage is not reported", c.name, cut)
			}
		}
	}
	// a malformed item in the middle loses that item only
	bad := strings.Replace(threeItems, "<title>Two</title>", "<title>Two & Co</title><b>", 1)
	got, err := Parse([]byte(bad))
	if err != nil || len(got.Items) != 2 || got.Items[1].Link != "https://ledger.example/3" {
		t.Errorf("a malformed item: %+v %v, want items 1 and 3", got, err)
	}
	if _, err := Parse([]byte("<rss><channel><item><link>https://x.example/")); err == nil || !strings.Contains(err.Error(), "not a valid feed") {
		t.Errorf("nothing complete: %v, want an error", err)
	}
}

// FuzzParse: no panic; every item has a link without surrounding space and
// a title without control characters; a document read in full reports no
// damage, and a damaged one keeps at least one item.
func FuzzParse(f *testing.F) {
	f.Add([]byte(threeItems))
	f.Add([]byte(threeEntries))
	f.Add([]byte(threeItems[:300]))
	f.Add([]byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>https://x.example/a</link></item></rdf:RDF>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"L","items":[{"id":"1","url":"https://x.example/1","title":"a\u0007b"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := Parse(body)
		if err != nil {
			return
		}
		if got.Damage != nil && len(got.Items) == 0 {
			t.Fatal("damaged feed reported with no item kept")
		}
		for _, it := range got.Items {
			if it.Link == "" || strings.TrimSpace(it.Link) != it.Link {
				t.Fatalf("item link %q", it.Link)
			}
			if strings.ContainsFunc(it.Title+got.Title, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) {
				t.Fatalf("control character in title %q / %q", it.Title, got.Title)
			}
		}
	})
}

// FuzzParseOPML: no panic; a list that parses names at least one feed and no
// empty URL; Kind never panics on any body.
func FuzzParseOPML(f *testing.F) {
	f.Add([]byte(`<opml version="2.0"><body><outline text="News"><outline xmlUrl="https://a.example/rss"/></outline><outline xmlUrl="https://b.example/atom"/></body></opml>`))
	f.Add([]byte(`<opml><body><outline xmlUrl="self.opml"><outline><outline xmlUrl="x"/></outline></outline></body></opml>`))
	f.Add([]byte(fmt.Sprintf("<opml><body>%s</body></opml>", strings.Repeat("<outline>", 50))))
	f.Fuzz(func(t *testing.T, body []byte) {
		Kind("", body)
		urls, err := ParseOPML(body)
		if err != nil {
			return
		}
		if len(urls) == 0 {
			t.Fatal("an OPML list of no feed without an error")
		}
		for _, u := range urls {
			if u == "" {
				t.Fatal("empty feed URL")
			}
		}
	})
}

// TestItemDateKeepsItsPrecision: an item dated YYYY-MM-DD alone is a date
// alone (its midnight UTC); one with a time of day at -05:00 that falls
// on midnight UTC is that time, not moved.
func TestItemDateKeepsItsPrecision(t *testing.T) {
	doc := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>
<entry><title>One</title><link href="https://ledger.example/one"/><updated>2026-02-11</updated></entry>
<entry><title>Two</title><link href="https://ledger.example/two"/><updated>2026-02-10T19:00:00-05:00</updated></entry>
</feed>`
	f, err := Parse([]byte(doc))
	if err != nil || len(f.Items) != 2 {
		t.Fatalf("Parse = %+v, %v", f, err)
	}
	midnight := time.Date(2026, 2, 11, 0, 0, 0, 0, time.UTC)
	if it := f.Items[0]; !it.DateOnly || !it.Published.Equal(midnight) {
		t.Errorf("item one: %v, date alone %v; want the date alone", it.Published, it.DateOnly)
	}
	if it := f.Items[1]; it.DateOnly || !it.Published.Equal(midnight) {
		t.Errorf("item two: %v, date alone %v; want midnight UTC as a time", it.Published, it.DateOnly)
	}
}

// One site's feeds are checked one at a time whatever the scheme, "www."
// or a port written out: politeness is owed to the site a reader names
// (cornmarsh.example), not to each of its origins. A port that is not the
// scheme's own is another server.
func TestHostKeyNamesTheSite(t *testing.T) {
	same := []string{
		"https://cornmarsh.example/feeds/all.xml",
		"http://cornmarsh.example/feeds/town.xml",
		"http://www.cornmarsh.example/rss",
		"HTTPS://WWW.Cornmarsh.Example:443/atom",
		"http://cornmarsh.example.:80/rss",
	}
	for _, u := range same[1:] {
		if hostKey(u) != hostKey(same[0]) {
			t.Errorf("hostKey(%q) = %q, hostKey(%q) = %q: want one site", u, hostKey(u), same[0], hostKey(same[0]))
		}
	}
	apart := []string{"https://cornmarsh.example:8443/rss", "http://news.cornmarsh.example/rss", "https://wwwcornmarsh.example/rss", "http://127.0.0.1:8080/rss"}
	for _, u := range apart {
		if hostKey(u) == hostKey(same[0]) {
			t.Errorf("hostKey(%q) = %q: want another site than %q", u, hostKey(u), same[0])
		}
	}
	if hostKey("http://127.0.0.1:8080/a") == hostKey("http://127.0.0.1:8081/a") {
		t.Error("two servers on one machine's ports are one site")
	}
}

// TestAnRSSDateWithoutAClockIsADateAlone: an RSS pubDate cut to its day
// ("Fri, 13 Mar 2026", "13 Mar 2026") is a date alone, as a bare
// YYYY-MM-DD is, and not a time at midnight UTC (which would put the item
// before every other outlet's report of that day); a pubDate that writes
// its midnight clock out is a time.
func TestAnRSSDateWithoutAClockIsADateAlone(t *testing.T) {
	midnight := time.Date(2026, 3, 13, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		pubDate  string
		dateOnly bool
	}{{"Fri, 13 Mar 2026", true}, {"13 Mar 2026", true}, {"2026-03-13", true}, {"Fri, 13 Mar 2026 00:00:00 GMT", false}, {"Fri, 13 Mar 2026 00:00:00 +0000", false}} {
		doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>Tide Tables</title><item><title>Pier reopens</title><link>https://tidetables.example/pier</link><pubDate>` + c.pubDate + `</pubDate></item></channel></rss>`
		f, err := Parse([]byte(doc))
		if err != nil || len(f.Items) != 1 {
			t.Fatalf("Parse(%q) = %+v, %v", c.pubDate, f, err)
		}
		if it := f.Items[0]; it.DateOnly != c.dateOnly || !it.Published.Equal(midnight) {
			t.Errorf("pubDate %q: %v, date alone %v; want %v, date alone %v", c.pubDate, it.Published, it.DateOnly, midnight, c.dateOnly)
		}
	}
}

// TestHostKeyNamesTheSiteHoweverSpelt: a host written in Unicode and in
// its ASCII (punycode) form, an IPv6 address written long and short or in
// capitals, and an address with user info are each one site.
func TestHostKeyNamesTheSiteHoweverSpelt(t *testing.T) {
	for _, pair := range [][2]string{
		{"https://lenmöuth.example/rss", "http://www.xn--lenmuth-d1a.example/atom"},
		{"https://LENMÖUTH.example/rss", "https://lenmöuth.example:443/feed"},
		{"http://[2001:DB8::7]:8080/rss", "http://[2001:db8:0:0::7]:8080/atom"},
		{"http://[2001:db8::7]/rss", "http://[2001:db8::7]:80/atom"},
		{"https://reader:s3cret@orrow.example/rss", "https://orrow.example/atom"},
	} {
		if a, b := hostKey(pair[0]), hostKey(pair[1]); a != b {
			t.Errorf("hostKey(%q) = %q, hostKey(%q) = %q: want one site", pair[0], a, pair[1], b)
		}
	}
	for _, pair := range [][2]string{
		{"http://[2001:db8::7]:8080/rss", "http://[2001:db8::8]:8080/rss"},
		{"https://www2.orrow.example/rss", "https://orrow.example/rss"},
	} {
		if a := hostKey(pair[0]); a == hostKey(pair[1]) {
			t.Errorf("hostKey(%q) = hostKey(%q) = %q: want two sites", pair[0], pair[1], a)
		}
	}
	if k := hostKey("https://reader:s3cret@orrow.example/rss"); strings.Contains(k, "s3cret") {
		t.Errorf("hostKey keeps the user info: %q", k)
	}
}
