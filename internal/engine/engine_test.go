package engine_test

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
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

func TestAddIsIdempotentAndReportsFailures(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "ledger", "strike.html"), strikePage)
	write(t, filepath.Join(dir, "coastline", "strike-dump.txt"), strikeDump)
	write(t, filepath.Join(dir, "ledger", "fire.html"), firePage)
	write(t, filepath.Join(dir, "junk", "garbage.html"), "\x00\x01\x02\x03")
	st := tempStore(t)
	fixed := func() time.Time { return time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC) }

	sum := run(t, st, source.Read(ctx, []string{dir}, source.Options{}), engine.Options{Now: fixed, BatchSize: 2})
	if sum.Read != 4 || sum.Stored != 3 || sum.StoriesNew != 2 || len(sum.Failures) != 1 || !strings.Contains(sum.Failures[0].Name, "garbage.html") {
		t.Fatalf("first run: %+v", sum)
	}
	list, _ := st.Stories(ctx, news.StoryQuery{})
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

	again := run(t, st, source.Read(ctx, []string{dir}, source.Options{}), engine.Options{Now: fixed})
	if again.Stored != 0 || again.AlreadyStored != 3 || again.StoriesNew != 0 || len(again.Failures) != 1 {
		t.Errorf("second run: %+v, want nothing stored and the garbage page reported again", again)
	}
	if n, stories, _ := st.Counts(ctx); n != 3 || stories != 2 {
		t.Errorf("after re-add: %d articles in %d stories, want 3 in 2", n, stories)
	}
}

// housePage is a builder of a site's article pages, each of a title, a
// lead and a body, all ending with the site's house paragraph (kept by
// single-page rules until the site's template is learned).
func housePage(site, host, house string) func(title, lead, body string) string {
	return func(title, lead, body string) string {
		return `<html><head><title>` + title + `</title><meta property="og:site_name" content="` + site + `">
<link rel="canonical" href="https://` + host + `/news/` + strings.ReplaceAll(strings.ToLower(title), " ", "-") + `"></head>
<body><article><h1>` + title + `</h1><div class="story"><p>` + lead + `</p><p>` + body + `</p><p>` + house + `</p></div></article></body></html>`
	}
}

// TestSiteTemplatesPersist: a site's recurring paragraph, kept by single-page
// rules, is learned from the pages of one run, kept in the store, and removed
// from the site's next page in a later run and by reextract.
func TestSiteTemplatesPersist(t *testing.T) {
	ctx := context.Background()
	page := housePage("The Calder Chronicle", "calderchronicle.example",
		"The Calder Chronicle has covered the Sable Coast since 1921, with reporters in six towns and a newsroom that stays open every day of the year.")
	dir, later := t.TempDir(), t.TempDir()
	write(t, filepath.Join(dir, "a.html"), page("Ferry timetable changes", "The Fenwick ferry will run two extra crossings on weekdays from December, the operator said.", "The early crossing will leave at 5:40 a.m. to serve shift workers at the harbour."))
	write(t, filepath.Join(dir, "b.html"), page("Library reopens", "Fenwick's central library reopened on Friday, eleven months after a flood.", "The repairs cost 1.8 million euros, most of it paid by the city's insurer."))
	write(t, filepath.Join(dir, "c.html"), page("Harbour fees to rise", "Fees for boats moored in Calder harbour will rise by four percent in January.", "Fishing boats under twelve metres are exempt from the rise, the authority said."))
	write(t, filepath.Join(later, "d.html"), page("School lunch prices frozen", "Families in Calder will pay the same for school lunches next year, the council said.", "The subsidy will cost the council about 300,000 euros from its reserve."))
	dbPath := filepath.Join(t.TempDir(), "s.db")
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	run(t, st, source.Read(ctx, []string{dir}, source.Options{}), engine.Options{})
	st.Close()

	st, err = sqlite.Open(ctx, dbPath) // a later run, with a fresh process's memory
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if b, _ := st.SiteTemplate(ctx, "calderchronicle.example"); b == nil {
		t.Fatal("no template stored for calderchronicle.example")
	}
	e := start(t, st, engine.Options{})
	if _, err := e.Submit(ctx, source.Read(ctx, []string{later}, source.Options{}), nil); err != nil {
		t.Fatal(err)
	}
	d, _ := st.Article(ctx, "d")
	if strings.Contains(d.Text, "newsroom that stays open") || !strings.Contains(d.Text, "300,000 euros") {
		t.Errorf("the next page of the site was not cleaned by its template:\n%s", d.Text)
	}
	sum, err := e.Reextract(ctx)
	if err != nil || sum.Updated != 4 || len(sum.Kept) != 0 || sum.Stories == 0 {
		t.Fatalf("reextract: %+v %v", sum, err)
	}
	a, _ := st.Article(ctx, "a")
	if strings.Contains(a.Text, "newsroom that stays open") || !strings.Contains(a.Text, "5:40 a.m.") {
		t.Errorf("reextract did not apply the site template to an early page:\n%s", a.Text)
	}
}

