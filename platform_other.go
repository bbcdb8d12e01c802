//go:build !windows

package main

// platformSetup prepares the process for the command line or the window; only Windows needs
// it (platform_windows.go).
func platformSetup([]string) {}
