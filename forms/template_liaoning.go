package forms

// TemplateLiaoning is Liaoning's 预算项目（政策）绩效目标自评表, the seed's layout (the default).
const TemplateLiaoning TemplateID = "liaoning"

// liaoning is the default template: the form the checks are written for (its Names are nil).
type liaoning struct{}

func (liaoning) ID() TemplateID { return TemplateLiaoning }

func (liaoning) Label() string {
	return "辽宁省表式（预算项目（政策）绩效目标自评表）"
}

// ProjectTitle names the year and the 单位简称 on one line.
func (liaoning) ProjectTitle(s Settings) string {
	return s.Year + " 年" + s.UnitShortName + "预算项目（政策）绩效目标自评表"
}

func (liaoning) Layout() *ProjectLayout { return &liaoningLayout }

var liaoningLayout = ProjectLayout{
	NameLabel:    "项目（政策）名称",
	Period:       true,
	FundsTitle:   "项目预算资金（万元）",
	Expected:     "年初设定目标",
	Actual:       "全年实际完成情况",
	Completion:   true,
	TargetLabel:  "年度目标值",
	ReasonsLabel: "未完成原因",
	ActualLabel:  "全年完成值",
	Totals:       "产出、效益、满意度指标自评得分小计（C）：%[1]s　　预算执行率得分（D）：%[2]s　　绩效自评总得分（C+D）：%[3]s　　等级：%[4]s",
}