// TestReextractNeverLosesText: when the extractor finds no text in a stored
// page, the stored article is kept as it is and reported; reextract used to
// replace its text with nothing and count it as updated.
func TestReextractNeverLosesText(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	a := news.Article{ID: "kept", Source: "The Ledger", Title: "Strike ends", Text: "Dockworkers at the Port of Calder voted on Monday to end a nine-day strike."}
	// The page as stored gives no text to today's extractor (an earlier
	// extractor, or a page whose text a script wrote, gave the article).
	raw := news.Raw{Name: "kept.html", Kind: news.KindHTML, Body: []byte("<html><body><nav><a href='/'>Home</a></nav></body></html>")}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{At: time.Now(), Placements: []news.Placement{{Raw: &raw, Article: a,
		Membership: news.Membership{ArticleID: "kept", StoryID: "s1"}, ContentHash: engine.ContentHash(a)}}}); err != nil {
		t.Fatal(err)
	}
	e := start(t, st, engine.Options{})
	sum, err := e.Reextract(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Updated != 0 || len(sum.Kept) != 1 || !strings.Contains(sum.Kept[0].Error(), "kept.html") {
		t.Errorf("reextract = %+v, want the article kept and reported by its page's name", sum)
	}
	if got, _ := st.Article(ctx, "kept"); got.Text != a.Text {
		t.Errorf("the stored text became %q", got.Text)
	}
}

// countingStore counts the writer's restores (each reads the saved state
// once, whether it then restores the stories the state names or the open
// stories) and can fail its saves.
type countingStore struct {
	*sqlite.Store
	restores atomic.Int32
	failSave atomic.Bool
}

func (c *countingStore) StreamState(ctx context.Context) ([]news.StatePart, error) {
	c.restores.Add(1)
	return c.Store.StreamState(ctx)
}

func (c *countingStore) SaveBatch(ctx context.Context, b news.WriteBatch) ([]string, error) {
	if c.failSave.Load() {
		return nil, errors.New("disk full")
	}
	return c.Store.SaveBatch(ctx, b)
}

// TestClustererIsRestoredOnce: an engine restores its clusterer when it
// starts, not for every write (serve used to rebuild it from the store for
// every API post and feed poll: 2 s each with 10,000 articles stored), and
// again only after a failed save.
func TestClustererIsRestoredOnce(t *testing.T) {
	ctx := context.Background()
	st := &countingStore{Store: tempStore(t)}
	e := start(t, st, engine.Options{})
	for i := range 5 {
		a := news.Article{ID: fmt.Sprintf("post-%d", i), Title: "Post", Text: fmt.Sprintf("Report number %d about the harbour.", i)}
		if sum, err := e.Submit(ctx, source.Articles([]news.Article{a}), nil); err != nil || sum.Stored != 1 {
			t.Fatalf("post %d: %+v %v", i, sum, err)
		}
	}
	if got := st.restores.Load(); got != 1 {
		t.Errorf("the clusterer was restored %d times for 5 writes, want once", got)
	}
	st.failSave.Store(true)
	sum, err := e.Submit(ctx, source.Articles([]news.Article{{ID: "lost", Title: "Lost", Text: "A report that cannot be saved."}}), nil)
	if err == nil || !strings.Contains(err.Error(), "disk full") || sum.Stored != 0 {
		t.Errorf("a job whose save fails: %+v, %v; want its error and nothing counted as stored", sum, err)
	}
	if got := st.restores.Load(); got != 2 {
		t.Errorf("after a failed save the clusterer was restored %d times in all, want 2 (it held an article the store does not)", got)
	}
	st.failSave.Store(false)
	if sum, err := e.Submit(ctx, source.Articles([]news.Article{{ID: "lost", Title: "Lost", Text: "A report that cannot be saved."}}), nil); err != nil || sum.Stored != 1 {
		t.Errorf("the same article once the disk has room: %+v, %v", sum, err)
	}
}

