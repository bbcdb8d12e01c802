package forms_test

// FuzzEvaluate builds arbitrary documents through the model's own API (the calls the editor
// makes) from the fuzzer's bytes (formstest.DocFromBytes with fzOptions), then checks that
// Evaluate never panics, that every problem is addressed and worded, that every printed total is
// a clean number, and that saving and loading gives the same document back.
//
// Invalid UTF-8: encoding/json writes each invalid byte as U+FFFD, so such a string cannot come
// back unchanged from a file. The editor only ever produces valid UTF-8, so the builder stores
// strings.ToValidUTF8(s, "\uFFFD") (fzOptions.ValidUTF8) — the same text the file would hold —
// and the round trip is then checked to be exact.

import (
	"bytes"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"ziping/forms"
	"ziping/forms/formstest"
)

// fzOptions: how FuzzEvaluate's bytes decode (the saved corpus depends on every detail), with
// limits that keep one execution fast while still allowing every shape the editor can make.
var fzOptions = formstest.Options{
	MaxOps: 400, MaxProjects: 6, MaxList: 12, MaxLevel2: 12, MaxStr: 300,
	Dict: fzDict, ValidUTF8: true,
}

// fzDict holds texts an accountant (or a clumsy paste) might put into a field.
var fzDict = []string{
	"", " ", "0", "-0", "+0", "0.00", "-0.00", "100", "10", "9.5", "13", "50", "1,234.56", "１２３４．５",
	"95%", "９５％", "≥50个", ">=50", "<=3", "＜1", "＝0", "=100", "1e9999", "1E-9999", "NaN", "Inf",
	"-Infinity", "0x10", "-1", "−5", "－３", "+5", ".5", "5.", ".", ",", "1,23", "1.2.3", "1..2",
	"999999999999999999999999999999", "9999999999999999999999999999.99", "0.000001", "0.0000001",
	"600.00万元", "600元", "12分", "10.005", "3人", "1,024", "11人/次", "约100", "100以上", "%",
	"万元", "\x00", "\x07", "\xff\xfe", "\xe4\xb8", "𠮷", "😀", "\u200b", "\u2028", "\r\n", "\t",
	"　", "达成", "部分达成", "未达成", "＝", "≤", "≥", "＜", "＞", "=", "人/次", "完成", "保障办公",
	"2021", "１９９０", "2200", "2201", "ratio", "linear", "as-typed", "fixed2", "\"}", "\\u0000",
}

// scoreText is what FormatScore may print: an optional minus, digits, at most two decimals.
var scoreText = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]?[1-9])?$`)

// checkScoreText: FormatScore(d) is a clean number that reads back as d rounded to 2 decimals.
func checkScoreText(t *testing.T, what string, d decimal.Decimal) {
	t.Helper()
	s := forms.FormatScore(d)
	if !scoreText.MatchString(s) || s == "-0" {
		t.Fatalf("%s %v prints as %q", what, d, s)
	}
	back, err := decimal.NewFromString(s)
	if err != nil || !back.Equal(d.Round(2)) {
		t.Fatalf("%s %v prints as %q, which reads back as %v (%v)", what, d, s, back, err)
	}
	// ParseScore refuses more than 30 digits, which no typed score has; sums may exceed it.
	if digits := len(strings.Trim(strings.ReplaceAll(s, ".", ""), "-")); digits <= 30 {
		if v, err := forms.ParseScore(s); err != nil || !v.Equal(back) {
			t.Fatalf("%s %v prints as %q, which ParseScore reads as %v (%v)", what, d, s, v, err)
		}
	}
}

var percentText = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]?[1-9])?%$`)

func checkPercentText(t *testing.T, what string, ratio decimal.Decimal) {
	t.Helper()
	if s := forms.FormatPercent(ratio); !percentText.MatchString(s) || s == "-0%" {
		t.Fatalf("%s %v prints as %q", what, ratio, s)
	}
}

