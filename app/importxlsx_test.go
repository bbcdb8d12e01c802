package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/xuri/excelize/v2"

	"ziping/export"
	"ziping/forms"
	"ziping/storage"
	"ziping/xlsxin"
)

// answerImport makes 导入 Excel's open dialog answer path, recording its titles and filters.
func answerImport(w *Window, path string) *[]string {
	var asked []string
	w.files().chooseOpenExts = func(parent fyne.Window, title string, exts []string, cb func(string)) {
		if parent != w.Win {
			asked = append(asked, "another window")
		}
		asked = append(asked, title+" "+strings.Join(exts, " "))
		cb(path)
	}
	return &asked
}

// importVia runs 文件 › 导入 Excel… from the menu with the dialog answering path, and waits
// until the file has been read and its preview or refusal is shown.
func importVia(t *testing.T, w *Window, path string) {
	t.Helper()
	asked := answerImport(w, path)
	item := menuItem(w, "文件", "导入 Excel…")
	if item == nil {
		t.Fatal("no 文件 › 导入 Excel…")
	}
	item.Action()
	w.files().jobs.Wait()
	if want := []string{"导入 Excel .xlsx .csv"}; !reflect.DeepEqual(*asked, want) {
		t.Fatalf("open dialog asked %q, want %q", *asked, want)
	}
}

// sampleWorkbook writes Ziping's own Excel export of the sample into dir and returns its path
// and the sample.
func sampleWorkbook(t *testing.T, dir string) (string, *forms.Document) {
	t.Helper()
	doc, err := storage.Load(fileSample)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "抚顺社保.xlsx")
	if _, err := export.Document(path, export.XLSX, doc); err != nil {
		t.Fatal(err)
	}
	return path, doc
}

