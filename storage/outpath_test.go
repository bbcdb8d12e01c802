package storage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckExportTarget: an export target that leads, through any links, to a document, the
// input, or something that is not a file is refused with a sentence naming it; a target that
// leads to a PDF, or to nothing yet, is allowed. Nothing is created or changed by the check.
func TestCheckExportTarget(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "A.zpb")
	for _, f := range []string{in, filepath.Join(dir, "B.zpb"), filepath.Join(dir, "old.pdf")} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"to-b.pdf":        "B.zpb",
		"to-missing.pdf":  "C.zpb", // dangling: C.zpb does not exist
		"mid.pdf":         "to-b.pdf",
		"to-mid.xlsx":     "mid.pdf", // a link to a link to a link to B.zpb
		"to-in.pdf":       "A.zpb",
		"upper.pdf":       "D.ZPB",
		"to-old.pdf":      "old.pdf",
		"to-new.pdf":      "new.pdf",
		"loop1.pdf":       "loop2.pdf",
		"loop2.pdf":       "loop1.pdf",
		"to-null.pdf":     os.DevNull,
		"to-folder.pdf":   "folder.pdf",
		"via-dir":         "sub",
		"sub/up.pdf":      "../B.zpb",
		"abs-to-b.pdf":    filepath.Join(dir, "B.zpb"),
		"sub/to-mid.xlsx": "../mid.pdf",
	}
	for name, dest := range links {
		if err := os.Symlink(dest, filepath.Join(dir, name)); err != nil {
			t.Fatal("cannot make a symbolic link:", err)
		}
	}
	refused := map[string]string{
		"B.zpb":               "是绩效自评文档（.zpb）",
		"new.Zpb":             "是绩效自评文档（.zpb）",
		"to-b.pdf":            "是指向绩效自评文档“" + filepath.Join(dir, "B.zpb") + "”的链接",
		"to-missing.pdf":      "是指向绩效自评文档“" + filepath.Join(dir, "C.zpb") + "”的链接",
		"to-mid.xlsx":         "的链接：导出不能写入文档",
		"upper.pdf":           "D.ZPB”的链接",
		"abs-to-b.pdf":        "的链接：导出不能写入文档",
		"via-dir/up.pdf":      "B.zpb”的链接",
		"via-dir/to-mid.xlsx": "B.zpb”的链接",
		"to-in.pdf":           "就是输入的文档“" + in + "”",
		"A.zpb":               "是绩效自评文档（.zpb）",
		"loop1.pdf":           "是符号链接，但无法跟随它（符号链接层数过多，可能连成了环）",
		"to-null.pdf":         "是一个设备，不是普通文件",
		"to-folder.pdf":       "是一个文件夹，不是普通文件",
		"folder.pdf":          "是一个文件夹，不是普通文件",
	}
	for name, want := range refused {
		target := filepath.Join(dir, name)
		err := CheckExportTarget(target, in)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "“"+target+"”") {
			t.Errorf("%s: got %v, want %q", name, err, want)
		}
	}
	for _, name := range []string{"old.pdf", "new.pdf", "to-old.pdf", "to-new.pdf", "sub/new.xlsx"} {
		if err := CheckExportTarget(filepath.Join(dir, name), in); err != nil {
			t.Errorf("%s refused: %v", name, err)
		}
	}
	for _, name := range []string{"C.zpb", "D.ZPB", "new.pdf"} {
		if _, err := os.Lstat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s was created", name)
		}
	}
}
