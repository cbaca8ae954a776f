package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// fmtJoinReason is joinReason as it was written with fmt.
func fmtJoinReason(p, threshold float64, sig []float64, terms, names []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "join probability %.2f (threshold %.2f): similarity %.2f to the story's articles on average, %.2f to the closest",
		p, threshold, sig[sigAvgCos], sig[sigMaxCos])
	if !math.IsNaN(sig[sigTitleMax]) {
		fmt.Fprintf(&b, ", headline %.2f", sig[sigTitleMax])
	}
	if !math.IsNaN(sig[sigGapDays]) {
		fmt.Fprintf(&b, ", %.1f days after its latest article", math.Expm1(sig[sigGapDays]))
	}
	if len(names) > 0 {
		fmt.Fprintf(&b, "; shared names: %s", strings.Join(names, ", "))
	}
	if len(terms) > 0 {
		fmt.Fprintf(&b, "; shared terms: %s", strings.Join(terms, ", "))
	}
	return b.String()
}

// joinReason writes with strconv the text fmt wrote: the same for any
// figures, rounding edges (x.xx5), negative zero, NaN and infinities
// included, with and without names and terms.
func TestJoinReasonIsWhatFmtWrote(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	special := []float64{0, math.Copysign(0, -1), 0.125, 0.005, 0.015, 0.995, 1, 2.5, -0.004, math.NaN(), math.Inf(1), math.Inf(-1), 1e300}
	pick := func() float64 {
		if r.IntN(3) == 0 {
			return special[r.IntN(len(special))]
		}
		return r.Float64()*2 - 0.5
	}
	words := []string{"harbour", "storm", "Calder", "union", "port authority"}
	for trial := range 20000 {
		sig := make([]float64, numSignals)
		for k := range sig {
			sig[k] = pick()
		}
		sig[sigGapDays] = math.Log1p(pick() * 30)
		terms, names := words[:r.IntN(len(words)+1)], words[r.IntN(len(words)):]
		p, threshold := pick(), pick()
		if got, want := joinReason(p, threshold, sig, terms, names), fmtJoinReason(p, threshold, sig, terms, names); got != want {
			t.Fatalf("trial %d:\n got %q\nwant %q", trial, got, want)
		}
	}
}

// go test ./internal/cluster -run '^$' -bench JoinReason
func BenchmarkJoinReason(b *testing.B) {
	sig := make([]float64, numSignals)
	sig[sigAvgCos], sig[sigMaxCos], sig[sigTitleMax], sig[sigGapDays] = 0.4213, 0.7731, 0.5102, math.Log1p(1.26)
	terms := []string{"harbour", "storm", "ashore", "closed", "officials", "ships", "port", "waiting"}
	names := []string{"Calder", "Port of Calder"}
	b.Run("strconv", func(b *testing.B) {
		for b.Loop() {
			joinReason(0.8312, 0.5, sig, terms, names)
		}
	})
	b.Run("fmt", func(b *testing.B) {
		for b.Loop() {
			fmtJoinReason(0.8312, 0.5, sig, terms, names)
		}
	})
}
