package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/internal/testtool"
	"ziping/storage"
)

// TestPackNamesReadable: `ziping pack` writes a zip whose Chinese names unzip lists and
// Python's zipfile reads as UTF-8 (it decodes a name as UTF-8 only when the name's flag says
// so, as Windows Explorer does), with a missing evidence file said on stdout.
func TestPackNamesReadable(t *testing.T) {
	unzip := testtool.Need(t, "unzip", "apt-get install unzip")
	python := testtool.Need(t, "python3", "apt-get install python3")
	dir := t.TempDir()
	doc, err := storage.Load(sample)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "验收报告.pdf"), []byte("%PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc.Projects[0].FundsEvidence = []forms.Evidence{{Name: "验收报告", Path: "验收报告.pdf"}, {Name: "发票", Path: "发票.pdf"}}
	in := filepath.Join(dir, "单位.zpb")
	if err := storage.Save(in, doc); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code, _ := runCLI([]string{"pack", in}, &out, &errOut); code != exitOK {
		t.Fatalf("pack: code %d, %s", code, errOut.String())
	}
	target := filepath.Join(dir, "单位-报送.zip")
	if !strings.Contains(out.String(), "已打包") || !strings.Contains(out.String(), "佐证材料未打包") || !strings.Contains(out.String(), "发票") {
		t.Errorf("stdout: %s", out.String())
	}
	listing, err := exec.Command(unzip, "-l", target).CombinedOutput()
	if err != nil {
		t.Fatalf("unzip -l: %v\n%s", err, listing)
	}
	names, err := exec.Command(python, "-c", `import sys, zipfile
for i in zipfile.ZipFile(sys.argv[1]).infolist():
    assert i.flag_bits & 0x800, i.filename
    print(i.filename)`, target).CombinedOutput()
	if err != nil {
		t.Fatalf("python zipfile: %v\n%s", err, names)
	}
	for _, want := range []string{"1-绩效自评表（签字盖章用）.pdf", "2-绩效自评表.xlsx", "佐证材料/01-验收报告.pdf", "报送清单.txt"} {
		if !strings.Contains(string(listing), want) || !strings.Contains(string(names), want) {
			t.Errorf("%s missing:\nunzip -l:\n%s\nzipfile:\n%s", want, listing, names)
		}
	}
}

// TestPackUsage: a wrong command line or a target that is not a .zip is refused with exit 2.
func TestPackUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"pack"}, {"pack", "-o", filepath.Join(dir, "x.pdf"), sampleCopy(dir)}, {"pack", "-o", sampleCopy(dir), sampleCopy(dir)}} {
		var out, errOut bytes.Buffer
		if code, _ := runCLI(args, &out, &errOut); code != exitUnusable || errOut.Len() == 0 {
			t.Errorf("%v: code %d, stderr %q", args, code, errOut.String())
		}
	}
}