// TestOneWriterPerDatabase: a second engine on a database refuses to start,
// naming the process that writes it.
func TestOneWriterPerDatabase(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	start(t, st, engine.Options{Writer: news.WriterInfo{Command: "serve", Addr: "http://127.0.0.1:1"}})
	other, err := sqlite.Open(ctx, st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	_, err = engine.Start(ctx, other, engine.Options{Writer: news.WriterInfo{Command: "add"}})
	var locked *news.LockedError
	if !errors.As(err, &locked) || locked.By.Command != "serve" || locked.By.PID != os.Getpid() || locked.By.Addr != "http://127.0.0.1:1" {
		t.Errorf("a second engine: %v, want a LockedError naming the serving one", err)
	}
}

// TestConcurrentJobsShareOneClusterer: reports of one event submitted at
// the same time by many producers (add runs, API posts, a feed poll) land in
// one story, and each producer is told what it stored.
func TestConcurrentJobsShareOneClusterer(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	e := start(t, st, engine.Options{})
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	sums := make([]news.RunSummary, 12)
	for i := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := news.Article{ID: fmt.Sprintf("r%02d", i), Source: fmt.Sprintf("Outlet %d", i), Published: day.Add(time.Duration(i) * time.Minute),
				Title: "Calder dockworkers end nine-day strike",
				Text:  fmt.Sprintf("Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay, outlet %d reported. The union said 412 members took part in the vote.", i)}
			var err error
			sums[i], err = e.Submit(ctx, source.Articles([]news.Article{a}), nil)
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	stories := map[string]bool{}
	for i, s := range sums {
		if s.Stored != 1 || len(s.Added) != 1 || s.Added[0].ArticleID != fmt.Sprintf("r%02d", i) {
			t.Errorf("job %d was told %+v", i, s)
			continue
		}
		stories[s.Added[0].StoryID] = true
	}
	if n, ns, _ := st.Counts(ctx); len(stories) != 1 || n != 12 || ns != 1 {
		t.Errorf("12 reports of one event submitted at once: %d articles in %d stories (producers told %d)", n, ns, len(stories))
	}
}

// partition is a clustering as sets of article ids, whatever the story ids.
func partition(story map[string]string) [][]string {
	by := map[string][]string{}
	for a, s := range story {
		by[s] = append(by[s], a)
	}
	var out [][]string
	for _, ids := range by {
		slices.Sort(ids)
		out = append(out, ids)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// TestAddAndClusterTakeOneStream: the engine (every add) and ClusterStream
// (storyline cluster, eval cluster) order and cluster a stream alike, window
// by window; add used to sort each batch with undated articles last while
// the others sorted the whole stream or nothing.
func TestAddAndClusterTakeOneStream(t *testing.T) {
	arts := eval.SyntheticArticles(90, 3)
	// Out of date order, and a few undated, so that the order matters.
	slices.Reverse(arts)
	for i := range arts {
		if i%17 == 5 {
			arts[i].Published = time.Time{}
		}
	}
	for _, window := range []int{7, 40, 1000} {
		_, want := engine.ClusterStream(cluster.New(cluster.Options{}), arts, window, nil)
		st := tempStore(t)
		run(t, st, source.Articles(arts), engine.Options{Window: window})
		got := map[string]string{}
		for _, a := range arts {
			got[a.ID] = mustStoryOf(t, st, a.ID)
		}
		if !reflect.DeepEqual(partition(got), partition(want)) {
			t.Errorf("window %d: add gives %d stories, cluster %d; want the same stories", window, len(partition(got)), len(partition(want)))
		}
	}
}

// TestBinaryInputsAreRefusedByName: random bytes or an image named .html or
// .txt are refused with an error naming the file, and nothing is stored
// (issue 18: 200 KB of random bytes named .html was stored as an article).
func TestBinaryInputsAreRefusedByName(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(18, 3))
	random := make([]byte, 200<<10)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), random[:4<<10]...)
	write(t, filepath.Join(dir, "random.html"), string(random))
	write(t, filepath.Join(dir, "photo.txt"), string(png))
	write(t, filepath.Join(dir, "strike.html"), strikePage)
	st := tempStore(t)
	sum := run(t, st, source.Read(ctx, []string{dir}, source.Options{}), engine.Options{})
	var failed []string
	for _, f := range sum.Failures {
		if msg := filepath.Base(f.Name) + ": " + f.Err.Error(); strings.Contains(msg, "binary") {
			failed = append(failed, msg)
		}
	}
	if len(failed) != 2 || !strings.Contains(failed[0], "photo.txt: not a page but binary data") || !strings.Contains(failed[1], "random.html: not a page but binary data") {
		t.Errorf("refused as binary: %q, want photo.txt and random.html", failed)
	}
	if sum.Stored != 1 {
		t.Errorf("stored %d, want the one real page", sum.Stored)
	}
}
