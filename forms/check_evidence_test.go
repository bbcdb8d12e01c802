package forms

import (
	"strings"
	"testing"
)

// evidenceProblemsOf are the problems of d that are about 佐证材料, as strings.
func evidenceProblemsOf(d *Document) []Problem {
	var out []Problem
	for _, p := range Evaluate(d).Problems {
		if strings.HasPrefix(p.Loc.Field, "evidence") {
			out = append(out, p)
		}
	}
	return out
}

// TestEvidenceChecks: 页数 "十二" is warned naming form, row and field; "１２" and "12页" are
// not; an item with a file and no name is warned; blank items are spare rows.
func TestEvidenceChecks(t *testing.T) {
	d := withEvidence(t)
	d.Projects[1].Indicators[1].Children[0].Rows[0].Evidence = append(d.Projects[1].Indicators[1].Children[0].Rows[0].Evidence,
		Evidence{Name: "验收单", Pages: "-3"})
	var got []string
	for _, p := range evidenceProblemsOf(d) {
		if p.Level != LevelWarning {
			t.Errorf("not a warning: %v", p)
		}
		got = append(got, p.String())
	}
	want := []string{
		"[警告] 项目 1「新办公楼租金及物业费」 › 项目预算资金（万元） › 佐证材料 › 佐证材料第 1 项 › 页数：“十二”不是页数，请填写阿拉伯数字的整页数，如 12；页数印在佐证材料清单上，请改正或留空。",
		"[警告] 项目 2「" + d.Projects[1].Name + "」 › 绩效指标 › " + IndicatorRowName(d.Projects[1].Indicators[1], d.Projects[1].Indicators[1].Children[0], 0) +
			" › 佐证材料第 1 项 › 材料名称：佐证材料有电子文件“/home/会计/照片.jpg”但没有名称：请填写材料名称，清单上按名称列出。",
		"[警告] 项目 2「" + d.Projects[1].Name + "」 › 绩效指标 › " + IndicatorRowName(d.Projects[1].Indicators[1], d.Projects[1].Indicators[1].Children[0], 0) +
			" › 佐证材料第 2 项 › 页数：“-3”不是页数，请填写阿拉伯数字的整页数，如 12；页数印在佐证材料清单上，请改正或留空。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p := evidenceProblemsOf(d)[2]; p.Loc.Form != 1 || p.Loc.Index != 1 || p.Loc.Field != "evidence_pages" || p.Loc.Path != (RowPath{1, 0, 0}) {
		t.Fatalf("location %+v", p.Loc)
	}
}

// TestEvidenceHint: off by default; on, each indicator at full marks without evidence gets a
// warning, never an error, under 严格检查 too; an indicator with an item gets none.
func TestEvidenceHint(t *testing.T) {
	d := cleanDoc() // one unit indicator at 100 of 100, a project at full marks
	d.Projects = nil
	if ps := evidenceProblemsOf(d); len(ps) != 0 {
		t.Fatalf("off by default, got %v", ps)
	}
	opt := ruleOption(t, "evidence_hint")
	if err := opt.Set(&d.Settings, "on"); err != nil || !d.Settings.EvidenceHint {
		t.Fatal(err)
	}
	d.Settings.Strict = true
	ps := evidenceProblemsOf(d)
	if len(ps) != 1 || ps[0].Level != LevelWarning || !strings.Contains(ps[0].Message, "得满分（100 分）") || ps[0].Row != "履职效能 › 重点工作履行情况 › 指标 1" {
		t.Fatalf("got %v", ps)
	}
	d.Unit.Indicators[0].Children[0].Rows[0].Evidence = []Evidence{{Name: "台账"}}
	if ps := evidenceProblemsOf(d); len(ps) != 0 {
		t.Fatalf("with evidence, got %v", ps)
	}
	d.Unit.Indicators[0].Children[0].Rows[0].Evidence = []Evidence{{}}
	d.Unit.Indicators[0].Children[0].Rows[0].Score = "90"
	if ps := evidenceProblemsOf(d); len(ps) != 0 {
		t.Fatalf("below full marks, got %v", ps)
	}
}

func ruleOption(t *testing.T, key string) RuleOption {
	for _, o := range RuleOptions() {
		if o.Key == key {
			return o
		}
	}
	t.Fatalf("no option %s", key)
	return RuleOption{}
}
