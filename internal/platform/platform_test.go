package platform

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"ziping/cli"
)

// The Windows start-up decides from the arguments alone, before cli.Run runs, whether to attach
// to the console or to open the window.
func TestIsCommandLine(t *testing.T) {
	tests := map[string]struct {
		args []string
		want bool
	}{
		"no arguments":          {nil, false},
		"a document":            {[]string{"文件.zpb"}, false},
		"Explorer's full path":  {[]string{`C:\Users\张三\桌面\2021 自评.zpb`}, false},
		"a relative path":       {[]string{`文档\2021`}, false},
		"a Unix path":           {[]string{"/home/z/2021"}, false},
		"check a file":          {[]string{"check", "文件.zpb"}, true},
		"version":               {[]string{"version"}, true},
		"an option":             {[]string{"--help"}, true},
		"a mistyped command":    {[]string{"chek"}, true},
		"two documents":         {[]string{"a.zpb", "b.zpb"}, true},
		"an option and a file":  {[]string{"-o", "a.pdf"}, true},
		"a command, no file":    {[]string{"export"}, true},
		"upper-case extension":  {[]string{"文件.ZPB"}, false},
		"a document with space": {[]string{"抚顺 社保 2021.zpb"}, false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := isCommandLine(tt.args); got != tt.want {
				t.Errorf("isCommandLine(%q) = %v, want %v", tt.args, got, tt.want)
			}
		})
	}
	// Every command the usage text names is a command-line start, and cli.Run handles it.
	for _, m := range regexp.MustCompile(`(?m)^\s+ziping (\w+)`).FindAllStringSubmatch(cli.Usage, -1) {
		args := []string{m[1], "--no-such-flag"}
		if !isCommandLine(m[1:2]) || !isCommandLine(args) {
			t.Errorf("`ziping %s` would open the window on Windows", m[1])
		}
		if _, window := cli.Run(args, io.Discard, io.Discard, cli.Info{}); window {
			t.Errorf("usage names `ziping %s`, but cli.Run does not handle it", m[1])
		}
	}
	// A document opens the window in cli.Run too (given a desktop: without one, cli.Run says
	// so and exits; Windows checks OpenGL instead).
	t.Setenv("DISPLAY", ":0")
	doc := filepath.Join(t.TempDir(), "2021 自评.zpb")
	if err := os.WriteFile(doc, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{doc}, nil} {
		if isCommandLine(args) {
			t.Errorf("isCommandLine(%q): the command line, but a document opens the window", args)
		}
		if _, window := cli.Run(args, io.Discard, io.Discard, cli.Info{}); !window {
			t.Errorf("cli.Run(%q) handled it, but Windows would open the window", args)
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

// detectedScale is Fyne's: 96 dpi is 1, 144 dpi is 1.5, nonsense sizes are 1.
func TestDetectedScale(t *testing.T) {
	for _, tt := range []struct {
		mm, px int
		want   float32
	}{{508, 1920, 1}, {338, 1920, 1.5}, {0, 1920, 1}, {1, 1920, 1}, {800, 1024, 1}} {
		if got := detectedScale(tt.mm, tt.px); got < tt.want-0.01 || got > tt.want+0.01 {
			t.Errorf("detectedScale(%d mm, %d px) = %.2f, want %.2f", tt.mm, tt.px, got, tt.want)
		}
	}
}
