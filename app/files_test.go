package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/storage"
)

const fileSample = "../samples/fushun-shebao-2021.zpb"

// fileWindow is a new main window whose file dialogs fail the test until a test sets them.
func fileWindow(t *testing.T) *Window {
	t.Helper()
	w := New(test.NewTempApp(t))
	ui := w.files()
	ui.chooseOpen = func(func(string)) { t.Error("unexpected open dialog") }
	ui.chooseSave = func(name, ext string, _ func(string)) { t.Errorf("unexpected save dialog for %q", name) }
	ui.chooseOpenExts = func(_ fyne.Window, title string, _ []string, _ func(string)) {
		t.Errorf("unexpected open dialog %q", title)
	}
	return w
}

// answerSave makes the save dialog answer path (and record the suggested names).
func answerSave(w *Window, path string) *[]string {
	var asked []string
	w.files().chooseSave = func(name, ext string, cb func(string)) {
		asked = append(asked, name)
		cb(path)
	}
	return &asked
}

// copySample copies the sample document to dir/name and returns its path.
func copySample(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(fileSample)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// dialogObjects are the objects of the dialog on top of the window; nil when there is none.
func dialogObjects(w *Window) []fyne.CanvasObject { return overlayObjects(w.Win) }

// overlayObjects are the objects of the dialog on top of win; nil when there is none.
func overlayObjects(win fyne.Window) []fyne.CanvasObject {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	return test.LaidOutObjects(top)
}

// dialogText is the text of the labels and buttons of the dialog on top of the window.
func dialogText(w *Window) string { return windowDialogText(w.Win) }

// windowDialogText is the text of the labels and buttons of the dialog on top of win ("" for none).
func windowDialogText(win fyne.Window) string {
	var b strings.Builder
	for _, o := range overlayObjects(win) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + v.Text + "]\n")
		}
	}
	return b.String()
}

// dialogTap taps the button labelled text in the dialog on top of the window.
func dialogTap(t *testing.T, w *Window, text string) {
	t.Helper()
	overlayTap(t, w.Win, text)
}

// overlayTap taps the button labelled text in the dialog on top of win.
func overlayTap(t *testing.T, win fyne.Window, text string) {
	t.Helper()
	for _, o := range overlayObjects(win) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in the dialog:\n%s", text, windowDialogText(win))
}

// settle waits until the window's saves, recovery copies and lock releases are done and shown.
func settle(w *Window) { w.files().queue.wait() }

// edit changes the document as typing into a field would (the unit's 财政供养人员数量), so that
// it has unsaved changes: Dirty says whether the document differs from its file (saved.go).
func edit(w *Window) {
	w.Doc.Unit.Staff += "1"
	w.changed()
}

// hasDialog reports whether a dialog is shown over the window.
func hasDialog(w *Window) bool { return w.Win.Canvas().Overlays().Top() != nil }

func TestDefaultYear(t *testing.T) {
	if got, want := defaultYear(), time.Now().Year()-1; got != want {
		t.Errorf("defaultYear() = %d, want %d", got, want)
	}
}

func TestOpenSample(t *testing.T) {
	w := fileWindow(t)
	w.Open(fileSample)
	abs, _ := filepath.Abs(fileSample)
	if w.Path != abs || w.Dirty {
		t.Errorf("Path %q Dirty %v, want %q and false", w.Path, w.Dirty, abs)
	}
	if got, want := w.Win.Title(), "fushun-shebao-2021.zpb - 绩效自评"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if w.Doc.Settings.UnitShortName != "抚顺市社保中心" {
		t.Errorf("document not shown: %q", w.Doc.Settings.UnitShortName)
	}
	if hasDialog(w) {
		t.Errorf("unexpected dialog: %s", dialogText(w))
	}
	if got := w.recentFiles(); !reflect.DeepEqual(got, []string{abs}) {
		t.Errorf("recent %q", got)
	}
}

