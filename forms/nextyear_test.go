package forms

import (
	"bytes"
	"maps"
	"reflect"
	"strings"
	"testing"
)

// decision is what NextYear does with one field of the model.
type decision int

const (
	kept decision = iota + 1
	cleared
	advanced
)

// nextYearDecisions is NextYear's table, field by field ("Type.json_key"). A field added to the
// model fails TestNextYearEveryField until it is decided here (and in NextYear's doc comment).
var nextYearDecisions = map[string]decision{
	"Settings.year": advanced, "Settings.unit_short_name": kept, "Settings.amounts": kept,
	"Settings.negative_rule": kept, "Settings.signature_footer": kept, "Settings.template": kept,
	"Settings.over_target": kept, "Settings.rate_cap": kept, "Settings.round_scores": kept, "Settings.strict_reasons": kept,
	"Settings.hide_indicator_numbers": kept, "Settings.evidence_hint": kept, "Settings.report_template": kept,
	"Footer.preparer": kept, "Footer.phone": kept, "Footer.leader": kept, "Footer.date": cleared,
	"UnitForm.name": kept, "UnitForm.staff": kept, "UnitForm.subunits": kept,
	"AmountRow.id": kept, "Amounts.initial": cleared, "Amounts.full": cleared, "Amounts.actual": cleared,
	"Task.name": kept, "Task.project": kept,
	"Goal.target": kept, "Goal.result": cleared,
	"Level1.name": kept, "Level1.merged": kept, "Level2.name": kept,
	"Indicator.op": kept, "Indicator.content": kept, "Indicator.unit": kept, "Indicator.target": kept,
	"Indicator.weight": kept, "Indicator.actual": cleared, "Indicator.completion": cleared,
	"Indicator.score": cleared, "Indicator.manual": cleared, "Indicator.reason": cleared,
	"Indicator.measures": cleared, "Indicator.grade": cleared,
	"Reasons.funding": cleared, "Reasons.system": cleared, "Reasons.staff": cleared,
	"Reasons.hardware": cleared, "Reasons.other": cleared,
	"ProjectForm.name": kept, "ProjectForm.department": kept, "ProjectForm.implementer": kept,
	"ProjectForm.period": advanced, "ProjectForm.funds_weight": kept,
	"ProjectForm.conclusion": cleared, "ProjectForm.issues": cleared,
	"Evidence.name": cleared, "Evidence.kind": cleared, "Evidence.pages": cleared, "Evidence.path": cleared,
}

// keptEvidence are the decisions that differ when the dialog keeps the 佐证材料 lists' names and
// kinds (NextYearOptions.KeepEvidence).
var keptEvidence = map[string]decision{"Evidence.name": kept, "Evidence.kind": kept}

// nextYear is NextYear that fails the test on error.
func nextYear(t *testing.T, doc *Document) *Document {
	t.Helper()
	next, err := NextYear(doc)
	if err != nil {
		t.Fatalf("NextYear: %v", err)
	}
	return next
}

