package xlsxin

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"ziping/forms"
)

// printedCSV is a published national-layout 项目支出绩效自评表 typed into a CSV exactly as
// printed: a published Hebei (廊坊) 2019 table of the national layout, with the
// weights in its 一级 labels as the Anhui and Sichuan tables print them ("产出指标(50分)",
// "效益指标（30分）"), the header block above the indicator table, the 绩效指标 column, merged
// cells typed once, "指标1：" before each 三级, the empty 生态效益 placeholder and the 总分 row.
const printedCSV = `项目支出绩效自评表,,,,,,,,
（2019年度）,,,,,,,,
项目名称,办公宿舍楼、食堂及餐厅暖通改造经费,,,,,,,
主管部门,廊坊市发改委,,,,实施单位,廊坊市食品工程学校,,
项目资金（万元）,,年初预算数,全年预算数(A),全年执行数(B),分值,执行率,得分,
,年度资金总额,43.2,43.2,37.24,10,86%,9,
,其中：当年财政拨款,43.2,43.2,37.24,—,,—,
,上年结转资金,,,,—,,—,
,其他资金,,,,—,,—,
年度总体目标,预期目标,,,,实际完成情况,,,
,完成办公宿舍楼、食堂及餐厅暖通改造,,,,"已完工，剩余3%尾款未付",,,
绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施
,产出指标(50分),数量指标,指标1：工程资金金额,43.2,37.24,10,9,"已完工，剩余3%尾款未付，且最高限价低于预算金额；提高预算准确度"
,,质量指标,指标1：工程完工率,100,100,10,10,
,,,指标2：工程验收合格率,100,100,10,10,
,,时效指标,指标1：项目完成及时率,100,100,10,10,
,,成本指标,指标1：成本控制率,100,100,10,10,
,效益指标（30分）,经济效益指标,指标1：安全率,100,100,10,10,0
,,社会效益指标,指标1：学校发展能力,100,100,10,10,0
,,生态效益指标,指标1：,,,,,
,,可持续影响指标,指标1：长期使用性,100,100,10,10,
,满意度指标（10分）,服务对象满意度指标,指标1：学生满意度,100,100,10,10,0
总分,,,,,,100,98,
`

// publishedRows are the 三级 of printedCSV as they belong: 一级 › 二级 › 内容, in order.
var publishedRows = []string{
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

// TestImportPublishedNationalRows: `ziping import` of the published table as a CSV places every
// 三级 under its own 一级/二级, named without its "指标1：" label, with its cells as printed; the
// placeholder and 总分 rows are not indicators. (The header block is xlsxin/plain.go's labels.)
func TestImportPublishedNationalRows(t *testing.T) {
	publishedRowsRead(t, importBytes(t, []byte(printedCSV), "廊坊暖通改造.csv"))
}

// TestImportPublishedNationalSheet: the same table as a worksheet, its 一级, 二级, 绩效指标 and
// 总分 cells merged as printed and its figures stored as numbers, reads the same rows.
func TestImportPublishedNationalSheet(t *testing.T) {
	cells, err := csv.NewReader(strings.NewReader(printedCSV)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows := make([][]any, len(cells))
	for r, row := range cells {
		for _, c := range row {
			if f, err := strconv.ParseFloat(c, 64); err == nil {
				rows[r] = append(rows[r], f)
			} else {
				rows[r] = append(rows[r], c)
			}
		}
	}
	sheet := bookSheet{name: "附件1", rows: rows, merges: [][2]string{
		{"A12", "A22"}, {"B13", "B17"}, {"B18", "B21"}, {"C14", "C15"}, {"A23", "F23"},
	}}
	publishedRowsRead(t, importBytes(t, testBook{sheets: []bookSheet{sheet}}.bytes(t), "廊坊暖通改造.xlsx"))
}

// publishedRowsRead fails the test unless res holds printedCSV's rows where they belong, with
// their 分值 and 得分, and its notes say the 总分 row was left out and no row was misplaced.
func publishedRowsRead(t *testing.T, res *Result) {
	t.Helper()
	if len(res.Doc.Projects) != 1 {
		t.Fatalf("%d projects", len(res.Doc.Projects))
	}
	var got, weights, scores []string
	res.Doc.Projects[0].Indicators.Each(func(_ forms.RowPath, a *forms.Level1, b *forms.Level2, in *forms.Indicator) {
		got = append(got, a.Name+" › "+b.Name+" › "+in.Content)
		weights, scores = append(weights, in.Weight), append(scores, in.Score)
	})
	notes := strings.Join(res.Notes, "\n")
	if strings.Join(got, "\n") != strings.Join(publishedRows, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s\nnotes:\n%s", strings.Join(got, "\n"), strings.Join(publishedRows, "\n"), notes)
	}
	if w, s := strings.Join(weights, " "), strings.Join(scores, " "); w != strings.Repeat("10 ", 8)+"10" || s != "9"+strings.Repeat(" 10", 8) {
		t.Errorf("分值 %q, 得分 %q", w, s)
	}
	if strings.Contains(notes, "找不到") || strings.Contains(notes, "绩效指标”：列名不认识") {
		t.Errorf("notes:\n%s", notes)
	}
	if !strings.Contains(notes, "总分") {
		t.Errorf("no note says the 总分 row was left out:\n%s", notes)
	}
}

// TestImportPublishedWeightNotations: the 一级 labels' weights written as other provinces write
// them ("（权重50%）", " 30分", "（10）") are dropped as when a table is pasted (forms.SplitWeightNote).
func TestImportPublishedWeightNotations(t *testing.T) {
	csv := strings.NewReplacer("产出指标(50分)", "产出指标（权重50%）", "效益指标（30分）", "效益指标 30分",
		"满意度指标（10分）", "满意度指标（10）").Replace(printedCSV)
	if csv == printedCSV {
		t.Fatal("the labels were not rewritten")
	}
	publishedRowsRead(t, importBytes(t, []byte(csv), "廊坊暖通改造.csv"))
}

// TestImportPublishedMissingLevel1: a published national table whose first 一级 cell is blank
// (a merged cell lost in a copy) and whose second is misspelt places every row under the form's
// 一级 of its 二级, with a note for each, as a pasted table does (forms.Tree.Level1For).
func TestImportPublishedMissingLevel1(t *testing.T) {
	csv := strings.NewReplacer(",产出指标(50分),数量指标", ",,数量指标", ",效益指标（30分）,经济效益指标", ",效益（30分）,经济效益指标").Replace(printedCSV)
	if csv == printedCSV {
		t.Fatal("the labels were not rewritten")
	}
	res := importBytes(t, []byte(csv), "廊坊暖通改造.csv")
	notes := strings.Join(res.Notes, "\n")
	for _, want := range []string{"二级指标“数量指标”没有一级指标，按表式放在“产出指标”下", "二级指标“经济效益指标”一级指标写作“效益”，按表式放在“效益指标”下"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	publishedRowsRead(t, res)

	// The 一级 written otherwise, then as the form names it: one 效益指标, in order.
	csv = strings.NewReplacer(",效益指标（30分）,经济效益指标", ",效益,经济效益指标", ",,社会效益指标", ",效益指标,社会效益指标").Replace(printedCSV)
	res = importBytes(t, []byte(csv), "廊坊暖通改造.csv")
	publishedRowsRead(t, res)
	var level1 []string
	for _, a := range res.Doc.Projects[0].Indicators {
		level1 = append(level1, a.Name)
	}
	if strings.Join(level1, " ") != "产出指标 效益指标 满意度指标" {
		t.Errorf("一级 %q", level1)
	}
}
