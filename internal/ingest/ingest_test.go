package ingest

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store"
)

const strikePage = `<html><head><title>Calder dockworkers end strike | The Harbor Ledger</title>
<meta property="og:site_name" content="The Harbor Ledger"><meta property="article:published_time" content="2026-11-16T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Calder dockworkers end strike</h1>
<p>Dockworkers at the Port of Calder voted on Monday to end a nine-day strike after the union and the port authority agreed on a new three-year contract.</p>
<p>About 2,400 dockworkers walked off the job on Nov. 8 over pay and night-shift rules, leaving more than 60 container ships waiting offshore.</p>
<p>The deal raises wages by 6 percent in the first year and limits night shifts to three a week, the Calder Dockworkers Union said.</p>
</article><footer>All rights reserved.</footer></body></html>`

const strikeDump = `Calder port reopens as strike ends | Coastline Daily
Home
News
Subscribe
Calder port reopens as strike ends
by Mira Solberg November 16, 2026 11:00 AM
The Port of Calder reopens on Tuesday after dockworkers voted on Monday to accept a new three-year contract and end their nine-day strike.
More than 60 container ships have been waiting offshore since about 2,400 dockworkers walked off the job on Nov. 8 over pay and night shifts.
Under the deal, wages rise by 6 percent in the first year and night shifts are limited to three a week, according to the Calder Dockworkers Union.
Sign up for our newsletter
© 2026 Coastline Daily`

const firePage = `<html><head><title>Wildfire forces thousands to flee Brennock</title><meta property="article:published_time" content="2026-11-18T07:30:00Z"></head>
<body><div id="content"><h1>Wildfire forces thousands to flee Brennock</h1>
<p>A fast-moving wildfire in the hills above Brennock forced about 3,000 residents from their homes overnight, fire officials said on Wednesday.</p>
<p>The blaze started late on Tuesday near Old Mill Road and spread quickly on strong easterly winds, burning about 1,200 hectares by dawn.</p>
</div></body></html>`

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(f)
		zw.Write([]byte(content))
		zw.Close()
		f.Close()
		return
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func collect(t *testing.T, args []string) ([]Input, []error) {
	t.Helper()
	var ins []Input
	var errs []error
	for in, err := range Inputs(context.Background(), args, SourceOptions{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ins = append(ins, in)
	}
	return ins, errs
}

func TestInputsFromFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b", "strike.html"), strikePage)
	write(t, filepath.Join(dir, "a", "dump.txt.gz"), strikeDump)
	write(t, filepath.Join(dir, "notes.md"), "not an input")
	write(t, filepath.Join(dir, "feed.jsonl"), `{"id":"j1","source":"Wire","published":"2026-11-16","title":"T","text":"Body text."}`+"\n"+
		`{"id":"j2","url":"https://x.example/p","published":"2026-11-16T10:00:00Z","html":"<p>Hello there, this is a page.</p>"}`+"\n")
	ins, errs := collect(t, []string{dir})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	var got []string
	for _, in := range ins {
		switch {
		case in.Article != nil:
			got = append(got, "article:"+in.Article.ID)
		case in.Page != nil:
			got = append(got, string(in.Page.Kind)+":"+in.Page.ID)
		}
	}
	want := []string{"text:dump", "html:strike", "article:j1", "html:j2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("inputs = %v, want %v (folders walked in name order, unknown files skipped)", got, want)
	}
	if ins[0].Page != nil && !strings.Contains(string(ins[0].Page.Body), "Coastline Daily") {
		t.Error("gzip input was not decompressed")
	}
}

func TestBadInputsAreNamed(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	write(t, bad, `{"id":"ok","text":"fine"}`+"\n"+`{not json`+"\n"+`{"id":"x","published":"yesterday","text":"t"}`+"\n"+`{"id":"y"}`+"\n")
	write(t, filepath.Join(dir, "broken.html.gz"), "")
	os.WriteFile(filepath.Join(dir, "broken.html.gz"), []byte("not gzip at all"), 0o644)
	_, errs := collect(t, []string{bad, filepath.Join(dir, "broken.html.gz"), filepath.Join(dir, "missing.html")})
	wants := []string{"bad.jsonl:2: not a JSON object", `bad.jsonl:3: published "yesterday"`, `bad.jsonl:4: no "text", "html" or "raw_text"`,
		"broken.html.gz: not a valid gzip file", "missing.html: no such file"}
	if len(errs) != len(wants) {
		t.Fatalf("errors = %v, want %d", errs, len(wants))
	}
	for i, w := range wants {
		var ie *InputError
		if !errors.As(errs[i], &ie) || !strings.Contains(errs[i].Error(), w) {
			t.Errorf("error %d = %v, want it to contain %q", i, errs[i], w)
		}
	}
}

