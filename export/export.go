// Package export writes the official tables of a document, or the department summary (部门汇总)
// of several, to a file as PDF or Excel, and the import template (Template). It is the one export path of the program: the command
// line (cli/) and the window (app/) both call it, so the checks of the target and the inputs,
// the write and the warnings cannot drift apart. It never imports Fyne.
//
// Each export is made whole in memory first; the target is checked before rendering and again
// right before writing (a link may have been put there meanwhile), then written atomically
// (storage.WriteFileAtomic): a failure leaves no half file and an existing file whole.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"ziping/forms"
	"ziping/pdfout"
	"ziping/storage"
	"ziping/tables"
	"ziping/xlsxin"
	"ziping/xlsxout"
)

// Format is what an export writes: PDF or an Excel workbook, named by its file extension.
type Format string

// The formats, as the extensions that name them.
const (
	PDF  Format = ".pdf"
	XLSX Format = ".xlsx"
)

// FormatOf is the format path's extension names (.pdf or .xlsx, in any case); ok is false for
// any other extension.
func FormatOf(path string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case string(PDF):
		return PDF, true
	case string(XLSX):
		return XLSX, true
	}
	return "", false
}

// Result is what an export wrote and what the user should be told about it.
type Result struct {
	Path   string
	Format Format
	Pages  int      // pages of a PDF
	Sheets []string // sheets of a workbook, in order
	// Warnings name each text the file could not hold as typed: characters the PDF's fonts
	// lack (printed as □), control characters or over-long texts in a workbook.
	Warnings []forms.Problem
	// Notes say what the export leaves out or blank (forms.ExportNotes), or for a summary the
	// units whose figures are missing (forms.Summary.Notes).
	Notes []string
}

// Size says how big a document's export is, in the words both front ends print: "12 页" for a
// PDF, "5 个工作表" for a workbook.
func (r *Result) Size() string {
	if r.Format == XLSX {
		return fmt.Sprintf("%d 个工作表", len(r.Sheets))
	}
	return fmt.Sprintf("%d 页", r.Pages)
}

// CheckTarget refuses target as an export's file when writing there could destroy a document
// or is not a file (storage.CheckExportTarget): one of inputs (by any path or link), a .zpb file
// or a link to one, a folder, a pipe or a device; or when it is a read-only file
// (storage.CheckWritable: the atomic write renames over it, which the folder's permission
// allows, so a read-only file would be replaced without a word). The front ends call it before
// asking anything else, so that a wrong target is said first; Document, Summary and Template
// call it again.
func CheckTarget(target string, inputs ...string) error {
	if err := storage.CheckExportTarget(target, inputs...); err != nil {
		return err
	}
	return storage.CheckWritable(target)
}

// Document renders doc as f and writes it to target. inputs are the document files the export
// was read from (the window's document file, the command line's input; none for an unsaved
// document): target may not be one of them.
func Document(target string, f Format, doc *forms.Document, inputs ...string) (*Result, error) {
	if err := CheckTarget(target, inputs...); err != nil {
		return nil, err
	}
	ev := forms.Evaluate(doc)
	data, res, err := render(doc, ev, f)
	if err != nil {
		return nil, err
	}
	kept, err := write(target, inputs, data)
	if err != nil {
		return nil, err
	}
	res.Path = target
	res.Notes = forms.ExportNotes(doc, ev)
	if kept != "" { // first: the front ends show the first notes only
		res.Notes = append([]string{kept}, res.Notes...)
	}
	return res, nil
}

// Render makes the export of doc as f in memory, without notes (printing writes the PDF to a
// temporary file of its own).
func Render(doc *forms.Document, f Format) ([]byte, *Result, error) {
	return render(doc, nil, f)
}

// render is Render with doc's evaluation, when the caller has it (nil otherwise): evaluating
// the largest document takes a tenth of its Excel export.
func render(doc *forms.Document, ev *forms.Evaluation, f Format) ([]byte, *Result, error) {
	// A 表式 this program does not have is never printed as another (forms.LookupTemplate), and
	// one without a printed table (tables.RegisterProject) is not exported without its projects.
	t, err := forms.LookupTemplate(doc.Settings.Template)
	if err != nil {
		return nil, nil, err
	}
	if len(doc.Projects) > 0 && !tables.Prints(t.ID()) {
		return nil, nil, fmt.Errorf("表式“%s”没有可打印的项目表：本程序无法打印或导出它的项目表。", t.Label())
	}
	var buf bytes.Buffer
	res := &Result{Format: f}
	switch f {
	case PDF:
		r, err := pdfout.Render(&buf, doc, pdfout.Options{Created: pdfout.CreatedFromEnv()})
		if err != nil {
			return nil, nil, err
		}
		res.Pages, res.Warnings = r.Pages, r.Warnings
	case XLSX:
		r, err := xlsxout.WriteEvaluated(&buf, doc, ev)
		if err != nil {
			return nil, nil, err
		}
		res.Sheets, res.Warnings = r.Sheets, r.Warnings
	default:
		return nil, nil, fmt.Errorf("不支持的导出格式“%s”：应为 .pdf 或 .xlsx", f)
	}
	return buf.Bytes(), res, nil
}

