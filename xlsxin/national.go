package xlsxin

import (
	"fmt"
	"regexp"
	"strings"

	"ziping/forms"
)

// A 项目支出绩效自评表 of the national template: Ziping's export (tables/national.go) or a
// published table typed as printed, in a workbook or a CSV file. It is tried after the forms
// recognised by their title: its labels are found anywhere, as a published table prints them.
func init() {
	registerReader(projectReader{template: forms.TemplateNational, is: isNational, anywhere: true,
		read: func(imp *importer, s *sheet) error { return imp.ownNational(s) }})
}

// isNational reports whether s is laid out as the national project form: a 项目名称, a 年度资金总额
// row and an indicator table with a 三级指标 column, wherever they stand.
func isNational(s *sheet) bool {
	found := map[string]bool{}
	for r := range s.grid {
		for _, x := range s.own(r) {
			if k := key(x.text); k == "项目名称" || k == "年度资金总额" || k == "三级指标" {
				found[k] = true
			}
		}
	}
	return len(found) == 3
}

// key is a label as compared: lines joined, no spaces, no trailing colon, no bracketed note
// ("全年预算数(A)" → "全年预算数").
func key(s string) string {
	k, _ := labelKey(unstack(s))
	return k
}

// nationalReader reads one national form by its labels, so that columns moved or merged
// differently, and a table typed without merged cells (a CSV), read the same.
type nationalReader struct {
	o  *ownSheet
	p  *forms.ProjectForm
	sh int // the shadow's project of this sheet, or -1
}

// ownNational reads a national form: its title's year, header, 项目资金, 年度总体目标, 绩效指标
// (up to 总分), 评价结论, 存在问题 and the optional footer; what the form does not print comes
// from the workbook's shadow when it has one (shadow.go).
func (imp *importer) ownNational(s *sheet) error {
	n := &nationalReader{o: &ownSheet{imp: imp, s: s}, p: forms.NewProjectForm(), sh: -1}
	n.year()
	funds, goals, table := n.find("年度资金总额"), n.find("年度总体目标"), n.find("三级指标")
	end := len(s.grid)
	for _, r := range []int{funds, goals, table} {
		if r >= 0 {
			end = min(end, r)
		}
	}
	if err := n.header(end); err != nil {
		return err
	}
	if imp.shadow != nil {
		n.sh = imp.shadow.project(n.p.Name)
	}
	fundsEnd := goals
	if fundsEnd < funds {
		fundsEnd = table
	}
	if err := n.funds(funds, fundsEnd); err != nil {
		return err
	}
	if goals >= 0 {
		if err := n.goals(goals, table); err != nil {
			return err
		}
	}
	end, err := n.indicators(table)
	if err != nil {
		return err
	}
	if err := n.conclusion(end); err != nil {
		return err
	}
	if err := n.o.signature(end); err != nil {
		return err
	}
	imp.restoreHidden(n.p, n.sh, forms.TemplateNational)
	return imp.addProject(n.p, s.name)
}

// nationalYearRE finds the year of the national title ("项目支出绩效自评表\n（2021 年度）").
var nationalYearRE = regexp.MustCompile(`[（(]\s*(\d{4})\s*年度?\s*[）)]`)

// year reads the year from the title: the first title read sets it, as settings does.
func (n *nationalReader) year() {
	imp := n.o.imp
	for r := 0; r < min(3, len(n.o.s.grid)); r++ {
		for _, x := range n.o.s.own(r) {
			m := nationalYearRE.FindStringSubmatch(x.text)
			if m == nil {
				m = yearRE.FindStringSubmatch(x.text)
			}
			if m != nil && !imp.titled && !imp.yearRead {
				imp.doc.Settings.Year, imp.yearRead, imp.titleText = m[1], true, x.text
			}
			if m != nil {
				return
			}
		}
	}
}

// find returns the first row holding a cell whose key is k, or -1.
func (n *nationalReader) find(k string) int {
	for r := range n.o.s.grid {
		for _, x := range n.o.s.own(r) {
			if key(x.text) == k {
				return r
			}
		}
	}
	return -1
}

// headerLabels are the labels of the national form's header and where each goes.
var headerLabels = map[string]func(p *forms.ProjectForm) *string{
	"项目名称":   func(p *forms.ProjectForm) *string { return &p.Name },
	"项目政策名称": func(p *forms.ProjectForm) *string { return &p.Name },
	"主管部门":   func(p *forms.ProjectForm) *string { return &p.Department },
	"实施单位":   func(p *forms.ProjectForm) *string { return &p.Implementer },
	"实施期":    func(p *forms.ProjectForm) *string { return &p.Period },
	"项目实施期":  func(p *forms.ProjectForm) *string { return &p.Period },
}

