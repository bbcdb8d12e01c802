package xlsxin

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"ziping/forms"
)

// importer gathers the forms of the sheets of one file into a new document.
type importer struct {
	file  string
	doc   *forms.Document
	notes []string
	// unnoted counts the notes beyond maxNotes, left out of notes.
	unnoted int
	// unit is true once a 单位整体绩效自评表 has been read; titled once the settings have been
	// read from a title of Ziping's export.
	unit, titled bool
	// linear is true when a score formula of Ziping's export uses the linear rule for
	// negative indicators.
	linear bool
	// skipped are the reasons sheets were left out, for the error when nothing was read.
	skipped []string
	// onlyExamples are the sheets left out because they hold nothing but the template's
	// example row: their users followed the template and only need to fill it in.
	onlyExamples []string
	// manual are the rows with a 得分 the table holds as typed (Ziping's export: not its
	// formula; a plain sheet: any 得分); their 手工调整 flag is decided once the document can be
	// evaluated (settleManual).
	manual []*forms.Indicator
	// plainProjects are the projects read from plain sheets (AddTo fills their blank 主管部门
	// and 实施单位 as a new project's).
	plainProjects []*forms.ProjectForm
	// shadow is the document the workbook carries in its hidden sheet, or nil (shadow.go).
	shadow *shadow
	// yearRead is true once a national form's title gave the year (it names no unit).
	yearRead bool
	// read are the templates of the project forms read, in the order first read.
	read []forms.TemplateID
	// titleText is the national title the year was read from (yearRead).
	titleText string
	// evidence are the 佐证材料清单 sheets, read once the forms are (evidence.go).
	evidence []*sheet
	// shadowOf maps each project read to its project in the shadow.
	shadowOf map[*forms.ProjectForm]int
}

func newImporter(file string) *importer {
	doc := forms.NewDocument(0)
	doc.Settings.Year = ""
	return &importer{file: file, doc: doc}
}

// note adds a note, up to maxNotes; the others are counted (finish says how many).
func (imp *importer) note(s string) {
	if len(imp.notes) >= maxNotes {
		imp.unnoted++
		return
	}
	imp.notes = append(imp.notes, s)
}

// sheet reads one worksheet: a form of Ziping's export, or a plain indicator table.
func (imp *importer) sheet(s *sheet) error {
	if isEvidenceSheet(s) {
		imp.evidence = append(imp.evidence, s)
		return nil
	}
	if kindOf(s) == kindUnit {
		if imp.unit {
			imp.note(fmt.Sprintf("工作表“%s”：文件中已有一张%s，这一张未导入。", s.name, forms.UnitFormName))
			return nil
		}
		return imp.ownUnit(s)
	}
	if r := readerOf(s); r != nil {
		imp.readTemplate(r.template)
		return r.read(imp, s)
	}
	return imp.plain(s)
}

// addProject appends p to the document, refusing more than forms.MaxProjects.
func (imp *importer) addProject(p *forms.ProjectForm, sheetName string) error {
	if len(imp.doc.Projects) >= forms.MaxProjects {
		return &Error{Sheet: sheetName, Err: forms.ErrLimit,
			Reason: fmt.Sprintf("工作表“%s”：项目表%v（一个文档最多 %d 张）：请把工作簿分成几个文件导入。", sheetName, forms.ErrLimit, forms.MaxProjects)}
	}
	imp.doc.Projects = append(imp.doc.Projects, p)
	return nil
}

// finish completes the document: the settings the workbook implies, the 手工调整 flags, and
// forms' own reading of the result (normalised, within limits), as a saved file would be.
func (imp *importer) finish() (*Result, error) {
	if !imp.unit && len(imp.doc.Projects) == 0 {
		reason := "文件中没有可以导入的内容。"
		if len(imp.skipped)+len(imp.onlyExamples) > 0 {
			reason = ""
		}
		if len(imp.onlyExamples) > 0 {
			reason = strings.Join(imp.onlyExamples, "；") + "：请在示例行下面每行填写一个三级指标后再导入（示例行本身不会导入）。"
		}
		if len(imp.skipped) > 0 {
			reason += strings.Join(imp.skipped, "；") + "：请按导入模板整理后再导入。"
		}
		return nil, &Error{Reason: reason}
	}
	imp.mergeSettings()
	imp.settleManual()
	imp.readEvidence()
	imp.reconcile()
	if strings.TrimSpace(imp.doc.Settings.Year) == "" {
		imp.note("文件中没有年度：请在“文档设置”中填写年度。")
	}
	if imp.unnoted > 0 {
		imp.notes = append(imp.notes, fmt.Sprintf("另有 %d 条说明未列出。", imp.unnoted))
	}
	doc, err := settle(imp.doc)
	if err != nil {
		return nil, err
	}
	res := &Result{Doc: doc, Unit: imp.unit, Notes: imp.notes, plain: map[int]bool{}}
	for i, p := range imp.doc.Projects {
		res.plain[i] = slices.Contains(imp.plainProjects, p)
	}
	return res, nil
}

// settle passes doc through forms' file format: the document comes back as storage.Load would
// give it (fixed rows complete, lists not nil), and one beyond forms' limits is refused.
func settle(doc *forms.Document) (*forms.Document, *Error) {
	data, err := forms.Marshal(doc)
	if err != nil {
		return nil, &Error{Reason: err.Error(), Err: err}
	}
	out, err := forms.Unmarshal(data)
	if err != nil {
		reason := err.Error()
		var fe *forms.FileError
		if errors.As(err, &fe) {
			reason = strings.TrimSuffix(fe.Reason, "，文件可能已损坏。") + "。"
		}
		return nil, &Error{Reason: reason, Err: err}
	}
	return out, nil
}
