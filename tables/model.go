package tables

import (
	"github.com/shopspring/decimal"

	"ziping/forms"
)

// Table is one printed form: its title, then its bands top to bottom, all Width wide.
type Table struct {
	// Form is the form in the document: -1 the unit form, i project i.
	Form int
	// Name names the form in problems: forms.UnitFormName or forms.ProjectFormName.
	Name  string
	Title Title
	Bands []Band
	// FormNames, for a table of the items of several forms (the 佐证材料清单, EvidenceForm),
	// names in problems the form each of its cells' Src.Loc.Form is; nil for a form's own table.
	FormNames map[int]string
}

// Title is the centred bold title of a form, made of document settings.
type Title struct {
	Text string
	// Parts are the settings the title is made of (单位简称, then 年度), each with its place:
	// a problem with the title is about the first part that holds it.
	Parts []Part
	// Src names the title in problems (its Loc is that of Parts[0]).
	Src *Source
}

// Band is a run of rows sharing one set of column widths.
type Band struct {
	// Cols are the column widths in mm; every band of a table sums to Width.
	Cols []float64
	// Header is the number of leading rows that head the band: repeated at the top of every
	// printed page it continues on, and of every page of a spreadsheet's printout.
	Header int
	Rows   []Row
	// FitText marks a band whose columns share the table's width in proportion to the widths of
	// its first row's texts on one line, Cols giving the template's split of the room left (the
	// signature footer, whose fields are never broken). An output that cannot measure text uses
	// Cols as they are.
	FitText bool
}

// Row is one row of a band. Cells fill the columns left to right, skipping columns taken by
// row-spanning cells of rows above, as in HTML.
type Row struct {
	Cells []Cell
	// MinHeight is the least height of the row in mm; 0 for one line of text.
	MinHeight float64
	// KeepWithPrev keeps the row on the page of the row before it (a form's totals stay with
	// its last indicator row).
	KeepWithPrev bool
}

// Role is what a cell holds, which decides its look: alignment, borders, and for a number how
// it is written.
type Role uint8

// The roles of cells.
const (
	RoleLabel    Role = iota // a fixed text of the template, centred
	RoleRowLabel             // a fixed row name of the template, left-aligned (the budget rows)
	RoleText                 // a text the user typed, left-aligned
	RoleValue                // a short value the user typed (运算符号, 度量单位, 指标值…), centred
	RoleAmount               // an amount in 万元, typed or computed
	RoleScore                // a 分值 or 得分, typed or computed
	RolePercent              // a rate or 完成程度, computed or typed
	RoleTick                 // a reason box: "√" when ticked
	RoleFooter               // a field of the signature footer: left-aligned, no border
	RoleSeal                 // 单位（公章） under the footer: right-aligned, no border
)

// Align is the horizontal alignment of a cell's text.
type Align uint8

// Alignments.
const (
	AlignCenter Align = iota
	AlignLeft
	AlignRight
)

// Align is how a cell of role r aligns its text.
func (r Role) Align() Align {
	switch r {
	case RoleRowLabel, RoleText, RoleFooter:
		return AlignLeft
	case RoleSeal:
		return AlignRight
	}
	return AlignCenter
}

// Bordered reports whether a cell of role r is drawn with its borders.
func (r Role) Bordered() bool { return r != RoleFooter && r != RoleSeal }

// Cell is one cell of a row. The zero value is an empty, bordered template cell of one column
// and one row.
type Cell struct {
	Role Role
	// Text is what the cell prints: the user's text as typed (outputs clean it of what they
	// cannot show), a template text, or a computed figure as forms prints it; "" when blank.
	Text string
	// Parts, when set, are the pieces Text is joined from, each with the field it comes from
	// (a piece with no Src.Field is template text): a joined cell of the national template.
	Parts []Part
	// Num is the number the cell shows, when HasNum: a plain number the user typed, or the
	// value forms computed (that of Formula when the cell has one). Text shows it as printed.
	Num    decimal.Decimal
	HasNum bool
	// Format is how Num is written.
	Format Format
	// Formula is the spreadsheet formula the figure stands for, over other cells of the table
	// by their Key; "" for a value that is not computed, or stored as a value.
	Formula Formula
	// Computed marks a figure the program computed (a subtotal, a rate, a suggested score, D,
	// C, a total): no editor holds it.
	Computed bool
	// Key names the cell for the formulas of other cells ("" for none); see the Key functions.
	Key string
	// ColSpan and RowSpan are the columns and rows the cell covers; 0 or 1 for one.
	ColSpan, RowSpan int
	// Stack, when > 0, stacks the text at most Stack characters per line: the narrow label
	// cells ("绩/效/指/标").
	Stack int
	// Fit marks a figure printed whole on one line, smaller when it is wider than its column.
	Fit bool
	// SameSize, when not "", names the figures of a table printed at one size (the smallest
	// any of them needs): a project's C, D and C+D, one under the other.
	SameSize string
	// Src is where the text comes from; nil for the template's own texts.
	Src *Source
}

// Source says where a text of a table comes from: its printed section, row and field, for
// problem messages, and where the editor has it.
type Source struct {
	Section string // printed name of the section ("表头", "绩效指标"…)
	Row     string // printed name of the row
	Field   string // printed name of the field or column
	// Loc is where the editor edits the text (its Field is the editor's field key); a figure
	// no editor holds has an empty Loc.Field.
	Loc forms.Location
}

// Part is a piece of a joined text and where it comes from (nil for the template's text).
type Part struct {
	Text string
	Src  *Source
}

// Format is how a number is written: its decimals, as a percentage (the number is a ratio),
// and with thousands separators.
type Format struct {
	Decimals int
	Percent  bool
	Grouped  bool
}
