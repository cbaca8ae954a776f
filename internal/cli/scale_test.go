package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/natstest"
	"github.com/storyline-news/storyline/internal/source/web"
)

// scaleEvents are six unrelated events, each reported by three outlets in
// words of their own: a title, a lead and a detail.
var scaleEvents = [][3]string{
	{"Calder dockworkers end nine-day strike", "Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay.", "The union said 412 members took part in the vote and cargo ships would be unloaded again from Tuesday."},
	{"Warehouse fire destroys grain store in Dunmore", "A fire destroyed a grain warehouse in Dunmore on Sunday night, the fire brigade said.", "Firefighters from three towns fought the blaze until dawn; nobody was hurt but the harvest of forty farms was lost."},
	{"Brennock hospital opens new cancer ward", "The regional hospital in Brennock opened a cancer ward with sixty beds on Wednesday.", "Health minister Ilse Maren said the ward would shorten waiting times for radiotherapy across the north."},
	{"Fenwick ferry fares to rise in April", "The operator of the Fenwick ferries will raise fares on all routes by up to eight percent from April, blaming fuel costs.", "Passenger groups called the rise a tax on islanders who have no bridge to the mainland."},
	{"Aldbury football club sacks coach after relegation", "Aldbury United dismissed head coach Piers Hollis on Saturday, a day after the club was relegated.", "The board thanked Hollis for four seasons and said a successor would be named before the summer transfer window."},
	{"Northfield orchestra wins European prize", "The Northfield Symphony Orchestra won the European Orchestra Prize in Vienna on Friday for its recording of Mahler.", "Conductor Ana Ruiz said the prize belonged to the musicians who rehearsed through a winter without heating."},
}

// writeScalePages writes each outlet's report of each event as an HTML
// page in dir, and returns the article ids (the file names).
func writeScalePages(t *testing.T, dir string) []string {
	t.Helper()
	day := time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)
	var ids []string
	for ev, e := range scaleEvents {
		for i, outlet := range []string{"ledger", "courier", "herald"} {
			lead, rest := e[1], e[2]
			switch outlet {
			case "courier":
				lead = "According to officials, " + strings.ToLower(lead[:1]) + lead[1:]
			case "herald":
				rest += " More details were expected later in the week."
			}
			id := fmt.Sprintf("%s-%d", outlet, ev)
			published := day.Add(time.Duration(ev*90+i*20) * time.Minute).Format(time.RFC3339)
			page := fmt.Sprintf(`<html><head><title>%[2]s - %[1]s</title><meta property="article:published_time" content="%[5]s"></head><body>
<div id="nav"><a href="/">Home</a> | <a href="/news">News</a></div>
<article><h1>%[2]s</h1><p>%[3]s</p><p>%[4]s</p></article></body></html>`, outlet, e[0], lead, rest, published)
			if err := os.WriteFile(filepath.Join(dir, id+".html"), []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
	}
	return ids
}

// process is a storyline command run as a process of its own (the test
// binary again, through TestHelperServe), so that it can be killed.
type process struct {
	cmd   *exec.Cmd
	lines chan string
}

func spawn(t *testing.T, args ...string) *process {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperServe$")
	cmd.Env = append(os.Environ(), "STORYLINE_HELPER_SERVE="+strings.Join(args, "\x1f"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &process{cmd: cmd, lines: make(chan string, 100)}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			select {
			case p.lines <- sc.Text():
			default:
			}
		}
		close(p.lines)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return p
}

// await returns the first line the process prints that matches re.
func (p *process) await(t *testing.T, re string) string {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case l, ok := <-p.lines:
			if !ok {
				t.Fatalf("the process ended before printing %q", re)
			}
			if m := regexp.MustCompile(re).FindString(l); m != "" {
				return m
			}
		case <-timeout:
			t.Fatalf("the process printed no %q in 20 s", re)
		}
	}
}

func (p *process) kill() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	p.cmd.Wait()
}

