package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// unitTab edits the 部门（单位）整体绩效自评表 and the document settings, in the printed order.
// Its exported fields are handles for tests.
type unitTab struct {
	w      *Window
	tab    *container.TabItem
	b      *binder
	Scroll *container.Scroll

	Settings                               *widget.Accordion // 文档设置, closed once 单位简称 is set
	Template                               *fieldSelect      // 表式 (template.go)
	Year, ShortName, Name, Staff, Subunits *fieldEntry
	Budget                                 map[string]*amountRow
	Tasks                                  *tasksEditor
	Goals                                  *goalsEditor
	Tree                                   *treeEditor
	Total                                  *widget.Label
	Rules                                  *ruleOptions   // 计分规则 in 文档设置 (ruleoptions.go)
	Report                                 *reportChoice  // 自评报告模板 in 文档设置 (report.go)
	Evidence                               *widget.Button // 佐证 N of the 收支 table (evidence.go)

	tips      *tipLayer       // the sentences of problem marks, over the editors (marktip.go)
	budgetBox *fyne.Container // the rows of the 收支 table
	// holder is the tab's content; Scroll goes into it after the tab bar is built (attach).
	holder *fyne.Container
	// rest holds the sections below the 收支 table (tasks, goals, the indicator tree, the
	// total); ensure builds them. Tasks, Goals, Tree and Total are nil until then.
	rest  *fyne.Container
	built bool // the lower sections are built
}

var budgetWeights = []float32{7, 2, 2, 2, 1.3}

func newUnitTab(w *Window) *unitTab {
	u := &unitTab{w: w, b: newBinder(w, -1), Budget: map[string]*amountRow{}, rest: container.NewVBox()}
	title := u.b.computedLabel(func(*forms.Evaluation) string { return w.Doc.UnitTitle() })
	title.Alignment, title.TextStyle.Bold = fyne.TextAlignCenter, true
	title.Wrapping = fyne.TextWrapWord // a long 单位简称 wraps, never widens the window
	body := container.NewVBox(
		u.settings(),
		title,
		u.header(),
		card("年度部门（单位）整体收支情况（万元）", u.budget(), container.NewHBox(u.budgetEvidence())),
		u.rest,
	)
	u.tips = newTipLayer()
	u.Scroll = u.tips.scrolled(body)
	virtualise(u.Scroll) // the indicator rows are drawn only while in view (virt.go)
	u.holder = container.NewStack()
	u.tab = container.NewTabItemWithIcon("单位整体", theme.HomeIcon(), placeholder()) // holder while shown (tabswitch.go)
	return u
}

// attach puts the tab's editors into the tab after the tab bar got its items (tabBar.SetItems),
// as it did when the bar was Fyne's DocTabs, which refreshed every object of every tab then
// (~20 ms at start-up). shown says whether the window already shows it.
func (u *unitTab) attach(shown bool) {
	u.holder.Objects = []fyne.CanvasObject{u.Scroll}
	if shown {
		u.holder.Refresh()
	}
}

// ensure builds the sections below the 收支 table, once. At start-up the window builds them
// just after its first frame (they are below the fold, and Fyne draws every object of a
// scrolled tab, visible or not: they were two thirds of the time to the first frame);
// otherwise they are built with the tab. Everything that reaches into them calls ensure.
func (u *unitTab) ensure() {
	if !u.built {
		u.buildRest()
		if u.w.Eval != nil {
			u.refresh(u.w.Eval, u.w.marks)
		}
	}
}

// buildRest builds the lower sections without showing figures: the caller evaluates next.
func (u *unitTab) buildRest() {
	if u.built {
		return
	}
	u.built = true // once, even if a panic (caught by the window's guard) stops it half-way
	w := u.w
	u.budgetRest()
	u.Tasks = newTasksEditor(w)
	u.Goals = newGoalsEditor(w, &w.Doc.Unit.Goals, -1, "年初设定目标", "全年完成情况")
	u.Tree = newTreeEditor(w, -1, true)
	u.Total = u.b.computedLabel(func(ev *forms.Evaluation) string {
		if ev.Unit.NotStarted { // nothing typed but the header (forms.NotStarted)
			return "未填写：填写收支情况、任务或指标后计算得分"
		}
		return fmt.Sprintf("总评价得分：%s　　Σ分值：%s　　等级：%s", pending(ev.Unit.TotalText()), forms.FormatScore(ev.Unit.WeightSum), pending(ev.Unit.Rating()))
	})
	u.Total.TextStyle.Bold = true
	u.Total.Wrapping = fyne.TextWrapWord // Σ分值 typed much too large wraps
	// Each section is drawn only while in view (virt.go).
	u.rest.Objects = []fyne.CanvasObject{
		newVirtHolder(w, card("年度主要任务", u.Tasks.content)),
		newVirtHolder(w, card("年度绩效目标", u.Goals.content)),
		newVirtHolder(w, card("分解目标评价", u.Tree.content)),
		u.Total,
	}
	if len(u.holder.Objects) > 0 { // already in the window: show the new rows
		u.budgetBox.Refresh()
		u.rest.Refresh()
	}
}

