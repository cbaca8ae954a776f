package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency
// histogram: from a page served from memory (5 ms) to a story compared on
// the request (seconds).
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

// metrics is what GET /metrics exposes, through prometheus/client_golang:
// requests by route and status code, their latencies, the store's counts,
// and the standard Go runtime (go_*) and process (process_*) collectors.
// Each server has a registry of its own (no global state), so that two
// servers in one process (tests) count apart.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  prometheus.Histogram
	articles prometheus.Gauge
	stories  prometheus.Gauge
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "storyline_http_requests_total", Help: "HTTP requests served, by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "storyline_http_request_duration_seconds", Help: "Time to serve a request.", Buckets: latencyBuckets,
		}),
		articles: prometheus.NewGauge(prometheus.GaugeOpts{Name: "storyline_articles", Help: "Articles stored."}),
		stories:  prometheus.NewGauge(prometheus.GaugeOpts{Name: "storyline_stories", Help: "Stories stored."}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.articles, m.stories,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
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
		m.requests.WithLabelValues(route, strconv.Itoa(rec.status)).Inc()
		m.latency.Observe(time.Since(start).Seconds())
	})
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	articles, stories, err := s.read.Counts(r.Context())
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	s.metrics.articles.Set(float64(articles))
	s.metrics.stories.Set(float64(stories))
	promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{ErrorLog: slogErrorLog{s}}).ServeHTTP(w, r)
}

// slogErrorLog passes promhttp's errors (a collector that failed) to the
// server's logger.
type slogErrorLog struct{ s *Server }

func (l slogErrorLog) Println(v ...any) { l.s.logger.Warn("metrics", "error", v) }
