package tables

import (
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// cappedDoc is the sample in template tpl with 执行率封顶 on and project 2 spent at 75 %: its
// C+D of 92.5 is capped at 89.
func cappedDoc(t *testing.T, tpl forms.TemplateID) *forms.Document {
	t.Helper()
	d := formstest.Sample(t)
	d.Settings.SetTemplate(tpl)
	d.Settings.RateCap = true
	for _, id := range []string{"T", "S1"} {
		row := d.Projects[1].FundRow(id)
		row.Initial, row.Full, row.Actual = "100", "100", "75"
	}
	return d
}

// totalRow is the row of tb holding the cell keyed KeyTotal.
func totalRow(t *testing.T, tb *Table) Row {
	t.Helper()
	for _, b := range tb.Bands {
		for _, r := range b.Rows {
			for _, c := range r.Cells {
				if c.Key == KeyTotal {
					return r
				}
			}
		}
	}
	t.Fatalf("%s has no total", tb.Name)
	return Row{}
}

// TestCapNote: a total 执行率封顶 capped says so in its row, in both templates; an uncapped
// total's row is as it was, and with the option off nothing is added.
func TestCapNote(t *testing.T) {
	for _, tpl := range []forms.TemplateID{forms.TemplateLiaoning, forms.TemplateNational} {
		t.Run(string(tpl), func(t *testing.T) {
			d := cappedDoc(t, tpl)
			ev := forms.Evaluate(d)
			r := ev.Projects[1]
			if !r.Capped || r.TotalText() != "89" {
				t.Fatalf("project 2 total %s, capped %v", r.TotalText(), r.Capped)
			}
			row := totalRow(t, Form(d, ev, 1))
			want := "（执行率 75%，按执行率封顶规则由 " + forms.FormatScore(r.Uncapped) + " 调整为 89）"
			last := row.Cells[len(row.Cells)-1]
			if last.Text != want || last.Role.Align() != AlignLeft {
				t.Errorf("the cell beside the total prints %q, want %q", last.Text, want)
			}
			for _, i := range []int{0, 2} { // not capped (full 执行率)
				row := totalRow(t, Form(d, ev, i))
				if last := row.Cells[len(row.Cells)-1]; last.Text != "" {
					t.Errorf("project %d is not capped but prints %q", i+1, last.Text)
				}
			}
			d.Settings.RateCap = false
			ev = forms.Evaluate(d)
			row = totalRow(t, Form(d, ev, 1))
			for _, c := range row.Cells {
				if strings.Contains(c.Text, "封顶") {
					t.Errorf("option off, the total row prints %q", c.Text)
				}
			}
		})
	}
}
