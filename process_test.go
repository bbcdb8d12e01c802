package main

import (
	"bytes"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"ziping/cli"
)

// cliEnv, when set in the environment, makes the test binary run the program's main with the
// arguments it holds (separated by \x1f) instead of the tests: runProcess uses it to run
// ziping as its own process, which is what shows what happens before main (package
// initialisation), whether a start reaches the window, and how much memory a run takes.
const cliEnv = "ZIPING_TEST_CLI"

// sample is the sample document, from the repository's root.
const sample = "samples/fushun-shebao-2021.zpb"

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(cliEnv); ok {
		os.Args = []string{os.Args[0]}
		if args != "" {
			os.Args = append(os.Args, strings.Split(args, "\x1f")...)
		}
		main()
		os.Exit(0) // the window was opened and closed
	}
	os.Exit(m.Run())
}

// processResult is what a run of the command line as a process left.
type processResult struct {
	code           int
	stdout, stderr string
	maxRSS         int64         // peak resident memory, bytes (0 where the system does not say)
	cpu            time.Duration // processor time, user and system
}

// runProcess runs `ziping args...` as a process of this test binary, with env added to its
// environment (a later entry overrides an earlier one: LANG=C after LANG=C.UTF-8 wins).
func runProcess(tb testing.TB, env []string, args ...string) processResult {
	tb.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(append(os.Environ(), cliEnv+"="+strings.Join(args, "\x1f")), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		tb.Fatal(err)
	}
	ps := cmd.ProcessState
	r := processResult{code: ps.ExitCode(), stdout: stdout.String(), stderr: stderr.String(), cpu: ps.UserTime() + ps.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = maxRSSBytes(ru)
	}
	return r
}

// TestNoLocaleWarning: under the C locale in any spelling, the command line prints nothing from
// Fyne: "Fyne error: Error parsing user locale C" came from Fyne's package initialisation,
// before main (see internal/clocale).
func TestNoLocaleWarning(t *testing.T) {
	for _, env := range [][]string{
		{"LANG=C"}, {"LANG=C.UTF-8"}, {"LANG=C.utf8"}, {"LANG=POSIX"}, {"LANG=zh_CN.UTF-8", "LC_ALL=C.UTF-8"},
		{"LANG=C.UTF-8", "LANGUAGE=C.UTF-8"}, {"LANG=zh_CN.UTF-8"},
	} {
		env = append([]string{"LC_ALL=", "LC_MESSAGES=", "LANGUAGE="}, env...)
		r := runProcess(t, env, "check", sample)
		if r.code != 0 || strings.Contains(r.stderr, "Fyne") || !strings.Contains(r.stdout, "总评价得分 97") {
			t.Errorf("%v: code %d, stderr %q", env, r.code, r.stderr)
		}
	}
}

// TestNoDesktop: started for the window (no argument, or a document) with neither DISPLAY nor
// WAYLAND_DISPLAY set, ziping prints one Chinese line pointing to the command line and exits
// with cli.ExitNoDesktop, instead of dying in GLFW with a stack trace; a mistyped command or a
// missing document is exit 2 with the usage, also with no desktop; the commands run.
func TestNoDesktop(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("windows and darwin draw windows without X11 or Wayland (internal/platform/platform_windows.go checks OpenGL instead)")
	}
	env := []string{"DISPLAY=", "WAYLAND_DISPLAY="}
	for _, args := range [][]string{nil, {sample}} {
		r := runProcess(t, env, args...)
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		if r.code != cli.ExitNoDesktop || r.stdout != "" || len(lines) != 1 ||
			!strings.Contains(r.stderr, "图形桌面") || !strings.Contains(r.stderr, "ziping help") {
			t.Errorf("ziping %q without a desktop: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	for _, args := range [][]string{{"chek", sample}, {"chek"}, {"import.xlsx"}, {"没有这个文件.zpb"}} {
		r := runProcess(t, env, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "用法") || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("ziping %q: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if r := runProcess(t, env, "check", sample); r.code != 0 || !strings.Contains(r.stdout, "总评价得分 97") {
		t.Errorf("check without a desktop: exit %d, stderr %q", r.code, r.stderr)
	}
}
