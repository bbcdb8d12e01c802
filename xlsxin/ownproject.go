package xlsxin

import (
	"fmt"
	"strings"

	"ziping/forms"
)

func init() {
	registerReader(projectReader{template: forms.TemplateLiaoning, is: isLiaoning,
		read: func(imp *importer, s *sheet) error { return imp.ownProject(s) }})
}

// isLiaoning reports whether s is a 预算项目（政策）绩效目标自评表 of Ziping's export, by its
// title row and first label.
func isLiaoning(s *sheet) bool {
	return len(s.grid) >= 3 && strings.HasSuffix(s.first(0), projectTitleEnd) && s.first(1) == projFirstLabel
}

// ownProject reads a 预算项目（政策）绩效目标自评表 of Ziping's export (xlsxout/project.go):
// header, 项目预算资金 with the 分值 of D, 年度总体目标, 绩效指标 and the optional footer.
func (imp *importer) ownProject(s *sheet) error {
	o := &ownSheet{imp: imp, s: s, r: 1}
	o.settings(projectTitleEnd)
	p := forms.NewProjectForm()
	if err := o.projectHeader(p); err != nil {
		return err
	}
	if err := o.projectFunds(p); err != nil {
		return err
	}
	header, err := o.at("年度总体目标")
	if err != nil {
		return err
	}
	if p.Goals, o.r, err = o.goals(header, "绩效指标"); err != nil {
		return err
	}
	if p.Indicators, err = o.indicators(o.r, "产出、效益、满意度指标自评得分小计（C）"); err != nil {
		return err
	}
	if err := o.signature(o.r); err != nil {
		return err
	}
	imp.restoreHidden(p, imp.shadow.project(p.Name), forms.TemplateLiaoning)
	return imp.addProject(p, s.name)
}

func (o *ownSheet) projectHeader(p *forms.ProjectForm) error {
	for i, label := range []string{projFirstLabel, "主管部门", "实施单位"} {
		r := 1 + i
		c, err := o.cells(r, 2, label)
		if err != nil {
			return err
		}
		if strings.TrimSpace(c[0].text) != label {
			return errAt(o.s.name, r, c[0].col, fmt.Sprintf("应为“%s”：表格的结构与导出时不同，请用本程序重新导出。", label), nil)
		}
		switch i {
		case 0:
			p.Name, err = o.text(c[1])
		case 1:
			p.Department, err = o.text(c[1])
		default:
			if len(c) < 4 {
				return errAt(o.s.name, r, -1, "找不到“实施期”：表格的结构与导出时不同，请用本程序重新导出。", nil)
			}
			if p.Implementer, err = o.text(c[1]); err == nil {
				p.Period, err = o.text(c[3])
			}
		}
		if err != nil {
			return err
		}
	}
	o.r = 4
	return nil
}

// projectFunds reads 项目预算资金: each row found by its printed label; the total row also
// carries the 分值 of D (its D, like every 执行率, is computed).
func (o *ownSheet) projectFunds(p *forms.ProjectForm) error {
	header, err := o.at("项目预算资金")
	if err != nil {
		return err
	}
	end, err := o.at("年度总体目标")
	if err != nil {
		return err
	}
	for r := header + 1; r < end; r++ {
		c, err := o.cells(r, 5, "项目预算资金")
		if err != nil {
			return err
		}
		label := strings.TrimSpace(c[0].text)
		row := rowByLabel(forms.ProjectFundRows, p.Funds, label)
		if row == nil {
			o.imp.note(place(o.s.name, r, c[0].col) + fmt.Sprintf("：“%s”不是项目预算资金表中的行，未导入。", label))
			continue
		}
		if row.Amounts, err = o.amounts(c[1:4]); err != nil {
			return err
		}
		if row.ID == "T" {
			if p.FundsWeight, err = o.typed(c[4]); err != nil {
				return err
			}
		}
	}
	o.r = end
	return nil
}
