package pdfout_test

// FuzzRender builds small arbitrary documents through the model's API (the calls the editor
// makes) from the fuzzer's bytes and renders them: Render must succeed for every document —
// characters the fonts cannot show are warnings, never errors — and write a PDF with at least
// one page per form. The builder is a compact copy of the one in forms/fuzz_test.go (test files
// of two packages cannot share code), with smaller limits so that one execution stays well under
// 200 ms. Unlike that one it keeps invalid UTF-8 as it is: the renderer must cope with any text.

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"ziping/forms"
	"ziping/pdfout"
)

const (
	rfMaxOps      = 120
	rfMaxProjects = 2
	rfMaxList     = 4   // tasks, goals, 二级 added per 一级, 三级 per 二级
	rfMaxStr      = 160 // bytes per typed text
)

var rfCreated = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// rfDict: numbers as accountants type them, and texts that are hard to print or to break.
var rfDict = []string{
	"", " ", "0", "-0", "100", "9.5", "1,234.56", "１２３４．５", "95%", "≥50个", "1e9999", "NaN",
	"999999999999999999999999999999", "9999999999999999999999999999.99", "0.000001", "600.00万元",
	"12分", "-1", "达成", "部分达成", "未达成", "＝", "≤", "≥", "＜", "＞", "人/次", "2021",
	"保障办公面积含附属设施及公共区域分摊面积", "（一）", "“合规”", "……", "——", "。」", "、",
	"budget execution ", "Supercalifragilisticexpialidocious", "\n", "\n\n\n", "\r\n", "\t", "　",
	"\x00", "\x07", "\x1b[31m", "\xff\xfe", "\xe4\xb8", "𠮷", "😀", "👩‍👩‍👧", "\u0301", "e\u0301",
	"\u00ad", "\u200b", "\u200d", "\u2028", "\u202e", "\ufeff", "\ufffd", "\ue000", "\uffff",
	"שלום", "مرحبا", "ภาษาไทย", "한국어", "かな", "Ω≈ç√∫", "½", "²³", "√", "□", "ﾊﾝｶｸ",
}

type rfReader struct {
	data []byte
	pos  int
}

func (r *rfReader) more() bool { return r.pos < len(r.data) }

func (r *rfReader) byte() byte {
	if r.pos >= len(r.data) {
		r.pos++
		return 0
	}
	b := r.data[r.pos]
	r.pos++
	return b
}

func (r *rfReader) pick(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.byte()) % n
}

// index is mostly a valid position among n, sometimes one just outside (n-16 … n+15).
func (r *rfReader) index(n int) int {
	b := int(r.byte())
	if b >= 0xE0 {
		return n + b - 0xF0
	}
	if n <= 0 {
		return 0
	}
	return b % n
}

// str: a dictionary entry, two texts joined, a text repeated, or raw bytes (any, not only UTF-8).
func (r *rfReader) str() string { return r.rawStr(0) }

func (r *rfReader) rawStr(depth int) string {
	b := r.byte()
	var s string
	switch {
	case b < 0x60 || depth > 3 && b < 0x80:
		s = rfDict[int(b)%len(rfDict)]
	case b < 0x70:
		s = r.rawStr(depth+1) + r.rawStr(depth+1)
	case b < 0x80:
		n := r.pick(60) + 1
		s = strings.Repeat(r.rawStr(depth+1), n)
	default:
		n := int(b - 0x80)
		end := min(r.pos+n, len(r.data))
		if r.pos < end {
			s = string(r.data[r.pos:end])
		}
		r.pos += n
	}
	if len(s) > rfMaxStr {
		s = s[:rfMaxStr]
	}
	return s
}

func (r *rfReader) tree(d *forms.Document) forms.Tree {
	if k := r.pick(1 + len(d.Projects)); k > 0 {
		return d.Projects[k-1].Indicators
	}
	return d.Unit.Indicators
}

