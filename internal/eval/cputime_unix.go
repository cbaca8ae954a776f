//go:build unix

package eval

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used so far (user and
// system, all threads): on a machine shared with other jobs it measures the
// work done, where the wall clock also measures the waiting.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
