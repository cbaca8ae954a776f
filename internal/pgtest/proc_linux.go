package pgtest

import (
	"os/exec"
	"syscall"
)

// asUser runs cmd as the account (nil: as the tests' own user).
func asUser(cmd *exec.Cmd, a *account) {
	if a == nil {
		return
	}
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uint32(a.uid), Gid: uint32(a.gid)}
	cmd.Env = append(cmd.Environ(), "HOME=/", "USER="+a.name, "LOGNAME="+a.name)
}

// dieWithParent has the kernel stop the server when the test binary dies,
// however it dies, so that no server outlives its tests.
func dieWithParent(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGQUIT
}
