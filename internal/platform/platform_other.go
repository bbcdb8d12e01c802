//go:build !windows

package platform

import "ziping/cli"

// Setup prepares the process for the command line or the window; only Windows needs it
// (platform_windows.go).
func Setup([]string) {}

// Streams: text is UTF-8 everywhere but Windows (console_windows.go).
func Streams() (stdout, stderr cli.Stream) { return cli.Stream{}, cli.Stream{} }

// Renderer is "": only Windows falls back to another OpenGL (mesa_windows.go).
func Renderer() string { return "" }
