// Package xlsxin reads indicator tables and whole documents from spreadsheets: Ziping's own
// Excel export (xlsxout) comes back as the document it was written from, as far as the
// workbook holds it; a plain sheet of indicator rows under a header row (forms.HeaderNames)
// becomes a project form, one per sheet; CSV files (UTF-8, GB18030, UTF-16) are read like a
// plain sheet. Template writes the fill-in workbook such sheets are made from.
//
// Rows are read through forms.ReadIndicatorTable and placed with forms.Tree.Place, as pasted
// rows are, so a table means the same in the paste dialog and here. Nothing here changes an
// open document until AddTo is called; every refusal is an *Error whose Chinese message names
// the file, sheet, row and column. The package never imports Fyne, and reads xlsxout's layout
// from the workbook, not from xlsxout.
package xlsxin