// plainWorkbook writes a hand-made indicator sheet, as a provincial system or a colleague's
// spreadsheet holds one: labelled header cells, then a header row with other names than the
// printed table's and 一级/二级 merged down their rows.
func plainWorkbook(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "培训项目"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"2021年度项目支出绩效自评表"},
		{"项目名称", "职业技能培训补贴"},
		{"实施单位", "抚顺市社保中心"},
		{"年初预算数（万元）", 120, "全年预算数（万元）", 120, "全年执行数（万元）", 118.5},
		{"一级指标", "二级指标", "指标名称", "运算符号", "指标值", "计量单位", "实际完成值", "权重", "自评得分", "偏差原因", "备注"},
		{"产出指标", "数量指标", "培训人次", "≥", 500, "人次", 520, 20, nil, "", "按季度统计"},
		{nil, nil, "取证人数", "≥", 300, "人", 280, 20, nil, "部分学员未参加考试"},
		{nil, "质量指标", "取证率", "≥", 60, "%", 53.8, 20, nil, ""},
		{"满意度指标", "服务对象满意度指标", "学员满意度", "≥", 90, "%", 95, 10, nil, ""},
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"A6", "A8"}, {"B6", "B7"}} {
		if err := f.MergeCell(sheet, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func marshal(t *testing.T, doc *forms.Document) []byte {
	t.Helper()
	data, err := forms.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestImportOwnExportAsNewDocument: the sample's own Excel export, imported as a new document
// over a document with unsaved changes (which asks first), is the sample again, scores and
// checks alike, is untitled and unsaved, and no file is written beside the workbook.
func TestImportOwnExportAsNewDocument(t *testing.T) {
	dir := t.TempDir()
	book, sample := sampleWorkbook(t, dir)
	w := fileWindow(t)
	w.Doc.Unit.Name = "正在填写的单位"
	w.Dirty = true

	importVia(t, w, book)
	text := dialogText(w)
	for _, want := range []string{"从“抚顺社保.xlsx”读到", "单位整体绩效自评表（抚顺市社会保险事业服务中心）", "4 张项目表",
		"1. 新办公楼租金及物业费：7 个三级指标", "检查：读到的表有 0 个错误、26 个警告，导入后在“检查”页逐条列出。", "[新建文档]", "[添加到当前文档]", "[取消]"} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
	if w.Doc.Unit.Name != "正在填写的单位" {
		t.Fatal("the document changed before the user chose")
	}
	dialogTap(t, w, "新建文档")
	if text := dialogText(w); !strings.Contains(text, "未保存的修改") || w.Doc.Unit.Name != "正在填写的单位" {
		t.Fatalf("新建文档 over unsaved changes did not ask first: %q", text)
	}
	dialogTap(t, w, "不保存")

	if w.Path != "" || !w.Dirty || !strings.HasPrefix(w.Win.Title(), "未命名 *") {
		t.Errorf("imported document: path %q, dirty %v, title %q", w.Path, w.Dirty, w.Win.Title())
	}
	if !bytes.Equal(marshal(t, w.Doc), marshal(t, sample)) {
		t.Error("the imported document differs from the sample")
	}
	want := forms.Evaluate(sample)
	got := w.Eval
	if got.Unit.TotalText() != want.Unit.TotalText() || got.Unit.Rating() != want.Unit.Rating() || len(got.Projects) != len(want.Projects) {
		t.Fatalf("unit total %q %q with %d projects, want %q %q with %d", got.Unit.TotalText(), got.Unit.Rating(), len(got.Projects),
			want.Unit.TotalText(), want.Unit.Rating(), len(want.Projects))
	}
	for i, p := range got.Projects {
		if p.TotalText() != want.Projects[i].TotalText() || p.Rating() != want.Projects[i].Rating() {
			t.Errorf("project %d total %q, want %q", i+1, p.TotalText(), want.Projects[i].TotalText())
		}
	}
	if !slices.Equal(got.Problems, want.Problems) {
		t.Errorf("problems differ:\n got %v\nwant %v", got.Problems, want.Problems)
	}
	if len(w.Projects) != 4 || w.CanUndo() {
		t.Errorf("%d project tabs, can undo %v", len(w.Projects), w.CanUndo())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files: the import wrote one", len(entries))
	}
}

// TestImportAddToCurrentThenUndo: a plain indicator sheet added to the open document becomes a
// fifth project tab (the document's unit filling its blank 主管部门), is scored with the rest,
// and one 撤销 gives the document as it was.
func TestImportAddToCurrentThenUndo(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "培训.xlsx")
	plainWorkbook(t, book)
	w := fileWindow(t)
	w.Open(copySample(t, dir, "s.zpb"))
	before := marshal(t, w.Doc)

	importVia(t, w, book)
	text := dialogText(w)
	for _, want := range []string{"1 张项目表", "1. 职业技能培训补贴：4 个三级指标",
		"未导入或另行处理（1 条）", "工作表“培训项目”第 11 列“备注”",
		"检查：读到的表有 1 个错误、3 个警告", "[错误] 项目 1「职业技能培训补贴」 › 绩效指标 › 分值：三级指标分值与预算执行率分值之和为 80", "添加到当前文档"} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
	dialogTap(t, w, "添加到当前文档")
	if len(w.Doc.Projects) != 5 || len(w.Projects) != 5 || len(w.Eval.Projects) != 5 {
		t.Fatalf("%d projects, %d tabs, %d evaluated", len(w.Doc.Projects), len(w.Projects), len(w.Eval.Projects))
	}
	p := w.Doc.Projects[4]
	if p.Name != "职业技能培训补贴" || p.Department != w.Doc.Unit.Name || p.Implementer != "抚顺市社保中心" {
		t.Errorf("header %q %q %q", p.Name, p.Department, p.Implementer)
	}
	if in := p.Indicators.Row(forms.RowPath{L1: 0, L2: 0, Row: 1}); in == nil || in.Content != "取证人数" || in.Reason != "部分学员未参加考试" {
		t.Errorf("merged 一级/二级 not repeated: %+v", in)
	}
	if w.Tabs.Selected() != w.Projects[4].item() || !w.Dirty || w.Path == "" {
		t.Error("the added project's tab is not shown, or the document is not marked changed")
	}
	if r := w.Eval.Projects[4].Indicators.At(forms.RowPath{L1: 0, L2: 0, Row: 0}); r == nil || !r.HasScore || forms.FormatScore(r.Score) != "20" {
		t.Errorf("the added project's first row is not scored: %+v", r)
	}
	if text := dialogText(w); !strings.Contains(text, "已添加 1 张项目表（项目 5）") {
		t.Errorf("result says %q", text)
	}
	dialogTap(t, w, "确定")

	w.Undo()
	if !bytes.Equal(marshal(t, w.Doc), before) || len(w.Projects) != 4 || w.CanUndo() {
		t.Fatalf("after 撤销: %d project tabs, can undo %v, same document %v", len(w.Projects), w.CanUndo(), bytes.Equal(marshal(t, w.Doc), before))
	}
	w.Redo()
	if len(w.Doc.Projects) != 5 || w.Doc.Projects[4].Name != "职业技能培训补贴" {
		t.Error("重做 did not add the project again")
	}
}

// TestImportPreviewCountsWithOpenDocument: the preview of a file whose projects would be added
// to a document with 严格检查 on counts them as they would be checked there, besides the
// file's own count; a project named as one of the document's is pointed out.
func TestImportPreviewCountsWithOpenDocument(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "培训.xlsx")
	plainWorkbook(t, book)
	w := fileWindow(t)
	w.Open(copySample(t, dir, "s.zpb"))
	importVia(t, w, book)
	if text := dialogText(w); strings.Contains(text, "添加到当前文档后按当前文档的设置") || strings.Contains(text, "同名") {
		t.Errorf("same settings, no clash, yet the preview says:\n%s", text)
	}
	dialogTap(t, w, "添加到当前文档")
	dialogTap(t, w, "确定")
	w.Doc.Settings.Strict = true
	w.changed()
	strict := 0
	for _, p := range w.Eval.Problems {
		if p.Loc.Form == 4 && p.Level == forms.LevelError {
			strict++
		}
	}
	if strict <= 1 {
		t.Fatalf("严格检查 adds no error to the project (%d): the test shows nothing", strict)
	}
	importVia(t, w, book)
	text := dialogText(w)
	for _, want := range []string{"检查（按文件自己的设置，即“新建文档”时）：读到的表有 1 个错误、3 个警告",
		fmt.Sprintf("添加到当前文档后按当前文档的设置（如严格检查、执行率封顶）计分，加入的项目表有 %d 个错误", strict),
		"项目 6「职业技能培训补贴」",
		"注意：项目「职业技能培训补贴」与当前文档中的项目同名"} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
}

// TestImportFreshTemplate: the template as exported, imported as it is, is refused with what to
// do in it — fill rows under the example — not with advice to follow the template.
func TestImportFreshTemplate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, templateName)
	if err := export.Template(path); err != nil {
		t.Fatal(err)
	}
	w := fileWindow(t)
	importVia(t, w, path)
	text := dialogText(w)
	if !strings.Contains(text, "工作表“项目1”只有模板的示例行：请在示例行下面每行填写一个三级指标后再导入") || strings.Contains(text, "请按导入模板整理") {
		t.Errorf("message %q", text)
	}
}