func TestOpenBrokenFileKeepsDocument(t *testing.T) {
	w := fileWindow(t)
	w.Open(fileSample)
	doc, path := w.Doc, w.Path
	broken := filepath.Join(t.TempDir(), "broken.zpb")
	data := []byte(`{"format": "ziping", "version": 1, "settings": {`)
	if err := os.WriteFile(broken, data, 0o644); err != nil {
		t.Fatal(err)
	}
	w.Open(broken)
	if !hasDialog(w) {
		t.Fatal("no error dialog")
	}
	if text := dialogText(w); !strings.Contains(text, "无法打开“broken.zpb”") {
		t.Errorf("error dialog says %q", text)
	}
	if w.Doc != doc || w.Path != path || w.Dirty {
		t.Errorf("current document replaced: Path %q Dirty %v", w.Path, w.Dirty)
	}
	if after, _ := os.ReadFile(broken); !bytes.Equal(after, data) {
		t.Errorf("broken file changed: %q", after)
	}
	if got := w.recentFiles(); len(got) != 1 || got[0] != path {
		t.Errorf("recent %q", got)
	}
}

func TestOpenMissingFileLeavesRecentFiles(t *testing.T) {
	w := fileWindow(t)
	dir := t.TempDir()
	gone := copySample(t, dir, "gone.zpb")
	kept := copySample(t, dir, "kept.zpb")
	w.Open(gone)
	w.Open(kept)
	os.Remove(gone)
	w.Open(gone)
	if !strings.Contains(dialogText(w), "文件不存在") {
		t.Errorf("error dialog says %q", dialogText(w))
	}
	if got := w.recentFiles(); !reflect.DeepEqual(got, []string{kept}) {
		t.Errorf("recent %q, want only %q", got, kept)
	}
}

func TestSaveAsThenSave(t *testing.T) {
	w := fileWindow(t)
	w.Open(fileSample)
	dir := t.TempDir()
	asked := answerSave(w, filepath.Join(dir, "副本")) // typed without the extension
	w.Doc.Settings.UnitShortName = "测试单位"
	w.changed()
	if got := w.Win.Title(); got != "fushun-shebao-2021.zpb * - 绩效自评" {
		t.Errorf("title of a changed document %q", got)
	}
	w.SaveAs()
	settle(w)
	target := filepath.Join(dir, "副本.zpb")
	if !reflect.DeepEqual(*asked, []string{"fushun-shebao-2021.zpb"}) {
		t.Errorf("suggested names %q", *asked)
	}
	if w.Path != target || w.Dirty || hasDialog(w) {
		t.Fatalf("after SaveAs: Path %q Dirty %v dialog %q", w.Path, w.Dirty, dialogText(w))
	}
	if got := w.Win.Title(); got != "副本.zpb - 绩效自评" {
		t.Errorf("title %q", got)
	}
	if strings.Contains(w.Status.Text, "未保存") {
		t.Errorf("status still says 未保存: %q", w.Status.Text)
	}
	loaded, err := storage.Load(target)
	if err != nil || !reflect.DeepEqual(loaded, w.Doc) {
		t.Fatalf("saved file does not read back equal (err %v)", err)
	}
	if _, err := os.Stat(target + storage.BackupSuffix); err == nil {
		t.Error("first save made a .bak")
	}
	first, _ := os.ReadFile(target)

	w.files().chooseSave = func(string, string, func(string)) { t.Error("Save asked for a file") }
	w.Doc.Unit.Name = "第二次保存"
	w.changed()
	w.Save()
	settle(w)
	if w.Dirty || strings.Contains(w.Win.Title(), "*") {
		t.Errorf("after Save: Dirty %v title %q", w.Dirty, w.Win.Title())
	}
	if bak, err := os.ReadFile(target + storage.BackupSuffix); err != nil || !bytes.Equal(bak, first) {
		t.Errorf("second save: .bak is not the first save (err %v)", err)
	}
	if loaded, _ := storage.Load(target); loaded == nil || loaded.Unit.Name != "第二次保存" {
		t.Error("second save not written")
	}
	if got := w.recentFiles(); len(got) == 0 || got[0] != target {
		t.Errorf("recent %q, want %q first", got, target)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("folder holds %d files, want the document and its .bak", len(entries))
	}
}

