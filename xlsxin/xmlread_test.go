package xlsxin

import (
	"slices"
	"testing"
)

// Shared strings: runs joined, phonetic guides left out, entities read.
func TestSharedStrings(t *testing.T) {
	got, err := sharedStrings([]byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`+
		`<si><t>三级指标</t></si>`+
		`<si><r><rPr><b/></rPr><t>产出</t></r><r><t xml:space="preserve"> 指标</t></r></si>`+
		`<si><t>满意度</t><rPh sb="0" eb="3"><t>マンゾクド</t></rPh></si>`+
		`<si><t>A&amp;B &lt;1&gt;</t></si></sst>`), newBudget())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"三级指标", "产出 指标", "满意度", "A&B <1>"}; !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

// A sheet's cells of every type, with and without references, a prefixed namespace, and a
// merged range whose first cell's value covers it.
func TestParseSheet(t *testing.T) {
	b := &book{strs: []string{"甲", "乙"}, styles: []xf{{}, {code: "0.00"}, {left: true}}}
	s, err := parseSheet([]byte(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>`+
		`<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>行</x:t></x:r><x:r><x:t>内</x:t></x:r></x:is></x:c>`+
		`<x:c r="D1" s="1"><x:v>600</x:v></x:c><x:c r="E1" s="1"><x:f>D1*2</x:f><x:v>1200</x:v></x:c></x:row>`+
		`<x:row><x:c r="A2" t="b"><x:v>1</x:v></x:c><x:c r="B2" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="C2" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c>`+
		`<x:c r="D2" s="2"/><x:c r="E2" t="s"><x:v>1</x:v></x:c></x:row>`+
		`</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="E1:E2"/></x:mergeCells></x:worksheet>`), "表", b, newBudget())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		r, c         int
		text         string
		num, formula bool
		merged, left bool
	}{
		{0, 0, "甲", false, false, false, false},
		{0, 1, "行内", false, false, false, false},
		{0, 3, "600.00", true, false, false, false},
		{0, 4, "1200.00", true, true, true, false},
		{1, 4, "1200.00", true, true, true, false}, // covered by E1, merged over E1:E2
		{1, 0, "TRUE", false, false, false, false},
		{1, 1, "#DIV/0!", false, false, false, false},
		{1, 2, "ab", false, true, false, false},
		{1, 3, "", false, false, false, true},
	} {
		x := s.at(tc.r, tc.c)
		if x == nil {
			t.Errorf("%s: no cell", place("表", tc.r, tc.c))
			continue
		}
		if x.text != tc.text || x.num != tc.num || x.formula != tc.formula || (x.lastRow > x.row) != tc.merged || s.leftAligned(x) != tc.left {
			t.Errorf("%s: %+v", place("表", tc.r, tc.c), *x)
		}
	}
	if own := s.own(1); len(own) != 4 {
		t.Errorf("row 2 has %d cells of its own, want 4 (E2 belongs to E1)", len(own))
	}
}
