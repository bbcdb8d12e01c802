//go:build unix

package storage

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with pid runs on this computer. Signal 0 checks
// without sending anything; EPERM means it runs under another user.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
