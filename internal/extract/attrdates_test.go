package extract

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// dateSourcesOf reads a page's date candidates and gives each as
// "source day" (source by dateSourceNames).
func dateSourcesOf(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range readMeta(doc).dateCandidates("") {
		out = append(out, dateSourceNames[c.src]+" "+dayKey(c.t))
	}
	return out
}

// The day behind an element that shows a relative time is read from its
// title or datetime as a candidate of its own source; a title beside a
// text that is not a relative time is not.
func TestRelativeTimeTitleIsADateCandidate(t *testing.T) {
	got := dateSourcesOf(t, `<h1>Harbour strike ends</h1>`+
		`<span class="post-when" title="Dec 18, 2025 9:40 am">Posted: 2 days ago</span>`+
		`<div title="2024-03-02"><span>vor 3 Stunden</span></div>`+
		`<span title="Jan 4, 2021 10:00">Read the report</span>`+
		`<abbr title="2019-05-05">3 years ago</abbr><p>Text.</p>`)
	for _, want := range []string{"rel_title 2025-12-18", "rel_title 2024-03-02", "time 2019-05-05"} {
		if !strings.Contains(strings.Join(got, ","), want) {
			t.Errorf("candidates %v lack %q", got, want)
		}
	}
	for _, c := range got {
		if strings.HasSuffix(c, "2021-01-04") || strings.HasPrefix(c, "rel_title 2019") {
			t.Errorf("candidate %q: a title beside no relative time, or an <abbr>'s title read twice", c)
		}
	}
}

// An ISO instant in an attribute outside <time> and <meta> that is not
// behind a relative time is no candidate beside the page's other dates
// (tried as one and not kept); an attribute named for the publication is
// a last resort only (TestPublicationAttributeDatesOnlyAnUndatedPage), and
// a title of any other element none.
func TestAttributeInstantsAloneAreNoDateCandidates(t *testing.T) {
	if got := dateSourcesOf(t, `<article data-published="2023-10-03T08:15:00+02:00"><h1>Harbour strike ends</h1>`+
		`<p class="date">June 3, 2020</p><span title="2022-01-05">Read more</span><p>Text.</p></article>`); !slices.Equal(got, []string{"text 2020-06-03"}) {
		t.Errorf("candidates %v; want the dated text's alone", got)
	}
	if got := dateSourcesOf(t, `<article><h1>Harbour strike ends</h1><span title="2022-01-05">Read more</span><p>Text.</p></article>`); len(got) != 0 {
		t.Errorf("candidates %v; want none", got)
	}
}

// The first creation or posting time in JSON an attribute ships (an app's
// state, its quotes escaped, even JSON inside JSON) is a candidate of its
// own source (dsAttrJSON); the replies' after it are not.
func TestAttributeJSONCreationTimesAreDateCandidates(t *testing.T) {
	got := strings.Join(dateSourcesOf(t, `<div id="state" data-state="{&quot;topic&quot;:&quot;{\&quot;created_at\&quot;:\&quot;2024-06-01T10:00:00Z\&quot;,\&quot;posts\&quot;:[{\&quot;createdAt\&quot;:\&quot;2024-06-02T11:00:00.000Z\&quot;}]}&quot;,&quot;updated_at&quot;:&quot;2024-07-09T00:00:00Z&quot;}"></div>`+
		`<h1>Thread title</h1><p>Text.</p>`), ",")
	if want := "attr_json 2024-06-01"; !strings.Contains(got, want) {
		t.Errorf("candidates %v lack %q", got, want)
	}
	if strings.Contains(got, "2024-07-09") || strings.Contains(got, "2024-06-02") {
		t.Errorf("candidates %v hold an update key's day or a reply's", got)
	}
}

// An attribute's JSON reads the same whether its quotes are written as
// `&quot;` (the HTML parser decodes them to quotes) or escaped twice,
// `&amp;quot;`, as some templates write JSON they escape once more: the
// attribute's value then holds the entity `&quot;` itself.
func TestAttributeJSONReadsEscapedQuotes(t *testing.T) {
	for _, attr := range []string{
		`{&quot;created_at&quot;:&quot;2024-06-01T10:00:00Z&quot;,&quot;title&quot;:&quot;A thread&quot;}`,
		`{&amp;quot;created_at&amp;quot;:&amp;quot;2024-06-01T10:00:00Z&amp;quot;,&amp;quot;title&amp;quot;:&amp;quot;A thread&amp;quot;}`,
	} {
		got := strings.Join(dateSourcesOf(t, `<div data-topic="`+attr+`"></div><h1>Thread title</h1><p>Text.</p>`), ",")
		if want := "attr_json 2024-06-01"; !strings.Contains(got, want) {
			t.Errorf("attribute %s: candidates %v lack %q", attr, got, want)
		}
	}
}

