package worker_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/natstest"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/queue/natsqueue"
	"github.com/storyline-news/storyline/internal/store/sqlite"
	"github.com/storyline-news/storyline/internal/worker"
)

// events are six unrelated news events, each a title and two sentences.
var events = [][3]string{
	{"Calder dockworkers end nine-day strike", "Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay.", "The union said 412 members took part in the vote and cargo ships would be unloaded again from Tuesday."},
	{"Warehouse fire destroys grain store in Dunmore", "A fire destroyed a grain warehouse in Dunmore on Sunday night, the fire brigade said.", "Firefighters from three towns fought the blaze until dawn; nobody was hurt but the harvest of forty farms was lost."},
	{"Brennock hospital opens new cancer ward", "The regional hospital in Brennock opened a cancer ward with sixty beds on Wednesday.", "Health minister Ilse Maren said the ward would shorten waiting times for radiotherapy across the north."},
	{"Fenwick ferry fares to rise in April", "The operator of the Fenwick ferries will raise fares on all routes by up to eight percent from April, blaming fuel costs.", "Passenger groups called the rise a tax on islanders who have no bridge to the mainland."},
	{"Aldbury football club sacks coach after relegation", "Aldbury United dismissed head coach Piers Hollis on Saturday, a day after the club was relegated.", "The board thanked Hollis for four seasons and said a successor would be named before the summer transfer window."},
	{"Northfield orchestra wins European prize", "The Northfield Symphony Orchestra won the European Orchestra Prize in Vienna on Friday for its recording of Mahler.", "Conductor Ana Ruiz said the prize belonged to the musicians who rehearsed through a winter without heating."},
}

// page is outlet's report of event ev.
func page(outlet string, ev int, published time.Time) *news.Page {
	e := events[ev]
	lead, rest := e[1], e[2]
	if outlet == "courier" { // the second outlet words it its own way
		lead, rest = "According to officials, "+strings.ToLower(lead[:1])+lead[1:], rest+" Reactions were mixed."
	}
	body := fmt.Sprintf(`<html><head><title>%[2]s - %[1]s</title></head><body>
<div id="nav"><a href="/">Home</a> | <a href="/news">News</a></div>
<article><h1>%[2]s</h1><p>%[3]s</p><p>%[4]s</p></article></body></html>`, outlet, e[0], lead, rest)
	return &news.Page{ID: fmt.Sprintf("%s-%d", outlet, ev), URL: fmt.Sprintf("https://%s.example/news-%d", outlet, ev),
		Source: outlet, Kind: news.KindHTML, Body: []byte(body), Published: published}
}

func connect(t *testing.T, url string, ackWait time.Duration) *natsqueue.Queue {
	t.Helper()
	q, err := natsqueue.Connect(context.Background(), url, natsqueue.Options{AckWait: ackWait})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

// TestWorkersStoreEveryInputOnceWhenOneDies: inputs queued for two workers,
// a writer storing what they publish; a third worker takes inputs and dies
// without acknowledging them. Every input is stored once: the dead
// worker's inputs are delivered again, and those queued twice are found
// stored.
func TestWorkersStoreEveryInputOnceWhenOneDies(t *testing.T) {
	ctx := context.Background()
	srv := natstest.Start(t, natstest.Options{})
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const ackWait = time.Second
	writerQ := connect(t, srv.URL(), ackWait)
	eng, err := engine.Start(ctx, st, engine.Options{Queue: writerQ})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()

	adder := connect(t, srv.URL(), ackWait)
	day := time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)
	var queued int
	for e := range events {
		for i, outlet := range []string{"ledger", "courier"} {
			p := page(outlet, e, day.Add(time.Duration(e*60+i*5)*time.Minute))
			if err := adder.PublishInput(ctx, natsqueue.Input{Name: p.ID + ".html", Page: p}); err != nil {
				t.Fatal(err)
			}
			queued++
		}
	}

	// A worker that takes inputs and dies (its connection closes, as on
	// kill -9) before it stores them.
	dying, err := natsqueue.Connect(ctx, srv.URL(), natsqueue.Options{AckWait: ackWait})
	if err != nil {
		t.Fatal(err)
	}
	taken, err := dying.Inputs(ctx, 5)
	if err != nil || len(taken) == 0 {
		t.Fatalf("the dying worker took %d inputs: %v", len(taken), err)
	}
	dying.Close()

	run, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var workers []*worker.Worker
	for range 2 {
		q := connect(t, srv.URL(), ackWait)
		w := worker.New(q, engine.NewProducer(st, engine.Options{Queue: q, Workers: 1}), worker.Options{Take: 4})
		workers = append(workers, w)
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.Run(run)
		}()
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		n, _ := adder.Pending(ctx)
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d inputs still queued after 30 s", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	wg.Wait()

	articles, stories, err := st.Counts(ctx)
	if err != nil || articles != queued || stories != len(events) {
		t.Errorf("stored %d articles in %d stories (%v); want %d in %d", articles, stories, err, queued, len(events))
	}
	var redelivered, stored int64
	for _, w := range workers {
		redelivered += w.Stats.Redelivered.Load()
		stored += w.Stats.Stored.Load()
	}
	if redelivered < int64(len(taken)) || stored != int64(queued) {
		t.Errorf("workers: %d redelivered (want at least the %d the dead worker took), %d stored", redelivered, len(taken), stored)
	}
	for e := range events {
		a, _ := st.StoryOf(ctx, fmt.Sprintf("ledger-%d", e))
		b, _ := st.StoryOf(ctx, fmt.Sprintf("courier-%d", e))
		if a == "" || a != b {
			t.Errorf("event %d: the two reports are in stories %q and %q", e, a, b)
		}
	}

	// The same pages queued again are found stored, not stored twice; the
	// one that names another outlet now gives its article that outlet.
	for e := range 2 {
		p := page("ledger", e, day)
		p.Published = day.Add(time.Duration(e*60) * time.Minute)
		body := append(p.Body, ' ')
		if e == 1 { // the same page (its digest is found), naming its outlet anew
			body, p.Source = p.Body, "Ledger Weekly"
		}
		if err := adder.PublishInput(ctx, natsqueue.Input{Name: p.ID + ".html (again)", Page: &news.Page{ID: p.ID, URL: p.URL, Source: p.Source, Kind: p.Kind, Body: body, Published: p.Published}}); err != nil {
			t.Fatal(err)
		}
	}
	q := connect(t, srv.URL(), ackWait)
	w := worker.New(q, engine.NewProducer(st, engine.Options{Queue: q}), worker.Options{})
	again, stopAgain := context.WithTimeout(ctx, 5*time.Second)
	defer stopAgain()
	go func() {
		for {
			if n, _ := adder.Pending(ctx); n == 0 && w.Stats.Inputs.Load() == 2 {
				stopAgain()
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	w.Run(again)
	if n, _, _ := st.Counts(ctx); n != queued || w.Stats.AlreadyStored.Load() != 2 || w.Stats.OutletsSet.Load() != 1 {
		t.Errorf("pages queued again: %d articles stored (want %d), %d found stored (want 2), %d given a new outlet (want 1)",
			n, queued, w.Stats.AlreadyStored.Load(), w.Stats.OutletsSet.Load())
	}
}
