package pdfout

import (
	"reflect"
	"testing"

	"ziping/forms"
)

// TestUnprintableByForm: the warnings of each form, merged, are what Unprintable gives for the
// whole document, settings texts (printed on every form) warned once.
func TestUnprintableByForm(t *testing.T) {
	doc := loadSample(t)
	doc.Settings.UnitShortName = "抚顺\x07社保"
	doc.Unit.Name = "单位\x00名称"
	doc.Projects[2].Name = "项目𠮷"
	doc.Projects[3].Indicators[0].Children[0].Rows[0].Reason = "原因\x01"
	whole, err := Unprintable(doc)
	if err != nil {
		t.Fatal(err)
	}
	ev := forms.Evaluate(doc)
	var per [][]forms.Problem
	for form := -1; form < len(doc.Projects); form++ {
		ps, err := UnprintableIn(doc, ev, form)
		if err != nil {
			t.Fatal(err)
		}
		per = append(per, ps)
	}
	if got := MergeUnprintable(per); !reflect.DeepEqual(got, whole) || len(whole) != 4 {
		t.Fatalf("merged per form:\n%v\nwhole document:\n%v", got, whole)
	}
}
