package rawbody

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func TestPackRoundTrips(t *testing.T) {
	bodies := [][]byte{nil, []byte("<p>short</p>"), []byte(strings.Repeat("<div>menu</div> a page of news ", 4000))}
	packed := PackAll(bodies)
	for i, b := range bodies {
		got, err := Unpack(packed[i])
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("body %d: unpacked %d bytes, %v; want %d bytes back", i, len(got), err, len(b))
		}
	}
	if len(packed[2]) >= len(bodies[2])/4 {
		t.Errorf("a repetitive page packed to %d of %d bytes", len(packed[2]), len(bodies[2]))
	}
}

func TestGzipOfEarlierVersionsIsRead(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("<p>stored before S2</p>"))
	zw.Close()
	if got, err := Unpack(buf.Bytes()); err != nil || string(got) != "<p>stored before S2</p>" {
		t.Errorf("Unpack(gzip) = %q, %v", got, err)
	}
}

func FuzzUnpackNeverPanics(f *testing.F) {
	f.Add(Pack([]byte("<p>x</p>")))
	f.Add([]byte{0x1f, 0x8b, 0, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		if out, err := Unpack(b); err == nil && len(b) > 0 {
			// Whatever unpacks packs back to something that unpacks the same.
			if again, err := Unpack(Pack(out)); err != nil || !bytes.Equal(again, out) {
				t.Errorf("repack of %d bytes: %v", len(out), err)
			}
		}
	})
}
