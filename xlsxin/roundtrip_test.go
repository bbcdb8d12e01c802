package xlsxin

import (
	"bytes"
	"slices"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/xlsxout"
)

// export writes doc with xlsxout.Write.
func export(t testing.TB, doc *forms.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := xlsxout.Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func importBytes(t testing.TB, data []byte, name string) *Result {
	t.Helper()
	res, err := Import(bytes.NewReader(data), int64(len(data)), name)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// sameEvaluation fails unless both documents score and check alike, as `ziping check` reports
// them: every form's totals and grade, and every problem.
func sameEvaluation(t *testing.T, got, want *forms.Document) {
	t.Helper()
	eg, ew := forms.Evaluate(got), forms.Evaluate(want)
	if eg.Unit.TotalText() != ew.Unit.TotalText() || eg.Unit.Rating() != ew.Unit.Rating() || eg.Unit.NotFilled != ew.Unit.NotFilled {
		t.Errorf("unit total %q %q, want %q %q", eg.Unit.TotalText(), eg.Unit.Rating(), ew.Unit.TotalText(), ew.Unit.Rating())
	}
	if len(eg.Projects) != len(ew.Projects) {
		t.Fatalf("%d projects, want %d", len(eg.Projects), len(ew.Projects))
	}
	for i, g := range eg.Projects {
		w := ew.Projects[i]
		if g.CText() != w.CText() || g.DText() != w.DText() || g.TotalText() != w.TotalText() || g.Rating() != w.Rating() {
			t.Errorf("project %d: C %q D %q total %q, want %q %q %q", i+1, g.CText(), g.DText(), g.TotalText(), w.CText(), w.DText(), w.TotalText())
		}
	}
	if !slices.Equal(eg.Problems, ew.Problems) {
		t.Errorf("problems differ:\n got %v\nwant %v", eg.Problems, ew.Problems)
	}
}

// The round trip: the sample exported and imported is the same document, field
// by field, and checks alike.
func TestSampleRoundTrip(t *testing.T) {
	doc := formstest.Sample(t)
	res := importBytes(t, export(t, doc), "s.xlsx")
	formstest.SameSaved(t, "the document read back", res.Doc, doc)
	sameEvaluation(t, res.Doc, doc)
	if !res.Unit {
		t.Error("the unit form was not read")
	}
	if len(res.Notes) != 0 {
		t.Errorf("notes for Ziping's own export: %q", res.Notes)
	}
}

// rich is the sample with one of each thing the export holds: the signature footer, the linear
// rule for negative indicators, suggested, adjusted and qualitative scores, ticks, multi-line
// texts, blank rows, a 一级 without 二级, amounts typed as text or with separators, a task
// total typed, a project without the 分值 of D.
func rich(t testing.TB) *forms.Document {
	doc := formstest.Sample(t)
	s := &doc.Settings
	s.Signature = true
	s.Footer = forms.Footer{Preparer: "王会计", Phone: "024-5758 1234", Leader: "李主任", Date: "2022 年 3 月 1 日"}
	s.Negative = forms.NegativeLinear
	u := &doc.Unit
	u.Tasks = append(u.Tasks, &forms.Task{Name: "重点工作三", Project: "社保经办", Amounts: forms.Amounts{Initial: "约100", Full: "1,200.50"}})
	u.TasksTotal = forms.Amounts{Initial: "1300"}
	u.Goals = append(u.Goals, &forms.Goal{Target: "第二个目标\n两行", Result: "完成"})
	u.Indicators[0].Children[1].Rows = []*forms.Indicator{
		{Op: forms.OpGE, Content: "参保登记率", Unit: "%", Target: "95", Actual: "90", Weight: "10"},
		{Op: forms.OpLE, Content: "投诉件数", Unit: "件", Target: "5", Actual: "8", Weight: "10"},
		{Op: forms.OpLE, Content: "差错笔数", Unit: "笔", Target: "2", Actual: "3", Weight: "5", Score: "4", Manual: true},
		{},
		{Content: "群众评价", Target: "好", Actual: "较好", Completion: "约90%", Weight: "5", Score: "4.5", Manual: true,
			Reasons: forms.Reasons{Staff: true, Other: true}, Reason: "人员不足\n下半年补充", Measures: "加强培训"},
		{Op: forms.OpEQ, Content: "安全事故", Unit: "起", Target: "0", Actual: "0", Weight: "5"},
		{Content: "带单位的指标值", Target: "≥50个", Actual: "60个", Weight: "5"},
		{Op: forms.OpGE, Content: "清空了得分", Target: "10", Actual: "5", Weight: "5", Manual: true},
	}
	u.Indicators[0].Children[2].Rows = []*forms.Indicator{{}}
	doc.Projects[1].Indicators[1].Children = []*forms.Level2{}
	doc.Projects[1].FundRow("S2").Initial = "六百"
	doc.Projects[2].FundsWeight = ""
	doc.Projects[3].Indicators[0].Children[0].Rows[0].Target = "1,200"
	doc.Projects[3].Indicators[0].Children[0].Rows[0].Actual = "1,300.5"
	return doc
}

// ignoreComputed blanks what forms computes and never reads (a 得分 typed while the rules'
// suggestion is in force, a 完成程度 typed where it is computed): the export does not hold it.
func ignoreComputed(doc *forms.Document) *forms.Document {
	ev := forms.Evaluate(doc)
	blank := func(tree forms.Tree, res forms.TreeResult) {
		tree.Each(func(p forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
			r := res.At(p)
			if r.HasSuggestion && !in.Manual {
				in.Score = ""
			}
			if r.HasCompletion {
				in.Completion = ""
			}
		})
	}
	blank(doc.Unit.Indicators, ev.Unit.Indicators)
	for i, p := range doc.Projects {
		blank(p.Indicators, ev.Projects[i].Indicators)
	}
	return doc
}

func TestRichRoundTrip(t *testing.T) {
	doc := rich(t)
	data := export(t, doc)
	res := importBytes(t, data, "rich.xlsx")
	// Amounts are shown without thousands separators (xlsxout's amountFmt); the shadow sheet
	// gives back "1,200.50" as typed.
	formstest.SameSaved(t, "the document read back", ignoreComputed(res.Doc), ignoreComputed(rich(t)))
	sameEvaluation(t, res.Doc, doc)
	if again := export(t, res.Doc); !bytes.Equal(again, data) {
		t.Error("the imported document exports differently")
	}
}

// What the visible sheets cannot hold, each change of the sample with what comes back instead
// when the workbook has lost its shadow sheet (the list in doc.go); with the shadow every change
// comes back.
func TestWhatTheWorkbookCannotHold(t *testing.T) {
	row := func(d *forms.Document) *forms.Indicator { return d.Projects[1].Indicators[0].Children[0].Rows[0] }
	for name, tc := range map[string]struct {
		change, want func(d *forms.Document)
	}{
		"金额显示: two decimals come back typed": {
			change: func(d *forms.Document) { d.Settings.Amounts = forms.AmountsFixed2 },
			want: func(d *forms.Document) {
				for _, id := range []string{"E1.1", "E1.2", "E1.3"} {
					a := &d.Unit.BudgetRow(id).Amounts
					*a = forms.Amounts{Initial: a.Initial + ".00", Full: a.Full + ".00", Actual: a.Actual + ".00"}
				}
				d.Unit.BudgetRow("E1").Amounts = forms.Amounts{Initial: "3014.20", Full: "3014.20", Actual: "3014.20"}
			},
		},
		"反向指标计分 without a negative indicator scored by formula": {
			change: func(d *forms.Document) { d.Settings.Negative = forms.NegativeLinear },
			want:   func(d *forms.Document) {},
		},
		"the grade picked": {
			change: func(d *forms.Document) { row(d).Grade = forms.GradeMet },
			want:   func(d *forms.Document) {},
		},
		"手工调整 to the suggested score itself": {
			change: func(d *forms.Document) {
				*row(d) = forms.Indicator{Op: forms.OpLE, Content: "投诉", Target: "0", Actual: "0", Weight: "13", Score: "13", Manual: true}
			},
			want: func(d *forms.Document) {
				*row(d) = forms.Indicator{Op: forms.OpLE, Content: "投诉", Target: "0", Actual: "0", Weight: "13", Score: "13"}
			},
		},
		"the footer's values while the footer is off": {
			change: func(d *forms.Document) { d.Settings.Footer.Preparer = "王会计" },
			want:   func(d *forms.Document) {},
		},
		"no goals: the form prints one blank": {
			change: func(d *forms.Document) { d.Projects[0].Goals = []*forms.Goal{} },
			want:   func(d *forms.Document) { d.Projects[0].Goals = []*forms.Goal{{}} },
		},
		"how numbers were typed": {
			change: func(d *forms.Document) {
				d.Projects[0].FundRow("S1").Initial = "600.00万元"
				d.Projects[0].FundRow("S1").Full = "1,200.5"
				*row(d) = forms.Indicator{Content: "甲", Target: "１２３４．５", Actual: "+5", Weight: "13分", Score: "12.50", Manual: true}
			},
			want: func(d *forms.Document) {
				d.Projects[0].FundRow("S1").Initial = "600.00"
				d.Projects[0].FundRow("S1").Full = "1200.5"
				*row(d) = forms.Indicator{Content: "甲", Target: "1234.5", Actual: "5", Weight: "13", Score: "12.5", Manual: true}
			},
		},
		"control characters": {
			change: func(d *forms.Document) { row(d).Reason = "甲\x07乙" },
			want:   func(d *forms.Document) { row(d).Reason = "甲□乙" },
		},
		"spaces at the end of a 二级 name": {
			change: func(d *forms.Document) { d.Projects[1].Indicators[0].Children[0].Name = "数量指标 " },
			want:   func(d *forms.Document) {},
		},
		"a blank unit form beside projects is not exported": {
			change: func(d *forms.Document) {
				d.Unit = *forms.NewUnitForm()
				d.Unit.Tasks = append(d.Unit.Tasks, &forms.Task{Name: "重点工作二"})
			},
			want: func(d *forms.Document) { d.Unit = *forms.NewUnitForm() },
		},
	} {
		t.Run(name, func(t *testing.T) {
			doc := formstest.Sample(t)
			tc.change(doc)
			data := export(t, doc)
			whole := formstest.Sample(t)
			tc.change(whole)
			formstest.SameSaved(t, "the document read back", importBytes(t, data, "s.xlsx").Doc, whole)
			res := importBytes(t, dropShadow(t, data), "s.xlsx")
			// What the export holds of the change; tc.want adds the rest.
			want := formstest.Sample(t)
			tc.change(want)
			want.Settings = formstest.Sample(t).Settings
			row(want).Grade = ""
			want.Projects[1].Indicators[0].Children[0].Name = "数量指标"
			tc.want(want)
			formstest.SameSaved(t, "the document read back", ignoreComputed(res.Doc), ignoreComputed(want))
		})
	}
}
