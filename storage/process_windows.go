//go:build windows

package storage

import "syscall"

// processAlive reports whether a process with pid runs on this computer: it can be opened
// and has not exited (STILL_ACTIVE). Access denied means it runs under another user.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	const queryLimitedInformation = 0x1000 // PROCESS_QUERY_LIMITED_INFORMATION
	h, err := syscall.OpenProcess(queryLimitedInformation, false, uint32(pid))
	if err != nil {
		return err == syscall.ERROR_ACCESS_DENIED
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return true // cannot tell: keep what it may be using
	}
	const stillActive = 259
	return code == stillActive
}
