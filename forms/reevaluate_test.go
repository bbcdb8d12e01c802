package forms

import (
	"reflect"
	"testing"
)

// TestReevaluateMatchesEvaluate: after an edit of one form, Reevaluate of that form gives what
// Evaluate of the whole document gives; for the other forms it reuses the earlier results.
func TestReevaluateMatchesEvaluate(t *testing.T) {
	edits := map[string]struct {
		form int
		edit func(d *Document)
	}{
		"project score": {2, func(d *Document) { d.Projects[2].Indicators[0].Children[0].Rows[0].Score = "11" }},
		"project actual": {1, func(d *Document) {
			in := d.Projects[1].Indicators[2].Children[0].Rows[0]
			in.Op, in.Target, in.Actual = OpGE, "95%", "0.98"
		}},
		"project budget": {0, func(d *Document) { d.Projects[0].FundRow("S1").Actual = "-1" }},
		"unit weight":    {-1, func(d *Document) { d.Unit.Indicators[0].Children[0].Rows[0].Weight = "41" }},
		"unit name":      {-1, func(d *Document) { d.Unit.Name = "" }},
		"settings":       {AllForms, func(d *Document) { d.Settings.Year = "20x1" }},
	}
	for name, tc := range edits {
		t.Run(name, func(t *testing.T) {
			doc := loadSample(t)
			prev := Evaluate(doc)
			tc.edit(doc)
			got, want := Reevaluate(doc, prev, tc.form), Evaluate(doc)
			if !reflect.DeepEqual(got.Problems, want.Problems) {
				t.Errorf("problems differ:\n got %v\nwant %v", got.Problems, want.Problems)
			}
			if !reflect.DeepEqual(got.Unit, want.Unit) || !reflect.DeepEqual(got.Projects, want.Projects) {
				t.Error("results differ")
			}
			if tc.form >= 0 && got.Projects[(tc.form+1)%len(doc.Projects)] != prev.Projects[(tc.form+1)%len(doc.Projects)] {
				t.Error("another project was recomputed")
			}
		})
	}
	doc := loadSample(t)
	prev := Evaluate(doc)
	doc.AddProject()
	if got := Reevaluate(doc, prev, 0); len(got.Projects) != len(doc.Projects) {
		t.Fatalf("after adding a project: %d results for %d projects", len(got.Projects), len(doc.Projects))
	}
}
