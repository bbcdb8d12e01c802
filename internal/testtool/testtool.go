// Package testtool holds the one rule for tests that run a program of the system (pdftotext,
// qpdf, LibreOffice): on CI, which installs every one of them (.ci/run, `make test-deps`), a
// missing program fails the test, since a skip there would hide a test that never ran; on a
// developer's machine the test is skipped and says which package installs the program. It also
// keeps the slow ones out of `go test -short` (`make quick`).
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the program name on the PATH. Without it the test fails when CI=true
// and is skipped otherwise, with install, the command that installs it, in its message.
func Need(t testing.TB, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if OnCI() {
		t.Fatalf("%s is not installed (%s; .ci/run and make test-deps install it)", name, install)
		return ""
	}
	t.Skipf("%s is not installed: %s", name, install)
	return ""
}

// OnCI reports whether the tests run on CI, which sets CI=true and installs every program the
// tests call.
func OnCI() bool { return os.Getenv("CI") == "true" }

// Slow skips t under `go test -short` (`make quick`): it runs an external program that takes
// many seconds (LibreOffice starts in 5 to 20 s, more on its first start). `make test` runs it.
func Slow(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow (an external program): runs without -short, as make test does")
	}
}

// Install commands of the programs the tests call, as Debian names their packages.
const (
	Poppler     = "apt install poppler-utils"          // pdftotext, pdfinfo, pdffonts
	QPDF        = "apt install qpdf"                   // qpdf
	LibreOffice = "apt install libreoffice-calc-nogui" // soffice
)

// Soffice is Need for LibreOffice's soffice, which every test that calls it needs only without
// -short (Slow).
func Soffice(t testing.TB) string {
	t.Helper()
	Slow(t)
	return Need(t, "soffice", LibreOffice)
}
