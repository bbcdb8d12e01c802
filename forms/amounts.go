package forms

// Amounts are the three amount cells of a budget row, as typed, in 万元.
type Amounts struct {
	Initial string `json:"initial"` // 年初预算数
	Full    string `json:"full"`    // 全年预算数（A）
	Actual  string `json:"actual"`  // 全年执行数（B）
}

// IsBlank reports whether no amount was typed.
func (a Amounts) IsBlank() bool {
	return isBlank(a.Initial) && isBlank(a.Full) && isBlank(a.Actual)
}

// AmountRow is one row of a fixed budget table, addressed by a stable ID.
type AmountRow struct {
	ID string `json:"id"`
	Amounts
}

// AmountColumn names one of the three amount columns.
type AmountColumn int

// The amount columns, in printed order.
const (
	ColInitial AmountColumn = iota
	ColFull
	ColActual
)

// AmountColumns lists the amount columns in printed order. An array: it cannot be appended to
// or cut, and ranging over it copies it.
var AmountColumns = [...]AmountColumn{ColInitial, ColFull, ColActual}

// amountColumnNames are each column's printed name and field key, in AmountColumn order.
var amountColumnNames = [...]struct{ label, key string }{
	{"年初预算数", "initial"}, {"全年预算数", "full"}, {"全年执行数", "actual"},
}

// Label is the column's printed name without its letter: 年初预算数, 全年预算数, 全年执行数; the
// checks name a cell by it.
func (c AmountColumn) Label() string { return amountColumnNames[c].label }

// Key is the column's field key, as a Location's Field and the document file's JSON name it:
// initial, full, actual.
func (c AmountColumn) Key() string { return amountColumnNames[c].key }

// Cell is the typed text of column c, for an editor to bind.
func (a *Amounts) Cell(c AmountColumn) *string {
	switch c {
	case ColInitial:
		return &a.Initial
	case ColFull:
		return &a.Full
	default:
		return &a.Actual
	}
}

// Get returns the typed text of column c.
func (a *Amounts) Get(c AmountColumn) string { return *a.Cell(c) }

// Set stores the typed text of column c.
func (a *Amounts) Set(c AmountColumn, v string) { *a.Cell(c) = v }

// RowDef describes a fixed row of a budget table: its ID, its printed label and, for a
// subtotal, the IDs of the rows it sums.
type RowDef struct {
	ID    string
	Label string
	Parts []string
}

// IsSubtotal reports whether the row is computed from other rows unless typed.
func (r RowDef) IsSubtotal() bool { return len(r.Parts) > 0 }

// UnitBudgetRows are the rows of 年度部门（单位）整体收支情况（万元）, docs/scoring.md §1.1, in printed order.
var UnitBudgetRows = []RowDef{
	{ID: "I0", Label: "年度部门预算收入小计（1至7项）", Parts: []string{"I1", "I2", "I3", "I4", "I5", "I6", "I7"}},
	{ID: "I1", Label: "1.财政拨款收入"},
	{ID: "I2", Label: "2.中央提前告知转移支付资金"},
	{ID: "I3", Label: "3.纳入预算管理的行政事业性收费等非税收入"},
	{ID: "I4", Label: "4.纳入政府性基金预算管理收入"},
	{ID: "I5", Label: "5.纳入专户管理的行政事业性收费等非税收入"},
	{ID: "I6", Label: "6.上年结转"},
	{ID: "I7", Label: "7.其他收入"},
	{ID: "E0", Label: "年度部门预算支出小计（一+二）", Parts: []string{"E1", "E2"}},
	{ID: "E1", Label: "一、基本支出（第1至4项小计）", Parts: []string{"E1.1", "E1.2", "E1.3", "E1.4"}},
	{ID: "E1.1", Label: "1.工资福利支出"},
	{ID: "E1.2", Label: "2.商品和服务支出"},
	{ID: "E1.3", Label: "3.对个人和家庭的补助"},
	{ID: "E1.4", Label: "4.资本性支出"},
	{ID: "E2", Label: "二、项目支出（第1至2项小计）", Parts: []string{"E2.1", "E2.2"}},
	{ID: "E2.1", Label: "1.履职保障类（部门经费类）项目支出"},
	{ID: "E2.2", Label: "2.事业发展类（专项资金类）项目支出"},
}

// ProjectFundRows are the rows of 项目预算资金, docs/scoring.md §2.1, in printed order.
var ProjectFundRows = []RowDef{
	{ID: "T", Label: "年度预算资金总额：", Parts: []string{"S1", "S2", "S3", "S4", "S5", "S6", "S7"}},
	{ID: "S1", Label: "其中：财政拨款收入"},
	{ID: "S2", Label: "中央提前告知转移支付资金"},
	{ID: "S3", Label: "纳入预算管理的行政事业性收费等非税收入"},
	{ID: "S4", Label: "纳入政府性基金预算管理收入"},
	{ID: "S5", Label: "纳入专户管理的行政事业性收费等非税收入"},
	{ID: "S6", Label: "上年结转"},
	{ID: "S7", Label: "其他收入"},
}

// newAmountRows returns one blank row per definition, in order.
func newAmountRows(defs []RowDef) []AmountRow {
	rows := make([]AmountRow, len(defs))
	for i, d := range defs {
		rows[i].ID = d.ID
	}
	return rows
}

// rowDef finds the definition of id in defs.
func rowDef(defs []RowDef, id string) (RowDef, bool) {
	for _, d := range defs {
		if d.ID == id {
			return d, true
		}
	}
	return RowDef{}, false
}

// findRow returns the row with id, or nil.
func findRow(rows []AmountRow, id string) *AmountRow {
	for i := range rows {
		if rows[i].ID == id {
			return &rows[i]
		}
	}
	return nil
}
