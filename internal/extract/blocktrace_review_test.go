package extract

import (
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// traceProbePages are invented pages the trace must read as the extraction
// does: a German report whose body an ad break splits in two containers, a
// listing of teasers that repeats one of them, a Chinese report, and the
// package's HTML fixtures (html-shop-controls is a page not called an
// article, where keepFirstCopies decides too).
func traceProbePages(t *testing.T) []news.Page {
	t.Helper()
	para := func(s string) string { return "<p>" + s + "</p>\n" }
	german := `<html lang="de"><head><title>Stadtrat beschließt neuen Busplan | Kreisblatt</title></head><body>
<nav><a href="/">Start</a> <a href="/lokales">Lokales</a> <a href="/sport">Sport</a></nav>
<article><h1>Stadtrat beschließt neuen Busplan</h1><div class="text">` +
		para("Der Stadtrat hat am Dienstagabend mit großer Mehrheit einen neuen Busplan für die Innenstadt beschlossen, der ab März gelten soll.") +
		para("Künftig fahren die Linien zwei und fünf im Zehn-Minuten-Takt, am Wochenende bis Mitternacht, wie die Verkehrsbetriebe mitteilten.") +
		`</div><div class="ad">Anzeige</div><div class="text">` +
		para("Die Opposition kritisierte, dass die Vororte weiter nur stündlich angefahren werden, und kündigte einen eigenen Antrag an.") +
		para("Die Kosten des Plans schätzt die Verwaltung auf rund 1,2 Millionen Euro im Jahr, die zum Teil das Land übernehmen soll.") +
		`</div></article><footer>© Kreisblatt Verlag. Alle Rechte vorbehalten. Impressum Datenschutz</footer></body></html>`
	var listing strings.Builder
	listing.WriteString(`<html><head><title>Latest news</title></head><body><nav><a href="/">Home</a></nav><ul class="teasers">`)
	teasers := []string{"Council approves the new bus timetable for the town centre", "Harbour bridge closes for two weeks of repairs in March",
		"School board names a new head for the northern district", "Council approves the new bus timetable for the town centre"}
	for i, s := range teasers {
		listing.WriteString(`<li class="teaser"><h2><a href="/n/` + string(rune('a'+i)) + `">` + s + `</a></h2><p>` + s + ` and what it means for residents this spring.</p></li>`)
	}
	listing.WriteString(`</ul></body></html>`)
	chinese := `<html lang="zh"><head><title>市政府公布新的公交计划</title></head><body><div class="content">` +
		para("市政府周二公布了新的公交计划，计划从三月起在市中心增加班次，并延长周末的运营时间。") +
		para("交通局表示，新计划预计每年花费约一千二百万元，其中一部分由省政府承担。") +
		`</div><div class="footer">版权所有 联系我们 隐私政策</div></body></html>`
	pages := []news.Page{
		{ID: "de", URL: "https://kreisblatt.example/lokales/busplan", Kind: news.KindHTML, Body: []byte(german)},
		{ID: "listing", URL: "https://gazette.example/latest", Kind: news.KindHTML, Body: []byte(listing.String())},
		{ID: "zh", URL: "https://news.example.cn/2026/03/bus", Kind: news.KindHTML, Body: []byte(chinese)},
	}
	for _, dir := range []string{"html-news-chrome", "html-shop-controls", "html-latin1"} {
		body, err := os.ReadFile("testdata/" + dir + "/page.html")
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, news.Page{ID: dir, URL: "https://example.com/" + dir, Kind: news.KindHTML, Body: body})
	}
	return pages
}

// TestTraceBlocksKeptIsExtracted: on every probe page the trace's kept
// blocks, less the headline and byline dropHeadMatter drops, are exactly
// the text the extraction gives, a block a rule drops has probability 0,
// and a kept block scores the page's threshold: the reading aid cannot
// drift from the decoding it reports.
func TestTraceBlocksKeptIsExtracted(t *testing.T) {
	m := DefaultModel()
	for _, p := range traceProbePages(t) {
		a, _, _, _, err := fromHTML(p, nil, m)
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		blocks, th, kind := m.TraceBlocks(p, a.Text)
		if kind != a.Kind {
			t.Errorf("%s: trace kind %q, extraction's %q", p.ID, kind, a.Kind)
		}
		var kept []string
		top := 0.0 // the highest probability of a kept block: the first kept one scores the threshold
		for _, b := range blocks {
			if b.Kept {
				kept = append(kept, b.Text)
				top = max(top, b.Prob)
			}
			if b.Rule && (b.Prob != 0 || b.Kept) {
				t.Errorf("%s: block %q dropped by rule at probability %v, kept %v", p.ID, b.Text, b.Prob, b.Kept)
			}
		}
		if top < th {
			t.Errorf("%s: no kept block scores the threshold %v (highest %v)", p.ID, th, top)
		}
		if got := joinParagraphs(dropHeadMatter(kept, a.Title)); got != a.Text {
			t.Errorf("%s: trace's kept blocks read\n%q\nthe extraction\n%q", p.ID, got, a.Text)
		}
		if a.Text == "" {
			t.Errorf("%s: nothing extracted, the probe reads nothing", p.ID)
		}
	}
}

