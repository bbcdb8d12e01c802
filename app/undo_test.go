package app

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"ziping/forms"
	"ziping/storage"
)

// TestUndoStructuralChanges: adding a row and typing into it, then removing a project, are
// undone step by step back to the document as it was, and redone.
func TestUndoStructuralChanges(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	before, _ := forms.Marshal(w.Doc)
	ed := projectTree(w, 1)
	r := addTreeRow(t, ed, 0, 0)
	test.Type(r.Content, "参保人数")
	w.RemoveProject(3)
	if len(w.Doc.Projects) != 3 || !w.CanUndo() {
		t.Fatalf("%d projects, can undo %v", len(w.Doc.Projects), w.CanUndo())
	}
	w.Undo()
	if len(w.Doc.Projects) != 4 || w.Doc.Projects[1].Indicators[0].Children[0].Rows[1].Content != "参保人数" {
		t.Fatal("undoing the removal did not bring the project back with the typed row")
	}
	w.Undo()
	if after, _ := forms.Marshal(w.Doc); !bytes.Equal(after, before) || w.CanUndo() {
		t.Fatalf("after two undos the document differs from the sample (can undo %v)", w.CanUndo())
	}
	if w.Dirty { // the sample is as this version writes it (TestUndoToSavedState)
		t.Error("back to the file as opened, the document is still marked unsaved")
	}
	w.Redo()
	w.Redo()
	if len(w.Doc.Projects) != 3 || w.CanRedo() {
		t.Fatalf("after two redos: %d projects", len(w.Doc.Projects))
	}
	// A new document starts a new history.
	w.Dirty = false // no question about unsaved changes
	w.New()
	if w.CanUndo() {
		t.Error("a new document inherits the history")
	}
}

// TestUndoShortcutInEntry: Ctrl+Z with an entry focused undoes typing in the entry, not the
// document's last structural change.
func TestUndoShortcutInEntry(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	w.Tabs.Select(w.Project(0).item())
	ed := projectTree(w, 0)
	r := addTreeRow(t, ed, 0, 0)
	test.Type(r.Content, "甲")
	w.Win.Canvas().Focus(r.Content)
	if w.Win.Canvas().Focused() != r.Content {
		t.Fatal("the entry cannot take the focus")
	}
	w.undoStep(false)
	if r.Content.Text != "" || len(ed.tree()[0].Children[0].Rows) != 2 {
		t.Fatalf("entry %q, %d rows", r.Content.Text, len(ed.tree()[0].Children[0].Rows))
	}
	w.Win.Canvas().Unfocus()
	w.undoStep(false)
	if n := len(w.Doc.Projects[0].Indicators[0].Children[0].Rows); n != 1 {
		t.Fatalf("document undo left %d rows", n)
	}
}

// TestPasteRowsFromSpreadsheet: a block copied from a spreadsheet with a header row is
// previewed, added under the 二级 its rows name (a blank one repeating the row above, as
// merged cells come out), and undone in one step.
func TestPasteRowsFromSpreadsheet(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewForFile(a, fileSample)
	before, _ := forms.Marshal(w.Doc)
	ed := projectTree(w, 1)
	a.Clipboard().SetContent("二级指标\t三级指标\t运算符号\t指标值\t全年完成值\t分值\t得分\t原因说明\r\n" +
		"质量指标\t业务差错率\t≤\t1%\t0.5%\t13\t\t\"无\r\n差错\"\r\n" +
		"\t参保人数\t≥\t5000人\t5200人\t13\t\t\r\n")
	ed.pasteRows(0, 0)
	if ed.pasteDialog == nil || !strings.Contains(ed.PastePreview.Text, "产出指标 › 质量指标 › 指标 2：内容 业务差错率") ||
		!strings.Contains(ed.PastePreview.Text, "产出指标 › 质量指标 › 指标 3：内容 参保人数") { // a blank 二级 cell repeats the one above (merged cells)
		t.Fatalf("preview:\n%v", ed.PastePreview)
	}
	if !treeDialogTap(w, "粘贴") {
		t.Fatal("no 粘贴 button")
	}
	tree := w.Doc.Projects[1].Indicators
	q := tree.Row(forms.RowPath{L1: 0, L2: 1, Row: 1})
	if q == nil || q.Content != "业务差错率" || q.Op != forms.OpLE || q.Reason != "无\n差错" {
		t.Fatalf("pasted row %+v", q)
	}
	if r := ed.results(w.Eval).At(forms.RowPath{L1: 0, L2: 1, Row: 1}); !r.HasScore || forms.FormatScore(r.Score) != "13" {
		t.Errorf("the pasted ≤ row is not scored: %+v", r)
	}
	w.Undo()
	if after, _ := forms.Marshal(w.Doc); !bytes.Equal(after, before) {
		t.Fatal("undo did not remove the pasted rows in one step")
	}
}

