package forms

import "testing"

// TestCutBracketed: the notes of a header or label come out, full-width brackets first, and an
// unclosed bracket stays, as both the pasted tables' headers (headerKey) and the workbooks'
// labels (xlsxin/plain.go) read them.
func TestCutBracketed(t *testing.T) {
	for _, c := range []struct{ in, rest, notes string }{
		{"全年预算数（A）", "全年预算数", "A"},
		{"金额(万元)（含税）", "金额", "含税万元"},
		{"执行率（%", "执行率（%", ""},
		{"分值）（10）", "分值）（10）", ""},
		{"", "", ""},
	} {
		if rest, notes := CutBracketed(c.in); rest != c.rest || notes != c.notes {
			t.Errorf("CutBracketed(%q) = %q, %q; want %q, %q", c.in, rest, notes, c.rest, c.notes)
		}
	}
}