func TestSaveUntitledAsksForFile(t *testing.T) {
	w := fileWindow(t)
	target := filepath.Join(t.TempDir(), "新文档.zpb")
	asked := answerSave(w, target)
	w.Save()
	settle(w)
	if want := fmt.Sprintf("%d年绩效自评.zpb", defaultYear()); !reflect.DeepEqual(*asked, []string{want}) {
		t.Errorf("suggested %q, want %q", *asked, want)
	}
	if w.Path != target {
		t.Errorf("Path %q", w.Path)
	}
	if _, err := storage.Load(target); err != nil {
		t.Error(err)
	}
}

func TestSaveAsAddedExtensionAsksBeforeReplacing(t *testing.T) {
	w := fileWindow(t)
	dir := t.TempDir()
	other := copySample(t, dir, "别的.zpb")
	before, _ := os.ReadFile(other)
	answerSave(w, filepath.Join(dir, "别的"))
	w.SaveAs()
	if !strings.Contains(dialogText(w), "“别的.zpb”已存在") {
		t.Fatalf("no replace question: %q", dialogText(w))
	}
	dialogTap(t, w, "取消")
	if after, _ := os.ReadFile(other); !bytes.Equal(after, before) || w.Path != "" {
		t.Error("cancelled replace wrote the file")
	}
	w.SaveAs()
	dialogTap(t, w, "替换")
	settle(w)
	if w.Path != other {
		t.Errorf("Path %q after replacing", w.Path)
	}
}

func TestSaveRefusesToOverwriteUnreadableFile(t *testing.T) {
	w := fileWindow(t)
	broken := filepath.Join(t.TempDir(), "新版本.zpb")
	data := []byte(`{"format": "ziping", "version": 99}`)
	os.WriteFile(broken, data, 0o644)
	answerSave(w, broken)
	edit(w)
	w.SaveAs()
	settle(w)
	if !hasDialog(w) || !strings.Contains(dialogText(w), "没有保存") {
		t.Errorf("no refusal: %q", dialogText(w))
	}
	if after, _ := os.ReadFile(broken); !bytes.Equal(after, data) {
		t.Error("unreadable file overwritten")
	}
	if !w.Dirty || w.Path != "" {
		t.Errorf("failed save changed the state: Dirty %v Path %q", w.Dirty, w.Path)
	}
}

func TestCloseWhenClean(t *testing.T) {
	w := fileWindow(t)
	closed := false
	w.Win.SetOnClosed(func() { closed = true })
	w.closeRequested()
	settle(w)
	if !closed || hasDialog(w) {
		t.Errorf("clean window: closed %v, dialog %v", closed, hasDialog(w))
	}
}

func TestClosePromptWhenDirty(t *testing.T) {
	w := fileWindow(t)
	w.Open(copySample(t, t.TempDir(), "a.zpb"))
	closed := false
	w.Win.SetOnClosed(func() { closed = true })
	w.Doc.Unit.Name = "改过"
	w.changed()

	w.closeRequested()
	if !hasDialog(w) || w.files().prompt == nil {
		t.Fatal("no unsaved-changes prompt")
	}
	if text := dialogText(w); !strings.Contains(text, "当前文档有未保存的修改，是否保存？") ||
		!strings.Contains(text, "[保存]") || !strings.Contains(text, "[不保存]") || !strings.Contains(text, "[取消]") {
		t.Errorf("prompt says %q", text)
	}
	w.closeRequested() // a second click does not stack a second prompt
	test.Tap(w.files().prompt.cancel)
	if closed || hasDialog(w) || !w.Dirty {
		t.Fatalf("取消: closed %v dialog %v dirty %v", closed, hasDialog(w), w.Dirty)
	}

	w.closeRequested()
	test.Tap(w.files().prompt.save)
	settle(w)
	if !closed || w.Dirty {
		t.Errorf("保存: closed %v dirty %v", closed, w.Dirty)
	}
	if d, _ := storage.Load(w.Path); d == nil || d.Unit.Name != "改过" {
		t.Error("保存 did not save")
	}
}

func TestClosePromptDiscard(t *testing.T) {
	w := fileWindow(t)
	closed := false
	w.Win.SetOnClosed(func() { closed = true })
	edit(w)
	w.closeRequested()
	test.Tap(w.files().prompt.discard)
	settle(w)
	if !closed {
		t.Error("不保存 did not close")
	}
}

