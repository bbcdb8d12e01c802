package pdfout_test

import (
	"slices"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/pdfout"
	"ziping/storage"
)

// TestUnprintableLocations: a warning about an unprintable character carries the location the
// editor registers for the field that holds it (app: unittab.go, projecttab.go, lists.go,
// tree.go, treerow.go, amounts.go), so the editor marks that field and the 检查 tab goes to it.
func TestUnprintableLocations(t *testing.T) {
	const odd = "𠮷"
	unit := func(sec forms.Section, field string) forms.Location {
		return forms.Location{Form: -1, Section: sec, Index: -1, Field: field}
	}
	settings := func(field string) forms.Location { return unit(forms.SecSettings, field) }
	amount := func(form int, sec forms.Section, id, field string) forms.Location {
		return forms.Location{Form: form, Section: sec, RowID: id, Index: -1, Field: field}
	}
	listed := func(form int, sec forms.Section, i int, field string) forms.Location {
		return forms.Location{Form: form, Section: sec, Index: i, Field: field}
	}
	indicator := func(form, l1, l2, row int, field string) forms.Location {
		return forms.Location{Form: form, Section: forms.SecIndicators, Index: -1, Path: forms.RowPath{L1: l1, L2: l2, Row: row}, Field: field}
	}
	project := func(field string) forms.Location {
		return forms.Location{Form: 1, Section: forms.SecHeader, Index: -1, Field: field}
	}
	unitRow := func(d *forms.Document) *forms.Indicator {
		return d.Unit.Indicators.Row(forms.RowPath{L1: 0, L2: 0, Row: 0})
	}
	projectRow := func(d *forms.Document) *forms.Indicator {
		return d.Projects[1].Indicators.Row(forms.RowPath{L1: 1, L2: 1, Row: 0})
	}
	titles := 1 // every form prints the title and footer, but one warning leads to the setting
	for name, c := range map[string]struct {
		set  func(d *forms.Document)
		want forms.Location
		n    int // warnings expected; 0 means 1
	}{
		// The title is computed from the settings' 年度 and 单位简称.
		"title short name": {func(d *forms.Document) { d.Settings.UnitShortName += odd }, settings("short_name"), titles},
		"title year":       {func(d *forms.Document) { d.Settings.Year += odd }, settings("year"), titles},
		"title both": {func(d *forms.Document) { d.Settings.Year += odd; d.Settings.UnitShortName += odd },
			settings("short_name"), titles},
		"footer preparer": {func(d *forms.Document) { d.Settings.Signature = true; d.Settings.Footer.Preparer = odd }, settings("preparer"), titles},
		"footer phone":    {func(d *forms.Document) { d.Settings.Signature = true; d.Settings.Footer.Phone = odd }, settings("phone"), titles},
		"footer leader":   {func(d *forms.Document) { d.Settings.Signature = true; d.Settings.Footer.Leader = odd }, settings("leader"), titles},
		"footer date":     {func(d *forms.Document) { d.Settings.Signature = true; d.Settings.Footer.Date = odd }, settings("date"), titles},

		"unit name":     {func(d *forms.Document) { d.Unit.Name += odd }, unit(forms.SecHeader, "name"), 0},
		"unit staff":    {func(d *forms.Document) { d.Unit.Staff += odd }, unit(forms.SecHeader, "staff"), 0},
		"unit subunits": {func(d *forms.Document) { d.Unit.Subunits = odd }, unit(forms.SecHeader, "subunits"), 0},
		"budget I1 initial": {func(d *forms.Document) { d.Unit.BudgetRow("I1").Initial = "12" + odd },
			amount(-1, forms.SecBudget, "I1", "initial"), 0},
		"budget E2.1 actual": {func(d *forms.Document) { d.Unit.BudgetRow("E2.1").Actual = odd },
			amount(-1, forms.SecBudget, "E2.1", "actual"), 0},
		"budget E0 full (subtotal)": {func(d *forms.Document) { d.Unit.BudgetRow("E0").Full = odd },
			amount(-1, forms.SecBudget, "E0", "full"), 0},
		"task name":    {func(d *forms.Document) { d.Unit.Tasks[1].Name += odd }, listed(-1, forms.SecTasks, 1, "name"), 0},
		"task project": {func(d *forms.Document) { d.Unit.Tasks[0].Project += odd }, listed(-1, forms.SecTasks, 0, "project"), 0},
		"task full":    {func(d *forms.Document) { d.Unit.Tasks[1].Full = odd }, listed(-1, forms.SecTasks, 1, "full"), 0},
		"tasks total":  {func(d *forms.Document) { d.Unit.TasksTotal.Actual = odd }, amount(-1, forms.SecTasks, "total", "actual"), 0},
		"unit goal target": {func(d *forms.Document) { d.Unit.Goals[0].Target += odd },
			listed(-1, forms.SecGoals, 0, "target"), 0},
		"unit goal result": {func(d *forms.Document) { d.Unit.Goals[0].Result += odd },
			listed(-1, forms.SecGoals, 0, "result"), 0},
		"unit op":      {func(d *forms.Document) { unitRow(d).Op = odd }, indicator(-1, 0, 0, 0, "op"), 0},
		"unit content": {func(d *forms.Document) { unitRow(d).Content += odd }, indicator(-1, 0, 0, 0, "content"), 0},
		"unit unit":    {func(d *forms.Document) { unitRow(d).Unit = odd }, indicator(-1, 0, 0, 0, "unit"), 0},
		"unit target":  {func(d *forms.Document) { unitRow(d).Target += odd }, indicator(-1, 0, 0, 0, "target"), 0},
		"unit actual":  {func(d *forms.Document) { unitRow(d).Actual += odd }, indicator(-1, 0, 0, 0, "actual"), 0},
		"unit completion": {func(d *forms.Document) {
			r := unitRow(d)
			r.Target, r.Actual, r.Completion = "", "", "全部完成"+odd
		},
			indicator(-1, 0, 0, 0, "completion"), 0},
		"unit weight":   {func(d *forms.Document) { unitRow(d).Weight += odd }, indicator(-1, 0, 0, 0, "weight"), 0},
		"unit score":    {func(d *forms.Document) { r := unitRow(d); r.Score, r.Manual = odd, true }, indicator(-1, 0, 0, 0, "score"), 0},
		"unit reason":   {func(d *forms.Document) { unitRow(d).Reason = odd }, indicator(-1, 0, 0, 0, "reason"), 0},
		"unit measures": {func(d *forms.Document) { unitRow(d).Measures = odd }, indicator(-1, 0, 0, 0, "measures"), 0},
		"unit level2": {func(d *forms.Document) { d.Unit.Indicators[0].Children[1].Name += odd },
			indicator(-1, 0, 1, -1, "level2"), 0},
		"unit level1 (no editor)": {func(d *forms.Document) { d.Unit.Indicators[2].Name += odd },
			indicator(-1, 2, -1, -1, "level1"), 0},

		"project name":        {func(d *forms.Document) { d.Projects[1].Name += odd }, project("name"), 0},
		"project department":  {func(d *forms.Document) { d.Projects[1].Department += odd }, project("department"), 0},
		"project implementer": {func(d *forms.Document) { d.Projects[1].Implementer += odd }, project("implementer"), 0},
		"project period":      {func(d *forms.Document) { d.Projects[1].Period += odd }, project("period"), 0},
		"fund S1 initial": {func(d *forms.Document) { d.Projects[1].FundRow("S1").Initial = odd },
			amount(1, forms.SecBudget, "S1", "initial"), 0},
		"fund T full": {func(d *forms.Document) { d.Projects[1].FundRow("T").Full = odd },
			amount(1, forms.SecBudget, "T", "full"), 0},
		"funds weight": {func(d *forms.Document) { d.Projects[1].FundsWeight = odd },
			amount(1, forms.SecBudget, "T", "weight"), 0},
		"project goal target": {func(d *forms.Document) { d.Projects[1].Goals[0].Target += odd },
			listed(1, forms.SecGoals, 0, "target"), 0},
		"project goal result": {func(d *forms.Document) { d.Projects[1].Goals[0].Result += odd },
			listed(1, forms.SecGoals, 0, "result"), 0},
		"project content":  {func(d *forms.Document) { projectRow(d).Content += odd }, indicator(1, 1, 1, 0, "content"), 0},
		"project unit":     {func(d *forms.Document) { projectRow(d).Unit = odd }, indicator(1, 1, 1, 0, "unit"), 0},
		"project target":   {func(d *forms.Document) { projectRow(d).Target += odd }, indicator(1, 1, 1, 0, "target"), 0},
		"project actual":   {func(d *forms.Document) { projectRow(d).Actual += odd }, indicator(1, 1, 1, 0, "actual"), 0},
		"project reason":   {func(d *forms.Document) { projectRow(d).Reason = odd }, indicator(1, 1, 1, 0, "reason"), 0},
		"project measures": {func(d *forms.Document) { projectRow(d).Measures = odd }, indicator(1, 1, 1, 0, "measures"), 0},
		"project level2": {func(d *forms.Document) { d.Projects[1].Indicators[0].Children[2].Name += odd },
			indicator(1, 0, 2, -1, "level2"), 0},
	} {
		t.Run(name, func(t *testing.T) {
			d, err := storage.Load(formstest.SamplePath)
			if err != nil {
				t.Fatal(err)
			}
			c.set(d)
			got, err := pdfout.Unprintable(d)
			if err != nil {
				t.Fatal(err)
			}
			if n := max(c.n, 1); len(got) != n {
				t.Fatalf("%d warnings, want %d: %v", len(got), n, got)
			}
			for _, p := range got {
				if p.Loc != c.want {
					t.Errorf("warning %q\n at %+v,\nwant %+v", p, p.Loc, c.want)
				}
			}
		})
	}
}

