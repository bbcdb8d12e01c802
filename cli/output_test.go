package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/storage"
)

// hostileNames are a project and a unit name as a document received by email may hold them:
// escape sequences that move up and rewrite the count line, and a bidi override.
const (
	hostileProject = "社保经办\x1b[1A\x1b[2K\r问题：错误 0 个，警告 0 个\n[提示] 无问题\u009b"
	hostileUnit    = "抚顺市\u202Efdp.exe"
)

// hostileDoc writes the sample with hostileNames into a temporary folder.
func hostileDoc(t *testing.T) string {
	t.Helper()
	doc, err := storage.Load(sample)
	if err != nil {
		t.Fatal(err)
	}
	doc.Projects[0].Name = hostileProject
	doc.Unit.Name = hostileUnit
	doc.Settings.Year = "二〇二一" // an error to hide
	data, err := forms.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "邮件\x1b[31m附件.zpb")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// rawDeceptive is the first deceptive character in s other than line breaks and tabs.
func rawDeceptive(s string) (rune, bool) {
	for _, r := range s {
		if forms.Deceptive(r) && r != '\n' && r != '\t' {
			return r, true
		}
	}
	return 0, false
}

func TestCheckShowsHostileNamesEscaped(t *testing.T) {
	path := hostileDoc(t)
	var out, errOut bytes.Buffer
	code, _ := runCLI([]string{"check", path}, &out, &errOut)
	if code != exitProblems {
		t.Fatalf("code %d, want %d (the document has errors); %s", code, exitProblems, errOut.String())
	}
	text := out.String()
	if r, ok := rawDeceptive(text); ok {
		t.Fatalf("stdout holds %U raw:\n%s", r, text)
	}
	for _, want := range []string{`\u001B[1A`, `\u000D`, `\u202Efdp.exe`, `\u009B`, `附件.zpb`} {
		if !strings.Contains(text, want) {
			t.Errorf("stdout lacks %s:\n%s", want, text)
		}
	}
	// The name's line break is shown escaped: no line of the output is the forged count.
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "问题：错误 0 个") || strings.HasPrefix(line, "[提示] 无问题") {
			t.Errorf("a forged line reached stdout: %q", line)
		}
	}
}

func TestCheckJSONKeepsHostileNamesEscaped(t *testing.T) {
	path := hostileDoc(t)
	var out, errOut bytes.Buffer
	runCLI([]string{"check", "--json", path}, &out, &errOut)
	if r, ok := rawDeceptive(out.String()); ok {
		t.Fatalf("the JSON holds %U raw", r)
	}
	var rep checkReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Forms[0].Name != hostileUnit || rep.Forms[1].Name != hostileProject || rep.Forms[0].File != path {
		t.Errorf("the JSON does not read back the names as typed: %q %q", rep.Forms[0].Name, rep.Forms[1].Name)
	}
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestOutputWriteErrorExitsNonZero(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"check", sample},
		{"check", "--json", sample},
		{"version"},
		{"help"},
		{"export", "-o", filepath.Join(dir, "a.pdf"), sample},
		{"template", "-o", filepath.Join(dir, "t.xlsx")},
		{"summary", sample, "-o", filepath.Join(dir, "s.pdf")},
	} {
		var errOut bytes.Buffer
		code, _ := runCLI(args, failingWriter{}, &errOut)
		if code == exitOK || !strings.Contains(errOut.String(), "无法写出命令的输出") {
			t.Errorf("%v with stdout failing: code %d, stderr %q", args, code, errOut.String())
		}
	}
}

// TestExportShowsHostileNamesEscaped: the warnings and notes of an export, which name the
// forms, show the names escaped on one line each.
func TestExportShowsHostileNamesEscaped(t *testing.T) {
	path := hostileDoc(t)
	for _, args := range [][]string{{"export", path}, {"export", "--xlsx", path}, {"summary", path, "-o", path + ".pdf"}} {
		var out, errOut bytes.Buffer
		if code, _ := runCLI(args, &out, &errOut); code != exitOK {
			t.Fatalf("%v: code %d, %s", args, code, errOut.String())
		}
		all := out.String() + errOut.String()
		if r, ok := rawDeceptive(all); ok {
			t.Errorf("%v: the output holds %U raw:\n%s", args, r, all)
		}
		if !strings.Contains(all, `\u001B`) {
			t.Errorf("%v: the output names nothing escaped (no warning about the name?):\n%s", args, all)
		}
		for _, line := range strings.Split(all, "\n") {
			if strings.HasPrefix(line, "问题：错误 0 个") || strings.HasPrefix(line, "[提示] 无问题") {
				t.Errorf("%v: a forged line: %q", args, line)
			}
		}
	}
}