func TestClosePromptSaveFailureKeepsWindow(t *testing.T) {
	w := fileWindow(t)
	closed := false
	w.Win.SetOnClosed(func() { closed = true })
	broken := filepath.Join(t.TempDir(), "坏.zpb")
	os.WriteFile(broken, []byte("not json"), 0o644)
	w.Path = broken
	edit(w)
	w.closeRequested()
	test.Tap(w.files().prompt.save)
	settle(w)
	if closed || !w.Dirty || !strings.Contains(dialogText(w), "没有保存") {
		t.Errorf("closed %v dirty %v dialog %q", closed, w.Dirty, dialogText(w))
	}
}

func TestNewAsksWhenDirty(t *testing.T) {
	w := fileWindow(t)
	w.New() // clean: no question
	if hasDialog(w) {
		t.Fatal("prompt for a clean document")
	}
	w.Open(fileSample)
	edit(w)
	w.New()
	if w.files().prompt == nil || w.Path == "" {
		t.Fatal("New did not ask first")
	}
	test.Tap(w.files().prompt.discard)
	if w.Path != "" || w.Dirty || w.Doc.Settings.UnitShortName != "" {
		t.Errorf("after 不保存: Path %q Dirty %v", w.Path, w.Dirty)
	}
	if w.Win.Title() != "未命名 - 绩效自评" {
		t.Errorf("title %q", w.Win.Title())
	}
}

func TestNewSaveUntitledFirst(t *testing.T) {
	w := fileWindow(t)
	w.Doc.Settings.UnitShortName = "先保存"
	w.changed()
	target := filepath.Join(t.TempDir(), "先保存.zpb")
	answerSave(w, target)
	w.New()
	test.Tap(w.files().prompt.save)
	settle(w)
	if d, err := storage.Load(target); err != nil || d.Settings.UnitShortName != "先保存" {
		t.Fatalf("not saved first: %v", err)
	}
	if w.Path != "" || w.Doc.Settings.UnitShortName != "" {
		t.Error("no new document after saving")
	}
}

func TestOpenDialogAsksWhenDirty(t *testing.T) {
	w := fileWindow(t)
	opened := 0
	w.files().chooseOpen = func(cb func(string)) { opened++; cb(fileSample) }
	edit(w)
	w.OpenDialog()
	if opened != 0 || w.files().prompt == nil {
		t.Fatal("OpenDialog did not ask first")
	}
	test.Tap(w.files().prompt.discard)
	if opened != 1 || filepath.Base(w.Path) != "fushun-shebao-2021.zpb" {
		t.Errorf("opened %d, Path %q", opened, w.Path)
	}
	w.OpenDialog() // clean now: straight to the dialog
	if opened != 2 || hasDialog(w) {
		t.Errorf("opened %d, dialog %v", opened, hasDialog(w))
	}
}

func TestRecentFiles(t *testing.T) {
	w := fileWindow(t)
	dir := t.TempDir()
	var paths []string
	for i := range 10 {
		p := copySample(t, dir, fmt.Sprintf("文档%02d.zpb", i))
		paths = append(paths, p)
		w.addRecent(p) // what Open does after loading, without rebuilding the tabs each time
	}
	want := []string{paths[9], paths[8], paths[7], paths[6], paths[5], paths[4], paths[3], paths[2]}
	if got := w.recentFiles(); !reflect.DeepEqual(got, want) {
		t.Fatalf("recent\n%q\nwant\n%q", got, want)
	}
	w.Open(paths[5]) // reopening moves it to the front without a duplicate
	want = append([]string{paths[5]}, paths[9], paths[8], paths[7], paths[6], paths[4], paths[3], paths[2])
	if got := w.recentFiles(); !reflect.DeepEqual(got, want) {
		t.Fatalf("after reopening\n%q\nwant\n%q", got, want)
	}

	sub := recentSubmenu(t, w)
	if len(sub.Items) != maxRecent+2 || !strings.Contains(sub.Items[0].Label, "文档05.zpb") {
		t.Fatalf("最近打开 menu: %d items, first %q", len(sub.Items), sub.Items[0].Label)
	}
	sub.Items[3].Action() // 文档07
	if filepath.Base(w.Path) != "文档07.zpb" {
		t.Errorf("menu opened %q", w.Path)
	}
	edit(w)
	recentSubmenu(t, w).Items[1].Action()
	if w.files().prompt == nil {
		t.Error("opening a recent file did not ask about unsaved changes")
	}
	test.Tap(w.files().prompt.cancel)

	sub = recentSubmenu(t, w)
	sub.Items[len(sub.Items)-1].Action() // 清除列表
	if len(w.recentFiles()) != 0 {
		t.Errorf("清除列表 left %q", w.recentFiles())
	}
	if sub := recentSubmenu(t, w); len(sub.Items) != 1 || !sub.Items[0].Disabled {
		t.Errorf("empty 最近打开 menu: %+v", sub.Items)
	}
}

