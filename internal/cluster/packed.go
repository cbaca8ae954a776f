package cluster

import (
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

// packedHashes is a list of term hashes stored packed.
type packedHashes []uint64

// packedFloats is a list of float64 stored packed, to the bit.
type packedFloats []float64

// packedCounts is a list of int32 stored packed.
type packedCounts []int32

// MarshalJSON packs the hashes.
func (p packedHashes) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 8*len(p))
	for _, x := range p {
		b = binary.LittleEndian.AppendUint64(b, x)
	}
	return json.Marshal(b)
}

// UnmarshalJSON unpacks the hashes.
func (p *packedHashes) UnmarshalJSON(data []byte) error {
	b, err := unpack(data, 8, "hashes")
	if err != nil {
		return err
	}
	*p = make(packedHashes, len(b)/8)
	for i := range *p {
		(*p)[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return nil
}

// MarshalJSON packs the numbers' bits.
func (p packedFloats) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 8*len(p))
	for _, x := range p {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	}
	return json.Marshal(b)
}

// UnmarshalJSON unpacks the numbers' bits.
func (p *packedFloats) UnmarshalJSON(data []byte) error {
	b, err := unpack(data, 8, "numbers")
	if err != nil {
		return err
	}
	*p = make(packedFloats, len(b)/8)
	for i := range *p {
		(*p)[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return nil
}

// MarshalJSON packs the counts.
func (p packedCounts) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 4*len(p))
	for _, x := range p {
		b = binary.LittleEndian.AppendUint32(b, uint32(x))
	}
	return json.Marshal(b)
}

// UnmarshalJSON unpacks the counts.
func (p *packedCounts) UnmarshalJSON(data []byte) error {
	b, err := unpack(data, 4, "counts")
	if err != nil {
		return err
	}
	*p = make(packedCounts, len(b)/4)
	for i := range *p {
		(*p)[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return nil
}

// unpack reads a packed list's bytes (a base64 JSON string, or null), of
// values of size bytes each.
func unpack(data []byte, size int, what string) ([]byte, error) {
	var b []byte
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("packed %s: %w", what, err)
	}
	if len(b)%size != 0 {
		return nil, fmt.Errorf("packed %s: %d bytes, not a whole number of %d-byte values", what, len(b), size)
	}
	return b, nil
}