// partition is the stories of a database as sorted lists of article ids.
func partition(t *testing.T, db string, ids []string) []string {
	t.Helper()
	st, err := openDatabase(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	members := map[string][]string{}
	for _, id := range ids {
		story, err := st.StoryOf(context.Background(), id)
		if err != nil {
			t.Fatalf("article %s: %v", id, err)
		}
		members[story] = append(members[story], id)
	}
	var out []string
	for _, m := range members {
		slices.Sort(m)
		out = append(out, strings.Join(m, " "))
	}
	slices.Sort(out)
	return out
}

// TestScaleOutLosesNothingAndDoublesNothing runs storyline as a deployment:
// PostgreSQL, NATS JetStream, two servers (a writer and a standby), three
// workers; add queues the pages. A worker is killed with SIGKILL holding
// inputs it published and never saw stored, and the writer is killed in
// the middle of the run. The standby takes over and finishes: every page
// is stored once, in the stories a single process on SQLite makes of the
// same pages.
func TestScaleOutLosesNothingAndDoublesNothing(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	os.Mkdir(pages, 0o755)
	ids := writeScalePages(t, pages)

	// The single-process run on SQLite that the deployment must match.
	lite := filepath.Join(dir, "lite.db")
	if out, errOut, code := storyline(t, "add", "--db", lite, pages); code != 0 {
		t.Fatalf("add on SQLite: %s %s", out, errOut)
	}
	want := partition(t, lite, ids)

	db := pgCluster.NewDatabase(t)
	nats := natstest.Start(t, natstest.Options{}).URL()
	const ackWait = "2s"
	qargs := []string{"--db", db, "--queue", nats, "--ack-wait", ackWait}

	// The first twelve pages are queued before any writer runs; the first
	// worker takes six, publishes them, waits for a writer to store them
	// (it says it is busy), and is killed.
	first, second := filepath.Join(dir, "first"), filepath.Join(dir, "second")
	os.Mkdir(first, 0o755)
	os.Mkdir(second, 0o755)
	for i, id := range ids {
		to := first
		if i >= 12 {
			to = second
		}
		if err := os.Rename(filepath.Join(pages, id+".html"), filepath.Join(to, id+".html")); err != nil {
			t.Fatal(err)
		}
	}
	queue := func(folder string, n int) {
		t.Helper()
		if out, errOut, code := storyline(t, "add", "--db", db, "--queue", nats, folder); code != 0 || out != fmt.Sprintf("%d inputs queued for the workers, 0 failed\n", n) {
			t.Fatalf("add --queue: exit %d, %q %q", code, out, errOut)
		}
	}
	queue(first, 12)
	doomed := spawn(t, append([]string{"worker", "--take", "6", "--addr", "127.0.0.1:0"}, qargs...)...)
	health := doomed.await(t, `http://[0-9.:]+`)
	for deadline := time.Now().Add(20 * time.Second); !workerBusy(health); {
		if time.Now().After(deadline) {
			t.Fatal("the first worker never took its inputs")
		}
		time.Sleep(20 * time.Millisecond)
	}
	doomed.kill()

	writer := spawn(t, append([]string{"serve", "--addr", "127.0.0.1:0"}, qargs...)...)
	writer.await(t, `http://[0-9.:]+`)
	if err := waitForServingWriter(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	standby := spawn(t, append([]string{"serve", "--addr", "127.0.0.1:0"}, qargs...)...)
	standby.await(t, `http://[0-9.:]+`)
	for range 3 {
		w := spawn(t, append([]string{"worker", "--take", "2"}, qargs...)...)
		w.await(t, "worker taking inputs")
	}
	stored := func() int {
		st, err := openDatabase(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		n, _, err := st.Counts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	waitStored := func(n int) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); stored() < n; {
			if time.Now().After(deadline) {
				t.Fatalf("%d of %d pages stored after 30 s", stored(), n)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	// The writer stores the first twelve (the dead worker's six among
	// them, once) and is killed; the rest are queued while no writer runs.
	waitStored(12)
	writer.kill()
	queue(second, 6)
	waitStored(len(ids))
	time.Sleep(3 * time.Second) // anything delivered again (ack wait 2 s) comes now
	if n := stored(); n != len(ids) {
		t.Errorf("%d articles stored for %d pages", n, len(ids))
	}
	if got := partition(t, db, ids); !slices.Equal(got, want) {
		t.Errorf("stories of the deployment:\n%s\nwant those of one process on SQLite:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// workerBusy reports whether the worker whose health address is base is
// working on a job.
func workerBusy(base string) bool {
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	var h struct{ Busy bool }
	json.NewDecoder(resp.Body).Decode(&h)
	return h.Busy
}

// TestFeedItemsQueuedAreFetchedByTheWorkers: `add --queue` of a feed reads
// the feed and queues its items' addresses without fetching them; a worker
// fetches each item once and the writer stores it with the feed's date.
func TestFeedItemsQueuedAreFetchedByTheWorkers(t *testing.T) {
	var fetched atomic.Int64
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/news/") {
			http.NotFound(w, r) // robots.txt
			return
		}
		fetched.Add(1)
		var ev int
		fmt.Sscanf(r.URL.Path, "/news/%d", &ev)
		e := scaleEvents[ev]
		fmt.Fprintf(w, `<html><head><title>%s</title></head><body><article><h1>%[1]s</h1><p>%s</p><p>%s</p></article></body></html>`, e[0], e[1], e[2])
	}))
	defer site.Close()
	feedFile := filepath.Join(t.TempDir(), "ledger.rss")
	rss := `<rss version="2.0"><channel><title>Ledger</title>`
	for ev := range 2 {
		rss += fmt.Sprintf(`<item><title>%s</title><link>%s/news/%d</link><pubDate>Tue, 1%d Nov 2026 09:00:00 GMT</pubDate></item>`, scaleEvents[ev][0], site.URL, ev, ev)
	}
	if err := os.WriteFile(feedFile, []byte(rss+`</channel></rss>`), 0o644); err != nil {
		t.Fatal(err)
	}

	db := pgCluster.NewDatabase(t)
	nats := natstest.Start(t, natstest.Options{}).URL()
	qargs := []string{"--db", db, "--queue", nats}
	out, errOut, code := storyline(t, append([]string{"add"}, append(qargs, feedFile)...)...)
	if code != 0 || out != "2 inputs queued for the workers, 0 failed\n" || fetched.Load() != 0 {
		t.Fatalf("add --queue of a feed: exit %d, %q %q, %d pages fetched; want 2 queued and none fetched", code, out, errOut, fetched.Load())
	}
	startServeCtx(t, context.Background(), db, true, qargs[2:]...)
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}, append([]string{"worker", "--allow-private", "--fetch-delay", "10ms"}, qargs...))
	}()
	defer func() { stop(); <-done }()
	st, err := openDatabase(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for deadline := time.Now().Add(30 * time.Second); ; {
		if n, _, _ := st.Counts(context.Background()); n == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the feed's items are not stored after 30 s (%d pages fetched)", fetched.Load())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if fetched.Load() != 2 {
		t.Errorf("%d pages fetched for 2 items", fetched.Load())
	}
	for ev := range 2 {
		a, err := st.Article(context.Background(), web.URLID(fmt.Sprintf("%s/news/%d", site.URL, ev)))
		if want := time.Date(2026, 11, 10+ev, 9, 0, 0, 0, time.UTC); err != nil || !a.Published.Equal(want) {
			t.Errorf("item %d: published %v (%v); want the feed's %v", ev, a.Published, err, want)
		}
	}
}
