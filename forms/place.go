package forms

import (
	"fmt"
	"strings"
)

// Place adds rows to t: each under the 一级 and 二级 it names (matched by name, ignoring
// spaces, weight notes and a trailing "指标"); a 二级 found once in the tree places a row whose
// 一级 is blank, misspelt or another; a 一级 with one 二级 places a row naming no 二级; other
// rows go under the 二级 at (l1, l2). It returns a note for each row placed elsewhere than it
// names, or refused (its 二级 full).
func (t Tree) Place(rows []TableRow, l1, l2 int) (notes []string) {
	for _, r := range rows {
		i, j, found, exact := t.find(r.Level1, r.Level2)
		switch {
		case !found:
			i, j = l1, l2
			if r.Level1 != "" || r.Level2 != "" {
				notes = append(notes, fmt.Sprintf("第 %d 行：找不到“%s › %s”，放在“%s”下", r.Line, r.Level1, r.Level2, t.blockName(l1, l2)))
			}
		case !exact:
			notes = append(notes, fmt.Sprintf("第 %d 行：没有“%s › %s”，放在“%s”下", r.Line, r.Level1, r.Level2, t.blockName(i, j)))
		}
		in := t.AddRow(i, j)
		if in == nil {
			notes = append(notes, fmt.Sprintf("第 %d 行：“%s”已有 %d 行，未加入", r.Line, t.blockName(i, j), MaxRowsPerLevel2))
			continue
		}
		*in = r.In
	}
	return notes
}

// destination is the 二级 Place puts r under: the one it names or its 二级 alone names (named),
// else (l1, l2).
func (t Tree) destination(r TableRow, l1, l2 int) (i, j int, named bool) {
	if i, j, named, _ = t.find(r.Level1, r.Level2); named {
		return i, j, true
	}
	return l1, l2, false
}

func (t Tree) blockName(l1, l2 int) string {
	if b := t.Level2At(l1, l2); b != nil {
		return t[l1].Name + " › " + b.Name
	}
	return "（无）"
}

// find locates the 二级 a row names: under the 一级 named l1 the 二级 named l2 (or, l2 blank,
// the 一级's only 二级): exact; else the one 二级 named l2 in the whole tree, whatever l1 says
// (exact when l1 is blank): published tables misspell, abbreviate or rename the 一级 ("产出",
// "项目完成指标") far more than the 二级; else, l2 found nowhere, the only 二级 of the 一级
// named l1.
func (t Tree) find(l1, l2 string) (i, j int, found, exact bool) {
	k1, k2 := levelKey(l1), levelKey(l2)
	i, j, only, found := t.under(k1, k2)
	switch {
	case found:
		return i, j, true, true
	case k2 == "":
		return 0, 0, false, false
	}
	i, j, n := t.level2Named(k2)
	if n == 0 && only >= 0 { // "满意度指标 › 满意度": the 一级's one 二级, named otherwise
		return only, 0, true, false
	}
	return i, j, n == 1, n == 1 && k1 == ""
}

// under looks for the 二级 keyed k2 under the 一级 keyed k1 (its only 二级 when k2 is blank);
// only is that 一级 when it has one 二级, else -1.
func (t Tree) under(k1, k2 string) (i, j, only int, found bool) {
	only = -1
	if k1 == "" {
		return 0, 0, only, false
	}
	for i, a := range t {
		if levelKey(a.Name) != k1 {
			continue
		}
		if len(a.Children) == 1 {
			if only = i; k2 == "" {
				return i, 0, only, true
			}
		}
		for j, b := range a.Children {
			if levelKey(b.Name) == k2 {
				return i, j, only, true
			}
		}
	}
	return 0, 0, only, false
}

// Level1For is, for a table read label by label (a national sheet: xlsxin/nationalrows.go), the
// 一级 of t that a 二级 labelled level2 belongs to when the table's 一级 label (level1) is blank
// or names no 一级 of t: the 一级 of the one 二级 of t so named, as Place does for a pasted row.
// A label naming a 一级 of t in other words ("效益" for 效益指标, "产出指标（50分）") is that 一级
// (ok true when the name differs). ok is false when level1 is that 一级's own name, or the 二级
// is not found exactly once.
func (t Tree) Level1For(level1, level2 string) (name string, ok bool) {
	if k1 := levelKey(level1); k1 != "" {
		for _, a := range t {
			if levelKey(a.Name) == k1 {
				return a.Name, a.Name != strings.TrimSpace(level1)
			}
		}
	}
	k2 := levelKey(level2)
	if k2 == "" {
		return "", false
	}
	i, _, n := t.level2Named(k2)
	if n != 1 {
		return "", false
	}
	return t[i].Name, true
}

// level2Named returns the last 二级 keyed k2 in the tree and how many there are.
func (t Tree) level2Named(k2 string) (i, j, n int) {
	for a := range t {
		for b, l2 := range t[a].Children {
			if levelKey(l2.Name) == k2 {
				i, j, n = a, b, n+1
			}
		}
	}
	return i, j, n
}

// levelKey is a 一级 or 二级 name as compared: no spaces, weight note or trailing "指标".
func levelKey(s string) string {
	name, _ := SplitWeightNote(s)
	return strings.TrimSuffix(compact(name), "指标")
}
