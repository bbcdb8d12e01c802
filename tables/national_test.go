package tables

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// national is the sample in the national template, its first project's first row made
// quantitative with ticked reasons, a 原因说明 and 改进措施, and a 评价结论.
func national(t *testing.T) *forms.Document {
	t.Helper()
	doc := formstest.Sample(t)
	doc.Settings.SetTemplate(forms.TemplateNational)
	p := doc.Projects[1]
	in := p.Indicators.Row(forms.RowPath{})
	in.Op, in.Target, in.Unit, in.Actual, in.Score, in.Manual = forms.OpGE, "95", "%", "90", "", false
	in.Reasons.Funding, in.Reason, in.Measures = true, "资金下达较晚", "提前申请资金"
	p.Conclusion = "项目完成情况较好。"
	return doc
}

// cellsOf returns the texts of the cells of t whose source field is field.
func cellsOf(t *Table, field string) []string {
	var out []string
	each(t, func(c *Cell) {
		if c.Src != nil && c.Src.Field == field {
			out = append(out, c.Text)
		}
	})
	return out
}

// TestNationalProjectForm: the national project form has 8 indicator columns with the operator
// and unit in 年度指标值, one 偏差原因分析及改进措施 column, the grouped fund rows, 总分 with
// Σ分值 and C+D, and 评价结论 when filled; its totals are forms' own.
func TestNationalProjectForm(t *testing.T) {
	doc := national(t)
	ev := forms.Evaluate(doc)
	tb := Form(doc, ev, 1)
	if !strings.HasPrefix(tb.Title.Text, "项目支出绩效自评表") || !strings.Contains(tb.Title.Text, "2021 年度") {
		t.Errorf("title %q", tb.Title.Text)
	}
	labels := map[string]bool{}
	each(tb, func(c *Cell) {
		if c.Src == nil {
			labels[c.Text] = true
		}
	})
	for _, l := range []string{"项目名称", "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金", "预期目标",
		"实际完成值", "偏差原因分析及改进措施", "总分", "评价结论"} {
		if !labels[l] {
			t.Errorf("no label %q", l)
		}
	}
	for _, l := range []string{"实施期", "运算符号", "度量单位", "完成程度", "存在问题"} {
		if labels[l] {
			t.Errorf("label %q, which the national form does not print (or print blank)", l)
		}
	}
	r := ev.Projects[1]
	for field, want := range map[string]string{
		"年度指标值": "≥95%", "实际完成值": "90%", "偏差原因分析及改进措施": "资金下达较晚\n改进措施：提前申请资金",
		"总分": r.TotalText(), "评价结论": "项目完成情况较好。",
	} {
		if got := cellsOf(tb, field); len(got) == 0 || got[0] != want {
			t.Errorf("%s: %q, want %q", field, got, want)
		}
	}
	if r.TotalText() == "" || cellsOf(tb, "得分")[0] != r.DText() {
		t.Errorf("D %q, total %q", cellsOf(tb, "得分"), r.TotalText())
	}
	var weights *Cell
	each(tb, func(c *Cell) {
		if c.Key == KeyWeights {
			weights = c
		}
	})
	if weights == nil || weights.Text != "100" || weights.Formula == "" {
		t.Errorf("Σ分值 %+v, want 100 as a formula", weights)
	}
	if ind := tb.Bands[3]; len(ind.Cols) != 9 || ind.Header != 1 {
		t.Errorf("绩效指标 of %d columns, %d header rows", len(ind.Cols), ind.Header)
	}
}

// TestNationalJoinedTextsKeepTheirFields: each piece of a joined cell names its own field, so
// that a problem in it leads to the field the user typed it in.
func TestNationalJoinedTextsKeepTheirFields(t *testing.T) {
	doc := national(t)
	tb := Form(doc, forms.Evaluate(doc), 1)
	var parts []string
	each(tb, func(c *Cell) {
		for _, p := range c.Parts {
			if p.Src != nil {
				parts = append(parts, p.Src.Field+"="+p.Src.Loc.Field+":"+p.Text)
			}
		}
	})
	want := []string{"运算符号=op:≥", "年度指标值=target:95", "度量单位=unit:%", "实际完成值=actual:90",
		"度量单位=unit:%", "原因说明=reason:资金下达较晚", "改进措施=measures:提前申请资金"}
	if !reflect.DeepEqual(parts, want) {
		t.Errorf("parts %q, want %q", parts, want)
	}
}

// TestNationalKeepsTheUnitForm: the template changes the project forms only.
func TestNationalKeepsTheUnitForm(t *testing.T) {
	doc := national(t)
	ev := forms.Evaluate(doc)
	nat := Form(doc, ev, -1)
	doc.Settings.SetTemplate(forms.TemplateLiaoning)
	if !reflect.DeepEqual(nat, Form(doc, ev, -1)) {
		t.Error("the unit form differs between the templates")
	}
	if reflect.DeepEqual(Form(doc, ev, 1).Bands, Forms(national(t), ev)[2].Bands) {
		t.Error("the project form is the same in both templates")
	}
}