// recentSubmenu is 文件 › 最近打开 of the window's current menu.
func recentSubmenu(t *testing.T, w *Window) *fyne.Menu {
	t.Helper()
	if item := menuItem(w, "文件", "最近打开"); item != nil && item.ChildMenu != nil {
		return item.ChildMenu
	}
	t.Fatal("no 文件 › 最近打开")
	return nil
}

// menuItem is the item labelled label of the menu named menu of the window's main menu.
func menuItem(w *Window, menu, label string) *fyne.MenuItem {
	for _, m := range w.Win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	return nil
}

func TestMenus(t *testing.T) {
	w := fileWindow(t)
	var labels []string
	for _, m := range w.Win.MainMenu().Items {
		labels = append(labels, m.Label)
		for _, it := range m.Items {
			if !it.IsSeparator {
				labels = append(labels, "  "+it.Label)
			}
		}
	}
	want := []string{"文件", "  新建", "  打开…", "  最近打开", "  从上年复制…", "  导入 Excel…", "  导出导入模板…", "  保存", "  另存为…",
		"  导出 PDF…", "  导出 Excel…", "  打印预览", "  打印…", "  导出自评报告…", "  打包报送…", "  部门汇总…", "  退出",
		"编辑", "  撤销", "  重做", "  粘贴表格行", "视图", "  检查与得分", "  转到项目…", "  上一个表", "  下一个表", "  浅色主题", "  深色主题",
		"帮助", "  用户手册", "  计分规则", "  关于绩效自评"}
	if !reflect.DeepEqual(labels, want) {
		t.Errorf("menus\n%q\nwant\n%q", labels, want)
	}
	if q := menuItem(w, "文件", "退出"); q == nil || !q.IsQuit {
		t.Error("退出 is not the quit item")
	}

	menuItem(w, "视图", "深色主题").Action()
	if !w.isDark() || !menuItem(w, "视图", "深色主题").Checked || menuItem(w, "视图", "浅色主题").Checked {
		t.Error("深色主题 not applied or not checked")
	}
	menuItem(w, "视图", "浅色主题").Action()
	if w.isDark() || !menuItem(w, "视图", "浅色主题").Checked {
		t.Error("浅色主题 not applied")
	}

	menuItem(w, "帮助", "关于绩效自评").Action()
	if text := dialogText(w); !strings.Contains(text, "SIL Open Font License") || !strings.Contains(text, "版本") {
		t.Errorf("about dialog lacks version or licence: %.200q", text)
	}
}

func TestToolbar(t *testing.T) {
	w := fileWindow(t)
	var labels []string
	var check *widget.Button
	for _, o := range w.toolbar().(*fyne.Container).Objects {
		if b, ok := o.(*widget.Button); ok {
			labels = append(labels, b.Text)
			if b.Icon == nil {
				t.Errorf("button %q has no icon", b.Text)
			}
			if b.Text == "检查与得分" {
				check = b
			}
		}
	}
	if want := []string{"新建", "打开", "保存", "另存为", "导出 PDF", "导出 Excel", "打印预览", "打印", "项目列表", "检查与得分"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("toolbar %q, want %q", labels, want)
	}
	w.Tabs.SelectIndex(0)
	test.Tap(check)
	if w.Tabs.Selected() != w.Checks.item() {
		t.Error("检查 did not select the check tab")
	}
}

