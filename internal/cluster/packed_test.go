package cluster

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

// Packed lists read back to the bit, null reads as none, and a string of
// bytes that is not a whole number of values is refused naming the list.
func TestPackedListsReadBackToTheBit(t *testing.T) {
	in := struct {
		H packedHashes
		F packedFloats
		C packedCounts
	}{packedHashes{0, 1, math.MaxUint64}, packedFloats{0.1, math.Copysign(0, -1), math.SmallestNonzeroFloat64}, packedCounts{-1, 0, math.MaxInt32}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	out := in
	out.H, out.F, out.C = nil, nil, nil
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	bits := func(xs []float64) (u []uint64) {
		for _, x := range xs {
			u = append(u, math.Float64bits(x))
		}
		return u
	}
	if !slices.Equal(out.H, in.H) || !slices.Equal(bits(out.F), bits(in.F)) || !slices.Equal(out.C, in.C) {
		t.Errorf("read back %+v, want %+v", out, in)
	}
	var none packedHashes
	if err := json.Unmarshal([]byte("null"), &none); err != nil || none != nil {
		t.Errorf("null read as %v, %v; want none", none, err)
	}
	err = json.Unmarshal([]byte(`"AQID"`), &out.F) // three bytes
	if err == nil || !strings.Contains(err.Error(), "numbers") {
		t.Errorf("three bytes as numbers: %v, want an error naming the numbers", err)
	}
}
