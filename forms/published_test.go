package forms

import (
	"fmt"
	"strings"
	"testing"
)

// publishedNational is a published national-layout 项目支出绩效自评表 as Excel or WPS puts it on
// the clipboard when the whole printed table is selected: a published Hebei (廊坊) 2019 table of
// the national layout, value for value, its 一级 labels carrying their
// weight as published Anhui, Hebei and Sichuan tables print them ("产出指标(50分)",
// "效益指标（30分）"), its merged cells blank below their first row, the header block above the
// indicator table, "指标1：" before each 三级, an empty 生态效益 placeholder and the 总分 row.
const publishedNational = "项目支出绩效自评表\r\n" +
	"（2019年度）\r\n" +
	"项目名称\t办公宿舍楼、食堂及餐厅暖通改造经费\t\t\t\t\t\t\t\r\n" +
	"主管部门\t廊坊市发改委\t\t\t\t实施单位\t廊坊市食品工程学校\t\t\r\n" +
	"项目资金（万元）\t\t年初预算数\t全年预算数(A)\t全年执行数(B)\t分值\t执行率\t得分\t\r\n" +
	"\t年度资金总额\t43.2\t43.2\t37.24\t10\t86%\t9\t\r\n" +
	"\t其中：当年财政拨款\t43.2\t43.2\t37.24\t—\t\t—\t\r\n" +
	"\t上年结转资金\t\t\t\t—\t\t—\t\r\n" +
	"\t其他资金\t\t\t\t—\t\t—\t\r\n" +
	"年度总体目标\t预期目标\t\t\t\t实际完成情况\t\t\t\r\n" +
	"\t43.2\t\t\t\t37.24\t\t\t\r\n" +
	"绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值（A）\t实际完成值（B）\t分值（分）\t得分（分）\t偏差原因分析及改进措施\r\n" +
	"\t产出指标(50分)\t数量指标\t指标1：工程资金金额\t43.2\t37.24\t10\t9\t已完工，剩余3%尾款未付，且最高限价低于预算金额；提高预算准确度\r\n" +
	"\t\t质量指标\t指标1：工程完工率\t100\t100\t10\t10\t\r\n" +
	"\t\t\t指标2：工程验收合格率\t100\t100\t10\t10\t\r\n" +
	"\t\t时效指标\t指标1：项目完成及时率\t100\t100\t10\t10\t\r\n" +
	"\t\t成本指标\t指标1：成本控制率\t100\t100\t10\t10\t\r\n" +
	"\t效益指标（30分）\t经济效益指标\t指标1：安全率\t100\t100\t10\t10\t0\r\n" +
	"\t\t社会效益指标\t指标1：学校发展能力\t100\t100\t10\t10\t0\r\n" +
	"\t\t生态效益指标\t指标1：\t\t\t\t\t\r\n" +
	"\t\t\t……\t\t\t\t\t\r\n" +
	"\t\t可持续影响指标\t指标1：长期使用性\t100\t100\t10\t10\t\r\n" +
	"\t满意度指标（10分）\t服务对象满意度指标\t指标1：学生满意度\t100\t100\t10\t10\t0\r\n" +
	"总分\t\t\t\t\t\t100\t98\t\r\n"

// publishedPlacement is where each 三级 of publishedNational belongs: 一级 › 二级 › 内容, in order.
var publishedPlacement = []string{
	"产出指标 › 数量指标 › 工程资金金额",
	"产出指标 › 质量指标 › 工程完工率",
	"产出指标 › 质量指标 › 工程验收合格率",
	"产出指标 › 时效指标 › 项目完成及时率",
	"产出指标 › 成本指标 › 成本控制率",
	"效益指标 › 经济效益指标 › 安全率",
	"效益指标 › 社会效益指标 › 学校发展能力",
	"效益指标 › 可持续影响指标 › 长期使用性",
	"满意度指标 › 服务对象满意度指标 › 学生满意度",
}

// placedRows lists the rows of t as 一级 › 二级 › 内容, in printed order.
func placedRows(t Tree) []string {
	var out []string
	t.Each(func(_ RowPath, a *Level1, b *Level2, in *Indicator) {
		out = append(out, a.Name+" › "+b.Name+" › "+in.Content)
	})
	return out
}

