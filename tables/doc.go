// Package tables is the official printed tables of a forms.Document, built once and
// format-neutral: for each form, its title and bands of rows of cells, each cell with its role
// (template label, the user's text, an amount, a score…), its spans, its text and number, the
// spreadsheet formula it stands for, and where in the document it comes from. pdfout lays the
// tables out on pages and paints them, xlsxout maps them to cells, styles and formulas, and the
// check of unprintable characters reads them: each output draws the same rows from one place.
// The department summary (部门汇总) of several documents is built the same way (BuildSummary in
// summary.go), for pdfout, xlsxout and the summary window.
//
// It imports forms only (and forms' decimal type); never Fyne, a PDF or a spreadsheet library.
package tables
