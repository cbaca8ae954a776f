package cluster

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
)

// The long lists of a saved StreamState (each story's term hashes and
// weights, the document frequencies) are stored packed: each value's
// little-endian bytes, the list as one base64 JSON string. As JSON numbers
// they took about 47 bytes a story's slot and most of the time of a write's
// encoding (a float64 printed in its shortest form); packed, 21 bytes a
// slot (16 and base64's third), and a copy of the bits (see
// BenchmarkSaveStreamStats in docs/measurements/clustering.md, session
// 52).

// The lists encode as text (MarshalText: encoding/json writes it as a JSON
// string, checking each byte for escapes), not as JSON (MarshalJSON: the
// encoder would validate and compact the returned JSON again, byte by
// byte: 0.96 s of the 1.70 s json.Marshal took over 53 writes of a
// 2.5 MB row in the session 52 review's profile). They read as JSON, so
// that null reads as none.

// packedHashes is a list of term hashes stored packed.
type packedHashes []uint64

// packedFloats is a list of float64 stored packed, to the bit.
type packedFloats []float64

// packedFloat32s is a list of float32 stored packed, to the bit.
type packedFloat32s []float32

// packedCounts is a list of int32 stored packed.
type packedCounts []int32

// MarshalText packs the hashes.
func (p packedHashes) MarshalText() ([]byte, error) {
	return packText(p, 8, binary.LittleEndian.AppendUint64)
}

// UnmarshalJSON unpacks the hashes.
func (p *packedHashes) UnmarshalJSON(data []byte) error {
	return unpackJSON((*[]uint64)(p), data, 8, "hashes", binary.LittleEndian.Uint64)
}

// MarshalText packs the numbers' bits.
func (p packedFloats) MarshalText() ([]byte, error) {
	return packText(p, 8, func(b []byte, x float64) []byte {
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	})
}

// UnmarshalJSON unpacks the numbers' bits.
func (p *packedFloats) UnmarshalJSON(data []byte) error {
	return unpackJSON((*[]float64)(p), data, 8, "numbers", func(b []byte) float64 {
		return math.Float64frombits(binary.LittleEndian.Uint64(b))
	})
}

// MarshalText packs the numbers' bits.
func (p packedFloat32s) MarshalText() ([]byte, error) {
	return packText(p, 4, func(b []byte, x float32) []byte {
		return binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	})
}

// UnmarshalJSON unpacks the numbers' bits.
func (p *packedFloat32s) UnmarshalJSON(data []byte) error {
	return unpackJSON((*[]float32)(p), data, 4, "numbers", func(b []byte) float32 {
		return math.Float32frombits(binary.LittleEndian.Uint32(b))
	})
}

// MarshalText packs the counts.
func (p packedCounts) MarshalText() ([]byte, error) {
	return packText(p, 4, func(b []byte, x int32) []byte {
		return binary.LittleEndian.AppendUint32(b, uint32(x))
	})
}

// UnmarshalJSON unpacks the counts.
func (p *packedCounts) UnmarshalJSON(data []byte) error {
	return unpackJSON((*[]int32)(p), data, 4, "counts", func(b []byte) int32 {
		return int32(binary.LittleEndian.Uint32(b))
	})
}

// packText is a packed list as text: each value's size bytes, as put
// appends them, the whole in standard base64 (as encoding/json writes a
// []byte, so that rows written as JSON before read the same).
func packText[T any](xs []T, size int, put func([]byte, T) []byte) ([]byte, error) {
	b := make([]byte, 0, size*len(xs))
	for _, x := range xs {
		b = put(b, x)
	}
	return base64.StdEncoding.AppendEncode(nil, b), nil
}

// unpackJSON reads a packed list (a base64 JSON string, or null) of
// values of size bytes each, as get reads them, into xs.
func unpackJSON[T any](xs *[]T, data []byte, size int, what string, get func([]byte) T) error {
	var b []byte
	if err := json.Unmarshal(data, &b); err != nil {
		return fmt.Errorf("packed %s: %w", what, err)
	}
	if len(b)%size != 0 {
		return fmt.Errorf("packed %s: %d bytes, not a whole number of %d-byte values", what, len(b), size)
	}
	if len(b) == 0 { // null, or an empty list (which MarshalText writes for none)
		*xs = nil
		return nil
	}
	*xs = make([]T, len(b)/size)
	for i := range *xs {
		(*xs)[i] = get(b[size*i:])
	}
	return nil
}
