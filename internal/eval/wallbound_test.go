package eval

import (
	"runtime"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
)

// TestWallBound: the least time of a stream on idle cores is its placing's
// CPU when that is the larger part, else all its CPU shared by the cores,
// and nothing when the placing's CPU was not read.
func TestWallBound(t *testing.T) {
	for _, c := range []struct {
		placing, cpu time.Duration
		cores        int
		want         time.Duration
	}{
		{17 * time.Second, 24 * time.Second, 2, 17 * time.Second}, // placing bounds (the issue-14 stream)
		{5 * time.Second, 24 * time.Second, 2, 12 * time.Second},  // the cores bound
		{5 * time.Second, 24 * time.Second, 8, 5 * time.Second},
		{0, 24 * time.Second, 2, 0}, // not read
	} {
		p := StreamPoint{PlacingCPU: c.placing, CPU: c.cpu}
		if got := p.WallBound(c.cores); got != c.want {
			t.Errorf("placing %v of %v on %d cores: bound %v, want %v", c.placing, c.cpu, c.cores, got, c.want)
		}
	}
}

// TestRunClusterStreamReadsThePlacingsCPU: on Linux the stream's points
// carry the placing goroutine's CPU, some of the process's and never more.
func TestRunClusterStreamReadsThePlacingsCPU(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the placing's CPU is read on Linux only (threadCPU)")
	}
	points := RunClusterStream(SyntheticStream(1), 1000, 1, []int{1000}, cluster.Options{})
	for _, p := range points {
		if p.PlacingCPU <= 0 || p.PlacingCPU > p.CPU {
			t.Fatalf("point of %d articles: placing CPU %v of %v", p.Articles, p.PlacingCPU, p.CPU)
		}
	}
}
