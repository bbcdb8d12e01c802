package platform

import "os"

// exitNoWindow is the exit code when the window cannot be opened (no usable OpenGL).
const exitNoWindow = 3

// Setup prepares a Windows process before main goes on: a command-line start prints
// to the console it was started from (a GUI-subsystem program has none of its own); a window
// start first checks that OpenGL can draw the window; if the driver cannot, it falls back to
// Mesa's software OpenGL shipped in mesa\ beside the exe, and only without that, or if that fails
// too, explains why in a message box and exits with exitNoWindow instead of dying silently.
// A window start also marks itself running for the installer (running_windows.go).
func Setup(args []string) {
	if isCommandLine(args) {
		attachParentConsole()
		return
	}
	watchWindowFailure()
	markRunning()
	if os.Getenv("ZIPING_SKIP_GL_CHECK") != "" {
		return
	}
	if os.Getenv(mesaEnv) == "mesa" {
		startOnMesa()
		return
	}
	if err := probeOpenGL(); err != nil {
		fallBackToMesa(err) // Mesa's software OpenGL, or the message box (mesa_windows.go)
	}
}
