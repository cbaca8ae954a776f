// Package browsertest drives a real headless Chromium for the UI's tests:
// it finds the browser (a missing one skips the test, except under CI, $CI
// or $STORYLINE_CI set, where it fails), starts it with one tab of a given
// size, and saves full-page screenshots in $STORYLINE_SCREENSHOTS (else a
// temporary folder).
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserNames are the commands a Chromium or Chrome is installed as.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Path finds a Chromium or Chrome to drive; "" when there is none.
func Path() string {
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Start starts the browser with one tab width by height pixels and
// returns the tab's context, which ends after timeout or with the test.
func Start(t testing.TB, width, height int, timeout time.Duration) context.Context {
	t.Helper()
	browser := Path()
	if browser == "" {
		if os.Getenv("CI") != "" || os.Getenv("STORYLINE_CI") != "" {
			t.Fatal("no chromium on this machine: .ci/run must install it")
		}
		t.Skip("no chromium installed; `apt-get install chromium` to run the browser tests")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(width, height))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(cancelTimeout)
	return ctx
}

// Screenshots is the folder screenshots go to: $STORYLINE_SCREENSHOTS,
// made if needed, else a temporary folder of the test.
func Screenshots(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("STORYLINE_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Shot saves the tab's whole page as dir/name.png.
func Shot(t testing.TB, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 gives PNG, less JPEG
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
