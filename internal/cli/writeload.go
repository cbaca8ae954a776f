package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// writeLoad posts new pages to a server that holds st (serve, with its
// engine and its projector at work) at rate a second for duration, open
// loop (each post is sent at its time, however long the earlier ones take),
// and prints the latency of the answers. The pages continue the synthetic
// stream st was filled from: a new event, then four more reports of it,
// and so on, so that a post starts a story or joins one.
func writeLoad(ctx context.Context, e env, st *sqlite.Store, stored, rate int, duration time.Duration) error {
	const token = "eval-load"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	ln.Close() // serve listens on it again
	serving, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- serve(serving, env{stdout: io.Discard, stderr: e.stderr, getenv: e.getenv, logger: e.logger}, st, serveOptions{addr: addr, token: token})
	}()
	defer func() {
		stop()
		<-done
	}()
	base := "http://" + addr
	if err := waitForServingWriter(ctx, st.Path()); err != nil {
		return err
	}
	next := eval.SyntheticStream(1)
	for range stored { // the articles in the database already
		next()
	}
	body := func(i int) []byte {
		a := next()
		var b strings.Builder
		fmt.Fprintf(&b, "<html><head><title>%s</title></head><body><article><h1>%s</h1>", html.EscapeString(a.Title), html.EscapeString(a.Title))
		for _, p := range a.Paragraphs() {
			fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(p))
		}
		b.WriteString("</article></body></html>")
		j, _ := json.Marshal(map[string]string{"url": fmt.Sprintf("https://load.example/%d", i), "published": news.FormatPublished(a.Published), "html": b.String()})
		return j
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	post := func(b []byte) (time.Duration, error) {
		req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/articles", bytes.NewReader(b))
		req.Header.Set("Authorization", "Bearer "+token)
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("HTTP %d", resp.StatusCode)
		}
		return time.Since(t0), nil
	}
	// The first post waits for the writer to start (it restores its
	// clusterer from the stored articles).
	first, startup := body(-1), time.Now()
	one, err := post(first)
	for err != nil && strings.Contains(err.Error(), "HTTP 503") && time.Since(startup) < time.Minute {
		time.Sleep(20 * time.Millisecond)
		one, err = post(first)
	}
	if err != nil {
		return fmt.Errorf("a first post: %w", err)
	}
	fmt.Fprintf(e.stdout, "the writer took posts %s after serve held the database\n", ms(time.Since(startup)-one))
	fmt.Fprintf(e.stdout, "one post alone takes %s\n", ms(one))

	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  []error
		late      int // posts sent more than 10 ms after their time
		wg        sync.WaitGroup
	)
	interval := time.Second / time.Duration(rate)
	n := int(duration / interval)
	bodies := make([][]byte, n) // made before the clock starts: the sender must not take the server's CPU
	for i := range bodies {
		bodies[i] = body(i)
	}
	began := time.Now()
	for i := range n {
		at := began.Add(time.Duration(i) * interval)
		if wait := time.Until(at); wait > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(wait):
			}
		} else if -wait > 10*time.Millisecond {
			late++
		}
		b := bodies[i]
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := post(b)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failures = append(failures, err)
				return
			}
			latencies = append(latencies, d)
		}()
	}
	offered := float64(n) / time.Since(began).Seconds()
	wg.Wait()
	slices.Sort(latencies)
	q := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))]
	}
	fmt.Fprintf(e.stdout, "POST /api/v1/articles: %d posts offered at %.1f/s (%d sent late) over %s, %d errors; latency p50 %s p90 %s p99 %s max %s\n",
		n, offered, late, duration, len(failures), ms(q(0.5)), ms(q(0.9)), ms(q(0.99)), ms(q(1)))
	if len(failures) > 0 {
		fmt.Fprintf(e.stdout, "first error: %v\n", failures[0])
	}
	stale, err := st.StaleStories(ctx, 0)
	if err == nil {
		fmt.Fprintf(e.stdout, "stories the projector had not compared yet at the end: %d\n", len(stale))
	}
	return nil
}

// waitForServingWriter waits until a server holds the writer lock of the
// database at path.
func waitForServingWriter(ctx context.Context, path string) error {
	st, err := openDatabase(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); {
		unlock, err := st.LockWriter(ctx, news.WriterInfo{Command: "eval"})
		var locked *news.LockedError
		switch {
		case err == nil:
			unlock()
		case errors.As(err, &locked) && locked.By.Addr != "":
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return fmt.Errorf("no server took the writer lock of %s", path)
}