func TestShortcuts(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	w := fileWindow(t)
	var saves []string
	opens := 0
	w.files().chooseSave = func(name, ext string, _ func(string)) { saves = append(saves, ext) }
	w.files().chooseOpen = func(func(string)) { opens++ }
	typed := w.Win.Canvas().(fyne.Shortcutable)

	w.Doc.Unit.Name = "旧"
	typed.TypedShortcut(shortcut(fyne.KeyN, false))
	if w.Doc.Unit.Name != "" {
		t.Error("Ctrl+N made no new document")
	}
	typed.TypedShortcut(shortcut(fyne.KeyO, false))
	typed.TypedShortcut(shortcut(fyne.KeyS, false))
	typed.TypedShortcut(shortcut(fyne.KeyS, true))
	typed.TypedShortcut(shortcut(fyne.KeyE, false))
	typed.TypedShortcut(shortcut(fyne.KeyE, true))
	if opens != 1 || !reflect.DeepEqual(saves, []string{".zpb", ".zpb", ".pdf", ".xlsx"}) {
		t.Errorf("Ctrl+O opened %d dialogs; Ctrl+S, Ctrl+Shift+S, Ctrl+E, Ctrl+Shift+E asked %q", opens, saves)
	}
	typed.TypedShortcut(shortcut(fyne.KeyP, true))
	if w.preview() == nil {
		t.Error("Ctrl+Shift+P opened no print preview")
	} else {
		w.closePreview()
	}
	typed.TypedShortcut(shortcut(fyne.KeyP, false))
	w.files().jobs.Wait()
	if prints, _ := filepath.Glob(filepath.Join(os.TempDir(), "ziping-*.pdf")); len(prints) != 1 {
		t.Errorf("Ctrl+P made %d print files", len(prints))
	}

	// The menu items carry the same shortcuts, so they work while an entry has the focus.
	want := map[string]string{"新建": "N", "打开…": "O", "保存": "S", "另存为…": "Shift+S", "导出 PDF…": "E",
		"导出 Excel…": "Shift+E", "打印预览": "Shift+P", "打印…": "P"}
	for label, key := range want {
		it := menuItem(w, "文件", label)
		if it == nil || it.Shortcut == nil {
			t.Errorf("menu item %q has no shortcut", label)
			continue
		}
		name := it.Shortcut.ShortcutName()
		if !strings.HasSuffix(name, "+"+key[len(key)-1:]) || strings.Contains(key, "Shift") != strings.Contains(name, "Shift") {
			t.Errorf("menu item %q has shortcut %q", label, name)
		}
	}
}

func TestExportPDF(t *testing.T) {
	w := fileWindow(t)
	w.Open(fileSample)
	dir := t.TempDir()
	asked := answerSave(w, filepath.Join(dir, "自评表"))
	w.ExportPDF()
	w.files().jobs.Wait()
	if !reflect.DeepEqual(*asked, []string{"fushun-shebao-2021.pdf"}) {
		t.Errorf("suggested %q", *asked)
	}
	data, err := os.ReadFile(filepath.Join(dir, "自评表.pdf"))
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF written (%v)", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %d files: a temporary file was left", len(entries))
	}
	text := dialogText(w)
	if !strings.Contains(text, "已导出“自评表.pdf”（") || !strings.Contains(text, "页）") || !strings.Contains(text, "[打开]") {
		t.Errorf("result dialog says %q", text)
	}
	dialogTap(t, w, "打开") // the test app's OpenURL does nothing
	if hasDialog(w) {
		t.Errorf("dialog after opening: %q", dialogText(w))
	}
}

func TestExportFailureLeavesNoFile(t *testing.T) {
	w := fileWindow(t)
	dir := t.TempDir()
	answerSave(w, filepath.Join(dir, "没有这个文件夹", "表.pdf"))
	w.ExportPDF()
	w.files().jobs.Wait()
	if text := dialogText(w); !strings.Contains(text, "导出 PDF 失败") {
		t.Errorf("error dialog says %q", text)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed export left %d files", len(entries))
	}
}

