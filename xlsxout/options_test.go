package xlsxout

import (
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/tables"
)

// optionsDoc is the sample with the rule options that change scores on, in template tpl, and
// figures where they matter: project 2 at 75 % 执行率 (D 7.5 rounds to 8, C+D 93 capped at
// 89), project 3 with three suggested 得分 of 6.666… (6.67 each under 得分取整) and D 9.833…
// (10), project 4 at 45 % (D 4.5 rounds to 5, C+D 91 capped at 59).
func optionsDoc(t *testing.T, tpl forms.TemplateID) *forms.Document {
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(tpl)
	doc.Settings.RateCap, doc.Settings.RoundScores = true, true
	doc.Settings.OverTarget, doc.Settings.Strict = forms.OverTarget120, true
	rate := func(i int, full, actual string) {
		for _, id := range []string{"T", "S1"} {
			row := doc.Projects[i].FundRow(id)
			row.Initial, row.Full, row.Actual = full, full, actual
		}
	}
	rate(1, "100", "75")
	rate(2, "3", "2.95")
	rate(3, "100", "45")
	for _, p := range []forms.RowPath{{L1: 0, L2: 0, Row: 0}, {L1: 0, L2: 1, Row: 0}, {L1: 1, L2: 0, Row: 0}} {
		in := doc.Projects[2].Indicators.Row(p)
		in.Op, in.Target, in.Actual, in.Unit, in.Manual, in.Score, in.Weight = forms.OpGE, "3", "2", "", false, "", "10"
	}
	ev := forms.Evaluate(doc)
	if !ev.Projects[1].Capped || !ev.Projects[3].Capped || ev.Projects[2].DText() != "10" {
		t.Fatalf("the test document does not exercise the options: %s %s %s",
			ev.Projects[1].TotalText(), ev.Projects[3].TotalText(), ev.Projects[2].DText())
	}
	return doc
}

// TestOptionFormulas: with 执行率封顶 and 得分取整 on, the workbook's formulas compute forms'
// totals, D and every 得分 (excelize computes each formula), in both templates; the total's
// formula holds the cap and the scores' the rounding.
func TestOptionFormulas(t *testing.T) {
	for _, tpl := range []forms.TemplateID{forms.TemplateLiaoning, forms.TemplateNational} {
		t.Run(string(tpl), func(t *testing.T) {
			w := write(t, optionsDoc(t, tpl))
			w.checkFormulas(t)
			for i, r := range w.ev.Projects { // the national table has no C and D of its own: its keys are those of both
				if got := w.calc(t, i+1, tables.KeyTotal); !near(got, r.Total) {
					t.Errorf("project %d: total %v, forms %s", i+1, got, r.Total)
				}
				if got := w.calc(t, i+1, tables.KeyFundsD); !near(got, r.D) {
					t.Errorf("project %d: D %v, forms %s", i+1, got, r.D)
				}
			}
			want := []string{"93", "89", "82.01", "10", "91", "59"} // C+D and totals of projects 2 to 4, D of 3
			got := []string{
				forms.FormatScore(w.ev.Projects[1].Uncapped), forms.FormatScore(w.ev.Projects[1].Total),
				forms.FormatScore(w.ev.Projects[2].Total), w.ev.Projects[2].DText(),
				forms.FormatScore(w.ev.Projects[3].Uncapped), forms.FormatScore(w.ev.Projects[3].Total),
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("figures %v, want %v", got, want)
					break
				}
			}
			if f := formulaOf(t, w, 2, tables.KeyTotal); !strings.Contains(f, "MIN(") || !strings.Contains(f, ",4)") {
				t.Errorf("project 2's total formula %q has no cap", f)
			}
			if f := formulaOf(t, w, 3, tables.KeyFundsD); !strings.Contains(f, "ROUND(") {
				t.Errorf("project 3's D formula %q is not rounded", f)
			}
		})
	}
}

// TestLibreOfficeComputesOptions: LibreOffice prints and computes the capped and rounded totals.
func TestLibreOfficeComputesOptions(t *testing.T) {
	for _, tpl := range []forms.TemplateID{forms.TemplateLiaoning, forms.TemplateNational} {
		t.Run(string(tpl), func(t *testing.T) {
			libreOfficeTotals(t, optionsDoc(t, tpl))
		})
	}
}

// formulaOf is the formula of the cell key of sheet i.
func formulaOf(t *testing.T, w *written, i int, key string) string {
	t.Helper()
	_, _, f := w.cellAt(t, i, key)
	return f
}