// emptyProjectTree is a new project's tree without its starting rows.
func emptyProjectTree() Tree {
	t := NewProjectForm().Indicators
	for _, a := range t {
		for _, b := range a.Children {
			b.Rows = []*Indicator{}
		}
	}
	return t
}

// TestReadPublishedNationalTable: the whole published table pasted (粘贴表格行) reads its
// indicator table only, each row under its own 一级/二级 with the 一级's weight note kept out of
// the name, its cells as printed (blank ones blank), and neither the placeholder rows nor 总分.
func TestReadPublishedNationalTable(t *testing.T) {
	got, err := ReadIndicatorTable(ParseTSV(publishedNational), "粘贴的内容")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Header || got.HeaderLine != 12 || len(got.Rows) != len(publishedPlacement) {
		t.Fatalf("header %v, %d rows, want %d: %+v", got.Header, len(got.Rows), len(publishedPlacement), got.Rows)
	}
	wantWeights := map[string]string{"产出指标": "50", "效益指标": "30", "满意度指标": "10"}
	for _, r := range got.Rows {
		if r.Level1Weight != wantWeights[r.Level1] {
			t.Errorf("line %d: 一级 %q weight %q, want %q", r.Line, r.Level1, r.Level1Weight, wantWeights[r.Level1])
		}
	}
	first, second := got.Rows[0], got.Rows[1]
	if first.Level1 != "产出指标" || first.In.Content != "工程资金金额" || first.In.Target != "43.2" || first.In.Actual != "37.24" ||
		first.In.Weight != "10" || first.In.Score != "9" || !strings.HasPrefix(first.In.Reason, "已完工") || first.Line != 13 {
		t.Errorf("first row %+v", first)
	}
	if second.In.Reason != "" || second.In.Unit != "" || second.In.Op != OpNone || second.In.Completion != "" {
		t.Errorf("blank cells of line %d not blank: %+v", second.Line, second.In)
	}
	tree := emptyProjectTree()
	if notes := tree.Place(got.Rows, 0, 0); len(notes) != 0 {
		t.Errorf("notes %q", notes)
	}
	if rows := placedRows(tree); strings.Join(rows, "\n") != strings.Join(publishedPlacement, "\n") {
		t.Errorf("placed:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(publishedPlacement, "\n"))
	}
	said := strings.Join(got.Ignored, "\n")
	for _, want := range []string{"第 1–11 行", "第 24 行“总分”"} {
		if !strings.Contains(said, want) {
			t.Errorf("ignored notes do not say %q:\n%s", want, said)
		}
	}
	if notes := got.WeightNotes(); len(notes) != 0 {
		t.Errorf("the published weights add up, yet %q", notes)
	}
	if strings.Contains(said, "绩效指标") {
		t.Errorf("the 绩效指标 column is the table's own label, not an unknown column:\n%s", said)
	}
}

// TestPasteFromTheFundsBlock: a copy of the published table from its 项目资金 header down (a
// header naming 分值 and 得分, but no 三级) is read from its indicator header.
func TestPasteFromTheFundsBlock(t *testing.T) {
	rows := ParseTSV(publishedNational)[4:]
	got, err := ReadIndicatorTable(rows, "粘贴的内容")
	if err != nil {
		t.Fatal(err)
	}
	if got.HeaderLine != 8 || got.HeaderRows != 1 || len(got.Rows) != len(publishedPlacement) || got.Rows[0].In.Content != "工程资金金额" {
		t.Errorf("header line %d, %d rows: %+v", got.HeaderLine, len(got.Rows), got.Rows)
	}
	if !strings.Contains(strings.Join(got.Ignored, "\n"), "第 1–7 行") {
		t.Errorf("notes %q", got.Ignored)
	}
}

// TestLevelWeightNotes: the ways published tables write a 一级's or 二级's weight after its name
// are the name alone and a weight; a note with no name leaves the 二级 to place the row.
func TestLevelWeightNotes(t *testing.T) {
	for label, want := range map[string][2]string{
		"产出指标(50分)":        {"产出指标", "50"},
		"效益指标（30分）":        {"效益指标", "30"},
		"产出指标 50分":         {"产出指标", "50"},
		"满意度指标\n（10分）":     {"满意度指标", "10"},
		"产出指标（50）":         {"产出指标", "50"},
		"效益指标(权重30%)":      {"效益指标", "30"},
		"产出指标（分值：50分）":     {"产出指标", "50"},
		"产出 (40.5分)":       {"产出", "40.5"},
		"（30分）":            {"", "30"},
		"产出指标":             {"产出指标", ""},
		"质量指标（合格率）":        {"质量指标（合格率）", ""},
		"2021年新增指标":        {"2021年新增指标", ""},
		"  效益指标 （ 30 分 ） ": {"效益指标", "30"},
	} {
		rows := [][]string{{"一级指标", "二级指标", "三级指标", "分值"}, {label, "社会效益指标", "受益人数", "10"}}
		got, err := ReadIndicatorTable(rows, "粘贴的内容")
		if err != nil {
			t.Fatalf("%q: %v", label, err)
		}
		if r := got.Rows[0]; r.Level1 != want[0] || r.Level1Weight != want[1] {
			t.Errorf("%q: 一级 %q weight %q, want %q %q", label, r.Level1, r.Level1Weight, want[0], want[1])
		}
	}
	rows := [][]string{{"一级指标", "二级指标", "三级指标"}, {"效益指标", "社会效益指标（20分）", "受益人数"}}
	got, err := ReadIndicatorTable(rows, "粘贴的内容")
	if err != nil {
		t.Fatal(err)
	}
	if r := got.Rows[0]; r.Level2 != "社会效益指标" || r.Level2Weight != "20" {
		t.Errorf("二级 %q weight %q", r.Level2, r.Level2Weight)
	}
}

// TestPlaceByUniqueLevel2: a 二级 found once in the tree places its row whatever its 一级 says;
// a 一级 with one 二级 places a row that names no 二级, or one found nowhere; a 二级 found twice
// needs its 一级.
func TestPlaceByUniqueLevel2(t *testing.T) {
	for name, c := range map[string]struct {
		row   TableRow
		want  string
		noted bool
	}{
		"一级 blank":               {TableRow{Level2: "质量指标"}, "产出指标 › 质量指标", false},
		"一级 misspelt":            {TableRow{Level1: "产岀指标", Level2: "时效指标"}, "产出指标 › 时效指标", true},
		"一级 another":             {TableRow{Level1: "效益指标", Level2: "成本指标"}, "产出指标 › 成本指标", true},
		"一级 of an old form":      {TableRow{Level1: "项目完成指标", Level2: "数量指标"}, "产出指标 › 数量指标", true},
		"二级 without 指标":          {TableRow{Level2: "可持续影响"}, "效益指标 › 可持续影响指标", false},
		"二级 with a weight note":  {TableRow{Level1: "效益", Level2: "生态效益指标(5分)"}, "效益指标 › 生态效益指标", false},
		"both with weight notes": {TableRow{Level1: "效益指标（30分）", Level2: "社会效益指标（10分）"}, "效益指标 › 社会效益指标", false},
		"一级 with one 二级":         {TableRow{Level1: "满意度指标（10分）"}, "满意度指标 › 服务对象满意度指标", false},
		"二级 unknown":             {TableRow{Level1: "产出指标", Level2: "效率指标"}, "效益指标 › 经济效益指标", true},
		"二级 unknown, one there":  {TableRow{Level1: "满意度指标", Level2: "满意度指标"}, "满意度指标 › 服务对象满意度指标", true},
	} {
		tree := emptyProjectTree()
		c.row.In.Content, c.row.Line = "某指标", 7
		notes := tree.Place([]TableRow{c.row}, 1, 0)
		if got := placedRows(tree); len(got) != 1 || got[0] != c.want+" › 某指标" {
			t.Errorf("%s: placed %q, want under %s", name, got, c.want)
		}
		if (len(notes) > 0) != c.noted {
			t.Errorf("%s: notes %q", name, notes)
		}
	}
	// Two 二级 of one name: the 一级 decides, and without it nothing does.
	tree := emptyProjectTree()
	tree.AddLevel2(1, "数量指标")
	notes := tree.Place([]TableRow{{Level2: "数量指标", In: Indicator{Content: "x"}, Line: 3}}, 2, 0)
	if got := placedRows(tree); fmt.Sprint(got) != "[满意度指标 › 服务对象满意度指标 › x]" || len(notes) != 1 {
		t.Errorf("ambiguous 二级: placed %q, notes %q", got, notes)
	}
	tree.Place([]TableRow{{Level1: "效益指标(30分)", Level2: "数量指标", In: Indicator{Content: "y"}, Line: 4}}, 2, 0)
	if got := placedRows(tree); !strings.Contains(fmt.Sprint(got), "效益指标 › 数量指标 › y") {
		t.Errorf("named 一级 › 二级: placed %q", got)
	}
}

// TestHeaderNotesAreNotUnits: header names with a note map to their column ("(A)", "（分）"), and
// the other names published tables give the columns are known.
func TestHeaderNotesAreNotUnits(t *testing.T) {
	cells := []string{"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值(A)", "实际完成值(B)", "分值(分)", "得分（分）", "偏差原因分析及改进措施"}
	want := []Column{ColumnNone, ColumnLevel1, ColumnLevel2, ColumnContent, ColumnTarget, ColumnActual, ColumnWeight, ColumnScore, ColumnReason}
	got, ok := MapHeader(cells)
	if !ok || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("MapHeader = %q, %v; want %q", got, ok, want)
	}
	for _, h := range []string{"指标值（A）", "全年完成值（B）", "年度指标值\n（A）", "分值\n(分)", "自评得分（分）",
		"全年指标值", "预期指标值", "指标权重", "实际得分", "偏差原因及改进措施", "三级指标内容"} {
		if columnOf(h) == ColumnNone {
			t.Errorf("%q is not recognised", h)
		}
	}
}

