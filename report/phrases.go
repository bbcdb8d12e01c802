package report

import (
	"fmt"
	"regexp"
	"strings"
)

// phrases is the one table of the report's sentences: every sentence the program writes comes
// from here, its figures put into the named slots ({名称}) by say. Keeping them in one place lets
// a reader check the wording (plain official Chinese) and a test fill every slot
// (phrases_test.go). A 【请补充：…】 marker is a place the program cannot know; the .docx writer
// highlights it.
var phrases = map[string]string{
	// 基本情况
	"单位概况":   "{单位名称}现有财政供养人员{人员}人，所属单位{所属单位}个。【请补充：单位主要职能、内设机构及年度重点工作】",
	"单位概况无数": "【请补充：单位主要职能、内设机构、人员情况及年度重点工作】",
	"单位资金":   "{年度}年度部门预算收入全年预算数{收入预算}万元、全年执行数{收入执行}万元；部门预算支出全年预算数{支出预算}万元、全年执行数{支出执行}万元，预算执行率{执行率}。",
	"单位资金缺":  "本年度收支情况未填全，【请补充：全年预算数、全年执行数及执行率】",
	"项目概况":   "{项目名称}由{主管部门}主管、{实施单位}实施，实施期为{实施期}。【请补充：项目立项依据、主要内容和资金用途】",
	"项目资金":   "该项目年度预算资金总额全年预算数{全年预算数}万元、全年执行数{全年执行数}万元，预算执行率{执行率}。",
	"项目资金缺":  "该项目预算资金未填全，【请补充：全年预算数、全年执行数及执行率】",
	"目标":     "{目标}",
	"目标完成":   "年初目标：{目标}；全年完成情况：{完成}",
	"目标缺":    "【请补充：年度绩效目标】",
	// 绩效目标完成情况
	"指标":   "{二级}“{指标}”：年度指标值{指标值}，全年完成值{完成值}{完成程度}{得分}。",
	"完成程度": "，完成程度{完成程度}",
	"得分分值": "，得分{得分}分（分值{分值}分）",
	"仅得分":  "，得分{得分}分",
	"仅分值":  "，分值{分值}分",
	// 偏差及原因分析
	"未完成":   "{二级}“{指标}”未完全达成目标（年度指标值{指标值}，全年完成值{完成值}{得分}），原因：{原因}。",
	"原因勾选":  "{勾选}方面",
	"原因说明":  "{说明}",
	"原因未写":  "【请补充：未完成原因】",
	"均已完成":  "各项绩效指标均已完成年度目标，未发现明显偏差。",
	"执行率偏差": "预算执行率为{执行率}，【请补充：资金未全部执行的原因】",
	// 存在的问题和改进措施
	"问题":   "【请补充：绩效管理中存在的主要问题】",
	"改进措施": "【请补充：针对上述问题拟采取的改进措施】",
	"指标措施": "{二级}“{指标}”：{措施}。",
	// 自评结论
	"单位结论":  "经自评，{单位名称}{年度}年度部门整体绩效自评总评价得分{总得分}分，自评等级为“{等级}”。",
	"项目结论":  "经自评，该项目产出、效益和满意度指标得分（C）{C}分，预算执行率得分（D）{D}分，总得分{总得分}分，自评等级为“{等级}”。",
	"未完成评分": "本表尚未填写完整，得分和等级待填写完整后确定。【请补充：自评得分和等级】",
	"结果应用":  "【请补充：自评结果的应用情况（如整改落实、预算安排、信息公开等）】",
	// 附件
	"材料":   "{所属}：{名称}（{类型}，{页数}）",
	"材料无页": "{所属}：{名称}（{类型}）",
	"材料仅名": "{所属}：{名称}",
	"无材料":  "本报告未列佐证材料。【请补充：佐证材料清单】",
}

// fragments are the phrases that continue a sentence (they begin with its comma); every other
// phrase is a whole sentence or a whole item.
var fragments = map[string]bool{"完成程度": true, "得分分值": true, "仅得分": true, "仅分值": true}

// slotRe finds a slot of a phrase: {名称}.
var slotRe = regexp.MustCompile(`\{([^{}]+)\}`)

// say fills phrase key with slots. A phrase asked for that is not in the table, or a slot it
// names that is not given, is a mistake of the program, not of the user: it panics, and
// phrases_test.go fills every phrase so that it cannot reach a user.
func say(key string, slots map[string]string) string {
	p, ok := phrases[key]
	if !ok {
		panic("report: no phrase " + key)
	}
	return slotRe.ReplaceAllStringFunc(p, func(m string) string {
		name := m[1 : len(m)-1]
		v, ok := slots[name]
		if !ok {
			panic(fmt.Sprintf("report: phrase %s has no value for {%s}", key, name))
		}
		return v
	})
}

// slotsOf lists the slot names of phrase key, in order.
func slotsOf(key string) []string {
	var out []string
	for _, m := range slotRe.FindAllStringSubmatch(phrases[key], -1) {
		out = append(out, m[1])
	}
	return out
}

// blankAs is s, or the 【请补充】 marker naming what is missing when s is blank: a sentence never
// prints an empty slot ("实施期为。").
func blankAs(s, what string) string {
	if strings.TrimSpace(s) == "" {
		return "【请补充：" + what + "】"
	}
	return strings.TrimSpace(s)
}
