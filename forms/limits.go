package forms

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Limits of a document. They are far above any real self-evaluation (the sample has 4 projects,
// 6 to 9 indicator rows per form and one goal) and bound the work any document can cause: the
// largest documents they allow (Largest and LongestText in forms/formstest) are checked and
// exported as PDF or Excel in at most about 5 s of processor time and 350 MB on the development
// machine, half and a third of the 10 s and 1 GB asked for (`make bench BENCH=Largest`; the
// figures are in docs/DEVELOPING.md). Beyond them a file is refused with a message, and the model
// refuses to add rows (Tree.AddRow, Document.AddProject; the editor asks Document.AddRowError
// and its kin first, to say why), so nothing already typed is lost.
//
// Checking and exporting cost time by the printed rows and the text, so those are what is
// capped. MaxProjects is the given: a department with 200 projects. A project form has a few
// dozen indicators at most (the templates ask for the key ones; the sample has 8), so the
// document's rows are capped at MaxProjects × 40, MaxRowsTotal: the Excel export, the slowest
// per row, takes about 0.6 ms of processor time a row. One form may hold more
// (MaxRowsPerForm), as long as the document stays within the total. Text costs the PDF by the
// lines it wraps into, about 25 µs a character in the narrowest column (度量单位, 7 mm), so
// MaxTextRunes is 200,000 characters: 25 a row at MaxRowsTotal, or 1,000 a form, two and a
// half times the sample's. The margin is for a machine busy with other work, where the
// wall-clock time was measured at up to 2.6 times the processor time.
const (
	MaxFieldRunes = 20_000  // characters in one field
	MaxTextRunes  = 200_000 // characters in all the fields of a document together
	MaxProjects   = 200     // project forms in a document
	// MaxRowsTotal caps the body rows the forms of a document print together: indicator rows
	// (a 三级 row, or the blank row of a 二级 without any), goals (年度绩效目标, 年度总体目标)
	// and tasks (年度主要任务).
	MaxRowsTotal = MaxProjects * 40
	// MaxRowsPerForm caps the printed rows of one indicator table: its 三级 rows, a 二级
	// without rows counting as the one blank row it prints.
	MaxRowsPerForm    = 100
	MaxLevel1PerForm  = 10             // 一级 in one indicator table (the templates have 7 and 3)
	MaxRowsPerLevel2  = MaxRowsPerForm // 三级 rows under one 二级
	MaxLevel2PerLevel = 50             // 二级 under one 一级
	MaxListRows       = 50             // rows of 年度主要任务, or of the goals of one form
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

// CheckLimits tells whether doc is within the limits a file must keep to be opened again; the
// error names the form and the limit. The editor enforces most limits as it adds rows; this
// is for what it cannot (the total text), before a save.
func (d *Document) CheckLimits() error { return d.checkLimits() }

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
	if err := d.checkEvidenceLimits(); err != nil {
		return err
	}
	if n := d.PrintedRowCount(); n > MaxRowsTotal {
		return fmt.Errorf("各表共有 %d 行（绩效指标、目标和任务），%w（%d 行）", n, ErrLimit, MaxRowsTotal)
	}
	var long error
	total := 0
	d.EachText(func(where string, s *string) {
		n := utf8.RuneCountInString(*s)
		total += n
		if long == nil && n > MaxFieldRunes {
			long = fmt.Errorf("%s有 %d 个字，%w（%d 个字）", where, n, ErrLimit, MaxFieldRunes)
		}
	})
	if long != nil {
		return long
	}
	if total > MaxTextRunes {
		return fmt.Errorf("全部栏目共有 %d 个字，%w（%d 个字）", total, ErrLimit, MaxTextRunes)
	}
	return nil
}

func (u *UnitForm) checkLimits() error {
	if len(u.Tasks) > MaxListRows {
		return fmt.Errorf("年度主要任务有 %d 行，%w（%d 行）", len(u.Tasks), ErrLimit, MaxListRows)
	}
	if len(u.Goals) > MaxListRows {
		return fmt.Errorf("年度绩效目标有 %d 行，%w（%d 行）", len(u.Goals), ErrLimit, MaxListRows)
	}
	return u.Indicators.checkLimits()
}

func (p *ProjectForm) checkLimits() error {
	if len(p.Goals) > MaxListRows {
		return fmt.Errorf("年度总体目标有 %d 行，%w（%d 行）", len(p.Goals), ErrLimit, MaxListRows)
	}
	return p.Indicators.checkLimits()
}

func (t Tree) checkLimits() error {
	if len(t) > MaxLevel1PerForm {
		return fmt.Errorf("一级指标有 %d 个，%w（%d 个）", len(t), ErrLimit, MaxLevel1PerForm)
	}
	if n := t.PrintedRowCount(); n > MaxRowsPerForm {
		return fmt.Errorf("绩效指标有 %d 行（每个三级指标一行，没有三级指标的二级指标占一空行），%w（%d 行）", n, ErrLimit, MaxRowsPerForm)
	}
	return nil
}

// PrintedRowCount is the number of rows the indicator table of t prints, len(t.PrintedRows())
// without building them: one per 三级 row, one for a 二级 without rows or a 一级 without 二级.
func (t Tree) PrintedRowCount() int {
	n := 0
	for _, l1 := range t {
		if len(l1.Children) == 0 {
			n++
		}
		for _, l2 := range l1.Children {
			n += max(len(l2.Rows), 1)
		}
	}
	return n
}

// PrintedRowCount is the number of body rows MaxRowsTotal counts in d: indicator rows, goals
// and tasks of every form.
func (d *Document) PrintedRowCount() int {
	n := len(d.Unit.Tasks) + len(d.Unit.Goals) + d.Unit.Indicators.PrintedRowCount()
	for _, p := range d.Projects {
		n += len(p.Goals) + p.Indicators.PrintedRowCount()
	}
	return n
}

// AddRowError says why no 三级 row can be added under (l1, l2) of t, one of d's indicator
// tables: the table's own limit (Tree.AddRowError), or the document's. The editor asks it
// before Tree.AddRow and shows the message.
func (d *Document) AddRowError(t Tree, l1, l2 int) error {
	if err := t.AddRowError(l1, l2); err != nil {
		return err
	}
	if len(t[l1].Children[l2].Rows) > 0 { // a first row takes the place of the blank one
		return d.roomFor(1)
	}
	return nil
}

// AddLevel2Error says why no 二级 can be added under 一级 l1 of t, one of d's indicator
// tables: the table's own limit (Tree.AddLevel2Error), or the document's.
func (d *Document) AddLevel2Error(t Tree, l1 int) error {
	if err := t.AddLevel2Error(l1); err != nil {
		return err
	}
	if len(t[l1].Children) > 0 {
		return d.roomFor(1)
	}
	return nil
}

// AddListRowError says why no row can be added to a list of tasks or goals of d that holds n
// rows.
func (d *Document) AddListRowError(n int) error {
	if n >= MaxListRows {
		return fmt.Errorf("一张表的年度主要任务或目标最多 %d 行，再添加就%w", MaxListRows, ErrLimit)
	}
	return d.roomFor(1)
}

// AddProjectError says why no project form can be added to d (Document.AddProject returns nil
// then).
func (d *Document) AddProjectError() error {
	if len(d.Projects) >= MaxProjects {
		return fmt.Errorf("一个文档最多 %d 张项目表，再添加就%w", MaxProjects, ErrLimit)
	}
	return d.roomFor(newProjectRows)
}

// newProjectRows is what a new project form adds to PrintedRowCount.
var newProjectRows = func() int { p := NewProjectForm(); return len(p.Goals) + p.Indicators.PrintedRowCount() }()

// roomFor says whether d can print n more rows within MaxRowsTotal.
func (d *Document) roomFor(n int) error {
	if d.PrintedRowCount()+n > MaxRowsTotal {
		return fmt.Errorf("一个文档的各表合计最多 %d 行（绩效指标、目标和任务），再添加就%w：请删去不需要的行", MaxRowsTotal, ErrLimit)
	}
	return nil
}

// AddRowError says why no 三级 row can be added under (l1, l2): there is no such 二级, or the
// table would print more than MaxRowsPerForm rows (a first row under an empty 二级 takes the
// place of its blank row). nil when Tree.AddRow would add one.
func (t Tree) AddRowError(l1, l2 int) error {
	b := t.Level2At(l1, l2)
	switch {
	case b == nil:
		return errors.New("没有这个二级指标")
	case len(b.Rows) > 0 && t.PrintedRowCount() >= MaxRowsPerForm:
		return rowsFull()
	}
	return nil
}

// AddLevel2Error says why no 二级 can be added under 一级 l1: there is no such 一级, or its new
// blank row would make the table print more than MaxRowsPerForm rows. nil when Tree.AddLevel2
// would add one.
func (t Tree) AddLevel2Error(l1 int) error {
	switch {
	case l1 < 0 || l1 >= len(t):
		return errors.New("没有这个一级指标")
	case len(t[l1].Children) > 0 && t.PrintedRowCount() >= MaxRowsPerForm:
		return rowsFull()
	}
	return nil
}

func rowsFull() error {
	return fmt.Errorf("一张表的绩效指标最多 %d 行（每个三级指标一行，没有三级指标的二级指标占一空行），再添加就%w：请删去不需要的指标或空的二级指标", MaxRowsPerForm, ErrLimit)
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
	eachEvidenceText(u.BudgetEvidence, UnitFormName+" › "+UnitFundsRow, f)
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
		f(name+"评价结论", &p.Conclusion)
		f(name+"存在问题", &p.Issues)
		for j := range p.Funds {
			eachAmount(&p.Funds[j].Amounts, name, f)
		}
		eachEvidenceText(p.FundsEvidence, name+" › "+ProjectFundsRow, f)
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
		eachEvidenceText(in.Evidence, where, f)
	})
}

// TextRunes counts the characters of all the fields of d together, as MaxTextRunes caps them:
// the editor keeps the count as the user types and refuses text beyond it, so every document it
// saves opens again.
func (d *Document) TextRunes() int {
	n := 0
	d.EachText(func(_ string, s *string) { n += utf8.RuneCountInString(*s) })
	return n
}

// TextLimitMessage is the Chinese explanation of text refused for the document's total.
func TextLimitMessage() string {
	return fmt.Sprintf("一个文档的全部栏目合计最多 %d 个字，超出的部分没有输入：请精简文字（例如较长的原因说明），或把项目分到另一个文档。", MaxTextRunes)
}