// TestTotalsAndRepeatsAreNotIndicators: 总分 and 合计 rows, a header repeated on a continuation
// page, placeholder rows and a row of "/" (a 二级 that does not apply, as published tables print
// it) are left out, each but the placeholders with a note.
func TestTotalsAndRepeatsAreNotIndicators(t *testing.T) {
	text := "一级指标\t二级指标\t三级指标\t指标值\t分值\t得分\n" +
		"产出指标\t数量指标\t发放人次\t1200\t20\t20\n" +
		"\t\t指标2\t\t\t\n" +
		"\t小计\t\t\t20\t20\n" +
		"一级指标\t二级指标\t三级指标\t指标值\t分值\t得分\n" +
		"\t质量指标\t合格率\t100%\t30\t30\n" +
		"\t\t…\t\t\t\n" +
		"\t生态效益指标\t/\t/\t／\t—\n" +
		"合计（分）\t\t\t\t50\t50\n" +
		"总 分\t\t\t\t100\t98\n"
	got, err := ReadIndicatorTable(ParseTSV(text), "粘贴的内容")
	if err != nil {
		t.Fatal(err)
	}
	var contents []string
	for _, r := range got.Rows {
		contents = append(contents, r.Level1+"/"+r.Level2+"/"+r.In.Content)
	}
	if fmt.Sprint(contents) != "[产出指标/数量指标/发放人次 产出指标/质量指标/合格率]" {
		t.Errorf("rows %q", contents)
	}
	said := strings.Join(got.Ignored, "\n")
	for _, want := range []string{"第 4 行“小计”", "第 5 行", "第 8 行只有“/”", "第 9 行“合计（分）”", "第 10 行“总 分”"} {
		if !strings.Contains(said, want) {
			t.Errorf("notes do not say %q:\n%s", want, said)
		}
	}
}

// TestWeightNotes: a weight noted after a label that its rows' 分值 do not add up to is named,
// with both figures; labels whose rows add up, or hold a 分值 that is no number, are not.
func TestWeightNotes(t *testing.T) {
	text := "一级指标\t二级指标\t三级指标\t分值\n" +
		"产出指标（50分）\t数量指标（20分）\t发放人次\t20\n" +
		"\t质量指标（30分）\t合格率\t25\n" +
		"效益指标（30分）\t社会效益指标\t受益面\t/\n" +
		"满意度指标（10分）\t服务对象满意度指标\t满意度\t10.0\n"
	got, err := ReadIndicatorTable(ParseTSV(text), "粘贴的内容")
	if err != nil {
		t.Fatal(err)
	}
	want := "[“产出指标”注明 50 分，表中其下各行的分值合计 45 分 “质量指标”注明 30 分，表中其下各行的分值合计 25 分]"
	if notes := got.WeightNotes(); fmt.Sprint(notes) != want {
		t.Errorf("notes %q,\nwant %s", notes, want)
	}
}