// checkEvaluation checks every figure and problem of ev against doc.
func checkEvaluation(t *testing.T, doc *forms.Document, ev *forms.Evaluation) {
	t.Helper()
	if ev.Unit == nil || len(ev.Projects) != len(doc.Projects) {
		t.Fatalf("evaluation has %d project results for %d projects", len(ev.Projects), len(doc.Projects))
	}
	for _, p := range ev.Problems {
		if p.Form == "" || p.Message == "" || (p.Level != forms.LevelError && p.Level != forms.LevelWarning) {
			t.Fatalf("problem without form, message or level: %#v", p)
		}
		if !utf8.ValidString(p.String()) {
			t.Fatalf("problem text is not UTF-8: %q", p.String())
		}
		if p.Loc.Form < -1 || p.Loc.Form >= len(doc.Projects) {
			t.Fatalf("problem addressed to form %d of %d: %s", p.Loc.Form, len(doc.Projects), p)
		}
		if p.Loc.Section == forms.SecIndicators && p.Loc.RowID == "" {
			tree := doc.Unit.Indicators
			if p.Loc.Form >= 0 {
				tree = doc.Projects[p.Loc.Form].Indicators
			}
			if tree.Row(p.Loc.Path) == nil {
				t.Fatalf("problem addressed to a missing indicator row %+v: %s", p.Loc.Path, p)
			}
		}
	}
	checkTree := func(what string, tree forms.Tree, res forms.TreeResult) {
		tree.Each(func(p forms.RowPath, _ *forms.Level1, _ *forms.Level2, in *forms.Indicator) {
			r := res.At(p)
			if r == nil {
				t.Fatalf("%s: no result for row %+v", what, p)
			}
			if r.HasScore {
				checkScoreText(t, what+" 得分", r.Score)
				if r.Score.IsNegative() {
					t.Fatalf("%s: negative score %v", what, r.Score)
				}
			}
			if r.HasWeight {
				checkScoreText(t, what+" 分值", r.Weight)
			}
			if r.HasCompletion {
				checkPercentText(t, what+" 完成程度", r.Completion)
			}
			_ = r.ScoreText(in)
			_ = r.CompletionText(in)
		})
	}
	checkRates := func(what string, rows map[string]*forms.AmountResult) {
		for id, a := range rows {
			if a.HasRate {
				checkPercentText(t, what+" "+id+" 执行率", a.Rate)
			}
		}
	}
	u := ev.Unit
	checkScoreText(t, "unit total", u.Total)
	checkScoreText(t, "unit Σ分值", u.WeightSum)
	if (u.Rating() != "") != u.Complete || (u.TotalText() != "") != u.Complete {
		t.Fatalf("unit complete %v but rating %q total %q", u.Complete, u.Rating(), u.TotalText())
	}
	if !u.Complete && !u.NotStarted && !hasTotalsProblem(ev.Problems, -1) {
		t.Fatal("unit form incomplete without a problem saying so")
	}
	checkTree("unit", doc.Unit.Indicators, u.Indicators)
	checkRates("unit", u.Budget)
	for i, p := range ev.Projects {
		what := "project " + strconv.Itoa(i+1)
		checkScoreText(t, what+" total", p.Total)
		checkScoreText(t, what+" C", p.C)
		checkScoreText(t, what+" Σ分值", p.WeightSum)
		if p.HasD {
			checkScoreText(t, what+" D", p.D)
		}
		if !p.Total.Equal(p.C.Add(p.D)) {
			t.Fatalf("%s: total %v ≠ C %v + D %v", what, p.Total, p.C, p.D)
		}
		if (p.Rating() != "") != p.Complete || (p.TotalText() != "") != p.Complete || (p.CText() != "") != p.Complete {
			t.Fatalf("%s: complete %v but rating %q total %q C %q", what, p.Complete, p.Rating(), p.TotalText(), p.CText())
		}
		if !p.Complete && !p.NotStarted && !hasTotalsProblem(ev.Problems, i) {
			t.Fatalf("%s incomplete without a problem saying so", what)
		}
		if p.Complete && (p.Total.IsNegative() || p.Unscored != 0 || !p.HasD) {
			t.Fatalf("%s complete with total %v, %d unscored, D %v", what, p.Total, p.Unscored, p.HasD)
		}
		checkTree(what, doc.Projects[i].Indicators, p.Indicators)
		checkRates(what, p.Funds)
	}
}

