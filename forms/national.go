package forms

import "strings"

// NationalFundRows are the source rows of 项目资金 in the national template, under 年度资金总额
// (the row "T" of ProjectFundRows). A document keeps the seven source rows of ProjectFundRows
// whatever its template; the national form prints them grouped, by their names: the two rows of
// 财政拨款 as 当年财政拨款, 上年结转 as 上年结转资金, and the other incomes as 其他资金. An
// editor of a national document offers the first part of each (S1, S6 and S7) under the
// national names, which leaves the others blank.
var NationalFundRows = []RowDef{
	{ID: "N1", Label: "其中：当年财政拨款", Parts: []string{"S1", "S2"}},
	{ID: "N2", Label: "上年结转资金", Parts: []string{"S6"}},
	{ID: "N3", Label: "其他资金", Parts: []string{"S7", "S3", "S4", "S5"}},
}

// NationalFund is a source row of 项目资金 as the national template prints it.
type NationalFund struct {
	// Def is the row of NationalFundRows.
	Def RowDef
	// Result holds its amounts and 执行率: those of its one filled row of the document, or
	// their sums when several are filled (then computed).
	Result *AmountResult
	// Typed is what was typed into its one filled row, for printing the amounts as typed;
	// blank for sums.
	Typed Amounts
	// Edit is the row of ProjectFundRows its amounts are edited in: its one filled row, else
	// the first of Def.Parts.
	Edit string
}

// NationalFunds returns the rows of NationalFundRows of project p, r being its evaluation.
func (p *ProjectForm) NationalFunds(r *ProjectResult) []NationalFund {
	return p.GroupFunds(NationalFundRows, r)
}

// GroupFunds returns the rows of groups (a template's ProjectLayout.FundGroups) of project p, r
// being its evaluation: each group's one filled row, or the sum of its rows.
func (p *ProjectForm) GroupFunds(groups []RowDef, r *ProjectResult) []NationalFund {
	out := make([]NationalFund, 0, len(groups))
	for _, def := range groups {
		var filled []*AmountResult
		var typed Amounts
		edit := def.Parts[0]
		for _, id := range def.Parts {
			if res := r.Funds[id]; res != nil && !res.Blank() {
				filled = append(filled, res)
				if row := p.FundRow(id); row != nil {
					typed = row.Amounts
				}
				if len(filled) == 1 {
					edit = id
				}
			}
		}
		f := NationalFund{Def: def, Edit: edit}
		if len(filled) == 1 {
			f.Result, f.Typed = filled[0], typed
		} else {
			f.Edit = def.Parts[0]
			f.Result = sumTotal(Amounts{}, filled)
			f.Result.Def = def
		}
		out = append(out, f)
	}
	return out
}

// NationalTarget is the 年度指标值 of in as the national template prints it, which has no
// columns for 运算符号 and 度量单位: the operator before a number that does not write its own
// comparison, and the unit after a bare number ("≥" "95" "%" → "≥95%"). It returns the three
// pieces to join, "" where nothing is written: op, the target as typed (PrintedNumber), unit.
func (in *Indicator) NationalTarget() (op, target, unit string) {
	target = strings.TrimSpace(in.Target)
	if target == "" {
		return "", "", ""
	}
	t, ok, _ := ReadTarget(target)
	number := ok && t.HasNum
	if number && t.Wording == "" && in.Op != OpNone && in.Op.Valid() {
		op = string(in.Op)
	}
	suffixed := t.Wording != "" && strings.HasSuffix(compact(target), t.Wording) // "95以上"
	if number && bareUnit(t.Num) && !suffixed {
		unit = strings.TrimSpace(in.Unit)
	}
	return op, PrintedNumber(target), unit
}

// NationalActual is the 全年完成值 of in as the national template prints it (实际完成值): the
// unit follows a bare number when NationalTarget writes it after the target too; the value is
// printed as PrintedNumber writes it.
func (in *Indicator) NationalActual() (actual, unit string) {
	actual = strings.TrimSpace(in.Actual)
	if _, _, u := in.NationalTarget(); u != "" {
		if n, err := ParseNumber(actual); err == nil && bareUnit(n) && n.Sign == OpNone {
			unit = u
		}
	}
	return PrintedNumber(actual), unit
}

// bareUnit reports whether n is written without a unit or percent sign.
func bareUnit(n Number) bool { return n.Unit == "" && !n.Percent }

// NationalDeviation is the 偏差原因分析及改进措施 of in as the national template prints it, in
// one column: the 原因说明, then on a line of its own "改进措施：" and the 改进措施. The column
// is what the user wrote: a ticked reason is printed (its name, names joined by "、") only
// when nothing is written, so that a tick never changes a written text (the national form has
// no boxes to tick; docs/scoring.md §8). It returns the pieces to join: ticks, the separator
// after them (always "" now that ticks never precede a 原因说明), the 原因说明, the prefix of
// the measures ("\n改进措施：", or "改进措施：" when nothing comes before), the 改进措施; ""
// where nothing is written.
func (in *Indicator) NationalDeviation() (ticks, sep, reason, prefix, measures string) {
	var names []string
	for i, t := range in.Reasons.Ticks() {
		if t {
			names = append(names, reasonLabels[i])
		}
	}
	reason, measures = strings.TrimSpace(in.Reason), strings.TrimSpace(in.Measures)
	if reason == "" && measures == "" {
		ticks = strings.Join(names, "、")
	}
	if measures != "" {
		prefix = "改进措施："
		if ticks != "" || reason != "" {
			prefix = "\n" + prefix
		}
	}
	return ticks, sep, reason, prefix, measures
}
