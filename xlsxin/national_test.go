package xlsxin

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/forms/formstest"
)

// openBook opens a workbook's bytes with excelize, to edit it as a user would.
func openBook(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// saveBook is the bytes of f.
func saveBook(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// dropShadow is data without its shadow sheet, as a program that drops very hidden sheets, or
// a user who deleted it, would save it.
func dropShadow(t testing.TB, data []byte) []byte {
	t.Helper()
	f := openBook(t, data)
	if err := f.DeleteSheet(shadowSheet); err != nil {
		t.Fatal(err)
	}
	out := saveBook(t, f)
	if bytes.Contains(out, []byte(shadowMark)) {
		t.Fatal("the shadow is still there")
	}
	return out
}

// national is the sample in the national template with what its form prints joined or not at
// all: settings (计分规则, 签字栏), a row with 运算符号, 度量单位, ticks, 原因说明 and 改进措施, a
// 财政拨款 split over two rows, 实施期, 评价结论 and 存在问题.
func national(t testing.TB) *forms.Document {
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(forms.TemplateNational)
	doc.Settings.RateCap, doc.Settings.Strict, doc.Settings.OverTarget = true, true, forms.OverTarget120
	doc.Settings.Signature = true
	doc.Settings.Footer = forms.Footer{Preparer: "王会计", Phone: "024-1234", Leader: "李主任", Date: "2022年3月1日"}
	p := doc.Projects[1]
	p.Period = "2021年"
	p.Conclusion, p.Issues = "基本完成", "宣传不足"
	p.FundRow("S1").Amounts = forms.Amounts{Initial: "300", Full: "300", Actual: "280"}
	p.FundRow("S2").Amounts = forms.Amounts{Initial: "100", Full: "100", Actual: "100"}
	in := p.Indicators[0].Children[0].Rows[0]
	in.Op, in.Target, in.Unit, in.Actual, in.Weight = forms.OpGE, "100", "人", "90", "13"
	in.Reasons.SetTick(0, true)
	in.Reasons.SetTick(2, true)
	in.Reason, in.Measures = "经费到位晚", "提前申请"
	return doc
}

// TestNationalRoundTrip: a national document exported and imported is the same document and
// checks the same; exported again it gives the same workbook, byte for byte.
func TestNationalRoundTrip(t *testing.T) {
	doc := national(t)
	data := export(t, doc)
	res := importBytes(t, data, "n.xlsx")
	formstest.SameSaved(t, "the document read back", ignoreComputed(res.Doc), ignoreComputed(national(t)))
	sameEvaluation(t, res.Doc, doc)
	if again := export(t, res.Doc); !bytes.Equal(again, data) {
		t.Error("the imported document exports differently")
	}
	for _, n := range res.Notes {
		t.Errorf("note: %s", n)
	}
}

// TestNationalByItsLabels: without the shadow sheet, a national export is read by its labels:
// the 表式 is national, no label, total or template text is read as data, "指标 N：" is not
// part of a name, the joined cells are split back, and the scores are the same.
func TestNationalByItsLabels(t *testing.T) {
	doc := national(t)
	res := importBytes(t, dropShadow(t, export(t, doc)), "n.xlsx")
	got := res.Doc
	if got.Settings.TemplateOf().ID() != forms.TemplateNational || !got.Settings.Signature || got.Settings.Footer != doc.Settings.Footer {
		t.Errorf("settings %+v", got.Settings)
	}
	if len(got.Projects) != len(doc.Projects) {
		t.Fatalf("%d projects", len(got.Projects))
	}
	for i, p := range got.Projects {
		w := doc.Projects[i]
		if p.Name != w.Name || p.Department != w.Department || p.Implementer != w.Implementer || p.FundsWeight != w.FundsWeight {
			t.Errorf("project %d header: %q %q %q %q", i, p.Name, p.Department, p.Implementer, p.FundsWeight)
		}
		if len(p.Goals) != len(w.Goals) || p.Goals[0].Target != w.Goals[0].Target || p.Goals[0].Result != w.Goals[0].Result {
			t.Errorf("project %d goals: %+v", i, p.Goals)
		}
		var names, want []string
		p.Indicators.Each(func(_ forms.RowPath, l1 *forms.Level1, l2 *forms.Level2, in *forms.Indicator) {
			names = append(names, l1.Name+"›"+l2.Name+"›"+in.Content)
		})
		w.Indicators.Each(func(_ forms.RowPath, l1 *forms.Level1, l2 *forms.Level2, in *forms.Indicator) {
			want = append(want, l1.Name+"›"+l2.Name+"›"+in.Content)
		})
		if strings.Join(names, "\n") != strings.Join(want, "\n") {
			t.Errorf("project %d rows:\n%s\nwant\n%s", i, strings.Join(names, "\n"), strings.Join(want, "\n"))
		}
	}
	p := got.Projects[1]
	in := p.Indicators[0].Children[0].Rows[0]
	// A written 偏差原因 is printed instead of the ticked causes (docs/scoring.md §8), so
	// without the shadow the ticks cannot come back; the text does.
	if in.Target != "≥100人" || in.Actual != "90人" || in.Reasons != (forms.Reasons{}) || in.Reason != "经费到位晚" || in.Measures != "提前申请" {
		t.Errorf("joined cells: %+v", in)
	}
	if p.Conclusion != "基本完成" || p.Issues != "宣传不足" {
		t.Errorf("conclusion %q issues %q", p.Conclusion, p.Issues)
	}
	if a := p.FundRow("S1").Amounts; a != (forms.Amounts{Initial: "400", Full: "400", Actual: "380"}) && a.Initial == "" {
		t.Errorf("当年财政拨款 %+v", a)
	}
	eg, ew := forms.Evaluate(got), forms.Evaluate(doc)
	for i := range doc.Projects {
		if g, w := eg.Projects[i], ew.Projects[i]; g.TotalText() != w.TotalText() || g.DText() != w.DText() {
			t.Errorf("project %d: total %s D %s, want %s %s", i, g.TotalText(), g.DText(), w.TotalText(), w.DText())
		}
	}
}

// publishedCSV is a national project table typed as a province publishes it: no merged cells
// (a merged label stands in its first cell), the 主管部门 left blank, "(A)"/"(B)" notes in the
// headings, the weights of the 一级 in their labels, and the 总分 row.
const publishedCSV = `项目支出绩效自评表
（2022年度）
项目名称,乡村道路养护,,,,,,,
主管部门,,,实施单位,县交通运输局,,,,
项目资金（万元）,,年初预算数,全年预算数(A),全年执行数(B),分值,执行率(B/A),得分,
,年度资金总额,120,120,108,10,90%,9,
,其中：当年财政拨款,100,100,90,—,—,—,
,上年结转资金,20,20,18,—,—,—,
,其他资金,,,,—,—,—,
年度总体目标,预期目标,,,,实际完成情况,,,
,完成30公里道路养护,,,,完成27公里,,,
绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施
,产出指标(50分),数量指标,养护里程,≥30公里,27公里,30,27,经费到位晚
,,质量指标,路面合格率,≥95%,96%,20,20,
,效益指标（30分）,社会效益指标,通行条件改善,明显改善,明显改善,30,30,
,,生态效益指标,/,/,/,/,/,/
,满意度指标(10分),服务对象满意度指标,群众满意度,≥90%,92%,10,10,
总分,,,,,,100,96,
`

// TestPublishedNationalCSV: the header block of a published national table is read as printed:
// a blank 主管部门 stays blank, (A)/(B) are notes, not units, every amount of 年度资金总额 and
// the source rows is read, the goal under 预期目标/实际完成情况 too, each row goes under its own
// 一级 (weight notes dropped) and 二级, a row of "/" is no indicator, nor is the 总分 row.
func TestPublishedNationalCSV(t *testing.T) {
	res := importBytes(t, []byte(publishedCSV), "乡村道路.csv")
	doc := res.Doc
	if doc.Settings.TemplateOf().ID() != forms.TemplateNational || doc.Settings.Year != "2022" {
		t.Errorf("settings %+v", doc.Settings)
	}
	p := doc.Projects[0]
	if p.Name != "乡村道路养护" || p.Department != "" || p.Implementer != "县交通运输局" || p.FundsWeight != "10" {
		t.Errorf("header %q %q %q %q", p.Name, p.Department, p.Implementer, p.FundsWeight)
	}
	if a := p.FundRow("T").Amounts; a != (forms.Amounts{Initial: "120", Full: "120", Actual: "108"}) {
		t.Errorf("年度资金总额 %+v", a)
	}
	if a := p.FundRow("S1").Amounts; a != (forms.Amounts{Initial: "100", Full: "100", Actual: "90"}) {
		t.Errorf("当年财政拨款 %+v", a)
	}
	if a := p.FundRow("S6").Amounts; a.Actual != "18" {
		t.Errorf("上年结转资金 %+v", a)
	}
	if len(p.Goals) != 1 || p.Goals[0].Target != "完成30公里道路养护" || p.Goals[0].Result != "完成27公里" {
		t.Errorf("goals %+v", p.Goals)
	}
	var rows []string
	p.Indicators.Each(func(_ forms.RowPath, l1 *forms.Level1, l2 *forms.Level2, in *forms.Indicator) {
		rows = append(rows, l1.Name+"›"+l2.Name+"›"+in.Content+"›"+in.Weight+"›"+in.Score)
	})
	want := "产出指标›数量指标›养护里程›30›27\n产出指标›质量指标›路面合格率›20›20\n效益指标›社会效益指标›通行条件改善›30›30\n满意度指标›服务对象满意度指标›群众满意度›10›10"
	if got := strings.Join(rows, "\n"); got != want {
		t.Errorf("rows:\n%s\nwant\n%s", got, want)
	}
	if r := forms.Evaluate(doc).Projects[0]; r.TotalText() != "96" {
		t.Errorf("total %q, want the published 96", r.TotalText())
	}
	for _, n := range res.Notes {
		if strings.Contains(n, "单位") && strings.Contains(n, "A") {
			t.Errorf("note: %s", n)
		}
	}
}

// movedCSV is publishedCSV with columns in another order, as a user may rearrange them in WPS.
const movedCSV = `项目支出绩效自评表（2022年度）
项目名称,乡村道路养护,,,,,,,
实施单位,县交通运输局,,主管部门,,,,,
项目资金（万元）,,全年执行数(B),年初预算数,全年预算数(A),得分,分值,执行率,
,年度资金总额,108,120,120,9,10,90%,
,其中：当年财政拨款,90,100,100,—,—,—,
,上年结转资金,18,20,20,—,—,—,
年度总体目标,实际完成情况,,,,预期目标,,,
,完成27公里,,,,完成30公里道路养护,,,
绩效指标,二级指标,一级指标,三级指标,得分,实际完成值,年度指标值,分值,偏差原因分析及改进措施
,数量指标,产出指标(50分),养护里程,27,27公里,≥30公里,30,经费到位晚
,质量指标,,路面合格率,20,96%,≥95%,20,
,社会效益指标,效益指标（30分）,通行条件改善,30,明显改善,明显改善,30,
,生态效益指标,,/,/,/,/,/,/
,服务对象满意度指标,满意度指标(10分),群众满意度,10,92%,≥90%,10,
总分,,,,96,,,100,
`

// TestNationalColumnsMoved: the same table with its columns rearranged reads the same.
func TestNationalColumnsMoved(t *testing.T) {
	a := importBytes(t, []byte(publishedCSV), "a.csv").Doc
	b := importBytes(t, []byte(movedCSV), "b.csv").Doc
	formstest.SameSaved(t, "the document read back", b, a)
}

// TestPublishedNationalMerged: the published table typed into a workbook with its cells merged
// as printed reads as the CSV does.
func TestPublishedNationalMerged(t *testing.T) {
	var rows [][]any
	for _, line := range strings.Split(strings.TrimSuffix(publishedCSV, "\n"), "\n") {
		var row []any
		for _, c := range strings.Split(line, ",") {
			row = append(row, c)
		}
		rows = append(rows, row)
	}
	book := testBook{sheets: []bookSheet{{name: "自评表", rows: rows, merges: [][2]string{
		{"A1", "I1"}, {"A2", "I2"}, {"B3", "I3"}, {"B4", "C4"}, {"E4", "I4"},
		{"A5", "A9"}, {"A10", "A11"}, {"B10", "E10"}, {"F10", "I10"}, {"B11", "E11"}, {"F11", "I11"},
		{"A12", "A17"}, {"B13", "B14"}, {"B15", "B16"}, {"A18", "F18"},
	}}}}
	merged := importBytes(t, book.bytes(t), "自评表.xlsx").Doc
	formstest.SameSaved(t, "the document read back", merged, importBytes(t, []byte(publishedCSV), "a.csv").Doc)
}

// TestPublishedNationalWithoutGoalsOrRows: a national table without 年度总体目标 and with no
// 三级 row reads its 项目资金 alone, with one note (its 总分 row is not an indicator) and without
// the new form's starting rows.
func TestPublishedNationalWithoutGoalsOrRows(t *testing.T) {
	csv := "项目支出绩效自评表（2022年度）\n项目名称,甲\n项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值\n,年度资金总额,10,10,9,10\n" +
		"绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n总分,,,,,,10,\n"
	res := importBytes(t, []byte(csv), "a.csv")
	p := res.Doc.Projects[0]
	if p.FundRow("T").Actual != "9" || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "“总分”是合计行") {
		t.Errorf("funds %+v notes %q", p.FundRow("T").Amounts, res.Notes)
	}
	p.Indicators.Each(func(_ forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
		t.Errorf("a row: %+v", in)
	})
}
