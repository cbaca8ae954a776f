package server

import (
	"strings"
	"testing"
)

// /metrics carries the standard Go runtime and process collectors beside
// storyline's own, each metric once with its type.
func TestMetricsHasRuntimeAndProcessCollectors(t *testing.T) {
	ts := newTestServer(t)
	get(t, ts.URL+"/api/v1/stories")
	status, _, body := get(t, ts.URL+"/metrics")
	if status != 200 {
		t.Fatalf("GET /metrics = %d", status)
	}
	for _, want := range []string{
		"# TYPE go_goroutines gauge", "# TYPE go_memstats_heap_alloc_bytes gauge", "# TYPE process_resident_memory_bytes gauge",
		"# TYPE process_cpu_seconds_total counter", "# TYPE storyline_http_requests_total counter",
		"# TYPE storyline_http_request_duration_seconds histogram", "# TYPE storyline_articles gauge",
	} {
		if strings.Count(body, want+"\n") != 1 {
			t.Errorf("metrics hold %q %d times, want once", want, strings.Count(body, want+"\n"))
		}
	}
}
