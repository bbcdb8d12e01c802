package testtool

import (
	"strings"
	"testing"
)

// recorder is a testing.TB that records how Need ended the test instead of ending it.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Fatalf(format string, args ...any) { r.fatal = format }
func (r *recorder) Skipf(format string, args ...any)  { r.skip = format }

// TestNeedRule: a missing program fails the test on CI and skips it elsewhere, with the install
// command; a present one is returned.
func TestNeedRule(t *testing.T) {
	for _, ci := range []string{"true", ""} {
		t.Setenv("CI", ci)
		r := &recorder{TB: t}
		if p := Need(r, "ziping-no-such-program", "apt install nothing"); p != "" {
			t.Errorf("CI=%q: a missing program found at %q", ci, p)
		}
		if (r.fatal != "") != (ci == "true") || (r.skip != "") != (ci != "true") {
			t.Errorf("CI=%q: fatal %q, skip %q", ci, r.fatal, r.skip)
		}
	}
	if p := Need(t, "sh", "apt install dash"); !strings.HasSuffix(p, "/sh") {
		t.Errorf("sh found at %q", p)
	}
}
