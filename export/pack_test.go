package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/storage"
)

// packFixture is the sample with evidence items naming: a file by absolute path, a file by a
// path relative to the document's folder, the same file again by another spelling, a file that
// does not exist, a folder, and paper only (no file).
func packFixture(t *testing.T) (doc *forms.Document, dir string) {
	t.Helper()
	dir = t.TempDir()
	doc = formstest.Sample(t)
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	contract := write("材料/租赁合同.pdf", "%PDF contract")
	write("验收报告.docx", "docx bytes")
	if err := os.Mkdir(filepath.Join(dir, "一个文件夹"), 0o755); err != nil {
		t.Fatal(err)
	}
	doc.Unit.BudgetEvidence = []forms.Evidence{{Name: "预算批复", Kind: "制度文件", Pages: "3"}}
	p := doc.Projects[0]
	p.FundsEvidence = []forms.Evidence{{Name: "租赁合同", Kind: "合同协议", Pages: "12", Path: contract}}
	var rows []*forms.Indicator
	p.Indicators.Each(func(_ forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
		if !in.IsBlank() {
			rows = append(rows, in)
		}
	})
	rows[0].Evidence = []forms.Evidence{
		{Name: "验收报告", Kind: "验收报告", Path: "验收报告.docx"},
		{Name: "合同（再次引用）", Path: filepath.Join(dir, "材料", "..", "材料", "租赁合同.pdf")},
		{Name: "付款凭证", Kind: "付款凭证", Path: filepath.Join(dir, "没有这个文件.pdf")},
		{Name: "文件夹", Path: filepath.Join(dir, "一个文件夹")},
	}
	return doc, dir
}

// readZip opens the zip at path, failing the test when it cannot.
func readZip(t *testing.T, path string) *zip.ReadCloser {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { z.Close() })
	return z
}

