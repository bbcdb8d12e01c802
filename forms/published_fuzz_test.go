package forms

import (
	"strings"
	"testing"
)

// FuzzReadIndicatorTable: any pasted text is read without a panic into rows that each hold
// something, from a line of the text, and Place puts every row somewhere or says why not.
func FuzzReadIndicatorTable(f *testing.F) {
	for _, seed := range []string{
		publishedNational,
		"一级指标\t二级指标\t三级指标\t分值\n（30分）\t社会效益指标（10分）\t指标 2： 受益面\t10\n合计\t\t\t10\n",
		"≥\t参保人数\t人\t5000\t5200\t\t13\n",
		"三级指标\t分值\n三级指标\t分值\n指标1：\t\n……\t\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rows := ParseTSV(text)
		got, err := ReadIndicatorTable(rows, "粘贴的内容")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "粘贴的内容") {
				t.Fatalf("error %q does not name the table", err)
			}
			return
		}
		for _, r := range got.Rows {
			if r.In.IsBlank() || r.Line < 1 || r.Line > len(rows) {
				t.Fatalf("row %+v of %d lines", r, len(rows))
			}
		}
		tree := NewProjectForm().Indicators
		before := 0
		tree.Each(func(RowPath, *Level1, *Level2, *Indicator) { before++ })
		notes := tree.Place(got.Rows, 1, 0)
		after := 0
		tree.Each(func(RowPath, *Level1, *Level2, *Indicator) { after++ })
		refused := 0
		for _, n := range notes {
			if strings.HasSuffix(n, "未加入") {
				refused++
			}
		}
		if after-before+refused != len(got.Rows) {
			t.Fatalf("%d rows read, %d placed, %d refused", len(got.Rows), after-before, refused)
		}
	})
}
