package export

import (
	"errors"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/tables/templatetest"
)

// TestUnknownTemplateNotExported: a document whose 表式 this program does not have (set by
// code: opening such a file is refused) is exported neither as PDF nor as Excel, never printed
// as another template; the test template of tables/templatetest, registered, is.
func TestUnknownTemplateNotExported(t *testing.T) {
	doc := formstest.Sample(t)
	for _, f := range []Format{PDF, XLSX} {
		doc.Settings.Template = "hebei"
		var unknown *forms.UnknownTemplateError
		if _, _, err := Render(doc, f); !errors.As(err, &unknown) {
			t.Errorf("%s of an unknown template: %v", f, err)
		}
		doc.Settings.SetTemplate(templatetest.ID)
		if data, _, err := Render(doc, f); err != nil || len(data) == 0 {
			t.Errorf("%s of the test template: %v", f, err)
		}
	}
}

// forms-only is a template registered in forms without a printed table (no
// tables.RegisterProject): half of "Adding a template" done.
type formsOnly struct{}

const formsOnlyID forms.TemplateID = "forms-only"

func (formsOnly) ID() forms.TemplateID               { return formsOnlyID }
func (formsOnly) Label() string                      { return "只在 forms 登记的表式" }
func (formsOnly) ProjectTitle(forms.Settings) string { return "项目表" }
func (formsOnly) Layout() *forms.ProjectLayout       { return forms.DefaultTemplate().Layout() }

func init() { forms.Register(formsOnly{}) }

// TestTemplateWithoutTableNotExported: a document whose template has no printed project table
// is refused, never exported with its project forms left out; without projects it is exported.
func TestTemplateWithoutTableNotExported(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(formsOnlyID)
	for _, f := range []Format{PDF, XLSX} {
		if _, _, err := Render(doc, f); err == nil || !strings.Contains(err.Error(), "没有可打印的项目表") {
			t.Errorf("%s of a template without a table: %v", f, err)
		}
	}
	doc.Projects = nil
	if data, _, err := Render(doc, PDF); err != nil || len(data) == 0 {
		t.Errorf("the unit form alone: %v", err)
	}
}