func (r *rfReader) level2(t forms.Tree) (l1, l2 int) {
	l1 = r.index(len(t))
	n := 0
	if l1 >= 0 && l1 < len(t) {
		n = len(t[l1].Children)
	}
	return l1, r.index(n)
}

func (r *rfReader) path(t forms.Tree) forms.RowPath {
	l1, l2 := r.level2(t)
	n := 0
	if b := t.Level2At(l1, l2); b != nil {
		n = len(b.Rows)
	}
	return forms.RowPath{L1: l1, L2: l2, Row: r.index(n)}
}

func (r *rfReader) project(d *forms.Document) *forms.ProjectForm {
	if len(d.Projects) == 0 {
		return nil
	}
	return d.Projects[r.pick(len(d.Projects))]
}

// rfBuild applies the operations encoded in data to a new document.
func rfBuild(year int, data []byte) *forms.Document {
	d := forms.NewDocument(year)
	r := &rfReader{data: data}
	for n := 0; r.more() && n < rfMaxOps; n++ {
		rfStep(r, d)
	}
	return d
}

const (
	rfAddProject = iota
	rfRemoveProject
	rfMoveProject
	rfAddRow
	rfRemoveRow
	rfMoveRow
	rfAddLevel2
	rfRemoveLevel2
	rfMoveLevel2
	rfSetIndicator
	rfSetAmount
	rfSettings
	rfHeader
	rfTasks
	rfGoals
	rfRename
	rfNumOps
)