// Summary renders the department summary s as f and writes it to target; inputs are the
// documents' files, which target may not be, and which must name different files (Duplicate);
// nor may two of the summary's documents be one unit (forms.SameUnits: the same name and year,
// from two files): one unit counted twice would double its figures unseen.
func Summary(target string, f Format, s *forms.Summary, inputs ...string) (*Result, error) {
	if err := Distinct(inputs); err != nil {
		return nil, err
	}
	if s.SameUnit != nil {
		return nil, s.SameUnit
	}
	if err := CheckTarget(target, inputs...); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	res := &Result{Path: target, Format: f, Notes: s.Notes}
	switch f {
	case PDF:
		r, err := pdfout.RenderSummary(&buf, s, pdfout.Options{Created: pdfout.CreatedFromEnv()})
		if err != nil {
			return nil, err
		}
		res.Pages, res.Warnings = r.Pages, r.Warnings
	case XLSX:
		warnings, err := xlsxout.WriteSummary(&buf, s)
		if err != nil {
			return nil, err
		}
		res.Warnings = warnings
	default:
		return nil, fmt.Errorf("不支持的导出格式“%s”：应为 .pdf 或 .xlsx", f)
	}
	kept, err := write(target, inputs, buf.Bytes())
	if err != nil {
		return nil, err
	}
	if kept != "" {
		res.Notes = append([]string{kept}, res.Notes...)
	}
	return res, nil
}

// Template writes the blank fill-in workbook that `ziping import` and 文件 › 导入 Excel… read
// (xlsxin.Template) to target, checked and written as the exports are.
func Template(target string) error {
	if err := CheckTarget(target); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := xlsxin.Template(&buf); err != nil {
		return err
	}
	_, err := write(target, nil, buf.Bytes())
	return err
}

// Duplicate is the index of the first of paths that names the same file as path — the same
// path in another spelling ("a/../b.zpb"), a symbolic or a hard link (os.SameFile) — or -1.
// The summary, in the window and on the command line, refuses a document given twice with it.
func Duplicate(paths []string, path string) int {
	for i, p := range paths {
		if p != "" && path != "" && storage.SameFile(p, path) {
			return i
		}
	}
	return -1
}

// Distinct refuses paths when two of them name the same file, saying which.
func Distinct(paths []string) error {
	for i, p := range paths {
		if j := Duplicate(paths[:i], p); j >= 0 {
			return fmt.Errorf("第 %d 个文件“%s”与第 %d 个文件“%s”是同一个文档：同一单位不能汇总两次，请去掉重复的文件", i+1, p, j+1, paths[j])
		}
	}
	return nil
}

// WriteError is a file that could not be written; Err is the system's error (errors.Is
// finds os.ErrPermission in it).
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("无法写入“%s”：%s。", e.Path, storage.SystemReason(e.Err))
}

func (e *WriteError) Unwrap() error { return e.Err }

// write checks target against inputs once more, keeps a file already there as its .bak
// (keepOld), then writes data to target atomically. note says where the old file went, "" when
// there was none.
func write(target string, inputs []string, data []byte) (note string, err error) {
	if err := CheckTarget(target, inputs...); err != nil {
		return "", err
	}
	note, err = keepOld(target)
	if err != nil {
		return "", err
	}
	if err := storage.WriteFileAtomic(target, data); err != nil {
		return "", &WriteError{Path: target, Err: err}
	}
	return note, nil
}

// keepOld makes the file at target, when there is one, also a backup beside it (a hard link,
// or a copy with its permissions where the file system has no links): the user agreed to
// replace target (the window's dialog asked, the command line was given --force), yet the
// file may be the signed copy of the same name, which the atomic write would otherwise leave
// nowhere. An earlier backup is never replaced: exporting twice in a row keeps the signed copy
// as "x.pdf.bak" and the first export as "x.pdf.2.bak" (backupName).
func keepOld(target string) (string, error) {
	if r, err := filepath.EvalSymlinks(target); err == nil {
		target = r
	}
	fi, err := os.Stat(target)
	if err != nil || !fi.Mode().IsRegular() {
		return "", nil
	}
	bak := backupName(target)
	if err := os.Link(target, bak); err != nil {
		data, rerr := os.ReadFile(target)
		if rerr != nil {
			return "", &WriteError{Path: bak, Err: rerr}
		}
		if werr := storage.WriteFileAtomic(bak, data); werr != nil {
			return "", &WriteError{Path: bak, Err: werr}
		}
		_ = os.Chmod(bak, fi.Mode().Perm()) // a copy as private as the file
	}
	return fmt.Sprintf("原有的“%s”已保留为“%s”。", filepath.Base(target), filepath.Base(bak)), nil
}

// maxBackups is how many backups of one export file are kept: x.pdf.bak, x.pdf.2.bak, ….
const maxBackups = 9

// backupName is the first of target's backup names not taken (by anything: a folder so named
// is left alone), or, all taken, the last, replaced when it is a file.
func backupName(target string) string {
	name := storage.BackupFile(target)
	for n := 2; n <= maxBackups+1; n++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		if n <= maxBackups {
			name = storage.BackupFile(target + "." + strconv.Itoa(n))
		}
	}
	if fi, err := os.Lstat(name); err == nil && fi.Mode().IsRegular() {
		_ = os.Remove(name)
	}
	return name
}