// TestTextLimitInTheEditor: typing that would take the document past forms.MaxTextRunes is
// refused, so a saved document always opens again.
func TestTextLimitInTheEditor(t *testing.T) {
	w := newTreeTestWindow(t)
	r := addTreeRow(t, projectTree(w, 0), 0, 0)
	w.textRunes = forms.MaxTextRunes - 2
	r.Reason.SetText("一二")
	r.Reason.SetText("一二三")
	if r.in.Reason != "一二" {
		t.Fatalf("the text over the document's limit was taken: %q", r.in.Reason)
	}
	w.changed()
	if w.textRunes != w.Doc.TextRunes() {
		t.Fatalf("count %d, document %d", w.textRunes, w.Doc.TextRunes())
	}
}

// TestUndoToSavedState: undoing every change since the file was opened, or since it was saved,
// leaves nothing unsaved (the status bar and title say so); any other state is unsaved.
func TestUndoToSavedState(t *testing.T) {
	w := fileWindow(t)
	path := filepath.Join(t.TempDir(), "doc.zpb")
	doc, err := storage.Load(fileSample)
	if err != nil {
		t.Fatal(err)
	}
	if err := storage.Save(path, doc); err != nil { // as this version writes it
		t.Fatal(err)
	}
	w.Open(path)
	unsaved := func(step string, want bool) {
		t.Helper()
		status, title := strings.Contains(w.Status.Text, "未保存"), strings.Contains(w.Win.Title(), "*")
		if w.Dirty != want || status != want || title != want {
			t.Fatalf("%s: dirty %v, status %q, title %q; want unsaved %v", step, w.Dirty, w.Status.Text, w.Win.Title(), want)
		}
	}
	unsaved("打开", false)
	test.Tap(w.Unit.Goals.Add)
	unsaved("添加目标", true)
	w.Undo()
	unsaved("撤销到打开时", false)
	w.Redo()
	unsaved("重做", true)

	w.Save()
	settle(w)
	unsaved("保存", false)
	w.AddProject()
	w.Undo()
	unsaved("撤销添加项目到保存时", false)
	w.Undo()
	unsaved("撤销到保存之前", true) // the file holds the added goal
	w.Redo()
	unsaved("重做到保存时", false)
}

