package xlsxin

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
)

func template(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Template(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// headerRow is the template's header row (1-based): after the title, the hint, the labels and
// a blank row.
var headerRowNum = 3 + len(templateLabels) + 1

func TestTemplateLayout(t *testing.T) {
	data := template(t)
	if !bytes.Equal(data, template(t)) {
		t.Error("two templates differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(TemplateSheet)
	if err != nil {
		t.Fatal(err)
	}
	header := rows[headerRowNum-1]
	var want []string
	for _, c := range templateColumns {
		want = append(want, c.Label())
	}
	if !slices.Equal(header, want) {
		t.Errorf("header %q, want %q", header, want)
	}
	if cols, ok := forms.MapHeader(header); !ok || !slices.Equal(cols, templateColumns) {
		t.Errorf("the header maps to %q", cols)
	}
	comments, err := f.GetComments(TemplateSheet)
	if err != nil || len(comments) != len(templateColumns) {
		t.Errorf("%d comments (%v)", len(comments), err)
	}
	dvs, err := f.GetDataValidations(TemplateSheet)
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]string{}
	for _, dv := range dvs {
		lists[strings.Split(dv.Sqref, ":")[0]] = dv.Formula1
	}
	r := headerRowNum + 1
	for _, tc := range []struct {
		col  forms.Column
		want []string
	}{
		{forms.ColumnOp, []string{"＝", "≤", "≥", "＜", "＞"}},
		{forms.ColumnLevel1, []string{"产出指标", "效益指标", "满意度指标"}},
		{forms.ColumnLevel2, []string{"数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"}},
		{forms.ColumnFunding, []string{"√"}},
	} {
		col, _ := excelize.ColumnNumberToName(slices.Index(templateColumns, tc.col) + 1)
		if got, want := lists[fmt.Sprintf("%s%d", col, r)], `"`+strings.Join(tc.want, ",")+`"`; got != want {
			t.Errorf("%s drop-down %s, want %s", tc.col.Label(), got, want)
		}
	}
}

// The blank template has nothing to import but its example row, which is left out.
func TestBlankTemplate(t *testing.T) {
	_, err := Import(bytes.NewReader(template(t)), int64(len(template(t))), "模板.xlsx")
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(err.Error(), "工作表“项目1”只有模板的示例行：请在示例行下面每行填写一个三级指标后再导入") ||
		strings.Contains(err.Error(), "请按导入模板整理") {
		t.Fatalf("error %v", err)
	}
}

// A template with a copy of its sheet left unfilled: the filled sheet imports and the copy is
// noted as holding only the example row; with another sheet that is no indicator table, the
// error gives each sheet its own advice.
func TestTemplateSheetWithOnlyExample(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(template(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	idx, err := f.NewSheet("项目2")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.CopySheet(0, idx); err != nil {
		t.Fatal(err)
	}
	fillTemplate(t, f, TemplateSheet, "就业培训", [][]any{{"产出指标", "数量指标", "≥", "培训人次", "人次", 500, 520, "", 20}})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	res := importBytes(t, buf.Bytes(), "模板.xlsx")
	if len(res.Doc.Projects) != 1 || !slices.Contains(res.Notes, "工作表“项目2”只有模板的示例行（示例行不导入），未导入：请在示例行下面每行填写一个三级指标。") {
		t.Errorf("%d projects, notes %q", len(res.Doc.Projects), res.Notes)
	}

	g, err := excelize.OpenReader(bytes.NewReader(template(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if _, err := g.NewSheet("通讯录"); err != nil {
		t.Fatal(err)
	}
	_ = g.SetSheetRow("通讯录", "A1", &[]any{"姓名", "电话"})
	buf.Reset()
	if err := g.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, err = Import(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "模板.xlsx")
	want := "工作表“项目1”只有模板的示例行：请在示例行下面每行填写一个三级指标后再导入（示例行本身不会导入）。工作表“通讯录”中找不到指标表的表头"
	if err == nil || !strings.Contains(err.Error(), want) || !strings.HasSuffix(err.Error(), "：请按导入模板整理后再导入。") {
		t.Errorf("error %v", err)
	}
}

// The template filled in, on its sheet and on a copy of it for a second project, imports as
// two projects with their header fields and rows in place.
func TestFilledTemplate(t *testing.T) {
	res := importBytes(t, filledTemplate(t), "模板.xlsx")
	d := res.Doc
	if len(d.Projects) != 2 || d.Settings.Year != "2023" {
		t.Fatalf("%d projects, year %q", len(d.Projects), d.Settings.Year)
	}
	checkTrainingProject(t, d.Projects[0])
	if r := d.Projects[1].Indicators[1].Children[1].Rows; len(r) != 1 || r[0].Content != "持证人数增加" {
		t.Errorf("project 2 rows %+v", r)
	}
	ev := forms.Evaluate(d)
	if r := ev.Projects[0].Indicators.At(forms.RowPath{L1: 0, L2: 1, Row: 0}); !r.HasSuggestion || forms.FormatScore(r.Score) != "18.89" {
		t.Errorf("合格率 scores %v", forms.FormatScore(r.Score))
	}
	if !containsNote(res.Notes, "是模板的示例行") {
		t.Errorf("notes %q", res.Notes)
	}
}

// checkTrainingProject checks the first project of filledTemplate.
func checkTrainingProject(t *testing.T, p *forms.ProjectForm) {
	t.Helper()
	if p.Name != "就业培训" || p.Department != "抚顺市人社局" || p.Implementer != "抚顺市社保中心" || p.Period != "2023年" {
		t.Errorf("header %q %q %q %q", p.Name, p.Department, p.Implementer, p.Period)
	}
	if a := p.FundRow("T").Amounts; a != (forms.Amounts{Initial: "100", Full: "100", Actual: "95.5"}) {
		t.Errorf("funds %+v", a)
	}
	q := p.Indicators[0].Children[1].Rows
	if len(q) != 1 || q[0].Content != "合格率" || !q[0].Reasons.Staff || q[0].Reason != "师资不足" || q[0].Measures != "补充师资" {
		t.Errorf("质量指标 %+v", q)
	}
	if s := p.Indicators[2].Children[0].Rows; len(s) != 1 || s[0].Score != "10" {
		t.Errorf("满意度 %+v", s)
	}
}

// filledTemplate is the template as an accountant fills it: the header fields and rows of
// 项目1 (the example row left), and a copy of the sheet, 项目2, for a second project.
func filledTemplate(t *testing.T) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(template(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	idx, err := f.NewSheet("项目2")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.CopySheet(0, idx); err != nil {
		t.Fatal(err)
	}
	fillTemplate(t, f, TemplateSheet, "就业培训", [][]any{
		{"产出指标", "数量指标", "≥", "培训人次", "人次", 500, 520, "", 20, "", "", "", "", "", "", "", ""},
		{"", "质量指标", "≥", "合格率", "%", 90, 85, "", 20, "", "", "", "√", "", "", "师资不足", "补充师资"},
		{"满意度指标", "服务对象满意度指标", "", "学员满意", "", "满意", "满意", "", 10, 10},
	})
	fillTemplate(t, f, "项目2", "职业技能鉴定", [][]any{{"效益指标", "社会效益指标", "", "持证人数增加", "", "增加", "增加", "", 30, 28}})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fillTemplate fills the labelled fields of sheet and its rows under the example row.
func fillTemplate(t *testing.T, f *excelize.File, sheet, name string, rows [][]any) {
	t.Helper()
	for i, v := range []any{"2023", name, "抚顺市人社局", "抚顺市社保中心", "2023年", 100, 100, 95.5} {
		if err := f.SetCellValue(sheet, fmt.Sprintf("B%d", 3+i), v); err != nil {
			t.Fatal(err)
		}
	}
	for i, row := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, headerRowNum+2+i)
		if err := f.SetSheetRow(sheet, ref, &row); err != nil {
			t.Fatal(err)
		}
	}
}
