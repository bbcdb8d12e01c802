package app

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
	"ziping/pdfout"
	"ziping/tables"
)

// shownTexts lists the fixed texts of a tab as the user reads them: labels, card titles, form
// item names and the tree's column captions (hidden objects left out).
func shownTexts(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	switch x := o.(type) {
	case *widget.Label:
		return []string{x.Text}
	case *widget.Card:
		return append([]string{x.Title, x.Subtitle}, shownTexts(x.Content)...)
	case *widget.Form:
		var out []string
		for _, it := range x.Items {
			out = append(out, it.Text)
			out = append(out, shownTexts(it.Widget)...)
		}
		return out
	case *widget.Accordion:
		var out []string
		for _, it := range x.Items {
			out = append(out, it.Title)
			out = append(out, shownTexts(it.Detail)...)
		}
		return out
	case *container.Scroll:
		return shownTexts(x.Content)
	case *virtRoot: // the form's parts in view or not (virt.go)
		return shownTexts(x.content)
	case *virtHolder:
		return shownTexts(x.content)
	case *fyne.Container:
		var out []string
		for _, c := range x.Objects {
			out = append(out, shownTexts(c)...)
		}
		return out
	}
	return nil
}

// TestTemplateSwitchesTheProjectTab: choosing the national 表式 in 文档设置 rebuilds the project
// tabs with the fields the national table prints; 评价结论 typed there lands in the document and
// in the printed table, and its warnings lead back to it; 撤销 brings the Liaoning tab back.
func TestTemplateSwitchesTheProjectTab(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	liaoning := shownTexts(w.Project(0).Scroll)
	for _, want := range []string{"实施期", "完成程度", "全年完成值", "未完成原因", "项目预算资金（万元）", "其中：财政拨款收入"} {
		if !slices.Contains(liaoning, want) {
			t.Errorf("the Liaoning project tab does not show %q", want)
		}
	}
	if slices.Contains(liaoning, "评价结论") || w.Project(0).Conclusion != nil {
		t.Error("the Liaoning project tab shows 评价结论")
	}
	goalHints := func(p *projectTab, target, result string) {
		t.Helper()
		if len(p.Goals.Rows) == 0 {
			t.Fatal("the sample's first project has no goal")
		}
		if g := p.Goals.Rows[0]; g.Target.PlaceHolder != target || g.Result.PlaceHolder != result {
			t.Errorf("the goal's placeholders are %q and %q, want %q and %q", g.Target.PlaceHolder, g.Result.PlaceHolder, target, result)
		}
	}
	goalHints(w.Project(0), "年初设定的目标", "全年完成情况")

	w.Unit.Template.SetSelectedIndex(slices.IndexFunc(forms.AllTemplates(), func(t forms.Template) bool { return t.ID() == forms.TemplateNational })) // as the user picks it
	if w.Doc.Settings.Template != forms.TemplateNational || !w.Dirty || !w.CanUndo() {
		t.Fatalf("template %q, dirty %v, can undo %v", w.Doc.Settings.Template, w.Dirty, w.CanUndo())
	}
	p := w.Project(0)
	national := shownTexts(p.Scroll)
	for _, want := range []string{"项目名称", "项目资金（万元）", "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金",
		"预期目标", "实际完成值", "年度指标值", "偏差原因", "评价结论", "存在问题"} {
		if !slices.Contains(national, want) {
			t.Errorf("the national project tab does not show %q", want)
		}
	}
	for _, unwanted := range []string{"实施期", "完成程度", "全年完成值", "未完成原因", "项目预算资金（万元）", "其中：财政拨款收入"} {
		if slices.Contains(national, unwanted) {
			t.Errorf("the national project tab shows %q", unwanted)
		}
	}
	if !isNational(p) || p.Period != nil || p.Funds["S1"] == nil || p.Funds["S2"] != nil {
		t.Fatalf("national %v, 实施期 %v, fund editors %v", isNational(p), p.Period, p.Funds)
	}
	goalHints(p, "预期目标", "实际完成情况") // under the heads of the same names
	for _, pr := range w.Problems {
		if pr.Loc.Form >= 0 && (strings.Contains(pr.Message, "全年完成值") || strings.Contains(pr.Message, "未完成原因")) {
			t.Errorf("a national project's problem keeps a Liaoning name: %s", pr)
		}
	}

	// 评价结论 typed in the tab is the document's and prints.
	const conclusion = "项目完成了年度绩效目标，自评等级为优。"
	test.Type(p.Conclusion, conclusion)
	if got := w.Doc.Projects[0].Conclusion; got != conclusion {
		t.Fatalf("p.Conclusion = %q", got)
	}
	at := forms.Location{Form: 0, Section: forms.SecConclusion, Index: -1, Field: "conclusion"}
	if c := findCell(tables.Form(w.Doc, w.Eval, 0), at); c == nil || c.Text != conclusion {
		t.Fatalf("the printed table's 评价结论 cell is %+v", c)
	}
	var pdf bytes.Buffer
	if res, err := pdfout.Render(&pdf, w.Doc, pdfout.Options{}); err != nil || len(res.Warnings) != 0 || res.Pages == 0 {
		t.Fatalf("PDF export: %v, %+v", err, res)
	}

	// A warning on 存在问题 marks it, and the check list's jump focuses it.
	var mark error
	p.Issues.SetOnValidationChanged(func(err error) { mark = err })
	test.Type(p.Issues, "𠮷")
	var issue *forms.Problem
	for i, pr := range w.Problems {
		if pr.Loc.Form == 0 && pr.Loc.Section == forms.SecConclusion && pr.Loc.Field == "issues" {
			issue = &w.Problems[i]
		}
	}
	if issue == nil {
		t.Fatal("no warning at 存在问题 for a character the PDF cannot print")
	}
	if got, ok := problemOf(mark); !ok || got.Loc != issue.Loc {
		t.Errorf("存在问题 is marked with %v, want %s", mark, issue)
	}
	w.Tabs.Select(w.Unit.item())
	w.Win.Canvas().Unfocus()
	w.GoTo(issue.Loc)
	if got := w.Win.Canvas().Focused(); got != p.Issues {
		t.Errorf("going to %s focuses %T, want 存在问题", issue, got)
	}

	// 撤销 is one step back to the Liaoning tab; 重做 takes the national one again.
	w.Undo()
	if w.Doc.Settings.Template != "" || w.Unit.Template.Selected != templateLabel(forms.TemplateLiaoning) {
		t.Fatalf("after 撤销: template %q, choice %q", w.Doc.Settings.Template, w.Unit.Template.Selected)
	}
	if q := w.Project(0); isNational(q) || q.Period == nil || q.Conclusion != nil {
		t.Error("after 撤销 the project tab is not the Liaoning one")
	}
	w.Redo()
	if q := w.Project(0); !isNational(q) || q.Conclusion == nil || w.Unit.Template.Selected != templateLabel(forms.TemplateNational) {
		t.Error("after 重做 the project tab is not the national one")
	}
}

