package extract

import (
	"math"
	"testing"
)

// TestLog1pTable checks the looked-up log1p against math.Log1p on every
// count of the table, past its end, and below 0 (taken as 0).
func TestLog1pTable(t *testing.T) {
	for n := int32(-3); n < int32(len(log1pTable))+100; n++ {
		if got, want := log1p(n), math.Log1p(float64(max(0, n))); got != want {
			t.Fatalf("log1p(%d) = %v, math.Log1p %v", n, got, want)
		}
	}
	if got, want := log1p(math.MaxInt32), math.Log1p(math.MaxInt32); got != want {
		t.Fatalf("log1p(MaxInt32) = %v, math.Log1p %v", got, want)
	}
}
