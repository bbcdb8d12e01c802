package forms

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Limits of a document. They are far above any real self-evaluation (the seed has 4 projects
// and 1 row per 二级) and keep the editor, the checks and the PDF responsive; beyond them input
// is refused with a message and nothing already typed is lost.
const (
	MaxFieldRunes     = 20_000 // characters in one field
	MaxProjects       = 200    // project forms in a document
	MaxRowsPerLevel2  = 200    // 三级 rows under one 二级
	MaxLevel2PerLevel = 50     // 二级 under one 一级
	MaxListRows       = 200    // rows of 年度主要任务 or 年度绩效目标
)

// ErrLimit is wrapped by every error about a limit.
var ErrLimit = errors.New("超过上限")

// TooLong reports whether s exceeds MaxFieldRunes.
func TooLong(s string) bool {
	return len(s) > MaxFieldRunes && utf8.RuneCountInString(s) > MaxFieldRunes
}

// LimitMessage is the Chinese explanation of a refused text.
func LimitMessage() string {
	return fmt.Sprintf("一个栏目最多 %d 个字，超出的部分没有输入：请精简文字，或把内容分到其他栏目。", MaxFieldRunes)
}

// checkLimits refuses a document beyond the limits, naming where.
func (d *Document) checkLimits() error {
	if len(d.Projects) > MaxProjects {
		return fmt.Errorf("项目表有 %d 张，%w（%d 张）", len(d.Projects), ErrLimit, MaxProjects)
	}
	if err := d.Unit.checkLimits(); err != nil {
		return fmt.Errorf("%s：%w", UnitFormName, err)
	}
	for i, p := range d.Projects {
		if err := p.checkLimits(); err != nil {
			return fmt.Errorf("%s：%w", ProjectFormName(i, p), err)
		}
	}
	var long error
	d.EachText(func(where string, s *string) {
		if long == nil && TooLong(*s) {
			long = fmt.Errorf("%s有 %d 个字，%w（%d 个字）", where, utf8.RuneCountInString(*s), ErrLimit, MaxFieldRunes)
		}
	})
	return long
}

func (u *UnitForm) checkLimits() error {
	if len(u.Tasks) > MaxListRows || len(u.Goals) > MaxListRows {
		return fmt.Errorf("年度主要任务或年度绩效目标的行数%w（%d 行）", ErrLimit, MaxListRows)
	}
	return u.Indicators.checkLimits()
}

func (p *ProjectForm) checkLimits() error {
	if len(p.Goals) > MaxListRows {
		return fmt.Errorf("年度总体目标的行数%w（%d 行）", ErrLimit, MaxListRows)
	}
	return p.Indicators.checkLimits()
}

func (t Tree) checkLimits() error {
	for _, l1 := range t {
		if len(l1.Children) > MaxLevel2PerLevel {
			return fmt.Errorf("%s下的二级指标%w（%d 个）", l1.Name, ErrLimit, MaxLevel2PerLevel)
		}
		for _, l2 := range l1.Children {
			if len(l2.Rows) > MaxRowsPerLevel2 {
				return fmt.Errorf("%s › %s下的三级指标%w（%d 行）", l1.Name, l2.Name, ErrLimit, MaxRowsPerLevel2)
			}
		}
	}
	return nil
}

// EachText calls f with every text field of the document and where it is: settings, the unit
// form, then each project form.
func (d *Document) EachText(f func(where string, s *string)) {
	s := &d.Settings
	for _, p := range []*string{&s.Year, &s.UnitShortName, &s.Footer.Preparer, &s.Footer.Phone, &s.Footer.Leader, &s.Footer.Date} {
		f("文档设置", p)
	}
	u := &d.Unit
	for _, p := range []*string{&u.Name, &u.Staff, &u.Subunits} {
		f(UnitFormName+"表头", p)
	}
	for i := range u.Budget {
		eachAmount(&u.Budget[i].Amounts, UnitFormName, f)
	}
	for _, t := range u.Tasks {
		f(UnitFormName+"年度主要任务", &t.Name)
		f(UnitFormName+"年度主要任务", &t.Project)
		eachAmount(&t.Amounts, UnitFormName, f)
	}
	eachAmount(&u.TasksTotal, UnitFormName, f)
	eachGoal(u.Goals, UnitFormName, f)
	u.Indicators.eachText(UnitFormName, f)
	for i, p := range d.Projects {
		name := ProjectFormName(i, p)
		for _, s := range []*string{&p.Name, &p.Department, &p.Implementer, &p.Period, &p.FundsWeight} {
			f(name+"表头", s)
		}
		for j := range p.Funds {
			eachAmount(&p.Funds[j].Amounts, name, f)
		}
		eachGoal(p.Goals, name, f)
		p.Indicators.eachText(name, f)
	}
}

func eachAmount(a *Amounts, form string, f func(string, *string)) {
	for _, p := range []*string{&a.Initial, &a.Full, &a.Actual} {
		f(form+"金额", p)
	}
}

func eachGoal(goals []*Goal, form string, f func(string, *string)) {
	for i, g := range goals {
		where := fmt.Sprintf("%s目标 %d", form, i+1)
		f(where, &g.Target)
		f(where, &g.Result)
	}
}

func (t Tree) eachText(form string, f func(string, *string)) {
	for _, l1 := range t {
		f(form+"一级指标名称", &l1.Name)
		for _, l2 := range l1.Children {
			f(form+"二级指标名称", &l2.Name)
		}
	}
	t.Each(func(p RowPath, l1 *Level1, l2 *Level2, in *Indicator) {
		where := form + " › " + IndicatorRowName(l1, l2, p.Row)
		for _, s := range []*string{&in.Content, &in.Unit, &in.Target, &in.Actual, &in.Completion, &in.Weight, &in.Score, &in.Reason, &in.Measures} {
			f(where, s)
		}
	})
}
