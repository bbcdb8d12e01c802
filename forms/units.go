package forms

import (
	"slices"
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

// unitKinds is the table of units the program converts. Units of one kind are compared after
// conversion ("300厘米" against "≥266米"); units of different kinds, or a unit not in this
// table that differs from the other side's, stop the suggested score with a message. Days and
// months are separate kinds: a month has no fixed number of days. docs/scoring.md §6.4 prints
// this table; units_test.go checks each entry.
var unitKinds = []UnitKind{
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
	countKind("计数（件）", "个", "项", "件", "份", "套", "台", "辆", "座", "所", "栋", "间", "张", "条", "处", "本", "册",
		"篇", "支", "部", "只", "批", "宗", "笔", "例", "类", "种"),
	countKind("人数", "人", "名", "位"),
	countKind("人次", "人次"),
	countKind("户数", "户", "家"),
	countKind("次数", "次", "场", "期"),
	countKind("床位", "床", "张床"),
	countKind("学时", "学时", "课时"),
}

// countKind is a group of measure words that count the same things, one of them as much as
// another (个 and 项 both count items); with "万" and "亿" before them they count ten
// thousands and hundred millions. Measure words of different groups (户 and 人) are not compared.
func countKind(name string, words ...string) UnitKind {
	return UnitKind{Name: name, Units: []UnitFactor{
		{Names: words, Factor: "1"},
		{Names: prefixed("万", words), Factor: "10000"},
		{Names: prefixed("亿", words), Factor: "100000000"},
	}}
}

func prefixed(p string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = p + n
	}
	return out
}

// unitEntry is a unit's kind and its factor as an exact fraction num/den (亩 is 2000/3 m²):
// conversions divide once, so "1天" against "≥24小时" is exactly 24.
type unitEntry struct {
	kind     string
	num, den decimal.Decimal
}

// factor is the entry's factor, rounded, for tests.
func (e unitEntry) factor() decimal.Decimal { return e.num.DivRound(e.den, divPrecision) }

// convert expresses v, in unit from, in unit to (of the same kind).
func convert(v decimal.Decimal, from, to unitEntry) decimal.Decimal {
	return v.Mul(from.num).Mul(to.den).DivRound(from.den.Mul(to.num), divPrecision)
}

// UnitKinds is the table of units the program converts (docs/scoring.md §6.4): a copy each
// time, down to the names.
func UnitKinds() []UnitKind {
	out := slices.Clone(unitKinds)
	for i := range out {
		out[i].Units = slices.Clone(out[i].Units)
		for j := range out[i].Units {
			out[i].Units[j].Names = slices.Clone(out[i].Units[j].Names)
		}
	}
	return out
}

// unitIndex maps every spelling (lower case) to its kind and factor.
var unitIndex = buildUnitIndex()

func buildUnitIndex() map[string]unitEntry {
	idx := map[string]unitEntry{}
	for _, k := range unitKinds {
		for _, u := range k.Units {
			num, den := parseFactor(u.Factor)
			for _, n := range u.Names {
				idx[strings.ToLower(n)] = unitEntry{kind: k.Name, num: num, den: den}
			}
		}
	}
	return idx
}

func parseFactor(s string) (num, den decimal.Decimal) {
	n, d, frac := strings.Cut(s, "/")
	if !frac {
		d = "1"
	}
	return decimal.RequireFromString(n), decimal.RequireFromString(d)
}

// normUnit is the spelling a unit is compared by: full-width mapped, spaces dropped, "百分比" as "%".
func normUnit(u string) string {
	u = compact(u)
	if e, ok := unitIndex[strings.ToLower(u)]; ok && e.kind == "百分比" && e.num.Equal(e.den) {
		return "%"
	}
	return u
}

// lookupUnit returns the kind and factor of u, if it is in UnitKinds.
func lookupUnit(u string) (unitEntry, bool) {
	e, ok := unitIndex[strings.ToLower(compact(u))]
	return e, ok
}
