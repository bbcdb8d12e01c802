package forms

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Evaluation is everything computed from a document: per-row figures, scores, totals and the
// list of problems. It is derived and never saved; recompute it after every change.
type Evaluation struct {
	Unit     *UnitResult
	Projects []*ProjectResult
	Problems []Problem

	// The problems by where they come from, so that Reevaluate can recheck one form.
	settingsProblems, unitProblems []Problem
	projectProblems                [][]Problem
	// settings are the document's settings the evaluation was computed with: after a change
	// of them (a rule option) Reevaluate recomputes every form.
	settings Settings
}

// AmountCell is one amount cell after computation.
type AmountCell struct {
	Value    decimal.Decimal // the value in force: typed if typed, else computed
	Valid    bool            // Value holds a number
	Typed    bool            // the user typed something into the cell
	Err      error           // what is wrong with the typed text
	Sum      decimal.Decimal // for a subtotal, the sum of its parts
	HasSum   bool            // at least one part holds a number
	Computed bool            // Value comes from the parts, not from the user
}

// AmountResult is one budget row after computation.
type AmountResult struct {
	Def   RowDef
	Cells [3]AmountCell
	Rate  decimal.Decimal // 执行率 = 全年执行数 / 全年预算数 as a ratio
	// HasRate is false when 全年预算数 is blank or zero.
	HasRate bool
}

// Blank reports whether the row holds no amount at all (it prints "——").
func (r *AmountResult) Blank() bool {
	for _, c := range r.Cells {
		if c.Valid || c.Typed {
			return false
		}
	}
	return true
}

// Text returns what a cell of the row shows: the typed text, or the computed sum.
func (r *AmountResult) Text(c AmountColumn, typed Amounts, fixed2 bool) string {
	cell := r.Cells[c]
	if cell.Typed {
		return DisplayAmount(typed.Get(c), fixed2)
	}
	if cell.Valid {
		return FormatAmount(cell.Value, fixed2)
	}
	return ""
}

// RateText is the printed 执行率 ("100%"), or "" when it cannot be computed.
func (r *AmountResult) RateText() string {
	if !r.HasRate {
		return ""
	}
	return FormatPercent(r.Rate)
}

// Evaluate computes every figure of doc and checks it. It never modifies doc.
func Evaluate(doc *Document) *Evaluation {
	ev := &Evaluation{Unit: evalUnit(doc), settingsProblems: append(checkSettings(doc), checkRuleSettings(doc)...), settings: doc.Settings}
	ev.unitProblems = unitProblems(doc, ev.Unit)
	for i, p := range doc.Projects {
		r := evalProject(doc, i, p)
		ev.Projects = append(ev.Projects, r)
		ev.projectProblems = append(ev.projectProblems, projectProblems(doc, i, p, r))
	}
	ev.joinProblems()
	return ev
}

// AllForms asks Reevaluate to recompute every form.
const AllForms = -2

// Reevaluate is Evaluate after a change confined to one form of doc (-1 the unit form, i ≥ 0
// project i), prev being the evaluation of doc before the change: the other forms' results and
// problems are taken from prev, so the work does not grow with the number of projects (the
// editor calls it on every key). Forms depend on each other only through the number of
// projects and the settings; with form == AllForms, or prev not matching doc's projects or
// settings (a rule option changed since), it is Evaluate. It never modifies doc or prev.
func Reevaluate(doc *Document, prev *Evaluation, form int) *Evaluation {
	if prev == nil || form == AllForms || form < -1 || form >= len(doc.Projects) || prev.settings != doc.Settings ||
		len(prev.Projects) != len(doc.Projects) || len(prev.projectProblems) != len(doc.Projects) {
		return Evaluate(doc)
	}
	ev := &Evaluation{
		Unit: prev.Unit, Projects: slices.Clone(prev.Projects), settingsProblems: prev.settingsProblems,
		unitProblems: prev.unitProblems, projectProblems: slices.Clone(prev.projectProblems), settings: prev.settings,
	}
	if form < 0 {
		ev.Unit = evalUnit(doc)
		ev.unitProblems = unitProblems(doc, ev.Unit)
	} else {
		p := doc.Projects[form]
		ev.Projects[form] = evalProject(doc, form, p)
		ev.projectProblems[form] = projectProblems(doc, form, p, ev.Projects[form])
	}
	ev.joinProblems()
	return ev
}