func rfStep(r *rfReader, d *forms.Document) {
	switch r.pick(rfNumOps) {
	case rfAddProject:
		if len(d.Projects) < rfMaxProjects {
			d.AddProject()
		}
	case rfRemoveProject:
		d.RemoveProject(r.index(len(d.Projects)))
	case rfMoveProject:
		d.MoveProject(r.index(len(d.Projects)), r.index(len(d.Projects)))
	case rfAddRow:
		t := r.tree(d)
		l1, l2 := r.level2(t)
		if b := t.Level2At(l1, l2); b == nil || len(b.Rows) < rfMaxList {
			t.AddRow(l1, l2)
		}
	case rfRemoveRow:
		t := r.tree(d)
		t.RemoveRow(r.path(t))
	case rfMoveRow:
		t := r.tree(d)
		p := r.path(t)
		t.MoveRow(p, r.index(4))
	case rfAddLevel2:
		t := r.tree(d)
		l1 := r.index(len(t))
		name := r.str()
		if l1 < 0 || l1 >= len(t) || len(t[l1].Children) < 6 {
			t.AddLevel2(l1, name)
		}
	case rfRemoveLevel2:
		t := r.tree(d)
		t.RemoveLevel2(r.level2(t))
	case rfMoveLevel2:
		t := r.tree(d)
		l1, l2 := r.level2(t)
		t.MoveLevel2(l1, l2, r.index(4))
	case rfSetIndicator:
		t := r.tree(d)
		if in := t.Row(r.path(t)); in != nil {
			rfSetIndicatorField(r, in)
		}
	case rfSetAmount:
		var a *forms.Amounts
		switch r.pick(4) {
		case 0:
			a = &d.Unit.BudgetRow(forms.UnitBudgetRows[r.pick(len(forms.UnitBudgetRows))].ID).Amounts
		case 1:
			if i := r.index(len(d.Unit.Tasks)); i >= 0 && i < len(d.Unit.Tasks) {
				a = &d.Unit.Tasks[i].Amounts
			}
		case 2:
			a = &d.Unit.TasksTotal
		default:
			if p := r.project(d); p != nil {
				a = &p.FundRow(forms.ProjectFundRows[r.pick(len(forms.ProjectFundRows))].ID).Amounts
			}
		}
		if c := forms.AmountColumn(r.pick(3)); a != nil {
			a.Set(c, r.str())
		}
	case rfSettings:
		s := &d.Settings
		switch r.pick(6) {
		case 0:
			s.Year = r.str()
		case 1:
			s.UnitShortName = r.str()
		case 2:
			// Render must print any style; an unknown one counts as as-typed.
			s.Amounts = []forms.AmountStyle{forms.AmountsAsTyped, forms.AmountsFixed2, ""}[r.pick(3)]
			if r.pick(8) == 0 {
				s.Amounts = forms.AmountStyle(r.str())
			}
		case 3:
			s.Negative = []forms.NegativeRule{forms.NegativeRatio, forms.NegativeLinear, ""}[r.pick(3)]
			if r.pick(8) == 0 {
				s.Negative = forms.NegativeRule(r.str())
			}
		case 4:
			s.Signature = !s.Signature
		default:
			f := &s.Footer
			*[]*string{&f.Preparer, &f.Phone, &f.Leader, &f.Date}[r.pick(4)] = r.str()
		}
	case rfHeader:
		if k := r.pick(1 + len(d.Projects)); k == 0 {
			u := &d.Unit
			*[]*string{&u.Name, &u.Staff, &u.Subunits}[r.pick(3)] = r.str()
		} else {
			p := d.Projects[k-1]
			*[]*string{&p.Name, &p.Department, &p.Implementer, &p.Period, &p.FundsWeight}[r.pick(5)] = r.str()
		}
	case rfTasks:
		u := &d.Unit
		i := r.index(len(u.Tasks))
		ok := i >= 0 && i < len(u.Tasks)
		switch r.pick(4) {
		case 0:
			if len(u.Tasks) < rfMaxList {
				u.Tasks = append(u.Tasks, &forms.Task{Name: r.str()})
			}
		case 1:
			if ok {
				u.Tasks = slices.Delete(u.Tasks, i, i+1)
			}
		case 2:
			if ok {
				u.Tasks[i].Name = r.str()
			}
		default:
			if ok {
				u.Tasks[i].Project = r.str()
			}
		}
	case rfGoals:
		goals := &d.Unit.Goals
		if k := r.pick(1 + len(d.Projects)); k > 0 {
			goals = &d.Projects[k-1].Goals
		}
		i := r.index(len(*goals))
		ok := i >= 0 && i < len(*goals)
		switch r.pick(3) {
		case 0:
			if len(*goals) < rfMaxList {
				*goals = append(*goals, &forms.Goal{})
			}
		case 1:
			if ok {
				*goals = slices.Delete(*goals, i, i+1)
			}
		default:
			if ok {
				g := (*goals)[i]
				*[]*string{&g.Target, &g.Result}[r.pick(2)] = r.str()
			}
		}
	case rfRename:
		t := r.tree(d)
		l1, l2 := r.level2(t)
		if b := t.Level2At(l1, l2); b != nil {
			if r.pick(2) == 0 {
				b.Name = r.str()
			} else {
				t[l1].Name = r.str()
			}
		}
	}
}

func rfSetIndicatorField(r *rfReader, in *forms.Indicator) {
	switch k := r.pick(13); k {
	case 0:
		if b := r.byte(); b < 0xC0 {
			in.Op = forms.Ops[int(b)%len(forms.Ops)]
		} else {
			in.Op = forms.Op(r.str())
		}
	case 8:
		in.Manual = !in.Manual
	case 9:
		in.Reasons.SetTick(r.pick(6), r.pick(2) == 1)
	case 12:
		if b := r.byte(); b < 0xC0 {
			in.Grade = forms.Grades[int(b)%len(forms.Grades)]
		} else {
			in.Grade = forms.Grade(r.str())
		}
	default:
		texts := []*string{nil, &in.Content, &in.Unit, &in.Target, &in.Actual, &in.Completion,
			&in.Weight, &in.Score, nil, nil, &in.Reason, &in.Measures}
		*texts[k] = r.str()
	}
}

func rfProg(items ...any) []byte {
	var out []byte
	for _, it := range items {
		switch v := it.(type) {
		case int:
			out = append(out, byte(v))
		case string:
			if len(v) > 0x7F {
				panic("seed text too long")
			}
			out = append(out, byte(0x80+len(v)))
			out = append(out, v...)
		}
	}
	return out
}

