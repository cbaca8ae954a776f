package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// readPage parses an invented page and reads its metadata.
func readPage(t *testing.T, page string) pageMeta {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return readMeta(doc)
}

// candidateValues are the values of a field's candidates.
func candidateValues(cands []MetaCandidate) []string {
	var out []string
	for _, c := range cands {
		out = append(out, c.Value)
	}
	return out
}

// hasDay reports whether a date candidate falls on the day (YYYY-MM-DD).
func hasDay(cands []MetaCandidate, day string) bool {
	for _, c := range cands {
		if c.Time.Format("2006-01-02") == day {
			return true
		}
	}
	return false
}

func TestMetaKeysOfRDFaListsAndDublinCore(t *testing.T) {
	pm := readPage(t, `<head>
<meta property="dc:title" content="Harbour strike ends after nine days">
<meta property="og:description twitter:description" content="The dockers return on Monday.">
<meta itemprop="name headline" content="Dockers back at work">
<meta property="  dcterms:created " content="2024-03-02">
<meta property="dct:modified" content="2024-03-05">
<meta name="DC.Creator" content="Jane Doe">
</head><body><p>Text.</p></body>`)
	for key, want := range map[string]string{
		"dc.title":            "Harbour strike ends after nine days",
		"og:description":      "The dockers return on Monday.",
		"twitter:description": "The dockers return on Monday.",
		"name":                "Dockers back at work",
		"headline":            "Dockers back at work",
		"dcterms.created":     "2024-03-02",
		"dcterms.modified":    "2024-03-05",
		"dc.creator":          "Jane Doe",
	} {
		if got := pm.get(key); got != want {
			t.Errorf("meta %q = %q, want %q", key, got, want)
		}
	}
}

func TestDublinCoreAndPropertyListsAreCandidates(t *testing.T) {
	pm := readPage(t, `<head><title>News</title>
<meta property="x:title dc:title" content="Harbour strike ends after nine days">
<meta property="og:title twitter:title" content="Mayor thanks the dockers">
<meta property="dc:creator" content="Jane Doe">
<meta property="dcterms:created" content="2024-03-02">
</head><body><p>The strike is over.</p></body>`)
	titles := candidateValues(pm.titleMetaCandidates(""))
	for _, want := range []string{"Harbour strike ends after nine days", "Mayor thanks the dockers"} {
		if !slices.Contains(titles, want) {
			t.Errorf("title candidates %q lack %q", titles, want)
		}
	}
	if bylines := candidateValues(pm.bylineMetaCandidates()); !slices.Contains(bylines, "Jane Doe") {
		t.Errorf("byline candidates %q lack dc:creator's Jane Doe", bylines)
	}
	if !hasDay(pm.dateMetaCandidates(""), "2024-03-02") {
		t.Errorf("no date candidate on dcterms:created's 2024-03-02")
	}
}

func TestJSONLDInACDATASectionIsRead(t *testing.T) {
	const obj = `{"@type":"NewsArticle","headline":"Harbour strike ends after nine days","datePublished":"2024-03-02T08:00:00Z","author":{"@type":"Person","name":"Jane Doe"}}`
	for name, script := range map[string]string{
		"CDATA":                       "<![CDATA[" + obj + "]]>",
		"CDATA behind line comments":  "//<![CDATA[\n" + obj + "\n//]]>",
		"CDATA behind block comments": "/*<![CDATA[*/ " + obj + " /*]]>*/",
		"HTML comment":                "<!--\n" + obj + "\n-->",
	} {
		t.Run(name, func(t *testing.T) {
			pm := readPage(t, `<head><script type="application/ld+json">`+script+`</script></head><body><p>Text.</p></body>`)
			ld, ok := pm.ldArticle()
			if !ok {
				t.Fatalf("no JSON-LD article read from %q", script)
			}
			if ld.headline != "Harbour strike ends after nine days" || ld.published != "2024-03-02T08:00:00Z" {
				t.Errorf("headline %q, published %q", ld.headline, ld.published)
			}
			if bylines := candidateValues(pm.bylineMetaCandidates()); !slices.Contains(bylines, "Jane Doe") {
				t.Errorf("byline candidates %q lack the JSON-LD author", bylines)
			}
		})
	}
}

func TestUnwrapScriptKeepsPlainJSON(t *testing.T) {
	for in, want := range map[string]string{
		` {"a":"<![CDATA[x]]>"} `: `{"a":"<![CDATA[x]]>"}`,
		"\n<![CDATA[ [1] ]]>\n":   "[1]",
		"//<![CDATA[\n{}\n//]]>":  "{}",
		"<!-- {} -->":             "{}",
	} {
		if got := unwrapScript(in); got != want {
			t.Errorf("unwrapScript(%q) = %q, want %q", in, got, want)
		}
	}
}
