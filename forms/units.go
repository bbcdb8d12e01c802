package forms

import (
	"strings"

	"github.com/shopspring/decimal"
)

// UnitKind is a group of units that convert into each other by a fixed factor.
type UnitKind struct {
	Name  string       // 长度, 重量, …
	Units []UnitFactor // the units, the base unit (factor 1) first
}

// UnitFactor is a unit and how many base units it holds.
type UnitFactor struct {
	Names  []string // spellings: "千米", "公里", "km"
	Factor string   // exact decimal, or a fraction "2000/3"
}

// UnitKinds is the table of units the program converts. Units of one kind are compared after
// conversion ("300厘米" against "≥266米"); units of different kinds, or a unit not in this
// table that differs from the other side's, stop the suggested score with a message. Days and
// months are separate kinds: a month has no fixed number of days. The README's 用户说明 prints
// this table; units_test.go checks each entry.
var UnitKinds = []UnitKind{
	{Name: "百分比", Units: []UnitFactor{{Names: []string{"%", "百分比"}, Factor: "1"}, {Names: []string{"‰", "千分比"}, Factor: "0.1"}}},
	{Name: "长度", Units: []UnitFactor{
		{Names: []string{"米", "m"}, Factor: "1"}, {Names: []string{"毫米", "mm"}, Factor: "0.001"},
		{Names: []string{"厘米", "cm"}, Factor: "0.01"}, {Names: []string{"分米", "dm"}, Factor: "0.1"},
		{Names: []string{"千米", "公里", "km"}, Factor: "1000"},
	}},
	{Name: "面积", Units: []UnitFactor{
		{Names: []string{"平方米", "平米", "㎡", "m²"}, Factor: "1"},
		{Names: []string{"平方千米", "平方公里", "km²", "㎞²"}, Factor: "1000000"},
		{Names: []string{"公顷"}, Factor: "10000"}, {Names: []string{"亩"}, Factor: "2000/3"},
		{Names: []string{"万亩"}, Factor: "20000000/3"},
	}},
	{Name: "重量", Units: []UnitFactor{
		{Names: []string{"千克", "公斤", "kg"}, Factor: "1"}, {Names: []string{"克", "g"}, Factor: "0.001"},
		{Names: []string{"斤"}, Factor: "0.5"}, {Names: []string{"吨", "t"}, Factor: "1000"},
		{Names: []string{"万吨"}, Factor: "10000000"},
	}},
	{Name: "时长（天以下）", Units: []UnitFactor{
		{Names: []string{"天", "日"}, Factor: "1"}, {Names: []string{"周", "星期"}, Factor: "7"},
		{Names: []string{"小时", "h"}, Factor: "1/24"}, {Names: []string{"分钟", "min"}, Factor: "1/1440"},
	}},
	{Name: "时长（月以上）", Units: []UnitFactor{
		{Names: []string{"月", "个月"}, Factor: "1"}, {Names: []string{"季度"}, Factor: "3"},
		{Names: []string{"年"}, Factor: "12"},
	}},
	{Name: "工作日", Units: []UnitFactor{{Names: []string{"工作日", "个工作日"}, Factor: "1"}}},
	{Name: "金额", Units: []UnitFactor{
		{Names: []string{"元"}, Factor: "1"}, {Names: []string{"千元"}, Factor: "1000"},
		{Names: []string{"万元"}, Factor: "10000"}, {Names: []string{"百万元"}, Factor: "1000000"},
		{Names: []string{"亿元"}, Factor: "100000000"},
	}},
	{Name: "计数", Units: []UnitFactor{
		{Names: countUnits, Factor: "1"},
		{Names: prefixed("万", countUnits), Factor: "10000"},
		{Names: prefixed("亿", countUnits), Factor: "100000000"},
	}},
}

// countUnits are the measure words of counted things: one of them is one of another ("个" and
// "项" both count items), as accountants use them interchangeably in one row.
var countUnits = []string{"个", "次", "人", "人次", "户", "家", "项", "件", "份", "台", "套", "辆", "所",
	"座", "场", "期", "篇", "本", "册", "批", "名", "位", "张", "条", "处", "栋", "间", "床", "张次", "例", "宗",
	"笔", "支", "部", "类", "种", "只", "头", "株", "棵", "户次", "家次", "项次", "课时", "学时", "班", "组"}

func prefixed(p string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = p + n
	}
	return out
}

type unitEntry struct {
	kind   string
	factor decimal.Decimal
}

// unitIndex maps every spelling (lower case) to its kind and factor.
var unitIndex = buildUnitIndex()

func buildUnitIndex() map[string]unitEntry {
	idx := map[string]unitEntry{}
	for _, k := range UnitKinds {
		for _, u := range k.Units {
			f := parseFactor(u.Factor)
			for _, n := range u.Names {
				idx[strings.ToLower(n)] = unitEntry{kind: k.Name, factor: f}
			}
		}
	}
	return idx
}

func parseFactor(s string) decimal.Decimal {
	num, den, frac := strings.Cut(s, "/")
	f := decimal.RequireFromString(num)
	if frac {
		f = f.DivRound(decimal.RequireFromString(den), divPrecision)
	}
	return f
}

// normUnit is the spelling a unit is compared by: full-width mapped, spaces dropped, "百分比" as "%".
func normUnit(u string) string {
	u = compact(u)
	if e, ok := unitIndex[strings.ToLower(u)]; ok && e.kind == "百分比" && e.factor.Equal(decimal.NewFromInt(1)) {
		return "%"
	}
	return u
}

// lookupUnit returns the kind and factor of u, if it is in UnitKinds.
func lookupUnit(u string) (unitEntry, bool) {
	e, ok := unitIndex[strings.ToLower(compact(u))]
	return e, ok
}
