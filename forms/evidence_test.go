package forms

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// withEvidence is the sample with items in every kind of list, typed as a user types them: a
// blank spare item, full-width and "页" page counts, spaces kept.
func withEvidence(t testing.TB) *Document {
	d := loadSample(t)
	d.Unit.BudgetEvidence = []Evidence{{Name: "2021年度部门决算报表", Kind: "统计报表", Pages: "１２", Path: `D:\佐证\决算.pdf`}, {}}
	d.Unit.Indicators[0].Children[0].Rows[0].Evidence = []Evidence{{Name: " 重点工作台账 ", Pages: "12页"}}
	d.Projects[0].FundsEvidence = []Evidence{{Name: "付款凭证", Kind: "付款凭证", Pages: "十二"}}
	d.Projects[1].Indicators[1].Children[0].Rows[0].Evidence = []Evidence{{Kind: "其他", Path: "/home/会计/照片.jpg"}}
	return d
}

// TestEvidenceSurvivesSaveOpen: every list, item and field comes back as typed, the blank item
// included (spare rows are kept, never dropped by the loader).
func TestEvidenceSurvivesSaveOpen(t *testing.T) {
	d := withEvidence(t)
	data, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if !sameEvidence(got, d) {
		t.Fatalf("lists differ after save and open:\n%v\n%v", evidenceOf(got), evidenceOf(d))
	}
	if n := got.EvidenceCount(); n != 5 {
		t.Fatalf("%d items after open, want 5", n)
	}
	if !got.HasEvidence() || loadSample(t).HasEvidence() {
		t.Fatal("HasEvidence wrong")
	}
	if strings.Contains(string(mustMarshal(t, loadSample(t))), "evidence") {
		t.Fatal("a document without evidence writes evidence keys")
	}
}

func mustMarshal(t testing.TB, d *Document) []byte {
	data, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func evidenceOf(d *Document) [][]Evidence {
	var out [][]Evidence
	for _, l := range d.EvidenceLists() {
		out = append(out, *l.Items)
	}
	return out
}

func sameEvidence(a, b *Document) bool { return reflect.DeepEqual(evidenceOf(a), evidenceOf(b)) }

// TestEvidenceLimits: a file with too many items in one list, or in all, or a name too long, is
// refused with a message naming where; the editor is told before adding.
func TestEvidenceLimits(t *testing.T) {
	many := make([]Evidence, MaxEvidencePerList+1)
	perList := loadSample(t)
	perList.Projects[0].Indicators[0].Children[0].Rows[0].Evidence = many
	total := cleanDoc()
	for total.EvidenceCount() <= MaxEvidenceTotal {
		total.AddProject().FundsEvidence = make([]Evidence, MaxEvidencePerList)
	}
	long := loadSample(t)
	long.Unit.BudgetEvidence = []Evidence{{Name: strings.Repeat("长", MaxFieldRunes+1)}}
	for name, tc := range map[string]struct {
		d    *Document
		want string
	}{
		"per list": {perList, "佐证材料有 51 项"},
		"total":    {total, "佐证材料共有"},
		"long":     {long, "年度部门（单位）整体收支情况 › 佐证材料有"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Unmarshal(mustMarshal(t, tc.d))
			if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
	d := loadSample(t)
	if err := d.AddEvidenceError(MaxEvidencePerList - 1); err != nil {
		t.Fatal(err)
	}
	if err := d.AddEvidenceError(MaxEvidencePerList); !errors.Is(err, ErrLimit) {
		t.Fatalf("got %v", err)
	}
	if err := total.AddEvidenceError(0); !errors.Is(err, ErrLimit) {
		t.Fatalf("got %v", err)
	}
}

func TestParsePages(t *testing.T) {
	for in, want := range map[string]int{"12": 12, "１２": 12, "12页": 12, " 12 页 ": 12, "１２页": 12} {
		if n, err := ParsePages(in); err != nil || n != want {
			t.Errorf("%q: %d, %v", in, n, err)
		}
	}
	for _, in := range []string{"十二", "-3", "0", "1.5", "约10", "12张", "99999999999999999999"} {
		if _, err := ParsePages(in); err == nil || errors.Is(err, ErrEmpty) {
			t.Errorf("%q: %v", in, err)
		}
	}
	if _, err := ParsePages(" "); !errors.Is(err, ErrEmpty) {
		t.Error(err)
	}
}
