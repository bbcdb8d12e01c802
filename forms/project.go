package forms

// ProjectForm is a 预算项目（政策）绩效目标自评表 (docs/scoring.md §2).
type ProjectForm struct {
	Name        string      `json:"name"`         // 项目（政策）名称
	Department  string      `json:"department"`   // 主管部门
	Implementer string      `json:"implementer"`  // 实施单位
	Period      string      `json:"period"`       // 实施期
	Funds       []AmountRow `json:"funds"`        // 项目预算资金, rows of ProjectFundRows
	FundsWeight string      `json:"funds_weight"` // 分值 of 年度预算资金总额 (the weight of D)
	// FundsEvidence is the 佐证材料 list of the funds block (forms/evidence.go).
	FundsEvidence []Evidence `json:"funds_evidence,omitempty"`
	Goals         []*Goal    `json:"goals"`      // 年度总体目标
	Indicators    Tree       `json:"indicators"` // 绩效指标
	// Conclusion and Issues are the 评价结论 and 存在问题 of the national template, printed
	// under its indicators when filled; the Liaoning template has no place for them.
	Conclusion string `json:"conclusion,omitempty"`
	Issues     string `json:"issues,omitempty"`
}

// The 一级 of the project skeleton, by position.
const (
	ProjectOutput       = 0 // 产出指标
	ProjectBenefit      = 1 // 效益指标
	ProjectSatisfaction = 2 // 满意度指标
)

var projectTree = []levelSpec{
	{name: "产出指标", children: []string{"数量指标", "质量指标", "时效指标", "成本指标"}},
	{name: "效益指标", children: []string{"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}},
	{name: "满意度指标", children: []string{"服务对象满意度指标"}},
}

// Default weights of a new project form (docs/scoring.md §3, 财预〔2020〕10号): 产出 50 · 效益 30 ·
// 满意度 10 · 预算执行率 10, spread over one starting row per 二级 as the seed does.
var defaultProjectWeights = [][]string{{"13", "13", "12", "12"}, {"10", "10", "", "10"}, {"10"}}

// DefaultProjectSplit is the recommended 分值 per 一级 (产出, 效益, 满意度) and for D.
var DefaultProjectSplit = [4]int64{50, 30, 10, 10}

// NewProjectForm returns a project form with the fixed skeleton, one starting row per 二级
// carrying the default weights (none under 生态效益指标), and 分值 10 for budget execution.
func NewProjectForm() *ProjectForm {
	p := &ProjectForm{
		Funds:       newAmountRows(ProjectFundRows),
		FundsWeight: "10",
		Goals:       []*Goal{{}},
		Indicators:  newTree(projectTree),
	}
	for i, ws := range defaultProjectWeights {
		for j, w := range ws {
			if w != "" {
				p.Indicators[i].Children[j].Rows = []*Indicator{{Weight: w}}
			}
		}
	}
	return p
}

// FundRow returns the fund row with id (one of ProjectFundRows), or nil.
func (p *ProjectForm) FundRow(id string) *AmountRow { return findRow(p.Funds, id) }
