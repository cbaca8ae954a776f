package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/queue/natsqueue"
	"github.com/storyline-news/storyline/internal/source/web"
	"github.com/storyline-news/storyline/internal/worker"
)

// queueFlag adds --queue to a command.
func queueFlag(fs *flag.FlagSet) *string {
	return fs.String("queue", "", "NATS JetStream server(s) carrying the work between machines, nats://host:4222[,nats://...] (default $STORYLINE_QUEUE; none: work in this process)")
}

// queueURL resolves the queue: the flag, then $STORYLINE_QUEUE; empty for
// none.
func queueURL(flagValue string, getenv func(string) string) (string, error) {
	u := flagValue
	if u == "" {
		u = getenv("STORYLINE_QUEUE")
	}
	if u == "" {
		return "", nil
	}
	for _, one := range strings.Split(u, ",") {
		if !strings.HasPrefix(one, "nats://") && !strings.HasPrefix(one, "tls://") {
			return "", &UsageError{fmt.Sprintf("--queue %q: want nats://host:port (or tls://), comma-separated for a cluster", u)}
		}
	}
	return u, nil
}

// ackWaitFlag adds --ack-wait to a command that consumes from the queue.
func ackWaitFlag(fs *flag.FlagSet) *time.Duration {
	return fs.Duration("ack-wait", 30*time.Second, "how long work taken by a process that died waits before another takes it (the work of a live one never does: it says it is busy)")
}

// openQueue connects to the queue named by url for a command.
func openQueue(ctx context.Context, url, name string, ackWait time.Duration, e env) (*natsqueue.Queue, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return natsqueue.Connect(ctx, url, natsqueue.Options{Name: name, AckWait: ackWait, Logger: e.logger})
}

func runWorker(ctx context.Context, e env, args []string) error {
	fs := newFlags("worker", e)
	db := dbFlag(fs)
	qflag := queueFlag(fs)
	take := fs.Int("take", 32, "inputs taken from the queue at once, extracted and published as one window")
	workers := fs.Int("workers", 0, "extraction workers (default: one per CPU)")
	fetchDelay := fs.Duration("fetch-delay", time.Second, "pause between two requests to one host when fetching URLs")
	allowPrivate := fs.Bool("allow-private", false, "let queued URLs reach loopback, private and link-local addresses")
	addr := fs.String("addr", "", "serve /healthz and /metrics at this address (default: none)")
	ackWait := ackWaitFlag(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{fmt.Sprintf("worker takes no arguments, got %q", rest)}
	}
	if err := notNegative("workers", *workers); err != nil {
		return err
	}
	if *addr != "" {
		if err := checkAddr(*addr); err != nil {
			return err
		}
	}
	qurl, err := queueURL(*qflag, e.getenv)
	if err != nil {
		return err
	}
	if qurl == "" {
		return &UsageError{"worker needs a queue: --queue nats://host:4222 or $STORYLINE_QUEUE"}
	}
	if *take <= 0 || *fetchDelay <= 0 {
		return &UsageError{"--take and --fetch-delay must be positive"}
	}
	st, err := openStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := openQueue(ctx, qurl, "storyline worker", *ackWait, e)
	if err != nil {
		return err
	}
	defer q.Close()
	prod := engine.NewProducer(st, engine.Options{Queue: q, Workers: *workers, Logger: e.logger})
	defer prod.Close()
	pace, err := q.HostPacer(ctx)
	if err != nil {
		return err
	}
	// Requests to a host are spaced across every worker and server on the
	// queue, not only within this process.
	fetcher := &web.Fetcher{Client: web.NewClient(*allowPrivate), Delay: *fetchDelay, Pace: pace}
	w := worker.New(q, prod, worker.Options{Take: *take, Logger: e.logger, Fetch: func(ctx context.Context, req news.FetchRequest) (news.Input, error) {
		return fetcher.Page(ctx, req.URL, req.ForceText)
	}})
	if *addr != "" {
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return fmt.Errorf("listen on %s: %w", *addr, err)
		}
		hs := &http.Server{Handler: workerHandler(w, q), ReadHeaderTimeout: 10 * time.Second}
		go hs.Serve(ln)
		defer hs.Close()
		fmt.Fprintf(e.stdout, "worker health and metrics at http://%s/\n", ln.Addr())
	}
	fmt.Fprintf(e.stdout, "worker taking inputs from %s for %s\n", natsqueue.Redact(qurl), st.Path())
	err = w.Run(ctx)
	s := &w.Stats
	fmt.Fprintf(e.stdout, "worker stopped: %d inputs, %d stored, %d already stored (%d given the outlet named now), %d failed, %d delivered again\n",
		s.Inputs.Load(), s.Stored.Load(), s.AlreadyStored.Load(), s.OutletsSet.Load(), s.Failed.Load(), s.Redelivered.Load())
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// workerHandler serves a worker's /healthz (503 while the queue is
// unreachable) and /metrics (Prometheus text format, workerMetrics).
func workerHandler(w *worker.Worker, q *natsqueue.Queue) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(rw http.ResponseWriter, r *http.Request) {
		status, code := "ok", http.StatusOK
		if !q.Connected() {
			status, code = "queue unreachable", http.StatusServiceUnavailable
		}
		rw.Header().Set("Content-Type", "application/json")
		rw.WriteHeader(code)
		json.NewEncoder(rw).Encode(map[string]any{"status": status, "busy": w.Stats.Busy.Load()})
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(workerMetrics(&w.Stats), promhttp.HandlerOpts{}))
	return mux
}

// workerMetrics is a registry of a worker's counters (read from its Stats
// at each scrape) and the standard Go runtime and process collectors.
func workerMetrics(s *worker.Stats) *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, m := range []struct {
		name, help string
		v          *atomic.Int64
	}{
		{"storyline_worker_jobs_total", "Jobs (sets of inputs taken at once) submitted.", &s.Jobs},
		{"storyline_worker_inputs_total", "Inputs read.", &s.Inputs},
		{"storyline_worker_stored_total", "Articles stored.", &s.Stored},
		{"storyline_worker_already_stored_total", "Inputs found stored before.", &s.AlreadyStored},
		{"storyline_worker_outlets_set_total", "Articles stored before given the outlet their input names now.", &s.OutletsSet},
		{"storyline_worker_failed_total", "Inputs that failed (fetch, extraction).", &s.Failed},
		{"storyline_worker_redelivered_total", "Inputs delivered again (a worker died or a job failed).", &s.Redelivered},
		{"storyline_worker_retried_total", "Inputs given back after a failed job.", &s.Retried},
	} {
		v := m.v
		reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: m.name, Help: m.help}, func() float64 { return float64(v.Load()) }))
	}
	reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "storyline_worker_busy", Help: "1 while the worker holds a job."}, func() float64 {
		if s.Busy.Load() {
			return 1
		}
		return 0
	}))
	return reg
}
