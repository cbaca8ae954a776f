package cli

import (
	"net"
	"os"
	"path/filepath"
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

// TestServeOnABusyAddressFailsBeforeOpeningTheDatabase: `serve` on an
// address another program holds says so before it opens its database, so
// that a new --db path is not left behind as an empty database (review
// s35-lrev: it created and migrated one, then failed).
func TestServeOnABusyAddressFailsBeforeOpeningTheDatabase(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	db := filepath.Join(t.TempDir(), "new.db")
	_, errOut, code := storyline(t, "serve", "--db", db, "--addr", busy.Addr().String())
	if code == 0 || !strings.Contains(errOut, "--addr") {
		t.Errorf("serve on a busy address: exit %d, stderr %q; want a failure naming --addr", code, errOut)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("serve on a busy address created its database %s", db)
	}
}
