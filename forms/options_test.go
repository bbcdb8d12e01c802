package forms

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// setRate makes project i's funds one row, 全年预算数 full and 全年执行数 actual, so that its
// 预算执行率 is actual/full.
func setRate(doc *Document, i int, full, actual string) {
	for _, id := range []string{"T", "S1"} {
		row := doc.Projects[i].FundRow(id)
		row.Initial, row.Full, row.Actual = full, full, actual
	}
}

// problemsAtLoc returns the problems of ev at loc's form, section, row path and field.
func problemsAtLoc(ev *Evaluation, loc Location) []Problem {
	var out []Problem
	for _, p := range ev.Problems {
		if p.Loc == loc {
			out = append(out, p)
		}
	}
	return out
}

// TestRuleOptionsOffByDefault: a new document and the sample have no option on, the sample
// scores as published, and its file is written back byte for byte without any option's key.
func TestRuleOptionsOffByDefault(t *testing.T) {
	for _, s := range []Settings{NewDocument(2021).Settings, loadSample(t).Settings} {
		for _, o := range RuleOptions() {
			if o.On(s) {
				t.Errorf("option %s is on by default (%q)", o.Key, o.Value(s))
			}
		}
	}
	raw, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	doc := loadSample(t)
	out, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, raw) {
		t.Error("the sample is not written back byte for byte")
	}
	for _, key := range []string{"over_target", "rate_cap", "round_scores", "strict_reasons"} {
		if bytes.Contains(out, []byte(`"`+key+`"`)) {
			t.Errorf("the file holds %q with the option off", key)
		}
	}
	ev := Evaluate(doc)
	got := []string{ev.Unit.TotalText()}
	for _, p := range ev.Projects {
		got = append(got, p.TotalText())
		if p.Capped || p.HasCap {
			t.Error("a project is capped with 执行率封顶 off")
		}
	}
	if strings.Join(got, " ") != "97 96 95 95 96" {
		t.Errorf("totals %v, want 97 96 95 95 96", got)
	}
}

// TestRuleOptionsSaved: the options are saved under their keys and load back; a value this
// program does not know loads (nothing is lost) and is reported.
func TestRuleOptionsSaved(t *testing.T) {
	doc := loadSample(t)
	doc.Settings.OverTarget, doc.Settings.RateCap, doc.Settings.RoundScores, doc.Settings.Strict = OverTarget130, true, true, true
	data, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range []string{`"over_target": "130"`, `"rate_cap": true`, `"round_scores": true`, `"strict_reasons": true`} {
		if !bytes.Contains(data, []byte(kv)) {
			t.Errorf("the file lacks %s", kv)
		}
	}
	back, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Settings != doc.Settings {
		t.Errorf("settings after a round trip %+v, want %+v", back.Settings, doc.Settings)
	}
	bad := bytes.Replace(data, []byte(`"over_target": "130"`), []byte(`"over_target": "125"`), 1)
	odd, err := Unmarshal(bad)
	if err != nil {
		t.Fatalf("a file with an unknown 超额完成 value does not open: %v", err)
	}
	if odd.Settings.OverTarget != "125" {
		t.Errorf("the unknown value became %q", odd.Settings.OverTarget)
	}
	ps := problemsAtLoc(Evaluate(odd), Location{Form: -1, Section: SecSettings, Index: -1, Field: "over_target"})
	if len(ps) != 1 || ps[0].Level != LevelError || !strings.Contains(ps[0].Message, "125") {
		t.Errorf("problems of the unknown value: %v", ps)
	}
}

