package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// listEditor edits a list of rows the user adds and removes (年度主要任务, 年度绩效目标). Its
// content is rebuilt in place from the document when rows are added or removed.
type listEditor struct {
	w       *Window
	form    int // -1 the unit form, i project i
	b       *binder
	content *fyne.Container
	build   func(b *binder) []fyne.CanvasObject // the rows, from the document
}

// newListEditor returns an editor of a list of form (-1 the unit form, i project i) without
// rows; set build, then call rebuild.
func newListEditor(w *Window, form int) *listEditor {
	return &listEditor{w: w, form: form, content: container.NewVBox()}
}

// rebuild replaces the rows with fresh editors of the document's rows.
func (l *listEditor) rebuild() {
	l.b = newBinder(l.w, l.form)
	l.content.Objects = l.build(l.b)
	l.content.Refresh()
}

// changed rebuilds after a structural edit and re-evaluates the document.
func (l *listEditor) changed() {
	l.w.guard("更新列表", l.rebuild)
	l.w.changedIn(l.form)
}

func (l *listEditor) refresh(ev *forms.Evaluation, marks map[forms.Location]forms.Problem) {
	l.b.refresh(ev, marks)
}

// removeButton deletes item i of *list after asking, when the row holds text.
func removeButton[T any](l *listEditor, list *[]*T, i int, what string, blank func(*T) bool) *widget.Button {
	return widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		remove := func() {
			l.w.record()
			*list = slices.Delete(*list, i, i+1)
			l.changed()
		}
		if blank((*list)[i]) {
			remove()
			return
		}
		dialog.ShowConfirm("删除", fmt.Sprintf("确定删除%s吗？", what), func(ok bool) {
			if ok {
				remove()
			}
		}, l.w.Win)
	})
}

// goalRow holds the editors of one goal, for tests.
type goalRow struct {
	Target, Result *fieldEntry
	Remove         *widget.Button
}

// goalsEditor edits 年度绩效目标 / 年度总体目标.
type goalsEditor struct {
	*listEditor
	Rows []*goalRow
	Add  *widget.Button
}

// goalHint is the placeholder of a goal's entry under the column head: the Liaoning forms' own
// wording, and the head itself in the national template (预期目标, 实际完成情况).
func goalHint(head string) string {
	switch head {
	case "年初设定目标":
		return "年初设定的目标"
	case "全年实际完成情况", "全年完成情况":
		return "全年完成情况"
	}
	return head
}

var goalWeights = []float32{1, 8, 8, 0.6}

func newGoalsEditor(w *Window, goals *[]*forms.Goal, form int, targetHead, resultHead string) *goalsEditor {
	g := &goalsEditor{}
	g.Add = widget.NewButtonWithIcon("添加目标", theme.ContentAddIcon(), func() {
		w.record()
		*goals = append(*goals, &forms.Goal{})
		g.changed()
	})
	g.listEditor = newListEditor(w, form)
	g.build = func(b *binder) []fyne.CanvasObject {
		g.Rows = nil
		objs := []fyne.CanvasObject{row(goalWeights, widget.NewLabel(""), head(targetHead), head(resultHead), widget.NewLabel(""))}
		for i, goal := range *goals {
			loc := forms.Location{Form: form, Section: forms.SecGoals, Index: i}
			lt, lr := loc, loc
			lt.Field, lr.Field = "target", "result"
			r := &goalRow{Target: b.multiline(&goal.Target, lt, goalHint(targetHead)), Result: b.multiline(&goal.Result, lr, goalHint(resultHead))}
			r.Remove = removeButton(g.listEditor, goals, i, fmt.Sprintf("目标 %d", i+1), func(x *forms.Goal) bool { return x.Target == "" && x.Result == "" })
			g.Rows = append(g.Rows, r)
			objs = append(objs, row(goalWeights, widget.NewLabel(fmt.Sprintf("目标 %d", i+1)), r.Target, r.Result, r.Remove))
		}
		return append(objs, container.NewHBox(g.Add))
	}
	g.rebuild()
	return g
}
