package forms

import (
	"reflect"
	"testing"
)

func TestPrintedRows(t *testing.T) {
	tree := Tree{
		{Name: "产出指标", Children: []*Level2{
			{Name: "数量指标", Rows: []*Indicator{{Content: "a"}, {Content: "b"}}},
			{Name: "质量指标"}, // no rows: one blank row
		}},
		{Name: "满意度指标"}, // no 二级: one blank row
		{Name: "预算执行", Merged: true, Children: []*Level2{{Rows: []*Indicator{{Content: "c"}}}}},
	}
	type got struct {
		path           RowPath
		content        string
		l1Span, l2Span int
	}
	var rows []got
	for _, r := range tree.PrintedRows() {
		g := got{path: r.Path, l1Span: r.L1Span, l2Span: r.L2Span}
		if r.In != nil {
			g.content = r.In.Content
		}
		if r.L1 != tree[r.Path.L1] || r.L2 == nil {
			t.Errorf("row %v: wrong 一级 or no 二级", r.Path)
		}
		rows = append(rows, g)
	}
	want := []got{
		{RowPath{0, 0, 0}, "a", 3, 2},
		{RowPath{0, 0, 1}, "b", 0, 0},
		{RowPath{0, 1, 0}, "", 0, 1},
		{RowPath{1, 0, 0}, "", 1, 1},
		{RowPath{2, 0, 0}, "c", 1, 1},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("printed rows\n%v\nwant\n%v", rows, want)
	}
}