// TestTraceBlocksOddPages: pages with nothing to read (empty, a frameset
// without <body>, a text without tags, bytes that are not text) give a
// trace without a panic, one record a block, and a gold that covers none.
func TestTraceBlocksOddPages(t *testing.T) {
	m := DefaultModel()
	for _, body := range []string{"", "<html><frameset><frame src=a.html></frameset></html>", "just a line of text",
		"\x00\x01\xff\xfe<p>\x00</p>", strings.Repeat("<div>", 5000) + "deep" + strings.Repeat("</div>", 5000)} {
		p := news.Page{ID: "odd", Kind: news.KindHTML, Body: []byte(body)}
		blocks, th, _ := m.TraceBlocks(p, "")
		for _, b := range blocks {
			if b.Cover != 0 {
				t.Errorf("%.20q: block %q covered %v by an empty gold", body, b.Text, b.Cover)
			}
			if b.Parent < -1 || b.Run < -1 || b.Box < -1 {
				t.Errorf("%.20q: block %q has parent %d, run %d, box %d", body, b.Text, b.Parent, b.Run, b.Box)
			}
		}
		if len(blocks) > 0 && th <= 0 {
			t.Errorf("%.20q: %d blocks at threshold %v", body, len(blocks), th)
		}
	}
}

// TestTraceBlocksConcurrent: one model traces and extracts pages from
// several goroutines at once (run it with -race) and gives what it gives
// one page at a time.
func TestTraceBlocksConcurrent(t *testing.T) {
	m := DefaultModel()
	pages := traceProbePages(t)
	want := make([][]BlockTrace, len(pages))
	for i, p := range pages {
		want[i], _, _ = m.TraceBlocks(p, "")
	}
	var wg sync.WaitGroup
	got := make([][]BlockTrace, 2*len(pages))
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := pages[i%len(pages)]
			got[i], _, _ = m.TraceBlocks(p, "")
			_, _ = m.Extract(p)
		}()
	}
	wg.Wait()
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i%len(pages)]) {
			t.Errorf("%s: the trace read concurrently differs", pages[i%len(pages)].ID)
		}
	}
}

// TestTraceBlocksMarksItemRunsAndFurniture: on the blog index of bakes the
// trace puts every bake's lines in one item run, one box a bake, marks the
// lines every box repeats (the date line, "Read more | Comments (n)") as
// the run's furniture and nothing else, and leaves the heading outside.
func TestTraceBlocksMarksItemRunsAndFurniture(t *testing.T) {
	p := news.Page{ID: "bakes", Kind: news.KindHTML, Body: []byte(bakesBlogPage())}
	blocks, _, _ := DefaultModel().TraceBlocks(p, "")
	boxes := map[int]bool{}
	for _, b := range blocks {
		if b.Text == "Weekend bakes" {
			if b.Run != -1 || b.Box != -1 || b.Furniture {
				t.Errorf("heading: run %d, box %d, furniture %v; want outside every run", b.Run, b.Box, b.Furniture)
			}
			continue
		}
		if b.Run != 0 || b.Box < 0 {
			t.Errorf("%q: run %d, box %d; want a box of run 0", b.Text, b.Run, b.Box)
		}
		boxes[b.Box] = true
		repeated := strings.HasPrefix(b.Text, "Posted ") || strings.HasPrefix(b.Text, "Read more")
		if b.Furniture != repeated {
			t.Errorf("%q: furniture %v, want %v", b.Text, b.Furniture, repeated)
		}
	}
	if len(boxes) != 5 {
		t.Errorf("%d boxes, want one a bake (5)", len(boxes))
	}
}

// TestTraceBlocksMarksFormBoxes: on the article with a sign-up box between
// its paragraphs the trace marks the box's pitch as never bridged in and
// none of the article's paragraphs.
func TestTraceBlocksMarksFormBoxes(t *testing.T) {
	p := news.Page{ID: "form", Kind: news.KindHTML, Body: []byte(formBoxPage)}
	blocks, _, _ := DefaultModel().TraceBlocks(p, "")
	var pitch, paragraphs int
	for _, b := range blocks {
		switch {
		case b.Text == "Our weekly harbour letter, straight to you.":
			pitch++
			if !b.Unbridged {
				t.Errorf("the sign-up pitch is not marked unbridged")
			}
		case b.Prose:
			paragraphs++
			if b.Unbridged {
				t.Errorf("paragraph %q marked unbridged", b.Text)
			}
		}
	}
	if pitch != 1 || paragraphs < 4 {
		t.Errorf("%d pitches and %d paragraphs traced, want 1 and 4", pitch, paragraphs)
	}
}

// TestTraceBlocksKeepsTheMarkupsDecisionsUnderAJSONLDBody: a page that
// renders its article by script prints its JSON-LD articleBody; the trace
// still gives the decisions on the markup's blocks, which are not the
// printed text.
func TestTraceBlocksKeepsTheMarkupsDecisionsUnderAJSONLDBody(t *testing.T) {
	body := "The harbour board voted on Monday to run the island ferry twice a day from March, its chair said after the meeting. " +
		"Tickets go on sale next week, and islanders will pay half the fare the board charges visitors to the islands. " +
		"The crossing takes forty minutes in calm weather and up to an hour in winter, when the second boat is laid up."
	page := `<html><head><title>Ferry to run twice a day</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry to run twice a day","articleBody":"` +
		body + `"}</script></head><body><h1>Ferry to run twice a day</h1><div id="app"><p>Loading the story for you now.</p></div></body></html>`
	p := news.Page{ID: "ld", URL: "https://harbour.example/news/ferry", Kind: news.KindHTML, Body: []byte(page)}
	m := DefaultModel()
	a, err := m.Extract(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "forty minutes") {
		t.Fatalf("the JSON-LD body is not printed: %q", a.Text)
	}
	blocks, _, _ := m.TraceBlocks(p, a.Text)
	for _, b := range blocks {
		if strings.Contains(b.Text, "forty minutes") {
			t.Errorf("block %q traced: the trace reads the markup's blocks, not the JSON-LD body", b.Text)
		}
	}
	if len(blocks) == 0 {
		t.Error("no block traced")
	}
}
