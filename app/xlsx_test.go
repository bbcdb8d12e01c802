package app

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExportXLSX: the save dialog suggests the document's name with .xlsx, the extension is
// added to the chosen name, the workbook written in the background opens with one sheet per
// form, and the result is reported.
func TestExportXLSX(t *testing.T) {
	w := fileWindow(t)
	w.Open(fileSample)
	dir := t.TempDir()
	var exts []string
	asked := answerSave(w, filepath.Join(dir, "自评表"))
	save := w.files().chooseSave
	w.files().chooseSave = func(name, ext string, cb func(string)) {
		exts = append(exts, ext)
		save(name, ext, cb)
	}
	w.ExportXLSX()
	w.files().jobs.Wait()
	if !reflect.DeepEqual(*asked, []string{"fushun-shebao-2021.xlsx"}) || !reflect.DeepEqual(exts, []string{".xlsx"}) {
		t.Errorf("suggested %q with filter %q", *asked, exts)
	}
	path := filepath.Join(dir, "自评表.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("no readable workbook written: %v", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	// The forms, then the very hidden sheet that carries the document (xlsxout/shadow.go).
	if len(sheets) != 2+len(w.Doc.Projects) || sheets[0] != "单位整体绩效自评表" || sheets[len(sheets)-1] != "ziping" {
		t.Errorf("sheets %q", sheets)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %d files: a temporary file was left", len(entries))
	}
	text := dialogText(w)
	if !strings.Contains(text, "已导出“自评表.xlsx”（5 个工作表") || !strings.Contains(text, "[打开]") {
		t.Errorf("result dialog says %q", text)
	}
	dialogTap(t, w, "打开") // the test app's OpenURL does nothing
	if hasDialog(w) {
		t.Errorf("dialog after opening: %q", dialogText(w))
	}
}

func TestExportXLSXFailureLeavesNoFile(t *testing.T) {
	w := fileWindow(t)
	dir := t.TempDir()
	answerSave(w, filepath.Join(dir, "没有这个文件夹", "表.xlsx"))
	w.ExportXLSX()
	w.files().jobs.Wait()
	if text := dialogText(w); !strings.Contains(text, "导出 Excel 失败") || !strings.Contains(text, "无法写入“表.xlsx”：文件或文件夹不存在") {
		t.Errorf("error dialog says %q", text)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed export left %d files", len(entries))
	}
}
