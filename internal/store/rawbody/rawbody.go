// Package rawbody packs the raw pages every store keeps (so that they can be
// extracted again) and unpacks them, the same way in every backend.
//
// The format is an S2 stream (klauspost/compress): on news pages it packs at
// 570 MB/s a core against gzip's 230 MB/s at its fastest level, for a ratio
// of 3.2 instead of 4.0. Raw pages are written for every page ingested and
// read seldom (reextract, an article's "what extraction removed"), so ingest
// speed wins. Bodies packed by earlier versions as gzip are still read.
package rawbody

import (
	"bytes"
	"io"
	"runtime"
	"sync"

	kgzip "github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/s2"
)

// Pack compresses a raw body for storage. Writers are pooled: each holds
// buffers worth reusing.
func Pack(body []byte) []byte {
	zw := packers.Get().(*s2.Writer)
	defer packers.Put(zw)
	var buf bytes.Buffer
	buf.Grow(len(body)/2 + 64)
	zw.Reset(&buf)
	zw.Write(body)
	zw.Close()
	return buf.Bytes()
}

var packers = sync.Pool{New: func() any {
	return s2.NewWriter(nil, s2.WriterConcurrency(1))
}}

// PackAll packs bodies on every core (the write transaction that stores
// them runs on one); out[i] is bodies[i] packed.
func PackAll(bodies [][]byte) [][]byte {
	out := make([][]byte, len(bodies))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.NumCPU(), len(bodies)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = Pack(bodies[i])
			}
		}()
	}
	for i := range bodies {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// Unpack decompresses a stored raw body: an S2 stream, or gzip as stored
// before S2 (told apart by gzip's magic bytes, which no S2 stream starts
// with).
func Unpack(b []byte) ([]byte, error) {
	if bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		zr, err := kgzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(zr)
	}
	return io.ReadAll(s2.NewReader(bytes.NewReader(b)))
}
