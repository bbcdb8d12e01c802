// Package xlsxin reads indicator tables and whole documents from spreadsheets: Ziping's own
// Excel export (xlsxout) comes back as the document it was written from, as far as the
// workbook holds it; a plain sheet of indicator rows under a header row (the header names of forms/tabular.go)
// becomes a project form, one per sheet; CSV files (UTF-8, GB18030, UTF-16) are read like a
// plain sheet. Template writes the fill-in workbook such sheets are made from.
//
// Rows of plain sheets are read through forms.ReadIndicatorTable and placed with
// forms.Tree.Place, as pasted rows are, so a table means the same in the paste dialog and
// here; a 得分 equal by value to the rules' suggestion is read as the suggestion, not as
// 手工调整 (forms.Document.SettleManual). Nothing here changes an open document until
// Result.AddTo is called; every refusal is an *Error whose Chinese message names the file,
// sheet, row and column. The package never imports Fyne, and reads xlsxout's layout from the
// workbook, not from xlsxout.
//
// # What Ziping's export cannot hold
//
// The export carries the document itself, as its file holds it, in a very hidden sheet named
// "ziping" (xlsxout/shadow.go; shadow.go here). LibreOffice keeps it when it saves the workbook
// (TestExportResavedByLibreOffice); Excel and WPS were not tried here. It is not printed, and
// Excel's 取消隐藏 does not list a very hidden sheet. The visible cells
// stay the truth for what they show: the shadow gives every setting (the whole forms.Settings,
// so a setting added later travels too: 表式, 计分规则, 金额显示, 签字栏), the fields a template
// does not print (实施期 in the national form, 评价结论 and 存在问题 in the Liaoning one), how a
// text was typed where the cell still shows what that text prints ("1,234.56", "１２３４．５",
// "13分", a space at the end of a name, a control character printed as □), how a joined cell of
// the national form was typed (运算符号, 年度指标值 and 度量单位 in one cell; ticks, 原因说明 and
// 改进措施 in another), a 财政拨款 split over two rows, an empty goal list, and, for a 三级 row
// whose visible cells all agree, its 评级 and 手工调整 flag (TestWhatTheWorkbookCannotHold,
// TestNationalRoundTrip). A cell edited in Excel keeps its new text; a sheet finds its shadow
// project by the project name it shows. A unit form the export left out as not filled comes back
// from the shadow as it was. Still lost with the shadow: a blank 三级 row
// typed in the national form beside other rows of its 二级 (read as nothing: the form prints
// such a row as it prints the row of an empty 二级), a figure the program computes (it comes
// back blank, for forms to compute again), and a text cut at Excel's cell limit.
//
// A workbook without its shadow (the sheet deleted, or a table typed by hand) is read by its
// visible labels alone, so columns moved or merged differently read the same; what the
// visible sheets cannot hold then comes back as follows: figures the program computes come back
// blank; a 得分 typed while the rules' suggestion is in force, or a 完成程度 typed where one is
// computed, is lost (forms ignores both); numbers come back as their number format shows them (a
// typed "１２３４．５" or "600.00万元" as "1234.5" and "600.00", a 分值 "13分" as "13", amounts
// without thousands separators, and under 金额显示 两位小数 every amount typed with two
// decimals); texts come back as the export cleaned them (control characters as □). Not in the
// visible sheets at all:
//   - 金额显示 (read as 按输入显示, which prints the same figures), the rule options
//     (超额完成, 执行率封顶, 得分取舍, 严格说明), and the 单位简称 of a national-only workbook;
//   - 反向指标计分, unless a negative indicator's score is a formula (then the linear rule shows);
//   - the grade picked (达成, 部分达成, 未达成);
//   - 手工调整 of a score to exactly the suggested one (read as not adjusted: the same score);
//   - the signature footer's values while the footer is off;
//   - an empty goal list (the form prints one blank goal);
//   - spaces at the end of a 一级 or 二级 name, line breaks in one;
//   - a 二级 named "" without rows, alone under its 一级 (read as a 一级 without 二级);
//   - in the national form: 实施期; the 运算符号 and 度量单位 (read inside the 年度指标值 and
//     实际完成值 as written: "≥100人", which forms scores alike); a 财政拨款 split over two rows
//     (read as one); "指标 N：" before a 三级 name is dropped.
//
// # What a file may cost
//
// Every reader counts what it makes against one budget per file (budget.go: bytes unpacked, XML
// elements, cells; sheets and cell formats capped too), and a file beyond it is refused when the
// budget runs out, naming what ran out and where; a pasted table has the same budget of cells
// (forms.MaxTableCells). The probes of budget_test.go are the files that once cost gigabytes or
// minutes; BenchmarkBudget measures each.
//
// # Published national tables
//
// A sheet or CSV laid out as the national 项目支出绩效自评表 (a 项目名称, a 年度资金总额 row and
// an indicator table with 三级指标, wherever they stand: national.go) is read by its labels as
// printed: a label's value is the next filled cell on its row before any other label (a blank
// 主管部门 stays blank), headings are compared without their notes ("全年预算数(A)"), each
// 项目资金 row by its label, the goals under 预期目标 and 实际完成情况, each 三级 row under the
// 一级 and 二级 to its left (a merged label, or in a table without merges the last one above;
// a weight note "产出指标(50分)" dropped), up to the 总分 row, which is not read; the 表式 of
// the document is national.
package xlsxin
