package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/internal/testtool"
	"ziping/storage"
)

// summaryFiles writes the sample and an edited copy (another unit, 全年预算数 5000) into dir.
func summaryFiles(t *testing.T, dir string) []string {
	t.Helper()
	a, err := storage.Load(sample)
	if err != nil {
		t.Fatal(err)
	}
	a.Unit.Name = "抚顺市东洲区社会保险事业服务所"
	a.Unit.BudgetRow("I1").Full = "5000"
	pa := filepath.Join(dir, "a.zpb")
	if err := storage.Save(pa, a); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	ps := filepath.Join(dir, "s.zpb")
	if err := os.WriteFile(ps, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{ps, pa}
}

func TestSummaryPDF(t *testing.T) {
	dir := t.TempDir()
	files := summaryFiles(t, dir)
	out := filepath.Join(dir, "部门汇总.pdf")
	var stdout, stderr bytes.Buffer
	// -o may follow the files.
	code, handled := runCLI(append(append([]string{"summary"}, files...), "-o", out), &stdout, &stderr)
	if !handled || code != exitOK {
		t.Fatalf("code %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "已生成部门汇总") || !strings.Contains(stdout.String(), "（2 个单位，8 个项目）") {
		t.Errorf("stdout %q", stdout.String())
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF: %v", err)
	}
	pdftotext := testtool.Need(t, "pdftotext", testtool.Poppler)
	text, err := exec.Command(pdftotext, "-raw", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	for _, want := range []string{"2021年部门（单位）整体绩效自评汇总表", "抚顺市东洲区社会保险事业服务所", "合计（2个单位）9211.398422.7891.44%"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, flat)
		}
	}
}

func TestSummaryXLSX(t *testing.T) {
	dir := t.TempDir()
	files := summaryFiles(t, dir)
	out := filepath.Join(dir, "汇总.XLSX") // the extension in any case
	var stdout, stderr bytes.Buffer
	if code, _ := runCLI(append([]string{"summary", "-o=" + out}, files...), &stdout, &stderr); code != exitOK {
		t.Fatalf("code %d: %s", code, stderr.String())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Rows 4–7 and 8–11 are the units' projects; row 12 is 合计.
	got := []string{}
	for _, cell := range []string{"B8", "D12", "E12", "I12"} {
		v, err := f.CalcCellValue("部门汇总", cell)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if strings.Join(got, "|") != "抚顺市东洲区社会保险事业服务所|9211.39|8422.78|8" {
		t.Errorf("cells %v", got)
	}
}

func TestSummaryErrors(t *testing.T) {
	dir := t.TempDir()
	files := summaryFiles(t, dir)
	broken := filepath.Join(dir, "坏.zpb")
	if err := os.WriteFile(broken, []byte(`{"format":"ziping",`), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "x.pdf")
	tests := map[string]struct {
		args []string
		err  string
	}{
		"no -o":           {[]string{"summary", files[0]}, "请用 -o 指定输出文件"},
		"no files":        {[]string{"summary", "-o", out}, "请给出要汇总的文档"},
		"-o without name": {[]string{"summary", files[0], "-o"}, "-o 后面缺少输出文件名"},
		"bad extension":   {[]string{"summary", "-o", filepath.Join(dir, "x.doc"), files[0]}, "扩展名应为 .pdf 或 .xlsx"},
		"unknown option":  {[]string{"summary", "--json", "-o", out, files[0]}, "不认识的选项 --json"},
		"unreadable file": {[]string{"summary", "-o", out, files[0], broken}, "无法打开“坏.zpb”"},
		"missing file":    {[]string{"summary", "-o", out, filepath.Join(dir, "无.zpb")}, "文件不存在"},
		"missing folder":  {[]string{"summary", "-o", filepath.Join(dir, "无", "x.pdf"), files[0]}, "无法写入"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code, _ := runCLI(tc.args, &stdout, &stderr)
			if code != exitUnusable || !strings.Contains(stderr.String(), tc.err) {
				t.Fatalf("code %d, stderr %q; want %d and %q", code, stderr.String(), exitUnusable, tc.err)
			}
			if _, err := os.Stat(out); err == nil {
				t.Fatal("an output was written")
			}
		})
	}
}

// TestSummaryNotes: a blank figure is named on stderr, and the summary is still written.
func TestSummaryNotes(t *testing.T) {
	dir := t.TempDir()
	files := summaryFiles(t, dir)
	b, err := storage.Load(sample)
	if err != nil {
		t.Fatal(err)
	}
	b.Unit.BudgetRow("I1").Actual = ""
	b.Settings.Year = "2020"
	pb := filepath.Join(dir, "b.zpb")
	if err := storage.Save(pb, b); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code, _ := runCLI(append([]string{"summary", "-o", filepath.Join(dir, "s.xlsx")}, append(files, pb)...), &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("code %d: %s", code, stderr.String())
	}
	for _, want := range []string{"注：第 3 个单位", "（b.zpb）", "全年执行数为空", "年度不一致（2021、2020）"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestUsageMentionsSummary(t *testing.T) {
	var out bytes.Buffer
	runCLI([]string{"help"}, &out, &bytes.Buffer{})
	for _, want := range []string{"ziping summary [--force] 文件.zpb... -o 输出.pdf|输出.xlsx", "ziping export [--xlsx] [--force] [-o 输出.pdf|输出.xlsx] 文件.zpb", "ziping template [--force] -o 模板.xlsx"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("usage lacks %q", want)
		}
	}
}

// TestSummaryRefusesDuplicatesAndDocuments: the same document twice (by its name, another path
// to it or a link) is an error naming it, not a unit counted twice; an output that is one of
// the documents or any .zpb file is refused. Nothing is written and no document changes.
func TestSummaryRefusesDuplicatesAndDocuments(t *testing.T) {
	dir := t.TempDir()
	files := summaryFiles(t, dir)
	s := files[0]
	link := filepath.Join(dir, "link.zpb")
	if err := os.Symlink("s.zpb", link); err != nil {
		t.Fatal("cannot make a symbolic link:", err)
	}
	toDoc := filepath.Join(dir, "to-doc.pdf") // a link to a document that is not an input
	if err := os.Symlink("a.zpb", toDoc); err != nil {
		t.Fatal("cannot make a symbolic link:", err)
	}
	asPDF := filepath.Join(dir, "named.pdf") // a document whose name does not end in .zpb
	copyFile(t, s, asPDF)
	out := filepath.Join(dir, "x.pdf")
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, s) // another path to the same file
	if err != nil {
		t.Fatal(err)
	}
	sameUnit := filepath.Join(dir, "copy-of-s.zpb") // another file, the same unit and year
	copyFile(t, s, sameUnit)
	before := snapshotFiles(t, files[0], files[1], asPDF)
	cases := map[string][]string{
		"「" + s + "」与「" + sameUnit + "」是同一单位（名称“抚顺市社会保险事业服务中心”、年度 2021 相同），同一单位不能汇总两次": {s, files[1], sameUnit, "-o", out},
		"第 2 个文件“" + s + "”与第 1 个文件“" + s + "”是同一个文档":                                  {s, s, "-o", out},
		"第 3 个文件“" + link + "”与第 1 个文件":                                                {s, files[1], link, "-o", out},
		"第 2 个文件“" + rel + "”与第 1 个文件":                                                 {s, rel, "-o", out},
		"输出文件“" + s + "”是绩效自评文档（.zpb）":                                                 {s, files[1], "-o", s},
		"输出文件“" + filepath.Join(dir, "new.Zpb") + "”是绩效自评文档":                           {s, "-o", filepath.Join(dir, "new.Zpb")},
		"输出文件“" + asPDF + "”就是输入的文档":                                                   {s, asPDF, "-o", asPDF},
		"输出文件“" + toDoc + "”是指向绩效自评文档":                                                 {s, "-o", toDoc},
	}
	for want, args := range cases {
		var stdout, stderr bytes.Buffer
		code, _ := runCLI(append([]string{"summary"}, args...), &stdout, &stderr)
		if code != exitUnusable || !strings.Contains(stderr.String(), want) || stdout.Len() != 0 {
			t.Errorf("%q: code %d, stderr %q; want %d and %q", args, code, stderr.String(), exitUnusable, want)
		}
	}
	if after := snapshotFiles(t, files[0], files[1], asPDF); after != before {
		t.Error("a document was changed")
	}
	if got := strings.Join(names(t, dir), " "); got != "a.zpb copy-of-s.zpb link.zpb named.pdf s.zpb to-doc.pdf" {
		t.Errorf("the folder holds %s", got)
	}
}

// copyFile copies the file from to the file to.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshotFiles is the contents of the files, joined, to tell whether any changed.
func snapshotFiles(t *testing.T, paths ...string) string {
	t.Helper()
	var b strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\x00")
	}
	return b.String()
}
