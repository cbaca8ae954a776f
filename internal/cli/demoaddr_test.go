package cli

import (
	"net"
	"strings"
	"testing"
)

// TestDemoOnABusyAddressFailsBeforeLoading: `demo` on an address another
// program holds says so, and how to choose another (--addr), before it
// loads its corpus (it loaded it, then failed "address already in use").
func TestDemoOnABusyAddressFailsBeforeLoading(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	out, errOut, code := storyline(t, "demo", "--addr", busy.Addr().String())
	if code == 0 || !strings.Contains(errOut, busy.Addr().String()) || !strings.Contains(errOut, "--addr") {
		t.Errorf("demo on a busy address: exit %d, stderr %q; want a failure naming the address and --addr", code, errOut)
	}
	if strings.Contains(out, "demo corpus loaded") {
		t.Errorf("demo loaded its corpus before finding the address busy: %q", out)
	}
}
