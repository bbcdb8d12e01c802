package app

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"ziping/forms"
	"ziping/tables"
)

// TestRuleOptionsEditors: the 计分规则 of 文档设置 has an editor and a help button for every
// forms.RuleOptions entry; ticking 执行率封顶 caps the total the project tab and the status bar
// show (project 2 at 75 % 执行率: C+D 92.5, capped at 89, the footer saying from what), re-evaluates every form as Evaluate
// does, and is one 撤销 step that brings 92.5 back; a drop-down option is set and undone so too.
func TestRuleOptionsEditors(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	for _, id := range []string{"T", "S1"} {
		row := w.Doc.Projects[1].FundRow(id)
		row.Full, row.Actual = "100", "75"
	}
	w.evaluate()
	rules := w.Unit.Rules
	for _, o := range forms.RuleOptions() {
		if rules.Help[o.Key] == nil || (rules.Checks[o.Key] == nil) == (rules.Selects[o.Key] == nil) {
			t.Errorf("option %s has no editor or no help", o.Key)
		}
	}
	shown := func() string { return w.Project(1).Totals.Text }
	if !strings.Contains(shown(), "（C+D）：92.5") || !strings.Contains(w.Status.Text, "92.5") {
		t.Fatalf("before: %q / %q", shown(), w.Status.Text)
	}

	test.Tap(rules.Checks["rate_cap"])
	if !w.Doc.Settings.RateCap || !strings.Contains(shown(), "（C+D）：89（封顶，原为 92.5）") || !strings.Contains(w.Status.Text, "89（良）") {
		t.Fatalf("after ticking 执行率封顶: %v %q / %q", w.Doc.Settings.RateCap, shown(), w.Status.Text)
	}
	if want := forms.Evaluate(w.Doc); !reflect.DeepEqual(w.Eval.Projects, want.Projects) || !reflect.DeepEqual(w.Eval.Problems, want.Problems) {
		t.Error("the window's evaluation after the change differs from Evaluate")
	}
	if !w.Dirty || !w.CanUndo() {
		t.Fatalf("dirty %v, can undo %v", w.Dirty, w.CanUndo())
	}
	w.Undo()
	if w.Doc.Settings.RateCap || !strings.Contains(shown(), "（C+D）：92.5") || w.Unit.Rules.Checks["rate_cap"].Checked {
		t.Fatalf("after 撤销: %v %q, tick %v", w.Doc.Settings.RateCap, shown(), w.Unit.Rules.Checks["rate_cap"].Checked)
	}

	sel := w.Unit.Rules.Selects["over_target"]
	sel.SetSelectedIndex(1)
	if w.Doc.Settings.OverTarget != forms.OverTarget120 {
		t.Fatalf("超额完成 is %q after choosing %q", w.Doc.Settings.OverTarget, sel.Selected)
	}
	w.Undo()
	if w.Doc.Settings.OverTarget != forms.OverTargetOff || w.Unit.Rules.Selects["over_target"].SelectedIndex() != 0 {
		t.Errorf("after 撤销 超额完成 is %q", w.Doc.Settings.OverTarget)
	}
	if w.CanUndo() {
		t.Error("more 撤销 steps than changes")
	}
}

// TestIndicatorNumbersOption: 指标编号 is offered with the rule options; ticked, the national
// table prints the 三级 names without "指标 N：", and 撤销 brings them back.
func TestIndicatorNumbersOption(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	w.Doc.Settings.SetTemplate(forms.TemplateNational)
	w.evaluate()
	names := func() string {
		return strings.Join(tablesCells(w, 0, "三级指标"), "|")
	}
	if !strings.Contains(names(), "指标 1：") {
		t.Fatalf("before: %s", names())
	}
	check := w.Unit.Rules.Checks["hide_indicator_numbers"]
	if check == nil {
		t.Fatal("no tick box for 指标编号")
	}
	test.Tap(check)
	if !w.Doc.Settings.HideIndicatorNumbers || strings.Contains(names(), "指标 1：") {
		t.Fatalf("after ticking: %v %s", w.Doc.Settings.HideIndicatorNumbers, names())
	}
	w.Undo()
	if w.Doc.Settings.HideIndicatorNumbers || !strings.Contains(names(), "指标 1：") || w.Unit.Rules.Checks["hide_indicator_numbers"].Checked {
		t.Fatalf("after 撤销: %v %s", w.Doc.Settings.HideIndicatorNumbers, names())
	}
}

// tablesCells are the texts of the cells of project i's printed table whose field is field.
func tablesCells(w *Window, i int, field string) []string {
	var out []string
	for _, b := range tables.Form(w.Doc, w.Eval, i).Bands {
		for _, r := range b.Rows {
			for _, c := range r.Cells {
				if c.Src != nil && c.Src.Field == field {
					out = append(out, c.Text)
				}
			}
		}
	}
	return out
}
