package news

import "testing"

// TestStoredSeqReadsWhatIsStored: the number a store records with a
// state (StoredSeqState) reads back; no part, or one that is not a
// number of articles, reads as none.
func TestStoredSeqReadsWhatIsStored(t *testing.T) {
	parts := []StatePart{{Name: "cluster/stream", State: []byte("{}")}, {Name: StoredSeqPart, State: StoredSeqState(50001)}}
	if seq, ok := StoredSeq(parts); !ok || seq != 50001 {
		t.Errorf("StoredSeq = %d, %v; want 50001", seq, ok)
	}
	for _, state := range []string{"", "-1", "12x", "1e3"} {
		if seq, ok := StoredSeq([]StatePart{{Name: StoredSeqPart, State: []byte(state)}}); ok {
			t.Errorf("StoredSeq of %q = %d; want none", state, seq)
		}
	}
	if _, ok := StoredSeq(parts[:1]); ok {
		t.Error("StoredSeq of parts without the row read a number")
	}
}

// FuzzStoredSeq: whatever a damaged row holds, StoredSeq reads a number
// of articles (0 or more) that is stored as it read, or none.
func FuzzStoredSeq(f *testing.F) {
	for _, s := range []string{"0", "7001", "-3", "", "9223372036854775808", " 12"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, state []byte) {
		seq, ok := StoredSeq([]StatePart{{Name: StoredSeqPart, State: state}})
		if !ok {
			return
		}
		if again, ok := StoredSeq([]StatePart{{Name: StoredSeqPart, State: StoredSeqState(seq)}}); seq < 0 || !ok || again != seq {
			t.Errorf("%q read as %d, stored again as %q", state, seq, StoredSeqState(seq))
		}
	})
}