// TestNationalIncomplete: an incomplete form has blank totals, a blank 分值 no Σ分值.
func TestNationalIncomplete(t *testing.T) {
	doc := national(t)
	doc.Projects[1].Indicators.Row(forms.RowPath{}).Actual = ""
	doc.Projects[0].Conclusion = ""
	ev := forms.Evaluate(doc)
	if got := cellsOf(Form(doc, ev, 1), "总分"); got[0] != "" {
		t.Errorf("total %q of an incomplete form", got)
	}
	tb := Form(doc, ev, 0) // the seed's first project leaves its 分值 blank
	each(tb, func(c *Cell) {
		if c.Key == KeyWeights && (c.Text != "" || c.Formula != "") {
			t.Errorf("Σ分值 %q with blank 分值", c.Text)
		}
	})
	for _, b := range tb.Bands {
		for _, r := range b.Rows {
			if len(r.Cells) > 0 && r.Cells[0].Text == "评价结论" {
				t.Error("评价结论 printed blank")
			}
		}
	}
}

// TestNationalBlankIndicatorName: the national 三级指标 prints "指标 N：" only before a name; an
// empty 二级's blank row and a row without a name print it blank, never "指标 1：" over nothing.
func TestNationalBlankIndicatorName(t *testing.T) {
	doc := national(t)
	doc.Projects[1].Indicators.Row(forms.RowPath{}).Content = " "
	ev := forms.Evaluate(doc)
	tb := Form(doc, ev, 1)
	named, blankRows := 0, 0
	each(tb, func(c *Cell) {
		if strings.HasPrefix(c.Text, "指标 ") {
			if strings.HasSuffix(strings.TrimSpace(c.Text), "：") {
				t.Errorf("a 三级指标 prints %q", c.Text)
			}
			named++
		}
		if c.Src != nil && c.Src.Field == "三级指标" && c.Text == "" {
			blankRows++
		}
	})
	if named == 0 || blankRows != 1 {
		t.Errorf("%d named rows, %d rows without a name (want 1)", named, blankRows)
	}
	if !slices.Contains(cellsOf(tb, "三级指标"), "指标 1：保障办公秩序良好") {
		t.Errorf("the named rows print %q", cellsOf(tb, "三级指标"))
	}
}

// TestNationalIndicatorNumbers: the setting 指标编号 (HideIndicatorNumbers) prints the 三级 names
// without "指标 N："; by default they have it; the setting is saved in the file and read back.
func TestNationalIndicatorNumbers(t *testing.T) {
	doc := national(t)
	prefixed := func(d *forms.Document) (with, without int) {
		for _, s := range cellsOf(Form(d, forms.Evaluate(d), 1), "三级指标") {
			switch {
			case strings.HasPrefix(s, "指标 "):
				with++
			case s != "":
				without++
			}
		}
		return with, without
	}
	if with, without := prefixed(doc); with == 0 || without != 0 {
		t.Fatalf("default: %d names with 指标 N：, %d without", with, without)
	}
	doc.Settings.HideIndicatorNumbers = true
	data, err := forms.Marshal(doc)
	if err != nil || !strings.Contains(string(data), `"hide_indicator_numbers": true`) {
		t.Fatalf("saved without the setting (%v)", err)
	}
	back, err := forms.Unmarshal(data)
	if err != nil || !back.Settings.HideIndicatorNumbers {
		t.Fatalf("read back: %v %+v", err, back.Settings)
	}
	if with, without := prefixed(back); with != 0 || without == 0 {
		t.Fatalf("hidden: %d names with 指标 N：, %d without", with, without)
	}
	if !slices.Contains(cellsOf(Form(back, forms.Evaluate(back), 1), "三级指标"), "保障办公秩序良好") {
		t.Errorf("the names print %q", cellsOf(Form(back, forms.Evaluate(back), 1), "三级指标"))
	}
}

// TestNationalInvalidWeightNoSum: a 分值 that is not a number ("/") leaves the printed Σ分值 of
// 总分 blank, as a blank one does: a sum without that row would be wrong.
func TestNationalInvalidWeightNoSum(t *testing.T) {
	doc := national(t)
	doc.Projects[2].Indicators.Row(forms.RowPath{}).Weight = "/"
	ev := forms.Evaluate(doc)
	each(Form(doc, ev, 2), func(c *Cell) {
		if c.Key == KeyWeights && (c.Text != "" || c.Formula != "") {
			t.Errorf("Σ分值 %q %q with a “/” 分值", c.Text, c.Formula)
		}
	})
}
