package app

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	_ "clocale.local" // as main.go: before Fyne's init, no locale complaint under LANG=C.UTF-8
)

// TestNoLocaleNoise: the app's test binary, like the program, starts under LANG=C.UTF-8 (the
// locale `make test` sets) without Fyne printing "Error parsing user locale C" from its package
// initialisation (see internal/clocale): this binary, run again with no test, prints nothing.
func TestNoLocaleNoise(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
	out, err := cmd.CombinedOutput()
	if err != nil || strings.Contains(string(out), "locale") {
		t.Errorf("%v: %s", err, out)
	}
}