// unitProblems are the problems of the unit form: its checks, the rule options' (withRules) and
// the 佐证材料 lists' (evidenceProblems); none while it is not started (NotStarted).
func unitProblems(doc *Document, res *UnitResult) []Problem {
	if res.NotStarted {
		return nil
	}
	ps := withRules(doc, -1, checkUnit(doc, res), doc.Unit.Indicators, res.Indicators, nil)
	return append(ps, evidenceProblems(doc, -1, res.Indicators)...)
}

// projectProblems are the problems of project i: its checks, the rule options' (withRules) and the
// 佐证材料 lists' (evidenceProblems); none while it is not started (NotStarted).
func projectProblems(doc *Document, i int, p *ProjectForm, res *ProjectResult) []Problem {
	if res.NotStarted {
		return nil
	}
	ps := withRules(doc, i, checkProject(doc, i, p, res), p.Indicators, res.Indicators, res)
	return append(ps, evidenceProblems(doc, i, res.Indicators)...)
}

// joinProblems lists the problems in the order of the forms: settings, unit, projects.
func (ev *Evaluation) joinProblems() {
	n := len(ev.settingsProblems) + len(ev.unitProblems)
	for _, ps := range ev.projectProblems {
		n += len(ps)
	}
	ev.Problems = make([]Problem, 0, n)
	ev.Problems = append(append(ev.Problems, ev.settingsProblems...), ev.unitProblems...)
	for _, ps := range ev.projectProblems {
		ev.Problems = append(ev.Problems, ps...)
	}
}

// evalAmountTable computes a fixed budget table: typed cells are parsed, subtotals summed
// from their parts (recursively) unless typed.
func evalAmountTable(defs []RowDef, rows []AmountRow) map[string]*AmountResult {
	out := make(map[string]*AmountResult, len(defs))
	var eval func(id string) *AmountResult
	eval = func(id string) *AmountResult {
		if r, ok := out[id]; ok {
			return r
		}
		def, _ := rowDef(defs, id)
		res := &AmountResult{Def: def}
		out[id] = res
		var typed Amounts
		if row := findRow(rows, id); row != nil {
			typed = row.Amounts
		}
		parts := make([]*AmountResult, len(def.Parts))
		for i, part := range def.Parts {
			parts[i] = eval(part)
		}
		res.sumOf(typed, parts)
		return res
	}
	for _, d := range defs {
		eval(d.ID)
	}
	return out
}

// parseAmountCell parses one typed amount cell.
func parseAmountCell(text string) AmountCell {
	var cell AmountCell
	if isBlank(text) {
		return cell
	}
	cell.Typed = true
	v, err := ParseAmount(text)
	if err != nil {
		cell.Err = err
		return cell
	}
	cell.Value, cell.Valid = v, true
	return cell
}

func (r *AmountResult) setRate() {
	full, actual := r.Cells[ColFull], r.Cells[ColActual]
	if full.Valid && actual.Valid && full.Value.IsPositive() {
		r.Rate = actual.Value.DivRound(full.Value, divPrecision)
		r.HasRate = true
	}
}

// evalAmounts computes a free row (a task) that is not part of a fixed table.
func evalAmounts(a Amounts) *AmountResult {
	res := &AmountResult{}
	for _, c := range AmountColumns {
		res.Cells[c] = parseAmountCell(a.Get(c))
	}
	res.setRate()
	return res
}

// sumTotal computes a 合计 row from its parts unless typed.
func sumTotal(typed Amounts, parts []*AmountResult) *AmountResult {
	res := &AmountResult{Def: RowDef{ID: "合计", Label: "合计"}}
	res.sumOf(typed, parts)
	return res
}

// sumOf sets the cells of a row that sums parts (a subtotal, a 合计): each the typed amount, or
// when none is typed the sum of the parts' valid cells (Computed); Sum is kept for the check of
// a typed subtotal. Then the 执行率.
func (r *AmountResult) sumOf(typed Amounts, parts []*AmountResult) {
	for _, c := range AmountColumns {
		cell := parseAmountCell(typed.Get(c))
		for _, p := range parts {
			if p.Cells[c].Valid {
				cell.Sum = cell.Sum.Add(p.Cells[c].Value)
				cell.HasSum = true
			}
		}
		if !cell.Typed && cell.HasSum {
			cell.Value, cell.Valid, cell.Computed = cell.Sum, true, true
		}
		r.Cells[c] = cell
	}
	r.setRate()
}
