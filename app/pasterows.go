package app

import (
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// pasteRows reads a block of cells copied in Excel, WPS or LibreOffice (tab-separated text on
// the clipboard) as 三级 rows for the 二级 at (l1, l2), shows where each row goes and what is
// left out, and adds them when the user agrees: one step that 撤销 undoes.
func (t *treeEditor) pasteRows(l1, l2 int) {
	text := t.w.App.Clipboard().Content()
	if strings.TrimSpace(text) == "" {
		dialog.ShowInformation("粘贴表格行", "剪贴板是空的：请先在 Excel 或 WPS 中选中指标所在的单元格并复制（"+keyText("Ctrl+C")+"）。", t.w.Win)
		return
	}
	var reading *forms.TableReading
	var err error
	read := func() { reading, err = forms.ReadIndicatorTable(forms.ParseTSV(text), "粘贴的内容") }
	if len(text) < pasteInBackground {
		read()
		t.showPaste(reading, err, l1, l2)
		return
	}
	t.w.backgroundCancelable("粘贴表格行", fmt.Sprintf("正在读取剪贴板中的 %.1f MB 内容，请稍候…", float64(len(text))/(1<<20)),
		read, func() { t.showPaste(reading, err, l1, l2) })
}

// pasteInBackground is the clipboard size from which 粘贴表格行 reads it off the window's
// goroutine, with 取消: a block copied from a whole worksheet (the readers stop at
// forms.MaxTableCells, after about 0.2 s for 60 MB).
const pasteInBackground = 1 << 20

// showPaste shows what reading the clipboard gave: why it cannot be pasted, or where each row
// goes, and adds the rows when the user agrees.
func (t *treeEditor) showPaste(reading *forms.TableReading, err error, l1, l2 int) {
	if err != nil {
		dialog.ShowInformation("无法粘贴", err.Error()+"。\n\n请复制表格中的指标行（可以连同标题行一起复制，程序按列名识别各列；"+
			"没有标题行时按打印表的列序：运算符号、内容、度量单位、年度指标值、全年完成值……）。", t.w.Win)
		return
	}
	if tree := t.tree(); l1 >= len(tree) || l2 >= len(tree[l1].Children) { // removed while reading
		dialog.ShowInformation("无法粘贴", "要粘贴到的二级指标已被删除。", t.w.Win)
		return
	}
	plan, err := planPaste(t.tree(), reading, l1, l2)
	if err != nil {
		dialog.ShowError(err, t.w.Win)
		return
	}
	t.PastePreview = widget.NewLabel(pasteSummary(reading, plan))
	t.PastePreview.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(t.PastePreview)
	scroll.SetMinSize(fyne.NewSize(640, 360))
	var body fyne.CanvasObject = scroll
	t.PasteOthers = nil
	if n := len(plan.others); n > 0 {
		// checked: a project pasted whole must not stay 未完成 for rows nobody filled in
		t.PasteOthers = widget.NewCheck(fmt.Sprintf("同时删除其他二级指标下 %d 个未填写的模板行（否则本表停在“未完成”）", n), nil)
		t.PasteOthers.SetChecked(true)
		body = container.NewBorder(nil, t.PasteOthers, nil, nil, scroll)
	}
	d := dialog.NewCustomConfirm("粘贴表格行", "粘贴", "取消", body, func(ok bool) {
		if ok {
			t.applyPaste(reading, l1, l2, t.PasteOthers != nil && t.PasteOthers.Checked)
		}
	}, t.w.Win)
	t.pasteDialog = d
	d.Show()
}

// applyPaste adds the rows read to the tree in place of the untouched rows of the 二级 they
// land in (forms.Tree.PlaceReplacing), and with others removes the template rows left in the
// other 二级 (forms.Tree.TemplateRows), as one step of the undo history. A pasted 得分 equal to
// the rules' suggestion is the suggestion, not 手工调整, as in an import
// (forms.Document.SettleManual).
func (t *treeEditor) applyPaste(reading *forms.TableReading, l1, l2 int, others bool) {
	t.w.record()
	tree := t.tree()
	before := indicatorsOf(tree)
	tree.PlaceReplacing(reading.Rows, l1, l2)
	if others {
		rows := tree.TemplateRows()
		for i := len(rows) - 1; i >= 0; i-- { // from the last, so the paths before stay good
			tree.RemoveRow(rows[i])
		}
	}
	scored := map[*forms.Indicator]bool{}
	tree.Each(func(_ forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
		if !before[in] && in.Manual {
			scored[in] = true
		}
	})
	t.w.Doc.SettleManual(scored)
	if err := t.w.Doc.CheckLimits(); err != nil { // the file would not open again
		t.w.Undo()
		h := t.w.historyOf()
		h.redo = h.redo[:len(h.redo)-1]
		dialog.ShowInformation("无法粘贴", "粘贴后"+err.Error()+"，没有粘贴：请分几次粘贴较少的行，或精简文字。", t.w.Win)
		return
	}
	t.restructure(nil)
}

// pastePlan is what a paste will do, worked out on a copy of the tree.
type pastePlan struct {
	lines, notes []string // each row and where it goes; rows placed elsewhere than named, or refused
	replaced     int      // the untouched rows of the 二级 the rows land in, which they replace
	others       []string // the template rows left in the other 二级, which keep the form incomplete
}

// planPaste places the rows in a copy of tree as the paste will, and says what it did.
func planPaste(tree forms.Tree, reading *forms.TableReading, l1, l2 int) (*pastePlan, error) {
	data, err := json.Marshal(tree)
	if err != nil {
		return nil, err
	}
	var dup forms.Tree
	if err := json.Unmarshal(data, &dup); err != nil {
		return nil, err
	}
	before := indicatorsOf(dup)
	plan := &pastePlan{}
	plan.notes, plan.replaced = dup.PlaceReplacing(reading.Rows, l1, l2)
	n := 0
	dup.Each(func(p forms.RowPath, a *forms.Level1, b *forms.Level2, in *forms.Indicator) {
		if before[in] {
			return
		}
		n++
		plan.lines = append(plan.lines, fmt.Sprintf("%d. %s：%s", n, forms.IndicatorRowName(a, b, p.Row), rowGist(in)))
	})
	for _, p := range dup.TemplateRows() {
		plan.others = append(plan.others, forms.IndicatorRowName(dup[p.L1], dup[p.L1].Children[p.L2], p.Row)+"（分值 "+dup.Row(p).Weight+"）")
	}
	return plan, nil
}

// indicatorsOf is the set of tree's rows, to tell the rows a paste adds.
func indicatorsOf(tree forms.Tree) map[*forms.Indicator]bool {
	set := map[*forms.Indicator]bool{}
	tree.Each(func(_ forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) { set[in] = true })
	return set
}

// rowGist is one line naming what a pasted row holds.
func rowGist(in *forms.Indicator) string {
	var parts []string
	for _, f := range []struct{ name, v string }{
		{"内容", in.Content}, {"运算符号", string(in.Op)}, {"指标值", in.Target}, {"单位", in.Unit},
		{"完成值", in.Actual}, {"分值", in.Weight}, {"得分", in.Score},
	} {
		if v := strings.TrimSpace(f.v); v != "" {
			parts = append(parts, f.name+" "+shortName(v, 30))
		}
	}
	if len(parts) == 0 {
		return "（只有原因、措施或勾选）"
	}
	return strings.Join(parts, "，")
}

// pasteSummary is the preview's text: the columns read, the rows and where they go, the
// untouched rows they replace, the template rows left elsewhere, what is left out, and the
// weights noted in the table's 一级/二级 labels that its rows do not add up to.
func pasteSummary(reading *forms.TableReading, plan *pastePlan) string {
	var cols []string
	for i, c := range reading.Columns {
		if c != forms.ColumnNone {
			cols = append(cols, fmt.Sprintf("第 %d 列→%s", i+1, c.Label()))
		}
	}
	how := "没有标题行，按打印表的列序读取"
	switch {
	case reading.HeaderRows == 2:
		how = fmt.Sprintf("第 %d–%d 行是标题行，按列名读取", reading.HeaderLine, reading.HeaderLine+1)
	case reading.Header:
		how = fmt.Sprintf("第 %d 行是标题行，按列名读取", reading.HeaderLine)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s：%s。\n\n将加入 %d 行：\n%s", how, strings.Join(cols, "，"), len(plan.lines), strings.Join(plan.lines, "\n"))
	if plan.replaced > 0 {
		fmt.Fprintf(&b, "\n\n将替换 %d 个未填写的模板行（这些二级指标下除默认分值外什么也没填的行）。", plan.replaced)
	}
	if len(plan.others) > 0 {
		fmt.Fprintf(&b, "\n\n其他二级指标下未填写的模板行（见下方选项）：\n%s", strings.Join(plan.others, "\n"))
	}
	if left := append(append([]string{}, reading.Ignored...), plan.notes...); len(left) > 0 {
		fmt.Fprintf(&b, "\n\n未导入或另行放置：\n%s", strings.Join(left, "\n"))
	}
	if notes := reading.WeightNotes(); len(notes) > 0 { // the table's own sums, as pasted; the checks judge the form
		fmt.Fprintf(&b, "\n\n表中注明的分值与各行不符（照原样粘贴，请核对）：\n%s", strings.Join(notes, "\n"))
	}
	b.WriteString("\n\n粘贴后可用“编辑 › 撤销”（" + keyText("Ctrl+Z") + "）一步撤回。")
	return b.String()
}

// pasteRowsHere is 编辑 › 粘贴表格行 (Ctrl+Shift+V): the rows go to the 二级 of the indicator
// field that has the focus.
func (w *Window) pasteRowsHere() {
	focused := w.Win.Canvas().Focused()
	var trees []*treeEditor
	if w.Unit != nil && w.Unit.Tree != nil {
		trees = append(trees, w.Unit.Tree)
	}
	for _, p := range w.Projects {
		if p.Tree != nil {
			trees = append(trees, p.Tree)
		}
	}
	for _, t := range trees {
		for _, f := range t.b.fields {
			if fyne.Focusable(f.entry) == focused && f.loc.Section == forms.SecIndicators {
				t.pasteRows(f.loc.Path.L1, f.loc.Path.L2)
				return
			}
		}
	}
	dialog.ShowInformation("粘贴表格行", "请先点击要粘贴到的二级指标中的任一栏目，再按 "+keyText("Ctrl+Shift+V")+"；或者点击该二级指标下的“粘贴表格行”按钮。", w.Win)
}
