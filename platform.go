package main

import (
	"strconv"
	"strings"
)

// subcommands are the first arguments that make runCLI (cli.go) answer on the command line
// instead of opening the window. Windows needs the list before runCLI runs: such a start
// attaches to the console it came from (console_windows.go), any other start checks that the
// window can be opened (opengl_windows.go). TestSubcommandsMatchRunCLI keeps it equal to cli.go.
var subcommands = map[string]bool{
	"check": true, "export": true, "summary": true,
	"version": true, "--version": true, "-version": true,
	"help": true, "-h": true, "--help": true, "-help": true,
}

// isSubcommand reports whether args (without the program name) start the command line.
func isSubcommand(args []string) bool {
	return len(args) > 0 && subcommands[args[0]]
}

// exitNoWindow is the exit code when the window cannot be opened (no usable OpenGL).
const exitNoWindow = 3

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
