package xlsxin

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
)

// testBook is a workbook made in a test: rows of values per sheet (a value is a string, a number,
// or an excelize.Cell for a formula with its cached value), merged ranges and number formats.
type testBook struct {
	sheets []bookSheet
}

type bookSheet struct {
	name    string
	rows    [][]any
	merges  [][2]string // top-left, bottom-right
	formats map[string]string
}

func (b testBook) bytes(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range b.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		if err := s.write(f); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// write streams the sheet's rows and merged ranges into its sheet of f.
func (s bookSheet) write(f *excelize.File) error {
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	for r, row := range s.rows {
		cells := make([]any, len(row))
		for c, v := range row {
			if cells[c], err = s.styled(f, c, r, v); err != nil {
				return err
			}
		}
		ref, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := sw.SetRow(ref, cells); err != nil {
			return err
		}
	}
	for _, m := range s.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// styled is the value v of column c, row r with its number format, if it has one.
func (s bookSheet) styled(f *excelize.File, c, r int, v any) (any, error) {
	ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
	code, ok := s.formats[ref]
	if !ok {
		return v, nil
	}
	st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		return nil, err
	}
	if x, ok := v.(excelize.Cell); ok {
		x.StyleID = st
		return x, nil
	}
	return excelize.Cell{StyleID: st, Value: v}, nil
}

// provincial is a sheet as a provincial system exports it: a title with the year, labelled
// header fields (in one cell, beside their value, and a row of labels over a row of values),
// a header with other names than the printed table's, 一级 and 二级 merged down the rows they
// span, numbers stored as numbers in their formats, a formula's cached value, a column the
// program does not know, a 二级 of another name, a blank 二级 continuing the one above, and a
// row of totals.
func provincial() bookSheet {
	return bookSheet{
		name: "社保项目",
		rows: [][]any{
			{"2022年度项目支出绩效自评表"},
			{"项目名称：社会保障经办服务"},
			{"主管部门", "", "抚顺市人社局", "", "实施单位", "抚顺市社保中心"},
			{"实施期", "2022年1月-12月"},
			{"年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）"},
			{600, 600, 590.5},
			{"一级指标", "二级指标", "指标名称", "指标值", "实际完成值", "权重", "自评得分", "备注", "偏差原因分析"},
			{"产出指标", "数量指标", "办理业务笔数", "≥10000笔", "10500笔", 20, 20, "无"},
			{"", "", "新增参保人数", "≥500人", "480人", 10, excelize.Cell{Formula: "F9*0.96", Value: 9.6}, "", "经济下行"},
			{"", "质量指标", "业务差错率", "≤1%", "0.8%", 20, 20},
			{"", "", "群众满意", "好", "好", 10, 10},
			{"效益指标", "社会效益", "参保覆盖面", "持续扩大", "已扩大", 20, 18},
			{"", "特色指标", "窗口示范", "创建", "已创建", 10, 10},
			{"合计", "", "", "", "", 90, excelize.Cell{Formula: "SUM(G8:G13)", Value: 87.6}},
		},
		merges: [][2]string{
			{"A8", "A11"}, {"B8", "B9"}, {"B10", "B11"}, {"A12", "A13"},
		},
		formats: map[string]string{"A6": "0.00", "B6": "0.00", "C6": "#,##0.00", "F8": "0", "G9": "0.0"},
	}
}

func TestPlainSheet(t *testing.T) {
	res := importBytes(t, testBook{sheets: []bookSheet{provincial()}}.bytes(t), "省系统导出.xlsx")
	d := res.Doc
	if d.Settings.Year != "2022" || res.Unit || len(d.Projects) != 1 {
		t.Fatalf("year %q, unit %v, %d projects", d.Settings.Year, res.Unit, len(d.Projects))
	}
	p := d.Projects[0]
	header := []string{p.Name, p.Department, p.Implementer, p.Period}
	if want := []string{"社会保障经办服务", "抚顺市人社局", "抚顺市社保中心", "2022年1月-12月"}; !slices.Equal(header, want) {
		t.Errorf("header %q, want %q", header, want)
	}
	if got := p.FundRow("T").Amounts; got != (forms.Amounts{Initial: "600.00", Full: "600.00", Actual: "590.50"}) {
		t.Errorf("funds %+v", got)
	}
	rows := map[string]string{}
	p.Indicators.Each(func(_ forms.RowPath, l1 *forms.Level1, l2 *forms.Level2, in *forms.Indicator) {
		rows[in.Content] = fmt.Sprintf("%s›%s|%s|%s|%s|%s|%s", l1.Name, l2.Name, in.Target, in.Actual, in.Weight, in.Score, in.Reason)
	})
	want := map[string]string{
		"办理业务笔数": "产出指标›数量指标|≥10000笔|10500笔|20|20|",
		"新增参保人数": "产出指标›数量指标|≥500人|480人|10|9.6|经济下行",
		"业务差错率":  "产出指标›质量指标|≤1%|0.8%|20|20|",
		"群众满意":   "产出指标›质量指标|好|好|10|10|",
		"参保覆盖面":  "效益指标›社会效益指标|持续扩大|已扩大|20|18|",
		"窗口示范":   "效益指标›经济效益指标|创建|已创建|10|10|",
	}
	for k, v := range want {
		if rows[k] != v {
			t.Errorf("%s: %q, want %q", k, rows[k], v)
		}
	}
	if len(rows) != len(want) {
		t.Errorf("rows %q", rows)
	}
	for _, n := range []string{"第 8 列“备注”：列名不认识", "第 13 行：找不到“效益指标 › 特色指标”，放在“效益指标 › 经济效益指标”下", "第 14 行：“合计”是合计行"} {
		if !containsNote(res.Notes, n) {
			t.Errorf("no note %q in %q", n, res.Notes)
		}
	}
}

func containsNote(notes []string, s string) bool {
	return slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, s) })
}

