package forms

import "strings"

// EvidenceEntry is one 佐证材料 item of a document with the place it belongs to, as the
// package of a submission lists it.
type EvidenceEntry struct {
	Form  string // UnitFormName or ProjectFormName
	Where string // the funds block's name, or the indicator (IndicatorRowName) with its 内容
	Evidence
}

// EvidenceEntries is every item of d's evidence lists that is not blank, in printed order
// (Document.EvidenceLists).
func (d *Document) EvidenceEntries() []EvidenceEntry {
	var out []EvidenceEntry
	for _, l := range d.EvidenceLists() {
		where := l.Row
		if !l.Funds {
			if c := strings.TrimSpace(d.indicatorAt(l.Form, l.Path).Content); c != "" {
				where += "「" + c + "」"
			}
		}
		for _, e := range *l.Items {
			if !e.IsBlank() {
				out = append(out, EvidenceEntry{Form: l.FormName, Where: where, Evidence: e})
			}
		}
	}
	return out
}

// indicatorAt is the indicator row at p of form (-1 the unit form, i project i).
func (d *Document) indicatorAt(form int, p RowPath) *Indicator {
	t := d.Unit.Indicators
	if form >= 0 {
		t = d.Projects[form].Indicators
	}
	return t.Row(p)
}
