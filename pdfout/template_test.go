package pdfout

import (
	"strings"
	"testing"

	"ziping/forms/formstest"
	"ziping/tables/templatetest"
)

// TestThirdTemplatePDF: a template defined in test files alone (tables/templatetest) prints
// its own project tables, titled as it says.
func TestThirdTemplatePDF(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(templatetest.ID)
	_, res, rec := recordPDF(t, doc)
	var all strings.Builder
	for _, page := range rec.texts {
		for _, tx := range page {
			all.WriteString(tx.s)
		}
	}
	text := all.String()
	if n := strings.Count(text, templatetest.Title); n != len(doc.Projects) {
		t.Errorf("%d titles of the test template, want %d", n, len(doc.Projects))
	}
	if strings.Count(text, "绩效指标数") != len(doc.Projects) || strings.Contains(text, "预算项目（政策）绩效目标自评表") {
		t.Errorf("the project forms are not the test template's (%d pages)", res.Pages)
	}
}
