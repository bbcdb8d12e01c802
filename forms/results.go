package forms

import (
	"github.com/shopspring/decimal"
)

// IndicatorResult is a 三级 row after computation.
type IndicatorResult struct {
	Path RowPath
	// Quantitative is true when target and actual are numbers and an operator is set: the
	// score is then suggested by the operator rule.
	Quantitative bool
	Target       Number
	HasTarget    bool
	Actual       Number
	HasActual    bool

	Weight    decimal.Decimal
	HasWeight bool
	WeightErr error

	Suggested     decimal.Decimal // the score the rules give (quantitative rows with a weight)
	HasSuggestion bool
	Score         decimal.Decimal // the score in force
	HasScore      bool
	ScoreErr      error
	// Manual is true when the user's typed score overrides a suggestion (手工调整).
	Manual bool

	Completion    decimal.Decimal // 完成程度 as a ratio, when computed
	HasCompletion bool

	Grade        Grade // the band in force: picked by the user, or derived from the score
	GradeDerived bool
}

// CompletionText is the printed 完成程度: computed ("100%"), or as typed.
func (r *IndicatorResult) CompletionText(in *Indicator) string {
	if r.HasCompletion {
		return FormatPercent(r.Completion)
	}
	return in.Completion
}

// ScoreText is the printed 得分: the score in force, or the typed text when it is not a number.
func (r *IndicatorResult) ScoreText(in *Indicator) string {
	if r.HasScore {
		return FormatScore(r.Score)
	}
	return in.Score
}

// evalIndicator computes one 三级 row.
func evalIndicator(p RowPath, in *Indicator, rule NegativeRule) *IndicatorResult {
	r := &IndicatorResult{Path: p}
	if w, err := ParseScore(in.Weight); err == nil {
		r.Weight, r.HasWeight = w, true
	} else if err != ErrEmpty {
		r.WeightErr = err
	}
	if t, err := ParseNumber(in.Target); err == nil {
		r.Target, r.HasTarget = t, true
	}
	if a, err := ParseNumber(in.Actual); err == nil {
		r.Actual, r.HasActual = a, true
	}
	op := in.Op
	if op == OpNone && r.HasTarget {
		op = r.Target.Sign // "≥50个" typed in the target carries its own operator
	}
	r.Quantitative = r.HasTarget && r.HasActual && op != OpNone
	if r.Quantitative {
		weight := r.Weight
		if !r.HasWeight {
			weight = decimal.Zero
		}
		s, c, ok := QuantScore(op, r.Target.Value, r.Actual.Value, weight, rule)
		r.Completion, r.HasCompletion = c, ok
		if r.HasWeight {
			r.Suggested, r.HasSuggestion = s, true
		}
	}
	typed, err := ParseScore(in.Score)
	switch {
	case r.HasSuggestion && !in.Manual:
		r.Score, r.HasScore = r.Suggested, true
	case err == nil:
		r.Score, r.HasScore = typed, true
		r.Manual = r.HasSuggestion
	case err != ErrEmpty:
		r.ScoreErr = err
	}
	r.Grade = in.Grade
	if r.Grade == GradeNone && r.HasScore && r.HasWeight {
		r.Grade, r.GradeDerived = GradeOf(r.Score, r.Weight), true
	}
	return r
}

// TreeResult holds the results of an indicator tree, in the tree's shape.
type TreeResult [][][]*IndicatorResult

// At returns the result of the row at p, or nil.
func (t TreeResult) At(p RowPath) *IndicatorResult {
	if p.L1 < 0 || p.L1 >= len(t) || p.L2 < 0 || p.L2 >= len(t[p.L1]) || p.Row < 0 || p.Row >= len(t[p.L1][p.L2]) {
		return nil
	}
	return t[p.L1][p.L2][p.Row]
}

func evalTree(tree Tree, rule NegativeRule) TreeResult {
	out := make(TreeResult, len(tree))
	for i, a := range tree {
		out[i] = make([][]*IndicatorResult, len(a.Children))
		for j, b := range a.Children {
			out[i][j] = make([]*IndicatorResult, len(b.Rows))
			for k, in := range b.Rows {
				out[i][j][k] = evalIndicator(RowPath{i, j, k}, in, rule)
			}
		}
	}
	return out
}

