package export

import (
	"errors"
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
