package forms

import (
	"strings"
	"testing"
)

// TestEveryWording: each entry of Wordings, written before or after "95%", reads as its operator.
func TestEveryWording(t *testing.T) {
	for _, w := range Wordings() {
		text := w.Text + "95%"
		if w.Suffix {
			text = "95%" + w.Text
		}
		t.Run(text, func(t *testing.T) {
			got, ok, err := ReadTarget(text)
			if err != nil || !ok || !got.HasNum {
				t.Fatalf("ReadTarget(%q) = %+v, %v, %v", text, got, ok, err)
			}
			if got.Num.Sign != w.Op || !got.Num.Percent || got.Num.Value.String() != "95" || got.Wording != compact(w.Text) {
				t.Fatalf("ReadTarget(%q): op %q %%%v value %v wording %q; want %q", text, got.Num.Sign, got.Num.Percent, got.Num.Value, got.Wording, w.Op)
			}
		})
	}
}

func TestReadTarget(t *testing.T) {
	tests := map[string]struct {
		in       string
		op       Op
		value    string
		unit     string
		deadline string // Date.String of a deadline target
		text     bool   // a text target: not read, no error
		err      string // part of the error
	}{
		"plain":              {in: "1197.19", value: "1197.19"},
		"full-width":         {in: "≥９５％", op: OpGE, value: "95"},
		"spaces":             {in: " 不低于 95 % ", op: OpGE, value: "95"},
		"以上":                 {in: "95%以上", op: OpGE, value: "95"},
		"大于等于 before 大于":     {in: "大于等于95%", op: OpGE, value: "95"},
		"≧":                  {in: "≧95%", op: OpGE, value: "95"},
		"unit and 以内":        {in: "10天以内", op: OpLE, value: "10", unit: "天"},
		"工作日内":               {in: "30个工作日内", op: OpLE, value: "30", unit: "个工作日"},
		"不超过 amount":         {in: "不超过500万元", op: OpLE, value: "500", unit: "万元"},
		"以下":                 {in: "5%以下", op: OpLE, value: "5"},
		"不少于 count":          {in: "不少于50人", op: OpGE, value: "50", unit: "人"},
		"both agree":         {in: "不低于95%以上", op: OpGE, value: "95"},
		"＜":                  {in: "＜3次", op: OpLT, value: "3", unit: "次"},
		"ascii >=":           {in: ">=90", op: OpGE, value: "90"},
		"month end":          {in: "12月底前", deadline: "12月底"},
		"day":                {in: "6月30日前", deadline: "6月30日"},
		"year day":           {in: "2021年12月31日前", deadline: "2021年12月31日"},
		"year end":           {in: "年底前完成", deadline: "12月底"},
		"iso":                {in: "2021-10-31", deadline: "2021年10月31日"},
		"month only":         {in: "11月", deadline: "11月底"},
		"text":               {in: "一次性支付", text: true},
		"blank":              {in: "  ", text: true},
		"text with 及时":       {in: "及时支付", text: true},
		"opposite":           {in: "不低于95%以下", err: "意思相反"},
		"two signs":          {in: "不低于≥95%", err: "两个比较符号"},
		"about":              {in: "约95%", err: "无法识别"},
		"trailing words":     {in: "95%左右", err: "无法识别"},
		"impossible date":    {in: "13月底前", err: "无法识别"},
		"decimal not date":   {in: "2021.12", value: "2021.12"},
		"month.day before":   {in: "12.31前", deadline: "12月31日"},
		"sign and month end": {in: "≤12月底", deadline: "12月底"},
		"year end with year": {in: "2021年底前", deadline: "2021年12月底"},
		"bare 前 unit":        {in: "30前", err: "像是期限"},
		"dotted date":        {in: "2021.12.31", deadline: "2021年12月31日"},
		"per mille":          {in: "≤5‰", op: OpLE, value: "5", unit: "‰"},
		"square metres":      {in: "≥200㎡", op: OpGE, value: "200", unit: "㎡"},
		"wording then sign":  {in: "达到100%", op: OpGE, value: "100"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, ok, err := ReadTarget(tc.in)
			switch {
			case tc.err != "":
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("ReadTarget(%q) error %v, want one containing %q", tc.in, err, tc.err)
				}
				return
			case err != nil:
				t.Fatalf("ReadTarget(%q): %v", tc.in, err)
			case tc.text:
				if ok {
					t.Fatalf("ReadTarget(%q) read %+v, want a text target", tc.in, got)
				}
				return
			case tc.deadline != "":
				if !got.HasDeadline || got.Deadline.String() != tc.deadline {
					t.Fatalf("ReadTarget(%q) = %+v, want deadline %s", tc.in, got, tc.deadline)
				}
				return
			}
			if !ok || !got.HasNum || got.Num.Sign != tc.op || got.Num.Value.String() != tc.value || got.Num.Unit != tc.unit {
				t.Fatalf("ReadTarget(%q) = %+v; want op %q value %s unit %q", tc.in, got, tc.op, tc.value, tc.unit)
			}
		})
	}
}

