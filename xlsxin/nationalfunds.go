package xlsxin

import (
	"strings"

	"ziping/forms"
)

// fundColumns maps the headings of 项目资金's columns (keys, notes like "(A)" dropped) to
// what they hold; "分值" is the weight of D. 执行率 and 得分 are computed, never read.
var fundColumns = map[string]int{"年初预算数": 0, "全年预算数": 1, "全年执行数": 2, "分值": 3}

// notTyped are the cells printed where a figure has no place ("——") or typed so in published
// tables ("/", "-"): read as blank.
var notTyped = map[string]bool{dash: true, "—": true, "/": true, "-": true, "－": true, "／": true}

// fundRowOf maps a 项目资金 row label to its ID: T for 年度资金总额, else a row of
// forms.NationalFundRows ("其中：当年财政拨款", "当年财政拨款" alike).
func fundRowOf(label string) (forms.RowDef, bool) {
	k := strings.TrimPrefix(strings.ReplaceAll(key(label), "：", ""), "其中")
	if k == "年度资金总额" {
		return forms.RowDef{ID: "T"}, true
	}
	for _, d := range forms.NationalFundRows {
		if strings.TrimPrefix(strings.ReplaceAll(d.Label, "：", ""), "其中") == k {
			return d, true
		}
	}
	return forms.RowDef{}, false
}

// funds reads 项目资金 from the header row above row first (the 年度资金总额 row) up to row end:
// each row by its label (the last filled cell left of the amounts), each amount under its
// column's heading. A source row's amounts go to the document row the editor offers for it
// (the first of its parts), unless the shadow's project prints the same there: then its own
// rows, with amounts split over several parts, come back as they were.
func (n *nationalReader) funds(first, end int) error {
	if first < 0 {
		return nil
	}
	s := n.o.s
	head, cols := fundHeadings(s, first)
	if head < 0 {
		return errAt(s.name, first, -1, "找不到项目资金的表头（年初预算数、全年预算数、全年执行数）：请按全国通用表式整理后再导入。", nil)
	}
	if end < 0 {
		end = len(s.grid)
	}
	firstAmount := len(s.grid[head])
	for c := range cols {
		firstAmount = min(firstAmount, c)
	}
	for r := head + 1; r < end; r++ {
		label := fundLabel(s, r, firstAmount)
		def, ok := fundRowOf(label)
		if !ok {
			if strings.TrimSpace(label) != "" {
				n.o.imp.note(place(s.name, r, -1) + "：“" + strings.TrimSpace(unstack(label)) + "”不是项目资金表中的行，未导入。")
			}
			continue
		}
		a, weight, err := n.fundRow(r, cols)
		if err != nil {
			return err
		}
		n.setFunds(def, a, weight)
	}
	return nil
}

// fundHeadings finds the heading row of 项目资金, row first or one of the two above it, and
// what each of its columns holds (fundColumns); head is -1 when none is found.
func fundHeadings(s *sheet, first int) (head int, cols map[int]int) {
	head, cols = -1, map[int]int{}
	for r := first; r >= max(first-2, 0) && head < 0; r-- {
		for _, x := range s.own(r) {
			if c, ok := fundColumns[key(x.text)]; ok {
				cols[x.col], head = c, r
			}
		}
	}
	return head, cols
}

// fundLabel is the label of row r of 项目资金: its last filled cell left of the amounts.
func fundLabel(s *sheet, r, firstAmount int) string {
	label := ""
	for _, x := range s.own(r) {
		if x.col < firstAmount && !x.blank() {
			label = x.text
		}
	}
	return label
}

// fundRow reads the amounts and the 分值 of row r under the columns cols.
func (n *nationalReader) fundRow(r int, cols map[int]int) (a forms.Amounts, weight string, err error) {
	for c, what := range cols {
		x := n.o.s.at(r, c)
		if x == nil || x.row != r || notTyped[strings.TrimSpace(x.text)] {
			continue
		}
		t, err := n.o.typed(x)
		if err != nil {
			return a, "", err
		}
		if what == 3 {
			weight = t
		} else {
			a.Set(forms.AmountColumns[what], t)
		}
	}
	return a, weight, nil
}

// setFunds puts the amounts read for row def into the project.
func (n *nationalReader) setFunds(def forms.RowDef, a forms.Amounts, weight string) {
	p := n.p
	if def.ID == "T" {
		if n.sh >= 0 { // the amounts as typed, where the cells show them
			sp := n.o.imp.shadow.doc.Projects[n.sh]
			if sameAmounts(sp.FundRow("T").Amounts, a) {
				a = sp.FundRow("T").Amounts
			}
			if same(sp.FundsWeight, weight) {
				weight = sp.FundsWeight
			}
		}
		p.FundRow("T").Amounts, p.FundsWeight = a, weight
		return
	}
	if n.sh >= 0 {
		sp := n.o.imp.shadow.doc.Projects[n.sh]
		for _, f := range n.o.imp.shadow.nationalFunds(n.sh) {
			if f.Def.ID == def.ID && (sameAmounts(f.Typed, a) || f.Typed.IsBlank() && sums(f.Result, a)) {
				for _, id := range def.Parts {
					p.FundRow(id).Amounts = sp.FundRow(id).Amounts
				}
				return
			}
		}
	}
	for _, id := range def.Parts {
		p.FundRow(id).Amounts = forms.Amounts{}
	}
	p.FundRow(def.Parts[0]).Amounts = a
}

// sums reports whether the amounts read are those r prints for a source row of several
// filled rows: their sums.
func sums(r *forms.AmountResult, read forms.Amounts) bool {
	for i, c := range forms.AmountColumns {
		n, err := forms.ParseNumber(read.Get(c))
		if cell := r.Cells[i]; cell.Valid != (err == nil) || cell.Valid && !cell.Value.Equal(n.Value) {
			return false
		}
	}
	return true
}

// sameAmounts reports whether the amounts read show what typed prints.
func sameAmounts(typed, read forms.Amounts) bool {
	for _, c := range forms.AmountColumns {
		if !same(typed.Get(c), read.Get(c)) {
			return false
		}
	}
	return true
}

// same reports whether a cell read shows what typed prints: the same text, or the same number
// (a workbook shows numbers in their number format).
func same(typed, read string) bool {
	typed, read = strings.TrimSpace(typed), strings.TrimSpace(read)
	if typed == read {
		return true
	}
	a, err1 := forms.ParseNumber(typed)
	b, err2 := forms.ParseNumber(read)
	// The export drops a unit of amounts (万元) and of 分值 (分), and a "+".
	return err1 == nil && err2 == nil && a.Value.Equal(b.Value) && a.Percent == b.Percent &&
		(a.Unit == b.Unit || b.Unit == "") && (a.Sign == b.Sign || b.Sign == forms.OpNone)
}
