package tables

import (
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestEvidenceTable: no table without evidence (blank items are spare rows); with it, a header
// and a row per item in printed order naming form and row, the file name without its folders,
// 页数 as typed, and columns summing to Width.
func TestEvidenceTable(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Unit.BudgetEvidence = []forms.Evidence{{}}
	if Evidence(doc) != nil {
		t.Fatal("a table for blank items")
	}
	doc.Projects[1].FundsEvidence = []forms.Evidence{{Name: "付款凭证", Pages: "１２页", Path: `D:\佐证\凭证.pdf`}}
	doc.Unit.Indicators[0].Children[0].Rows[0].Evidence = []forms.Evidence{{}, {Name: "台账", Kind: "统计报表", Path: "/home/a/台账.xlsx"}}
	tb := Evidence(doc)
	if tb == nil || len(tb.Bands) != 1 || tb.Bands[0].Header != 1 {
		t.Fatalf("table %+v", tb)
	}
	var got []string
	for _, r := range tb.Bands[0].Rows {
		var texts []string
		for _, c := range r.Cells {
			texts = append(texts, c.Text)
		}
		got = append(got, strings.Join(texts, "|"))
	}
	want := []string{
		"序号|表|指标（或资金）|材料名称|材料类型|页数|电子文件",
		"1|单位整体绩效自评表|履职效能 › 重点工作履行情况 › 指标 1|台账|统计报表||台账.xlsx",
		"2|" + forms.ProjectFormName(1, doc.Projects[1]) + "|项目预算资金|付款凭证||１２页|凭证.pdf",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sum := 0.0
	for _, w := range tb.Bands[0].Cols {
		sum += w
	}
	if sum != Width || len(EvidenceCols) != len(EvidenceHeader) {
		t.Fatalf("widths sum to %v", sum)
	}
	if src := tb.Bands[0].Rows[2].Cells[3].Src; src.Loc.Form != 1 || src.Loc.Section != forms.SecBudget || src.Loc.Field != "evidence_name" {
		t.Fatalf("source %+v", src)
	}
}