// TestImportBadFilesKeepDocument: files that cannot be imported are refused with a Chinese
// message saying why and what to do; the open document, its undo history and its saved state
// stay as they were.
func TestImportBadFilesKeepDocument(t *testing.T) {
	dir := t.TempDir()
	ole := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	noColumns := filepath.Join(dir, "通讯录.xlsx")
	f := excelize.NewFile()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "电话", "地址"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{"张三", "12345", "抚顺"})
	if err := f.SaveAs(noColumns); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"旧格式.xls":  append(slices.Clone(ole), make([]byte, 504)...),
		"WPS表格.et": []byte("not a workbook"),
		"加密.xlsx":  append(append(slices.Clone(ole), make([]byte, 100)...), utf16("EncryptedPackage")...),
		"损坏.xlsx":  []byte("PK\x03\x04 this is not a zip archive"),
		"空.csv":    nil,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]string{
		"旧格式.xls":  "Excel 97-2003 工作簿（.xls",
		"WPS表格.et": "WPS 表格文件（.et）",
		"加密.xlsx":  "工作簿设有密码",
		"损坏.xlsx":  "文件已损坏",
		"空.csv":    "文件是空的",
		"通讯录.xlsx": "请按导入模板整理后再导入",
		"不存在.xlsx": "无法打开",
	}
	w := fileWindow(t)
	w.Open(copySample(t, dir, "s.zpb"))
	before := marshal(t, w.Doc)
	for name, msg := range want {
		importVia(t, w, filepath.Join(dir, name))
		text := dialogText(w)
		if !strings.Contains(text, "无法导入“"+name+"”") || !strings.Contains(text, msg) || !strings.Contains(text, "当前文档没有改动") {
			t.Errorf("%s: message %q, want %q", name, text, msg)
		}
		dialogTap(t, w, "确定")
		if !bytes.Equal(marshal(t, w.Doc), before) || w.Dirty || w.CanUndo() {
			t.Fatalf("%s: the document changed", name)
		}
	}
}

