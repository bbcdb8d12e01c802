// Package pdfout lays out and draws the official printed tables of a forms.Document: the
// 部门（单位）整体绩效自评表 and each 预算项目（政策）绩效目标自评表, A4 portrait, with embedded
// Chinese fonts. It reads only the document model and never imports Fyne.
package pdfout
