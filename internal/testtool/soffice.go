package testtool

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sofficeTimeout bounds one LibreOffice run: a conversion takes 5 to 25 s on two busy cores, a
// first start longer.
const sofficeTimeout = 4 * time.Minute

// Convert has LibreOffice (headless, in the profile folder profile, its own: instances with
// different profiles never wait for each other) convert the file in with filter ("pdf", "xlsx:Calc
// MS Excel 2007 XML", a csv filter) into outDir, and returns the path of the file written. It is
// Soffice's test: skipped under -short.
//
// soffice exits with 0 when it writes nothing ("source file could not be loaded"), so the file
// written is what tells. A start in a new profile first creates it and restarts, and on a
// machine where LibreOffice never ran (a fresh clone's first `make test`, LibreOffice just
// installed) that first start can end without converting: one more run, in the profile the
// first made, tells that apart from a real failure; the first run's output is logged.
func Convert(t testing.TB, profile, in, filter, outDir string) string {
	t.Helper()
	soffice := Soffice(t)
	ext, _, _ := strings.Cut(filter, ":")
	out := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+"."+ext)
	var msgs []string
	for attempt := 1; attempt <= 2; attempt++ {
		msg, err := runSoffice(soffice, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(profile),
			"--convert-to", filter, "--outdir", outDir, in)
		if _, statErr := os.Stat(out); err == nil && statErr == nil {
			if attempt > 1 {
				t.Logf("LibreOffice wrote nothing on its first start in a new profile, then converted: %s", msgs[0])
			}
			return out
		} else if err == nil {
			err = statErr
		}
		msgs = append(msgs, err.Error()+"\n"+msg)
	}
	t.Fatalf("LibreOffice did not convert %s to %s, twice:\n%s", in, filter, strings.Join(msgs, "\n"))
	return ""
}

func runSoffice(soffice string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), sofficeTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, args...)
	// soffice starts soffice.bin, which keeps the output pipe open when soffice is killed: stop
	// waiting for the pipe 10 s after.
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.CombinedOutput()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		err = errors.New("LibreOffice still running after " + sofficeTimeout.String())
	}
	return string(out), err
}

// WriterPkg installs LibreOffice's Writer, which converts .docx files (the 自评报告).
const WriterPkg = "apt install libreoffice-writer-nogui"

// Writer is Soffice for a test that converts a Word document: soffice without Writer (a machine
// with only libreoffice-calc) cannot load one, so Writer's library beside soffice is looked for
// too, under Need's rule (a failure on CI, a skip elsewhere).
func Writer(t testing.TB) string {
	t.Helper()
	soffice := Soffice(t)
	real, err := filepath.EvalSymlinks(soffice)
	if err != nil {
		real = soffice
	}
	for _, lib := range []string{"libswlo.so", "libswlo.dylib", "swlo.dll"} {
		if _, err := os.Stat(filepath.Join(filepath.Dir(real), lib)); err == nil {
			return soffice
		}
	}
	if OnCI() {
		t.Fatalf("LibreOffice Writer is not installed (%s; .ci/run and make test-deps install it)", WriterPkg)
	} else {
		t.Skipf("LibreOffice Writer is not installed: %s", WriterPkg)
	}
	return ""
}
