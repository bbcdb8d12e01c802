package forms

import "strings"

// TemplateWeight is the 分值 a new project form puts in the starting row of the 二级 named l2
// under the 一级 named l1 (NewProjectForm: defaultProjectWeights), "" where it puts none (生态效益
// 指标, any 二级 of the unit form, a 二级 named otherwise).
func TemplateWeight(l1, l2 string) string {
	for i, a := range projectTree {
		if a.name != l1 {
			continue
		}
		for j, b := range a.children {
			if b == l2 && j < len(defaultProjectWeights[i]) {
				return defaultProjectWeights[i][j]
			}
		}
	}
	return ""
}

// Untouched reports whether the 三级 row at p holds nothing the user typed: every field is
// blank, as 添加指标 adds a row, or blank but for the 分值 a new project form puts in the
// starting row of that 二级 (TemplateWeight). A new project holds one such row in every 二级
// but one; they only keep the 二级's place, and PlaceReplacing replaces them.
func (t Tree) Untouched(p RowPath) bool {
	in := t.Row(p)
	return in != nil && in.untouched(TemplateWeight(t[p.L1].Name, t[p.L1].Children[p.L2].Name))
}

// untouched reports whether in is blank but for a 分值 of "" or weight.
func (in *Indicator) untouched(weight string) bool {
	rest := *in
	rest.Weight = ""
	w := strings.TrimSpace(in.Weight)
	return rest.IsBlank() && (w == "" || w == weight)
}

// PlaceReplacing places rows as Place does, after removing the untouched rows (Untouched) of
// every 二级 that receives at least one of them: rows pasted into a new project take the place
// of its empty starting rows instead of following them, so the project is not left incomplete
// by rows the user never filled in. It returns Place's notes and how many rows it removed.
func (t Tree) PlaceReplacing(rows []TableRow, l1, l2 int) (notes []string, replaced int) {
	done := map[[2]int]bool{}
	for _, r := range rows {
		i, j, _ := t.destination(r, l1, l2)
		b := t.Level2At(i, j)
		if b == nil || done[[2]int{i, j}] {
			continue
		}
		done[[2]int{i, j}] = true
		weight := TemplateWeight(t[i].Name, b.Name)
		var kept []*Indicator
		for _, in := range b.Rows {
			if in.untouched(weight) {
				replaced++
			} else {
				kept = append(kept, in)
			}
		}
		b.Rows = append([]*Indicator{}, kept...) // never nil: a 二级 without rows saves as []
	}
	return t.Place(rows, l1, l2), replaced
}

// TemplateRows lists, in printed order, the untouched rows that hold a 分值: the starting rows a
// new project form put in its 二级 and nobody filled in. Each keeps the form incomplete (a row
// with a 分值 and no 得分), so a paste offers to remove those it does not replace.
func (t Tree) TemplateRows() []RowPath {
	var out []RowPath
	t.Each(func(p RowPath, _ *Level1, _ *Level2, in *Indicator) {
		if !isBlank(in.Weight) && t.Untouched(p) {
			out = append(out, p)
		}
	})
	return out
}
