package forms

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// IndicatorResult is a 三级 row after computation.
type IndicatorResult struct {
	Path RowPath
	// Quantitative is true when target and actual are numbers in comparable units and an
	// operator is in force: the score is then suggested by the operator rule.
	Quantitative bool
	Target       Number // the number of the 年度指标值, when it holds one
	HasTarget    bool
	TargetRead   Target // the 年度指标值 as read: number, operator wording or deadline
	Actual       Number
	HasActual    bool
	// Op is the operator in force: the one selected, or the one written in the target.
	Op Op
	// CmpTarget and CmpActual are the values compared, the 完成值 converted into the target's
	// unit; Converted is true when a conversion took place ("300厘米" against "≥266米").
	CmpTarget, CmpActual decimal.Decimal
	Converted            bool
	// Deadline is true for a 时效 row ("12月底前"); DeadlineMet when the 完成值 keeps it.
	Deadline, DeadlineMet bool
	// MissingActual is true for a quantitative or 时效 row whose 全年完成值 is blank.
	MissingActual bool

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

	// Blank is true for a row where nothing was typed (a spare row of the template).
	Blank bool
	// Exceeded is true when the 超额完成 option flags the row: its 完成值 passes the target by
	// the option's margin (ruleContext.exceeded), and a 原因说明 is asked for.
	Exceeded bool

	notes        []rowNote
	deadlineNote *rowNote // why a 时效 row has no suggestion, said when it has no score either
}

// Scored reports whether the row lets its form's total be final (docs/scoring.md §5): a row
// with a 分值 needs a valid score; a row with neither 分值 nor 得分 (blank, or text only, as
// published tables print a "/" row) is left out of the sums and does not hold the total back.
func (r *IndicatorResult) Scored() bool {
	if r.WeightErr != nil || r.ScoreErr != nil {
		return false
	}
	return r.HasScore || !r.HasWeight
}

// Unweighted reports whether the row holds something but neither a 分值 nor a 得分 (nor an
// invalid one): it counts in no sum and gets one warning of its own (checkUnscored).
func (r *IndicatorResult) Unweighted() bool {
	return !r.Blank && !r.HasWeight && !r.HasScore && r.WeightErr == nil && r.ScoreErr == nil
}

// blankWeight reports whether the row has a 得分 (or an invalid one) but no 分值: Σ分值 cannot
// be checked while such rows remain. An invalid 分值 is its own error, not a blank one.
func (r *IndicatorResult) blankWeight() bool {
	return !r.Blank && !r.HasWeight && r.WeightErr == nil && (r.HasScore || r.ScoreErr != nil)
}

// CompletionText is the printed 完成程度: computed ("100%"), or as typed (PrintedNumber).
func (r *IndicatorResult) CompletionText(in *Indicator) string {
	if r.HasCompletion {
		return FormatPercent(r.Completion)
	}
	return PrintedNumber(in.Completion)
}

// ScoreText is the printed 得分: the score in force, or the typed text when it is not a number
// (PrintedNumber).
func (r *IndicatorResult) ScoreText(in *Indicator) string {
	if r.HasScore {
		return FormatScore(r.Score)
	}
	return PrintedNumber(in.Score)
}

