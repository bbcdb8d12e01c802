package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"ziping/forms"
	"ziping/pdfout"
	"ziping/report"
	"ziping/storage"
)

// ZIP is the extension of the package of a submission (Pack).
const ZIP = ".zip"

// PackOptions say where a package's inputs are.
type PackOptions struct {
	// Dir is the folder a relative 电子文件 path of an evidence item is read from: the
	// document file's folder. "" (an unsaved document) leaves relative paths unread, listed as
	// missing.
	Dir string
}

// PackResult is what Pack wrote and what the user should be told.
type PackResult struct {
	Path    string
	Entries []PackEntry       // the files in the package, in order
	Missing []MissingEvidence // evidence items whose file is not in the package
	// Warnings and Notes are those of the tables' exports (Result).
	Warnings []forms.Problem
	Notes    []string
}

// PackEntry is one file of a package.
type PackEntry struct {
	Name string // its path inside the zip, with "/"
	Size int64
	What string // what it is, in the words of the manifest: "自评表（PDF，签字盖章用）", ...
}

// MissingEvidence is an evidence item naming a file that is not in the package, and why.
type MissingEvidence struct {
	forms.EvidenceEntry
	Item   int // its index in Document.EvidenceEntries
	Reason string
}

// Pack writes the package of a submission (报送包) to target, a .zip: the tables as the PDF to
// sign and stamp and as the Excel workbook, the 自评报告 draft (in the template 文档设置 names), the evidence list, the evidence
// files that exist (those that do not are listed in the manifest and in the result), and the
// manifest 报送清单.txt. Names are in Chinese and flagged as UTF-8, which Windows Explorer, WPS,
// 7-Zip and unzip read. The target is checked and written as Document writes (CheckTarget,
// keepOld, an atomic write), the evidence files streamed, so the package is never held in memory.
func Pack(target string, doc *forms.Document, opt PackOptions, inputs ...string) (*PackResult, error) {
	if err := CheckTarget(target, inputs...); err != nil {
		return nil, err
	}
	if !strings.EqualFold(filepath.Ext(target), ZIP) {
		return nil, fmt.Errorf("报送包“%s”的扩展名应为 .zip", forms.Shown(target))
	}
	parts, res, err := packParts(doc)
	if err != nil {
		return nil, err
	}
	files, missing := evidenceFiles(doc, opt.Dir, inputs, target)
	res.Missing = missing
	when := pdfout.CreatedFromEnv()
	if when.IsZero() {
		when = time.Now()
	}
	p := &packer{root: packRoot(doc), when: when}
	write := func(w io.Writer) error { return p.write(w, doc, parts, files, res) }
	if err := CheckTarget(target, inputs...); err != nil {
		return nil, err
	}
	kept, err := keepOld(target)
	if err != nil {
		return nil, err
	}
	if err := storage.WriteAtomic(target, write); err != nil {
		var pe *packError
		if errors.As(err, &pe) {
			return nil, pe.err
		}
		return nil, &WriteError{Path: target, Err: err}
	}
	res.Path = target
	if kept != "" {
		res.Notes = append([]string{kept}, res.Notes...)
	}
	return res, nil
}

// packError is an error of the package's content (an evidence file that failed while it was
// read), told as it is rather than as a failed write of the target.
type packError struct{ err error }

func (e *packError) Error() string { return e.err.Error() }

// packPart is one generated file of a package.
type packPart struct {
	name, what string
	data       []byte
}

// packParts makes the generated files of doc's package: the tables' PDF and workbook and the
// report, in the package's order; res gathers their warnings and notes.
func packParts(doc *forms.Document) ([]packPart, *PackResult, error) {
	ev := forms.Evaluate(doc)
	res := &PackResult{Notes: forms.ExportNotes(doc, ev)}
	pdf, pr, err := render(doc, ev, PDF)
	if err != nil {
		return nil, nil, err
	}
	xlsx, xr, err := render(doc, ev, XLSX)
	if err != nil {
		return nil, nil, err
	}
	res.Warnings = append(pr.Warnings, xr.Warnings...)
	parts := []packPart{
		{name: "1-绩效自评表（签字盖章用）.pdf", what: fmt.Sprintf("自评表，PDF，%d 页，打印后签字盖章", pr.Pages), data: pdf},
		{name: "2-绩效自评表.xlsx", what: fmt.Sprintf("自评表，Excel 工作簿，%d 个工作表", len(xr.Sheets)), data: xlsx},
	}
	docx, err := packReport(doc)
	if err != nil {
		return nil, nil, err
	}
	parts = append(parts, packPart{name: "3-绩效自评报告（草稿）.docx", what: "自评报告草稿，Word 文档，【请补充】处须改写", data: docx})
	return parts, res, nil
}

// packReport is the report draft of doc, filled into the template its 文档设置 names (the
// built-in one when none): a template that cannot be read fails the package with the report's
// own message, rather than a package sent with another report than the one chosen.
func packReport(doc *forms.Document) ([]byte, error) {
	tmpl, err := ReportTemplate(doc.Settings.ReportTemplate)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, doc, report.Options{Template: tmpl, TemplateName: doc.Settings.ReportTemplate}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// packRoot is the package's one top folder, named for the unit and the year:
// "抚顺市社会保险事业服务中心-2021年度绩效自评报送".
func packRoot(doc *forms.Document) string {
	unit := strings.TrimSpace(doc.Settings.UnitShortName)
	if unit == "" {
		unit = strings.TrimSpace(doc.Unit.Name)
	}
	name := "绩效自评报送"
	if y := strings.TrimSpace(doc.Settings.Year); y != "" {
		name = y + "年度" + name
	}
	if unit != "" {
		name = unit + "-" + name
	}
	return zipName(name)
}

// zipName is s fit for a file name in the package on every system (forms.FileNameText),
// shortened to maxZipName characters and never one of Windows' reserved names.
func zipName(s string) string {
	s = forms.FileNameText(strings.TrimSpace(s))
	if r := []rune(s); len(r) > maxZipName {
		s = strings.TrimRight(string(r[:maxZipName]), " .")
	}
	stem := strings.ToUpper(strings.TrimSuffix(s, filepath.Ext(s)))
	switch {
	case s == "":
		return "_"
	case reservedName(stem):
		return "_" + s
	}
	return s
}

// maxZipName is the longest name, in characters, of a file in a package: Windows allows 260
// for a whole path, and the package is often unpacked a few folders deep.
const maxZipName = 60

// reservedName reports whether stem (upper case, without extension) is a device name Windows
// refuses as a file name.
func reservedName(stem string) bool {
	switch stem {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) &&
		stem[3] >= '1' && stem[3] <= '9'
}

// osOpen opens an evidence file; a test replaces it to fail a read midway.
var osOpen = func(path string) (io.ReadCloser, os.FileInfo, error) {
	return storage.OpenRegular(path)
}