// hasTotalsProblem reports whether a problem about form's totals is in ps.
func hasTotalsProblem(ps []forms.Problem, form int) bool {
	for _, p := range ps {
		if p.Loc.Form == form && p.Loc.Section == forms.SecTotals {
			return true
		}
	}
	return false
}

// checkRoundTrip: data, the saved doc, loads back as the same document.
func checkRoundTrip(t *testing.T, doc *forms.Document, data []byte) {
	t.Helper()
	back, err := forms.Unmarshal(data)
	if err != nil {
		t.Fatalf("a saved document does not load: %v", err)
	}
	// Loading fills a blank amount style and scoring rule with the defaults, which print and
	// score the same.
	want := *doc
	if want.Settings.Amounts == "" {
		want.Settings.Amounts = forms.AmountsAsTyped
	}
	if want.Settings.Negative == "" {
		want.Settings.Negative = forms.NegativeRatio
	}
	if !reflect.DeepEqual(&want, back) {
		again, _ := forms.Marshal(back)
		t.Fatalf("document changed by save and load:\n%s", fzFirstDiff(data, again))
	}
}

// fzFirstDiff shows where two encodings part.
func fzFirstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return "saved:  …" + string(a[from:min(len(a), i+200)]) + "\nloaded: …" + string(b[from:min(len(b), i+200)])
}

// fzSeeds are hand-written sequences: (edit, arguments…), see formstest.Edit.
func fzSeeds() [][]byte {
	const unit, p1 = 0, 1
	setRow := func(tree, l1, l2, row, field int, text string) []any {
		return []any{formstest.SetIndicator, tree, l1, l2, row, field, text}
	}
	cat := func(parts ...[]any) []byte {
		var all []any
		for _, p := range parts {
			all = append(all, p...)
		}
		return fzOptions.Prog(all...)
	}
	return [][]byte{
		{},
		// A unit indicator scored by its operator, with a low score and reasons.
		cat([]any{formstest.AddRow, unit, 0, 0},
			setRow(unit, 0, 0, 0, 1, "重点工作"), setRow(unit, 0, 0, 0, 3, "≥50个"),
			setRow(unit, 0, 0, 0, 4, "40个"), setRow(unit, 0, 0, 0, 6, "100"),
			[]any{formstest.SetIndicator, unit, 0, 0, 0, 9, 0, 1}, setRow(unit, 0, 0, 0, 10, "经费不足"),
			[]any{formstest.SetIndicator, unit, 0, 0, 0, 12, 1}),
		// A project with funds, D, a negative rule and a typed manual score.
		cat([]any{formstest.AddProject, formstest.ProjectHeader, 0, 0, "新办公楼租金"},
			[]any{formstest.SetAmount, 3, 0, 1, 1, "1,234.56"}, []any{formstest.SetAmount, 3, 0, 1, 2, "１０００"},
			[]any{formstest.SetSettings, 4, 1},
			[]any{formstest.SetIndicator, p1, 0, 0, 0, 0, 2},
			setRow(p1, 0, 0, 0, 3, "10"), setRow(p1, 0, 0, 0, 4, "15"),
			setRow(p1, 0, 0, 0, 7, "12.5"), []any{formstest.SetIndicator, p1, 0, 0, 0, 8}),
		// Odd texts everywhere: huge numbers, exponents, invalid UTF-8, an unknown operator.
		cat([]any{formstest.AddProject, formstest.AddProject, formstest.MoveProject, 0, 1},
			[]any{formstest.SetAmount, 0, 1, 0, "999999999999999999999999999999"},
			[]any{formstest.SetAmount, 0, 1, 1, "1e9999"}, []any{formstest.SetAmount, 2, 2, "-0"},
			[]any{formstest.SetAmount, 3, 1, 0, 1, "0.0000001"},
			setRow(p1, 1, 0, 0, 6, "9999999999999999999999999999.99"),
			setRow(p1, 1, 0, 0, 7, "\xff\xfe分"),
			[]any{formstest.SetIndicator, p1, 1, 0, 0, 0, 0xC0, "=>"},
			[]any{formstest.SetIndicator, p1, 1, 0, 0, 12, 0xC0, "优秀"},
			[]any{formstest.SetSettings, 0, "二〇二一"}, []any{formstest.SetSettings, 4, 3, "cubic"},
			[]any{formstest.UnitHeader, 1, "２０８人"}, []any{formstest.UnitHeader, 2, "-3"}),
		// Structure editing: 二级 added, moved and removed, rows moved, out-of-range indices.
		cat([]any{formstest.AddLevel2, unit, 4, "文化效益"}, []any{formstest.AddRow, unit, 4, 4},
			[]any{formstest.AddRow, unit, 4, 4}, setRow(unit, 4, 4, 1, 1, "乙"),
			[]any{formstest.MoveRow, unit, 4, 4, 1, 0}, []any{formstest.MoveLevel2, unit, 4, 4, 0},
			[]any{formstest.RemoveLevel2, unit, 4, 1}, []any{formstest.RemoveRow, unit, 0xFF, 0xFF, 0xFF},
			[]any{formstest.MoveLevel2, unit, 0xE0, 0, 0}, []any{formstest.RemoveProject, 0xF0},
			[]any{formstest.AddProject, formstest.RemoveLevel2, p1, 2, 0, formstest.Rename, p1, 0, 0, 1, "产出"},
			[]any{formstest.Tasks, 0, "重点工作二", formstest.Tasks, 1, 0},
			[]any{formstest.Goals, 0, 0, formstest.Goals, 0, 2, 0, 0, "目标"}),
	}
}

