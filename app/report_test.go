package app

import (
	"archive/zip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/report"
)

// TestExportReport: 文件 › 导出自评报告… suggests the document's name with -自评报告, adds .docx to
// the name typed, writes the report in the background (a .docx holding the unit's name) and
// offers to open it; a template that became unusable is named in the failure.
func TestExportReport(t *testing.T) {
	dir := t.TempDir()
	w := fileWindow(t)
	w.Open(samplePath)
	asked := answerSave(w, filepath.Join(dir, "报告"))
	item := menuItem(w, "文件", "导出自评报告…")
	if item == nil {
		t.Fatal("no 文件 › 导出自评报告…")
	}
	item.Action()
	if text := dialogText(w); !strings.Contains(text, "每个项目一个文件") {
		t.Fatalf("not asked how to hold the projects: %q", text)
	}
	dialogTap(t, w, "合成一个文件")
	w.files().jobs.Wait()
	if want := []string{"fushun-shebao-2021-自评报告.docx"}; !reflect.DeepEqual(*asked, want) {
		t.Errorf("suggested %q, want %q", *asked, want)
	}
	path := filepath.Join(dir, "报告.docx")
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("no .docx written: %v", err)
	}
	zr.Close()
	if text := dialogText(w); !strings.Contains(text, "已导出“报告.docx”") || !strings.Contains(text, "【请补充") || !strings.Contains(text, "[打开]") {
		t.Errorf("result says %q", text)
	}
	dialogTap(t, w, "关闭")

	// Each project in a file of its own: the unit's file and one per project, beside it.
	splitDir := filepath.Join(dir, "split")
	_ = os.Mkdir(splitDir, 0o755)
	answerSave(w, filepath.Join(splitDir, "报告.docx"))
	w.ExportReport()
	dialogTap(t, w, "每个项目一个文件")
	w.files().jobs.Wait()
	entries, _ := os.ReadDir(splitDir)
	if len(entries) != 1+len(w.Doc.Projects) || !strings.Contains(dialogText(w), "等 5 个文件") {
		t.Errorf("split wrote %d files; says %q", len(entries), dialogText(w))
	}
	dialogTap(t, w, "关闭")

	w.Doc.Settings.ReportTemplate = filepath.Join(dir, "不存在的模板.docx")
	answerSave(w, filepath.Join(dir, "报告2.docx"))
	w.ExportReport()
	dialogTap(t, w, "合成一个文件")
	w.files().jobs.Wait()
	if text := dialogText(w); !strings.Contains(text, "导出自评报告失败") || !strings.Contains(text, "不存在的模板.docx") {
		t.Errorf("failure says %q", text)
	}
	if _, err := os.Stat(filepath.Join(dir, "报告2.docx")); err == nil {
		t.Error("a report was written without its template")
	}
}

// TestReportTemplateChoice: 文档设置's 选择… keeps a .docx that can be filled (one 撤销 step, its
// name shown), refuses one that is not a .docx with the reason, and 恢复默认 goes back to the
// built-in template.
func TestReportTemplateChoice(t *testing.T) {
	dir := t.TempDir()
	w := fileWindow(t)
	w.Open(samplePath)
	good, bad := filepath.Join(dir, "财政局模板.docx"), filepath.Join(dir, "旧模板.docx")
	if err := os.WriteFile(good, report.DefaultTemplate(), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile(bad, []byte{0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0}, 0o644)
	r := w.Unit.Report
	if r.Current.Text != "内置模板" || !r.Reset.Disabled() {
		t.Errorf("at first %q, 恢复默认 enabled %v", r.Current.Text, !r.Reset.Disabled())
	}
	answer := func(path string) {
		w.files().chooseOpenExts = func(_ fyne.Window, title string, exts []string, cb func(string)) {
			if title != "选择自评报告模板" || !reflect.DeepEqual(exts, []string{".docx"}) {
				t.Errorf("asked %q %q", title, exts)
			}
			cb(path)
		}
	}
	answer(bad)
	test.Tap(r.Choose)
	if text := dialogText(w); !strings.Contains(text, "“旧模板.docx”是旧版 Word 97-2003") || w.Doc.Settings.ReportTemplate != "" {
		t.Errorf("a .doc: %q, setting %q", text, w.Doc.Settings.ReportTemplate)
	}
	dialogTap(t, w, "确定")
	answer(good)
	test.Tap(r.Choose)
	if w.Doc.Settings.ReportTemplate != good || r.Current.Text != "财政局模板.docx" || r.Reset.Disabled() || !w.Dirty {
		t.Errorf("chosen: setting %q, shown %q", w.Doc.Settings.ReportTemplate, r.Current.Text)
	}
	test.Tap(r.Reset)
	if w.Doc.Settings.ReportTemplate != "" || r.Current.Text != "内置模板" {
		t.Errorf("恢复默认: setting %q, shown %q", w.Doc.Settings.ReportTemplate, r.Current.Text)
	}
	w.Undo()
	if w.Doc.Settings.ReportTemplate != good || w.Unit.Report.Current.Text != "财政局模板.docx" {
		t.Errorf("撤销: setting %q, shown %q", w.Doc.Settings.ReportTemplate, w.Unit.Report.Current.Text)
	}
}
