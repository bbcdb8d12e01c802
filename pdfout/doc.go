// Package pdfout lays out and draws the official printed tables of a forms.Document: the
// 部门（单位）整体绩效自评表 and each 预算项目（政策）绩效目标自评表, A4 portrait, with embedded
// Chinese fonts. It prints the tables package builds from the document (the same rows the Excel
// export writes), with the layout package's geometry, and never imports Fyne.
package pdfout
