package main

import (
	"io"
	"regexp"
	"testing"
)

// The Windows start-up decides from subcommands, before runCLI runs, whether to attach to the
// console or to open the window; both must agree on every first argument.
func TestSubcommandsMatchRunCLI(t *testing.T) {
	for name := range subcommands {
		if _, handled := runCLI([]string{name, "--no-such-flag"}, io.Discard, io.Discard); !handled {
			t.Errorf("subcommands has %q, but runCLI does not handle it", name)
		}
	}
	// Every command the usage text names is in the list.
	for _, m := range regexp.MustCompile(`(?m)^\s+ziping (\w+)`).FindAllStringSubmatch(usage, -1) {
		if !subcommands[m[1]] {
			t.Errorf("usage names `ziping %s`, missing from subcommands", m[1])
		}
	}
	for _, args := range [][]string{nil, {"文件.zpb"}, {`C:\Users\张三\桌面\2021 自评.zpb`}, {"checks"}} {
		if isSubcommand(args) {
			t.Errorf("isSubcommand(%q) = true", args)
		}
		if _, handled := runCLI(args, io.Discard, io.Discard); handled {
			t.Errorf("runCLI(%q) handled, but isSubcommand says window", args)
		}
	}
}

func TestOpenGLAtLeast21(t *testing.T) {
	tests := map[string]bool{
		"4.5.0 NVIDIA 531.41":           true,
		"2.1 Mesa 22.3.6":               true,
		"3.1.0 - Build 9.17.10.4459":    true,
		"2.0.0":                         false,
		"1.1.0":                         false, // Microsoft's GDI generic renderer
		"10.0":                          true,
		"":                              false,
		"OpenGL ES 3.2":                 false,
		"2.1.2 NVIDIA 340.52":           true,
		"1.4 (2.1 Mesa 7.0.4)":          false,
		"4.6.0 Compatibility Profile 1": true,
	}
	for version, want := range tests {
		if got := openGLAtLeast21(version); got != want {
			t.Errorf("openGLAtLeast21(%q) = %v, want %v", version, got, want)
		}
	}
}