func TestExportReportsUnprintableCharacters(t *testing.T) {
	w := fileWindow(t)
	w.Doc.Unit.Name = "单位\U0001F600" // an emoji the PDF fonts lack
	w.changed()
	answerSave(w, filepath.Join(t.TempDir(), "表.pdf"))
	w.ExportPDF()
	w.files().jobs.Wait()
	if text := dialogText(w); !strings.Contains(text, "处文字含有 PDF 无法显示的字符") {
		t.Errorf("result dialog says %q", text)
	}
}

func TestPrint(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old := filepath.Join(tmp, "ziping-old.pdf")
	os.WriteFile(old, []byte("%PDF-"), 0o644)
	os.Chtimes(old, time.Now().Add(-48*time.Hour), time.Now().Add(-48*time.Hour))
	w := fileWindow(t)
	w.Open(fileSample)
	w.Print()
	w.files().jobs.Wait()
	prints, _ := filepath.Glob(filepath.Join(tmp, "ziping-*.pdf"))
	if len(prints) != 1 || prints[0] == old {
		t.Fatalf("print files %q, want one new one", prints)
	}
	if data, _ := os.ReadFile(prints[0]); !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Error("print file is not a PDF")
	}
	if text := dialogText(w); !strings.Contains(text, "请在阅读器中选择“打印”") {
		t.Errorf("print dialog says %q", text)
	}
}

func TestSnapshotIsDeepCopy(t *testing.T) {
	doc, err := storage.Load(fileSample)
	if err != nil {
		t.Fatal(err)
	}
	c, err := snapshot(doc)
	if err != nil || !reflect.DeepEqual(c, doc) {
		t.Fatalf("snapshot differs (err %v)", err)
	}
	c.Unit.Indicators[0].Name = "改"
	if doc.Unit.Indicators[0].Name == "改" {
		t.Error("snapshot shares the indicators")
	}
}

func TestFileURL(t *testing.T) {
	for _, c := range []struct{ path, goos, want string }{
		{"/tmp/a #b/抚顺.pdf", "linux", "file:///tmp/a%20%23b/%E6%8A%9A%E9%A1%BA.pdf"},
		{`C:\Users\张三\表 1.pdf`, "windows", "file:///C:/Users/张三/表 1.pdf"},
		{`\\server\share\表.pdf`, "windows", "file://server/share/表.pdf"},
	} {
		if got := fileURL(c.path, c.goos).String(); got != c.want {
			t.Errorf("fileURL(%q, %s) = %q, want %q", c.path, c.goos, got, c.want)
		}
	}
}

func TestWithExtAndSuggestedName(t *testing.T) {
	for in, want := range map[string]string{"a": "a.zpb", "a.zpb": "a.zpb", "a.ZPB": "a.ZPB", "a.txt": "a.txt.zpb"} {
		if got := withExt(in, ".zpb"); got != want {
			t.Errorf("withExt(%q) = %q, want %q", in, got, want)
		}
	}
	w := fileWindow(t)
	w.Doc.Settings.Year = "2021"
	w.Doc.Settings.UnitShortName = "A/B:C"
	if got := w.suggestedName(".pdf"); got != "2021年A_B_C绩效自评.pdf" {
		t.Errorf("suggestedName %q", got)
	}
	w.Doc.Settings.UnitShortName = "某单位\u202Efdp.exe\x1b[2J"
	if got := w.suggestedName(".pdf"); strings.ContainsAny(got, "\u202E\x1b") {
		t.Errorf("suggestedName %q keeps a bidi or control character", got)
	}
	w.Path = filepath.Join(t.TempDir(), "a\u202Efdp.zpb")
	if got := w.title(); strings.ContainsRune(got, '\u202E') || !strings.Contains(got, `\u202E`) {
		t.Errorf("title %q: the override is not shown escaped", got)
	}
}

// relocalize makes Fyne pick its language again from the environment, as at start-up: adding
// any translation does that, here an empty one for Esperanto, which no test uses.
func relocalize(t *testing.T) {
	t.Helper()
	if err := lang.AddTranslationsForLocale([]byte("{}"), "eo"); err != nil {
		t.Fatal(err)
	}
}

