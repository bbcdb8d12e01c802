package app

import (
	"fmt"

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

	Name, Department, Implementer, Period *widget.Entry
	Funds                                 map[string]*amountRow
	FundsWeight                           *widget.Entry
	D                                     *widget.Label
	Goals                                 *goalsEditor
	Tree                                  *treeEditor
	Totals                                *widget.Label
	Remove                                *widget.Button
}

var fundWeights = []float32{5, 2, 2, 2, 1.2, 1.3, 1.3}

// newProjectTab returns the tab of project i without its editors: they are built when the tab
// is first shown (ensure), so that opening a document with many projects stays quick.
func newProjectTab(w *Window, i int) *projectTab {
	p := &projectTab{w: w, index: i}
	p.tab = container.NewTabItemWithIcon(tabTitle(w.Doc.Projects[i]), theme.DocumentIcon(), widget.NewLabel(""))
	return p
}

// ensure builds the tab's editors if they are not built yet.
func (p *projectTab) ensure() *projectTab {
	if p.b != nil {
		return p
	}
	w, i := p.w, p.index
	p.b, p.Funds = newBinder(w, i), map[string]*amountRow{}
	proj := w.Doc.Projects[i]
	p.Goals = newGoalsEditor(w, &proj.Goals, i, "年初设定目标", "全年实际完成情况")
	p.Tree = newTreeEditor(w, i, false)
	p.Totals = p.b.computedLabel(func(ev *forms.Evaluation) string {
		r := ev.Projects[i]
		return fmt.Sprintf("产出、效益、满意度指标自评得分小计（C）：%s　　预算执行率得分（D）：%s　　绩效自评总得分（C+D）：%s　　等级：%s",
			pending(r.CText()), dashIfEmpty(r.DText()), pending(r.TotalText()), pending(r.Rating()))
	})
	p.Totals.TextStyle.Bold = true
	p.Totals.Wrapping = fyne.TextWrapWord
	title := p.b.computedLabel(func(*forms.Evaluation) string { return w.Doc.ProjectTitle() })
	title.Alignment, title.TextStyle.Bold = fyne.TextAlignCenter, true
	p.Remove = widget.NewButtonWithIcon("删除此项目", theme.DeleteIcon(), func() { w.closeTab(p.tab) })
	body := container.NewVBox(
		title,
		p.header(proj),
		card("项目预算资金（万元）", p.funds(proj)...),
		card("年度总体目标", p.Goals.content),
		card("绩效指标", p.Tree.content),
		p.Totals,
		container.NewHBox(p.Remove),
	)
	p.Scroll = container.NewVScroll(body)
	p.tab.Content = p.Scroll
	if w.Eval != nil {
		p.refresh(w.Eval, w.marks)
	}
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
	r := []rune(p.Name)
	switch {
	case len(r) == 0:
		return "未命名项目"
	case len(r) > 12:
		return string(r[:11]) + "…"
	}
	return p.Name
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
func (p *projectTab) entryAt(loc forms.Location) *widget.Entry {
	p.ensure()
	return findEntry(loc, p.b, p.Goals.b, treeBinder(p.Tree))
}

func (p *projectTab) header(proj *forms.ProjectForm) fyne.CanvasObject {
	loc := func(f string) forms.Location {
		return forms.Location{Form: p.index, Section: forms.SecHeader, Index: -1, Field: f}
	}
	p.Name = p.b.entry(&proj.Name, loc("name"), "项目（政策）名称")
	p.Department = p.b.entry(&proj.Department, loc("department"), "主管部门")
	p.Implementer = p.b.entry(&proj.Implementer, loc("implementer"), "实施单位")
	p.Period = p.b.entry(&proj.Period, loc("period"), "如 2021 年 1 月 - 2021 年 12 月")
	return widget.NewForm(
		widget.NewFormItem("项目（政策）名称", p.Name),
		widget.NewFormItem("主管部门", p.Department),
		widget.NewFormItem("实施单位", p.Implementer),
		widget.NewFormItem("实施期", p.Period),
	)
}

// funds is 项目预算资金: the total row carries 分值 and D; the source rows print "——" there.
func (p *projectTab) funds(proj *forms.ProjectForm) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{row(fundWeights, head("项目预算资金"), head("年初预算数"), head("全年预算数\n（A）"),
		head("全年执行数\n（B）"), head("分值"), head("执行率\n（B/A）"), head("得分\n（分值*B/A）"))}
	for _, def := range forms.ProjectFundRows {
		res := func(ev *forms.Evaluation) *forms.AmountResult { return ev.Projects[p.index].Funds[def.ID] }
		loc := forms.Location{Form: p.index, Section: forms.SecBudget, RowID: def.ID, Index: -1}
		r, cells := p.b.amountEditors(&proj.FundRow(def.ID).Amounts, loc, res, def.IsSubtotal())
		p.Funds[def.ID] = r
		rate := cells[3]
		weight, score := fyne.CanvasObject(centred("——")), fyne.CanvasObject(centred("——"))
		name := cellLabel(def.Label)
		if def.ID == "T" {
			wl := loc
			wl.Field = "weight"
			p.FundsWeight = p.b.entry(&proj.FundsWeight, wl, "10")
			p.D = p.b.computedLabel(func(ev *forms.Evaluation) string { return ev.Projects[p.index].DText() })
			p.D.Alignment = fyne.TextAlignCenter
			weight, score = p.FundsWeight, p.D
			name.TextStyle.Bold = true
		}
		objs = append(objs, row(fundWeights, name, cells[0], cells[1], cells[2], weight, rate, score))
	}
	return objs
}

func centred(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{})
}
