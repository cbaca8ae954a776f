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

// Packed lists write the bytes a []byte writes in JSON (standard base64),
// so that rows stored before they were written as text read the same, and
// no list reads back as none.
func TestPackedListsWriteWhatRowsStoredBeforeHold(t *testing.T) {
	raw := []byte{1, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xfe, 0, 0, 0, 0, 0, 0x80}
	want, _ := json.Marshal(raw)
	got, err := json.Marshal(packedHashes{1, 0x800000000000feff})
	if err != nil || string(got) != string(want) {
		t.Errorf("hashes written as %s, %v; want %s", got, err, want)
	}
	var none struct{ F packedFloats }
	b, err := json.Marshal(none)
	if err != nil {
		t.Fatal(err)
	}
	none.F = packedFloats{1}
	if err := json.Unmarshal(b, &none); err != nil || none.F != nil {
		t.Errorf("no numbers written as %s read back as %v, %v; want none", b, none.F, err)
	}
}
