// Package xlsxout writes a forms.Document as an Excel workbook (.xlsx): one sheet per form,
// laid out from the tables package's model of the printed forms, as the PDF prints them (same
// rows, labels and merged cells), with the
// amounts, scores, and the 指标值 and 全年完成值 typed as plain numbers stored as numbers
// (the formulas of 完成程度 and 得分 refer to them), and every figure the program computes (subtotals,
// 执行率, 完成程度, suggested scores, D, C and the totals) stored as a formula with its value,
// so that a superior can audit the arithmetic in Excel or WPS. It never imports Fyne nor
// pdfout.
package xlsxout