func (u *unitTab) item() *container.TabItem { return u.tab }

func (u *unitTab) refresh(ev *forms.Evaluation, marks map[forms.Location]forms.Problem) {
	u.b.refresh(ev, marks)
	if u.Tree == nil {
		return // built later by ensure, which refreshes them
	}
	u.Tasks.refresh(ev, marks)
	u.Goals.refresh(ev, marks)
	u.Tree.refresh(ev, marks)
}

// entryAt returns the editor of loc on this tab, or nil.
func (u *unitTab) entryAt(loc forms.Location) *fieldEntry {
	if loc.Section == forms.SecSettings {
		u.Settings.Open(0) // a closed accordion's entries cannot take the focus
	}
	u.ensure()
	return findEntry(loc, u.b, u.Tasks.b, u.Goals.b, treeBinder(u.Tree))
}

// findEntry returns the editor of loc among the binders, or nil.
func findEntry(loc forms.Location, bs ...*binder) *fieldEntry {
	for _, b := range bs {
		if b == nil {
			continue
		}
		if e := b.find(loc); e != nil {
			return e
		}
	}
	return nil
}

func headerLoc(field string) forms.Location {
	return forms.Location{Form: -1, Section: forms.SecHeader, Index: -1, Field: field}
}

// settings edits the document-wide settings: year, short name, amounts, scoring, signature.
func (u *unitTab) settings() fyne.CanvasObject {
	s := &u.w.Doc.Settings
	loc := func(f string) forms.Location {
		return forms.Location{Form: -1, Section: forms.SecSettings, Index: -1, Field: f}
	}
	u.Year = u.b.entry(&s.Year, loc("year"), "如 2021")
	u.ShortName = u.b.entry(&s.UnitShortName, loc("short_name"), "用于表格标题，如 抚顺市社保中心")
	all := newBinder(u.w, forms.AllForms) // settings change every printed form
	amounts := all.choiceLabeled((*string)(&s.Amounts), []string{string(forms.AmountsAsTyped), string(forms.AmountsFixed2)},
		[]string{"按输入显示", "统一保留两位小数"})
	sign := all.check(&s.Signature, "打印签字栏")
	f := &s.Footer
	footer := container.NewGridWithColumns(4,
		u.b.entry(&f.Preparer, loc("preparer"), "填表人"), u.b.entry(&f.Phone, loc("phone"), "联系电话"),
		u.b.entry(&f.Leader, loc("leader"), "单位负责人"), u.b.entry(&f.Date, loc("date"), "填报日期"))
	form := widget.NewForm(
		u.templateItem(),
		widget.NewFormItem("年度", u.Year),
		widget.NewFormItem("单位简称", u.ShortName),
		widget.NewFormItem("金额显示", amounts),
		u.ruleItem(), // 反向指标计分 and the other rule options
		u.reportTemplateItem(),
		widget.NewFormItem("签字栏", container.NewBorder(nil, nil, sign, nil, footer)),
	)
	u.Settings = widget.NewAccordion(widget.NewAccordionItem("文档设置（表式、年度、单位简称、金额、计分规则、自评报告模板、签字栏）", form))
	if s.UnitShortName == "" {
		u.Settings.Open(0)
	}
	return u.Settings
}

func (u *unitTab) header() fyne.CanvasObject {
	unit := &u.w.Doc.Unit
	u.Name = u.b.entry(&unit.Name, headerLoc("name"), "单位全称")
	u.Staff = u.b.entry(&unit.Staff, headerLoc("staff"), "人数")
	u.Subunits = u.b.entry(&unit.Subunits, headerLoc("subunits"), "仅部门填列")
	return widget.NewForm(
		widget.NewFormItem("部门（单位）名称", u.Name),
		widget.NewFormItem("财政供养人员数量", u.Staff),
		widget.NewFormItem("所属单位数量（仅部门填列）", u.Subunits),
	)
}

// budget is the 收支 table, one row per fixed row of docs/scoring.md §1.1, down to the 支出 subtotal (the
// last row in view when the window opens); budgetRest adds the 支出 rows below it.
func (u *unitTab) budget() *fyne.Container {
	head := row(budgetWeights, head("名称"), head("年初预算数"), head("全年预算数"), head("全年执行数"), head("执行率"))
	u.budgetBox = container.NewVBox(append([]fyne.CanvasObject{head}, u.budgetRows(forms.UnitBudgetRows[:firstBelowFold])...)...)
	return u.budgetBox
}