// TestPasteReplacesTemplateRows: rows copied from a colleague's project, pasted into a new
// one, take the place of its empty starting rows (指标 1 with the default 分值 in every 二级),
// the preview says so, the project is complete once its funds are in, and one 撤销 brings the
// starting rows back.
func TestPasteReplacesTemplateRows(t *testing.T) {
	a := test.NewTempApp(t)
	w := New(a)
	w.AddProject()
	before, _ := forms.Marshal(w.Doc)
	ed := projectTree(w, 0)
	lines := []string{"一级指标\t二级指标\t三级指标\t运算符号\t指标值\t全年完成值\t分值\t得分"}
	for _, r := range []string{"产出\t数量\t办件数量\t≥\t100\t100\t13", "产出\t质量\t办结率\t≥\t95%\t98%\t13",
		"产出\t时效\t按时办结率\t≥\t95%\t96%\t12", "产出\t成本\t成本控制\t≤\t600\t590\t12",
		"效益\t经济效益\t节约资金\t≥\t10\t10\t10", "效益\t社会效益\t群众知晓率\t≥\t90%\t92%\t10",
		"效益\t可持续影响\t长效机制\t\t健全\t健全\t10\t10", "满意度\t服务对象满意度\t满意度\t≥\t90%\t95%\t10"} {
		lines = append(lines, r+"\t")
	}
	a.Clipboard().SetContent(strings.Join(lines, "\r\n"))
	ed.pasteRows(0, 0)
	if ed.pasteDialog == nil || !strings.Contains(ed.PastePreview.Text, "将替换 8 个未填写的模板行") ||
		!strings.Contains(ed.PastePreview.Text, "产出指标 › 数量指标 › 指标 1：内容 办件数量") {
		t.Fatalf("preview:\n%v", ed.PastePreview.Text)
	}
	if !treeDialogTap(w, "粘贴") {
		t.Fatal("no 粘贴 button")
	}
	p := w.Doc.Projects[0]
	p.Indicators.Each(func(rp forms.RowPath, _ *forms.Level1, b *forms.Level2, in *forms.Indicator) {
		if rp.Row > 0 || in.Content == "" {
			t.Errorf("%s holds row %d %+v: want the pasted row alone", b.Name, rp.Row, in)
		}
	})
	w.Undo()
	if after, _ := forms.Marshal(w.Doc); !bytes.Equal(after, before) {
		t.Fatal("one 撤销 does not bring the starting rows back")
	}
	w.Redo()
	p = w.Doc.Projects[0]
	p.FundRow("T").Full, p.FundRow("T").Actual = "600", "590"
	w.changed()
	if r := w.Eval.Projects[0]; !r.Complete || r.TotalShown() == "" {
		t.Errorf("the project with every pasted row scored is not complete: %+v", r)
	}
}

// offersToRemoveOthers fails the test unless the paste preview of a new project's 数量指标
// says it replaces that 二级's starting row and offers, ticked, to remove the 7 others.
func offersToRemoveOthers(t *testing.T, ed *treeEditor) {
	t.Helper()
	if ed.PasteOthers == nil || !ed.PasteOthers.Checked || !strings.Contains(ed.PasteOthers.Text, "7 个未填写的模板行") ||
		!strings.Contains(ed.PastePreview.Text, "将替换 1 个未填写的模板行") ||
		!strings.Contains(ed.PastePreview.Text, "效益指标 › 可持续影响指标 › 指标 1（分值 10）") {
		t.Fatalf("preview:\n%s\noption %+v", ed.PastePreview.Text, ed.PasteOthers)
	}
}

// TestPasteRemovesTemplateRowsElsewhere: rows pasted into one 二级 of a new project replace its
// starting row, and the preview offers, ticked, to remove the starting rows of the other 二级
// too (they would keep the project 未完成); unticked, they stay. A template row left over is
// deleted without a question (nothing typed in it is lost).
func TestPasteRemovesTemplateRowsElsewhere(t *testing.T) {
	for _, remove := range []bool{true, false} {
		a := test.NewTempApp(t)
		w := New(a)
		w.AddProject()
		ed := projectTree(w, 0)
		a.Clipboard().SetContent("≥\t办件数量\t件\t100\t100\t\t13\r\n≥\t服务人次\t人次\t50\t60\t\t0\r\n")
		ed.pasteRows(0, 0)
		offersToRemoveOthers(t, ed)
		ed.PasteOthers.SetChecked(remove)
		if !treeDialogTap(w, "粘贴") {
			t.Fatal("no 粘贴 button")
		}
		tree := w.Doc.Projects[0].Indicators
		if rows := tree[0].Children[0].Rows; len(rows) != 2 || rows[0].Content != "办件数量" {
			t.Fatalf("数量指标 holds %+v, want the two pasted rows", rows)
		}
		if left := len(tree.TemplateRows()); (remove && left != 0) || (!remove && left != 7) {
			t.Fatalf("option %v: %d template rows left", remove, left)
		}
		if remove {
			continue
		}
		ed.Rows[forms.RowPath{L1: 2}].Remove.OnTapped() // 满意度's starting row
		if top := w.Win.Canvas().Overlays().Top(); top != nil || len(tree[2].Children[0].Rows) != 0 {
			t.Errorf("deleting a template row asks first (%v) or leaves it (%d rows)", top != nil, len(tree[2].Children[0].Rows))
		}
	}
}
