package xlsxout

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/tables"
)

// stressDoc is the sample with every kind of computed cell: 300 more quantitative rows under
// each operator (some over, some under target, some 手工调整, percentages, units, a sign typed
// in the target, negative 完成值), typed and computed subtotals, an amount that is not a
// number, a 100,000-character 原因说明 and control characters; and, after projects with rows,
// projects whose indicator tables have no 三级 row (see addEmptyTrees).
func stressDoc(t testing.TB, rule forms.NegativeRule) *forms.Document {
	doc := formstest.Sample(t)
	doc.Settings.Negative = rule
	ops := []forms.Op{forms.OpGE, forms.OpLE, forms.OpEQ, forms.OpGT, forms.OpLT}
	for i := range 300 {
		p := doc.Projects[i%len(doc.Projects)]
		in := p.Indicators.AddRow(i%3, i%2)
		if in == nil {
			in = p.Indicators.AddRow(i%3, 0)
		}
		*in = forms.Indicator{Op: ops[i%len(ops)], Content: fmt.Sprintf("指标%d", i), Unit: "个",
			Target: "100", Actual: fmt.Sprint(60 + i%80), Weight: fmt.Sprintf("%d.%d", 1+i%3, i%10)}
		switch i % 7 {
		case 0:
			in.Manual, in.Score = true, "0.5" // 手工调整
		case 1:
			in.Unit, in.Target, in.Actual = "%", "95%", fmt.Sprintf("%d%%", 80+i%30)
		case 2:
			in.Op, in.Target, in.Actual = forms.OpNone, "≥50个", fmt.Sprintf("%d个", 30+i%40)
		case 3:
			in.Actual = "-3"
		case 4:
			in.Target = "0"
		}
	}
	u := &doc.Unit
	u.Indicators.Row(forms.RowPath{}).Reason = strings.Repeat("原因说明很长，", 100_000/7)
	u.Indicators.Row(forms.RowPath{}).Measures = "改进\x07措施\u0000含控制字符"
	u.BudgetRow("I3").Initial = "12.345678"
	u.BudgetRow("I4").Full = "约100" // not a number: stays text, and the subtotal skips it
	u.BudgetRow("E2.2").Actual = "0.5"
	u.Tasks = append(u.Tasks, &forms.Task{Name: "001", Project: "2021", Amounts: forms.Amounts{Initial: "3", Full: "4", Actual: "5"}})
	p := doc.Projects[1]
	p.FundRow("S6").Full, p.FundRow("S6").Actual = "10", "5" // D below its weight
	doc.Projects[2].FundsWeight = ""                         // no D
	addEmptyTrees(doc)
	return doc
}

func TestStressFormulasMatchForms(t *testing.T) {
	for _, rule := range []forms.NegativeRule{forms.NegativeRatio, forms.NegativeLinear} {
		t.Run(string(rule), func(t *testing.T) {
			doc := stressDoc(t, rule)
			w := write(t, doc)
			w.checkTotals(t)
			if n := w.checkFormulas(t); n < 400 {
				t.Errorf("only %d formulas", n)
			}
			manual, suggested := 0, 0
			for i := range doc.Projects {
				g := w.grids[i+1]
				doc.Projects[i].Indicators.Each(func(rp forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
					ref := g.refs[tables.IndicatorKey(tables.ColScore, rp)]
					f, _ := w.f.GetCellFormula(w.sheets[i+1], ref)
					r := w.ev.Projects[i].Indicators.At(rp)
					switch {
					case in.Manual && r.HasSuggestion:
						manual++
						if f != "" {
							t.Errorf("手工调整 score at %s is a formula %q", ref, f)
						}
					case r.HasSuggestion && r.Target.Value.IsPositive() && r.Actual.Value.IsPositive():
						suggested++
						if f == "" {
							t.Errorf("suggested score beside %s is not a formula", ref)
						}
					}
				})
			}
			if manual < 30 || suggested < 150 {
				t.Errorf("%d manual, %d suggested scores checked", manual, suggested)
			}
		})
	}
}