// TestRuleOptionsDescribed: RuleOptions names every option by its settings key, sets and reads
// each choice, refuses other values, and says the provincial options are not national rules.
func TestRuleOptionsDescribed(t *testing.T) {
	keys := map[string]bool{}
	st := reflect.TypeFor[Settings]()
	for i := range st.NumField() {
		keys[strings.Split(st.Field(i).Tag.Get("json"), ",")[0]] = true
	}
	for _, o := range RuleOptions() {
		if !keys[o.Key] {
			t.Errorf("option %s is not a settings key", o.Key)
		}
		if o.Label == "" || o.Help == "" || len(o.Choices) < 2 {
			t.Errorf("option %s is not described: %+v", o.Key, o)
		}
		if o.Key != "negative_rule" && !strings.Contains(o.Help, "并非全国统一规定") {
			t.Errorf("option %s does not say it is a provincial rule: %s", o.Key, o.Help)
		}
		for _, c := range o.Choices {
			var s Settings
			if err := o.Set(&s, c.Value); err != nil {
				t.Errorf("%s: Set(%q): %v", o.Key, c.Value, err)
			}
			if got := o.Value(s); got != c.Value && (o.Key != "negative_rule" || c.Value != string(NegativeRatio)) {
				t.Errorf("%s: set %q, reads %q", o.Key, c.Value, got)
			}
			if o.On(s) != (c.Value != o.Choices[0].Value) {
				t.Errorf("%s: On with %q is %v", o.Key, c.Value, o.On(s))
			}
		}
		s := Settings{Year: "2021"}
		if err := o.Set(&s, "bogus"); err == nil || s != (Settings{Year: "2021"}) {
			t.Errorf("%s: Set(bogus) = %v, settings %+v", o.Key, err, s)
		}
	}
	// The toggles write their field.
	var s Settings
	for _, o := range RuleOptions() {
		if o.Toggle {
			_ = o.Set(&s, "on")
		}
	}
	if !s.RateCap || !s.RoundScores || !s.Strict {
		t.Errorf("toggles on: %+v", s)
	}
}

// TestOverTarget: with 超额完成 on, a quantitative row whose 完成值 reaches 120 % (130 %) of a ≥
// target, or falls to 80 % (70 %) of a ≤ one, is flagged and wants a 原因说明: a warning, an
// error under 严格检查, nothing once the reason is written; the score is not touched.
func TestOverTarget(t *testing.T) {
	cases := map[string]struct {
		opt            OverTarget
		op             Op
		target, actual string
		want           bool
	}{
		"off":                  {OverTargetOff, OpGE, "100", "200", false},
		"120: exactly 120 %":   {OverTarget120, OpGE, "100", "120", true},
		"120: just below":      {OverTarget120, OpGE, "100", "119.99", false},
		"120: above":           {OverTarget120, OpGT, "100", "150", true},
		"120: ＝ above":         {OverTarget120, OpEQ, "100", "121", true},
		"120: percent":         {OverTarget120, OpGE, "80%", "96%", true},
		"120: percent below":   {OverTarget120, OpGE, "80%", "95.9%", false},
		"130: 120 % is not":    {OverTarget130, OpGE, "100", "120", false},
		"130: exactly 130 %":   {OverTarget130, OpGE, "100", "130", true},
		"120 ≤: exactly 80 %":  {OverTarget120, OpLE, "100", "80", true},
		"120 ≤: just above":    {OverTarget120, OpLE, "100", "80.01", false},
		"120 ＜: far below":     {OverTarget120, OpLT, "100", "10", true},
		"130 ≤: 80 % is not":   {OverTarget130, OpLE, "100", "80", false},
		"130 ≤: exactly 70 %":  {OverTarget130, OpLE, "100", "70", true},
		"120 ≤: over ceiling":  {OverTarget120, OpLE, "100", "150", false},
		"120: target 0":        {OverTarget120, OpGE, "0", "5", false},
		"120: converted units": {OverTarget120, OpGE, "1万人", "12000人", true},
	}
	p := RowPath{L1: 0, L2: 0, Row: 0}
	loc := Location{Form: 1, Section: SecIndicators, Index: -1, Path: p, Field: "reason"}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			doc := loadSample(t)
			doc.Settings.OverTarget = tc.opt
			in := doc.Projects[1].Indicators.Row(p)
			in.Op, in.Target, in.Actual, in.Unit, in.Manual, in.Score = tc.op, tc.target, tc.actual, "", false, ""
			ev := Evaluate(doc)
			r := ev.Projects[1].Indicators.At(p)
			if !r.Quantitative {
				t.Fatalf("the row is not quantitative")
			}
			if r.Exceeded != tc.want {
				t.Fatalf("Exceeded = %v, want %v", r.Exceeded, tc.want)
			}
			off := *doc
			off.Settings.OverTarget = OverTargetOff
			if !r.Score.Equal(Evaluate(&off).Projects[1].Indicators.At(p).Score) {
				t.Error("the option changed the score")
			}
			ps := problemsAtLoc(ev, loc)
			if !tc.want {
				if len(ps) != 0 {
					t.Errorf("problems at 原因说明: %v", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Level != LevelWarning || !strings.Contains(ps[0].Message, tc.actual) || !strings.Contains(ps[0].Message, "超额完成") {
				t.Fatalf("problems at 原因说明: %v", ps)
			}
			doc.Settings.Strict = true
			if ps := problemsAtLoc(Evaluate(doc), loc); len(ps) != 1 || ps[0].Level != LevelError {
				t.Errorf("under 严格检查: %v", ps)
			}
			in.Reason = "年初指标值定得偏低。"
			if ps := problemsAtLoc(Evaluate(doc), loc); len(ps) != 0 {
				t.Errorf("with a 原因说明: %v", ps)
			}
			if !Evaluate(doc).Projects[1].Indicators.At(p).Exceeded {
				t.Error("the flag went away with the reason")
			}
		})
	}
}

