package eval

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU is the CPU time the calling OS thread has used so far (user
// and system); 0 if it cannot be read. A goroutine locked to its thread
// (runtime.LockOSThread) reads its own work with it: the stream's placing
// goroutine, the part of a stream that runs on one core (see
// StreamPoint.PlacingCPU).
func threadCPU() time.Duration { return rusageCPU(unix.RUSAGE_THREAD) }
