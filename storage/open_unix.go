//go:build unix

package storage

import "syscall"

// openNoBlock makes Load's open return at once on a named pipe without a writer.
const openNoBlock = syscall.O_NONBLOCK