// entry is the content of the zip's entry whose name ends with suffix.
func entry(t *testing.T, z *zip.ReadCloser, suffix string) []byte {
	t.Helper()
	for _, f := range z.File {
		if strings.HasSuffix(f.Name, suffix) {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			data, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
	t.Fatalf("no entry …%s in the package", suffix)
	return nil
}

// TestPackContents: the package holds the tables, each existing evidence file once, and the
// manifest listing every item; every name is flagged UTF-8; missing files are listed with why.
func TestPackContents(t *testing.T) {
	doc, dir := packFixture(t)
	target := filepath.Join(dir, "报送.zip")
	res, err := Pack(target, doc, PackOptions{Dir: dir}, filepath.Join(dir, "x.zpb"))
	if err != nil {
		t.Fatal(err)
	}
	z := readZip(t, target)
	root := "抚顺市社保中心-2021年度绩效自评报送/"
	want := []string{"1-绩效自评表（签字盖章用）.pdf", "2-绩效自评表.xlsx", "3-绩效自评报告（草稿）.docx", "佐证材料/01-租赁合同.pdf",
		"佐证材料/02-验收报告.docx", "报送清单.txt"}
	var got []string
	for _, f := range z.File {
		if f.Flags&0x800 == 0 {
			t.Errorf("%s: the UTF-8 name flag is not set", f.Name)
		}
		if !strings.HasPrefix(f.Name, root) {
			t.Errorf("%s: not in the folder %s", f.Name, root)
		}
		got = append(got, strings.TrimPrefix(f.Name, root))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if string(entry(t, z, "01-租赁合同.pdf")) != "%PDF contract" {
		t.Error("the contract's bytes differ")
	}
	if !bytes.HasPrefix(entry(t, z, ".pdf"), []byte("%PDF-")) {
		t.Error("the tables' PDF is not a PDF")
	}
	if len(res.Missing) != 2 || !strings.Contains(res.Missing[0].Reason, "找不到") && !strings.Contains(res.Missing[0].Reason, "不存在") ||
		!strings.Contains(res.Missing[1].Reason, "文件夹") {
		t.Errorf("missing: %+v", res.Missing)
	}
	manifest := string(entry(t, z, "报送清单.txt"))
	for _, s := range []string{"\uFEFF绩效自评报送清单\r\n", "共 6 项；电子文件已打包 3 项，缺失 2 项", "预算批复", "纸质材料（无电子文件）",
		"电子文件：佐证材料/01-租赁合同.pdf", "合同（再次引用）", "【缺失】", "没有这个文件.pdf", "SHA-256："} {
		if !strings.Contains(manifest, s) {
			t.Errorf("manifest lacks %q:\n%s", s, manifest)
		}
	}
	if strings.Count(manifest, "电子文件：佐证材料/01-租赁合同.pdf") != 2 {
		t.Errorf("the contract named twice should be listed twice with its one copy:\n%s", manifest)
	}
}

// TestPackUnsavedRelative: without a folder (an unsaved document) a relative path is missing,
// saying to save first.
func TestPackUnsavedRelative(t *testing.T) {
	doc, dir := packFixture(t)
	res, err := Pack(filepath.Join(dir, "a.zip"), doc, PackOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range res.Missing {
		found = found || strings.Contains(m.Reason, "请先保存文档")
	}
	if !found {
		t.Errorf("no missing item says to save first: %+v", res.Missing)
	}
}

// TestPackTargetRefused: not a .zip, the document itself, a read-only file: refused, nothing
// written; an existing file is kept as its .bak when replaced.
func TestPackTargetRefused(t *testing.T) {
	doc, dir := packFixture(t)
	zpb := filepath.Join(dir, "x.zpb")
	if err := storage.Save(zpb, doc); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{filepath.Join(dir, "a.pdf"), zpb} {
		if _, err := Pack(target, doc, PackOptions{Dir: dir}, zpb); err == nil {
			t.Errorf("%s: packed, want refused", target)
		}
	}
	ro := filepath.Join(dir, "ro.zip")
	if err := os.WriteFile(ro, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	var roErr *storage.ReadOnlyTargetError
	if _, err := Pack(ro, doc, PackOptions{Dir: dir}); !errors.As(err, &roErr) {
		t.Errorf("read-only target: %v", err)
	}
	old := filepath.Join(dir, "old.zip")
	if err := os.WriteFile(old, []byte("sent last week"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Pack(old, doc, PackOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(old + ".bak"); string(b) != "sent last week" || len(res.Notes) == 0 || !strings.Contains(res.Notes[0], "old.zip.bak") {
		t.Errorf("the old package was not kept as old.zip.bak: %q, notes %q", b, res.Notes)
	}
}

// TestPackFailingFile: a file that fails while it is read, or that grows past the size it had
// when checked, fails the whole package with a Chinese message; nothing is written, the old
// target stays whole and no temporary file is left.
func TestPackFailingFile(t *testing.T) {
	for name, reader := range map[string]func(size int64) io.Reader{
		"read error": func(int64) io.Reader {
			return io.MultiReader(strings.NewReader("half"), errReader{syscall.EIO})
		},
		"grows": func(size int64) io.Reader { return strings.NewReader(strings.Repeat("x", int(size)+10)) },
	} {
		t.Run(name, func(t *testing.T) {
			doc, dir := packFixture(t)
			target := filepath.Join(dir, "报送.zip")
			if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			defer func(old func(string) (io.ReadCloser, os.FileInfo, error)) { osOpen = old }(osOpen)
			osOpen = func(path string) (io.ReadCloser, os.FileInfo, error) {
				fi, err := os.Stat(path)
				return io.NopCloser(reader(fi.Size())), fi, err
			}
			_, err := Pack(target, doc, PackOptions{Dir: dir})
			if err == nil || !strings.Contains(err.Error(), "佐证材料") {
				t.Fatalf("err = %v, want a message about the evidence file", err)
			}
			if b, _ := os.ReadFile(target); string(b) != "old" {
				t.Error("the old package was changed")
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("temporary file left: %s", e.Name())
				}
			}
		})
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// TestZipName: names the package gets from a unit or a file are safe on Windows.
func TestZipName(t *testing.T) {
	for in, want := range map[string]string{
		"合同.pdf":                      "合同.pdf",
		"CON.txt":                     "_CON.txt",
		"com1":                        "_com1",
		"a\u202Efdp.exe":              "a_fdp.exe",
		`x:\y*?.pdf`:                  "x__y__.pdf",
		"名称。。 ":                       "名称。。",
		strings.Repeat("很长", 40) + "": strings.Repeat("很长", 30),
		"":                            "_",
	} {
		if got := zipName(in); got != want {
			t.Errorf("zipName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPackBadReportTemplate: a report template that is no .docx fails the package with the
// report's message naming it; nothing is written.
func TestPackBadReportTemplate(t *testing.T) {
	doc, dir := packFixture(t)
	bad := filepath.Join(dir, "模板.docx")
	if err := os.WriteFile(bad, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc.Settings.ReportTemplate = bad
	target := filepath.Join(dir, "a.zip")
	if _, err := Pack(target, doc, PackOptions{Dir: dir}); err == nil || !strings.Contains(err.Error(), "模板.docx") {
		t.Fatalf("err = %v, want the template named", err)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("a package was written")
	}
}
