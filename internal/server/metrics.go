package server

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency
// histogram.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

// metrics counts requests by route and status, and their latencies, for
// GET /metrics in the Prometheus text format.
type metrics struct {
	mu       sync.Mutex
	requests map[[2]string]int64 // (route, status code) -> count
	buckets  []int64             // cumulative counts per latencyBuckets, then +Inf
	sum      float64
	count    int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[[2]string]int64{}, buckets: make([]int64, len(latencyBuckets)+1)}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection's writer (to
// flush, and to read a request while answering it: POST /api/v1/ingest).
func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// wrap records every request that h serves.
func (m *metrics) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		route := r.Pattern // set by the ServeMux once it has routed the request
		if route == "" {
			route = "unmatched"
		}
		m.observe(route, rec.status, time.Since(start).Seconds())
	})
}

func (m *metrics) observe(route string, status int, seconds float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[2]string{route, fmt.Sprint(status)}]++
	for i, b := range latencyBuckets {
		if seconds <= b {
			m.buckets[i]++
		}
	}
	m.buckets[len(latencyBuckets)]++
	m.sum += seconds
	m.count++
}

// write renders the metrics and the given gauges in the Prometheus text
// exposition format.
func (m *metrics) write(w *strings.Builder, gauges map[string]float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.WriteString("# HELP storyline_http_requests_total HTTP requests served, by route and status code.\n")
	w.WriteString("# TYPE storyline_http_requests_total counter\n")
	keys := make([][2]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		fmt.Fprintf(w, "storyline_http_requests_total{route=%q,code=%q} %d\n", k[0], k[1], m.requests[k])
	}
	w.WriteString("# HELP storyline_http_request_duration_seconds Time to serve a request.\n")
	w.WriteString("# TYPE storyline_http_request_duration_seconds histogram\n")
	for i, b := range latencyBuckets {
		fmt.Fprintf(w, "storyline_http_request_duration_seconds_bucket{le=\"%g\"} %d\n", b, m.buckets[i])
	}
	fmt.Fprintf(w, "storyline_http_request_duration_seconds_bucket{le=\"+Inf\"} %d\n", m.buckets[len(latencyBuckets)])
	fmt.Fprintf(w, "storyline_http_request_duration_seconds_sum %g\nstoryline_http_request_duration_seconds_count %d\n", m.sum, m.count)
	for _, n := range slices.Sorted(maps.Keys(gauges)) {
		fmt.Fprintf(w, "# TYPE %s gauge\n%s %g\n", n, n, gauges[n])
	}
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	articles, stories, err := s.read.Counts(r.Context())
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	var b strings.Builder
	s.metrics.write(&b, map[string]float64{"storyline_articles": float64(articles), "storyline_stories": float64(stories)})
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Write([]byte(b.String()))
}
