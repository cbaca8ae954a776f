package engine_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/source/web"
)

// Two events, three reports each: two pages of each come through a feed, the
// third of each through a web archive.
var (
	strikeReports = []string{
		"Dockworkers at the Port of Calder voted on Monday to end a nine-day strike after the union and the port authority agreed on a new three-year contract. About 2,400 dockworkers walked off the job on Nov. 8 over pay and night-shift rules, leaving more than 60 container ships waiting offshore.",
		"The Port of Calder strike is over: dockworkers accepted a three-year contract on Monday, the Calder Dockworkers Union said. More than 60 container ships had waited offshore since about 2,400 dockworkers walked off the job on Nov. 8 over pay and night shifts.",
		"Calder's dockworkers return to work on Tuesday after voting on Monday to accept a new three-year contract that ends their nine-day strike at the port. The walkout over pay and night-shift rules had left more than 60 container ships waiting offshore.",
	}
	fireReports = []string{
		"A fast-moving wildfire in the hills above Brennock forced about 3,000 residents from their homes overnight, fire officials said on Wednesday. The blaze started late on Tuesday near Old Mill Road and spread quickly on strong easterly winds, burning about 1,200 hectares by dawn.",
		"About 3,000 residents of Brennock fled their homes overnight as a wildfire spread through the hills above the town, the Brennock Fire Service said on Wednesday. The fire began on Tuesday evening near Old Mill Road and had burned 1,200 hectares by morning.",
		"Firefighters spent Wednesday holding the line against the wildfire above Brennock that drove about 3,000 residents from their homes. The blaze, which started near Old Mill Road on Tuesday, has burned about 1,200 hectares, the fire service said.",
	}
)

func reportPage(title, text string) string {
	return "<html><head><title>" + title + "</title></head><body><nav><a href='/'>Home</a></nav><article><h1>" + title +
		"</h1><p>" + strings.ReplaceAll(text, ". ", ".</p><p>") + "</p></article></body></html>"
}

func TestFeedThenArchiveScenario(t *testing.T) {
	ctx := context.Background()
	var pageHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n") })
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>`)
		for i, p := range []string{"strike-1", "fire-1", "strike-2", "fire-2"} {
			fmt.Fprintf(w, `<item><title>%s</title><link>http://%s/news/%s</link><pubDate>Mon, 16 Nov 2026 %02d:00:00 GMT</pubDate><description>short summary</description></item>`, p, r.Host, p, 9+i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	pages := map[string]string{
		"strike-1": reportPage("Calder dockworkers end strike", strikeReports[0]),
		"strike-2": reportPage("Strike over at the Port of Calder", strikeReports[1]),
		"fire-1":   reportPage("Wildfire forces thousands to flee Brennock", fireReports[0]),
		"fire-2":   reportPage("Brennock residents flee wildfire", fireReports[1]),
	}
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		fmt.Fprint(w, pages[strings.TrimPrefix(r.URL.Path, "/news/")])
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	st := tempStore(t)
	fetcher := &web.Fetcher{Delay: 5 * time.Millisecond}
	known := func(ctx context.Context, u string) bool {
		ok, err := st.HasURL(ctx, u, web.CanonicalURL(u))
		return err == nil && ok
	}
	// Each step is an add of its own, as a user would run them.
	add := func(args ...string) (news.RunSummary, error) {
		e, err := engine.Start(ctx, st, engine.Options{})
		if err != nil {
			return news.RunSummary{}, err
		}
		defer e.Close()
		return e.Submit(ctx, source.Read(ctx, args, source.Options{Fetcher: fetcher, Known: known}), nil)
	}
	check := func(step string, articles, stories int) {
		t.Helper()
		a, s, err := st.Counts(ctx)
		if err != nil || a != articles || s != stories {
			t.Fatalf("%s: %d articles in %d stories (%v), want %d in %d", step, a, s, err, articles, stories)
		}
	}

	sum, err := add(srv.URL + "/feed.xml")
	if err != nil || len(sum.Failures) > 0 {
		t.Fatalf("feed: %+v %v", sum, err)
	}
	check("after the feed", 4, 2)
	a, _ := st.Article(ctx, web.URLID(srv.URL+"/news/fire-2"))
	if a.Published.Hour() != 12 || !strings.Contains(a.Text, "1,200 hectares") || strings.Contains(a.Text, "short summary") {
		t.Errorf("a feed item's page should give its full text and the item's date: %+v", a)
	}

	dir := t.TempDir()
	archive := filepath.Join(dir, "crawl.warc.gz")
	writeWARC(t, archive,
		warcRecord("response", "https://courier.example/strike", "application/http; msgtype=response", httpResponse("text/html", reportPage("Calder dockworkers back at work", strikeReports[2]))),
		warcRecord("conversion", "https://post.example/fire", "text/plain", "Brennock fire: crews hold the line | The Post\nHome\nNews\nBrennock fire: crews hold the line\n"+fireReports[2]+"\n© 2026 The Post"))
	if sum, err = add(archive); err != nil || len(sum.Failures) > 0 || sum.StoriesNew != 0 {
		t.Fatalf("archive: %+v %v", sum, err)
	}
	check("after the archive", 6, 2)

	whole := filepath.Join(dir, "more.warc")
	writeWARC(t, whole, warcRecord("response", "https://gazette.example/strike", "application/http; msgtype=response", httpResponse("text/html", reportPage("Strike ends", strikeReports[0]+" The port reopens on Tuesday."))))
	b, _ := os.ReadFile(whole)
	truncated := filepath.Join(dir, "truncated.warc")
	os.WriteFile(truncated, b[:len(b)/2], 0o644)
	sum, err = add(truncated)
	if err != nil || len(sum.Failures) != 1 || !strings.Contains(sum.Failures[0].Error(), "truncated.warc") || !strings.Contains(sum.Failures[0].Error(), "truncated record") {
		t.Fatalf("truncated archive: %+v %v", sum, err)
	}
	check("after the truncated archive", 6, 2)

	hits := pageHits.Load()
	if sum, err = add(srv.URL + "/feed.xml"); err != nil || sum.Stored != 0 || len(sum.Failures) != 0 {
		t.Fatalf("feed again: %+v %v", sum, err)
	}
	if pageHits.Load() != hits {
		t.Errorf("the feed again fetched %d stored pages", pageHits.Load()-hits)
	}
	check("after the feed again", 6, 2)
}

// warcRecord writes one WARC record.
func warcRecord(typ, uri, contentType, block string) string {
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-11-16T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, contentType, len(block), block)
}

func httpResponse(contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", contentType, len(body), body)
}

// writeWARC writes records as a WARC file, gzipped one member per record when
// the name ends in .gz.
func writeWARC(t *testing.T, path string, records ...string) {
	t.Helper()
	var buf bytes.Buffer
	for _, r := range records {
		if strings.HasSuffix(path, ".gz") {
			zw := gzip.NewWriter(&buf)
			zw.Write([]byte(r))
			zw.Close()
		} else {
			buf.WriteString(r)
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
