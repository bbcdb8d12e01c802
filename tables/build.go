package tables

import (
	"strconv"

	"github.com/shopspring/decimal"

	"ziping/forms"
)

// dash is the "——" the template prints in cells that have no value; tick a ticked reason.
const (
	dash = "——"
	tick = "√"
)

// Forms returns the tables of every printed form of doc, ev being forms.Evaluate(doc): the
// unit form (unless it is left blank beside projects: forms.UnitResult.NotFilled), then each
// project form.
func Forms(doc *forms.Document, ev *forms.Evaluation) []*Table {
	out := make([]*Table, 0, 1+len(doc.Projects))
	for f := -1; f < len(doc.Projects); f++ {
		if t := Form(doc, ev, f); t != nil {
			out = append(out, t)
		}
	}
	return out
}

// Form returns the table of one form of doc, ev being forms.Evaluate(doc): -1 the unit form,
// i project i. It is nil for a form that is not printed: the unit form when it is left blank
// beside projects, a project doc or ev does not have, or a project in a template tables has no
// table for.
func Form(doc *forms.Document, ev *forms.Evaluation, form int) *Table {
	switch {
	case form < 0 && !ev.Unit.NotFilled:
		return (&builder{doc: doc, ev: ev}).unitTable()
	case form >= 0 && form < len(doc.Projects) && form < len(ev.Projects):
		// Never another template's table for one this program does not have (export refuses it).
		if t, err := forms.LookupTemplate(doc.Settings.Template); err == nil && projectTables[t.ID()] != nil {
			return projectTables[t.ID()](doc, ev, form)
		}
	}
	return nil
}

// ProjectTable builds the printed table of project i of doc (ev its evaluation) in one
// template. Its bands' columns sum to Width.
type ProjectTable func(doc *forms.Document, ev *forms.Evaluation, i int) *Table

// projectTables are the project tables of the templates, by template: each template's file
// registers its own (project.go, national.go).
var projectTables = map[forms.TemplateID]ProjectTable{}

// RegisterProject makes build the printed project table of template id (a forms.Template):
// called from the init of the template's own file. It panics when id already has one, a
// programming error found at start-up.
func RegisterProject(id forms.TemplateID, build ProjectTable) {
	if _, ok := projectTables[id]; ok {
		panic("tables.RegisterProject: template " + string(id) + " registered twice")
	}
	projectTables[id] = build
}

// Prints reports whether tables has the project table of template id.
func Prints(id forms.TemplateID) bool { return projectTables[id] != nil }

// byBuilder is a project table drawn by a method of builder, as the built-in templates are.
func byBuilder(table func(*builder, int) *Table) ProjectTable {
	return func(doc *forms.Document, ev *forms.Evaluation, i int) *Table {
		return table(&builder{doc: doc, ev: ev}, i)
	}
}

// builder makes the table of one form. src is where the cells being added come from.
type builder struct {
	doc *forms.Document
	ev  *forms.Evaluation
	src Source
	// first and last are the first and last body rows of the indicator table built last
	// (rows false for a table without any), for the sums down its 得分 and 分值 columns.
	first, last forms.RowPath
	rows        bool
	// slab holds the sources not handed out yet: one allocation for many cells.
	slab []Source
}

func (b *builder) fixed2() bool { return b.doc.Settings.Fixed2() }

// section starts a section of form (-1 the unit form and the settings): the cells that follow
// come from it.
func (b *builder) section(form int, sec forms.Section, name string) {
	b.src = Source{Section: name, Loc: forms.Location{Form: form, Section: sec, Index: -1}}
}

// row starts a row the editor addresses by field alone (a form's header, the score rows).
func (b *builder) row(name string) { b.rowAt(name, forms.Location{Index: -1}) }

// rowAt starts a row and says where the editor has it: the RowID, Index and Path of at, in the
// form and section started last.
func (b *builder) rowAt(name string, at forms.Location) {
	at.Form, at.Section = b.src.Loc.Form, b.src.Loc.Section
	b.src.Row, b.src.Loc = name, at
}

// from is the source of field (its printed name; key is the editor's field key, as
// forms.Location.Field) of the current row.
func (b *builder) from(field, key string) *Source {
	if len(b.slab) == 0 {
		b.slab = make([]Source, 64)
	}
	s := &b.slab[0]
	b.slab = b.slab[1:]
	*s = b.src
	s.Field, s.Loc.Field = field, key
	return s
}