// Sums adds up the scores and weights of the rows of 一级 l1 (all 一级 when l1 < 0).
// blankWeights counts non-blank rows whose 分值 is empty.
func (t TreeResult) Sums(tree Tree, l1 int) (score, weight decimal.Decimal, blankWeights int) {
	for i := range t {
		if l1 >= 0 && i != l1 {
			continue
		}
		for j := range t[i] {
			for k, r := range t[i][j] {
				if r.HasScore {
					score = score.Add(r.Score)
				}
				if r.HasWeight {
					weight = weight.Add(r.Weight)
				} else if !tree[i].Children[j].Rows[k].IsBlank() {
					blankWeights++
				}
			}
		}
	}
	return score, weight, blankWeights
}

// UnitResult is the unit form after computation.
type UnitResult struct {
	Budget     map[string]*AmountResult // by row ID
	Tasks      []*AmountResult
	TasksTotal *AmountResult
	Indicators TreeResult
	Total      decimal.Decimal // 总评价得分
	WeightSum  decimal.Decimal // Σ分值
	// BlankWeights counts non-blank indicator rows with an empty 分值.
	BlankWeights int
}

// Rating is the grade of the unit's total.
func (u *UnitResult) Rating() string { return Rating(u.Total) }

func evalUnit(doc *Document) *UnitResult {
	u := &doc.Unit
	r := &UnitResult{Budget: evalAmountTable(UnitBudgetRows, u.Budget)}
	for _, t := range u.Tasks {
		r.Tasks = append(r.Tasks, evalAmounts(t.Amounts))
	}
	r.TasksTotal = sumTotal(u.TasksTotal, r.Tasks)
	r.Indicators = evalTree(u.Indicators, doc.Settings.Negative)
	r.Total, r.WeightSum, r.BlankWeights = r.Indicators.Sums(u.Indicators, -1)
	return r
}

// ProjectResult is a project form after computation.
type ProjectResult struct {
	Funds      map[string]*AmountResult // by row ID
	Indicators TreeResult

	DWeight    decimal.Decimal // 分值 of 年度预算资金总额
	HasDWeight bool
	DWeightErr error
	D          decimal.Decimal // 预算执行率得分
	HasD       bool

	C     decimal.Decimal // Σ得分 of 产出 + 效益 + 满意度
	Total decimal.Decimal // C + D
	// Level1Weights are the 分值 sums of 产出, 效益 and 满意度.
	Level1Weights []decimal.Decimal
	WeightSum     decimal.Decimal // Σ 三级 分值 + D's 分值
	BlankWeights  int
}

// Rating is the grade of the project's total.
func (p *ProjectResult) Rating() string { return Rating(p.Total) }

// DText is the printed D, or "" when it cannot be computed.
func (p *ProjectResult) DText() string {
	if !p.HasD {
		return ""
	}
	return FormatScore(p.D)
}

func evalProject(doc *Document, _ int, p *ProjectForm) *ProjectResult {
	r := &ProjectResult{Funds: evalAmountTable(ProjectFundRows, p.Funds)}
	r.Indicators = evalTree(p.Indicators, doc.Settings.Negative)
	if w, err := ParseScore(p.FundsWeight); err == nil {
		r.DWeight, r.HasDWeight = w, true
	} else if err != ErrEmpty {
		r.DWeightErr = err
	}
	total := r.Funds["T"]
	a, b := total.Cells[ColFull], total.Cells[ColActual]
	if r.HasDWeight && a.Valid {
		bv := decimal.Zero
		if b.Valid {
			bv = b.Value
		}
		r.D, r.HasD = ExecutionScore(r.DWeight, a.Value, bv)
	}
	r.C, r.WeightSum, r.BlankWeights = r.Indicators.Sums(p.Indicators, -1)
	for i := range p.Indicators {
		_, w, _ := r.Indicators.Sums(p.Indicators, i)
		r.Level1Weights = append(r.Level1Weights, w)
	}
	if r.HasDWeight {
		r.WeightSum = r.WeightSum.Add(r.DWeight)
	} else {
		r.BlankWeights++
	}
	r.Total = r.C.Add(r.D)
	return r
}
