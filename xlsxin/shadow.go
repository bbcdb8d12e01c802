package xlsxin

import (
	"errors"
	"fmt"
	"strings"

	"ziping/forms"
)

// The very hidden sheet in which Ziping's export carries the document itself (xlsxout/shadow.go:
// the same name and mark; xlsxin does not import xlsxout).
const (
	shadowSheet = "ziping"
	shadowMark  = "ziping-document-1"
)

// shadow is the document a workbook carries besides its visible sheets. The visible cells stay
// the truth for what they show; the shadow gives what they cannot: every setting (whatever
// settings exist: the whole forms.Settings travels), the fields a template does not print
// (实施期 in the national form; 评价结论 and 存在问题 in the Liaoning one), and how a joined
// cell of the national form was typed (运算符号, 年度指标值 and 度量单位 in one cell; ticks,
// 原因说明 and 改进措施 in another), taken only where the cell still shows what the shadow
// would print. A workbook without it (edited in WPS and saved without its hidden sheet, or
// typed by hand) is read by its visible labels alone.
type shadow struct {
	doc *forms.Document
	ev  *forms.Evaluation // evaluated once, when needed (evaluation)
	// used marks the shadow's projects already matched to a sheet.
	used map[int]bool
}

// readShadow decodes the shadow sheet s; one that does not hold a document this program can
// read (cut, edited, or written by a newer program) is noted and ignored. One whose 表式 this
// program does not have refuses the workbook: its sheets would be read as another template's.
func (imp *importer) readShadow(s *sheet) error {
	if len(s.grid) == 0 || s.first(0) != shadowMark {
		return nil
	}
	var b strings.Builder
	for r := 1; r < len(s.grid); r++ {
		if c := s.at(r, 0); c != nil && c.row == r {
			b.WriteString(c.text)
		}
	}
	doc, err := forms.Unmarshal([]byte(b.String()))
	var unknown *forms.UnknownTemplateError
	if errors.As(err, &unknown) {
		return &Error{Sheet: s.name, Reason: unknown.Error(), Err: err}
	}
	if err != nil {
		imp.note(fmt.Sprintf("工作簿中随导出保存的文档设置无法读取（%v），按各工作表显示的内容导入：请核对文档设置（表式、计分规则等）。", err))
		return nil
	}
	imp.shadow = &shadow{doc: doc, used: map[int]bool{}}
	return nil
}

// project returns the index of the shadow's first unmatched project named name, marking it
// matched, or -1: a sheet is matched by the name it shows, so sheets moved, deleted or renamed
// in Excel still find their own project.
func (sh *shadow) project(name string) int {
	if sh == nil {
		return -1
	}
	for i, p := range sh.doc.Projects {
		if !sh.used[i] && p.Name == name {
			sh.used[i] = true
			return i
		}
	}
	return -1
}

// nationalFunds returns the 项目资金 rows of the shadow's project i as the national form prints them.
func (sh *shadow) nationalFunds(i int) []forms.NationalFund {
	return sh.doc.Projects[i].NationalFunds(sh.evaluation().Projects[i])
}

// evaluation is forms.Evaluate of the shadow's document, computed once.
func (sh *shadow) evaluation() *forms.Evaluation {
	if sh.ev == nil {
		sh.ev = forms.Evaluate(sh.doc)
	}
	return sh.ev
}

// mergeSettings sets the document's settings once every sheet is read: the shadow's, with what
// the visible sheets show over them (the year and 单位简称 of the titles, the signature footer,
// a score formula of the linear rule, the 表式 of the project sheets). Without a shadow, the
// visible sheets alone: a national form read sets the national 表式.
func (imp *importer) mergeSettings() {
	v := &imp.doc.Settings
	if imp.linear {
		v.Negative = forms.NegativeLinear
	}
	read, ok := imp.template()
	if imp.shadow == nil {
		if ok {
			v.SetTemplate(read)
		}
		return
	}
	s := imp.shadow.doc.Settings
	// A title still showing what the shadow's settings print keeps them: a title is read back
	// ambiguously when a year or 单位简称 holds " 年".
	switch {
	case imp.titled && v.Year+" 年"+v.UnitShortName != s.Year+" 年"+s.UnitShortName:
		s.Year, s.UnitShortName = v.Year, v.UnitShortName
	case imp.yearRead && imp.titleText != nationalTitle(s):
		s.Year = v.Year
	}
	s.Signature = v.Signature
	if v.Signature {
		s.Footer = v.Footer
	}
	if imp.linear {
		s.Negative = forms.NegativeLinear
	}
	if ok {
		s.SetTemplate(read)
	}
	*v = s
}

// restoreHidden gives p, read from a sheet of template id, the fields that template does not
// print (forms.ProjectLayout), from the shadow's project of the same name.
func (imp *importer) restoreHidden(p *forms.ProjectForm, i int, id forms.TemplateID) {
	if i < 0 {
		return
	}
	if imp.shadowOf == nil {
		imp.shadowOf = map[*forms.ProjectForm]int{}
	}
	imp.shadowOf[p] = i
	sp, l := imp.shadow.doc.Projects[i], layoutOf(id)
	if !l.Period {
		p.Period = sp.Period
	}
	if !l.Conclusion {
		p.Conclusion, p.Issues = sp.Conclusion, sp.Issues
	}
}
