//go:build unix

package eval

import (
	"time"

	"golang.org/x/sys/unix"
)

// processCPU is the CPU time this process has used so far (user and
// system, all threads): on a machine shared with other jobs it measures the
// work done, where the wall clock also measures the waiting.
func processCPU() time.Duration { return rusageCPU(unix.RUSAGE_SELF) }

// rusageCPU is the user and system CPU time getrusage(2) reports for who
// (unix.RUSAGE_SELF, or on Linux unix.RUSAGE_THREAD); 0 if it cannot be
// read.
func rusageCPU(who int) time.Duration {
	var ru unix.Rusage
	if err := unix.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
