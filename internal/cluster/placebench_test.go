package cluster

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// BenchmarkPlaceInvented measures whole placements, every step of
// AddPrepared (the candidate lookup, the scoring, joining, the day's
// settle): 3,000 prepared invented reports (see inventedReport; two of its
// texts of one topic each, about 36 words) of 300 topics over ten days,
// placed on a new clusterer each iteration. Preparing them is left out.
// Two builds' test binaries alternated, by their CPU time, compare a
// change of the placing code as a whole, where BenchmarkCandidateLookup
// and BenchmarkAvgCosineWhole read one step each:
//
//	go test -c -o new.test ./internal/cluster
//	/usr/bin/time -f '%U %S' ./new.test -test.run '^$' -test.bench PlaceInvented -test.benchtime 8x
func BenchmarkPlaceInvented(b *testing.B) {
	r := rand.New(rand.NewPCG(21, 22))
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	const reports, topics = 3000, 300
	prepared := make([]Prepared, reports)
	for i := range reports {
		k := r.IntN(topics)
		when := start.Add(time.Duration(i) * 10 * 24 * time.Hour / reports)
		a := inventedReport(r, fmt.Sprintf("r%d", i), k, when)
		a.Text += "\n\n" + inventedReport(r, "", k, when).Text
		prepared[i] = Prepare(a)
	}
	b.ReportAllocs()
	for b.Loop() {
		c := New(Options{})
		for _, p := range prepared {
			c.AddPrepared(p)
		}
	}
}