// An attribute named for the publication or creation, whose whole value
// is a day, dates a page that offers no other date, as a last resort;
// not an attribute of change, not a comment's, not one whose name only
// says date or time, and not where the page writes its date elsewhere.
func TestPublicationAttributeDatesOnlyAnUndatedPage(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"a body's data-pubdate", `<body data-pubdate="2019-03-12T10:15:00Z"><h1>Rates held</h1><p>The bank held rates.</p></body>`, "2019-03-12 10:15*"},
		{"a web component's created-timestamp", `<h1>Ask: which bike?</h1><post-card created-timestamp="2024-06-01T12:34:56.000000+0000" score="12"><p>Which bike should I buy?</p></post-card>`, "2024-06-01 12:34*"},
		{"the same day twice", `<article data-published-at="2023-05-04T10:00:00Z"><h1>A</h1></article><div data-published-at="2023-05-04T10:00:00Z">B</div>`, "2023-05-04 10:00*"},
		{"a list's items, each of its day", `<h1>News</h1><div class="card" data-published-at="2023-05-04">A</div><div class="card" data-published-at="2023-01-02">B</div>`, ""},
		{"another name of another day", `<article data-published-at="2023-05-04"><h1>A</h1></article><aside data-created="2023-01-02">B</aside>`, "2023-05-04 00:00*"},
		{"a Unix time in milliseconds", `<div class="post" data-publishtime="1552385700000"><h1>A</h1></div>`, "2019-03-12 10:15*"},
		{"a Unix time in seconds with a fraction", `<div data-published-at="1552385700.209262"><h1>A</h1></div>`, "2019-03-12 10:15*"},
		{"a day and hour is no Unix time", `<div data-pubdate-value="2019031210"><h1>A</h1></div>`, ""},
		{"an update's attribute", `<article data-updated-date="2023-05-04"><h1>A</h1></article>`, ""},
		{"a name that only says date", `<div data-date="2023-05-04" data-timestamp="2023-05-04T10:00:00Z"><h1>A</h1></div>`, ""},
		{"a comment's creation", `<h1>A</h1><ol class="comment-list"><li data-created="2023-05-04">Nice</li></ol>`, ""},
		{"a value that is no day", `<div data-pub-id="20230504"><h1>A</h1></div><div data-created="12">x</div>`, ""},
		{"after the reading", `<body data-pubdate="2024-12-24"><h1>A</h1></body>`, ""},
		{"the page's own date elsewhere", `<body data-pubdate="2019-03-12"><h1>A</h1><p class="date">June 3, 2020</p></body>`, "2020-06-03 00:00"},
	} {
		if got := strings.Join(lastResortDays(t, tc.page, probeRead), ";"); got != tc.want {
			t.Errorf("%s: candidates %q, want %q", tc.name, got, tc.want)
		}
	}
}

// pubAttrName reads the words of an attribute's name.
func TestPubAttrName(t *testing.T) {
	for key, want := range map[string]bool{
		"data-pubdate": true, "data-published": true, "data-publish-date": true, "pubdate": true, "created-timestamp": true,
		"data-created-at": true, "data-creation": true, "data-posted": true, "data-publication-date": true,
		"data-date": false, "data-timestamp": false, "data-updated-pubdate": false, "data-modified-created": false,
		"data-post-id": false, "data-created-by-edited": false, "title": false,
	} {
		if got := pubAttrName(key); got != want {
			t.Errorf("pubAttrName(%q) = %v, want %v", key, got, want)
		}
	}
}

// FuzzParsePubAttrValue: a publication attribute's value is read as a day
// of the plausible years or not at all, and a Unix time as that instant.
func FuzzParsePubAttrValue(f *testing.F) {
	for _, s := range []string{"2019-03-12T10:15:00Z", "1552385700000", "1552385700.209262", "2019031210", "9999999999999", "March 1, 2017", "0000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parsePubAttrValue(s)
		if !ok {
			return
		}
		if got.Before(plausibleFrom) || got.Year() > 2100 {
			t.Fatalf("parsePubAttrValue(%q) = %v, outside the plausible years", s, got)
		}
		if m := unixTime.FindStringSubmatch(s); m != nil {
			n, _ := strconv.ParseInt(m[1], 10, 64)
			if len(m[1]) == 10 && got.Unix() != n || len(m[1]) == 13 && got.UnixMilli() != n {
				t.Fatalf("parsePubAttrValue(%q) = %v, not the Unix time written", s, got)
			}
		}
	})
}
