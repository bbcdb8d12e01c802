package forms

import (
	"errors"
	"fmt"
)

// normalize makes a freshly decoded document complete: missing fixed rows are added blank and
// empty lists become non-nil. It refuses what it cannot repair without guessing (unknown or
// repeated row IDs, null entries, a 表式 this program does not have, which would print as
// another) and never changes a value that was typed.
func (d *Document) normalize() error {
	if _, err := LookupTemplate(d.Settings.Template); err != nil {
		return err
	}
	if d.Settings.Amounts == "" {
		d.Settings.Amounts = AmountsAsTyped
	}
	if d.Settings.Negative == "" {
		d.Settings.Negative = NegativeRatio
	}
	u := &d.Unit
	rows, err := normalizeRows(UnitBudgetRows, u.Budget)
	if err != nil {
		return fmt.Errorf("%s：%w", UnitFormName, err)
	}
	u.Budget = rows
	if err := normalizeLists(UnitFormName, &u.Tasks, &u.Goals, &u.Indicators); err != nil {
		return err
	}
	if d.Projects == nil {
		d.Projects = []*ProjectForm{}
	}
	for i, p := range d.Projects {
		if p == nil {
			return fmt.Errorf("第 %d 个项目表是空的（null）", i+1)
		}
		name := ProjectFormName(i, p)
		rows, err := normalizeRows(ProjectFundRows, p.Funds)
		if err != nil {
			return fmt.Errorf("%s：%w", name, err)
		}
		p.Funds = rows
		var tasks []*Task
		if err := normalizeLists(name, &tasks, &p.Goals, &p.Indicators); err != nil {
			return err
		}
	}
	return nil
}

// normalizeRows puts the rows of a fixed table in printed order, adding missing ones blank.
func normalizeRows(defs []RowDef, rows []AmountRow) ([]AmountRow, error) {
	byID := make(map[string]AmountRow, len(rows))
	for _, r := range rows {
		if _, ok := rowDef(defs, r.ID); !ok {
			return nil, fmt.Errorf("金额表中有未知的行“%s”", r.ID)
		}
		if _, dup := byID[r.ID]; dup {
			return nil, fmt.Errorf("金额表中的行“%s”出现了两次", r.ID)
		}
		byID[r.ID] = r
	}
	out := newAmountRows(defs)
	for i := range out {
		if r, ok := byID[out[i].ID]; ok {
			out[i] = r
		}
	}
	return out, nil
}

// normalizeLists replaces nil lists with empty ones and refuses null entries.
func normalizeLists(form string, tasks *[]*Task, goals *[]*Goal, tree *Tree) error {
	if err := nonNullList(tasks, func(i int) string {
		return fmt.Sprintf("%s：第 %d 项年度主要任务是空的（null）", form, i+1)
	}); err != nil {
		return err
	}
	if err := nonNullList(goals, func(i int) string { return fmt.Sprintf("%s：目标 %d 是空的（null）", form, i+1) }); err != nil {
		return err
	}
	if err := nonNullList(tree, func(i int) string { return fmt.Sprintf("%s：第 %d 个一级指标是空的（null）", form, i+1) }); err != nil {
		return err
	}
	for _, l1 := range *tree {
		if err := nonNullList(&l1.Children, func(j int) string {
			return fmt.Sprintf("%s：%s下第 %d 个二级指标是空的（null）", form, l1.Name, j+1)
		}); err != nil {
			return err
		}
		for _, l2 := range l1.Children {
			if err := nonNullList(&l2.Rows, func(k int) string {
				return fmt.Sprintf("%s：%s › %s › 指标 %d 是空的（null）", form, l1.Name, l2.Name, k+1)
			}); err != nil {
				return err
			}
		}
	}
	return nil
}

// nonNullList makes a nil *list empty (the file writes [] rather than null) and refuses its
// first null entry, in the words of say(its index).
func nonNullList[S ~[]*T, T any](list *S, say func(i int) string) error {
	if *list == nil {
		*list = S{}
	}
	for i, x := range *list {
		if x == nil {
			return errors.New(say(i))
		}
	}
	return nil
}
