package forms

import "strings"

// TemplateNational is the 项目支出绩效自评表 most provinces print, the layout of the Ministry of
// Finance's 2020 rules for project evaluation (财预〔2020〕10号): 8 indicator columns, the
// operator and unit written into 年度指标值, one 偏差原因分析及改进措施 column.
const TemplateNational TemplateID = "national"

// national is the national template (tables/national.go prints it, xlsxin/national.go reads it).
type national struct{}

func (national) ID() TemplateID { return TemplateNational }

func (national) Label() string { return "全国通用表式（项目支出绩效自评表）" }

// ProjectTitle is "项目支出绩效自评表" over the year: the national form names no unit in its
// title. The printed table, the editor and the import (which finds the year in it) all take it
// from here.
func (national) ProjectTitle(s Settings) string {
	return nationalTitle + "\n（" + s.Year + " 年度）"
}

// nationalTitle begins the title of a project form of the national template.
const nationalTitle = "项目支出绩效自评表"

func (national) Layout() *ProjectLayout { return &nationalLayout }

var nationalLayout = ProjectLayout{
	NameLabel:      "项目名称",
	FundsTitle:     "项目资金（万元）",
	TotalLabel:     "年度资金总额",
	FundGroups:     NationalFundRows,
	Expected:       "预期目标",
	Actual:         "实际完成情况",
	TargetLabel:    "年度指标值",
	ReasonsLabel:   "偏差原因",
	ActualLabel:    "实际完成值",
	Conclusion:     true,
	WrittenReasons: true,
	Names:          nationalNames,
	Totals:         "总分：%[3]s　　（绩效指标得分 %[1]s ＋ 执行率得分 %[2]s）　　等级：%[4]s",
}

// nationalNames rewords the checks of a project form in the names the national template prints
// (tables/national.go): 实际完成值 for 全年完成值, 偏差原因 for 未完成原因, 年度资金总额 and
// 执行率 for the Liaoning 预算执行率（D）, 总分 for C+D, 项目名称, 项目资金. The checks are
// written in the Liaoning names, which stay as they are. Longer words come first: at one place
// of a text the first word that matches is replaced.
var nationalNames = strings.NewReplacer(
	"请在绩效指标中勾选“经费保障”等原因并填写原因说明", "请在绩效指标的偏差原因分析及改进措施中写明原因",
	"全年完成值", "实际完成值",
	"未完成原因", "偏差原因",
	"项目（政策）名称", "项目名称",
	"项目预算资金（万元）", "项目资金（万元）",
	"全年预算数（A）", "全年预算数",
	"全年执行数（B）", "全年执行数",
	"预算执行率得分（D）", "执行率得分",
	"三级指标分值与预算执行率分值之和", "三级指标分值与年度资金总额分值之和",
	"预算执行率的分值", "年度资金总额的分值",
	"预算执行率", "执行率",
	"C、总得分和等级", "总分",
	"绩效自评得分", "总分",
	"总得分", "总分",
)