func TestStressTextsAreKeptOrReported(t *testing.T) {
	w := write(t, stressDoc(t, forms.NegativeRatio))
	checkStressWarnings(t, w.res.Warnings)
	long, measures := w.findText(t, 0, "原因说明很长"), w.findText(t, 0, "改进")
	if n := len(utf16.Encode([]rune(long.text))); n > maxCellUnits || n < maxCellUnits-10 || !strings.HasSuffix(long.text, cutNote) {
		t.Errorf("long text has %d units, ends %q", n, long.text[max(0, len(long.text)-40):])
	}
	// Taller than Excel's highest row: aligned to the top, so that its beginning shows.
	id, err := w.f.GetCellStyle(w.sheets[0], long.ref)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := w.f.GetStyle(id); err != nil || st.Alignment == nil || st.Alignment.Vertical != "top" {
		t.Errorf("the long text's cell is not aligned to the top (%v)", err)
	}
	if measures.text != "改进□措施□含控制字符" {
		t.Errorf("改进措施 stored as %q", measures.text)
	}
}

// checkStressWarnings: the stress document's unit row 1 has its 原因说明 cut and control
// characters in its 改进措施, and nothing else is reported.
func checkStressWarnings(t *testing.T, warnings []forms.Problem) {
	t.Helper()
	var cut, control bool
	for _, p := range warnings {
		if p.Form != forms.UnitFormName || p.Row != "履职效能 › 重点工作履行情况 › 指标 1" {
			t.Errorf("warning names %s", p)
		}
		cut = cut || (p.Field == "原因说明" && strings.Contains(p.Message, "32767"))
		control = control || (p.Field == "改进措施" && strings.Contains(p.Message, "控制字符"))
	}
	if !cut || !control {
		t.Errorf("warnings %v", warnings)
	}
}

// foundText is a text cell of a sheet and its A1 name.
type foundText struct{ text, ref string }

// findText returns the last text of sheet i that starts with prefix.
func (w *written) findText(t *testing.T, i int, prefix string) foundText {
	t.Helper()
	rows, err := w.f.GetRows(w.sheets[i])
	if err != nil {
		t.Fatal(err)
	}
	var out foundText
	for r, row := range rows {
		for c, v := range row {
			if strings.HasPrefix(v, prefix) {
				out = foundText{v, cellName(c, r)}
			}
		}
	}
	if out.ref == "" {
		t.Errorf("no text starting %q in %s", prefix, w.sheets[i])
	}
	return out
}

func TestSheetNames(t *testing.T) {
	doc := forms.NewDocument(2021)
	wb := newWorkbook(doc, forms.Evaluate(doc))
	for _, c := range []struct{ want, got string }{
		{"项目1 a[b]c:d*e?f/g\\h", "项目1 a_b_c_d_e_f_g_h"},
		{"'引号'", "引号"},
		{"", "表"},
		{"History", "表(2)"},
		{strings.Repeat("长", 40), strings.Repeat("长", 31)},
		{strings.Repeat("长", 40), strings.Repeat("长", 28) + "(2)"},
		{"ABC", "ABC"},
		{"abc", "abc(2)"},
		{strings.Repeat("𠮷", 20), strings.Repeat("𠮷", 15)}, // 31 UTF-16 units at most
	} {
		if got := wb.sheetName(c.want); got != c.got {
			t.Errorf("sheetName(%q) = %q, want %q", c.want, got, c.got)
		}
	}
}

// TestManyProjectsSameName: sheet names stay unique and valid, and excelize accepts them.
func TestManyProjectsSameName(t *testing.T) {
	doc := formstest.Sample(t)
	for range 12 {
		p := doc.AddProject()
		p.Name = "同名项目" + strings.Repeat("很长的名字", 8)
	}
	var buf bytes.Buffer
	res, err := Write(&buf, doc)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range res.Sheets {
		if seen[s] || len(utf16.Encode([]rune(s))) > 31 {
			t.Errorf("sheet name %q repeated or too long", s)
		}
		seen[s] = true
	}
	if len(res.Sheets) != 17 {
		t.Errorf("%d sheets", len(res.Sheets))
	}
}

func BenchmarkWriteSample(b *testing.B) {
	doc := formstest.Sample(b)
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := Write(&buf, doc); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}

// BenchmarkWriteLargest is the workbook of the largest document the limits allow
// (formstest.Largest: 200 projects, 8,000 rows), in process; BenchmarkLargest in bench_test.go
// times the whole `ziping export` of it.
func BenchmarkWriteLargest(b *testing.B) {
	doc := formstest.Largest()
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := Write(&buf, doc); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}
