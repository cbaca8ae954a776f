package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestDemoCorpus checks that the bundled corpus shows every part of the
// product: enough outlets and events, HTML pages and a text dump, a wire
// story with near-copies and a rewrite, quotes, and a figure in dispute.
func TestDemoCorpus(t *testing.T) {
	ctx := context.Background()
	st, eng, err := loadDemo(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	defer eng.Close()
	articles, _, _ := st.Counts(ctx)
	list, err := st.Stories(ctx, news.StoryQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	outlets := map[string]bool{}
	events := 0
	var copies, rewrites, conflicts, quotes, dumps int
	for _, s := range list {
		for _, src := range s.Sources {
			outlets[src] = true
		}
		if s.Articles >= 2 {
			events++
		}
		d, err := st.Story(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range d.Derivations {
			if dv.Kind == "copy" {
				copies++
			} else {
				rewrites++
			}
		}
		conflicts += len(d.Conflicts)
		for _, q := range d.Quotes {
			if q.Speaker != "" {
				quotes++
			}
		}
		for _, a := range d.Articles {
			if a.Source == "The Ridgeway Post" && a.URL == "" {
				dumps++
			}
		}
	}
	if articles < 25 || len(outlets) < 6 || events < 8 {
		t.Errorf("demo: %d articles, %d outlets, %d events with 2+ articles; want 25, 6, 8", articles, len(outlets), events)
	}
	if copies < 2 || rewrites < 1 || conflicts < 1 || quotes < 5 || dumps != 1 {
		t.Errorf("demo: %d copies, %d rewrites, %d conflicts, %d attributed quotes, %d text dumps", copies, rewrites, conflicts, quotes, dumps)
	}
	if len(list) != 9 {
		t.Errorf("demo: %d stories, want its 9 events", len(list))
	}
}

func TestDemoServesAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, env{stdout: pw, stderr: io.Discard, getenv: func(string) string { return "" }, logger: nil}, []string{"demo", "--addr", "127.0.0.1:0"})
		pw.Close()
	}()
	addr := regexp.MustCompile(`http://[0-9.:]+/`)
	sc := bufio.NewScanner(pr)
	var base string
	for sc.Scan() {
		if m := addr.FindString(sc.Text()); m != "" {
			base = m
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if base == "" {
		t.Fatal("demo printed no address")
	}
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(base + "healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"stories":9`) {
		t.Errorf("healthz: %d %s", resp.StatusCode, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("demo stopped with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("demo did not stop after its context ended")
	}
}
