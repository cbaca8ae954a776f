package eval

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// SyntheticArticles makes n articles about n/5 made-up events, five reports
// each, for load tests: deterministic for a seed, shaped like news (a title,
// six paragraphs naming the event's people, places and figures).
func SyntheticArticles(n int, seed int64) []news.Article {
	next := SyntheticStream(seed)
	out := make([]news.Article, n)
	for i := range out {
		out[i] = next()
	}
	return out
}

// SyntheticStream is SyntheticArticles without an end: each call returns the
// next article, so that a long stream need not be held in memory.
func SyntheticStream(seed int64) func() news.Article {
	r := rand.New(rand.NewSource(seed))
	syllables := []string{"ka", "lo", "mer", "vin", "do", "ra", "sel", "tu", "bren", "ock", "wy", "ster", "fa", "ling", "ord", "mi"}
	word := func(parts int) string {
		var b strings.Builder
		for i := 0; i < parts; i++ {
			b.WriteString(syllables[r.Intn(len(syllables))])
		}
		return b.String()
	}
	title := func(w string) string { return strings.ToUpper(w[:1]) + w[1:] }
	verbs := []string{"said on Monday", "announced", "confirmed", "warned", "reported", "told reporters"}
	common := strings.Fields("the council police officials residents company workers plans project city region vote deal report court government")
	outlets := []string{"Valley Wire Service", "The Harbor Ledger", "Northfield Courier", "Coastline Daily", "Metro Bulletin", "The Ridgeway Post"}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var queue []news.Article
	story := 0
	return func() news.Article {
		if len(queue) == 0 {
			person := title(word(2)) + " " + title(word(3))
			place := title(word(2))
			org := title(word(2)) + " " + []string{"Authority", "Council", "Union", "Group"}[r.Intn(4)]
			topic := []string{word(3), word(3), word(2)}
			when := start.Add(time.Duration(story) * 90 * time.Minute)
			for k := 0; k < 5; k++ {
				var paras []string
				for p := 0; p < 6; p++ {
					var sents []string
					for s := 0; s < 3; s++ {
						sents = append(sents, fmt.Sprintf("%s %s that the %s %s in %s would %s %d %s.",
							person, verbs[r.Intn(len(verbs))], org, topic[r.Intn(3)], place, common[r.Intn(len(common))],
							10+r.Intn(500), common[r.Intn(len(common))]))
					}
					paras = append(paras, strings.Join(sents, " "))
				}
				queue = append(queue, news.Article{
					ID: fmt.Sprintf("s%05d-%d", story, k), Source: outlets[(story+k)%len(outlets)],
					Published: when.Add(time.Duration(k) * 20 * time.Minute),
					Title:     fmt.Sprintf("%s %s %s in %s", org, topic[0], topic[1], place),
					Text:      strings.Join(paras, "\n\n"),
				})
			}
			story++
		}
		a := queue[0]
		queue = queue[1:]
		return a
	}
}

// LoadReport is the outcome of a load test.
type LoadReport struct {
	Offered     int     // requests scheduled: rate x duration
	OfferedRate float64 // Offered / duration, per second
	Sent        int     // requests sent (Offered less those over the in-flight cap)
	Unsent      int     // scheduled while MaxInFlight were waiting: the client's limit, counted as errors
	Requests    int     // answers received (any status) or failed
	Errors      int     // failed, non-2xx/3xx other than 429, or unsent
	Refused     int     // 429 Too Many Requests: the server's back-pressure
	Late        int     // requests sent more than 10 ms after their scheduled time
	Duration    time.Duration
	PerSecond   float64 // answers per second
	// Latency from each request's scheduled time to its answer, so that a
	// sender that falls behind counts the wait (no coordinated omission).
	P50, P95, P99 time.Duration
	Max           time.Duration
}

// MaxInFlight bounds the requests RunLoad has waiting at once.
const MaxInFlight = 4096

// RunLoad requests the given URLs in turn at a fixed rate for the duration
// and measures latency. It is an open loop: request i is due at start +
// i/rate whatever happened to the ones before, and is sent at that time (or
// at once, if the sender is behind: never skipped), so the rate offered is
// the rate asked for; the report says what was offered and what was sent.
// It stops by itself.
func RunLoad(ctx context.Context, urls []string, rate int, duration time.Duration) LoadReport {
	transport := &http.Transport{MaxIdleConns: MaxInFlight, MaxIdleConnsPerHost: MaxInFlight, MaxConnsPerHost: 0}
	defer transport.CloseIdleConnections()
	client := &http.Client{Timeout: 10 * time.Second, Transport: transport}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		rep       LoadReport
		wg        sync.WaitGroup
	)
	rate = max(1, rate)
	rep.Offered = int(duration.Seconds() * float64(rate))
	slots := make(chan struct{}, MaxInFlight)
	began := time.Now()
	for i := 0; i < rep.Offered && ctx.Err() == nil; i++ {
		due := began.Add(time.Duration(i) * time.Second / time.Duration(rate))
		if wait := time.Until(due); wait > 0 {
			time.Sleep(wait)
		} else if -wait > 10*time.Millisecond {
			rep.Late++
		}
		select {
		case slots <- struct{}{}:
		default:
			rep.Unsent++ // the client's own limit: reported, never silent
			continue
		}
		rep.Sent++
		wg.Add(1)
		go func(url string, due time.Time) {
			defer wg.Done()
			defer func() { <-slots }()
			resp, err := client.Get(url)
			status := 0
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				status = resp.StatusCode
			}
			d := time.Since(due)
			mu.Lock()
			defer mu.Unlock()
			latencies = append(latencies, d)
			switch {
			case status == http.StatusTooManyRequests:
				rep.Refused++
			case status < 200 || status >= 400:
				rep.Errors++
			}
		}(urls[i%len(urls)], due)
	}
	wg.Wait()
	rep.Duration = time.Since(began)
	rep.Errors += rep.Unsent
	rep.OfferedRate = float64(rep.Offered) / duration.Seconds()
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	rep.Requests = len(latencies)
	rep.PerSecond = float64(len(latencies)) / rep.Duration.Seconds()
	if n := len(latencies); n > 0 {
		at := func(q float64) time.Duration { return latencies[min(n-1, int(q*float64(n)))] }
		rep.P50, rep.P95, rep.P99, rep.Max = at(0.50), at(0.95), at(0.99), latencies[n-1]
	}
	return rep
}
