package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reportIn runs the command line and returns its exit code and both outputs.
func reportIn(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code, _ := runCLI(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestReportCommand: report writes a .docx named after the document, never replaces a file
// without --force, splits per project with --split, and report-template writes a template that
// report --template fills.
func TestReportCommand(t *testing.T) {
	dir, in := exportDir(t)
	def := filepath.Join(dir, "doc-自评报告.docx")
	if code, _, e := reportIn("report", in); code != exitOK {
		t.Fatalf("report: %d %s", code, e)
	}
	data, _ := os.ReadFile(def)
	if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
		t.Fatalf("%s is no .docx: %v", def, err)
	}
	if code, _, e := reportIn("report", in); code != exitUnusable || !strings.Contains(e, "已存在") || !strings.Contains(e, "--force") {
		t.Errorf("report over an existing file: %d %s", code, e)
	}
	if code, o, e := reportIn("report", "--force", in); code != exitOK || !strings.Contains(o, ".bak") {
		t.Errorf("report --force: %d %s %s", code, o, e)
	}

	split := filepath.Join(dir, "split", "r.docx")
	_ = os.Mkdir(filepath.Dir(split), 0o755)
	if code, _, e := reportIn("report", "--split", "-o", split, in); code != exitOK {
		t.Fatalf("report --split: %d %s", code, e)
	}
	wantNames(t, filepath.Dir(split), "r-项目1-新办公楼租金及物业费.docx", "r-项目2-社会保障行政运行费.docx",
		"r-项目3-雇佣专业技术人员费用.docx", "r-项目4-保障中心托管离退休人员费用.docx", "r.docx")

	tpl := filepath.Join(dir, "模板.docx")
	if code, _, e := reportIn("report-template", "-o", tpl); code != exitOK {
		t.Fatalf("report-template: %d %s", code, e)
	}
	if code, _, e := reportIn("report", "--template", tpl, "-o", filepath.Join(dir, "t.docx"), in); code != exitOK {
		t.Errorf("report --template: %d %s", code, e)
	}
}

// TestReportBadTemplate: a template that is no .docx, or names an unknown placeholder, is refused
// with a message that says so (and names it); nothing is written.
func TestReportBadTemplate(t *testing.T) {
	dir, in := exportDir(t)
	notDocx := filepath.Join(dir, "模板.docx")
	_ = os.WriteFile(notDocx, []byte("plain text"), 0o644)
	out := filepath.Join(dir, "r.docx")
	if code, _, e := reportIn("report", "--template", notDocx, "-o", out, in); code != exitUnusable || !strings.Contains(e, "不是 Word 文档（.docx）") {
		t.Errorf("not a .docx: %d %s", code, e)
	}
	good := filepath.Join(dir, "good.docx")
	reportIn("report-template", "-o", good)
	data, _ := os.ReadFile(good)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		content := b.Bytes()
		if f.Name == "word/document.xml" {
			content = bytes.Replace(content, []byte("{{单位概况}}"), []byte("{{单位地址}}"), 1)
		}
		w, _ := zw.Create(f.Name)
		_, _ = w.Write(content)
	}
	_ = zw.Close()
	bad := filepath.Join(dir, "bad.docx")
	_ = os.WriteFile(bad, buf.Bytes(), 0o644)
	if code, _, e := reportIn("report", "--template", bad, "-o", out, in); code != exitUnusable || !strings.Contains(e, "{{单位地址}}") || !strings.Contains(e, "不认识的占位符") {
		t.Errorf("unknown placeholder: %d %s", code, e)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a report was written from a bad template")
	}
}
