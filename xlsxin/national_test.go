package xlsxin

import (
	"strings"
	"testing"

	"ziping/forms"
)

// TestNationalExportSaysWhatIsLeftOut: Ziping's export in the national template is not read
// back as the document it came from; each of its project sheets gets a note saying what was not
// imported, so that the user checks the copy instead of trusting it.
func TestNationalExportSaysWhatIsLeftOut(t *testing.T) {
	doc := loadSample(t)
	doc.Settings.SetTemplate(forms.TemplateNational)
	res := importBytes(t, export(t, doc), "national.xlsx")
	n := 0
	for _, note := range res.Notes {
		if strings.Contains(note, "是全国通用表式的项目支出绩效自评表") && strings.Contains(note, "项目资金") {
			n++
		}
	}
	if n != len(doc.Projects) {
		t.Errorf("%d notes on national project sheets, want %d; notes:\n%s", n, len(doc.Projects), strings.Join(res.Notes, "\n"))
	}
	// The sample in its own (Liaoning) template comes back whole: no such note.
	for _, note := range importBytes(t, export(t, loadSample(t)), "s.xlsx").Notes {
		if strings.Contains(note, "全国通用表式") {
			t.Errorf("Liaoning export: %s", note)
		}
	}
}
