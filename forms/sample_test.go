package forms

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const samplePath = "../samples/fushun-shebao-2021.zpb"

func loadSample(t testing.TB) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.FromSlash(samplePath))
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	doc, err := Unmarshal(data)
	if err != nil {
		t.Fatalf("load sample: %v", err)
	}
	return doc
}

// TestSampleTotals: the sample typed in from the published PDF gives its printed totals.
func TestSampleTotals(t *testing.T) {
	doc := loadSample(t)
	ev := Evaluate(doc)
	if got := FormatScore(ev.Unit.Total); got != "97" {
		t.Errorf("unit total = %s, want 97", got)
	}
	if got := FormatScore(ev.Unit.WeightSum); got != "100" {
		t.Errorf("unit Σ分值 = %s, want 100", got)
	}
	want := []struct{ name, c, d, total string }{
		{"新办公楼租金及物业费", "86", "10", "96"},
		{"社会保障行政运行费", "85", "10", "95"},
		{"雇佣专业技术人员费用", "85", "10", "95"},
		{"保障中心托管离退休人员费用", "86", "10", "96"},
	}
	if len(ev.Projects) != len(want) {
		t.Fatalf("%d projects, want %d", len(ev.Projects), len(want))
	}
	for i, w := range want {
		p, r := doc.Projects[i], ev.Projects[i]
		got := []string{p.Name, FormatScore(r.C), r.DText(), FormatScore(r.Total)}
		if strings.Join(got, "/") != strings.Join([]string{w.name, w.c, w.d, w.total}, "/") {
			t.Errorf("project %d = %v, want %v", i+1, got, w)
		}
		if r.Rating() != "优" {
			t.Errorf("project %d rating %s", i+1, r.Rating())
		}
	}
	// The unit's subtotals: E1 typed 3014.2 against parts summing to 3014; E0 and E2 computed.
	b := ev.Unit.Budget
	checks := map[string]string{"I0": "4211.39", "E0": "4211.39", "E1": "3014.2", "E2": "1197.19"}
	for id, want := range checks {
		row := doc.Unit.BudgetRow(id).Amounts
		if got := b[id].Text(ColActual, row, false); got != want {
			t.Errorf("%s 全年执行数 = %q, want %q", id, got, want)
		}
	}
	if got := b["I1"].RateText(); got != "100%" {
		t.Errorf("I1 执行率 = %q", got)
	}
	if !b["I2"].Blank() || b["I1"].Blank() {
		t.Error("blank rows not recognised")
	}
}

// TestSampleProblems: the seed loads with warnings only; each expected kind is present.
func TestSampleProblems(t *testing.T) {
	ev := Evaluate(loadSample(t))
	errs, warns := Counts(ev.Problems)
	if errs != 0 {
		for _, p := range ev.Problems {
			t.Log(p)
		}
		t.Fatalf("%d errors in the sample, want 0", errs)
	}
	if warns == 0 {
		t.Fatal("no warnings in the sample")
	}
	all := ""
	for _, p := range ev.Problems {
		all += p.String() + "\n"
	}
	for _, want := range []string{
		"单位整体绩效自评表 › 年度部门（单位）整体收支情况（万元） › 一、基本支出（第1至4项小计） › 年初预算数：填写的小计 3014.2 与各项之和 3014 不一致",
		"履职效能 › 重点工作履行情况 › 指标 1 › 未完成原因：得分 38 低于分值 40，但未勾选未完成原因、未填原因说明、未填改进措施",
		"项目 1「新办公楼租金及物业费」 › 绩效指标 › 分值：有 6 处分值未填写",
		"指标值“1197.19”是数字，但未选运算符号",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing problem %q in:\n%s", want, all)
		}
	}
}
