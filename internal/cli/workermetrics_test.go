package cli

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/storyline-news/storyline/internal/worker"
)

// A worker's /metrics reads its counters at each scrape, beside the Go
// runtime and process collectors.
func TestWorkerMetrics(t *testing.T) {
	var s worker.Stats
	srv := httptest.NewServer(promhttp.HandlerFor(workerMetrics(&s), promhttp.HandlerOpts{}))
	defer srv.Close()
	scrape := func() string {
		resp, err := srv.Client().Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	s.Inputs.Add(7)
	s.Stored.Add(5)
	s.Busy.Store(true)
	body := scrape()
	for _, want := range []string{"storyline_worker_inputs_total 7\n", "storyline_worker_stored_total 5\n", "storyline_worker_failed_total 0\n",
		"storyline_worker_busy 1\n", "# TYPE go_goroutines gauge\n", "# TYPE process_cpu_seconds_total counter\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("worker metrics lack %q", want)
		}
	}
	s.Inputs.Add(1)
	if body := scrape(); !strings.Contains(body, "storyline_worker_inputs_total 8\n") {
		t.Errorf("the second scrape did not read the counter again")
	}
}
