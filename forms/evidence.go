package forms

import (
	"fmt"
	"strings"
)

// Evidence is one item of a 佐证材料 list: a contract, an acceptance report, a payment voucher,
// a survey's results. An indicator row and a form's funds block (the unit's 收支情况, a
// project's 项目预算资金) each keep their own list; the list travels with the document and
// prints as the 佐证材料清单.
//
// Every field is kept as typed: Pages is text so that "12页", "１２" or a blank survive a
// round trip and are judged by the checks, not by the loader.
type Evidence struct {
	Name  string `json:"name"`            // 材料名称
	Kind  string `json:"kind,omitempty"`  // 材料类型 (合同、验收报告、付款凭证、满意度调查…)
	Pages string `json:"pages,omitempty"` // 页数
	Path  string `json:"path,omitempty"`  // 电子文件 (optional): a file to send with the package
}

// IsBlank reports whether nothing was typed in the item.
func (e Evidence) IsBlank() bool {
	return strings.TrimSpace(e.Name) == "" && strings.TrimSpace(e.Kind) == "" &&
		strings.TrimSpace(e.Pages) == "" && strings.TrimSpace(e.Path) == ""
}

// EvidenceKinds are the kinds offered in the editor's drop-down; any other text may be typed.
func EvidenceKinds() []string {
	return []string{"合同协议", "验收报告", "付款凭证", "会议纪要", "统计报表", "满意度调查", "照片影像", "制度文件", "其他"}
}

// Limits of the 佐证材料 lists (forms/limits.go gives the reasons of the others). A real
// indicator lists a few items; MaxEvidencePerList leaves room for a funds block's vouchers, and
// MaxEvidenceTotal, the document's printed rows (MaxRowsTotal), bounds the 佐证材料清单 a
// hostile file could make the PDF and Excel export lay out. Their texts count in MaxTextRunes
// (Document.EachText). At MaxEvidenceTotal the items add 8,000 JSON objects to a file, well
// within the bound forms/file.go puts on them before decoding (maxFileObjects).
const (
	MaxEvidencePerList = 50
	MaxEvidenceTotal   = MaxRowsTotal
)

// EvidenceList is one 佐证材料 list of a document with where it belongs, in printed order
// (Document.EvidenceLists).
type EvidenceList struct {
	Form     int    // -1 the unit form, i project i
	FormName string // UnitFormName or ProjectFormName
	// Funds is true for the list of the funds block (the unit's 收支情况, a project's 项目预算资金);
	// otherwise Path is the indicator row the list belongs to.
	Funds bool
	Path  RowPath
	// Row names the row as the checks name it: the funds block's printed name, or
	// IndicatorRowName of the indicator.
	Row   string
	Items *[]Evidence
}

// UnitFundsRow and ProjectFundsRow name the funds blocks' 佐证材料 lists in problems and in the
// 佐证材料清单.
const (
	UnitFundsRow    = "年度部门（单位）整体收支情况"
	ProjectFundsRow = "项目预算资金"
)

// EvidenceLists returns every 佐证材料 list of d in printed order: the unit form's funds block,
// then its indicator rows, then each project's funds block and indicator rows. Empty lists are
// included; Items points into d, so the lists can be filled (the Excel import).
func (d *Document) EvidenceLists() []EvidenceList {
	var out []EvidenceList
	out = append(out, EvidenceList{Form: -1, FormName: UnitFormName, Funds: true, Row: UnitFundsRow, Items: &d.Unit.BudgetEvidence})
	out = d.Unit.Indicators.evidenceLists(out, -1, UnitFormName)
	for i, p := range d.Projects {
		name := ProjectFormName(i, p)
		out = append(out, EvidenceList{Form: i, FormName: name, Funds: true, Row: ProjectFundsRow, Items: &p.FundsEvidence})
		out = p.Indicators.evidenceLists(out, i, name)
	}
	return out
}

