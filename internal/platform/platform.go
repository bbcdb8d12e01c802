package platform

import (
	"path/filepath"
	"strconv"
	"strings"
)

// isCommandLine reports whether a start with args (without the program name) is for the command
// line rather than the window. Windows needs to know before cli.Run (cli/cli.go) runs: a
// command-line start attaches to the console it came from (console_windows.go), a window start
// checks that the window can be opened (opengl_windows.go). The window opens with no argument
// or with one document (Explorer passes its full path); anything else is a command, a mistyped
// one too, whose message must be seen. Deciding by the shape of the arguments, not by a list of
// commands, keeps new commands working; TestIsCommandLine checks it against cli.Usage.
func isCommandLine(args []string) bool {
	switch {
	case len(args) == 0:
		return false
	case len(args) > 1 || strings.HasPrefix(args[0], "-"):
		return true
	}
	a := args[0]
	return filepath.Ext(a) == "" && !strings.ContainsAny(a, `/\`)
}

// openGLAtLeast21 reports whether an OpenGL version string as glGetString(GL_VERSION) gives it
// ("4.5.0 NVIDIA 531.41", "2.1 Mesa 22.3.6", "1.1.0") is 2.1 or later, what Fyne's GL driver
// needs.
func openGLAtLeast21(version string) bool {
	major, rest, ok := strings.Cut(version, ".")
	if !ok {
		return false
	}
	if i := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		rest = rest[:i]
	}
	ma, err1 := strconv.Atoi(major)
	mi, err2 := strconv.Atoi(rest)
	if err1 != nil || err2 != nil {
		return false
	}
	return ma > 2 || ma == 2 && mi >= 1
}

// detectedScale is the scale Fyne 2.7.1 detects on Linux for a screen widthMm millimetres and
// widthPx pixels wide (its internal/driver/glfw/scale.go, calculateDetectedScale): the dots
// per inch over 96, at least 1, and 1 for an implausible size.
func detectedScale(widthMm, widthPx int) float32 {
	if widthMm <= 0 {
		return 1
	}
	dpi := float32(widthPx) / (float32(widthMm) / 25.4)
	if dpi > 1000 || dpi < 10 {
		return 1
	}
	return max(1, dpi/96)
}
