package server

import (
	"strings"
	"testing"
)

// The story page draws its three charts as inline SVG with accessible
// names, descriptions and text labels, escaped like the rest of the page.
func TestStoryPageDrawsCharts(t *testing.T) {
	ts := newTestServer(t)
	status, _, body := get(t, ts.URL+"/stories/s1")
	if status != 200 {
		t.Fatalf("story page: %d", status)
	}
	for _, want := range []string{
		`<svg role="img" aria-labelledby="coverage-title coverage-desc"`,
		`<title id="coverage-title">Coverage over time, by outlet</title>`,
		`2 dated articles from 2 outlets`,
		`First report: The Harbor Ledger, 16 Nov 2026 09:00.`,
		`>The Harbor Ledger <tspan`,
		`<svg role="img" aria-labelledby="claims-title claims-desc"`,
		`Fact 1: Dockworkers voted to end the strike.`,
		`<svg role="img" aria-labelledby="graph-title graph-desc"`,
		`Coastline Daily copies The Harbor Ledger.`,
		`marker-end="url(#arrow)"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	if testing.Verbose() {
		t.Log(body)
	}
	if strings.Contains(body, `<script>`) {
		t.Error("the story page lets a <script> from an article through")
	}
}
