package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/pdfout"
	"ziping/storage"
)

// exportDir is a folder holding a copy of the sample as doc.zpb.
func exportDir(t *testing.T) (dir, in string) {
	t.Helper()
	dir = t.TempDir()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	in = filepath.Join(dir, "doc.zpb")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, in
}

// names lists a folder, so a test can tell that no temporary file was left behind.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func wantNames(t *testing.T, dir string, want ...string) {
	t.Helper()
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
}

// TestExportReplacesCompletely: an existing, longer file at the destination is replaced, by a
// rename, with exactly the bytes pdfout.Render produces (with SOURCE_DATE_EPOCH set), keeping
// its permissions, and no temporary file stays behind.
func TestExportReplacesCompletely(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1600000000")
	dir, in := exportDir(t)
	want := renderedPDF(t, in)
	target := filepath.Join(dir, "doc.pdf")
	old := bytes.Repeat([]byte("old export "), want.Len()/5) // twice as long as the new one
	if err := os.WriteFile(target, old, 0o600); err != nil {
		t.Fatal(err)
	}
	// A reader holding the old file open (a PDF viewer) keeps reading the old file whole: the
	// new one is written beside it and renamed over it, never written into it.
	reader, err := os.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	before, err := reader.Stat()
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code, _ := runCLI([]string{"export", "--force", "-o", target, in}, &out, &errOut); code != exitOK {
		t.Fatalf("code %d: %s", code, errOut.String())
	}
	if after, err := os.Stat(target); err != nil || os.SameFile(before, after) {
		t.Errorf("the old file was written into, not replaced by a rename (%v)", err)
	}
	if seen, err := io.ReadAll(reader); err != nil || !bytes.Equal(seen, old) {
		t.Errorf("a reader of the old file saw it change (%d of %d bytes, %v)", len(seen), len(old), err)
	}
	got, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("exported %d bytes, pdfout.Render gives %d: not the same", len(got), want.Len())
	}
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the replaced file's permissions changed: %v %v", fi.Mode(), err)
	}
	wantNames(t, dir, "doc.pdf", "doc.pdf.bak", "doc.zpb") // the old file kept (export.keepOld)
	if !strings.Contains(out.String(), "已导出") {
		t.Errorf("stdout %q", out.String())
	}
}

// renderedPDF is what pdfout.Render makes of the document at path.
func renderedPDF(t *testing.T, path string) *bytes.Buffer {
	t.Helper()
	doc, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := pdfout.Render(&buf, doc, pdfout.Options{Created: pdfout.CreatedFromEnv()}); err != nil {
		t.Fatal(err)
	}
	return &buf
}

// TestExportFailureLeavesNothing: when the PDF cannot be written, the destination keeps what
// it held (nothing, or the old file) and no temporary file is left in the folder.
func TestExportFailureLeavesNothing(t *testing.T) {
	t.Run("target is a folder", exportOntoFolder)
	t.Run("folder missing", exportIntoMissingFolder)
	t.Run("folder not writable", exportIntoReadOnlyFolder)
}

// exportOntoFolder: a folder at the destination is refused before the export is made, and
// stays, empty.
func exportOntoFolder(t *testing.T) {
	dir, in := exportDir(t)
	target := filepath.Join(dir, "x.pdf")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	if code, _ := runCLI([]string{"export", "-o", target, in}, &bytes.Buffer{}, &errOut); code != exitUnusable || !strings.Contains(errOut.String(), "“"+target+"”是一个文件夹，不是普通文件") {
		t.Fatalf("code %d: %s", code, errOut.String())
	}
	if fi, err := os.Stat(target); err != nil || !fi.IsDir() {
		t.Errorf("the folder at the destination was replaced: %v", err)
	}
	wantNames(t, dir, "doc.zpb", "x.pdf")
	wantNames(t, target)
}

// exportIntoMissingFolder: the message names the destination, not the temporary file.
func exportIntoMissingFolder(t *testing.T) {
	dir, in := exportDir(t)
	target := filepath.Join(dir, "out", "x.pdf")
	var errOut bytes.Buffer
	if code, _ := runCLI([]string{"export", "-o", target, in}, &bytes.Buffer{}, &errOut); code != exitUnusable || !strings.Contains(errOut.String(), "无法写入") {
		t.Fatalf("code %d: %s", code, errOut.String())
	}
	if strings.Contains(errOut.String(), ".tmp-") {
		t.Errorf("the message names the temporary file: %s", errOut.String())
	}
	wantNames(t, dir, "doc.zpb")
}

// exportIntoReadOnlyFolder: the previous export in a folder that cannot be written stays.
func exportIntoReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write into a read-only folder")
	}
	dir, in := exportDir(t)
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(ro, "x.pdf")
	old := []byte("%PDF-1.7 the previous export")
	if err := os.WriteFile(target, old, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	var errOut bytes.Buffer
	if code, _ := runCLI([]string{"export", "-o", target, in}, &bytes.Buffer{}, &errOut); code != exitUnusable || !strings.Contains(errOut.String(), "无法写入") {
		t.Fatalf("code %d: %s", code, errOut.String())
	}
	if got, err := os.ReadFile(target); err != nil || !bytes.Equal(got, old) {
		t.Errorf("the previous export changed: %q %v", got, err)
	}
	wantNames(t, ro, "x.pdf")
}