func TestFetchURL(t *testing.T) {
	var agent string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		agent = r.UserAgent()
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(firePage))
	}))
	defer srv.Close()
	ins, errs := collect(t, []string{srv.URL + "/fire?utm_source=x", srv.URL + "/missing"})
	if len(ins) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "404") {
		t.Fatalf("inputs %v, errors %v", ins, errs)
	}
	if !strings.HasPrefix(agent, "storyline/") {
		t.Errorf("User-Agent = %q", agent)
	}
	if got, want := ins[0].Page.ID, URLID(srv.URL+"/fire"); got != want {
		t.Errorf("id = %q, want the hash of the canonical URL %q", got, want)
	}
}

func TestRunIsIdempotentAndReportsFailures(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "ledger", "strike.html"), strikePage)
	write(t, filepath.Join(dir, "coastline", "strike-dump.txt"), strikeDump)
	write(t, filepath.Join(dir, "ledger", "fire.html"), firePage)
	write(t, filepath.Join(dir, "junk", "garbage.html"), "\x00\x01\x02\x03")
	st := tempStore(t)
	fixed := func() time.Time { return time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC) }

	sum, err := Run(ctx, st, []string{dir}, Options{Now: fixed, BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 4 || sum.Stored != 3 || sum.StoriesNew != 2 || len(sum.Failures) != 1 || !strings.Contains(sum.Failures[0].Name, "garbage.html") {
		t.Fatalf("first run: %+v", sum)
	}
	list, _ := st.Stories(ctx, store.StoryQuery{})
	if len(list) != 2 {
		t.Fatalf("stories = %+v", list)
	}
	var strike news.StorySummary
	for _, s := range list {
		if s.Articles == 2 {
			strike = s
		}
	}
	if strike.ID == "" || strike.Title != "Calder dockworkers end strike" {
		t.Errorf("no two-article strike story titled after its first report: %+v", list)
	}
	d, _ := FreshStory(ctx, st, strike.ID) // compared when first read
	if len(d.Facts) == 0 || len(d.Timeline) != 2 || d.Timeline[0].Source != "The Harbor Ledger" {
		t.Errorf("strike story comparison: facts %v timeline %+v", d.Facts, d.Timeline)
	}

	again, err := Run(ctx, st, []string{dir}, Options{Now: fixed})
	if err != nil {
		t.Fatal(err)
	}
	if again.Stored != 0 || again.AlreadyStored != 3 || again.StoriesNew != 0 || len(again.Failures) != 1 {
		t.Errorf("second run: %+v, want nothing stored and the garbage page reported again", again)
	}
	if n, stories, _ := st.Counts(ctx); n != 3 || stories != 2 {
		t.Errorf("after re-add: %d articles in %d stories, want 3 in 2", n, stories)
	}
}

// TestSiteTemplatesPersist: a site's recurring paragraph, kept by single-page
// rules, is learned from the pages of one run, kept in the store, and removed
// from the site's next page in a later run and by reextract.
func TestSiteTemplatesPersist(t *testing.T) {
	ctx := context.Background()
	const house = "The Calder Chronicle has covered the Sable Coast since 1921, with reporters in six towns and a newsroom that stays open every day of the year."
	page := func(title, lead, body string) string {
		return `<html><head><title>` + title + `</title><meta property="og:site_name" content="The Calder Chronicle">
<link rel="canonical" href="https://calderchronicle.example/news/` + strings.ReplaceAll(strings.ToLower(title), " ", "-") + `"></head>
<body><article><h1>` + title + `</h1><div class="story"><p>` + lead + `</p><p>` + body + `</p><p>` + house + `</p></div></article></body></html>`
	}
	dir, later := t.TempDir(), t.TempDir()
	write(t, filepath.Join(dir, "a.html"), page("Ferry timetable changes", "The Fenwick ferry will run two extra crossings on weekdays from December, the operator said.", "The early crossing will leave at 5:40 a.m. to serve shift workers at the harbour."))
	write(t, filepath.Join(dir, "b.html"), page("Library reopens", "Fenwick's central library reopened on Friday, eleven months after a flood.", "The repairs cost 1.8 million euros, most of it paid by the city's insurer."))
	write(t, filepath.Join(dir, "c.html"), page("Harbour fees to rise", "Fees for boats moored in Calder harbour will rise by four percent in January.", "Fishing boats under twelve metres are exempt from the rise, the authority said."))
	write(t, filepath.Join(later, "d.html"), page("School lunch prices frozen", "Families in Calder will pay the same for school lunches next year, the council said.", "The subsidy will cost the council about 300,000 euros from its reserve."))
	dbPath := filepath.Join(t.TempDir(), "s.db")
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, st, []string{dir}, Options{}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	st, err = store.Open(ctx, dbPath) // a later run, with a fresh process's memory
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if b, _ := st.SiteTemplate(ctx, "calderchronicle.example"); b == nil {
		t.Fatal("no template stored for calderchronicle.example")
	}
	if _, err := Run(ctx, st, []string{later}, Options{}); err != nil {
		t.Fatal(err)
	}
	d, _ := st.Article(ctx, "d")
	if strings.Contains(d.Text, "newsroom that stays open") || !strings.Contains(d.Text, "300,000 euros") {
		t.Errorf("the next page of the site was not cleaned by its template:\n%s", d.Text)
	}
	sum, err := Reextract(ctx, st)
	if err != nil || sum.Updated != 4 {
		t.Fatalf("reextract: %+v %v", sum, err)
	}
	a, _ := st.Article(ctx, "a")
	if strings.Contains(a.Text, "newsroom that stays open") || !strings.Contains(a.Text, "5:40 a.m.") {
		t.Errorf("reextract did not apply the site template to an early page:\n%s", a.Text)
	}
}

func TestIsPublic(t *testing.T) {
	for addr, want := range map[string]bool{
		"8.8.8.8": true, "2606:4700::1111": true, "127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false,
		"192.168.1.1": false, "169.254.169.254": false, "100.64.0.1": false, "0.0.0.0": false, "::1": false,
		"fe80::1": false, "fd00::1": false, "::ffff:127.0.0.1": false, "224.0.0.1": false,
	} {
		if got := IsPublic(netip.MustParseAddr(addr)); got != want {
			t.Errorf("IsPublic(%s) = %v, want %v", addr, got, want)
		}
	}
}

// comparisonFake is a ComparisonStore in memory, failing to read one story.
type comparisonFake struct {
	mu      sync.Mutex
	saved   map[string]store.ComparisonRecord
	batches int
	broken  string
	gone    string // merged away after it was listed
	bad     string // its comparison fails on its articles
}

func (f *comparisonFake) StoryArticles(_ context.Context, id string) ([]news.Article, error) {
	if id == f.broken {
		return nil, errors.New("disk on fire")
	}
	if id == f.bad {
		return nil, fmt.Errorf("%w: compare panicked", errCompare)
	}
	return []news.Article{{ID: id + "-a", Title: "Title of " + id, Text: "Dockworkers voted to end the strike on Monday."}}, nil
}

func (f *comparisonFake) StaleStories(context.Context, int) ([]string, error) { return nil, nil }

func (f *comparisonFake) StaleAmong(context.Context, []string) ([]string, error) { return nil, nil }

func (f *comparisonFake) StoryVersion(_ context.Context, id string) (string, error) {
	if id == f.gone {
		return "", fmt.Errorf("story %q: %w", id, store.ErrNotFound)
	}
	return "", nil
}

func (f *comparisonFake) SaveComparisons(_ context.Context, records []store.ComparisonRecord) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.batches++
	for _, r := range records {
		f.saved[r.StoryID] = r
	}
	return nil
}

