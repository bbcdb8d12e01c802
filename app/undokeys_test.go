package app

import (
	"bytes"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// undoByKeys takes a document step (do) and then, with the cursor in the field that field
// returns, checks the keys on the document: Ctrl+Z puts it back as it was, redo (Ctrl+Y, or
// Ctrl+Shift+Z with shift) takes the step again; one step per press.
func undoByKeys(t *testing.T, w *Window, step string, redoShift bool, field func() fyne.Focusable, do func()) {
	t.Helper()
	before := marshal(t, w.Doc)
	do()
	after := marshal(t, w.Doc)
	if bytes.Equal(before, after) {
		t.Fatalf("%s changed nothing", step)
	}
	c := w.Win.Canvas()
	c.Focus(field())
	redo := struct {
		key  fyne.KeyName
		mods fyne.KeyModifier
	}{fyne.KeyY, ctrl}
	if redoShift {
		redo.key, redo.mods = fyne.KeyZ, ctrl|shift
	}
	for i, k := range []struct {
		key  fyne.KeyName
		mods fyne.KeyModifier
		want []byte
	}{{fyne.KeyZ, ctrl, before}, {redo.key, redo.mods, after}} {
		if _, ok := c.Focused().(*fieldEntry); !ok && i == 0 {
			t.Fatalf("%s: the cursor is not in a field", step)
		}
		press(w.Win, k.key, k.mods)
		if !bytes.Equal(marshal(t, w.Doc), k.want) {
			t.Fatalf("%s: press %d (%s with %v) leaves the document as it was not", step, i+1, k.key, k.mods)
		}
	}
}

// TestUndoWithCursorInField: 撤销 and 重做 by the keys take back and again each kind of document
// step — an import, a paste, a row added or removed, a project added or removed, the 表式 —
// while the cursor is in a field of the form on screen.
func TestUndoWithCursorInField(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "培训.xlsx")
	plainWorkbook(t, book)
	a := test.NewTempApp(t)
	w := NewForFile(a, copySample(t, dir, "s.zpb"))
	project := func(i int) func() fyne.Focusable {
		return func() fyne.Focusable { w.Tabs.Select(w.Project(i).item()); return w.Projects[i].Name }
	}
	unitName := func() fyne.Focusable { w.Tabs.Select(w.Unit.item()); return w.Unit.Name }

	undoByKeys(t, w, "导入 Excel（添加到当前文档）", false, project(4), func() {
		importVia(t, w, book)
		dialogTap(t, w, "添加到当前文档")
		press(w.Win, fyne.KeyReturn, 0) // the result's 确定
	})
	undoByKeys(t, w, "粘贴表格行", true, project(1), func() {
		a.Clipboard().SetContent("三级指标\t指标值\t分值\r\n参保人数\t5000人\t5\r\n")
		projectTree(w, 1).pasteRows(0, 0)
		press(w.Win, fyne.KeyReturn, 0) // 粘贴
	})
	undoByKeys(t, w, "添加指标", false, project(1), func() { test.Tap(projectTree(w, 1).AddRow[[2]int{0, 0}]) })
	undoByKeys(t, w, "删除指标", true, project(1), func() {
		test.Tap(projectTree(w, 1).Rows[forms.RowPath{}].Remove)
		press(w.Win, fyne.KeyReturn, 0) // 删除: the row has text
	})
	undoByKeys(t, w, "添加项目", false, project(4), func() { w.AddProject() })
	undoByKeys(t, w, "删除项目", true, project(2), func() {
		w.closeTab(w.Projects[3].item())
		press(w.Win, fyne.KeyReturn, 0)
	})
	undoByKeys(t, w, "表式", false, unitName, func() { w.Unit.Template.SetSelectedIndex(1) })
	if w.Doc.Settings.TemplateOf().ID() != forms.TemplateNational {
		t.Fatal("the 表式 step is not the last one taken again")
	}
}

// TestUndoOneStepPerPress: typed text in the field with the cursor is taken back first, then
// the document's steps one per press, from the menu item and Ctrl+Z alike; on the check tab the
// keys no longer go to the field left on the unit form, and 撤销 takes back a document step.
func TestUndoOneStepPerPress(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	start, orig, tasks := marshal(t, w.Doc), w.Doc.Unit.Name, len(w.Doc.Unit.Tasks)
	test.Tap(w.Unit.Goals.Add)
	oneGoal := marshal(t, w.Doc)
	test.Tap(w.Unit.Tasks.Add)
	name := w.Unit.Name
	w.Win.Canvas().Focus(name)
	test.Type(name, "新")
	press(w.Win, fyne.KeyZ, ctrl)
	if w.Doc.Unit.Name != orig || name.Text != orig || len(w.Doc.Unit.Tasks) != tasks+1 {
		t.Fatalf("the first Ctrl+Z: name %q, %d tasks", w.Doc.Unit.Name, len(w.Doc.Unit.Tasks))
	}
	menuItem(w, "编辑", "撤销").Action()
	if !bytes.Equal(marshal(t, w.Doc), oneGoal) {
		t.Fatal("编辑 › 撤销 in the field did not take back just the added task")
	}
	if f, ok := w.Win.Canvas().Focused().(*fieldEntry); !ok || f != w.Unit.Name {
		t.Fatal("the cursor is not in the field again")
	}
	test.Type(w.Unit.Name, "新")
	w.showChecks()
	if f := w.Win.Canvas().Focused(); f != nil {
		t.Fatalf("on the check tab the keys still go to a %T of the unit form", f)
	}
	press(w.Win, fyne.KeyZ, ctrl)
	if !bytes.Equal(marshal(t, w.Doc), start) || w.CanUndo() {
		t.Fatal("Ctrl+Z on the check tab did not take back the added goal (but the typing in a field of a hidden tab?)")
	}
}