// TestExportThroughSymlink: a link at the destination stays a link; the file it points to is
// replaced.
func TestExportThroughSymlink(t *testing.T) {
	dir, in := exportDir(t)
	dest := filepath.Join(dir, "dest.pdf")
	if err := os.WriteFile(dest, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink("dest.pdf", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	var errOut bytes.Buffer
	if code, _ := runCLI([]string{"export", "--force", "-o", link, in}, &bytes.Buffer{}, &errOut); code != exitOK {
		t.Fatalf("code %d: %s", code, errOut.String())
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file: %v", err)
	}
	if got, _ := os.ReadFile(dest); !bytes.HasPrefix(got, []byte("%PDF-")) {
		t.Errorf("the linked file was not replaced: %.20q", got)
	}
	wantNames(t, dir, "dest.pdf", "dest.pdf.bak", "doc.zpb", "link.pdf")
}

// TestExportXLSX: `ziping export --xlsx FILE` writes FILE's name with .xlsx beside it, a
// workbook of one sheet per form whose totals are forms'; -o chooses another name, and a
// failed write leaves nothing behind.
func TestExportXLSX(t *testing.T) {
	dir, in := exportDir(t)
	var out, errOut bytes.Buffer
	if code, _ := runCLI([]string{"export", "--xlsx", in}, &out, &errOut); code != exitOK {
		t.Fatalf("code %d: %s", code, errOut.String())
	}
	target := filepath.Join(dir, "doc.xlsx")
	if want := "已导出 " + target + "（5 个工作表）\n"; out.String() != want {
		t.Errorf("stdout %q, want %q", out.String(), want)
	}
	wantNames(t, dir, "doc.xlsx", "doc.zpb")
	f, err := excelize.OpenFile(target)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	// The five forms, then the very hidden sheet that carries the document (xlsxout/shadow.go).
	if len(sheets) != 6 || sheets[0] != "单位整体绩效自评表" || sheets[5] != "ziping" {
		t.Fatalf("sheets %q", sheets)
	}
	// The last row with a formula in each sheet holds its total (总评价得分 or C+D).
	for i, want := range []string{"97", "96", "95", "95", "96"} {
		if got := lastFormulaValue(t, f, sheets[i]); got != want {
			t.Errorf("sheet %q: total %q, want %q", sheets[i], got, want)
		}
	}

	other := filepath.Join(dir, "自评表.xlsx")
	if code, _ := runCLI([]string{"export", "--xlsx", "-o", other, in}, &out, &errOut); code != exitOK {
		t.Fatalf("-o: code %d: %s", code, errOut.String())
	}
	wantNames(t, dir, "doc.xlsx", "doc.zpb", "自评表.xlsx")

	errOut.Reset()
	missing := filepath.Join(dir, "没有", "x.xlsx")
	if code, _ := runCLI([]string{"export", "--xlsx", "-o", missing, in}, &out, &errOut); code != exitUnusable || !strings.Contains(errOut.String(), "无法写入") {
		t.Errorf("missing folder: code %d: %s", code, errOut.String())
	}
	wantNames(t, dir, "doc.xlsx", "doc.zpb", "自评表.xlsx")
	if code, _ := runCLI([]string{"export", "--xlsx"}, &out, &errOut); code != exitUnusable || !strings.Contains(errOut.String(), "--xlsx") {
		t.Errorf("no file: code %d: %s", code, errOut.String())
	}
}

// lastFormulaValue is the value stored with the last formula of a sheet, computed by excelize.
func lastFormulaValue(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	last := ""
	for r, row := range rows {
		for c := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if fm, _ := f.GetCellFormula(sheet, ref); fm != "" {
				last = ref
			}
		}
	}
	v, err := f.CalcCellValue(sheet, last)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, last, err)
	}
	return v
}

// runExportIn runs `ziping export args...` and returns the exit code and stderr.
func runExportIn(args ...string) (int, string) {
	var errOut bytes.Buffer
	code, _ := runCLI(append([]string{"export"}, args...), &bytes.Buffer{}, &errOut)
	return code, errOut.String()
}

