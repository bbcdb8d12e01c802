package xlsxin

import (
	"strings"

	"ziping/forms"
)

// indicator reads the cells of a 三级 row. Where the workbook's shadow has a row that prints
// exactly these cells, that row comes back as it was typed (the 运算符号, 度量单位 and ticks the
// joined cells hold, its 评级 and 手工调整); else the cells are read as they show: the name
// without its "指标 N：" (unless the shadow's document does not print it, 设置 › 指标编号, so a
// name typed with its own "指标1:" stays whole), the 年度指标值 and 实际完成值 as written (forms reads a sign or unit
// in them), the 偏差原因分析及改进措施 split back into its ticks, 原因说明 and 改进措施.
// typedScore reports a 得分 read as typed, to be settled as 手工调整 or not (settleManual).
// in is nil for a row that holds nothing but "/" or "——".
func (t *nationalTree) indicator(c [ncCount]*cell) (in *forms.Indicator, typedScore bool, err error) {
	var v [ncCount]string
	for i := ncContent; i < ncCount; i++ {
		if v[i], err = t.n.o.typed(c[i]); err != nil {
			return nil, false, err
		}
	}
	if sh := t.n.o.imp.shadow; sh == nil || !sh.doc.Settings.HideIndicatorNumbers {
		v[ncContent] = numberPrefixRE.ReplaceAllString(v[ncContent], "") // the form printed it
	}
	scoreFormula := c[ncScore] != nil && c[ncScore].formula
	if in := t.fromShadow(v, scoreFormula); in != nil {
		return in, false, nil
	}
	for i := ncContent; i < ncDeviation; i++ {
		if notTyped[strings.TrimSpace(v[i])] { // "/" or "——" of a published table: nothing
			v[i] = ""
		}
	}
	in = &forms.Indicator{Content: v[ncContent], Target: v[ncTarget], Actual: v[ncActual], Weight: v[ncWeight], Score: v[ncScore]}
	readDeviation(in, v[ncDeviation])
	if in.IsBlank() {
		return nil, false, nil // a row of "/" (not applicable) in a published table
	}
	if sh := t.shadowAt(); sh != nil {
		partly(in, sh, v)
	}
	return in, in.Score != "", nil
}

// shadowAt is the shadow's row at the place the row being read takes in the tree, or nil.
func (t *nationalTree) shadowAt() *forms.Indicator {
	if t.n.sh < 0 {
		return nil
	}
	tree := t.n.o.imp.shadow.doc.Projects[t.n.sh].Indicators
	i, j, k := len(t.tree)-1, len(t.l1.Children)-1, len(t.l2.Rows)
	if i >= len(tree) || j >= len(tree[i].Children) || k >= len(tree[i].Children[j].Rows) {
		return nil
	}
	return tree[i].Children[j].Rows[k]
}

// partly takes from sh, the shadow's row in the same place, the typed parts of each joined
// cell of the row read that still shows what sh prints there: a row edited in one cell keeps
// the rest as typed (the other cells, by reconcile).
func partly(in, sh *forms.Indicator, v [ncCount]string) {
	op, target, unit := sh.NationalTarget()
	if same(op+target+unit, v[ncTarget]) {
		in.Op, in.Target, in.Unit = sh.Op, sh.Target, sh.Unit
		if actual, u := sh.NationalActual(); same(actual+u, v[ncActual]) {
			in.Actual = sh.Actual
		}
	}
	ticks, sep, reason, prefix, measures := sh.NationalDeviation()
	if strings.TrimSpace(ticks+sep+reason+prefix+measures) == strings.TrimSpace(v[ncDeviation]) {
		in.Reasons, in.Reason, in.Measures = sh.Reasons, sh.Reason, sh.Measures
	}
}

// fromShadow returns a copy of the first unused shadow row that prints v, or nil.
func (t *nationalTree) fromShadow(v [ncCount]string, scoreFormula bool) *forms.Indicator {
	if t.used == nil {
		t.used = map[int]bool{}
	}
	for i, in := range t.shadowRows {
		if t.used[i] || !printsAs(in, v, scoreFormula) {
			continue
		}
		t.used[i] = true
		cp := *in
		return &cp
	}
	return nil
}

// printsAs reports whether in is printed as the cells v of the national form (tables/national.go).
func printsAs(in *forms.Indicator, v [ncCount]string, scoreFormula bool) bool {
	op, target, unit := in.NationalTarget()
	actual, actualUnit := in.NationalActual()
	ticks, sep, reason, prefix, measures := in.NationalDeviation()
	return in.Content == v[ncContent] &&
		same(op+target+unit, v[ncTarget]) && same(actual+actualUnit, v[ncActual]) &&
		same(in.Weight, v[ncWeight]) && (scoreFormula || same(in.Score, v[ncScore])) &&
		strings.TrimSpace(ticks+sep+reason+prefix+measures) == strings.TrimSpace(v[ncDeviation])
}

// readDeviation splits a 偏差原因分析及改进措施 as forms.Indicator.NationalDeviation writes it:
// the names of the ticked reasons joined by "、" (then "：" before a 原因说明), the 原因说明,
// and after "改进措施：" the 改进措施. Text that does not begin with reasons' names is the
// 原因说明 as written.
func readDeviation(in *forms.Indicator, text string) {
	text = strings.TrimSpace(text)
	if text == "" || notTyped[text] {
		return
	}
	if i := strings.Index(text, "改进措施："); i >= 0 {
		in.Measures = strings.TrimSpace(text[i+len("改进措施："):])
		text = strings.TrimSpace(text[:i])
	}
	head, rest, colon := strings.Cut(text, "：")
	if !colon {
		head, rest = text, ""
	}
	var ticks []int
	for _, name := range strings.Split(head, "、") {
		k := -1
		for i, l := range forms.ReasonLabels() {
			if strings.TrimSpace(name) == l {
				k = i
			}
		}
		if k < 0 {
			in.Reason = text
			return
		}
		ticks = append(ticks, k)
	}
	for _, k := range ticks {
		in.Reasons.SetTick(k, true)
	}
	in.Reason = strings.TrimSpace(rest)
}
