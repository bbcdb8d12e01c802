//go:build linux

package main

import "syscall"

// maxRSSBytes is the peak resident memory of a finished process: Linux gives it in kilobytes.
func maxRSSBytes(ru *syscall.Rusage) int64 { return ru.Maxrss << 10 }