// TestExportFormatFollowsOutput: with -o, the format is the extension's, in any case; --xlsx
// against -o x.pdf and any other extension are refused with nothing written.
func TestExportFormatFollowsOutput(t *testing.T) {
	dir, in := exportDir(t)
	for name, magic := range map[string]string{"a.xlsx": "PK", "b.XLSX": "PK", "c.pdf": "%PDF-", "d.Pdf": "%PDF-"} {
		target := filepath.Join(dir, name)
		if code, errOut := runExportIn("-o", target, in); code != exitOK {
			t.Fatalf("-o %s: code %d: %s", name, code, errOut)
		}
		if data, err := os.ReadFile(target); err != nil || !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("-o %s does not hold a %q file (%v)", name, magic, err)
		}
	}
	if code, errOut := runExportIn("--xlsx", "-o", filepath.Join(dir, "e.xlsx"), in); code != exitOK {
		t.Errorf("--xlsx -o e.xlsx: code %d: %s", code, errOut)
	}
	before := names(t, dir)
	refused := map[string][]string{
		"--xlsx 要求导出 Excel，而输出文件“" + filepath.Join(dir, "x.pdf") + "”的扩展名是 .pdf":        {"--xlsx", "-o", filepath.Join(dir, "x.pdf"), in},
		"输出文件“" + filepath.Join(dir, "x.doc") + "”的扩展名应为 .pdf（导出 PDF）或 .xlsx（导出 Excel）": {"-o", filepath.Join(dir, "x.doc"), in},
		"输出文件“" + filepath.Join(dir, "x") + "”的扩展名应为 .pdf":                              {"--xlsx", "-o", filepath.Join(dir, "x"), in},
	}
	for want, args := range refused {
		if code, errOut := runExportIn(args...); code != exitUnusable || !strings.Contains(errOut, want) {
			t.Errorf("%q: code %d, stderr %q; want %d and %q", args, code, errOut, exitUnusable, want)
		}
	}
	wantNames(t, dir, before...)
}

// TestExportNeverReplacesADocument: the output may not be the input document, by its name,
// another name or a link, nor any .zpb file; the refusal writes nothing.
func TestExportNeverReplacesADocument(t *testing.T) {
	dir, in := exportDir(t)
	original, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	asPDF := filepath.Join(dir, "named.pdf") // a document that does not end in .zpb
	if err := os.WriteFile(asPDF, original, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink("doc.zpb", link); err != nil {
		t.Fatal("cannot make a symbolic link:", err)
	}
	other := filepath.Join(dir, "other.ZPB")
	hard := filepath.Join(dir, "hard.pdf") // another name of the document itself
	if err := os.Link(in, hard); err != nil {
		t.Fatal("cannot make a hard link:", err)
	}
	cases := map[string][]string{
		"绩效自评文档（.zpb）":              {"-o", in, in},
		"导出不能写入文档":                  {"--xlsx", "-o", in, in},
		"“" + other + "”":           {"-o", other, in},
		"就是输入的文档":                   {"-o", link, in},
		"就是输入的文档“":                  {"--xlsx", "-o", link, in},
		"就是输入的文档“" + asPDF:          {asPDF}, // the default name is the document's own
		"输出文件“" + hard + "”就是输入的文档": {"-o", hard, in},
	}
	for want, args := range cases {
		if code, errOut := runExportIn(args...); code != exitUnusable || !strings.Contains(errOut, want) {
			t.Errorf("%q: code %d, stderr %q; want %d and %q", args, code, errOut, exitUnusable, want)
		}
	}
	for _, p := range []string{in, asPDF, hard} {
		if data, err := os.ReadFile(p); err != nil || !bytes.Equal(data, original) {
			t.Errorf("%s was changed (%v)", p, err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	wantNames(t, dir, "doc.zpb", "hard.pdf", "link.xlsx", "named.pdf")
}

// TestExportRefusesLinksToDocuments: `ln -s B.zpb report.pdf; ziping export -o report.pdf
// A.zpb` is refused, and so are a dangling link to a .zpb name and a link to a link to one; the
// documents and the links stay as they were and no file is created.
func TestExportRefusesLinksToDocuments(t *testing.T) {
	dir, in := exportDir(t)
	b := filepath.Join(dir, "B.zpb")
	original, _ := os.ReadFile(in)
	if err := os.WriteFile(b, original, 0o644); err != nil {
		t.Fatal(err)
	}
	for link, dest := range map[string]string{"report.pdf": "B.zpb", "dangling.pdf": "C.zpb", "mid.pdf": "report.pdf", "chain.xlsx": "mid.pdf"} {
		if err := os.Symlink(dest, filepath.Join(dir, link)); err != nil {
			t.Fatal("cannot make a symbolic link:", err)
		}
	}
	for _, link := range []string{"report.pdf", "dangling.pdf", "chain.xlsx"} {
		target := filepath.Join(dir, link)
		code, errOut := runExportIn("-o", target, in)
		if code != exitUnusable || !strings.Contains(errOut, "“"+target+"”是指向绩效自评文档") {
			t.Errorf("%s: code %d: %s", link, code, errOut)
		}
	}
	for _, p := range []string{in, b} {
		if data, err := os.ReadFile(p); err != nil || !bytes.Equal(data, original) {
			t.Errorf("%s was changed (%v)", p, err)
		}
	}
	wantNames(t, dir, "B.zpb", "chain.xlsx", "dangling.pdf", "doc.zpb", "mid.pdf", "report.pdf")
	for _, link := range []string{"report.pdf", "dangling.pdf", "mid.pdf", "chain.xlsx"} {
		if fi, err := os.Lstat(filepath.Join(dir, link)); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link (%v)", link, err)
		}
	}
}