func TestPlainSheets(t *testing.T) {
	for name, tc := range map[string]struct {
		rows  [][]any
		check func(t *testing.T, res *Result)
	}{
		"two header rows, as printed": {
			rows: [][]any{
				{"一级指标", "二级指标", "三级指标", "", "", "年度指标值", "全年完成值", "分值", "得分"},
				{"", "", "运算符号", "内容", "度量单位"},
				{"产出指标", "时效指标", "≥", "按时办结率", "%", 95, 98, 10},
			},
			check: func(t *testing.T, res *Result) {
				in := res.Doc.Projects[0].Indicators[0].Children[2].Rows
				if len(in) != 1 || in[0].Op != forms.OpGE || in[0].Content != "按时办结率" || in[0].Unit != "%" || in[0].Target != "95" {
					t.Errorf("rows %+v", in)
				}
			},
		},
		"no 一级 or 二级 columns": {
			rows: [][]any{{"指标名称", "目标值", "权重"}, {"甲", "1", 50}, {"乙", "2", 50}},
			check: func(t *testing.T, res *Result) {
				if n := len(res.Doc.Projects[0].Indicators[0].Children[0].Rows); n != 2 {
					t.Errorf("%d rows under 数量指标", n)
				}
				if !containsNote(res.Notes, "没有“一级指标”“二级指标”列：2 行都放在“产出指标 › 数量指标”下") {
					t.Errorf("notes %q", res.Notes)
				}
			},
		},
		"the template's example row": {
			rows: [][]any{{"三级指标", "分值"}, {"示例：培训人次", 20}, {"培训天数", 10}},
			check: func(t *testing.T, res *Result) {
				rows := res.Doc.Projects[0].Indicators[0].Children[0].Rows
				if len(rows) != 1 || rows[0].Content != "培训天数" || !containsNote(res.Notes, "第 2 行：是模板的示例行") {
					t.Errorf("rows %+v, notes %q", rows, res.Notes)
				}
			},
		},
	} {
		t.Run(name, func(t *testing.T) {
			res := importBytes(t, testBook{sheets: []bookSheet{{name: "表", rows: tc.rows}}}.bytes(t), "t.xlsx")
			if len(res.Doc.Projects) != 1 {
				t.Fatalf("%d projects", len(res.Doc.Projects))
			}
			tc.check(t, res)
		})
	}
}