func TestFyneStringsAreChinese(t *testing.T) {
	setupLanguage()
	for _, loc := range []string{"en_US.UTF-8", "de_DE.UTF-8", "zh_CN.UTF-8", "zh_TW.UTF-8", "pt_BR.UTF-8", "ru_RU.UTF-8", "ja_JP.UTF-8", "C.UTF-8"} {
		t.Run(loc, func(t *testing.T) {
			t.Setenv("LANG", loc)
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANGUAGE", "")
			relocalize(t)
			for key, want := range map[string]string{"Cancel": "取消", "OK": "确定", "Yes": "是", "No": "否", "Save": "保存", "Open": "打开", "Quit": "退出"} {
				if got := lang.L(key); got != want {
					t.Errorf("lang.L(%q) = %q, want %q", key, got, want)
				}
			}
			if got := lang.X("file.name", "Name"); got != "名称" {
				t.Errorf("lang.X(file.name) = %q", got)
			}
		})
	}
}

// TestFyneLocalesComplete compares our translation and locale list with the Fyne module in use,
// so that a Fyne upgrade adding strings or languages is noticed.
func TestFyneLocalesComplete(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Fatalf("cannot find the Fyne module: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "lang", "translations")
	base, err := os.ReadFile(filepath.Join(dir, "base.en.json"))
	if err != nil {
		t.Fatal(err)
	}
	keys := func(data []byte) []string {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		var k []string
		for key, v := range m {
			if s, ok := v.(string); ok && s == "" {
				t.Errorf("empty translation of %q", key)
			}
			k = append(k, key)
		}
		sort.Strings(k)
		return k
	}
	if got, want := keys(zhTranslation), keys(base); !reflect.DeepEqual(got, want) {
		t.Errorf("zh.json keys\n%q\nFyne's\n%q", got, want)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "base.*.json"))
	var fyneLangs, ours []string
	for _, f := range files {
		fyneLangs = append(fyneLangs, strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "base."), ".json"))
	}
	for _, l := range fyneLocales {
		ours = append(ours, l.String())
	}
	sort.Strings(fyneLangs)
	sort.Strings(ours)
	if !reflect.DeepEqual(ours, fyneLangs) {
		t.Errorf("fyneLocales %q, Fyne ships %q", ours, fyneLangs)
	}
}

// dialogEntry is the first entry of the dialog on top of the window (the file name of a save
// dialog).
func dialogEntry(t *testing.T, w *Window) *widget.Entry {
	t.Helper()
	for _, o := range dialogObjects(w) {
		if e, ok := o.(*widget.Entry); ok {
			return e
		}
	}
	t.Fatal("no entry in the dialog")
	return nil
}

// Fyne's save dialog creates, or truncates, the chosen file itself; the empty file must not
// stay behind nor replace the .bak.
func TestRealSaveDialog(t *testing.T) {
	w := fileWindow(t)
	w.files().chooseSave = w.dialogSave
	dir := t.TempDir()
	doc := copySample(t, dir, "旧.zpb")
	if err := os.WriteFile(doc+storage.BackupSuffix, []byte("older backup"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.Open(doc)

	w.SaveAs() // typed without the extension
	dialogEntry(t, w).SetText("新")
	dialogTap(t, w, "保存")
	settle(w)
	if want := filepath.Join(dir, "新.zpb"); w.Path != want {
		t.Fatalf("Path %q, want %q; dialog %q", w.Path, want, dialogText(w))
	}
	if _, err := os.Stat(filepath.Join(dir, "新")); err == nil {
		t.Error("the empty file the dialog made is left")
	}

	w.SaveAs() // over the old file, which the dialog empties after asking
	dialogEntry(t, w).SetText("旧.zpb")
	dialogTap(t, w, "保存")
	dialogTap(t, w, "是")
	settle(w)
	if w.Path != doc {
		t.Fatalf("Path %q; dialog %q", w.Path, dialogText(w))
	}
	if bak, _ := os.ReadFile(doc + storage.BackupSuffix); string(bak) != "older backup" {
		t.Errorf(".bak replaced by %q", bak)
	}
	if _, err := storage.Load(doc); err != nil {
		t.Error(err)
	}
}