// TestRateCap: with 执行率封顶 on, project 2 of the sample (C 85, D 10 × 执行率) is capped at 89
// from 70 % to below 80 %, at 79 from 60 %, at 69 from 50 %, at 59 below; the capped total is
// Total, TotalText, the grade and the summary's, and a warning says why. Off, nothing changes.
func TestRateCap(t *testing.T) {
	cases := []struct {
		actual       string // of 全年预算数 100000
		uncapped     string
		total, grade string
	}{
		{"100000", "95", "95", "优"},
		{"80000", "93", "93", "优"},      // exactly 80 %: not capped
		{"79996", "92.9996", "93", "优"}, // 79.996 % prints as 80 %: not capped
		{"79990", "92.999", "89", "良"},  // 79.99 %
		{"70000", "92", "89", "良"},      // exactly 70 %
		{"69990", "91.999", "79", "中"},  // 69.99 %
		{"60000", "91", "79", "中"},      // exactly 60 %
		{"59990", "90.999", "69", "中"},  // 59.99 %
		{"50000", "90", "69", "中"},      // exactly 50 %
		{"49990", "89.999", "59", "差"},  // 49.99 %
		{"0", "85", "59", "差"},          // nothing spent
	}
	loc := Location{Form: 1, Section: SecTotals, RowID: "total", Index: -1, Field: "score"}
	for _, tc := range cases {
		t.Run(tc.actual, func(t *testing.T) {
			doc := loadSample(t)
			setRate(doc, 1, "100000", tc.actual)
			r := Evaluate(doc).Projects[1]
			if got := FormatScore(r.Uncapped); r.TotalText() != FormatScore(r.Uncapped) || got != FormatScore(decimal.RequireFromString(tc.uncapped)) {
				t.Fatalf("off: total %s, C+D %s, want %s", r.TotalText(), got, tc.uncapped)
			}
			doc.Settings.RateCap = true
			ev := Evaluate(doc)
			r = ev.Projects[1]
			if r.TotalText() != tc.total || r.Rating() != tc.grade {
				t.Errorf("on: total %s (%s), want %s (%s)", r.TotalText(), r.Rating(), tc.total, tc.grade)
			}
			if !r.Uncapped.Equal(decimal.RequireFromString(tc.uncapped)) {
				t.Errorf("C+D before the cap %s, want %s", r.Uncapped, tc.uncapped)
			}
			s := NewSummary([]SummaryInput{{Doc: doc, Eval: ev}})
			if got := FormatScore(s.Units[0].Projects[1].Score); got != tc.total {
				t.Errorf("部门汇总 shows %s, want %s", got, tc.total)
			}
			if notes := strings.Join(s.Notes, "\n"); strings.Contains(notes, "封顶") != r.Capped ||
				(r.Capped && !strings.Contains(notes, "封顶为 "+tc.total)) {
				t.Errorf("部门汇总 notes: %s", notes)
			}
			ps := problemsAtLoc(ev, loc)
			capped := tc.total != FormatScore(r.Uncapped)
			if r.Capped != capped {
				t.Errorf("Capped = %v", r.Capped)
			}
			if !capped {
				if len(ps) != 0 {
					t.Errorf("problems at the total: %v", ps)
				}
				if r.TotalNote() != "" || r.TotalShown() != r.TotalText() {
					t.Errorf("uncapped total shown %q with note %q", r.TotalShown(), r.TotalNote())
				}
				return
			}
			from := FormatScore(r.Uncapped)
			if want := "执行率 " + r.Funds["T"].RateText() + "，按执行率封顶规则由 " + from + " 调整为 " + tc.total; r.TotalNote() != want {
				t.Errorf("TotalNote %q, want %q", r.TotalNote(), want)
			}
			if want := tc.total + "（封顶，原为 " + from + "）"; r.TotalShown() != want {
				t.Errorf("TotalShown %q, want %q", r.TotalShown(), want)
			}
			if len(ps) != 1 || ps[0].Level != LevelWarning || !strings.Contains(ps[0].Message, "封顶为 "+tc.total) ||
				!strings.Contains(ps[0].Message, r.Funds["T"].RateText()) {
				t.Errorf("problems at the total: %v", ps)
			}
			if notes := strings.Join(ExportNotes(doc, ev), "\n"); !strings.Contains(notes, "封顶为 "+tc.total) {
				t.Errorf("export notes do not say the total was capped: %s", notes)
			}
		})
	}
}

