package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// projectTab edits one 预算项目（政策）绩效目标自评表 in the printed order. Its tab title follows
// the project name. Exported fields are handles for tests.
type projectTab struct {
	w      *Window
	index  int
	tab    *container.TabItem
	b      *binder
	Scroll *container.Scroll
	tips   *tipLayer // the sentences of problem marks, over the editors (marktip.go)

	// Layout describes the fields the tab shows: those of the document's 表式 when the editors
	// were built (forms.Template.Layout), so that the tab needs no branch on the template.
	Layout *forms.ProjectLayout

	Name, Department, Implementer, Period *fieldEntry // Period is nil when the 表式 prints no 实施期
	Funds                                 map[string]*amountRow
	FundsWeight                           *fieldEntry
	D                                     *widget.Label
	Goals                                 *goalsEditor
	Tree                                  *treeEditor
	Totals                                *widget.Label
	Conclusion, Issues                    *fieldEntry // nil when the 表式 prints no 评价结论
	Remove                                *widget.Button
	Evidence                              *widget.Button // 佐证 N of the funds (evidence.go)

	// offset is where the tab was scrolled to when its editors were dropped (release), nil
	// when it was not or it was shown since.
	offset *fyne.Position
}

var fundWeights = []float32{4.6, 2, 2, 2, 1.2, 1.3, 1.7} // 得分（分值*B/A） on two lines at 1024 px

// newProjectTab returns the tab of project i without its editors: they are built when the tab
// is first shown (ensure), so that opening a document with many projects stays quick.
func newProjectTab(w *Window, i int) *projectTab {
	p := &projectTab{w: w, index: i}
	// No icon: Fyne decodes a tab's icon again at every refresh of the tab bar (tabswitch.go).
	p.tab = container.NewTabItem(tabTitle(w.Doc.Projects[i]), placeholder())
	return p
}

// reset drops the tab's editors, to be built again (for another 表式); the tab that is shown
// builds them at once.
func (p *projectTab) reset() {
	if p.b == nil {
		return
	}
	*p = projectTab{w: p.w, index: p.index, tab: p.tab} // no handle of the old editors stays
	if p.w.Tabs.Selected() == p.tab {
		p.w.showSelected()
	}
}

// release drops the editors of a tab that is not shown, to free their memory (tabswitch.go);
// showing the tab builds them again, scrolled to where they were.
func (p *projectTab) release() {
	if p.b == nil {
		return
	}
	off := p.Scroll.Offset
	*p = projectTab{w: p.w, index: p.index, tab: p.tab, offset: &off}
}

// ensure builds the tab's editors if they are not built yet.
func (p *projectTab) ensure() *projectTab {
	if p.b != nil {
		return p
	}
	w, i := p.w, p.index
	p.b, p.Funds = newBinder(w, i), map[string]*amountRow{}
	p.Layout = w.Doc.Settings.TemplateOf().Layout()
	proj := w.Doc.Projects[i]
	p.Goals = newGoalsEditor(w, &proj.Goals, i, p.Layout.Expected, p.Layout.Actual)
	p.Tree = newTreeEditor(w, i, false)
	p.Totals = p.b.computedLabel(p.totalsText)
	p.Totals.TextStyle.Bold = true
	p.Totals.Wrapping = fyne.TextWrapWord
	title := p.b.computedLabel(func(*forms.Evaluation) string { return p.title() })
	title.Alignment, title.TextStyle.Bold = fyne.TextAlignCenter, true
	title.Wrapping = fyne.TextWrapWord // a long 单位简称 wraps, never widens the window
	p.Remove = widget.NewButtonWithIcon("删除此项目", theme.DeleteIcon(), func() { w.closeTab(p.tab) })
	// The parts are gathered first: Container.Add lays the box out at once, which measures
	// every text in it (a long one wrapped at zero width) once per part.
	// The cards are drawn only while in view (virt.go).
	parts := []fyne.CanvasObject{title, p.header(proj), newVirtHolder(w, card(p.Layout.FundsTitle, append(p.funds(proj), container.NewHBox(p.fundsEvidence()))...)),
		newVirtHolder(w, card("年度总体目标", p.Goals.content)), newVirtHolder(w, card("绩效指标", p.Tree.content)), p.Totals}
	if p.Layout.Conclusion {
		parts = append(parts, newVirtHolder(w, card("评价结论和存在问题", p.conclusion(proj))))
	}
	body := container.NewVBox(append(parts, container.NewHBox(p.Remove))...)
	p.tips = newTipLayer()
	p.Scroll = p.tips.scrolled(body)
	virtualise(p.Scroll)
	if w.Eval != nil {
		p.refresh(w.Eval, w.marks)
	}
	w.keepBuilt(p)
	return p
}

