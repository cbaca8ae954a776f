package engine_test

import (
	"context"
	"iter"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/queue"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// chroniclePage is a page of calderchronicle.example whose article ends
// with the site's "about us" paragraph (chroniclePromo), which single-page
// rules keep as text and the site's template, once it learned two pages
// or more, drops.
func chroniclePage(slug, title, lead, body string) []byte {
	return []byte(`<html><head><title>` + title + `</title><meta property="og:site_name" content="The Calder Chronicle">
<link rel="canonical" href="https://calderchronicle.example/news/` + slug + `"></head>
<body><article><h1>` + title + `</h1><div class="story"><p>` + lead + `</p><p>` + body + `</p><p>` + chroniclePromo + `</p></div></article></body></html>`)
}

const chroniclePromo = "The Calder Chronicle has covered the Sable Coast since 1921, with reporters in six towns and a newsroom that stays open every day of the year."

// chronicleTemplate is the template of calderchronicle.example learned
// from three of its pages, as a reextract stores it.
func chronicleTemplate(t *testing.T) []byte {
	t.Helper()
	const site = "calderchronicle.example"
	learnedFrom := tempStore(t)
	for _, p := range []struct{ slug, title, lead, body string }{
		{"ferry", "Ferry timetable changes", "The Fenwick ferry will run two extra crossings on weekdays from December, the operator said.", "The early crossing will leave at 5:40 a.m. to serve shift workers at the harbour."},
		{"library", "Library reopens", "Fenwick's central library reopened on Friday, eleven months after a flood.", "The repairs cost 1.8 million euros, most of it paid by the city's insurer."},
		{"harbour", "Harbour fees to rise", "Fees for boats moored in Calder harbour will rise by four percent in January.", "Fishing boats under twelve metres are exempt from the rise, the authority said."},
	} {
		run(t, learnedFrom, pageInput(p.slug, "https://"+site+"/news/"+p.slug, chroniclePage(p.slug, p.title, p.lead, p.body)), engine.Options{})
	}
	relearned, err := learnedFrom.SiteTemplate(context.Background(), site)
	if err != nil || relearned == nil {
		t.Fatalf("no template learned from three pages: %v", err)
	}
	return relearned
}

// TestProducerReadsATemplateReplacedSinceItsLastJob: a producer (a queue
// worker) read a site's template when it first met the site; the store's
// template is then replaced, as `storyline reextract` does while workers
// keep running. The worker's next page of the site is extracted with the
// stored template, not the one it read before: it kept that one for as
// long as it ran, and README told users to restart workers after reextract.
func TestProducerReadsATemplateReplacedSinceItsLastJob(t *testing.T) {
	ctx := context.Background()
	const site = "calderchronicle.example"
	relearned := chronicleTemplate(t) // the template a reextract stores

	st := tempStore(t)
	q := queue.NewLocal(16)
	writer := start(t, st, engine.Options{Queue: q})
	worker := engine.NewProducer(st, engine.Options{Queue: q, Workers: 1})
	defer worker.Close()
	submit := func(slug, title, lead, body string) {
		t.Helper()
		sum, err := worker.Submit(ctx, pageInput(slug, "https://"+site+"/news/"+slug, chroniclePage(slug, title, lead, body)), nil)
		if err != nil || sum.Stored != 1 {
			t.Fatalf("%s: %+v, %v; want it stored", slug, sum, err)
		}
	}
	submit("bridge", "Bridge shut for repairs", "The old road bridge at Fenwick will be shut for six weeks from Monday.", "Buses will run a diversion through Aldbury, adding twenty minutes.")
	if a, _ := st.Article(ctx, "bridge"); !strings.Contains(a.Text, "newsroom that stays open") {
		t.Fatalf("the site's first page lost its promo with no template to drop it:\n%s", a.Text)
	}

	// The writer stops, reextract replaces the templates, the writer
	// starts again; the worker runs on.
	writer.Close()
	if err := st.ReplaceSiteTemplates(ctx, map[string][]byte{site: relearned}, time.Now()); err != nil {
		t.Fatal(err)
	}
	start(t, st, engine.Options{Queue: q})

	submit("lunch", "School lunch prices frozen", "Families in Calder will pay the same for school lunches next year, the council said.", "The subsidy will cost the council about 300,000 euros from its reserve.")
	a, err := st.Article(ctx, "lunch")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "newsroom that stays open") || !strings.Contains(a.Text, "300,000 euros") {
		t.Errorf("the worker's next page was not extracted with the template stored since:\n%s", a.Text)
	}
}

// countingTemplates counts a store's reads of site templates and of its
// generation.
type countingTemplates struct {
	*sqlite.Store
	templateReads, generationReads atomic.Int32
}

func (c *countingTemplates) SiteTemplate(ctx context.Context, site string) ([]byte, error) {
	c.templateReads.Add(1)
	return c.Store.SiteTemplate(ctx, site)
}

func (c *countingTemplates) Generation(ctx context.Context) (string, error) {
	c.generationReads.Add(1)
	return c.Store.Generation(ctx)
}

// TestProducerReadsATemplateOncePerJobAtMost bounds what the check costs:
// one look at the store's generation a job, and a site's template read at
// most once a job however many of its pages the job holds (and not again
// in a job that begins with the store unchanged).
func TestProducerReadsATemplateOncePerJobAtMost(t *testing.T) {
	ctx := context.Background()
	st := &countingTemplates{Store: tempStore(t)}
	q := queue.NewLocal(16)
	start(t, st.Store, engine.Options{Queue: q})
	worker := engine.NewProducer(st, engine.Options{Queue: q, Workers: 1})
	defer worker.Close()
	job := func(slugs ...string) iter.Seq2[news.Input, error] {
		return func(yield func(news.Input, error) bool) {
			for _, s := range slugs {
				url := "https://calderchronicle.example/news/" + s
				body := chroniclePage(s, "Report "+s, "The council of Calder met on "+s+" to vote on the harbour budget for next year.", "The vote on "+s+" was carried by nine votes to four.")
				if !yield(news.Input{Name: s + ".html", Page: &news.Page{ID: s, URL: url, Kind: news.KindHTML, Body: body}}, nil) {
					return
				}
			}
		}
	}
	counts := func() [2]int32 { return [2]int32{st.templateReads.Load(), st.generationReads.Load()} }
	for i, c := range []struct {
		slugs []string
		want  [2]int32 // template reads, generation reads, so far
	}{
		{[]string{"monday", "tuesday", "wednesday"}, [2]int32{1, 1}},
		{[]string{"thursday", "friday"}, [2]int32{2, 2}},             // the writer stored the first job since
		{[]string{"monday", "tuesday", "wednesday"}, [2]int32{2, 3}}, // all stored before: no page extracted
	} {
		if _, err := worker.Submit(ctx, job(c.slugs...), nil); err != nil {
			t.Fatal(err)
		}
		if got := counts(); got != c.want {
			t.Errorf("after job %d: %d template reads and %d generation reads; want %d and %d", i+1, got[0], got[1], c.want[0], c.want[1])
		}
	}
}
