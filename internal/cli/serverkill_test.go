package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// TestHelperServe is not a test: TestServerKilledLosesNothingAcknowledged
// runs the test binary again with STORYLINE_HELPER_SERVE set, to have a
// `serve` in a process it can kill.
func TestHelperServe(t *testing.T) {
	args := os.Getenv("STORYLINE_HELPER_SERVE")
	if args == "" {
		return
	}
	err := Main(context.Background(), strings.Split(args, "\x1f"), os.Stdout, os.Stderr)
	os.Exit(ExitCode(err))
}

// postedPage is a page of its own for POST /api/v1/articles: one of ten
// events, reported in words of its own.
func postedPage(i int) string {
	places := []string{"Calder", "Fenwick", "Brennock", "Westmere", "Aldbury", "Ridgeway", "Marrow", "Sable", "Dunmore", "Harrow"}
	place := places[i%len(places)]
	html := fmt.Sprintf(`<html><head><title>%s harbour report %d</title></head><body><article><h1>%s harbour report %d</h1>`+
		`<p>Officials in %s said on day %d that the harbour plan, item %d, would cost about %d euros, according to the council.</p>`+
		`<p>The council of %s will vote on the plan, numbered %d, next week, a spokesperson said.</p></article></body></html>`,
		place, i, place, i, place, i, i*7, 1000+i*13, place, i)
	b, _ := json.Marshal(map[string]string{"url": fmt.Sprintf("https://%s.example/news/%d", strings.ToLower(place), i),
		"published": "2026-03-02T09:00:00Z", "html": html})
	return string(b)
}

// TestServerKilledLosesNothingAcknowledged posts pages to a server from
// several clients at once and kills it with SIGKILL in the middle: every
// page the server answered 201 for is in the database afterwards, in the
// story it said.
func TestServerKilledLosesNothingAcknowledged(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperServe$")
	cmd.Env = append(os.Environ(), "STORYLINE_HELPER_SERVE="+strings.Join([]string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--token", "t0k"}, "\x1f"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(stdout)
	base := ""
	for base == "" && sc.Scan() {
		base = regexp.MustCompile(`http://[0-9.:]+`).FindString(sc.Text())
	}
	go io.Copy(io.Discard, stdout)
	if base == "" {
		t.Fatal("serve printed no address")
	}
	if err := waitForServingWriter(context.Background(), db); err != nil {
		t.Fatal(err)
	}

	type ack struct{ article, story string }
	var mu sync.Mutex
	var acked []ack
	killed := make(chan struct{})
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 10 * time.Second}
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; ; i += 4 {
				select {
				case <-killed:
					return
				default:
				}
				req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/articles", strings.NewReader(postedPage(i)))
				req.Header.Set("Authorization", "Bearer t0k")
				resp, err := client.Do(req)
				if err != nil {
					return // the server is gone
				}
				var body struct{ Status, Article, Story string }
				json.NewDecoder(resp.Body).Decode(&body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusServiceUnavailable || resp.StatusCode == http.StatusTooManyRequests {
					// Busy (a machine under load): the API asks to try again,
					// and an answer that is not 201 acknowledged nothing.
					time.Sleep(50 * time.Millisecond)
					i -= 4
					continue
				}
				if resp.StatusCode == http.StatusCreated {
					mu.Lock()
					acked = append(acked, ack{body.Article, body.Story})
					mu.Unlock()
				} else if resp.StatusCode != http.StatusOK {
					t.Errorf("post %d: %d %+v", i, resp.StatusCode, body)
					return
				}
			}
		}()
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(5 * time.Millisecond) {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 60 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d posts acknowledged in a minute", n)
		}
	}
	cmd.Process.Kill() // SIGKILL: no chance to finish anything
	close(killed)
	cmd.Wait()
	wg.Wait()

	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatalf("the database does not open after the kill: %v", err)
	}
	defer st.Close()
	if check, err := st.QueryIntegrity(ctx); err != nil || check != "ok" {
		t.Fatalf("integrity check after the kill: %q %v", check, err)
	}
	mu.Lock()
	defer mu.Unlock()
	lost := 0
	for _, a := range acked {
		story, err := st.StoryOf(ctx, a.article)
		if err != nil {
			lost++
			continue
		}
		if story != a.story {
			// A later merge may move an article; its story must have
			// taken it, and the change be recorded.
			changes, _ := st.StoryChanges(ctx, story)
			if len(changes) == 0 {
				t.Errorf("article %s was acknowledged in story %s, is in %s with no change recorded", a.article, a.story, story)
			}
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d acknowledged articles are not in the database after the kill", lost, len(acked))
	}
	n, _, _ := st.Counts(ctx)
	t.Logf("%d posts acknowledged before the kill, %d articles stored", len(acked), n)
}
