package forms

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseTSV(t *testing.T) {
	tests := map[string]struct {
		in   string
		want [][]string
	}{
		"plain":               {"a\tb\r\nc\td\r\n", [][]string{{"a", "b"}, {"c", "d"}}},
		"LF only":             {"a\tb\nc\td", [][]string{{"a", "b"}, {"c", "d"}}},
		"trailing empty":      {"a\t\t\r\n", [][]string{{"a", "", ""}}},
		"quoted line break":   {"\"第一行\r\n第二行\"\tx\r\n", [][]string{{"第一行\r\n第二行", "x"}}},
		"quoted quote":        {"\"他说\"\"好\"\"\"\ty\n", [][]string{{"他说\"好\"", "y"}}},
		"quote inside":        {"5\"屏\tz\n", [][]string{{"5\"屏", "z"}}},
		"quoted tab":          {"\"a\tb\"\tc\n", [][]string{{"a\tb", "c"}}},
		"no final line break": {"x", [][]string{{"x"}}},
		"empty middle row":    {"a\n\nb\n", [][]string{{"a"}, {""}, {"b"}}},
		"unbalanced quote":    {"\"双随机\t检查\nx\ty\n", [][]string{{"\"双随机", "检查"}, {"x", "y"}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := ParseTSV(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("ParseTSV(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMapHeader(t *testing.T) {
	tests := map[string]struct {
		cells []string
		want  []Column
		ok    bool
	}{
		"printed names":    {[]string{"运算符号", "内容", "度量单位", "年度指标值", "全年完成值", "分值", "得分"}, []Column{ColumnOp, ColumnContent, ColumnUnit, ColumnTarget, ColumnActual, ColumnWeight, ColumnScore}, true},
		"provincial sheet": {[]string{"一级指标", "二级指标", "三级指标", "权重（分值）", "指标值", "实际完成值", "偏差原因"}, []Column{ColumnLevel1, ColumnLevel2, ColumnContent, ColumnWeight, ColumnTarget, ColumnActual, ColumnReason}, true},
		"other order":      {[]string{"得分", " 指标\n名称 ", "目标值"}, []Column{ColumnScore, ColumnContent, ColumnTarget}, true},
		"unknown column":   {[]string{"序号", "指标名称", "分值"}, []Column{ColumnNone, ColumnContent, ColumnWeight}, true},
		"repeated":         {[]string{"分值", "权重", "内容"}, []Column{ColumnWeight, ColumnNone, ColumnContent}, true},
		"data row":         {[]string{"≥", "参保人数", "人", "5000"}, []Column{ColumnOp, ColumnNone, ColumnUnit, ColumnNone}, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, ok := MapHeader(tc.cells)
			if ok != tc.ok || (tc.ok && !reflect.DeepEqual(got, tc.want)) {
				t.Fatalf("MapHeader(%q) = %q, %v; want %q, %v", tc.cells, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestReadIndicatorTable(t *testing.T) {
	// Without a header: the printed column order; ticks as √; a reason with a line break.
	rows := ParseTSV("≥\t参保人数\t人\t5000\t5200\t\t13\t\t\t\t\t\t\t\t\r\n" +
		"不超过\t经办时限\t天\t10\t12\t\t12\t10\t√\t\t\t\t\t\"人手不足\r\n已增派\"\t优化流程\r\n\r\n")
	got, err := ReadIndicatorTable(rows, "粘贴的内容")
	if err != nil {
		t.Fatal(err)
	}
	if got.Header || len(got.Rows) != 2 {
		t.Fatalf("reading %+v", got)
	}
	a, b := got.Rows[0].In, got.Rows[1].In
	if a.Op != OpGE || a.Content != "参保人数" || a.Target != "5000" || a.Actual != "5200" || a.Weight != "13" {
		t.Errorf("row 1 %+v", a)
	}
	if b.Op != OpLE || !b.Reasons.Funding || b.Reason != "人手不足\n已增派" || b.Measures != "优化流程" || b.Score != "10" {
		t.Errorf("row 2 %+v", b)
	}
	// With a header: by name, 一级/二级 kept, unknown columns named.
	rows = ParseTSV("序号\t一级指标\t二级指标\t三级指标\t指标值\t分值\n1\t产出指标\t数量指标\t发放人次\t≥1200人次\t20\n")
	got, err = ReadIndicatorTable(rows, "粘贴的内容")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Header || got.Rows[0].Level1 != "产出指标" || got.Rows[0].Level2 != "数量指标" || got.Rows[0].In.Target != "≥1200人次" ||
		len(got.Ignored) != 1 || !strings.Contains(got.Ignored[0], "序号") {
		t.Errorf("reading %+v", got)
	}
	// Bad input: an operator that is none, a cell over the field limit, nothing to import.
	for name, text := range map[string]string{
		"bad op":    "约等于\t内容\n",
		"too long":  "≥\t" + strings.Repeat("长", MaxFieldRunes+1) + "\n",
		"only head": "三级指标\t分值\n",
	} {
		if _, err := ReadIndicatorTable(ParseTSV(text), "粘贴的内容"); err == nil || !strings.Contains(err.Error(), "粘贴的内容") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

func TestPlaceRows(t *testing.T) {
	p := NewProjectForm()
	rows := []TableRow{
		{Level1: "产出指标", Level2: "质量", In: Indicator{Content: "合格率"}, Line: 2},
		{Level2: "满意度指标", In: Indicator{Content: "不存在"}, Line: 3},
		{In: Indicator{Content: "无名"}, Line: 4},
	}
	notes := p.Indicators.Place(rows, 1, 0)
	if got := p.Indicators[0].Children[1].Rows; got[len(got)-1].Content != "合格率" {
		t.Errorf("named row not under 产出 › 质量: %+v", got)
	}
	econ := p.Indicators[1].Children[0].Rows
	if len(econ) != 3 || econ[1].Content != "不存在" || econ[2].Content != "无名" {
		t.Errorf("rows without a match not under the chosen 二级: %+v", econ)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "第 3 行") {
		t.Errorf("notes %q", notes)
	}
}

// TestReadExportLayout: a block copied from the program's own Excel export (two header rows,
// the 绩效指标 and 指标 N columns, merged 一级/二级 cells blank below their first row) reads
// every field into its column.
func TestReadExportLayout(t *testing.T) {
	text := "绩效指标\t一级指标\t二级指标\t三级指标\t\t\t\t年度目标值\t全年完成值\t完成程度\t分值\t得分\t未完成原因分析\t\t\t\t\t\t改进措施\r\n" +
		"\t\t\t\t运算符号\t内容\t度量单位\t\t\t\t\t\t经费保障\t制度保障\t人员保障\t硬件条件保障\t其他\t原因说明\t\r\n" +
		"绩效指标\t产出指标\t数量指标\t指标 1\t≥\t参保人数\t人\t5000\t4800\t96%\t13\t12.48\t√\t\t\t\t\t人手不足\t增派人员\r\n" +
		"\t\t\t指标 2\t≤\t差错率\t%\t1%\t0.5%\t200%\t13\t13\t\t\t\t\t\t\t\r\n"
	got, err := ReadIndicatorTable(ParseTSV(text), "粘贴的内容")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 2 || got.HeaderLine != 1 || got.HeaderRows != 2 {
		t.Fatalf("header at %d, %d rows; %d rows: %+v", got.HeaderLine, got.HeaderRows, len(got.Rows), got.Rows)
	}
	a, b := got.Rows[0], got.Rows[1]
	if a.Level1 != "产出指标" || a.Level2 != "数量指标" || a.In.Content != "参保人数" || a.In.Op != OpGE || a.In.Unit != "人" ||
		!a.In.Reasons.Funding || a.In.Reason != "人手不足" || a.In.Measures != "增派人员" || a.In.Score != "12.48" {
		t.Errorf("row 1 %+v", a)
	}
	if b.Level2 != "数量指标" || b.In.Content != "差错率" || b.In.Op != OpLE {
		t.Errorf("row 2 %+v", b)
	}
}
