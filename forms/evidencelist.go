package forms

import "strings"

// EvidenceEntry is one 佐证材料 item of a document with the place it belongs to, as the
// 佐证材料清单 and the package of a submission list it.
type EvidenceEntry struct {
	Form  string // UnitFormName or ProjectFormName
	Where string // "收支情况", "项目预算资金" or the indicator (IndicatorRowName) with its 内容
	Evidence
}

// EvidenceList is every item of doc's evidence lists that is not blank, in the order the
// forms print: the unit form (its budget block, then its indicators), then each project (its
// funds, then its indicators).
func EvidenceList(doc *Document) []EvidenceEntry {
	var out []EvidenceEntry
	add := func(form, where string, items []Evidence) {
		for _, e := range items {
			if !e.IsBlank() {
				out = append(out, EvidenceEntry{Form: form, Where: where, Evidence: e})
			}
		}
	}
	tree := func(form string, t Tree) {
		t.Each(func(p RowPath, l1 *Level1, l2 *Level2, in *Indicator) {
			where := IndicatorRowName(l1, l2, p.Row)
			if c := strings.TrimSpace(in.Content); c != "" {
				where += "「" + c + "」"
			}
			add(form, where, in.Evidence)
		})
	}
	add(UnitFormName, "收支情况", doc.Unit.BudgetEvidence)
	tree(UnitFormName, doc.Unit.Indicators)
	for i, p := range doc.Projects {
		name := ProjectFormName(i, p)
		add(name, "项目预算资金", p.FundsEvidence)
		tree(name, p.Indicators)
	}
	return out
}