// firstBelowFold is the index in forms.UnitBudgetRows of 一、基本支出, the first row below the
// window's first view: its rows are built with the lower sections (see ensure).
var firstBelowFold = func() int {
	for i, def := range forms.UnitBudgetRows {
		if def.ID == "E1" {
			return i
		}
	}
	return len(forms.UnitBudgetRows)
}()

func (u *unitTab) budgetRest() {
	u.budgetBox.Objects = append(u.budgetBox.Objects, u.budgetRows(forms.UnitBudgetRows[firstBelowFold:])...)
}

func (u *unitTab) budgetRows(defs []forms.RowDef) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, def := range defs {
		res := func(ev *forms.Evaluation) *forms.AmountResult { return ev.Unit.Budget[def.ID] }
		loc := forms.Location{Form: -1, Section: forms.SecBudget, RowID: def.ID, Index: -1}
		r, cells := u.b.amountEditors(&u.w.Doc.Unit.BudgetRow(def.ID).Amounts, loc, res, def.IsSubtotal())
		u.Budget[def.ID] = r
		name := cellLabel(def.Label)
		if def.IsSubtotal() {
			name.TextStyle.Bold = true
		}
		objs = append(objs, row(budgetWeights, append([]fyne.CanvasObject{name}, cells...)...))
	}
	return objs
}

// taskRow holds the editors of one 年度主要任务 row, for tests.
type taskRow struct {
	Name, Project *fieldEntry
	*amountRow
	Remove *widget.Button
}

// tasksEditor edits 年度主要任务 and its 合计.
type tasksEditor struct {
	*listEditor
	Rows  []*taskRow
	Total *amountRow
	Add   *widget.Button
}

var taskWeights = []float32{3, 3, 2, 2, 2, 1.3, 0.6}

func newTasksEditor(w *Window) *tasksEditor {
	unit := &w.Doc.Unit
	t := &tasksEditor{listEditor: newListEditor(w, -1)}
	t.Add = widget.NewButtonWithIcon("添加工作", theme.ContentAddIcon(), func() {
		w.record()
		unit.Tasks = append(unit.Tasks, &forms.Task{Name: fmt.Sprintf("重点工作%s", chineseNumber(len(unit.Tasks)+1))})
		t.changed()
	})
	t.build = func(b *binder) []fyne.CanvasObject {
		t.Rows = nil
		objs := []fyne.CanvasObject{row(taskWeights, head("工作名称"), head("对应项目"), head("年初预算数"), head("全年预算数"), head("全年执行数"), head("执行率"), widget.NewLabel(""))}
		for i, task := range unit.Tasks {
			loc := forms.Location{Form: -1, Section: forms.SecTasks, Index: i}
			ln, lp := loc, loc
			ln.Field, lp.Field = "name", "project"
			res := func(ev *forms.Evaluation) *forms.AmountResult { return ev.Unit.Tasks[i] }
			r := &taskRow{Name: b.entry(&task.Name, ln, "工作名称"), Project: b.entry(&task.Project, lp, "对应项目")}
			var cells []fyne.CanvasObject
			r.amountRow, cells = b.amountEditors(&task.Amounts, loc, res, false)
			r.Remove = removeButton(t.listEditor, &unit.Tasks, i, "“"+task.Name+"”", func(x *forms.Task) bool { return x.Project == "" && x.IsBlank() })
			t.Rows = append(t.Rows, r)
			objs = append(objs, row(taskWeights, append(append([]fyne.CanvasObject{r.Name, r.Project}, cells...), r.Remove)...))
		}
		loc := forms.Location{Form: -1, Section: forms.SecTasks, RowID: "total", Index: -1}
		var cells []fyne.CanvasObject
		t.Total, cells = b.amountEditors(&unit.TasksTotal, loc, func(ev *forms.Evaluation) *forms.AmountResult { return ev.Unit.TasksTotal }, true)
		objs = append(objs, row(taskWeights, append(append([]fyne.CanvasObject{heading("合计"), widget.NewLabel("")}, cells...), widget.NewLabel(""))...))
		return append(objs, container.NewHBox(t.Add))
	}
	t.rebuild()
	return t
}

// chineseNumber writes 1–99 as 一 … 九十九 for default task names (重点工作二).
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	case n < 100:
		return digits[n/10] + "十" + digits[n%10]
	}
	return fmt.Sprint(n)
}
