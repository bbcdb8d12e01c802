package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// maxRSSBytes is the peak resident memory of a finished process: Linux gives it in kilobytes.
func maxRSSBytes(ru *syscall.Rusage) int64 { return ru.Maxrss << 10 }

// TestOddPathsScript runs tools/oddpaths_test.sh on this test binary standing in for ziping (a
// wrapper script runs it as runProcess does): links to documents as export targets, named
// pipes, a 4 MB document of a million empty rows (time and memory measured by /usr/bin/time
// -v), an unreadable file and the locale warning, as a tester tries them from a shell. The
// script runs on a built binary too: bash tools/oddpaths_test.sh bin/ziping samples/….zpb.
func TestOddPathsScript(t *testing.T) {
	self, err := filepath.Abs(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	wrapper := filepath.Join(t.TempDir(), "ziping")
	script := "#!/usr/bin/env bash\nIFS=$'\\x1f'\nexport " + cliEnv + "=\"$*\"\nexec '" + self + "'\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("bash", "tools/oddpaths_test.sh", wrapper, sample).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	t.Logf("%s", out)
}