func utf16(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// TestImportAddBeyondLimit: projects that would take the open document past forms.MaxProjects
// are not added, and the user is told; the document and its history stay as they were.
func TestImportAddBeyondLimit(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "培训.xlsx")
	plainWorkbook(t, book)
	w := fileWindow(t)
	for len(w.Doc.Projects) < forms.MaxProjects {
		w.Doc.AddProject()
	}
	before := marshal(t, w.Doc)
	importVia(t, w, book)
	if text := dialogText(w); strings.Contains(text, "添加到当前文档后") {
		t.Errorf("the preview counts projects that cannot be added:\n%s", text)
	}
	dialogTap(t, w, "添加到当前文档")
	if text := dialogText(w); !strings.Contains(text, fmt.Sprintf("无法导入“培训.xlsx”：打开的文档已有 %d 张项目表，再加入 1 张", forms.MaxProjects)) || !strings.Contains(text, "当前文档没有改动") {
		t.Errorf("message %q", text)
	}
	if !bytes.Equal(marshal(t, w.Doc), before) || w.CanUndo() || w.Dirty {
		t.Error("the document changed")
	}
}

// TestExportTemplate: 文件 › 导出导入模板… asks where to write (suggesting the template's name,
// adding .xlsx to the name typed), writes the workbook in the background and says how to use
// it; the template comes back through 导入 Excel with a clear message, as it holds no rows yet.
func TestExportTemplate(t *testing.T) {
	dir := t.TempDir()
	w := fileWindow(t)
	var exts []string
	asked := answerSave(w, filepath.Join(dir, "模板"))
	save := w.files().chooseSave
	w.files().chooseSave = func(name, ext string, cb func(string)) {
		exts = append(exts, ext)
		save(name, ext, cb)
	}
	menuItem(w, "文件", "导出导入模板…").Action()
	w.files().jobs.Wait()
	if !reflect.DeepEqual(*asked, []string{templateName}) || !reflect.DeepEqual(exts, []string{".xlsx"}) {
		t.Errorf("suggested %q with filter %q", *asked, exts)
	}
	path := filepath.Join(dir, "模板.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("no readable template written: %v", err)
	}
	sheets := f.GetSheetList()
	f.Close()
	if len(sheets) == 0 || sheets[0] != "项目1" {
		t.Errorf("sheets %q", sheets)
	}
	if text := dialogText(w); !strings.Contains(text, "已导出“模板.xlsx”") || !strings.Contains(text, "导入 Excel") || !strings.Contains(text, "[打开]") {
		t.Errorf("result says %q", text)
	}
	dialogTap(t, w, "关闭")

	// Into a folder that does not exist: the failure is reported, nothing is left behind.
	answerSave(w, filepath.Join(dir, "没有这个文件夹", "模板.xlsx"))
	w.ExportTemplate()
	w.files().jobs.Wait()
	if text := dialogText(w); !strings.Contains(text, "导出导入模板失败") || !strings.Contains(text, "无法写入“模板.xlsx”") {
		t.Errorf("failed export says %q", text)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files", len(entries))
	}
}

// TestImportCancel: while a file is read, the window has written a recovery copy of the open
// document, and 取消 (or Esc) closes the progress dialog at once; what the reading finds afterwards is
// dropped.
func TestImportCancel(t *testing.T) {
	recov := useRecoveryDir(t)
	dir := t.TempDir()
	book, _ := sampleWorkbook(t, dir)
	w := fileWindow(t)
	edit(w)
	before := marshal(t, w.Doc)
	release, reading := make(chan struct{}), make(chan struct{})
	importFileFunc = func(path string) (*xlsxin.Result, error) {
		close(reading)
		<-release
		return xlsxin.ImportFile(path)
	}
	t.Cleanup(func() { importFileFunc = xlsxin.ImportFile })
	answerImport(w, book)
	menuItem(w, "文件", "导入 Excel…").Action()
	<-reading
	if len(copies(t, recov)) != 1 {
		t.Errorf("no recovery copy written before the import: %q", copies(t, recov))
	}
	if text := dialogText(w); !strings.Contains(text, "正在读取") || !strings.Contains(text, "[取消]") {
		t.Fatalf("progress dialog %q", text)
	}
	press(w.Win, fyne.KeyEscape, 0) // Esc presses 取消, as in every dialog
	if hasDialog(w) {
		t.Fatalf("Esc left %q", dialogText(w))
	}
	close(release)
	w.files().jobs.Wait()
	if hasDialog(w) || !bytes.Equal(marshal(t, w.Doc), before) {
		t.Errorf("after 取消 the import still showed %q or changed the document", dialogText(w))
	}
}
