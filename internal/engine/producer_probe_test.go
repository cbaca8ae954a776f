package engine_test

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/queue"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// sitesJob is one job of pages of several sites: for each site, a page per
// slug, each with its own text.
func sitesJob(sites []string, slugs ...string) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		for _, site := range sites {
			for _, s := range slugs {
				id := strings.SplitN(site, ".", 2)[0] + "-" + s
				url := "https://" + site + "/news/" + s
				body := separateSitePage(url, "Council of "+site+" meets on "+s,
					"The council of "+site+" met on "+s+" to vote on the harbour budget for the coming year.",
					"The vote of "+s+" at "+site+" was carried by nine votes to four after a long debate.")
				if !yield(news.Input{Name: id + ".html", Page: &news.Page{ID: id, URL: url, Kind: news.KindHTML, Body: body}}, nil) {
					return
				}
			}
		}
	}
}

// TestProducerReadsEachSiteOncePerJobAtMost: the bound of
// TestProducerReadsATemplateOncePerJobAtMost with many sites in a job: one
// generation read a job whatever it holds, and each site's template read
// once in a job after the store changed, not once a page.
func TestProducerReadsEachSiteOncePerJobAtMost(t *testing.T) {
	ctx := context.Background()
	st := &countingTemplates{Store: tempStore(t)}
	q := queue.NewLocal(64)
	start(t, st.Store, engine.Options{Queue: q})
	worker := engine.NewProducer(st, engine.Options{Queue: q, Workers: 1})
	defer worker.Close()
	var sites []string
	for i := range 6 {
		sites = append(sites, fmt.Sprintf("town%d.example", i))
	}
	for i, slugs := range [][]string{{"monday", "tuesday", "wednesday"}, {"thursday", "friday"}} {
		before := [2]int32{st.templateReads.Load(), st.generationReads.Load()}
		sum, err := worker.Submit(ctx, sitesJob(sites, slugs...), nil)
		if err != nil || sum.Stored != len(sites)*len(slugs) {
			t.Fatalf("job %d: %+v, %v", i+1, sum, err)
		}
		reads, gens := st.templateReads.Load()-before[0], st.generationReads.Load()-before[1]
		if gens != 1 || reads != int32(len(sites)) {
			t.Errorf("job %d of %d pages of %d sites: %d template reads and %d generation reads; want one a site and one", i+1, sum.Stored, len(sites), reads, gens)
		}
	}
}

// TestProducerOfAnotherProcessSeesTheTemplateStored: the worker, the
// writer and reextract are three processes, each with its own handle on
// the database (the in-process test shares one). The template stored by
// another handle after the worker met the site (with none stored yet)
// is the one its next job extracts with.
func TestProducerOfAnotherProcessSeesTheTemplateStored(t *testing.T) {
	ctx := context.Background()
	const site = "calderchronicle.example"
	relearned := chronicleTemplate(t)

	writerStore := tempStore(t)
	open := func() *sqlite.Store {
		st, err := sqlite.Open(ctx, writerStore.Path())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	workerStore, reextractStore := open(), open()
	q := queue.NewLocal(16)
	start(t, writerStore, engine.Options{Queue: q})
	worker := engine.NewProducer(workerStore, engine.Options{Queue: q, Workers: 1})
	defer worker.Close()
	submit := func(slug, title, lead, body string) news.Article {
		t.Helper()
		sum, err := worker.Submit(ctx, pageInput(slug, "https://"+site+"/news/"+slug, chroniclePage(slug, title, lead, body)), nil)
		if err != nil || sum.Stored != 1 {
			t.Fatalf("%s: %+v, %v; want it stored", slug, sum, err)
		}
		a, err := writerStore.Article(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	if a := submit("bridge", "Bridge shut for repairs", "The old road bridge at Fenwick will be shut for six weeks from Monday.", "Buses will run a diversion through Aldbury, adding twenty minutes."); !strings.Contains(a.Text, "newsroom that stays open") {
		t.Fatalf("the site's first page lost its promo with no template to drop it:\n%s", a.Text)
	}
	if err := reextractStore.ReplaceSiteTemplates(ctx, map[string][]byte{site: relearned}, time.Now()); err != nil {
		t.Fatal(err)
	}
	a := submit("lunch", "School lunch prices frozen", "Families in Calder will pay the same for school lunches next year, the council said.", "The subsidy will cost the council about 300,000 euros from its reserve.")
	if strings.Contains(a.Text, "newsroom that stays open") || !strings.Contains(a.Text, "300,000 euros") {
		t.Errorf("the worker's next page was not extracted with the template another process stored:\n%s", a.Text)
	}
}

// TestProducerJobsAtOnceWhileTemplatesChange: a server standing by with a
// queue takes posts at once, each a job of its producer, while the writer
// and reextract store templates; every page is stored (run with -race to
// see the templates held are not read while forgotten).
func TestProducerJobsAtOnceWhileTemplatesChange(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	q := queue.NewLocal(256)
	start(t, st, engine.Options{Queue: q})
	worker := engine.NewProducer(st, engine.Options{Queue: q, Workers: 2})
	defer worker.Close()
	sites := []string{"north.example", "south.example", "east.example"}
	const jobs = 4
	var wg sync.WaitGroup
	stored := make([]int, jobs)
	errs := make([]error, jobs)
	for j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 3 {
				sum, err := worker.Submit(ctx, sitesJob(sites, fmt.Sprintf("j%dk%d", j, k)), nil)
				stored[j] += sum.Stored
				if err != nil {
					errs[j] = err
				}
			}
		}()
	}
	for i := range 5 {
		if err := st.ReplaceSiteTemplates(ctx, map[string][]byte{}, time.Now().Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	for j := range jobs {
		if errs[j] != nil || stored[j] != 3*len(sites) {
			t.Errorf("submitter %d stored %d of %d pages, %v", j, stored[j], 3*len(sites), errs[j])
		}
	}
}
