package report

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"ziping/forms"
)

// TestShortfallSentences: a row below its 分值 is named in 偏差分析 with its ticked reasons and
// its 原因说明 (closing punctuation not doubled), and its 改进措施 replaces the marker.
func TestShortfallSentences(t *testing.T) {
	doc := sample(t)
	p := doc.Projects[0]
	in := p.Indicators[0].Children[0].Rows[0]
	in.Weight, in.Score, in.Manual = "13", "10", true
	in.Reasons = forms.Reasons{Funding: true, Staff: true}
	in.Reason, in.Measures = "资金到位较晚。", "提前做好资金申请"
	sc := topScope(doc, forms.Evaluate(doc), Options{})
	ps := sc.lists["项目"][0]
	want := "数量指标“做好社会保障经办和管理工作”未完全达成目标（年度指标值一次性支付，全年完成值全部支付，得分10分（分值13分）），原因：经费保障、人员保障方面；资金到位较晚。"
	if !strings.Contains(ps.vals["偏差分析"], want) {
		t.Errorf("偏差分析:\n%s\nwant %s", ps.vals["偏差分析"], want)
	}
	if got := ps.vals["改进措施"]; got != "数量指标“做好社会保障经办和管理工作”：提前做好资金申请。" {
		t.Errorf("改进措施 %q", got)
	}
	if len(ps.lists["未完成指标"]) == 0 || ps.lists["未完成指标"][0].vals["未完成原因"] != "经费保障、人员保障方面；资金到位较晚" {
		t.Errorf("未完成指标 %v", ps.lists["未完成指标"])
	}
}

// TestScopesMatchSchema: every scope the report builds holds exactly the names of its block in
// the schema (docs/报告模板.md lists the same), so a documented name is never unknown and a
// filled name never undocumented.
func TestScopesMatchSchema(t *testing.T) {
	doc := sample(t)
	doc.Projects[0].FundsEvidence = []forms.Evidence{{Name: "付款凭证", Kind: "付款凭证", Pages: "3"}}
	var walk func(path string, sc *scope, b schemaBlock)
	walk = func(path string, sc *scope, b schemaBlock) {
		var got, want []string
		for k := range sc.vals {
			got = append(got, k)
		}
		for k := range sc.lists {
			got = append(got, "#"+k)
		}
		want = append(want, b.vals...)
		for k := range b.lists {
			want = append(want, "#"+k)
		}
		sort.Strings(got)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: scope %v, schema %v", path, got, want)
		}
		for k, items := range sc.lists {
			for _, it := range items {
				walk(path+"/"+k, it, b.lists[k])
			}
		}
	}
	walk("", topScope(doc, forms.Evaluate(doc), Options{}), schema)
	if text := sayAll(doc); !strings.Contains(text, "付款凭证") {
		t.Error("the annex lacks the evidence item")
	}
}

func sayAll(doc *forms.Document) string {
	sc := topScope(doc, forms.Evaluate(doc), Options{})
	var b strings.Builder
	for _, e := range sc.lists["佐证材料"] {
		b.WriteString(e.vals["材料句"])
	}
	return b.String()
}
