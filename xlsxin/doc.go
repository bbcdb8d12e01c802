// Package xlsxin reads indicator tables and whole documents from spreadsheets: Ziping's own
// Excel export (xlsxout) comes back as the document it was written from, as far as the
// workbook holds it; a plain sheet of indicator rows under a header row (forms.HeaderNames)
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
// Reading an export back gives the document it was written from except for what the workbook
// does not show (TestWhatTheWorkbookCannotHold): figures the program computes come back blank,
// for forms to compute again, and so does a 得分 typed while the rules' suggestion is in force
// or a 完成程度 typed where one is computed (forms ignores both); numbers come back as their
// number format shows them (a typed "１２３４．５" or "600.00万元" as "1234.5" and "600.00", a
// 分值 "13分" as "13", amounts without thousands separators, and under 金额显示 两位小数
// every amount typed with two decimals); texts come back as the export cleaned them (control
// characters as □, a text cut at Excel's cell limit cut). Not in the workbook at all:
//   - 金额显示 (read as 按输入显示, which prints the same figures);
//   - 反向指标计分, unless a negative indicator's score is a formula (then the linear rule shows);
//   - the grade picked (达成, 部分达成, 未达成);
//   - 手工调整 of a score to exactly the suggested one (read as not adjusted: the same score);
//   - the signature footer's values while the footer is off;
//   - an empty goal list (the form prints one blank goal);
//   - spaces at the end of a 一级 or 二级 name, line breaks in one;
//   - a unit form left blank beside projects (not exported: it comes back as a new one);
//   - a 二级 named "" without rows, alone under its 一级 (read as a 一级 without 二级).
//
// An export in the national template (项目支出绩效自评表) is not read back as its document: its
// project sheets are read as plain indicator tables, with a note each saying what is left out
// (项目资金, goals, 偏差原因分析及改进措施, 评价结论, 存在问题, the 表式 itself).
package xlsxin
