//go:build !linux

package eval

import "time"

// threadCPU is 0 where a thread's CPU time is not read (see the Linux
// version): the stream then reports no placing CPU.
func threadCPU() time.Duration { return 0 }
