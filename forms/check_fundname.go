package forms

import "strings"

// name is s, a text of the program, in the names of the reporter's template.
func (r *reporter) name(s string) string {
	if r.names == nil {
		return s
	}
	return r.names.Replace(s)
}

// fundRowName is how problems name the fund row def of project p: its label, or in a template
// that prints grouped rows (ProjectLayout.FundGroups) the group it is printed in (the total
// under ProjectLayout.TotalLabel), followed by its own label when several rows of that group
// are filled (the editor then shows them one by one). A label ending in "：" (年度预算资金总额：)
// is named without it: the colon belongs to the printed form, not to a problem's path.
func fundRowName(doc *Document, p *ProjectForm, def RowDef) string {
	l := doc.Settings.TemplateOf().Layout()
	if def.ID == "T" && l.TotalLabel != "" {
		return l.TotalLabel
	}
	if l.FundGroups == nil {
		return strings.TrimSuffix(def.Label, "：")
	}
	for _, n := range l.FundGroups {
		filled := 0
		in := false
		for _, id := range n.Parts {
			if row := p.FundRow(id); row != nil && !row.Amounts.IsBlank() {
				filled++
			}
			in = in || id == def.ID
		}
		switch {
		case !in:
		case filled > 1:
			return n.Label + "（" + def.Label + "）"
		default:
			return n.Label
		}
	}
	return def.Label
}
