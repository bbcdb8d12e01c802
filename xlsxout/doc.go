// Package xlsxout writes a forms.Document as an Excel workbook (.xlsx): one sheet per form,
// laid out like the printed tables of pdfout (same rows, labels and merged cells), with the
// amounts and scores stored as numbers and every figure the program computes (subtotals,
// 执行率, 完成程度, suggested scores, D, C and the totals) stored as a formula with its value,
// so that a superior can audit the arithmetic in Excel or WPS. It reads only the document
// model and forms.Evaluate's results, and never imports Fyne.
package xlsxout
