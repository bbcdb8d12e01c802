package xlsxout

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/tables"
)

// Result describes a finished export.
type Result struct {
	// Sheets are the names of the sheets written, in order: the unit form, then each project.
	Sheets []string
	// Warnings name each text the workbook could not hold as typed (control characters, or
	// more characters than a cell holds).
	Warnings []forms.Problem
}

// Write writes every form of doc as one sheet of an .xlsx workbook to w: the unit form, then
// each project form. The figures come from forms.Evaluate. It never panics: an internal failure
// comes back as an error.
func Write(w io.Writer, doc *forms.Document) (*Result, error) {
	return WriteEvaluated(w, doc, nil)
}

// WriteEvaluated is Write with ev, forms.Evaluate(doc), made already by the caller (the export
// evaluates a document once for the workbook and its notes); nil evaluates doc.
func WriteEvaluated(w io.Writer, doc *forms.Document, ev *forms.Evaluation) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("导出 Excel 时发生内部错误（%v），请把文档发给开发者", p)
		}
	}()
	if ev == nil {
		ev = forms.Evaluate(doc)
	}
	wb := newWorkbook(doc, ev)
	defer wb.f.Close()
	if err := wb.addForms(); err != nil {
		return nil, err
	}
	if err := wb.addShadow(); err != nil {
		return nil, err
	}
	if err := wb.finish(); err != nil {
		return nil, err
	}
	if err := writeFile(w, wb.f); err != nil {
		return nil, fmt.Errorf("写入 Excel 文件失败：%w", err)
	}
	return &Result{Sheets: wb.sheets, Warnings: wb.c.warnings}, nil
}

// workbook is a workbook being made: its file, styles and sheet names, and the document.
type workbook struct {
	f      *excelize.File
	st     *styles
	doc    *forms.Document
	ev     *forms.Evaluation
	c      *cleaner
	sheets []string
	used   map[string]bool // sheet names in lower case
	titles []printTitles   // added by finish
	lines  lineCounter
	stacks stacker
}

func newWorkbook(doc *forms.Document, ev *forms.Evaluation) *workbook {
	f := excelize.NewFile()
	_ = f.SetDefaultFont(bodyFont) // the font of empty cells, page numbers and column widths; it cannot fail on a new file
	return &workbook{
		f: f, st: newStyles(f), used: map[string]bool{}, lines: lineCounter{}, stacks: stacker{},
		doc: doc, ev: ev, c: &cleaner{},
	}
}

// addForms adds a sheet for each printed form: the unit form (unless it is left blank beside
// projects: forms.ExportNotes), then each project form; then the 佐证材料清单 when the document
// lists evidence (tables.Evidence).
func (wb *workbook) addForms() error {
	for _, t := range tables.Forms(wb.doc, wb.ev) {
		name := "单位整体绩效自评表"
		if t.Form >= 0 {
			name = fmt.Sprintf("项目%d %s", t.Form+1, strings.TrimSpace(wb.doc.Projects[t.Form].Name))
		}
		if err := wb.addSheet(wb.c.sheetOf(t, wb.sheetName(name))); err != nil {
			return err
		}
	}
	if t := tables.Evidence(wb.doc); t != nil {
		return wb.addSheet(wb.c.sheetOf(t, wb.sheetName(tables.EvidenceTitle)))
	}
	return nil
}

// firstSheet is the sheet a new excelize file has, the active one; addSheet gives it to the
// first form.
const firstSheet = "Sheet1"

// finish asks readers to recalculate on opening (the stored values are right already) and
// names the document. The first form is the active sheet already: it is the renamed
// firstSheet.
func (wb *workbook) finish() error {
	if err := wb.addPrintTitles(); err != nil {
		return fmt.Errorf("无法设置打印标题行：%w", err)
	}
	on := true
	if err := wb.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on}); err != nil {
		return fmt.Errorf("无法设置重新计算：%w", err)
	}
	doc := wb.doc
	return wb.f.SetDocProps(&excelize.DocProperties{
		Title:   doc.UnitTitle(),
		Subject: "部门（单位）整体绩效自评表及预算项目（政策）绩效目标自评表",
		Creator: "绩效自评 Ziping",
	})
}

// sheetName makes want a valid sheet name not used yet: without []:*?/\ and control
// characters, no apostrophe at either end, at most 31 UTF-16 units (Excel's limits), and
// unique regardless of case, with "(2)", "(3)" … appended when needed.
func (wb *workbook) sheetName(want string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || unicode.IsControl(r) || r == unicode.ReplacementChar {
			return '_'
		}
		return r
	}, strings.ToValidUTF8(want, "_"))
	clean = strings.Trim(clean, "' ")
	if clean == "" || strings.EqualFold(clean, "History") {
		clean = "表"
	}
	name := cutUnits(clean, 31)
	for n := 2; wb.used[strings.ToLower(name)]; n++ {
		suffix := "(" + strconv.Itoa(n) + ")"
		name = cutUnits(clean, 31-len(suffix)) + suffix
	}
	wb.used[strings.ToLower(name)] = true
	return name
}

// resolve replaces each {key} of a formula with the cell refs gives it. A key no cell has, or
// a brace left over, is an error: the formula would be written wrong.
func resolve(f tables.Formula, refs map[string]string) (string, error) {
	return f.Resolve(func(key string) (string, bool) {
		r, ok := refs[key]
		return r, ok
	})
}