func (t Tree) evidenceLists(out []EvidenceList, form int, name string) []EvidenceList {
	t.Each(func(p RowPath, l1 *Level1, l2 *Level2, in *Indicator) {
		out = append(out, EvidenceList{Form: form, FormName: name, Path: p, Row: IndicatorRowName(l1, l2, p.Row), Items: &in.Evidence})
	})
	return out
}

// EvidenceCount is the number of 佐证材料 items in d, blank ones included.
func (d *Document) EvidenceCount() int {
	n := len(d.Unit.BudgetEvidence)
	d.Unit.Indicators.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) { n += len(in.Evidence) })
	for _, p := range d.Projects {
		n += len(p.FundsEvidence)
		p.Indicators.Each(func(_ RowPath, _ *Level1, _ *Level2, in *Indicator) { n += len(in.Evidence) })
	}
	return n
}

// HasEvidence reports whether d lists at least one 佐证材料 item that is not blank: only then do
// the PDF and the Excel export print the 佐证材料清单, so that a document without evidence
// prints as before the lists existed.
func (d *Document) HasEvidence() bool {
	for _, l := range d.EvidenceLists() {
		for _, e := range *l.Items {
			if !e.IsBlank() {
				return true
			}
		}
	}
	return false
}

// AddEvidenceError says why no item can be added to a 佐证材料 list of d that holds n items.
func (d *Document) AddEvidenceError(n int) error {
	if n >= MaxEvidencePerList {
		return fmt.Errorf("一个指标或资金栏的佐证材料最多 %d 项，再添加就%w", MaxEvidencePerList, ErrLimit)
	}
	if d.EvidenceCount() >= MaxEvidenceTotal {
		return fmt.Errorf("一个文档的佐证材料合计最多 %d 项，再添加就%w：请删去不需要的项", MaxEvidenceTotal, ErrLimit)
	}
	return nil
}

// checkEvidenceLimits refuses a document whose 佐证材料 lists exceed the limits, naming where.
func (d *Document) checkEvidenceLimits() error {
	for _, l := range d.EvidenceLists() {
		if n := len(*l.Items); n > MaxEvidencePerList {
			return fmt.Errorf("%s › %s：佐证材料有 %d 项，%w（%d 项）", l.FormName, l.Row, n, ErrLimit, MaxEvidencePerList)
		}
	}
	if n := d.EvidenceCount(); n > MaxEvidenceTotal {
		return fmt.Errorf("佐证材料共有 %d 项，%w（%d 项）", n, ErrLimit, MaxEvidenceTotal)
	}
	return nil
}

// eachEvidenceText calls f with every text of the items, for Document.EachText.
func eachEvidenceText(items []Evidence, where string, f func(string, *string)) {
	for i := range items {
		e := &items[i]
		for _, s := range []*string{&e.Name, &e.Kind, &e.Pages, &e.Path} {
			f(where+" › 佐证材料", s)
		}
	}
}

// ParsePages reads a 页数 as accountants type it: "12", full-width "１２", "12页", " 12 页 ".
// Anything else ("十二", "-3", "0", "1.5", "约10") is an error saying what is wrong.
func ParsePages(s string) (int, error) {
	t := strings.TrimSpace(strings.TrimSuffix(normalizeNumberText(s), "页"))
	if t == "" {
		return 0, ErrEmpty
	}
	n := 0
	for _, c := range t {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("“%s”不是页数，请填写阿拉伯数字的整页数，如 12", strings.TrimSpace(s))
		}
		if n = n*10 + int(c-'0'); n > maxPages {
			return 0, fmt.Errorf("“%s”页过多", strings.TrimSpace(s))
		}
	}
	if n == 0 {
		return 0, fmt.Errorf("页数“%s”应至少为 1", strings.TrimSpace(s))
	}
	return n, nil
}

// maxPages is the most pages an item may have: far above any binder, and small enough for int.
const maxPages = 1_000_000
