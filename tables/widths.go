package tables

// Width is the width (mm) of every printed table: A4 less 15 mm side margins.
const Width = 180

// Widths are the column widths (mm) of each band of the printed forms, left to right. The PDF
// prints them and the Excel export lays its sheets out with them, so that both keep the
// template's proportions: change them here only.
type Widths struct {
	UnitHeader    []float64 // 部门（单位）名称 … 所属单位数量
	UnitBudget    []float64 // 年度部门（单位）整体收支情况
	UnitTasks     []float64 // 年度主要任务
	UnitGoals     []float64 // 年度绩效目标
	ProjectHeader []float64 // 项目（政策）名称 … 实施期
	ProjectFunds  []float64 // 项目预算资金
	// UnitIndicators and ProjectIndicators: 一级 | 二级 | 指标 N | 运算符号 | 内容 | 度量单位 |
	// 指标值 | 完成值 | 完成程度 | 分值 | 得分 | five reason ticks | 原因说明 | 改进措施; the
	// project table has the stacked 绩效指标 column in front. 完成程度 is 12 mm, so that a rate
	// with two decimals over 100 % ("103.16%") prints at 7.5 pt, not Cell.Fit's 6 pt floor; the
	// 二级 column, two characters a line, gives up the 2 mm.
	UnitIndicators    []float64
	ProjectIndicators []float64
	// The widths of another template's own bands are in its own file (tables/national.go).
}

// Index of the 得分 column of the indicator tables and count of the columns after it, without
// the project table's outer column.
const (
	ScoreCol  = 10
	AfterCols = 7
)

// FormWidths returns the column widths of the forms (a fresh copy each call).
func FormWidths() Widths {
	return Widths{
		UnitHeader:        []float64{36, 50, 46, 48},
		UnitBudget:        []float64{16, 76, 22, 22, 22, 22},
		UnitTasks:         []float64{16, 42, 34, 22, 22, 22, 22},
		UnitGoals:         []float64{16, 82, 82},
		ProjectHeader:     []float64{30, 60, 30, 60},
		ProjectFunds:      []float64{48, 22, 22, 22, 14, 24, 28},
		UnitIndicators:    []float64{9, 9, 11, 6, 26, 7, 13, 13, 12, 8, 8, 6, 6, 6, 6, 6, 14, 14},
		ProjectIndicators: []float64{6, 7, 9, 11, 6, 22, 7, 13, 13, 12, 8, 8, 6, 6, 6, 6, 6, 14, 14},
	}
}

// widths are the forms' column widths as the tables use them.
var widths = FormWidths()

// footerShares are the template's split of the signature footer's four columns.
var footerShares = [4]float64{0.22, 0.26, 0.30, 0.22}

// footerCols are the footer's columns at the template's split of the table's width.
func footerCols() []float64 {
	w := float64(Width)
	cols := make([]float64, len(footerShares))
	for i, s := range footerShares {
		cols[i] = w * s
	}
	return cols
}
