//go:build !linux

package pgtest

import "os/exec"

// On other systems binDir reports PostgreSQL unavailable; these are never
// reached.
func asUser(*exec.Cmd, *account) {}
func dieWithParent(*exec.Cmd)    {}