// rfSeeds are hand-written sequences: (operation, arguments…), see rfStep.
func rfSeeds() [][]byte {
	const unit, p1 = 0, 1
	return [][]byte{
		{},
		// A filled unit indicator with reasons, a signature footer and fixed-2 amounts.
		rfProg(rfAddRow, unit, 0, 0, rfSetIndicator, unit, 0, 0, 0, 1, "重点工作履行情况良好",
			rfSetIndicator, unit, 0, 0, 0, 3, "≥50个", rfSetIndicator, unit, 0, 0, 0, 4, "40个",
			rfSetIndicator, unit, 0, 0, 0, 6, "100", rfSetIndicator, unit, 0, 0, 0, 9, 0, 1,
			rfSetIndicator, unit, 0, 0, 0, 10, "经费不足，部分工作延期", rfSettings, 4, rfSettings, 2, 1, 1,
			rfSettings, 5, 3, "2024年1月2日", rfSetAmount, 0, 1, 1, "1,234.5"),
		// Two projects with funds, odd numbers and an unknown operator.
		rfProg(rfAddProject, rfAddProject, rfHeader, 1, 0, "新办公楼租金及物业费",
			rfSetAmount, 3, 0, 1, 1, "999999999999999999999999999999", rfSetAmount, 3, 1, 0, 2, "1e9999",
			rfSetIndicator, p1, 0, 0, 0, 0, 0xC0, "=>", rfSetIndicator, p1, 0, 0, 0, 7, "\xff\xfe分",
			rfMoveProject, 0, 1, rfRemoveLevel2, 2, 2, 0),
		// Unprintable and unbreakable texts in titles, labels and cells.
		rfProg(rfSettings, 1, 0x70, 59, 0x2f, rfHeader, 0, 0, "\x00\x07😀𠮷\u202e",
			rfAddLevel2, unit, 4, "\u0301\u200d\ue000", rfAddRow, unit, 4, 4,
			rfSetIndicator, unit, 4, 4, 0, 1, 0x70, 59, 0x24, rfRename, unit, 0, 0, 1, "\n\n\n",
			rfTasks, 0, 0, "\t\r\n", rfGoals, 0, 0, 0, rfGoals, 0, 0, 2, 0, 0x72, 40, 0x1c),
	}
}

func FuzzRender(f *testing.F) {
	for i, s := range rfSeeds() {
		f.Add(2021+i, s)
	}
	f.Fuzz(func(t *testing.T, year int, ops []byte) {
		doc := rfBuild(year, ops)
		// Unprintable runs the table builder without Render's recover: a panic there shows
		// its stack here.
		want, err := pdfout.Unprintable(doc)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		res, err := pdfout.Render(&buf, doc, pdfout.Options{Created: rfCreated})
		if err != nil {
			t.Fatalf("Render failed: %v", err)
		}
		out := buf.Bytes()
		if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out[max(0, len(out)-64):], []byte("%%EOF")) {
			t.Fatalf("not a whole PDF: %q … %q", out[:min(len(out), 16)], out[max(0, len(out)-16):])
		}
		if forms := 1 + len(doc.Projects); res.Pages < forms {
			t.Fatalf("%d pages for %d forms", res.Pages, forms)
		}
		for _, w := range res.Warnings {
			if w.Form == "" || w.Message == "" {
				t.Fatalf("warning without form or message: %#v", w)
			}
		}
		if !reflect.DeepEqual(res.Warnings, want) {
			t.Fatalf("Render warned %d times, Unprintable %d times", len(res.Warnings), len(want))
		}
	})
}

