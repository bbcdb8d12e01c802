package app

import (
	"archive/zip"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"ziping/forms"
)

// TestPackFromMenu: 打包报送… suggests the document's name with -报送.zip, writes the package in
// the background with the tables in it, and says which evidence file it lacks.
func TestPackFromMenu(t *testing.T) {
	w := fileWindow(t)
	w.Open(fileSample)
	w.Doc.Projects[0].FundsEvidence = []forms.Evidence{{Name: "付款凭证", Path: "不存在的凭证.pdf"}}
	dir := t.TempDir()
	asked := answerSave(w, filepath.Join(dir, "报送"))
	if it := menuItem(w, "文件", "打包报送…"); it == nil {
		t.Fatal("no 打包报送… in the 文件 menu")
	}
	w.Pack()
	w.files().jobs.Wait()
	if !reflect.DeepEqual(*asked, []string{"fushun-shebao-2021-报送.zip"}) {
		t.Errorf("suggested %q", *asked)
	}
	z, err := zip.OpenReader(filepath.Join(dir, "报送.zip"))
	if err != nil {
		t.Fatalf("no package written: %v", err)
	}
	defer z.Close()
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	if all := strings.Join(names, "\n"); !strings.Contains(all, "绩效自评表（签字盖章用）.pdf") || !strings.Contains(all, "报送清单.txt") {
		t.Errorf("package holds:\n%s", all)
	}
	text := dialogText(w)
	if !strings.Contains(text, "已打包“报送.zip”") || !strings.Contains(text, "付款凭证") || !strings.Contains(text, "没有打包") {
		t.Errorf("result dialog says %q", text)
	}
}
