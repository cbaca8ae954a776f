// Command storyline turns raw web captures of news into stories. See
// `storyline help` and README.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/storyline-news/storyline/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stopProfile := profileCPU(os.Getenv("STORYLINE_CPUPROFILE"))
	err := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "storyline:", err)
	}
	os.Exit(cli.ExitCode(err))
}

// profileCPU writes a CPU profile of the run to path when path is set (for
// `go tool pprof`), and returns the function that finishes it.
func profileCPU(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "storyline: STORYLINE_CPUPROFILE:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
