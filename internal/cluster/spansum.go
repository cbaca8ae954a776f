package cluster

import (
	"math"
	"math/bits"
	"time"
)

// spanSum is a sum of story spans that does not overflow: a 128-bit
// integer of nanoseconds (hi × 2^64 + lo, two's complement). A
// time.Duration holds 292 years, and the pace statistic sums the span of
// every story of two or more dated articles a stream ever had (stories let
// go of stay in it): the issue-14 stream (allsides_train repeated with
// small edits over 60 days) passed it between 50,000 and 100,000 articles
// (2,177 stories of a mean 56 days, session 54), and a year of real news
// of a few days a story passes it too. Wrapped, the sum read negative:
// the base window fell back to Window, the link step's reach to none,
// and a restart refused the saved statistics. Below 2^63 ns it reads and
// saves as the time.Duration sum did, to the bit.
type spanSum struct {
	hi int64
	lo uint64
}

// spanSumOf is the sum holding d alone.
func spanSumOf(d time.Duration) spanSum { return spanSum{}.plus(d) }

// plus is the sum with d added.
func (w spanSum) plus(d time.Duration) spanSum {
	lo, carry := bits.Add64(w.lo, uint64(d), 0)
	hi := w.hi + int64(carry)
	if d < 0 { // d sign-extended to 128 bits
		hi--
	}
	return spanSum{hi: hi, lo: lo}
}

// minus is the sum with d taken out.
func (w spanSum) minus(d time.Duration) spanSum {
	lo, borrow := bits.Sub64(w.lo, uint64(d), 0)
	hi := w.hi - int64(borrow)
	if d < 0 {
		hi++
	}
	return spanSum{hi: hi, lo: lo}
}

// float is the sum in nanoseconds as the nearest float64: while the sum
// fits a time.Duration, exactly as its conversion gives it. (Adding
// float64(hi)×2^64 and float64(lo) rounded twice: a negative sum of a few
// nanoseconds read 0, and past 2^64 the sum could read one unit off.)
func (w spanSum) float() float64 {
	if w.hi == int64(w.lo)>>63 { // the sum fits an int64
		return float64(int64(w.lo))
	}
	hi, lo := uint64(w.hi), w.lo
	neg := w.hi < 0
	if neg { // its magnitude, at least 2^63
		var borrow uint64
		lo, borrow = bits.Sub64(0, lo, 0)
		hi, _ = bits.Sub64(0, hi, borrow)
	}
	// the magnitude's top 64 bits, the bits shifted out kept as one
	// sticky bit, round as the whole does (a float64 keeps 53)
	n := uint(bits.Len64(hi))
	top := lo>>n | hi<<(64-n)
	if lo&(1<<n-1) != 0 {
		top |= 1
	}
	f := math.Ldexp(float64(top), int(n))
	if neg {
		return -f
	}
	return f
}

// split gives the sum as over × 2^63 + rest with rest in [0, 2^63), the
// form StreamStats saves it in: a sum below 2^63 ns is its rest alone
// (over 0, left out of the JSON), as saved before the sum was wide. A
// negative sum gives a negative over.
func (w spanSum) split() (over int64, rest time.Duration) {
	return w.hi<<1 | int64(w.lo>>63), time.Duration(w.lo &^ (1 << 63))
}

// joinSpanSum is the sum split gave over and rest of (rest not negative).
func joinSpanSum(over int64, rest time.Duration) spanSum {
	return spanSum{hi: over >> 1, lo: uint64(over&1)<<63 | uint64(rest)}
}
