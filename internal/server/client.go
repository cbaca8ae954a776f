package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// Submit sends inputs to the ingest endpoint of the server at addr (its base
// URL, as the writer lock names it) as one job, and returns what the server
// stored, as the engine's Submit does in-process. progress (may be nil) sees
// the counts as the server reports them. client nil means
// http.DefaultClient.
func Submit(ctx context.Context, client *http.Client, addr, secret string, inputs iter.Seq2[news.Input, error], progress func(news.RunSummary)) (news.RunSummary, error) {
	if client == nil {
		client = http.DefaultClient
	}
	if err := waitForWrites(ctx, client, addr); err != nil {
		return news.RunSummary{}, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pr, pw := io.Pipe()
	defer pr.Close() // stops the sender when the answer ends first
	go func() {
		enc := json.NewEncoder(pw)
		for in, err := range inputs {
			if e := enc.Encode(wireInputOf(in, err)); e != nil {
				pw.CloseWithError(e)
				return
			}
		}
		pw.Close()
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(addr, "/")+"/api/v1/ingest", pr)
	if err != nil {
		return news.RunSummary{}, err
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, err := client.Do(req)
	if err != nil {
		return news.RunSummary{}, fmt.Errorf("submit to the server at %s: %w", addr, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error string }
		json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&e)
		return news.RunSummary{}, fmt.Errorf("submit to the server at %s: %s: %s", addr, resp.Status, e.Error)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 256<<20) // the summary lists every article stored
	var last news.RunSummary
	for sc.Scan() {
		var l wireLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return last, fmt.Errorf("the server at %s answered %.80q: %w", addr, sc.Text(), err)
		}
		switch {
		case l.Summary != nil:
			sum := fromWire(*l.Summary, 0)
			if l.Error != "" {
				return sum, errors.New(l.Error)
			}
			return sum, nil
		case l.Progress != nil:
			last = fromWire(l.Progress.WireSummary, l.Progress.Failed)
			if progress != nil {
				progress(last)
			}
		}
	}
	err = sc.Err()
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return last, fmt.Errorf("the server at %s stopped before it said what it stored (%d articles by then): %w", addr, last.Stored, err)
}

// wireInputOf is an input (or a source's failure) as it goes on the wire.
func wireInputOf(in news.Input, err error) WireInput {
	if err != nil {
		var ie *news.InputError
		if errors.As(err, &ie) {
			return WireInput{Name: ie.Name, Error: ie.Err.Error()}
		}
		return WireInput{Name: in.Name, Error: err.Error()}
	}
	wi := WireInput{Name: in.Name, Article: in.Article, FromURL: in.FromURL}
	if p := in.Page; p != nil {
		wi.Page = &WirePage{ID: p.ID, URL: p.URL, Source: p.Source, Kind: p.Kind, Body: p.Body, Published: p.Published, DateOnly: p.DateOnly, Fetched: p.Fetched, Capture: p.Capture}
	}
	return wi
}

// readyPoll is how often Submit asks a server that does not take writes yet
// (its writer is starting) whether it does now.
const readyPoll = 250 * time.Millisecond

// waitForWrites waits until the server at addr takes writes (its /healthz
// says so): a server that has just taken the writer lock restores its
// clusterer before it does, and inputs sent meanwhile would be refused.
func waitForWrites(ctx context.Context, client *http.Client, addr string) error {
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(addr, "/")+"/healthz", nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("reach the server at %s: %w", addr, err)
		}
		var health struct{ Writes string }
		err = json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&health)
		resp.Body.Close()
		switch {
		case err != nil:
			return fmt.Errorf("the server at %s answered /healthz with %s: %w", addr, resp.Status, err)
		case health.Writes == "ready":
			return nil
		case health.Writes == "off" || health.Writes == "":
			return fmt.Errorf("the server at %s takes no writes", addr)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(readyPoll):
		}
	}
}