// TestFuzzRenderSeedsBuild: the hand-written seeds build what their comments say.
func TestFuzzRenderSeedsBuild(t *testing.T) {
	s := rfSeeds()
	d := rfBuild(2021, s[1])
	if in := d.Unit.Indicators.Row(forms.RowPath{}); in == nil || in.Target != "≥50个" || !in.Reasons.Funding ||
		!d.Settings.Signature || !d.Settings.Fixed2() || d.Settings.Footer.Date != "2024年1月2日" {
		t.Fatalf("seed 1 built %+v, %+v", in, d.Settings)
	}
	d = rfBuild(2021, s[2])
	if len(d.Projects) != 2 || d.Projects[1].Name != "新办公楼租金及物业费" ||
		d.Projects[1].Indicators.Row(forms.RowPath{}).Op != "=>" || len(d.Projects[1].Indicators[2].Children) != 0 {
		t.Fatalf("seed 2 built %d projects", len(d.Projects))
	}
	d = rfBuild(2021, s[3])
	if !strings.HasPrefix(d.Settings.UnitShortName, "𠮷𠮷") || d.Unit.Indicators[0].Name != "\n\n\n" ||
		d.Unit.Indicators.Row(forms.RowPath{L1: 4, L2: 4}) == nil || len(d.Unit.Goals) != 2 {
		t.Fatalf("seed 3 built %q, %q", d.Settings.UnitShortName, d.Unit.Indicators[0].Name)
	}
}

// Regression test (found by FuzzRender, crasher testdata/fuzz/FuzzRender/9c91aea4ff9e553b; fixed
// in 5a79a3c): 一级 and 二级 names were drawn as fixed labels, never through the sanitizer. A 二级
// name is typed in the editor, so one emoji or CJK Extension B character (𠮷) in it made the
// export fail with "导出 PDF 时发生内部错误" (fpdf indexes its 65536-entry width table with the
// rune when writing the fonts); other unprintable characters (controls, glyphs missing from the
// font) were printed without a □ and without a warning. Render must succeed, draw □ and warn
// once per name, as for every other user text.
func TestLevelNamesArePrintable(t *testing.T) {
	for name, names := range map[string][3]string{
		"above U+FFFF": {"😀创新", "数量𠮷", "履职效能"},
		"controls":     {"创新\x07", "数量\x00指标", "履职\u0085效能"},
	} {
		t.Run(name, func(t *testing.T) {
			d := forms.NewDocument(2021)
			d.Unit.Indicators.AddLevel2(6, names[0])                 // 二级 added and named in the editor
			d.AddProject().Indicators[0].Children[0].Name = names[1] // 二级 renamed in the editor
			d.Unit.Indicators[0].Name = names[2]                     // 一级 name as a file may hold it
			var buf bytes.Buffer
			res, err := pdfout.Render(&buf, d, pdfout.Options{Created: rfCreated})
			if err != nil {
				t.Fatalf("a 二级 name with an unprintable character breaks the export: %v", err)
			}
			want := 2 + strings.Count(name, "controls")
			if len(res.Warnings) < want {
				t.Errorf("%d warnings for %d names with unprintable characters: %v", len(res.Warnings), want, res.Warnings)
			}
			if u, _ := pdfout.Unprintable(d); len(u) != len(res.Warnings) {
				t.Errorf("Unprintable lists %d problems, the export %d", len(u), len(res.Warnings))
			}
		})
	}
}

// Regression test (found by FuzzRender, crasher testdata/fuzz/FuzzRender/a4a2d57d5476f5ab; fixed
// in 5a79a3c): newPDF passed doc.Unit.Name to fpdf's SetAuthor (and the title to SetTitle) as
// UTF-8; fpdf's utf8toutf16 trusts the bytes and indexed past the end of a truncated sequence,
// so Render failed with "导出 PDF 时发生内部错误". The editor and the file loader only produce
// valid UTF-8, but Render promises to print any document.
func TestInvalidUTF8InUnitName(t *testing.T) {
	d := forms.NewDocument(2021)
	d.Unit.Name = "某中心\xe4\xb8" // cut in the middle of 中
	d.Settings.UnitShortName = "\xff"
	var buf bytes.Buffer
	if _, err := pdfout.Render(&buf, d, pdfout.Options{Created: rfCreated}); err != nil {
		t.Fatalf("a unit name with a cut character breaks the export: %v", err)
	}
}
