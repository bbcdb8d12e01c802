// Package platform prepares the process at start-up, before the command line or the window
// runs: on Windows it attaches a command-line start to the console it came from
// (console_windows.go) and checks that a window start can draw with OpenGL, showing a message
// box when it cannot (opengl_windows.go, nowindow_windows.go), and marks a window start
// running for the installer (running_windows.go); elsewhere Setup does nothing. Streams tells
// the command line the code pages of its redirected output (Windows only), WorkArea the
// screen's usable size for the window (screen_glfw.go). main.go calls Setup first.
package platform
