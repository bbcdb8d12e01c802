//go:build unix

package storage

import "syscall"

// mayWrite reports whether this user may write path (access(2) with W_OK): a file of another
// user in one's own folder can be replaced by a rename but is not ours to replace.
func mayWrite(path string) bool { return syscall.Access(path, 2) == nil }
