package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cliEnv, when set in the environment, makes the test binary run the command line with the
// arguments it holds (separated by \x1f) instead of the tests: runProcess uses it to run the
// command line as its own process, which is what shows what happens before main (package
// initialisation) and how much memory a run takes.
const cliEnv = "ZIPING_TEST_CLI"

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(cliEnv); ok {
		code, _ := runCLI(strings.Split(args, "\x1f"), os.Stdout, os.Stderr)
		os.Exit(code)
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
		if r.code != exitOK || strings.Contains(r.stderr, "Fyne") || !strings.Contains(r.stdout, "总评价得分 97") {
			t.Errorf("%v: code %d, stderr %q", env, r.code, r.stderr)
		}
	}
}