func FuzzEvaluate(f *testing.F) {
	for i, s := range fzSeeds() {
		f.Add(2021+i, s)
	}
	f.Add(-1, []byte{0x70, 0x40, 0x70, 0xff, 0x09, 0xff, 0x00, 0xee})
	f.Fuzz(func(t *testing.T, year int, ops []byte) {
		doc := formstest.DocFromBytes(year, ops, fzOptions)
		saved, err := forms.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		ev := forms.Evaluate(doc)
		// Evaluate never modifies the document (and encoding is deterministic).
		if after, _ := forms.Marshal(doc); !bytes.Equal(saved, after) {
			t.Fatalf("document changed by Evaluate:\n%s", fzFirstDiff(saved, after))
		}
		checkEvaluation(t, doc, ev)
		checkRoundTrip(t, doc, saved)
	})
}

// TestFuzzSeedsBuild: the hand-written seeds do what their comments say (so they are useful).
func TestFuzzSeedsBuild(t *testing.T) {
	seeds := fzSeeds()
	d := formstest.DocFromBytes(2021, seeds[1], fzOptions)
	in := d.Unit.Indicators.Row(forms.RowPath{})
	if in == nil || in.Target != "≥50个" || in.Weight != "100" || !in.Reasons.Funding || in.Grade != forms.GradeMet {
		t.Fatalf("seed 1 built %+v", in)
	}
	d = formstest.DocFromBytes(2021, seeds[2], fzOptions)
	if len(d.Projects) != 1 || d.Projects[0].Name != "新办公楼租金" || d.Settings.Negative != forms.NegativeLinear ||
		d.Projects[0].FundRow("S1").Actual != "１０００" || !d.Projects[0].Indicators.Row(forms.RowPath{}).Manual {
		t.Fatalf("seed 2 built %+v", d.Projects)
	}
	d = formstest.DocFromBytes(2021, seeds[3], fzOptions)
	if d.Unit.BudgetRow("I1").Full != "1e9999" || d.Settings.Negative != "cubic" ||
		d.Projects[0].Indicators.Row(forms.RowPath{L1: 1}).Score != "\uFFFD分" {
		t.Fatalf("seed 3 built %+v", d.Settings)
	}
	d = formstest.DocFromBytes(2021, seeds[4], fzOptions)
	if n := len(d.Unit.Indicators[4].Children); n != 4 || d.Unit.Indicators[4].Children[0].Name != "文化效益" ||
		len(d.Unit.Tasks) != 1 || d.Unit.Tasks[0].Name != "重点工作二" {
		t.Fatalf("seed 4 built %d 二级, tasks %+v", n, d.Unit.Tasks)
	}
}