func TestRecompareAllStoresEveryStoryInBatches(t *testing.T) {
	var stories []string
	for i := range 250 {
		stories = append(stories, fmt.Sprintf("s%03d", i))
	}
	f := &comparisonFake{saved: map[string]store.ComparisonRecord{}}
	if err := recompareAll(context.Background(), f, stories); err != nil {
		t.Fatal(err)
	}
	if len(f.saved) != 250 || f.saved["s042"].Title != "Title of s042" {
		t.Errorf("saved %d comparisons (s042: %+v), want all 250 with their titles", len(f.saved), f.saved["s042"])
	}
	if f.batches > 5 {
		t.Errorf("%d transactions for 250 comparisons, want them batched", f.batches)
	}
	f = &comparisonFake{saved: map[string]store.ComparisonRecord{}, gone: "s007"}
	if err := recompareAll(context.Background(), f, stories); err != nil || len(f.saved) != 249 {
		t.Errorf("with a story merged away meanwhile: %d saved, %v; want the other 249 and no error", len(f.saved), err)
	}
	f = &comparisonFake{saved: map[string]store.ComparisonRecord{}, bad: "s042"}
	if err := recompareAll(context.Background(), f, stories); !errors.Is(err, errCompare) || len(f.saved) != 249 {
		t.Errorf("with one story whose comparison fails: %d saved, %v; want the other 249 and its error", len(f.saved), err)
	}
	f = &comparisonFake{saved: map[string]store.ComparisonRecord{}, broken: "s100"}
	if err := recompareAll(context.Background(), f, stories); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("a story that cannot be read gives %v, want its error", err)
	}
}
