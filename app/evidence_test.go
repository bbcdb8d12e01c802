package app

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// evidenceWindow opens a copy of the sample in a window of the given size, showing project 0;
// the open dialog answers chosen.
func evidenceWindow(t *testing.T, size fyne.Size, chosen string) (*Window, string) {
	t.Helper()
	path := copySample(t, t.TempDir(), "s.zpb")
	w := NewForFile(test.NewTempApp(t), path)
	w.Win.Resize(size)
	w.files().chooseOpenExts = func(_ fyne.Window, _ string, exts []string, cb func(string)) {
		if exts != nil {
			t.Errorf("the evidence file is asked for among %v, not every file", exts)
		}
		cb(chosen)
	}
	w.Tabs.Select(w.Project(0).item())
	return w, path
}

// openEvidence taps b and returns the dialog it opened.
func openEvidence(t *testing.T, w *Window, b fyne.Tappable) *evidenceDialog {
	t.Helper()
	test.Tap(b)
	if w.evidence == nil || !hasDialog(w) {
		t.Fatal("the 佐证 button opened no dialog")
	}
	return w.evidence
}

// TestEvidenceEditor: items typed into an indicator's list go into the document as typed (the
// drop-down's kind, any kind typed, 页数 as text, the chosen file's path), the button counts
// them, the document is unsaved; Esc closes the dialog and keeps them; Ctrl+Z takes the whole
// editing back in one step and Ctrl+Y takes it again.
func TestEvidenceEditor(t *testing.T) {
	file := filepath.Join("资料", "采购合同.pdf")
	w, _ := evidenceWindow(t, fyne.NewSize(1400, 900), file)
	row := w.Projects[0].Tree.Rows[forms.RowPath{}]
	list := &w.Doc.Projects[0].Indicators.Row(forms.RowPath{}).Evidence
	before := marshal(t, w.Doc)
	if row.Evidence.Text != "佐证 0" || *list != nil {
		t.Fatalf("the sample's first row: button %q, list %v", row.Evidence.Text, *list)
	}
	d := openEvidence(t, w, row.Evidence)
	test.Tap(d.Add)
	test.Tap(d.Add)
	if len(d.Rows) != 2 || w.Win.Canvas().Focused() != d.Rows[1].Name {
		t.Fatalf("添加材料 twice: %d rows, focus on %T", len(d.Rows), w.Win.Canvas().Focused())
	}
	r := d.Rows[0]
	test.Type(r.Name, "采购合同 ")
	r.Kind.SetText(forms.EvidenceKinds()[0]) // as the drop-down's menu sets it
	test.Type(r.Pages, "１２页")
	test.Tap(r.Choose)
	test.Type(d.Rows[1].Name, "验收单")
	test.Type(d.Rows[1].Kind, "自拟类型")
	want := []forms.Evidence{{Name: "采购合同 ", Kind: "合同协议", Pages: "１２页", Path: file}, {Name: "验收单", Kind: "自拟类型"}}
	if !reflect.DeepEqual(*list, want) {
		t.Fatalf("list %+v, want %+v", *list, want)
	}
	if row.Evidence.Text != "佐证 2" || !w.Dirty {
		t.Errorf("button %q, dirty %v", row.Evidence.Text, w.Dirty)
	}
	w.Win.Canvas().Focus(d.Rows[1].Kind)
	press(w.Win, fyne.KeyEscape, 0)
	if hasDialog(w) || w.evidence != nil || !reflect.DeepEqual(*list, want) {
		t.Fatalf("Esc: dialog %v, list %+v", hasDialog(w), *list)
	}
	after := marshal(t, w.Doc)
	press(w.Win, fyne.KeyZ, ctrl)
	if !bytes.Equal(marshal(t, w.Doc), before) || w.Dirty {
		t.Fatalf("Ctrl+Z does not take the list back (dirty %v)", w.Dirty)
	}
	if got := w.Projects[0].Tree.Rows[forms.RowPath{}].Evidence.Text; got != "佐证 0" {
		t.Errorf("after Ctrl+Z the button reads %q", got)
	}
	press(w.Win, fyne.KeyY, ctrl)
	if !bytes.Equal(marshal(t, w.Doc), after) {
		t.Fatal("Ctrl+Y does not take the list again")
	}
}