// label is a fixed template text, centred.
func label(text string) Cell { return Cell{Text: text} }

// rowLabel is a fixed row name of the template, left-aligned.
func rowLabel(text string) Cell { return Cell{Role: RoleRowLabel, Text: text} }

// stacked is a narrow label cell stacking n characters per line over rowSpan rows.
func stacked(text string, n, rowSpan int) Cell {
	return Cell{Text: text, Stack: n, RowSpan: rowSpan}
}

// span sets the column and row span of c.
func span(c Cell, cols, rows int) Cell {
	c.ColSpan, c.RowSpan = cols, rows
	return c
}

// keyed names c for the formulas of other cells.
func keyed(c Cell, key string) Cell {
	c.Key = key
	return c
}

// text is a text the user typed into field (key its editor's key), left-aligned.
func (b *builder) text(text, field, key string) Cell {
	return Cell{Role: RoleText, Text: text, Src: b.from(field, key)}
}

// value is a short value the user typed, centred.
func (b *builder) value(text, field, key string) Cell {
	return Cell{Role: RoleValue, Text: text, Src: b.from(field, key)}
}

// figure is a figure of role r the user typed (key its editor's key) or the program computed
// (key ""), printed whole on one line.
func (b *builder) figure(r Role, text, field, key string) Cell {
	return Cell{Role: r, Text: text, Fit: true, Src: b.from(field, key)}
}

// withNum sets the number c shows, written with format f.
func withNum(c Cell, v decimal.Decimal, f Format) Cell {
	c.Num, c.HasNum, c.Format = v, true, f
	return c
}

// computed makes c a figure the program computed: value v, the formula f stands for (""
// when it is stored as a value), written with format.
func computed(c Cell, f string, v decimal.Decimal, format Format) Cell {
	c = withNum(c, v, format)
	c.Formula, c.Computed = Formula(f), true
	return c
}

// places is the number of decimals of a printed number ("97" 0, "9.5" 1, "99.5%" 1).
func places(s string) int {
	n := len(s)
	if n > 0 && s[n-1] == '%' {
		n--
	}
	for i := 0; i < n; i++ {
		if s[i] == '.' {
			return n - i - 1
		}
	}
	return 0
}

// decimalsOf is the number of decimals v was typed with.
func decimalsOf(v decimal.Decimal) int { return int(max(0, -v.Exponent())) }

// amountFormat writes an amount as it is printed: with the decimals typed, or two.
func (b *builder) amountFormat(v decimal.Decimal) Format {
	if b.fixed2() {
		return Format{Decimals: 2}
	}
	return Format{Decimals: decimalsOf(v)}
}

// ScoreFormat is how a score is written, as forms.FormatScore prints it: two decimals at
// most, no trailing zeros.
func ScoreFormat(v decimal.Decimal) Format {
	if e := v.Exponent(); e >= -2 && e <= 0 && v.NumDigits() <= 18 {
		// Two decimals or fewer, as forms.ParseScore reads every 分值 and 得分: the decimals of
		// the coefficient without its trailing zeros (FormatScore's string, without making it).
		c := v.CoefficientInt64()
		for e < 0 && c%10 == 0 {
			c /= 10
			e++
		}
		return Format{Decimals: int(-e)}
	}
	return Format{Decimals: places(forms.FormatScore(v))}
}

// PercentFormat is how a ratio is written, as forms.FormatPercent prints it ("100%", "99.5%").
func PercentFormat(ratio decimal.Decimal) Format {
	return Format{Decimals: places(forms.FormatPercent(ratio)), Percent: true}
}

// scoreValue is a 分值 or 得分 the user typed: a number when it is one.
func (b *builder) scoreValue(c Cell, text string) Cell {
	if v, err := forms.ParseScore(text); err == nil {
		return withNum(c, v, ScoreFormat(v))
	}
	return c
}

// count is a whole number the user typed (财政供养人员数量), its digits half-width
// (forms.PrintedNumber): a number when the text is one as written.
func (b *builder) count(text, field, key string) Cell {
	text = forms.PrintedNumber(text)
	c := b.value(text, field, key)
	if n, err := forms.ParseCount(text); err == nil && strconv.FormatInt(n, 10) == text {
		return withNum(c, decimal.NewFromInt(n), Format{})
	}
	return c
}