// findCell returns the cell of t printed from the field at loc, or nil.
func findCell(t *tables.Table, loc forms.Location) *tables.Cell {
	for _, b := range t.Bands {
		for _, r := range b.Rows {
			for i, c := range r.Cells {
				if c.Src != nil && c.Src.Loc == loc {
					return &r.Cells[i]
				}
			}
		}
	}
	return nil
}

// TestNewDocumentOffersTheTemplate: a new document opens 文档设置 with 表式 first, on the
// default (Liaoning), and says that the unit form keeps the Liaoning layout.
func TestNewDocumentOffersTheTemplate(t *testing.T) {
	w := New(test.NewTempApp(t))
	if !w.Unit.Settings.Items[0].Open {
		t.Fatal("文档设置 is closed in a new document")
	}
	form := w.Unit.Settings.Items[0].Detail.(*widget.Form)
	if it := form.Items[0]; it.Text != "表式" || it.Widget != w.Unit.Template || !strings.Contains(it.HintText, "单位整体绩效自评表始终按辽宁省表式") {
		t.Errorf("the first setting is %q (hint %q)", it.Text, it.HintText)
	}
	if w.Unit.Template.Selected != templateLabel(forms.TemplateLiaoning) {
		t.Errorf("a new document's 表式 is %q", w.Unit.Template.Selected)
	}
}

// TestNationalFundGroups: a group of the national 项目资金 with several filled rows (typed in
// the Liaoning template) shows their sum and each row, so nothing typed is hidden; a blank
// group is edited in its first row.
func TestNationalFundGroups(t *testing.T) {
	w := NewForFile(test.NewTempApp(t), fileSample)
	w.Doc.Projects[0].FundRow("S2").Amounts = forms.Amounts{Initial: "10", Full: "10", Actual: "5"}
	w.SetTemplate(forms.TemplateNational)
	p := w.Project(0)
	texts := shownTexts(p.Scroll)
	for _, want := range []string{"其中：当年财政拨款（合计）", "　　其中：财政拨款收入", "　　其中：中央提前告知转移支付资金", "610.00", "其他资金"} {
		if !slices.Contains(texts, want) {
			t.Errorf("the national funds do not show %q", want)
		}
	}
	for _, text := range texts {
		if strings.Count(text, "其中") > 1 {
			t.Errorf("the national funds show %q", text)
		}
	}
	if p.Funds["S1"] == nil || p.Funds["S2"] == nil || p.Funds["S6"] == nil || p.Funds["S7"] == nil || p.Funds["S3"] != nil {
		t.Fatalf("fund editors %v", p.Funds)
	}
	treeRetype(p.Funds["S7"].Cells[0], "3")
	if got := w.Doc.Projects[0].FundRow("S7").Initial; got != "3" {
		t.Errorf("其他资金 typed into S7: %q", got)
	}
}

// BenchmarkSetTemplate is one change of 表式 in a document of 1 and 200 projects, the first
// project's tab shown: the undo state, every form re-evaluated, the shown tab rebuilt (the
// others are rebuilt when shown).
func BenchmarkSetTemplate(b *testing.B) {
	for _, n := range []int{1, 200} {
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			w, _ := openMany(b, n)
			i := 0
			for b.Loop() {
				w.SetTemplate(forms.AllTemplates()[(i+1)%2].ID())
				i++
			}
			if !isNational(w.Projects[0]) && i%2 == 1 {
				b.Fatal("the shown project tab was not rebuilt")
			}
		})
	}
}

// isNational reports whether tab p shows the national template's fields.
func isNational(p *projectTab) bool {
	t, err := forms.LookupTemplate(forms.TemplateNational)
	return err == nil && p.Layout == t.Layout()
}

// templateLabel is the label of template id in the 表式 choice.
func templateLabel(id forms.TemplateID) string {
	t, _ := forms.LookupTemplate(id)
	return t.Label()
}