// TestEvidenceUndoInDialog: while the dialog is open, Ctrl+Z takes back the typing in the cell
// with the cursor, never the document's last step under the dialog; Enter closes the dialog.
func TestEvidenceUndoInDialog(t *testing.T) {
	w, _ := evidenceWindow(t, fyne.NewSize(1400, 900), "")
	w.Tabs.Select(w.Unit.item())
	w.record() // a document step the dialog must not take back
	w.Doc.Unit.Staff = "209"
	w.changedIn(-1)
	d := openEvidence(t, w, w.Unit.Evidence)
	test.Tap(d.Add)
	test.Type(d.Rows[0].Name, "决算报表")
	press(w.Win, fyne.KeyZ, ctrl)
	list := w.Doc.Unit.BudgetEvidence
	if w.Doc.Unit.Staff != "209" || !hasDialog(w) || len(list) != 1 || list[0].Name == "决算报表" {
		t.Fatalf("Ctrl+Z in the dialog: 人数 %q, dialog %v, list %+v", w.Doc.Unit.Staff, hasDialog(w), list)
	}
	test.Type(d.Rows[0].Name, "决算报表")
	press(w.Win, fyne.KeyReturn, 0)
	if hasDialog(w) || !reflect.DeepEqual(w.Doc.Unit.BudgetEvidence, []forms.Evidence{{Name: "决算报表"}}) {
		t.Fatalf("Enter: dialog %v, list %+v", hasDialog(w), w.Doc.Unit.BudgetEvidence)
	}
	if w.Unit.Evidence.Text != "佐证 1" {
		t.Errorf("button %q", w.Unit.Evidence.Text)
	}
}

// TestEvidenceTabOrder: in a window of the smallest size, with more items than the dialog
// shows, Tab goes through every cell in reading order (名称, 类型, 页数, 文件 of each item),
// each cell in the dialog's view, round to the first; Shift+Tab walks the same way back.
func TestEvidenceTabOrder(t *testing.T) {
	w, _ := evidenceWindow(t, fyne.NewSize(1024, 768), "")
	d := openEvidence(t, w, w.Projects[0].Evidence)
	for i := range 12 {
		test.Tap(d.Add)
		evidenceInView(t, d, d.Rows[i].Name, fmt.Sprintf("row %d added", i+1))
	}
	cells := d.cells()
	if len(cells) != 48 {
		t.Fatalf("%d cells", len(cells))
	}
	c := w.Win.Canvas()
	c.Focus(cells[0])
	for i := range len(cells) + 1 {
		want := cells[i%len(cells)]
		if c.Focused() != want {
			t.Fatalf("Tab %d: focus on %T, want cell %d", i, c.Focused(), i%len(cells))
		}
		evidenceInView(t, d, want, fmt.Sprintf("Tab %d", i))
		press(w.Win, fyne.KeyTab, 0)
	}
	for i := len(cells); i >= 0; i-- {
		press(w.Win, fyne.KeyTab, shift)
		want := cells[(i+len(cells))%len(cells)]
		if c.Focused() != want {
			t.Fatalf("Shift+Tab to %d: focus on %T", i, c.Focused())
		}
		evidenceInView(t, d, want, fmt.Sprintf("Shift+Tab %d", i))
	}
	// Blank rows added and left so are not kept: nothing changed, and no 撤销 step is left.
	steps := len(w.historyOf().undo)
	press(w.Win, fyne.KeyEscape, 0)
	if w.Doc.Projects[0].FundsEvidence != nil || len(w.historyOf().undo) != steps-1 || w.Dirty {
		t.Errorf("blank rows kept: %v, undo steps %d of %d, dirty %v", w.Doc.Projects[0].FundsEvidence, len(w.historyOf().undo), steps, w.Dirty)
	}
}

// evidenceInView fails the test unless o lies whole in the dialog's scrolled view, and the
// view lies within the window.
func evidenceInView(t *testing.T, d *evidenceDialog, o fyne.Focusable, step string) {
	t.Helper()
	drv := fyne.CurrentApp().Driver()
	obj := o.(fyne.CanvasObject)
	top := drv.AbsolutePositionForObject(d.scroll)
	y := drv.AbsolutePositionForObject(obj).Y - top.Y
	if y < 0 || y+obj.Size().Height > d.scroll.Size().Height {
		t.Fatalf("%s: the cell is at %.0f–%.0f, outside the view 0–%.0f", step, y, y+obj.Size().Height, d.scroll.Size().Height)
	}
	win := d.w.Win.Canvas().Size()
	if top.Y < 0 || top.Y+d.scroll.Size().Height > win.Height || top.X+d.scroll.Size().Width > win.Width {
		t.Fatalf("%s: the dialog's view %v+%v leaves the window %v", step, top, d.scroll.Size(), win)
	}
}

