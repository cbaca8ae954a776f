package cluster

import (
	"math/big"
	"math/rand/v2"
	"testing"
	"time"
)

// bigOf is the sum w as a math/big integer (hi × 2^64 + lo).
func bigOf(w spanSum) *big.Int {
	x := new(big.Int).Lsh(big.NewInt(w.hi), 64)
	return x.Add(x, new(big.Int).SetUint64(w.lo))
}

// spanDraws are durations of every sign and size, the extremes and the
// values next to 2^62 and 2^63 among them, and random ones.
func spanDraws(r *rand.Rand) []time.Duration {
	ds := []time.Duration{0, 1, -1, 1<<62 - 1, 1 << 62, -1 << 62, 1<<63 - 1, -1 << 63, -1<<63 + 1}
	for range 200 {
		ds = append(ds, time.Duration(r.Uint64()), time.Duration(r.Int64N(1<<40)))
	}
	return ds
}

// The sum agrees with math/big for every sequence of spans added and
// taken out, of either sign, across 2^63 and 2^64 ns in either direction;
// it reads as the nearest float64 and joins back from its split.
func TestSpanSumAgreesWithBigIntegers(t *testing.T) {
	r := rand.New(rand.NewPCG(54, 1))
	ds := spanDraws(r)
	for walk := range 50 {
		var w spanSum
		want := new(big.Int)
		for step := range 400 {
			d := ds[r.IntN(len(ds))]
			if r.IntN(2) == 0 {
				w, want = w.plus(d), want.Add(want, big.NewInt(int64(d)))
			} else {
				w, want = w.minus(d), want.Sub(want, big.NewInt(int64(d)))
			}
			if bigOf(w).Cmp(want) != 0 {
				t.Fatalf("walk %d step %d: sum %v, want %v", walk, step, bigOf(w), want)
			}
			wantF, _ := new(big.Float).SetInt(want).Float64()
			if got := w.float(); got != wantF {
				t.Fatalf("walk %d step %d: %v reads %g, want %g", walk, step, want, got, wantF)
			}
			over, rest := w.split()
			if rest < 0 || joinSpanSum(over, rest) != w {
				t.Fatalf("walk %d step %d: %v splits as %d × 2^63 + %d, joins as %v", walk, step, want, over, rest, bigOf(joinSpanSum(over, rest)))
			}
			back := new(big.Int).Lsh(big.NewInt(over), 63)
			if back.Add(back, big.NewInt(int64(rest))).Cmp(want) != 0 {
				t.Fatalf("walk %d step %d: %v splits as %d × 2^63 + %d", walk, step, want, over, rest)
			}
		}
	}
}
