package templatetest_test

import (
	"slices"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/tables"
	"ziping/tables/templatetest"
)

// sampleIn is the sample document in template id.
func sampleIn(t *testing.T, id forms.TemplateID) *forms.Document {
	t.Helper()
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(id)
	return doc
}

// TestThirdTemplate: the test template, registered by this package alone, is offered in the
// 表式 choice, checked without a template error and in its own names, and printed as its own
// table (not the default's) while the unit form keeps its one layout.
func TestThirdTemplate(t *testing.T) {
	ids := []forms.TemplateID{}
	for _, tpl := range forms.AllTemplates() {
		ids = append(ids, tpl.ID())
	}
	// Registered after the built-in templates, the default first, the test template once and last.
	if ids[0] != forms.DefaultTemplate().ID() || ids[len(ids)-1] != templatetest.ID || slices.Index(ids, templatetest.ID) != len(ids)-1 {
		t.Fatalf("templates %v", ids)
	}
	doc := sampleIn(t, templatetest.ID)
	doc.Projects[0].Name = ""
	ev := forms.Evaluate(doc)
	named := false
	for _, p := range ev.Problems {
		if p.Loc.Field == "template" {
			t.Errorf("the test template is refused: %s", p)
		}
		named = named || p.Loc.Form == 0 && strings.Contains(p.String(), "项目全称")
	}
	if !named {
		t.Error("no problem of project 1 names its 项目全称")
	}
	ts := tables.Forms(doc, ev)
	if len(ts) != 5 || ts[0].Form != -1 {
		t.Fatalf("%d tables", len(ts))
	}
	unit := sampleIn(t, forms.TemplateLiaoning)
	if got, want := ts[0].Title.Text, tables.Forms(unit, forms.Evaluate(unit))[0].Title.Text; got != want {
		t.Errorf("unit title %q, want %q", got, want)
	}
	p := ts[2]
	if !strings.HasSuffix(p.Title.Text, templatetest.Title) || len(p.Bands) != 1 || p.Bands[0].Rows[2].Cells[1].Text != ev.Projects[1].TotalText() {
		t.Errorf("project 2 printed as %q with %d bands", p.Title.Text, len(p.Bands))
	}
	if !tables.Prints(templatetest.ID) || tables.Prints("hebei") {
		t.Error("tables.Prints")
	}
}