// TestEvidenceSaved: the lists of an indicator, the unit's 收支情况 and a project's funds are
// saved and read back, and their buttons count them when the file is opened again.
func TestEvidenceSaved(t *testing.T) {
	w, path := evidenceWindow(t, fyne.NewSize(1400, 900), "")
	w.Tabs.Select(w.Unit.item())
	w.Unit.ensure()
	for _, b := range []fyne.Tappable{w.Unit.Evidence, w.Unit.Tree.Rows[forms.RowPath{}].Evidence} {
		d := openEvidence(t, w, b)
		test.Tap(d.Add)
		test.Type(d.Rows[0].Name, "单位材料")
		press(w.Win, fyne.KeyEscape, 0)
	}
	w.Tabs.Select(w.Project(0).item())
	d := openEvidence(t, w, w.Projects[0].Evidence)
	test.Tap(d.Add)
	test.Type(d.Rows[0].Name, "资金文件")
	test.Type(d.Rows[0].Pages, "3")
	press(w.Win, fyne.KeyEscape, 0)
	w.Save()
	settle(w)
	if w.Dirty {
		t.Fatalf("not saved: %s", dialogText(w))
	}
	again := NewForFile(test.NewTempApp(t), path)
	if !reflect.DeepEqual(again.Doc, w.Doc) {
		t.Fatal("the document read back differs from the one saved")
	}
	if got := again.Doc.Projects[0].FundsEvidence; !reflect.DeepEqual(got, []forms.Evidence{{Name: "资金文件", Pages: "3"}}) {
		t.Errorf("funds evidence read back %+v", got)
	}
	again.Unit.ensure()
	for what, b := range map[string]string{"收支": again.Unit.Evidence.Text, "指标": again.Unit.Tree.Rows[forms.RowPath{}].Evidence.Text,
		"项目资金": again.Project(0).Evidence.Text} {
		if b != "佐证 1" {
			t.Errorf("%s button reads %q", what, b)
		}
	}
}

// TestEvidenceMoveRemove: 上移 moves an item and leaves the cursor in it; 删除 of an item with
// text asks first (Enter answers), then the cursor is in the row that took its place, so that
// Esc still closes the dialog; Ctrl+Z takes the whole opening back.
func TestEvidenceMoveRemove(t *testing.T) {
	w, _ := evidenceWindow(t, fyne.NewSize(1400, 900), "")
	w.Tabs.Select(w.Unit.item())
	d := openEvidence(t, w, w.Unit.Evidence)
	test.Tap(d.Add)
	test.Type(d.Rows[0].Name, "甲")
	test.Tap(d.Add)
	test.Type(d.Rows[1].Name, "乙")
	test.Tap(d.Rows[1].Up)
	names := func() (out []string) {
		for _, e := range w.Doc.Unit.BudgetEvidence {
			out = append(out, e.Name)
		}
		return out
	}
	c := w.Win.Canvas()
	if got := names(); !reflect.DeepEqual(got, []string{"乙", "甲"}) || c.Focused() != d.Rows[0].Name {
		t.Fatalf("上移: %v, focus on %T", got, c.Focused())
	}
	test.Tap(d.Rows[0].Remove)
	press(w.Win, fyne.KeyReturn, 0)
	if got := names(); !reflect.DeepEqual(got, []string{"甲"}) || c.Focused() != d.Rows[0].Name || w.evidence == nil {
		t.Fatalf("删除: %v, focus on %T, dialog %v", got, c.Focused(), w.evidence != nil)
	}
	press(w.Win, fyne.KeyEscape, 0)
	if hasDialog(w) {
		t.Fatal("Esc after 删除 leaves the dialog open")
	}
	press(w.Win, fyne.KeyZ, ctrl)
	if w.Doc.Unit.BudgetEvidence != nil {
		t.Errorf("Ctrl+Z leaves %v", names())
	}
}

// TestEvidenceDocumentReplaced: a window shortcut that replaces the document under the open
// dialog (here 从上年复制's new document) closes it, and a key left for one of its cells writes
// nothing into the new document.
func TestEvidenceDocumentReplaced(t *testing.T) {
	w, _ := evidenceWindow(t, fyne.NewSize(1400, 900), "")
	d := openEvidence(t, w, w.Projects[0].Evidence)
	test.Tap(d.Add)
	cell := d.Rows[0].Name
	test.Type(cell, "甲")
	if err := w.startFromLastYear(fileSample); err != nil {
		t.Fatal(err)
	}
	if w.evidence != nil || hasDialog(w) {
		t.Fatal("the dialog stays open over another document")
	}
	test.Type(cell, "乙")
	if got := w.Doc.Projects[0].FundsEvidence; got != nil {
		t.Errorf("the new document got %+v", got)
	}
}

// TestEvidenceRecovered: what is typed into the open dialog is in the recovery copy taken
// meanwhile, and comes back after a crash.
func TestEvidenceRecovered(t *testing.T) {
	useRecoveryDir(t)
	path := sampleCopy(t)
	w := NewForFile(test.NewTempApp(t), path)
	w.Tabs.Select(w.Project(0).item())
	d := openEvidence(t, w, w.Projects[0].Evidence)
	test.Tap(d.Add)
	test.Type(d.Rows[0].Name, "租赁合同")
	w.autosave() // as its timer does, the dialog still open
	settle(w)
	simulateCrash(w)
	w2 := NewForFile(test.NewTempApp(t), path)
	if w2.recoveryDialog == nil {
		t.Fatal("no recovery offered")
	}
	answerRecovery(t, w2, true)
	settle(w2)
	if got := w2.Doc.Projects[0].FundsEvidence; !reflect.DeepEqual(got, []forms.Evidence{{Name: "租赁合同"}}) {
		t.Fatalf("recovered %+v", got)
	}
}