// pending shows a total or grade that is blank because its form is not complete yet.
func pending(s string) string {
	if s == "" {
		return "未完成"
	}
	return s
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "——"
	}
	return s
}

// tabTitle is the project's name, shortened for the tab bar.
func tabTitle(p *forms.ProjectForm) string {
	r := []rune(forms.Shown(p.Name)) // a bidi override cannot reorder the tab bar's text
	switch {
	case len(r) == 0:
		return "未命名项目"
	case len(r) > 12:
		return string(r[:11]) + "…"
	}
	return string(r)
}

func (p *projectTab) item() *container.TabItem { return p.tab }

func (p *projectTab) refresh(ev *forms.Evaluation, marks map[forms.Location]forms.Problem) {
	if p.b != nil {
		p.b.refresh(ev, marks)
		p.Goals.refresh(ev, marks)
		p.Tree.refresh(ev, marks)
	}
	if t := tabTitle(p.w.Doc.Projects[p.index]); t != p.tab.Text {
		p.tab.Text = t
		p.w.Tabs.Refresh()
	}
}

// entryAt returns the editor of loc on this tab, or nil.
func (p *projectTab) entryAt(loc forms.Location) *fieldEntry {
	p.ensure()
	return findEntry(loc, p.b, p.Goals.b, treeBinder(p.Tree)) // 评价结论 and 存在问题 are in p.b
}

func (p *projectTab) header(proj *forms.ProjectForm) fyne.CanvasObject {
	loc := func(f string) forms.Location {
		return forms.Location{Form: p.index, Section: forms.SecHeader, Index: -1, Field: f}
	}
	name := p.Layout.NameLabel
	p.Name = p.b.entry(&proj.Name, loc("name"), name)
	p.Department = p.b.entry(&proj.Department, loc("department"), "主管部门")
	p.Implementer = p.b.entry(&proj.Implementer, loc("implementer"), "实施单位")
	items := []*widget.FormItem{
		widget.NewFormItem(name, p.Name),
		widget.NewFormItem("主管部门", p.Department),
		widget.NewFormItem("实施单位", p.Implementer),
	}
	if p.Layout.Period {
		p.Period = p.b.entry(&proj.Period, loc("period"), "如 2021 年 1 月 - 2021 年 12 月")
		items = append(items, widget.NewFormItem("实施期", p.Period))
	}
	return widget.NewForm(items...) // not Append, which lays out the form (and its long texts) at once
}

// funds is 项目预算资金: the total row carries 分值 and D; the source rows print "——" there. A
// 表式 that prints the source rows grouped has them so (groupedFunds).
func (p *projectTab) funds(proj *forms.ProjectForm) []fyne.CanvasObject {
	if p.Layout.FundGroups != nil {
		return p.groupedFunds(proj)
	}
	objs := []fyne.CanvasObject{row(fundWeights, head("项目预算资金"), head("年初预算数"), head("全年预算数\n（A）"),
		head("全年执行数\n（B）"), head("分值"), head("执行率\n（B/A）"), head("得分\n（分值*B/A）"))}
	for _, def := range forms.ProjectFundRows {
		objs = append(objs, p.fundRow(proj, def, def.Label))
	}
	return objs
}

// fundRow is the editor of the fund row def, named label: the total row carries 分值 and D;
// the source rows print "——" there.
func (p *projectTab) fundRow(proj *forms.ProjectForm, def forms.RowDef, label string) fyne.CanvasObject {
	res := func(ev *forms.Evaluation) *forms.AmountResult { return ev.Projects[p.index].Funds[def.ID] }
	loc := forms.Location{Form: p.index, Section: forms.SecBudget, RowID: def.ID, Index: -1}
	r, cells := p.b.amountEditors(&proj.FundRow(def.ID).Amounts, loc, res, def.IsSubtotal())
	p.Funds[def.ID] = r
	rate := cells[3]
	weight, score := fyne.CanvasObject(centred("——")), fyne.CanvasObject(centred("——"))
	name := cellLabel(label)
	if def.ID == "T" {
		wl := loc
		wl.Field = "weight"
		p.FundsWeight = p.b.entry(&proj.FundsWeight, wl, "10")
		p.D = p.b.computedLabel(func(ev *forms.Evaluation) string { return ev.Projects[p.index].DText() })
		p.D.Alignment = fyne.TextAlignCenter
		p.D.Wrapping = fyne.TextWrapBreak // as the 执行率 beside it (amountEditors)
		weight, score = p.FundsWeight, p.D
		name.TextStyle.Bold = true
	}
	return row(fundWeights, name, cells[0], cells[1], cells[2], weight, rate, score)
}

func centred(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{})
}
