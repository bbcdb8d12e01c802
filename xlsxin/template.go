package xlsxin

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
)

// TemplateSheet is the name of the template's sheet; a workbook may hold one per project.
const TemplateSheet = "项目1"

// templateColumns are the template's columns, in order: the 一级 and 二级 that place a row,
// then the printed table's (forms.PrintedColumns).
var templateColumns = append([]forms.Column{forms.ColumnLevel1, forms.ColumnLevel2}, forms.PrintedColumns()...)

// templateLabels are the header fields above the table, each with its value cell to its right.
var templateLabels = []string{yearLabel, "项目名称", "主管部门", "实施单位", "实施期", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）"}

// templateNotes explain each column in a comment on its header cell.
var templateNotes = map[forms.Column]string{
	forms.ColumnLevel1:     "产出指标、效益指标或满意度指标，从下拉列表选择。空白时沿用上一行。",
	forms.ColumnLevel2:     "如数量指标、质量指标，从下拉列表选择。空白时沿用上一行；名称对不上的行放在“产出指标 › 数量指标”下。",
	forms.ColumnOp:         "定量指标的运算符号：＝ ≤ ≥ ＜ ＞，从下拉列表选择；定性指标留空。",
	forms.ColumnContent:    "三级指标的内容，每行一个指标，必填。",
	forms.ColumnUnit:       "如 个、人次、%、万元。",
	forms.ColumnTarget:     "年度指标值：数字（定量指标），或文字（定性指标）。",
	forms.ColumnActual:     "全年完成值：数字（定量指标），或文字（定性指标）。",
	forms.ColumnCompletion: "能由指标值和完成值算出时由程序计算，可留空。",
	forms.ColumnWeight:     "本指标的分值（权重），数字。",
	forms.ColumnScore:      "定性指标填写得分；定量指标的得分由程序按运算符号计算，可留空。",
	forms.ColumnFunding:    "未完成原因：在相应的列填“√”。",
	forms.ColumnSystem:     "未完成原因：在相应的列填“√”。",
	forms.ColumnStaff:      "未完成原因：在相应的列填“√”。",
	forms.ColumnHardware:   "未完成原因：在相应的列填“√”。",
	forms.ColumnOther:      "未完成原因：在相应的列填“√”。",
	forms.ColumnReason:     "未完成的原因，分项说明。",
	forms.ColumnMeasures:   "下一步的改进措施。",
}

// templateExample is the example row: the import leaves out a row whose 三级指标 starts "示例：".
var templateExample = map[forms.Column]string{
	forms.ColumnLevel1: "产出指标", forms.ColumnLevel2: "数量指标", forms.ColumnOp: string(forms.OpGE),
	forms.ColumnContent: "示例：培训人次", forms.ColumnUnit: "人次", forms.ColumnTarget: "500", forms.ColumnActual: "520",
	forms.ColumnWeight: "20",
}

// templateRows is how many rows under the header carry the drop-downs.
const templateRows = 500

// Template writes the fill-in workbook to w: one sheet with the project's header fields
// (labelled cells) and an indicator table with the columns Import reads (named as
// forms.Column.Label), a comment on each header cell, drop-downs for 一级, 二级 (the project
// skeleton's names), 运算符号 and the reason ticks, and one example row, which Import leaves
// out. The same template gives the same bytes.
func Template(w io.Writer) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("生成导入模板时发生内部错误（%v），请把这个问题告诉开发者", p)
		}
	}()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", TemplateSheet); err != nil {
		return fmt.Errorf("生成导入模板失败：%w", err)
	}
	t := &templateWriter{f: f}
	t.write()
	if t.err != nil {
		return fmt.Errorf("生成导入模板失败：%w", t.err)
	}
	if err := writeSorted(w, f); err != nil {
		return fmt.Errorf("写入导入模板失败：%w", err)
	}
	return nil
}

// templateWriter writes the template's sheet, keeping the first error.
type templateWriter struct {
	f   *excelize.File
	err error
}

func (t *templateWriter) do(err error) {
	if t.err == nil {
		t.err = err
	}
}

func (t *templateWriter) style(s *excelize.Style) int {
	id, err := t.f.NewStyle(s)
	t.do(err)
	return id
}

func (t *templateWriter) set(ref string, v string, style int) {
	if v != "" {
		t.do(t.f.SetCellValue(TemplateSheet, ref, v))
	}
	if style > 0 {
		t.do(t.f.SetCellStyle(TemplateSheet, ref, ref, style))
	}
}

