package app

import (
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// templateHint says under the 表式 choice what it changes, and that the unit form keeps its
// one layout (tables/national.go).
const templateHint = "表式只改变项目表的栏目和打印格式；单位整体绩效自评表始终按辽宁省表式填写和打印。"

// templateItem is the 表式 choice of 文档设置: the labels of forms.AllTemplates, the
// document's template selected. Choosing one is a step of 撤销 (SetTemplate).
func (u *unitTab) templateItem() *widget.FormItem {
	all := forms.AllTemplates()
	labels := make([]string, len(all))
	for i, t := range all {
		labels[i] = t.Label()
	}
	u.Template = newFieldSelect(u.w, -1, labels) // Tab goes on to the next field (keyboard.go)
	current := u.w.Doc.Settings.TemplateOf().ID()
	for i, t := range all {
		if t.ID() == current {
			u.Template.SetSelectedIndex(i)
		}
	}
	u.Template.OnChanged = func(string) {
		if i := u.Template.SelectedIndex(); i >= 0 {
			u.w.SetTemplate(all[i].ID())
		}
	}
	item := widget.NewFormItem("表式", u.Template)
	item.HintText = templateHint
	return item
}

// SetTemplate makes t the 表式 of the project forms, as one step of 撤销: every form is
// evaluated again (the checks name the template's fields) and the project tabs are built
// again with the fields t prints.
func (w *Window) SetTemplate(t forms.TemplateID) {
	if w.Doc.Settings.TemplateOf().ID() == t {
		return
	}
	w.record()
	w.Doc.Settings.SetTemplate(t)
	w.Dirty = true
	w.guard("切换表式", func() {
		for _, p := range w.Projects {
			p.reset()
		}
	})
	w.changed()
}