// A workbook of a plain sheet beside sheets without an indicator table: those are left out
// with a note naming them; Ziping's own export and a plain sheet go into one document.
func TestMixedWorkbook(t *testing.T) {
	b := testBook{sheets: []bookSheet{
		{name: "说明", rows: [][]any{{"本工作簿由财务科整理"}}},
		provincial(),
		{name: "空表", rows: [][]any{{"三级指标", "分值", "得分"}}},
	}}
	res := importBytes(t, b.bytes(t), "t.xlsx")
	if len(res.Doc.Projects) != 1 {
		t.Fatalf("%d projects", len(res.Doc.Projects))
	}
	for _, n := range []string{"工作表“说明”中找不到指标表的表头", "工作表“空表”的表头下没有指标行"} {
		if !containsNote(res.Notes, n) {
			t.Errorf("no note %q in %q", n, res.Notes)
		}
	}
}

// TestPlainScoreEqualToSuggestion: a 得分 in a plain sheet that equals the rules' suggestion
// by value ("10", "10.0", the number 10) is the suggestion, not 手工调整; one that differs, or one
// where the rules suggest nothing, is the user's.
func TestPlainScoreEqualToSuggestion(t *testing.T) {
	rows := [][]any{
		{"一级指标", "二级指标", "运算符号", "三级指标", "度量单位", "年度指标值", "全年完成值", "分值", "得分"},
		{"产出指标", "数量指标", "≥", "文字相同", "个", 100, 100, 10, "10"},
		{"产出指标", "数量指标", "≥", "小数位不同", "个", 100, 100, 10, "10.0"},
		{"产出指标", "数量指标", "≥", "数字相同", "个", 100, 100, 10, 10},
		{"产出指标", "数量指标", "≥", "低于建议", "个", 100, 100, 10, 9},
		{"产出指标", "数量指标", "", "没有建议", "", "好", "好", 10, 10},
	}
	res := importBytes(t, testBook{sheets: []bookSheet{{name: "表", rows: rows}}}.bytes(t), "t.xlsx")
	ev := forms.Evaluate(res.Doc)
	want := map[string]bool{"文字相同": false, "小数位不同": false, "数字相同": false, "低于建议": true, "没有建议": true}
	got := map[string]bool{}
	res.Doc.Projects[0].Indicators.Each(func(p forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
		got[in.Content] = in.Manual
		if r := ev.Projects[0].Indicators.At(p); r.Manual != (in.Manual && r.HasSuggestion) {
			t.Errorf("%s: evaluated as 手工调整 %v", in.Content, r.Manual)
		}
	})
	if !maps.Equal(got, want) {
		t.Errorf("手工调整 %v, want %v", got, want)
	}
}

// TestPlainColumnNotes: "(A)" and "(B)" in the labels of amounts name columns, not units: the
// amounts are read (a unit other than 万元 is still refused with a note).
func TestPlainColumnNotes(t *testing.T) {
	csv := "年初预算数,全年预算数(A),全年执行数（B）\n100,120,108\n一级指标,二级指标,三级指标,分值\n产出指标,数量指标,里程,50\n"
	res := importBytes(t, []byte(csv), "a.csv")
	if got := res.Doc.Projects[0].FundRow("T").Amounts; got != (forms.Amounts{Initial: "100", Full: "120", Actual: "108"}) {
		t.Errorf("amounts %+v; notes %q", got, res.Notes)
	}
	res = importBytes(t, []byte(strings.Replace(csv, "(A)", "(元)", 1)), "b.csv")
	if got := res.Doc.Projects[0].FundRow("T").Full; got != "" {
		t.Errorf("全年预算数(元) read as %q", got)
	}
}