func (t *templateWriter) write() {
	const sh = TemplateSheet
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	title := t.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	hint := t.style(&excelize.Style{Font: &excelize.Font{Color: "666666"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	label := t.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}})
	value := t.style(&excelize.Style{Border: border})
	head := t.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	example := t.style(&excelize.Style{Font: &excelize.Font{Color: "808080", Italic: true}, Border: border})
	last, _ := excelize.ColumnNumberToName(len(templateColumns))

	t.set("A1", "预算项目（政策）绩效指标导入模板", title)
	t.set("A2", "每张工作表填写一个项目，可复制本工作表填写更多项目。表头的列名不要改动，列的顺序可以调整，不用的列可以删除。"+
		"灰色的示例行导入时不读取，可以删除或覆盖。把鼠标移到表头上可以看到各列的说明。", hint)
	t.do(t.f.MergeCell(sh, "A2", last+"2"))
	t.do(t.f.SetRowHeight(sh, 2, 32))
	for i, l := range templateLabels {
		r := 3 + i
		t.set(fmt.Sprintf("A%d", r), l, label)
		t.do(t.f.MergeCell(sh, fmt.Sprintf("B%d", r), fmt.Sprintf("F%d", r)))
		t.do(t.f.SetCellStyle(sh, fmt.Sprintf("B%d", r), fmt.Sprintf("F%d", r), value))
	}
	hr := 3 + len(templateLabels) + 1 // a blank row, then the header
	for i, c := range templateColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		ref := fmt.Sprintf("%s%d", col, hr)
		t.set(ref, c.Label(), head)
		t.do(t.f.AddComment(sh, excelize.Comment{Author: "绩效自评", Cell: ref, Text: templateNotes[c]}))
		t.set(fmt.Sprintf("%s%d", col, hr+1), templateExample[c], example)
		t.do(t.f.SetColWidth(sh, col, col, templateWidth(c)))
		if list := templateList(c); list != nil {
			t.dropDown(fmt.Sprintf("%s%d:%s%d", col, hr+1, col, hr+templateRows), list, c)
		}
	}
	t.do(t.f.SetRowHeight(sh, hr, 30))
	landscape, one, anyHeight, fit := "landscape", 1, 0, true
	t.do(t.f.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &anyHeight}))
	t.do(t.f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}))
	t.do(t.f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: hr, TopLeftCell: fmt.Sprintf("A%d", hr+1), ActivePane: "bottomLeft"}))
	t.do(t.f.SetDocProps(&excelize.DocProperties{Title: "绩效指标导入模板", Creator: "绩效自评 Ziping"}))
}

// templateList is the drop-down list of column c, or nil.
func templateList(c forms.Column) []string {
	skeleton := forms.NewProjectForm().Indicators
	var out []string
	switch c {
	case forms.ColumnLevel1:
		for _, l1 := range skeleton {
			out = append(out, l1.Name)
		}
	case forms.ColumnLevel2:
		for _, l1 := range skeleton {
			for _, l2 := range l1.Children {
				out = append(out, l2.Name)
			}
		}
	case forms.ColumnOp:
		for _, op := range forms.Ops()[1:] {
			out = append(out, string(op))
		}
	case forms.ColumnFunding, forms.ColumnSystem, forms.ColumnStaff, forms.ColumnHardware, forms.ColumnOther:
		out = []string{tick}
	}
	return out
}

// dropDown adds a list to the cells sqref; other values are allowed after a warning, since
// Import reads more (">=", a 二级 of another name).
func (t *templateWriter) dropDown(sqref string, list []string, c forms.Column) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	t.do(dv.SetDropList(list))
	dv.SetError(excelize.DataValidationErrorStyleWarning, c.Label(), "不是列表中的值，确定要这样填吗？")
	t.do(t.f.AddDataValidation(TemplateSheet, dv))
}

// templateWidth is the width of column c, in characters.
func templateWidth(c forms.Column) float64 {
	switch c {
	case forms.ColumnContent, forms.ColumnReason, forms.ColumnMeasures:
		return 30
	case forms.ColumnLevel1: // also the labels' column
		return 20
	case forms.ColumnLevel2, forms.ColumnTarget, forms.ColumnActual:
		return 14
	}
	return 9
}

// writeSorted writes f with its parts in name order: excelize writes them in the order of a Go
// map, so without sorting the same template would give different bytes (as xlsxout/zip.go).
func writeSorted(w io.Writer, f *excelize.File) error {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	parts := append([]*zip.File(nil), zr.File...)
	sort.Slice(parts, func(i, j int) bool { return parts[i].Name < parts[j].Name })
	zw := zip.NewWriter(w)
	for _, p := range parts {
		if err := zw.Copy(p); err != nil {
			return err
		}
	}
	return zw.Close()
}
