package pdfout_test

// FuzzRender builds small arbitrary documents through the model's API (the calls the editor
// makes) from the fuzzer's bytes and renders them: Render must succeed for every document —
// characters the fonts cannot show are warnings, never errors — and write a PDF with at least
// one page per form. The builder is the one of forms' FuzzEvaluate (formstest.DocFromBytes), with
// rfOptions: smaller limits so that one execution stays well under 200 ms, texts that are hard to
// print, and invalid UTF-8 kept as it is (the renderer must cope with any text).

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/pdfout"
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

// rfOptions: how FuzzRender's bytes decode (the saved corpus depends on every detail).
var rfOptions = formstest.Options{
	MaxOps: 120, MaxProjects: 2, MaxList: 4, MaxLevel2: 6, MaxStr: 160,
	Dict: rfDict, Compact: true,
}

// rfSeeds are hand-written sequences: (edit, arguments…), see formstest.Edit.
func rfSeeds() [][]byte {
	const unit, p1 = 0, 1
	const (
		setIndicator = formstest.SetIndicator
		setSettings  = formstest.SetSettings
		setAmount    = formstest.SetAmount
	)
	return [][]byte{
		{},
		// A filled unit indicator with reasons, a signature footer and fixed-2 amounts.
		rfOptions.Prog(formstest.AddRow, unit, 0, 0, setIndicator, unit, 0, 0, 0, 1, "重点工作履行情况良好",
			setIndicator, unit, 0, 0, 0, 3, "≥50个", setIndicator, unit, 0, 0, 0, 4, "40个",
			setIndicator, unit, 0, 0, 0, 6, "100", setIndicator, unit, 0, 0, 0, 9, 0, 1,
			setIndicator, unit, 0, 0, 0, 10, "经费不足，部分工作延期", setSettings, 4, setSettings, 2, 1, 1,
			setSettings, 5, 3, "2024年1月2日", setAmount, 0, 1, 1, "1,234.5"),
		// Two projects with funds, odd numbers and an unknown operator.
		rfOptions.Prog(formstest.AddProject, formstest.AddProject, formstest.Header, 1, 0, "新办公楼租金及物业费",
			setAmount, 3, 0, 1, 1, "999999999999999999999999999999", setAmount, 3, 1, 0, 2, "1e9999",
			setIndicator, p1, 0, 0, 0, 0, 0xC0, "=>", setIndicator, p1, 0, 0, 0, 7, "\xff\xfe分",
			formstest.MoveProject, 0, 1, formstest.RemoveLevel2, 2, 2, 0),
		// Unprintable and unbreakable texts in titles, labels and cells.
		rfOptions.Prog(setSettings, 1, 0x70, 59, 0x2f, formstest.Header, 0, 0, "\x00\x07😀𠮷\u202e",
			formstest.AddLevel2, unit, 4, "\u0301\u200d\ue000", formstest.AddRow, unit, 4, 4,
			setIndicator, unit, 4, 4, 0, 1, 0x70, 59, 0x24, formstest.Rename, unit, 0, 0, 1, "\n\n\n",
			formstest.Tasks, 0, 0, "\t\r\n", formstest.Goals, 0, 0, 0, formstest.Goals, 0, 0, 2, 0, 0x72, 40, 0x1c),
	}
}

func FuzzRender(f *testing.F) {
	for i, s := range rfSeeds() {
		f.Add(2021+i, s)
	}
	f.Fuzz(func(t *testing.T, year int, ops []byte) {
		doc := formstest.DocFromBytes(year, ops, rfOptions)
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
	d := formstest.DocFromBytes(2021, s[1], rfOptions)
	if in := d.Unit.Indicators.Row(forms.RowPath{}); in == nil || in.Target != "≥50个" || !in.Reasons.Funding ||
		!d.Settings.Signature || !d.Settings.Fixed2() || d.Settings.Footer.Date != "2024年1月2日" {
		t.Fatalf("seed 1 built %+v, %+v", in, d.Settings)
	}
	d = formstest.DocFromBytes(2021, s[2], rfOptions)
	if len(d.Projects) != 2 || d.Projects[1].Name != "新办公楼租金及物业费" ||
		d.Projects[1].Indicators.Row(forms.RowPath{}).Op != "=>" || len(d.Projects[1].Indicators[2].Children) != 0 {
		t.Fatalf("seed 2 built %d projects", len(d.Projects))
	}
	d = formstest.DocFromBytes(2021, s[3], rfOptions)
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
