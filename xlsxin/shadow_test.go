package xlsxin

import (
	"reflect"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestEverySettingTravels: every field of forms.Settings comes back from the workbook, those
// added after this test too (each bool set, each option set to a value of its own), and in both
// templates; a setting the visible sheets show (the footer, the year) is read from them.
func TestEverySettingTravels(t *testing.T) {
	for _, tpl := range []forms.TemplateID{forms.TemplateLiaoning, forms.TemplateNational} {
		doc := formstest.Sample(t)
		s := reflect.ValueOf(&doc.Settings).Elem()
		for i := range s.NumField() {
			if f := s.Field(i); f.Kind() == reflect.Bool {
				f.SetBool(true)
			}
		}
		doc.Settings.Amounts, doc.Settings.Negative = forms.AmountsFixed2, forms.NegativeLinear
		doc.Settings.OverTarget = forms.OverTarget130
		doc.Settings.Footer = forms.Footer{Preparer: "王", Phone: "1", Leader: "李", Date: "2022"}
		doc.Settings.SetTemplate(tpl)
		res := importBytes(t, export(t, doc), "s.xlsx")
		if !reflect.DeepEqual(res.Doc.Settings, doc.Settings) {
			t.Errorf("%s: settings\n%+v\nwant\n%+v", tpl, res.Doc.Settings, doc.Settings)
		}
	}
}

// TestVisibleCellsWinOverTheShadow: a cell edited in the workbook keeps its new text; the rest
// of its row still comes back as typed.
func TestVisibleCellsWinOverTheShadow(t *testing.T) {
	doc := national(t)
	data := export(t, doc)
	sheet := "项目2 社会保障行政运行费"
	f := openBook(t, data)
	// 三级 name of the row with ticks (row 12), and the 主管部门.
	if err := f.SetCellStr(sheet, "D12", "指标 1：改过的名称"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(sheet, "E3", "省财政厅"); err != nil {
		t.Fatal(err)
	}
	res := importBytes(t, saveBook(t, f), "edited.xlsx")
	p := res.Doc.Projects[1]
	in := p.Indicators[0].Children[0].Rows[0]
	if in.Content != "改过的名称" || p.Department != "省财政厅" {
		t.Errorf("edited cells: %q %q", in.Content, p.Department)
	}
	if in.Op != forms.OpGE || in.Unit != "人" || in.Target != "100" || in.Reason != "经费到位晚" {
		t.Errorf("row read: %+v", in)
	}
	if strings.Contains(p.Name, "指标") || p.Period != "2021年" {
		t.Errorf("name %q period %q", p.Name, p.Period)
	}
}

// TestShadowShownAgain: a shadow sheet a user made visible again is still read as the shadow,
// not as a table.
func TestShadowShownAgain(t *testing.T) {
	doc := national(t)
	f := openBook(t, export(t, doc))
	if err := f.SetSheetVisible(shadowSheet, true); err != nil {
		t.Fatal(err)
	}
	res := importBytes(t, saveBook(t, f), "shown.xlsx")
	formstest.SameSaved(t, "the document read back", ignoreComputed(res.Doc), ignoreComputed(national(t)))
	if len(res.Notes) > 0 {
		t.Errorf("notes %q", res.Notes)
	}
}
