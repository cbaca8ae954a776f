//go:build unix

package sqlite

import "syscall"

// cpuTime is the CPU time (user and system) this process has used, in
// nanoseconds; a benchmark reports it per operation, which the machine's
// load (other processes on its two cores) moves far less than wall time.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
