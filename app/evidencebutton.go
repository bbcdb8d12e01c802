package app

import (
	"fmt"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// The "佐证 N" buttons that open the 佐证材料 dialog (evidence.go): one on each indicator row,
// one under the unit form's 收支情况 and one under each project's funds.

// evidenceButton is the "佐证 N" button of a list: N counts the items with text in them.
func (w *Window) evidenceButton(t evidenceTarget) *widget.Button {
	b := widget.NewButtonWithIcon(evidenceLabel(*t.list()), theme.DocumentIcon(), nil)
	b.Importance = widget.LowImportance
	b.OnTapped = func() { w.showEvidence(t, b) }
	return b
}

// evidenceLabel is the text of a list's button.
func evidenceLabel(list []forms.Evidence) string {
	n := 0
	for _, e := range list {
		if !e.IsBlank() {
			n++
		}
	}
	return fmt.Sprintf("佐证 %d", n)
}

// evidenceButton is the "佐证 N" button of the indicator row at p.
func (t *treeEditor) evidenceButton(p forms.RowPath) *widget.Button {
	return t.w.evidenceButton(evidenceTarget{
		form: t.form,
		title: func() string {
			tree := t.tree()
			name := forms.IndicatorRowName(tree[p.L1], tree[p.L1].Children[p.L2], p.Row)
			if content := tree.Row(p).Content; content != "" {
				name += "（" + shortName(forms.Shown(content), 24) + "）"
			}
			return name
		},
		list: func() *[]forms.Evidence {
			if in := t.tree().Row(p); in != nil {
				return &in.Evidence
			}
			return nil // the row is gone
		},
	})
}

// budgetEvidence is the "佐证 N" button of the unit form's 收支情况.
func (u *unitTab) budgetEvidence() *widget.Button {
	u.Evidence = u.w.evidenceButton(evidenceTarget{
		form:  -1,
		title: func() string { return "年度部门（单位）整体收支情况" },
		list:  func() *[]forms.Evidence { return &u.w.Doc.Unit.BudgetEvidence },
	})
	return u.Evidence
}

// fundsEvidence is the "佐证 N" button of a project's 项目预算资金.
func (p *projectTab) fundsEvidence() *widget.Button {
	w, i := p.w, p.index
	p.Evidence = w.evidenceButton(evidenceTarget{
		form: i,
		title: func() string {
			return shortName(forms.Shown(w.Doc.Projects[i].Name), 20) + " › " + p.Layout.FundsTitle
		},
		list: func() *[]forms.Evidence {
			if i < len(w.Doc.Projects) {
				return &w.Doc.Projects[i].FundsEvidence
			}
			return nil // the project is gone
		},
	})
	return p.Evidence
}