// title is the title of a form made of the settings' 单位简称 and 年度.
func (b *builder) title(text string) Title {
	s := b.doc.Settings
	at := func(key string) forms.Location {
		return forms.Location{Form: -1, Section: forms.SecSettings, Index: -1, Field: key}
	}
	t := Title{Text: text, Parts: []Part{
		{Text: s.UnitShortName, Src: &Source{Section: "标题", Field: "标题", Loc: at("short_name")}},
		{Text: s.Year, Src: &Source{Section: "标题", Field: "标题", Loc: at("year")}},
	}}
	t.Src = t.Parts[0].Src
	return t
}

// amountCells are the three amount cells of the row id of table: the typed amounts, and a
// subtotal forms computed as a SUM over sum(c), the references of its parts (nil, or "", for
// none).
func (b *builder) amountCells(table, id string, r *forms.AmountResult, typed forms.Amounts, sum func(forms.AmountColumn) string) []Cell {
	out := make([]Cell, 0, 3)
	for _, c := range forms.AmountColumns {
		cell := b.figure(RoleAmount, r.Text(c, typed, b.fixed2()), c.Label(), c.Key())
		v, parts := r.Cells[c], ""
		if sum != nil {
			parts = sum(c)
		}
		switch {
		case v.Typed && v.Valid:
			cell = withNum(cell, v.Value, b.amountFormat(v.Value))
		case v.Typed: // not a number: the text as typed
		case v.Computed && parts != "":
			cell = computed(cell, "SUM("+parts+")", v.Value, b.amountFormat(v.Value))
		case v.Valid:
			cell = withNum(cell, v.Value, b.amountFormat(v.Value))
			cell.Computed = v.Computed
		}
		out = append(out, keyed(cell, AmountKey(table, id, c)))
	}
	return out
}

// rateCell is 执行率 = 全年执行数 / 全年预算数 of the row id of table, blank when forms has none.
func (b *builder) rateCell(table, id string, r *forms.AmountResult) Cell {
	c := b.figure(RolePercent, r.RateText(), "执行率", "")
	if !r.HasRate {
		return c
	}
	f := Ref(AmountKey(table, id, forms.ColActual)) + "/" + Ref(AmountKey(table, id, forms.ColFull))
	return computed(c, f, r.Rate, PercentFormat(r.Rate))
}

// partsSum is the SUM arguments of a subtotal of a fixed table: its parts' cells in column c;
// nil for a row that is not a subtotal.
func partsSum(table string, def forms.RowDef) func(forms.AmountColumn) string {
	if !def.IsSubtotal() {
		return nil
	}
	return func(c forms.AmountColumn) string {
		s := ""
		for i, p := range def.Parts {
			if i > 0 {
				s += ","
			}
			s += Ref(AmountKey(table, p, c))
		}
		return s
	}
}

// amountRow starts a fixed row of table: its left-aligned name and its three amount cells.
func (b *builder) amountRow(table string, def forms.RowDef, r *forms.AmountResult, typed forms.Amounts) []Cell {
	b.rowAt(def.Label, forms.Location{RowID: def.ID, Index: -1})
	return append([]Cell{rowLabel(def.Label)}, b.amountCells(table, def.ID, r, typed, partsSum(table, def))...)
}

// signature is the optional footer of a printed form (填表人 … 单位（公章）), borderless, whose
// fields each stay on one line. Every form prints the footer of the settings.
func (b *builder) signature() []Band {
	s := b.doc.Settings
	if !s.Signature {
		return nil
	}
	b.section(-1, forms.SecSettings, "签字栏")
	b.row("签字栏")
	f := s.Footer
	blank := func(v string) string {
		if v == "" {
			return "　　　　　　"
		}
		return v
	}
	field := func(name, prompt, key, v string) Cell {
		return Cell{Role: RoleFooter, Text: prompt + blank(v), Fit: true, Src: b.from(name, key)}
	}
	cells := []Cell{
		field("填表人", "填表人：", "preparer", f.Preparer),
		field("联系电话", "联系电话：", "phone", f.Phone),
		field("单位负责人", "单位负责人（签字）：", "leader", f.Leader),
		field("填报日期", "填报日期：", "date", f.Date),
	}
	seal := Cell{Role: RoleSeal, Text: "单位（公章）", Fit: true, ColSpan: 4}
	return []Band{{Cols: footerCols(), FitText: true, Rows: []Row{
		{Cells: cells, MinHeight: 12}, {Cells: []Cell{seal}, MinHeight: 16},
	}}}
}