// TestRateCapIncomplete: an incomplete project shows no total, capped or not, and no cap note.
func TestRateCapIncomplete(t *testing.T) {
	doc := loadSample(t)
	doc.Settings.RateCap = true
	setRate(doc, 1, "100", "40")
	doc.Projects[1].Indicators.Row(RowPath{}).Score = ""
	ev := Evaluate(doc)
	if r := ev.Projects[1]; r.TotalText() != "" || r.Rating() != "" {
		t.Errorf("incomplete project shows %q %q", r.TotalText(), r.Rating())
	}
	if r := ev.Projects[1]; r.TotalShown() != "" || r.TotalNote() != "" {
		t.Errorf("incomplete project shows %q, note %q", r.TotalShown(), r.TotalNote())
	}
	if ps := problemsAtLoc(ev, Location{Form: 1, Section: SecTotals, RowID: "total", Index: -1, Field: "score"}); len(ps) != 1 || strings.Contains(ps[0].Message, "封顶") {
		t.Errorf("problems at the total: %v", ps)
	}
}

// TestRoundScores: with 得分取整, each suggested 得分 is rounded to 2 decimals before the sum,
// and D to whole points; off, the exact values are summed and only the print rounds.
func TestRoundScores(t *testing.T) {
	doc := loadSample(t)
	// Three rows of 分值 10 at 2/3 of a ≥ target: 6.666… each.
	rows := []RowPath{{0, 0, 0}, {0, 1, 0}, {1, 0, 0}}
	for _, p := range rows {
		in := doc.Projects[1].Indicators.Row(p)
		in.Op, in.Target, in.Actual, in.Unit, in.Manual, in.Score, in.Weight = OpGE, "3", "2", "", false, "", "10"
	}
	setRate(doc, 1, "3", "2.95") // D = 10 × 2.95/3 = 9.8333…
	ev := Evaluate(doc)
	r := ev.Projects[1]
	exactC := r.C
	if got := r.Indicators.At(rows[0]).Score; got.Equal(decimal.RequireFromString("6.67")) {
		t.Fatalf("off: a row scores %s, rounded", got)
	}
	if r.DText() != "9.83" {
		t.Errorf("off: D %s, want 9.83", r.DText())
	}
	doc.Settings.RoundScores = true
	r = Evaluate(doc).Projects[1]
	for _, p := range rows {
		if got := r.Indicators.At(p).Score; !got.Equal(decimal.RequireFromString("6.67")) {
			t.Errorf("on: row %v scores %s, want 6.67", p, got)
		}
	}
	// Off, 3 × 6.666… adds 20 − 0.00…; on, 3 × 6.67 = 20.01: the sums differ by 0.01.
	if d := r.C.Sub(exactC).Round(2); !d.Equal(decimal.RequireFromString("0.01")) {
		t.Errorf("on: C %s, off %s: differ by %s, want 0.01", r.C, exactC, d)
	}
	if !r.D.Equal(decimal.NewFromInt(10)) || r.DText() != "10" {
		t.Errorf("on: D %s, want 10", r.D)
	}
	if !r.Total.Equal(r.C.Add(r.D)) {
		t.Errorf("on: total %s ≠ C %s + D %s", r.Total, r.C, r.D)
	}
	doc.Settings.RoundScores = false
	setRate(doc, 1, "3", "2.85") // D = 9.5: rounds half away from zero
	doc.Settings.RoundScores = true
	if r := Evaluate(doc).Projects[1]; !r.D.Equal(decimal.NewFromInt(10)) {
		t.Errorf("on: D of 9.5 is %s, want 10", r.D)
	}
}

