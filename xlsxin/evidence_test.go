package xlsxin

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/tables"
)

// withEvidence adds 佐证材料 items to doc in its unit budget, a project's funds and indicator
// rows, typed as users type them (full-width and "页" page counts, a Windows path).
func withEvidence(doc *forms.Document) *forms.Document {
	doc.Unit.BudgetEvidence = []forms.Evidence{{Name: "2021年度部门决算报表", Kind: "统计报表", Pages: "１２", Path: `D:\佐证\决算报表.pdf`}}
	doc.Unit.Indicators[0].Children[0].Rows[0].Evidence = []forms.Evidence{{Name: "重点工作台账", Pages: "12页"}, {Name: "会议纪要", Kind: "会议纪要"}}
	doc.Projects[0].FundsEvidence = []forms.Evidence{{Name: "付款凭证", Kind: "付款凭证", Pages: "3", Path: "/home/会计/凭证.pdf"}}
	doc.Projects[1].Indicators[0].Children[0].Rows[0].Evidence = []forms.Evidence{{Name: "验收报告", Kind: "验收报告", Pages: "十二"}}
	return doc
}

func evidenceOf(d *forms.Document) [][]forms.Evidence {
	var out [][]forms.Evidence
	for _, l := range d.EvidenceLists() {
		out = append(out, *l.Items)
	}
	return out
}

// TestEvidenceRoundTrip: in both templates the lists exported and imported are the lists
// exported, every field as typed; without the shadow sheet (saved by a program that drops it)
// only the paths are shortened to the file names the sheet shows.
func TestEvidenceRoundTrip(t *testing.T) {
	for name, doc := range map[string]*forms.Document{"辽宁": formstest.Sample(t), "全国": national(t)} {
		t.Run(name, func(t *testing.T) {
			doc = withEvidence(doc)
			data := export(t, doc)
			res := importBytes(t, data, "e.xlsx")
			if got, want := evidenceOf(res.Doc), evidenceOf(doc); !reflect.DeepEqual(got, want) {
				t.Fatalf("got  %q\nwant %q", got, want)
			}
			if len(res.Notes) != 0 {
				t.Errorf("notes: %q", res.Notes)
			}
			res = importBytes(t, dropShadow(t, data), "e.xlsx")
			want := evidenceOf(doc)
			for _, l := range want {
				for i := range l {
					l[i].Path = tables.EvidenceFileName(l[i].Path)
				}
			}
			if got := evidenceOf(res.Doc); !reflect.DeepEqual(got, want) {
				t.Fatalf("without the shadow: got  %q\nwant %q", got, want)
			}
		})
	}
}

// TestEvidenceSheetDamaged: rows naming an indicator the workbook lacks are noted and left out,
// a list past its limit keeps MaxEvidencePerList items with a note, and a sheet with content far
// below gets the same Chinese refusal as every sheet.
func TestEvidenceSheetDamaged(t *testing.T) {
	doc := withEvidence(formstest.Sample(t))
	f := openBook(t, export(t, doc))
	const sheet = tables.EvidenceTitle
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	first := len(rows) + 1
	_ = f.SetSheetRow(sheet, fmt.Sprintf("A%d", first), &[]string{"99", forms.UnitFormName, "没有这个指标", "合同"})
	for i := range forms.MaxEvidencePerList + 5 {
		_ = f.SetSheetRow(sheet, fmt.Sprintf("A%d", first+1+i), &[]string{"", forms.UnitFormName, forms.UnitFundsRow, fmt.Sprintf("凭证%d", i)})
	}
	res := importBytes(t, dropShadow(t, saveBook(t, f)), "e.xlsx")
	notes := strings.Join(res.Notes, "\n")
	if !strings.Contains(notes, "没有“单位整体绩效自评表”的“没有这个指标”，这项佐证材料未导入") || !strings.Contains(notes, "佐证材料超过上限") {
		t.Fatalf("notes: %s", notes)
	}
	if n := len(res.Doc.Unit.BudgetEvidence); n != forms.MaxEvidencePerList {
		t.Fatalf("%d items in the budget's list", n)
	}

	f = openBook(t, export(t, doc))
	_ = f.SetCellStr(sheet, fmt.Sprintf("A%d", maxSheetRows+10), "很远")
	data := saveBook(t, f)
	_, err = Import(strings.NewReader(string(data)), int64(len(data)), "e.xlsx")
	if err == nil || !strings.Contains(err.Error(), "工作表“佐证材料清单”在第") {
		t.Fatalf("got %v", err)
	}
}
