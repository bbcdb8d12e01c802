package pdfout

import (
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestCompletionReadable: a 完成程度 with two decimals over 100 % ("103.16%") prints whole on
// one line at 7 pt or more in the Liaoning unit and project tables: the 完成程度 column is wide
// enough for it (tables.FormWidths), Cell.Fit not shrinking it to the 6 pt floor.
func TestCompletionReadable(t *testing.T) {
	doc := formstest.Sample(t)
	for _, in := range []*forms.Indicator{doc.Unit.Indicators.Row(forms.RowPath{}), doc.Projects[0].Indicators.Row(forms.RowPath{})} {
		in.Op, in.Target, in.Unit, in.Actual, in.Score, in.Manual = forms.OpGE, "95%", "", "98%", "", false
	}
	found := 0
	for _, pages := range laidOut(t, doc) {
		for _, pg := range pages {
			for _, x := range pg.Texts {
				if !strings.HasSuffix(x.Tag, "|完成程度") || x.Str == "100%" {
					continue
				}
				found++
				if x.Str != "103.16%" || x.Size < 7 {
					t.Errorf("%s: %q at %g pt", x.Tag, x.Str, x.Size)
				}
			}
		}
	}
	if found != 2 {
		t.Errorf("%d 完成程度 of 103.16%%, want the unit's and project 1's", found)
	}
}