// header reads the labelled fields of the rows before row end: each label's value is the
// first filled cell after it on its row, unless a label comes first (a blank 主管部门 stays
// blank; it never takes the next label, nor a cell of the row below).
func (n *nationalReader) header(end int) error {
	for r := 0; r < end; r++ {
		cells := n.o.s.own(r)
		for i, x := range cells {
			field := headerLabels[key(x.text)]
			if field == nil {
				continue
			}
			v, err := n.valueAfter(cells[i+1:])
			if err != nil {
				return err
			}
			*field(n.p) = v
		}
	}
	return nil
}

// valueAfter is the first filled cell of cells that comes before any label, or "".
func (n *nationalReader) valueAfter(cells []*cell) (string, error) {
	for _, x := range cells {
		if x.blank() {
			continue
		}
		if headerLabels[key(x.text)] != nil {
			return "", nil
		}
		return n.o.text(x)
	}
	return "", nil
}

// goalCells are the cells of a goal in row r: those starting in it under the columns tcol and
// rcol (预期目标, 实际完成情况), or without those headings the first two filled cells after the
// label; nil where there is none.
func (n *nationalReader) goalCells(r, tcol, rcol int) (target, result *cell) {
	var filled []*cell
	for _, x := range n.o.s.own(r) {
		switch {
		case tcol >= 0 && x.col <= tcol && x.lastCol >= tcol:
			target = x
		case rcol >= 0 && x.col <= rcol && x.lastCol >= rcol:
			result = x
		case !x.blank() && key(x.text) != "年度总体目标":
			filled = append(filled, x)
		}
	}
	if tcol < 0 && len(filled) > 0 {
		target = filled[0]
		if len(filled) > 1 {
			result = filled[1]
		}
	}
	return target, result
}

// conclusion reads 评价结论 and 存在问题 from row from on, each the first filled cell after its label.
func (n *nationalReader) conclusion(from int) error {
	for r := max(from, 0); r < len(n.o.s.grid); r++ {
		cells := n.o.s.own(r)
		for i, x := range cells {
			var dst *string
			switch key(x.text) {
			case "评价结论":
				dst = &n.p.Conclusion
			case "存在问题":
				dst = &n.p.Issues
			default:
				continue
			}
			for _, y := range cells[i+1:] {
				if !y.blank() {
					v, err := n.o.text(y)
					if err != nil {
						return err
					}
					*dst = v
					break
				}
			}
		}
	}
	return nil
}

// goals reads 年度总体目标 from its row up to row end (the indicator table): under the columns
// headed 预期目标 and 实际完成情况 when the form has them, else the first two filled cells after
// the label on each row.
func (n *nationalReader) goals(row, end int) error {
	if end < 0 {
		end = len(n.o.s.grid)
	}
	s := n.o.s
	tcol, rcol := -1, -1
	first := row
	for _, x := range s.own(row) {
		switch key(x.text) {
		case "预期目标", "年初设定目标":
			tcol, first = x.col, row+1
		case "实际完成情况", "全年实际完成情况":
			rcol = x.col
		}
	}
	goals := []*forms.Goal{}
	for r := first; r < end; r++ {
		target, result := n.goalCells(r, tcol, rcol)
		g := &forms.Goal{}
		var err error
		if g.Target, err = n.o.text(target); err != nil {
			return err
		}
		if g.Result, err = n.o.text(result); err != nil {
			return err
		}
		if len(goals) == forms.MaxListRows {
			return errAt(s.name, r, -1, fmt.Sprintf("目标%v（%d 行）。", forms.ErrLimit, forms.MaxListRows), forms.ErrLimit)
		}
		g.Target = goalRE.ReplaceAllString(g.Target, "")
		if strings.TrimSpace(g.Target+g.Result) != "" {
			goals = append(goals, g)
		}
	}
	if len(goals) > 0 {
		n.p.Goals = goals
	}
	return nil
}

// nationalTitle is the national form's title with settings s (forms' national template), as
// its export prints it.
func nationalTitle(s forms.Settings) string {
	t, err := forms.LookupTemplate(forms.TemplateNational)
	if err != nil {
		return ""
	}
	return t.ProjectTitle(s)
}
