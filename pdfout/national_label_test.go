package pdfout

import (
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestNationalFundsLabel: the narrow label of 项目资金（万元） keeps "（万元）" whole on one line,
// at the body size, on every national project form.
func TestNationalFundsLabel(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(forms.TemplateNational)
	whole := 0
	for _, pages := range laidOut(t, doc)[1:] { // the unit form keeps its own layout
		for _, pg := range pages {
			for _, x := range pg.Texts {
				switch x.Str {
				case "（万元）":
					whole++
					if x.Size < bodySize {
						t.Errorf("（万元） at %g pt", x.Size)
					}
				case "（万", "元）", "万元）", "（万元":
					t.Errorf("项目资金（万元） broken: a line %q", x.Str)
				}
			}
		}
	}
	if whole != len(doc.Projects) {
		t.Errorf("%d lines （万元） for %d national project forms", whole, len(doc.Projects))
	}
}
