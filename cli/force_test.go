package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// replaceCommands are the commands that write a file the user names, each with its target.
func replaceCommands(dir string) map[string][]string {
	return map[string][]string{
		filepath.Join(dir, "fushun-shebao-2021.pdf"):    {"export", sampleCopy(dir)},
		filepath.Join(dir, "fushun-shebao-2021.xlsx"):   {"export", "--xlsx", sampleCopy(dir)},
		filepath.Join(dir, "签字版.pdf"):                   {"export", "-o", filepath.Join(dir, "签字版.pdf"), sampleCopy(dir)},
		filepath.Join(dir, "模板.xlsx"):                   {"template", "-o", filepath.Join(dir, "模板.xlsx")},
		filepath.Join(dir, "汇总.pdf"):                    {"summary", sampleCopy(dir), "-o", filepath.Join(dir, "汇总.pdf")},
		filepath.Join(dir, "汇总.xlsx"):                   {"summary", "-o", filepath.Join(dir, "汇总.xlsx"), sampleCopy(dir)},
		filepath.Join(dir, "fushun-shebao-2021-报送.zip"): {"pack", sampleCopy(dir)},
	}
}

// sampleCopy is the sample copied into dir (once), so that the default targets land there.
func sampleCopy(dir string) string {
	path := filepath.Join(dir, "fushun-shebao-2021.zpb")
	if _, err := os.Stat(path); err != nil {
		data, _ := os.ReadFile(sample)
		os.WriteFile(path, data, 0o644)
	}
	return path
}

// withForce is args with --force after the command's word.
func withForce(args []string) []string {
	return append([]string{args[0], "--force"}, args[1:]...)
}

// TestExistingTargetNeedsForce: each command refuses a file that is there already (exit 2, a
// sentence naming it and --force, the file untouched), and replaces it with --force.
func TestExistingTargetNeedsForce(t *testing.T) {
	dir := t.TempDir()
	for target, args := range replaceCommands(dir) {
		old := []byte("the signed, scanned copy")
		if err := os.WriteFile(target, old, 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		code, _ := runCLI(args, &out, &errOut)
		msg := errOut.String()
		if code != exitUnusable || !strings.Contains(msg, filepath.Base(target)) || !strings.Contains(msg, "已存在") ||
			!strings.Contains(msg, "--force") || !strings.Contains(msg, "ziping "+args[0]+" --force") {
			t.Errorf("%v over an existing file: code %d, stderr %q", args, code, msg)
		}
		if got, _ := os.ReadFile(target); !bytes.Equal(got, old) {
			t.Errorf("%v replaced the file without --force", args)
		}
		errOut.Reset()
		if code, _ := runCLI(withForce(args), &out, &errOut); code != exitOK {
			t.Errorf("%v --force: code %d, %s", args, code, errOut.String())
		}
		if got, _ := os.ReadFile(target); bytes.Equal(got, old) {
			t.Errorf("%v --force left the old file", args)
		}
	}
}

// TestDanglingLinkTargetNeedsForce: a link whose file is missing is something there too.
func TestDanglingLinkTargetNeedsForce(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "out.pdf")
	if err := os.Symlink("missing.pdf", link); err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	if code, _ := runCLI([]string{"export", "-o", link, sampleCopy(dir)}, &bytes.Buffer{}, &errOut); code != exitUnusable {
		t.Errorf("code %d, %s", code, errOut.String())
	}
}

// TestReadOnlyTargetRefusedEvenWithForce: a 0444 file is never replaced (a rename over it
// needs only the folder's permission), with or without --force.
func TestReadOnlyTargetRefusedEvenWithForce(t *testing.T) {
	dir := t.TempDir()
	for target, args := range replaceCommands(dir) {
		old := []byte("read-only")
		if err := os.WriteFile(target, old, 0o444); err != nil {
			t.Fatal(err)
		}
		for _, a := range [][]string{args, withForce(args)} {
			var errOut bytes.Buffer
			code, _ := runCLI(a, &bytes.Buffer{}, &errOut)
			if code != exitUnusable || !strings.Contains(errOut.String(), "只读") || !strings.Contains(errOut.String(), filepath.Base(target)) {
				t.Errorf("%v over a read-only file: code %d, stderr %q", a, code, errOut.String())
			}
		}
		if got, _ := os.ReadFile(target); !bytes.Equal(got, old) {
			t.Errorf("%v replaced a read-only file", args)
		}
		if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o444 {
			t.Errorf("%v changed the mode to %v", args, fi.Mode())
		}
	}
}