// evalIndicator computes one 三级 row.
func evalIndicator(p RowPath, in *Indicator, cx evalContext) *IndicatorResult {
	r := &IndicatorResult{Path: p, Blank: in.IsBlank()}
	if w, err := ParseScore(in.Weight); err == nil {
		r.Weight, r.HasWeight = w, true
	} else if err != ErrEmpty {
		r.WeightErr = err
	}
	r.readQuant(in, cx)
	weight := r.Weight // zero without a weight: the completion is still computed
	switch {
	case r.Quantitative:
		s, c, ok := QuantScore(r.Op, r.CmpTarget, r.CmpActual, weight, cx.rule)
		r.Completion, r.HasCompletion = c, ok
		r.Suggested, r.HasSuggestion = s, r.HasWeight
	case r.DeadlineMet:
		r.Completion, r.HasCompletion = decimal.NewFromInt(1), true
		r.Suggested, r.HasSuggestion = weight, r.HasWeight
	}
	if cx.opts.round {
		r.Suggested = r.Suggested.Round(2) // 得分取整: a typed 得分 has 2 decimals at most already
	}
	r.Exceeded = cx.opts.exceeded(r)
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

func evalTree(tree Tree, cx evalContext) TreeResult {
	out := make(TreeResult, len(tree))
	for i, a := range tree {
		out[i] = make([][]*IndicatorResult, len(a.Children))
		for j, b := range a.Children {
			out[i][j] = make([]*IndicatorResult, len(b.Rows))
			for k, in := range b.Rows {
				out[i][j][k] = evalIndicator(RowPath{i, j, k}, in, cx)
			}
		}
	}
	return out
}

// Sums adds up the scores and weights of the rows of 一级 l1 (all 一级 when l1 < 0).
// blankWeights counts the rows with a 得分 but an empty 分值 (blankWeight), invalid those
// whose 分值 is not a valid number.
func (t TreeResult) Sums(l1 int) (score, weight decimal.Decimal, blankWeights, invalid int) {
	for i := range t {
		if l1 >= 0 && i != l1 {
			continue
		}
		for j := range t[i] {
			for _, r := range t[i][j] {
				if r.HasScore {
					score = score.Add(r.Score)
				}
				switch {
				case r.HasWeight:
					weight = weight.Add(r.Weight)
				case r.WeightErr != nil:
					invalid++
				case r.blankWeight():
					blankWeights++
				}
			}
		}
	}
	return score, weight, blankWeights, invalid
}

// Unscored counts the rows that keep a total from being final (Scored): a 分值 without a score
// in force, or a 分值 or 得分 that is not a valid number. scored tells whether any row has a score.
func (t TreeResult) Unscored() (n int, scored bool) {
	for _, l1 := range t {
		for _, l2 := range l1 {
			for _, r := range l2 {
				if !r.Scored() {
					n++
				}
				scored = scored || r.HasScore
			}
		}
	}
	return n, scored
}

// UnitResult is the unit form after computation.
type UnitResult struct {
	Budget     map[string]*AmountResult // by row ID
	Tasks      []*AmountResult
	TasksTotal *AmountResult
	Indicators TreeResult
	Total      decimal.Decimal // 总评价得分
	WeightSum  decimal.Decimal // Σ分值
	// BlankWeights counts the indicator rows with a 得分 but an empty 分值; InvalidWeights
	// those whose 分值 is not a valid number (TreeResult.Sums).
	BlankWeights, InvalidWeights int
	// Unscored counts the rows that keep the total from being final (see TreeResult.Unscored).
	Unscored int
	// AnyScore is true when some indicator row has a score in force.
	AnyScore bool
	// Complete is true when every row with a 分值 has a score and some row has one: only then
	// are 总评价得分 and the grade shown, printed and exported.
	Complete bool
	// NotStarted is true when nothing but the header was typed into the form (NotStarted,
	// docs/scoring.md §5.1): it raises no problems and shows 未填写.
	NotStarted bool
	// NotFilled is true when the unit form is not started in a document with projects: it is
	// then neither printed nor exported.
	NotFilled bool
}

// TotalText is the printed 总评价得分, or "" while the form is incomplete.
func (u *UnitResult) TotalText() string {
	if !u.Complete {
		return ""
	}
	return FormatScore(u.Total)
}

// Rating is the grade of the unit's total, or "" while the form is incomplete.
func (u *UnitResult) Rating() string {
	if !u.Complete {
		return ""
	}
	return Rating(u.Total)
}

// contextOf is what scoring needs from doc's settings.
func contextOf(doc *Document) evalContext {
	year, _ := strconv.Atoi(strings.TrimSpace(doc.Settings.Year))
	return evalContext{rule: doc.Settings.Negative, year: year, opts: ruleContextOf(doc.Settings)}
}

func evalUnit(doc *Document) *UnitResult {
	u := &doc.Unit
	r := &UnitResult{Budget: evalAmountTable(UnitBudgetRows, u.Budget)}
	for _, t := range u.Tasks {
		r.Tasks = append(r.Tasks, evalAmounts(t.Amounts))
	}
	r.TasksTotal = sumTotal(u.TasksTotal, r.Tasks)
	r.Indicators = evalTree(u.Indicators, contextOf(doc))
	r.Total, r.WeightSum, r.BlankWeights, r.InvalidWeights = r.Indicators.Sums(-1)
	r.Unscored, r.AnyScore = r.Indicators.Unscored()
	r.Complete = r.Unscored == 0 && r.AnyScore
	r.NotStarted = NotStarted(doc, -1)
	r.NotFilled = len(doc.Projects) > 0 && r.NotStarted
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
	Total decimal.Decimal // C + D, or the 执行率封顶 cap when that is lower (Capped)
	// Uncapped is C + D. Under 执行率封顶 (Settings.RateCap) Cap is the ceiling the form's
	// 预算执行率 sets (HasCap, below 80 %), and Capped is true when Total is Cap because C + D was
	// higher; Total is the score every output shows.
	Uncapped decimal.Decimal
	Cap      decimal.Decimal
	HasCap   bool
	Capped   bool
	// Level1Weights are the 分值 sums of 产出, 效益 and 满意度.
	Level1Weights []decimal.Decimal
	WeightSum     decimal.Decimal // Σ 三级 分值 + D's 分值
	// BlankWeights counts the rows with a 得分 but no 分值, and D's 分值 when blank;
	// InvalidWeights the 分值 (D's included) that are not valid numbers.
	BlankWeights, InvalidWeights int
	// NotStarted is true when nothing but the header was typed into the form (NotStarted,
	// docs/scoring.md §5.1): it raises no problems and shows 未填写.
	NotStarted bool
	// Unscored counts the rows that keep C from being final (see TreeResult.Unscored).
	Unscored int
	// AnyScore is true when some indicator row has a score in force.
	AnyScore bool
	// Complete is true when every row with a 分值 has a score, some row has one, and D can be
	// computed: only then are C, C+D and the grade shown, printed and exported.
	Complete bool
}

// CText is the printed C, or "" while the form is incomplete.
func (p *ProjectResult) CText() string {
	if !p.Complete {
		return ""
	}
	return FormatScore(p.C)
}

// TotalText is the printed C+D, or "" while the form is incomplete.
func (p *ProjectResult) TotalText() string {
	if !p.Complete {
		return ""
	}
	return FormatScore(p.Total)
}

// Rating is the grade of the project's total, or "" while the form is incomplete.
func (p *ProjectResult) Rating() string {
	if !p.Complete {
		return ""
	}
	return Rating(p.Total)
}

// DText is the printed D, or "" when it cannot be computed.
func (p *ProjectResult) DText() string {
	if !p.HasD {
		return ""
	}
	return FormatScore(p.D)
}

func evalProject(doc *Document, i int, p *ProjectForm) *ProjectResult {
	r := &ProjectResult{Funds: evalAmountTable(ProjectFundRows, p.Funds)}
	r.Indicators = evalTree(p.Indicators, contextOf(doc))
	if w, err := ParseScore(p.FundsWeight); err == nil {
		r.DWeight, r.HasDWeight = w, true
	} else if err != ErrEmpty {
		r.DWeightErr = err
	}
	total := r.Funds["T"]
	a, b := total.Cells[ColFull], total.Cells[ColActual]
	if r.HasDWeight && a.Valid && b.Valid { // a blank 全年执行数 is not 0: nothing was spent is typed as 0
		r.D, r.HasD = ExecutionScore(r.DWeight, a.Value, b.Value)
		if doc.Settings.RoundScores {
			r.D = r.D.Round(0) // 得分取整: D in whole points
		}
	}
	r.C, r.WeightSum, r.BlankWeights, r.InvalidWeights = r.Indicators.Sums(-1)
	for l1 := range p.Indicators {
		_, w, _, _ := r.Indicators.Sums(l1)
		r.Level1Weights = append(r.Level1Weights, w)
	}
	switch {
	case r.HasDWeight:
		r.WeightSum = r.WeightSum.Add(r.DWeight)
	case r.DWeightErr != nil:
		r.InvalidWeights++
	default:
		r.BlankWeights++
	}
	r.NotStarted = NotStarted(doc, i)
	r.Total = r.C.Add(r.D)
	r.capTotal(doc.Settings.RateCap)
	r.Unscored, r.AnyScore = r.Indicators.Unscored()
	r.Complete = r.Unscored == 0 && r.AnyScore && r.HasD
	return r
}
