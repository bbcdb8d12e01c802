package xlsxin

import (
	"fmt"
	"strings"

	"ziping/forms"
)

// ownUnit reads the 单位整体绩效自评表 of Ziping's export (xlsxout/unit.go): header, 收支,
// 主要任务, 绩效目标, 分解目标评价 and the optional signature footer.
func (imp *importer) ownUnit(s *sheet) error {
	o := &ownSheet{imp: imp, s: s, r: 1}
	o.settings(unitTitleEnd)
	u := forms.NewUnitForm()
	if err := o.unitHeader(u); err != nil {
		return err
	}
	if err := o.unitBudget(u); err != nil {
		return err
	}
	if err := o.unitTasks(u); err != nil {
		return err
	}
	header, err := o.at("年度绩效目标")
	if err != nil {
		return err
	}
	if u.Goals, o.r, err = o.goals(header, "分解目标评价"); err != nil {
		return err
	}
	if u.Indicators, err = o.indicators(o.r+1, "总评价得分"); err != nil {
		return err
	}
	if err := o.signature(o.r); err != nil {
		return err
	}
	imp.doc.Unit, imp.unit = *u, true
	return nil
}

func (o *ownSheet) unitHeader(u *forms.UnitForm) error {
	c, err := o.cells(1, 2, unitFirstLabel)
	if err != nil {
		return err
	}
	if u.Name, err = o.text(c[1]); err != nil {
		return err
	}
	c, err = o.cells(2, 4, "财政供养人员数量")
	if err != nil {
		return err
	}
	if c[0].text != "财政供养人员数量" {
		return errAt(o.s.name, 2, c[0].col, "应为“财政供养人员数量”：表格的结构与导出时不同，请用本程序重新导出。", nil)
	}
	if u.Staff, err = o.text(c[1]); err != nil {
		return err
	}
	u.Subunits, err = o.text(c[3])
	o.r = 3
	return err
}

// unitBudget reads 年度部门（单位）整体收支情况: each row found by its printed label.
func (o *ownSheet) unitBudget(u *forms.UnitForm) error {
	header, err := o.at("年度部门（单位）整体收支情况（万元）")
	if err != nil {
		return err
	}
	end, err := o.at("年度主要任务")
	if err != nil {
		return err
	}
	for r := header + 1; r < end; r++ {
		c, err := o.cells(r, 5, "年度部门（单位）整体收支情况")
		if err != nil {
			return err
		}
		if c[3].text == dash && c[4].text == dash {
			c[3] = &cell{} // a row without amounts prints "——" under 全年执行数 and 执行率
		}
		label := strings.TrimSpace(c[0].text)
		row := rowByLabel(forms.UnitBudgetRows, u.Budget, label)
		if row == nil {
			o.imp.note(place(o.s.name, r, c[0].col) + fmt.Sprintf("：“%s”不是收支表中的行，未导入。", label))
			continue
		}
		if row.Amounts, err = o.amounts(c[1:4]); err != nil {
			return err
		}
	}
	o.r = end
	return nil
}

// rowByLabel returns the row of rows whose definition prints label, or nil.
func rowByLabel(defs []forms.RowDef, rows []forms.AmountRow, label string) *forms.AmountRow {
	for _, d := range defs {
		if d.Label == label {
			for i := range rows {
				if rows[i].ID == d.ID {
					return &rows[i]
				}
			}
		}
	}
	return nil
}

// unitTasks reads 年度主要任务: one row per task up to 合计, the row before 年度绩效目标 (a
// task may be named 合计 too).
func (o *ownSheet) unitTasks(u *forms.UnitForm) error {
	header := o.r
	goals, err := o.at("年度绩效目标")
	if err != nil {
		return err
	}
	end := goals - 1
	if end <= header || o.s.first(end) != "合计" {
		return errAt(o.s.name, end, -1, "找不到“合计”：表格的结构与导出时不同，请用本程序重新导出，或按导入模板整理后再导入。", nil)
	}
	u.Tasks = []*forms.Task{}
	for r := header + 1; r < end; r++ {
		c, err := o.cells(r, 5, "年度主要任务")
		if err != nil {
			return err
		}
		t := &forms.Task{}
		if t.Name, err = o.text(c[0]); err != nil {
			return err
		}
		if t.Project, err = o.text(c[1]); err != nil {
			return err
		}
		if t.Amounts, err = o.amounts(c[2:5]); err != nil {
			return err
		}
		if len(u.Tasks) == forms.MaxListRows {
			return errAt(o.s.name, r, -1, fmt.Sprintf("年度主要任务%v（%d 行）。", forms.ErrLimit, forms.MaxListRows), forms.ErrLimit)
		}
		u.Tasks = append(u.Tasks, t)
	}
	c, err := o.cells(end, 4, "合计")
	if err != nil {
		return err
	}
	if u.TasksTotal, err = o.amounts(c[1:4]); err != nil {
		return err
	}
	o.r = end + 1
	return nil
}