// TestStrict: 严格检查 turns the warnings that an explanation is missing (of a deduction, of a
// 执行率 below 90 %) into errors and leaves every other warning a warning.
func TestStrict(t *testing.T) {
	doc := loadSample(t)
	setRate(doc, 1, "100", "85") // 执行率 85 % and no reason anywhere in project 2
	off := Evaluate(doc)
	doc.Settings.Strict = true
	on := Evaluate(doc)
	if len(on.Problems) != len(off.Problems) {
		t.Fatalf("%d problems on, %d off", len(on.Problems), len(off.Problems))
	}
	upgraded := map[string]int{}
	for i, p := range off.Problems {
		q := on.Problems[i]
		if q.Loc != p.Loc || q.Message != p.Message {
			t.Fatalf("problem %d differs: %v / %v", i, p, q)
		}
		if p.Level == q.Level {
			if p.Level == LevelWarning && (strings.Contains(p.Message, "原因说明") || strings.Contains(p.Message, "说明原因")) {
				t.Errorf("a missing reason stays a warning: %v", p)
			}
			continue
		}
		if p.Level != LevelWarning || q.Level != LevelError {
			t.Errorf("level %s became %s: %v", p.Level, q.Level, p)
		}
		upgraded[p.Field]++
	}
	// The sample's 16 deductions without reasons, and project 2's low 执行率 (its total only: its
	// one source row has the same rate and is not warned again).
	if upgraded["未完成原因"] != 16 || upgraded["执行率"] != 1 || len(upgraded) != 2 {
		t.Errorf("upgraded %v", upgraded)
	}
	// A deduction whose only missing part is the 改进措施 is upgraded as well.
	in := doc.Projects[1].Indicators.Row(RowPath{})
	in.Reasons.Funding, in.Reason = true, "经费不足。"
	ps := problemsAtLoc(Evaluate(doc), Location{Form: 1, Section: SecIndicators, Index: -1, Field: "measures"})
	if len(ps) != 1 || ps[0].Level != LevelError {
		t.Errorf("a missing 改进措施 under 严格检查: %v", ps)
	}
}

// TestReevaluateWithOptions: with every option on, Reevaluate of the form an edit touched gives
// what Evaluate gives (the cap and the flags depend on their own form only), and after an
// option changes the window's Reevaluate(AllForms) is Evaluate.
func TestReevaluateWithOptions(t *testing.T) {
	on := func(d *Document) {
		d.Settings.OverTarget, d.Settings.RateCap, d.Settings.RoundScores, d.Settings.Strict = OverTarget120, true, true, true
	}
	edits := map[string]struct {
		form int
		edit func(d *Document)
	}{
		"project rate": {1, func(d *Document) { setRate(d, 1, "100", "65") }},
		"project over target": {2, func(d *Document) {
			in := d.Projects[2].Indicators.Row(RowPath{})
			in.Op, in.Target, in.Actual, in.Manual = OpGE, "10", "15", false
		}},
		"unit reason": {-1, func(d *Document) { d.Unit.Indicators.Row(RowPath{}).Reason = "说明" }},
		"options on":  {AllForms, on},
		"option off":  {AllForms, func(d *Document) { d.Settings.RateCap = false }},
		// A caller that names one form after an option changed still gets every form recomputed.
		"option, one form named": {0, func(d *Document) { d.Settings.Strict = false }},
	}
	for name, tc := range edits {
		t.Run(name, func(t *testing.T) {
			doc := loadSample(t)
			setRate(doc, 0, "100", "75")
			if name != "options on" {
				on(doc)
			}
			prev := Evaluate(doc)
			tc.edit(doc)
			got, want := Reevaluate(doc, prev, tc.form), Evaluate(doc)
			if !reflect.DeepEqual(got.Problems, want.Problems) {
				t.Errorf("problems differ:\n got %v\nwant %v", got.Problems, want.Problems)
			}
			if !reflect.DeepEqual(got.Unit, want.Unit) || !reflect.DeepEqual(got.Projects, want.Projects) {
				t.Error("results differ")
			}
		})
	}
}

// TestRuleOptionKeysInJSON: the option fields' JSON keys are those RuleOptions names, so the
// editor's Location.Field and the file agree.
func TestRuleOptionKeysInJSON(t *testing.T) {
	var s Settings
	for _, o := range RuleOptions() {
		_ = o.Set(&s, o.Choices[len(o.Choices)-1].Value)
	}
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range RuleOptions() {
		if !bytes.Contains(data, []byte(`"`+o.Key+`":`)) {
			t.Errorf("key %s not in %s", o.Key, data)
		}
	}
}
