// Package templatetest is a third template (表式) for tests only, defined outside the program's
// list: its own value (forms.Template) and its own printed table (tables.RegisterProject),
// registered when a test imports this package. The tests of forms' neighbours run it through
// the checks, tables, the PDF and the Excel export, which shows that a template is its own
// files plus one registration (docs/DEVELOPING.md, "Adding a template").
package templatetest

import (
	"strconv"
	"strings"

	"ziping/forms"
	"ziping/tables"
)

// ID is the test template's name in a file.
const ID forms.TemplateID = "shiyan"

// Title ends the test template's printed title.
const Title = "项目绩效自评简表"

type template struct{}

func (template) ID() forms.TemplateID { return ID }
func (template) Label() string        { return "试验省表式（" + Title + "）" }

// ProjectTitle names the year and the 单位简称, as the default template's does.
func (template) ProjectTitle(s forms.Settings) string {
	return s.Year + " 年" + s.UnitShortName + Title
}

func (template) Layout() *forms.ProjectLayout { return &layout }

var layout = forms.ProjectLayout{
	NameLabel: "项目全称", Period: true, FundsTitle: "资金情况（万元）", Expected: "计划目标", Actual: "完成情况",
	Completion: true, TargetLabel: "目标值", ActualLabel: "实际值", ReasonsLabel: "原因",
	Names:  strings.NewReplacer("项目（政策）名称", "项目全称"),
	Totals: "合计：%[3]s（%[4]s）",
}

func init() {
	forms.Register(template{})
	tables.RegisterProject(ID, table)
}

// table is the test template's short form: the project's name, how many indicators it has,
// its total and grade.
func table(doc *forms.Document, ev *forms.Evaluation, i int) *tables.Table {
	p, r := doc.Projects[i], ev.Projects[i]
	n := 0
	p.Indicators.Each(func(forms.RowPath, *forms.Level1, *forms.Level2, *forms.Indicator) { n++ })
	src := &tables.Source{Section: "标题", Field: "标题",
		Loc: forms.Location{Form: -1, Section: forms.SecSettings, Index: -1, Field: "year"}}
	row := func(label, value string, role tables.Role) tables.Row {
		return tables.Row{Cells: []tables.Cell{{Role: tables.RoleLabel, Text: label}, {Role: role, Text: value}}}
	}
	return &tables.Table{
		Form: i, Name: forms.ProjectFormName(i, p),
		Title: tables.Title{Text: doc.ProjectTitle(), Parts: []tables.Part{{Text: doc.Settings.Year, Src: src}}, Src: src},
		Bands: []tables.Band{{Cols: []float64{60, 120}, Rows: []tables.Row{
			row("项目全称", p.Name, tables.RoleText),
			row("绩效指标数", strconv.Itoa(n), tables.RoleValue),
			row("总分", r.TotalText(), tables.RoleValue),
			row("等级", r.Rating(), tables.RoleValue),
		}}},
	}
}
