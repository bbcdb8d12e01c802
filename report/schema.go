package report

// schemaBlock is what a block of the template may name: its values and its inner blocks. The
// scopes data.go builds hold exactly these names (schema_test.go), and docs/报告模板.md lists
// them for the people who edit templates.
type schemaBlock struct {
	vals  []string
	lists map[string]schemaBlock
}

// indicatorBlock is one 三级 indicator: {{#指标}} inside 单位 or 项目, and {{#未完成指标}}.
var indicatorBlock = schemaBlock{vals: []string{"一级", "二级", "指标名称", "指标值", "完成值", "完成程度", "得分", "分值", "未完成原因", "指标改进措施", "指标句"}}

// formVals are the values common to the unit's block and a project's.
var formVals = []string{
	"资金情况", "全年预算数", "全年执行数", "执行率", "绩效目标", "指标完成情况", "偏差分析",
	"存在问题", "改进措施", "自评结论", "结果应用", "总得分", "等级",
}

// schema is the whole template's: the top level and its blocks.
var schema = schemaBlock{
	vals: []string{"年度", "单位名称", "单位简称", "佐证材料说明"},
	lists: map[string]schemaBlock{
		"单位": {
			vals:  append([]string{"单位概况", "人员数", "所属单位数", "收入全年预算数", "收入全年执行数"}, formVals...),
			lists: map[string]schemaBlock{"指标": indicatorBlock, "未完成指标": indicatorBlock},
		},
		"项目": {
			vals:  append([]string{"项目序号", "项目名称", "主管部门", "实施单位", "实施期", "项目概况", "C", "D"}, formVals...),
			lists: map[string]schemaBlock{"指标": indicatorBlock, "未完成指标": indicatorBlock},
		},
		"佐证材料": {vals: []string{"材料序号", "所属", "材料名称", "材料类型", "页数", "材料句"}},
	},
}

// schemaNames is every name the template may use anywhere, blocks too, for telling an unknown
// name from one used outside its block.
func schemaNames() map[string]struct{} {
	names := map[string]struct{}{}
	var walk func(b schemaBlock)
	walk = func(b schemaBlock) {
		for _, v := range b.vals {
			names[v] = struct{}{}
		}
		for n, l := range b.lists {
			names[n] = struct{}{}
			walk(l)
		}
	}
	walk(schema)
	return names
}

// probeScope is a scope of the schema with one item in each list, its values blank: filling a
// template with it finds every unknown or misplaced name, even in blocks the document leaves
// empty (a document without projects still has its template checked).
func probeScope(b schemaBlock) *scope {
	sc := newScope()
	for _, v := range b.vals {
		sc.vals[v] = "x"
	}
	for n, l := range b.lists {
		sc.lists[n] = []*scope{probeScope(l)}
	}
	return sc
}