// TestEveryUnit: each unit of UnitKinds is read by ParseNumber and converts to its kind's base.
func TestEveryUnit(t *testing.T) {
	for _, k := range UnitKinds() {
		for _, u := range k.Units {
			for _, name := range u.Names {
				if name == "%" {
					continue
				}
				n, err := ParseNumber("2" + name)
				if err != nil || n.Unit != name {
					t.Errorf("%s: ParseNumber(%q) = %+v, %v", k.Name, "2"+name, n, err)
					continue
				}
				e, ok := lookupUnit(name)
				num, den := parseFactor(u.Factor)
				if !ok || e.kind != k.Name || !e.factor().Equal(num.DivRound(den, divPrecision)) {
					t.Errorf("%s: lookupUnit(%q) = %+v, %v", k.Name, name, e, ok)
				}
			}
		}
	}
}

// TestQuantReading covers what a quantitative row's wording, units and percentages make of
// its score: understood, or a problem at the field that stops the suggestion.
func TestQuantReading(t *testing.T) {
	tests := map[string]struct {
		in         Indicator
		score      string // suggested score in force, "" for none
		completion string
		field      string // field of the first note, "" for none
		level      Level
		note       string // part of the note
	}{
		"fraction for percent": {in: Indicator{Target: "≥95%", Actual: "0.98", Weight: "10"},
			field: "actual", level: LevelError, note: "请填写“98%”"},
		"percent without sign over 1.5": {in: Indicator{Target: "≥95%", Actual: "98", Weight: "10"}, score: "10", completion: "103.16%"},
		"row unit percent":              {in: Indicator{Op: OpGE, Unit: "%", Target: "95", Actual: "0.9", Weight: "10"}, field: "actual", level: LevelError, note: "没有 % 号"},
		"fraction target":               {in: Indicator{Op: OpGE, Target: "0.95", Actual: "98%", Weight: "10"}, field: "target", level: LevelError, note: "请填写“95%”"},
		"operator conflict":             {in: Indicator{Op: OpLE, Target: "≥95%", Actual: "98%", Weight: "10"}, field: "op", level: LevelError, note: "矛盾"},
		"operator agrees":               {in: Indicator{Op: OpGE, Target: "不低于95%", Actual: "93%", Weight: "10"}, score: "9.79", completion: "97.89%"},
		"以内 negative":                   {in: Indicator{Target: "10天以内", Actual: "12天", Weight: "10"}, score: "8.33", completion: "83.33%"},
		"centimetres vs metres":         {in: Indicator{Target: "≥266米", Actual: "300厘米", Weight: "60"}, score: "0.68", completion: "1.13%"},
		"kilometres vs metres":          {in: Indicator{Target: "≥2千米", Actual: "2500米", Weight: "10"}, score: "10", completion: "125%"},
		"tonnes vs kg":                  {in: Indicator{Target: "≤1吨", Actual: "500公斤", Weight: "10"}, score: "10", completion: "200%"},
		"yuan vs wan":                   {in: Indicator{Op: OpLE, Unit: "万元", Target: "50", Actual: "600000元", Weight: "10"}, score: "8.33", completion: "83.33%"},
		"months vs years":               {in: Indicator{Target: "≤1年", Actual: "6个月", Weight: "10"}, score: "10", completion: "200%"},
		"days vs months":                {in: Indicator{Target: "≤1月", Actual: "20天", Weight: "10"}, field: "actual", level: LevelError, note: "无法换算"},
		"unknown unit":                  {in: Indicator{Target: "≥5批次", Actual: "6次", Weight: "10"}, field: "actual", level: LevelError, note: "不认识"},
		"same unknown unit":             {in: Indicator{Target: "≥5批次", Actual: "6批次", Weight: "10"}, score: "10", completion: "120%"},
		"counts":                        {in: Indicator{Target: "≥50个", Actual: "40项", Weight: "10"}, score: "8", completion: "80%"},
		"wan people":                    {in: Indicator{Target: "≥2万人", Actual: "15000人", Weight: "10"}, score: "7.5", completion: "75%"},
		"percent vs count":              {in: Indicator{Target: "≥95%", Actual: "98人", Weight: "10"}, field: "actual", level: LevelError, note: "无法换算"},
		"actual with sign":              {in: Indicator{Target: "≥95%", Actual: "≥98%", Weight: "10"}, field: "actual", level: LevelError, note: "比较符号"},
		"actual text":                   {in: Indicator{Target: "≥95%", Actual: "全部完成", Weight: "10"}, field: "actual", level: LevelWarning, note: "不是数值"},
		"unreadable target":             {in: Indicator{Target: "约95%", Actual: "98%", Weight: "10", Score: "9"}, score: "9", field: "target", level: LevelWarning, note: "无法识别"},
		"deadline met by date":          {in: Indicator{Target: "12月底前", Actual: "2021年11月20日", Weight: "10"}, score: "10", completion: "100%"},
		"deadline met by words":         {in: Indicator{Target: "6月30日前", Actual: "按时完成", Weight: "10"}, score: "10", completion: "100%"},
		"deadline met same month":       {in: Indicator{Target: "12月底前", Actual: "12月", Weight: "10"}, score: "10", completion: "100%"},
		"deadline late":                 {in: Indicator{Target: "6月30日前", Actual: "7月15日", Weight: "10"}, field: "actual", level: LevelWarning, note: "晚于期限"},
		"deadline other year late":      {in: Indicator{Target: "2021年12月31日前", Actual: "2022年1月5日", Weight: "10"}, field: "actual", level: LevelWarning, note: "晚于期限"},
		"deadline never a number":       {in: Indicator{Op: OpLE, Target: "12月底前", Actual: "12", Weight: "10"}},
		"deadline by hand":              {in: Indicator{Target: "12月底前", Actual: "已完成", Weight: "10", Score: "8"}, score: "8"},
		"negative actual counts as 0":   {in: Indicator{Target: "≥10", Actual: "-5", Weight: "10"}, score: "0", completion: "0%"},
		"negative ceiling met":          {in: Indicator{Target: "≤-5%", Actual: "-8%", Weight: "10"}, score: "10"},
		"negative floor missed":         {in: Indicator{Target: "≥-5%", Actual: "-10%", Weight: "10"}, score: "0"},
		"negative equal":                {in: Indicator{Target: "＝-5%", Actual: "-5%", Weight: "10"}, score: "10", completion: "100%"},
		"exact conversion":              {in: Indicator{Target: "≥24小时", Actual: "1天", Weight: "10"}, score: "10", completion: "100%"},
		"households are not people":     {in: Indicator{Target: "≥500户", Actual: "1200人", Weight: "10"}, field: "actual", level: LevelError, note: "无法换算"},
		"row unit contradicts target":   {in: Indicator{Unit: "元", Target: "≤100万元", Actual: "1200000", Weight: "10"}, field: "unit", level: LevelError, note: "不一致"},
		"fraction target, row unit %":   {in: Indicator{Op: OpLE, Unit: "%", Target: "0.05", Actual: "3%", Weight: "10"}, field: "target", level: LevelError, note: "请填写“5%”"},
		"year.month target":             {in: Indicator{Op: OpLE, Target: "2021.9", Actual: "2021.10", Weight: "10"}, field: "target", level: LevelWarning, note: "像是年月"},
		"month end keeps day deadline":  {in: Indicator{Target: "11月30日前", Actual: "11月底", Weight: "10"}, score: "10", completion: "100%"},
		"full-width letters":            {in: Indicator{Target: "≥5ｋｍ", Actual: "4.8km", Weight: "10"}, score: "9.6", completion: "96%"},
		"spaces in the result":          {in: Indicator{Target: "≥1000人次", Actual: "1 200人 次", Weight: "10"}, score: "10", completion: "120%"},
		"done on a day":                 {in: Indicator{Target: "12月底前", Actual: "已于12月20日完成", Weight: "10"}, score: "10", completion: "100%"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			in := tc.in
			r := evalIndicator(RowPath{}, &in, evalContext{rule: NegativeRatio, year: 2021})
			score := ""
			if r.HasScore {
				score = FormatScore(r.Score)
			}
			if score != tc.score || (tc.completion != "" && r.CompletionText(&in) != tc.completion) {
				t.Errorf("score %q completion %q; want %q %q", score, r.CompletionText(&in), tc.score, tc.completion)
			}
			if tc.field == "" {
				if len(r.notes) != 0 {
					t.Errorf("unexpected note %+v", r.notes[0])
				}
				return
			}
			if len(r.notes) == 0 || r.notes[0].field != tc.field || r.notes[0].level != tc.level || !strings.Contains(r.notes[0].msg(), tc.note) {
				t.Fatalf("notes %+v; want %s %s containing %q", r.notes, tc.level, tc.field, tc.note)
			}
		})
	}
}
