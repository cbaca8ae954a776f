//go:build !unix

package sqlite

// cpuTime is 0 where the process's CPU time is not read: the benchmarks
// report no CPU time there.
func cpuTime() int64 { return 0 }
