package wordvec

import (
	"slices"
	"testing"
)

func vec(t *testing.T, w string) Vec {
	t.Helper()
	v, ok := Lookup(w)
	if !ok {
		t.Fatalf("%q is not in the table", w)
	}
	return v
}

// TestNeighboursAreCloserThanStrangers checks the table against meanings any
// reader knows, the reason the package exists.
func TestNeighboursAreCloserThanStrangers(t *testing.T) {
	for _, tc := range []struct{ word, near, far string }{
		{"resign", "quit", "banana"},
		{"ambassador", "envoy", "tractor"},
		{"earthquake", "quake", "election"},
		{"police", "officers", "poetry"},
		{"said", "told", "purple"},
	} {
		w, n, f := vec(t, tc.word), vec(t, tc.near), vec(t, tc.far)
		if near, far := Cosine(&w, &n), Cosine(&w, &f); near <= far+0.2 {
			t.Errorf("cos(%s,%s) = %.2f, cos(%s,%s) = %.2f: want the first clearly higher", tc.word, tc.near, near, tc.word, tc.far, far)
		}
	}
}

func TestLookupFoldsCaseAndKnowsItsLimits(t *testing.T) {
	a, b := vec(t, "Paris"), vec(t, "paris")
	if a != b {
		t.Error("Paris and paris have different vectors")
	}
	if _, ok := Lookup("qwzxqwzx"); ok {
		t.Error("a made-up word has a vector")
	}
	if r, _ := Rank("the"); r != 0 {
		t.Errorf("rank of the = %d, want 0", r)
	}
	if Size() != 100000 {
		t.Errorf("table holds %d words, want 100000", Size())
	}
}

func TestSIFWeighsRareWordsMore(t *testing.T) {
	if the, quake := SIF("the"), SIF("earthquake"); !(the < 0.05 && quake > 0.8) {
		t.Errorf("SIF(the) = %.3f, SIF(earthquake) = %.3f", the, quake)
	}
	if SIF("qwzxqwzx") != 1 {
		t.Error("an unknown word should weigh 1")
	}
}

func TestMeanOfParaphrasesIsCloserThanOfUnrelatedText(t *testing.T) {
	a, ca := Mean(Words("The ambassador quit his post after three years."), nil)
	b, cb := Mean(Words("The envoy resigned from the job he held for three years."), nil)
	c, _ := Mean(Words("Heavy rain flooded the farms along the river valley."), nil)
	if ca != 1 || cb != 1 {
		t.Errorf("coverage %.2f and %.2f, want every word found", ca, cb)
	}
	if ab, ac := Cosine(&a, &b), Cosine(&a, &c); ab <= ac+0.1 {
		t.Errorf("paraphrases %.2f, unrelated %.2f", ab, ac)
	}
	if _, cov := Mean(Words("qwzxqwzx zzxq"), nil); cov != 0 {
		t.Errorf("coverage of unknown words %.2f, want 0", cov)
	}
}

func TestNormalizeMakesDotACosine(t *testing.T) {
	a, b := vec(t, "king"), vec(t, "queen")
	want := Cosine(&a, &b)
	a.Normalize()
	b.Normalize()
	if got := Dot(&a, &b); got < want-1e-4 || got > want+1e-4 {
		t.Errorf("dot of unit vectors %.5f, cosine %.5f", got, want)
	}
	var zero Vec
	zero.Normalize()
	if zero != (Vec{}) {
		t.Error("the zero vector changed")
	}
}

func TestWords(t *testing.T) {
	got := Words("Trump’s envoy, O'Brien, said: well-known 2,500 -- rock'n'roll 'quoted'")
	want := []string{"trump", "envoy", "o'brien", "said", "well-known", "2", "500", "rock'n'roll", "quoted"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestDecodeRejectsDamage(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("XXXXX\x01\x00\x00\x00\x64\x00\x00\x00"),
		"dimension": []byte("WVEC1\x01\x00\x00\x00\x05\x00\x00\x00"),
		"truncated": []byte("WVEC1\x01\x00\x00\x00\x64\x00\x00\x00\x03ab"),
		"short":     append([]byte("WVEC1\x01\x00\x00\x00\x64\x00\x00\x00\x01a"), make([]byte, 50)...),
	} {
		if _, err := decode(b); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

func BenchmarkMean(b *testing.B) {
	words := Words("The envoy resigned from the job he held for three years, officials said on Tuesday, as talks stalled.")
	Size()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Mean(words, nil)
	}
}

// TestMeanOfRanksIsMeanWithSIF checks that the mean of looked-up ranks is
// the SIF-weighted mean to the last bit, words outside the table included.
func TestMeanOfRanksIsMeanWithSIF(t *testing.T) {
	words := Words("The envoy resigned on Tuesday, zqxwv said; the ambassador quit. Xyzzyplugh 2024")
	got, gotShare := MeanOfRanks(AppendRanks(nil, words))
	want, wantShare := Mean(words, SIF)
	if got != want || gotShare != wantShare {
		t.Errorf("MeanOfRanks = %v (share %v), Mean with SIF = %v (share %v)", got[:3], gotShare, want[:3], wantShare)
	}
	if gotShare == 1 || gotShare == 0 {
		t.Errorf("share %v: the text should have words in and out of the table", gotShare)
	}
}
