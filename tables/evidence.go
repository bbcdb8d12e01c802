package tables

import (
	"strconv"
	"strings"

	"ziping/forms"
)

// The 佐证材料清单: every 佐证材料 item of a document (forms/evidence.go) that is not blank, one
// row each in the printed order of the lists (forms.Document.EvidenceLists), under a header
// repeated on every page. The PDF prints it after the forms and the Excel export writes it as a
// sheet, only when the document lists an item (forms.Document.HasEvidence): a document without
// evidence prints as before the lists existed.

// EvidenceForm is the Table.Form of the 佐证材料清单: it is no form of its own, and each of its
// cells' Src names the form the item belongs to.
const EvidenceForm = -2

// EvidenceTitle ends the list's printed title and names its Excel sheet.
const EvidenceTitle = "佐证材料清单"

// EvidenceHeader is the list's header row, the labels xlsxin reads the sheet back by.
var EvidenceHeader = []string{"序号", "表", "指标（或资金）", "材料名称", "材料类型", "页数", "电子文件"}

// EvidenceCols are the widths (mm) of the list's columns, as EvidenceHeader.
var EvidenceCols = []float64{10, 34, 44, 44, 18, 10, 20}

// Evidence returns the 佐证材料清单 of doc, or nil when doc lists no item that is not blank.
// The 电子文件 column prints the file's name alone: a path on the user's disk means nothing on
// paper, and the Excel import takes the whole path back from the workbook's copy of the document.
func Evidence(doc *forms.Document) *Table {
	if !doc.HasEvidence() {
		return nil
	}
	b := &builder{doc: doc}
	header := make([]Cell, len(EvidenceHeader))
	for i, h := range EvidenceHeader {
		header[i] = label(h)
	}
	rows := []Row{{Cells: header, MinHeight: 8}}
	n, names := 0, map[int]string{}
	for _, l := range doc.EvidenceLists() {
		names[l.Form] = l.FormName
		b.evidenceSection(l)
		for i, e := range *l.Items {
			if e.IsBlank() {
				continue
			}
			n++
			rows = append(rows, b.evidenceRow(l, i, n, e))
		}
	}
	title := b.title(doc.Settings.Year + " 年" + doc.Settings.UnitShortName + "绩效自评" + EvidenceTitle)
	return &Table{Form: EvidenceForm, Name: EvidenceTitle, Title: title, FormNames: names,
		Bands: []Band{{Cols: EvidenceCols, Header: 1, Rows: rows}}}
}

// evidenceSection starts the cells of list l: in the section of its form that holds it.
func (b *builder) evidenceSection(l forms.EvidenceList) {
	if l.Funds {
		name := "年度部门（单位）整体收支情况（万元）"
		if l.Form >= 0 {
			name = "项目预算资金（万元）"
		}
		b.section(l.Form, forms.SecBudget, name)
		return
	}
	name := "分解目标评价"
	if l.Form >= 0 {
		name = "绩效指标"
	}
	b.section(l.Form, forms.SecIndicators, name)
}

// evidenceRow is the printed row of item i of list l, the n-th of the table.
func (b *builder) evidenceRow(l forms.EvidenceList, i, n int, e forms.Evidence) Row {
	at := forms.Location{Index: i, Path: l.Path}
	if l.Funds {
		at.RowID = "evidence"
	}
	b.rowAt(l.Row, at)
	item := "佐证材料第 " + strconv.Itoa(i+1) + " 项 › "
	return Row{Cells: []Cell{
		label(strconv.Itoa(n)),
		{Role: RoleText, Text: l.FormName},
		{Role: RoleText, Text: l.Row},
		b.text(e.Name, item+"材料名称", "evidence_name"),
		b.value(e.Kind, item+"材料类型", "evidence_kind"),
		b.value(e.Pages, item+"页数", "evidence_pages"),
		b.text(EvidenceFileName(e.Path), item+"电子文件", "evidence_path"),
	}}
}

// EvidenceFileName is the name of the file at path, without its folders, whether they are
// written with / or \ (a path typed on Windows, read anywhere).
func EvidenceFileName(path string) string {
	path = strings.TrimRight(strings.TrimSpace(path), `/\`)
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
