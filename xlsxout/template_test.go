package xlsxout

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/forms/formstest"
	"ziping/tables/templatetest"
)

// TestThirdTemplateXLSX: a template defined in test files alone (tables/templatetest) is
// written as its own project sheets, titled as it says.
func TestThirdTemplateXLSX(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(templatetest.ID)
	var buf bytes.Buffer
	if _, err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	titled := 0
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil || len(rows) == 0 || len(rows[0]) == 0 {
			continue
		}
		if strings.HasSuffix(rows[0][0], templatetest.Title) {
			titled++
			if len(rows) < 3 || len(rows[2]) < 2 || rows[2][0] != "绩效指标数" {
				t.Errorf("sheet %s: %q", name, rows)
			}
		}
	}
	if titled != len(doc.Projects) {
		t.Errorf("%d sheets of the test template, want %d", titled, len(doc.Projects))
	}
}