// marshalled is the file content of doc, for comparing documents before and after.
func marshalled(t *testing.T, doc *Document) []byte {
	t.Helper()
	data, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestNextYearSample: the sample becomes an unfilled 2022 form with the same plans, the
// sample itself is untouched, and the new document saves and loads.
func TestNextYearSample(t *testing.T) {
	last := loadSample(t)
	before := marshalled(t, last)
	next := nextYear(t, last)
	if !bytes.Equal(marshalled(t, last), before) || !reflect.DeepEqual(last, loadSample(t)) {
		t.Fatal("NextYear modified its argument")
	}
	for _, c := range []struct{ what, got, want string }{
		{"年度", next.Settings.Year, "2022"},
		{"单位表标题", next.UnitTitle(), "2022 年抚顺市社保中心整体绩效自评表"},
		{"项目表标题", next.ProjectTitle(), "2022 年抚顺市社保中心预算项目（政策）绩效目标自评表"},
		{"部门（单位）名称", next.Unit.Name, last.Unit.Name},
		{"财政供养人员数量", next.Unit.Staff, "208"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if len(next.Projects) != len(last.Projects) {
		t.Fatalf("%d projects, want %d", len(next.Projects), len(last.Projects))
	}
	for i, p := range next.Projects {
		if p.Name != last.Projects[i].Name || p.Period != "2022 年 1 月 - 2022 年 12 月" {
			t.Errorf("project %d: name %q 实施期 %q", i+1, p.Name, p.Period)
		}
	}
	roundTrip(t, next)
}

// TestNextYearTotals: every score and amount of the new document is unfilled.
func TestNextYearTotals(t *testing.T) {
	next := nextYear(t, loadSample(t))
	ev := Evaluate(next)
	if got := FormatScore(ev.Unit.Total); got != "0" {
		t.Errorf("unit total %s, want 0", got)
	}
	if got := FormatScore(ev.Unit.WeightSum); got != "100" {
		t.Errorf("unit Σ分值 %s, want 100 (weights are kept)", got)
	}
	for id, r := range ev.Unit.Budget {
		if !r.Blank() {
			t.Errorf("unit budget row %s is not blank", id)
		}
	}
	if !ev.Unit.TasksTotal.Blank() {
		t.Error("unit 合计 of 年度主要任务 is not blank")
	}
	for i, r := range ev.Projects {
		if r.HasD || !r.Total.IsZero() || !r.C.IsZero() || !r.Funds["T"].Blank() {
			t.Errorf("project %d: D %q C %s total %s", i+1, r.DText(), FormatScore(r.C), FormatScore(r.Total))
		}
	}
	wantNoIndicatorResults(t, next.Unit.Indicators, ev.Unit.Indicators)
	for i, p := range next.Projects {
		wantNoIndicatorResults(t, p.Indicators, ev.Projects[i].Indicators)
	}
}

// wantNoIndicatorResults checks that no row of tree has a score, a completion or a grade.
func wantNoIndicatorResults(t *testing.T, tree Tree, res TreeResult) {
	t.Helper()
	tree.Each(func(p RowPath, l1 *Level1, l2 *Level2, _ *Indicator) {
		if r := res.At(p); r.HasScore || r.HasCompletion || r.Grade != GradeNone {
			t.Errorf("%s still has a score, completion or grade", IndicatorRowName(l1, l2, p.Row))
		}
	})
}

// TestNextYearProblems: the new document has no error that an empty project form would not
// have (全年预算数 blank, so D cannot be computed) and none at all on the unit form.
func TestNextYearProblems(t *testing.T) {
	empty := NewDocument(2022)
	p := empty.AddProject()
	p.Name, p.Goals[0].Target = "空白项目", "一个目标" // started (NotStarted): its blanks are checked
	type kind struct {
		sec      Section
		row, fld string
	}
	allowed := map[kind]bool{}
	for _, p := range Evaluate(empty).Problems {
		if p.Level == LevelError && p.Loc.Form >= 0 {
			allowed[kind{p.Loc.Section, p.Loc.RowID, p.Loc.Field}] = true
		}
	}
	if len(allowed) == 0 {
		t.Fatal("an empty project form has no error: this test no longer tests anything")
	}
	problems := Evaluate(nextYear(t, loadSample(t))).Problems
	errs, warns := Counts(problems)
	t.Logf("sample → next year: %d errors, %d warnings", errs, warns)
	for _, p := range problems {
		// Scores are cleared for the new year, so the totals are not final yet: said once per form.
		if p.Level == LevelError && p.Loc.Section != SecTotals && (p.Loc.Form < 0 || !allowed[kind{p.Loc.Section, p.Loc.RowID, p.Loc.Field}]) {
			t.Errorf("new error: %s", p)
		}
	}
}

// TestNextYearEveryField fills every field of the sample that is blank (an empty list of
// structs, such as a 佐证材料 list, gets an item), then checks field by field that NextYear
// kept, cleared or advanced it as its table says: by default, and with the 佐证材料 lists'
// names and kinds kept.
func TestNextYearEveryField(t *testing.T) {
	for _, opt := range []NextYearOptions{{}, {KeepEvidence: true}} {
		last := loadSample(t)
		fillBlanks(reflect.ValueOf(last).Elem())
		last.Settings.Amounts, last.Settings.Negative = AmountsFixed2, NegativeLinear
		last.Settings.Template = TemplateNational // a marker is no template: the file would be refused
		if EvidenceCount(last) == 0 {
			t.Fatal("no 佐证材料 filled in: the evidence fields are not tested")
		}
		next, err := NextYearWith(last, opt)
		if err != nil {
			t.Fatal(err)
		}
		table := nextYearDecisions
		if opt.KeepEvidence {
			table = maps.Clone(nextYearDecisions)
			maps.Copy(table, keptEvidence)
		}
		compareFields(t, table, reflect.ValueOf(last).Elem(), reflect.ValueOf(next).Elem(), "Document")
	}
}

// fillBlanks puts a marker in every blank string and sets every bool, leaving row IDs alone.
func fillBlanks(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			fillBlanks(v.Elem())
		}
	case reflect.Slice:
		if v.Len() == 0 && v.Type().Elem().Kind() == reflect.Struct && v.CanSet() {
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
		}
		for i := range v.Len() {
			fillBlanks(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).Name != "ID" {
				fillBlanks(v.Field(i))
			}
		}
	case reflect.String:
		if v.String() == "" {
			v.SetString("填 2021")
		}
	case reflect.Bool:
		v.SetBool(true)
	}
}

// compareFields walks last and next in step and checks each leaf field against table.
func compareFields(t *testing.T, table map[string]decision, last, next reflect.Value, where string) {
	t.Helper()
	switch last.Kind() {
	case reflect.Pointer:
		compareFields(t, table, last.Elem(), next.Elem(), where)
	case reflect.Slice:
		if next.Len() == 0 && last.Len() > 0 {
			// A list dropped whole: each of its fields must be one that is cleared.
			for i := range last.Len() {
				compareFields(t, table, last.Index(i), reflect.Zero(last.Type().Elem()), where)
			}
			return
		}
		if last.Len() != next.Len() {
			t.Errorf("%s: %d entries, want %d", where, next.Len(), last.Len())
			return
		}
		for i := range last.Len() {
			compareFields(t, table, last.Index(i), next.Index(i), where)
		}
	case reflect.Struct:
		for i := range last.NumField() {
			f := last.Type().Field(i)
			key := last.Type().Name() + "." + strings.Split(f.Tag.Get("json"), ",")[0]
			if f.Anonymous || f.Type.Kind() != reflect.String && f.Type.Kind() != reflect.Bool {
				compareFields(t, table, last.Field(i), next.Field(i), key)
				continue
			}
			checkField(t, table, key, last.Field(i), next.Field(i))
		}
	}
}

func checkField(t *testing.T, table map[string]decision, key string, last, next reflect.Value) {
	t.Helper()
	switch table[key] {
	case kept:
		if !last.Equal(next) {
			t.Errorf("%s should be kept: %v → %v", key, last, next)
		}
	case cleared:
		if !next.IsZero() {
			t.Errorf("%s should be cleared: %v → %v", key, last, next)
		}
	case advanced:
		if strings.Contains(next.String(), "2021") || !strings.Contains(next.String(), "2022") {
			t.Errorf("%s should be advanced: %v → %v", key, last, next)
		}
	default:
		t.Errorf("no decision for %s: decide in NextYear (and its doc comment) and in nextYearDecisions", key)
	}
}

// TestNextYearTwice: twice gives year+2 and the same document otherwise.
func TestNextYearTwice(t *testing.T) {
	once := nextYear(t, loadSample(t))
	twice := nextYear(t, once)
	if twice.Settings.Year != "2023" {
		t.Errorf("year %q, want 2023", twice.Settings.Year)
	}
	for i, p := range twice.Projects {
		if p.Period != "2023 年 1 月 - 2023 年 12 月" {
			t.Errorf("project %d 实施期 %q", i+1, p.Period)
		}
		p.Period = once.Projects[i].Period
	}
	twice.Settings.Year = once.Settings.Year
	if !reflect.DeepEqual(once, twice) {
		t.Error("the second NextYear changed more than the year")
	}
}

func TestAdvancePeriod(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"seed":              {"2021 年 1 月 - 2021 年 12 月", "2022 年 1 月 - 2022 年 12 月"},
		"compact":           {"2021年1月-2021年12月", "2022年1月-2022年12月"},
		"years only":        {"2021-2021", "2022-2022"},
		"one year":          {"2021年度", "2022年度"},
		"bare year":         {"2021", "2022"},
		"dotted dates":      {"2021.01.01-2021.12.31", "2022.01.01-2022.12.31"},
		"full-width":        {"２０２１年１月－２０２１年１２月", "２０２２年１月－２０２２年１２月"},
		"months only":       {"2021年1月-12月", "2022年1月-12月"},
		"multi-year":        {"2021-2023", "2021-2023"},
		"multi-year past":   {"2020年-2022年", "2020年-2022年"},
		"another year":      {"2020年度", "2020年度"},
		"no year":           {"长期", "长期"},
		"empty":             {"", ""},
		"longer number":     {"20211231", "20211231"},
		"small four digit":  {"0012期", "0012期"},
		"chinese numerals":  {"二〇二一年", "二〇二一年"},
		"two-digit end":     {"2021-22", "2021-22"},
		"em dash":           {"2021—23", "2021—23"},
		"zhi":               {"2021至22年", "2021至22年"},
		"year then dash":    {"2021年-22年", "2021年-22年"},
		"spaced full-width": {"２０２１ ～ ２３", "２０２１ ～ ２３"},
		"year-month":        {"2021-12", "2022-12"},
		"iso date":          {"2021-12-31", "2022-12-31"},
		"dotted months":     {"2021.1-2021.12", "2022.1-2022.12"},
		"dotted month two":  {"2021.10-2021.12", "2022.10-2022.12"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := advancePeriod(tc.in, 2021, 2022); got != tc.want {
				t.Errorf("advancePeriod(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	// A full date of 2011 is not a range 2011–2012, though "12" could read as 2012.
	if got := advancePeriod("2011-12-31", 2011, 2012); got != "2012-12-31" {
		t.Errorf("advancePeriod(2011-12-31) = %q", got)
	}
}

// TestNextYearKeepsOtherNumbers: a target, a content or an amount-like text holding the old
// year is not a date and stays as typed; only 年度 and 实施期 move.
func TestNextYearKeepsOtherNumbers(t *testing.T) {
	doc := NewDocument(2021)
	doc.Unit.Goals[0].Target = "完成2021户参保登记"
	p := doc.AddProject()
	p.Period = "2021年度"
	in := p.Indicators[ProjectOutput].Children[0].Rows[0]
	in.Op, in.Content, in.Unit, in.Target, in.Actual = OpGE, "新增参保2021户", "户", "2021", "2100"
	next := nextYear(t, doc)
	got := next.Projects[0].Indicators[ProjectOutput].Children[0].Rows[0]
	if got.Target != "2021" || got.Content != "新增参保2021户" || got.Actual != "" {
		t.Errorf("indicator target %q content %q actual %q", got.Target, got.Content, got.Actual)
	}
	if next.Unit.Goals[0].Target != "完成2021户参保登记" || next.Projects[0].Period != "2022年度" {
		t.Errorf("goal %q 实施期 %q", next.Unit.Goals[0].Target, next.Projects[0].Period)
	}
}

func TestNextYearRefuses(t *testing.T) {
	for _, year := range []string{"", "二〇二一", "21", "2200", "abc"} {
		doc := NewDocument(2021)
		doc.Settings.Year = year
		next, err := NextYear(doc)
		if err == nil || next != nil {
			t.Errorf("year %q: no error", year)
			continue
		}
		if !strings.Contains(err.Error(), "年度") || !strings.Contains(err.Error(), "四位数年份") {
			t.Errorf("year %q: message %q does not say what to do", year, err)
		}
	}
	if _, err := NextYear(nil); err == nil {
		t.Error("NextYear(nil): no error")
	}
}

// TestNextYearEvidence: last year's 佐证材料 lists are cleared by default; kept, they hold the
// names and kinds only, an item with neither is left out, and last year's document is untouched.
func TestNextYearEvidence(t *testing.T) {
	last := loadSample(t)
	list := []Evidence{{Name: "采购合同", Kind: "合同协议", Pages: "12", Path: "合同.pdf"}, {Pages: "3", Path: "无名.pdf"}}
	last.Projects[0].Indicators.Row(RowPath{}).Evidence = list
	last.Projects[0].FundsEvidence = list
	last.Unit.BudgetEvidence = list
	before := marshalled(t, last)
	cleared := nextYear(t, last)
	if n := EvidenceCount(cleared); n != 0 {
		t.Errorf("by default %d items are carried over", n)
	}
	kept, err := NextYearWith(last, NextYearOptions{KeepEvidence: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []Evidence{{Name: "采购合同", Kind: "合同协议"}}
	for what, got := range map[string][]Evidence{"指标": kept.Projects[0].Indicators.Row(RowPath{}).Evidence,
		"项目资金": kept.Projects[0].FundsEvidence, "收支情况": kept.Unit.BudgetEvidence} {
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s kept as %+v, want %+v", what, got, want)
		}
	}
	if !bytes.Equal(marshalled(t, last), before) {
		t.Error("NextYearWith modified its argument")
	}
	roundTrip(t, kept)
}
