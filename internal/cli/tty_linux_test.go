//go:build linux

package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openTerminal opens a pseudo-terminal and returns its terminal side, as
// the standard input of a user typing at a prompt (the controller side is
// closed with the test).
func openTerminal(t *testing.T) *os.File {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("cannot unlock the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("no pseudo-terminal number: %v", err)
	}
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("cannot open the terminal side: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty
}

// The commands that read JSONL, run with no file at a prompt, say what they
// need and exit 2, as add and extract do, rather than wait in silence for
// the user to type articles; - still reads the terminal.
func TestJSONLCommandsAtAPromptAskForAFile(t *testing.T) {
	tty := openTerminal(t)
	for _, cmd := range []string{"cluster", "annotate", "pairs", "add", "extract"} {
		var out, errOut bytes.Buffer
		e := env{stdin: tty, stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
			logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
		done := make(chan error, 1)
		go func() { done <- run(context.Background(), e, []string{cmd}) }()
		select {
		case err := <-done:
			if ExitCode(err) != 2 || err == nil || !strings.Contains(err.Error(), "- (or a pipe) for the standard input") {
				t.Errorf("%s at a prompt: exit %d, %v; want 2 and what it needs", cmd, ExitCode(err), err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s at a prompt waits for the user to type its input", cmd)
		}
	}
}
