//go:build !linux

package main

import "syscall"

// maxRSSBytes is 0 where the unit of Maxrss differs (bytes on macOS) or it is not given.
func maxRSSBytes(*syscall.Rusage) int64 { return 0 }
