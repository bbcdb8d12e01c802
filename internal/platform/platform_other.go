//go:build !windows

package platform

// Setup prepares the process for the command line or the window; only Windows needs it
// (platform_windows.go).
func Setup([]string) {}

// Renderer is "": only Windows falls back to another OpenGL (mesa_windows.go).
func Renderer() string { return "" }
