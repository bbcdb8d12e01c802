package platform

import "os"

// exitNoWindow is the exit code when the window cannot be opened (no usable OpenGL).
const exitNoWindow = 3

// Setup prepares a Windows process before main goes on: a command-line start prints
// to the console it was started from (a GUI-subsystem program has none of its own); a window
// start first checks that OpenGL can draw the window and otherwise explains why it cannot,
// in a message box, and exits with exitNoWindow instead of dying silently. A window start
// also marks itself running for the installer (running_windows.go).
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
	if err := probeOpenGL(); err != nil {
		showNoWindow(err)
		os.Exit(exitNoWindow)
	}
}