// TestUnprintableLocationsMatchChecks: where forms' checks also object to the text (it is not
// a number), the warning and the check's problem share one location, as the editor needs.
func TestUnprintableLocationsMatchChecks(t *testing.T) {
	d, err := storage.Load(formstest.SamplePath)
	if err != nil {
		t.Fatal(err)
	}
	d.Settings.Year = "二〇二一𠮷"
	d.Unit.BudgetRow("I2").Full = "𠮷"
	d.Unit.Tasks[0].Initial = "𠮷"
	d.Unit.Indicators.Row(forms.RowPath{L1: 1, L2: 0, Row: 0}).Weight = "𠮷"
	d.Projects[2].FundsWeight = "𠮷"
	d.Projects[2].FundRow("S1").Actual = "𠮷"
	checked := map[forms.Location]bool{}
	for _, p := range forms.Evaluate(d).Problems {
		checked[p.Loc] = true
	}
	got, err := pdfout.Unprintable(d)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 6 { // the year prints in five titles: one warning
		t.Errorf("%d warnings: %v", len(got), got)
	}
	for _, p := range got {
		if !checked[p.Loc] {
			t.Errorf("no check problem at %+v, where %q is", p.Loc, p)
		}
	}
}

// TestUnprintableWarningNames: the warnings name, in words, the form, section, row and field
// that hold the characters.
func TestUnprintableWarningNames(t *testing.T) {
	d, err := storage.Load(formstest.SamplePath)
	if err != nil {
		t.Fatal(err)
	}
	d.Projects = d.Projects[:1]
	d.Settings.UnitShortName += "𠮷"
	d.Unit.Indicators[0].Children[1].Name += "𠮷"
	d.Unit.Indicators.Row(forms.RowPath{}).Reason = "𠮷"
	d.Projects[0].FundRow("S1").Initial = "𠮷"
	got, err := pdfout.Unprintable(d)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, strings.Join([]string{p.Form, p.Section, p.Row, p.Field}, " | "))
	}
	want := []string{
		"单位整体绩效自评表 | 标题 |  | 标题", // printed on every form, reported once
		"单位整体绩效自评表 | 分解目标评价 | 履职效能 › 重点工作履行情况 › 指标 1 | 原因说明",
		"单位整体绩效自评表 | 分解目标评价 | 履职效能 › 整体工作完成情况𠮷 | 二级指标",
		"项目 1「新办公楼租金及物业费」 | 项目预算资金（万元） | 其中：财政拨款收入 | 年初预算数",
	}
	if !slices.Equal(names, want) {
		t.Errorf("warnings name\n%s\nwant\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
}
