package xlsxin

import (
	"fmt"
	"slices"
	"strings"

	"ziping/forms"
	"ziping/tables"
)

// The 佐证材料清单 sheet of Ziping's export (tables/evidence.go): a title ending in
// tables.EvidenceTitle, the header tables.EvidenceHeader, then one item a row naming its form
// (表) and its indicator or funds block (指标（或资金）) as the export printed them. It is read
// after the forms (readEvidence), since its rows belong to them; a row whose form or indicator
// the workbook no longer has is noted and left out. The sheet is bounded as every sheet is
// (parseSheet: rows, cells, text), and its lists by forms' limits.

// isEvidenceSheet recognises the 佐证材料清单 by its title and header.
func isEvidenceSheet(s *sheet) bool {
	if len(s.grid) < 2 || !strings.HasSuffix(s.first(0), tables.EvidenceTitle) {
		return false
	}
	return slices.Equal(evidenceTexts(s, 1), tables.EvidenceHeader)
}

// evidenceTexts are the trimmed texts of the first len(tables.EvidenceHeader) columns of row r.
func evidenceTexts(s *sheet, r int) []string {
	out := make([]string, len(tables.EvidenceHeader))
	for c := range out {
		if x := s.at(r, c); x != nil && x.row == r && x.col == c {
			out[c] = strings.TrimSpace(x.text)
		}
	}
	return out
}

// readEvidence fills the 佐证材料 lists of the document read from the 佐证材料清单 sheets kept
// by sheet (none: no evidence): each row appended to the list its 表 and 指标（或资金） name, in the sheet's order.
// The 电子文件 column shows a file's name only; the whole path is taken from the workbook's
// shadow where its item at the same place has a file of that name (evidencePaths).
func (imp *importer) readEvidence() {
	lists := map[[2]string]forms.EvidenceList{}
	for _, l := range imp.doc.EvidenceLists() {
		*l.Items = nil // what a form's reader took from the shadow: the sheet is the truth
		lists[[2]string{l.FormName, l.Row}] = l
	}
	total := 0
	for _, s := range imp.evidence {
		for r := 2; r < len(s.grid); r++ {
			t := evidenceTexts(s, r)
			e := forms.Evidence{Name: t[3], Kind: t[4], Pages: t[5], Path: t[6]}
			if e.IsBlank() {
				continue
			}
			l, ok := lists[[2]string{t[1], t[2]}]
			switch {
			case !ok:
				imp.note(fmt.Sprintf("工作表“%s”第 %d 行：文件中没有“%s”的“%s”，这项佐证材料未导入。", s.name, r+1, t[1], t[2]))
			case len(*l.Items) >= forms.MaxEvidencePerList || total >= forms.MaxEvidenceTotal:
				imp.note(fmt.Sprintf("工作表“%s”第 %d 行：佐证材料%v（每个指标或资金栏最多 %d 项，全文档最多 %d 项），这一项及以后超出的未导入。", s.name, r+1, forms.ErrLimit, forms.MaxEvidencePerList, forms.MaxEvidenceTotal))
			default:
				*l.Items = append(*l.Items, e)
				total++
			}
		}
	}
	imp.evidencePaths()
}

// evidencePaths gives each item read the whole path its shadow item at the same place holds,
// when the sheet shows that path's file name.
func (imp *importer) evidencePaths() {
	if imp.shadow == nil {
		return
	}
	shadowLists := map[[2]string]forms.EvidenceList{}
	for _, l := range imp.shadow.doc.EvidenceLists() {
		shadowLists[[2]string{l.FormName, l.Row}] = l
	}
	for _, l := range imp.doc.EvidenceLists() {
		sh, ok := shadowLists[[2]string{l.FormName, l.Row}]
		if !ok {
			continue
		}
		shown := slices.DeleteFunc(slices.Clone(*sh.Items), forms.Evidence.IsBlank) // as printed
		for i := range min(len(*l.Items), len(shown)) {
			e := &(*l.Items)[i]
			if e.Path != "" && tables.EvidenceFileName(shown[i].Path) == e.Path && e.Name == strings.TrimSpace(shown[i].Name) {
				e.Path = shown[i].Path
			}
		}
	}
}
