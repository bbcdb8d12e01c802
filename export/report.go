package export

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"ziping/forms"
	"ziping/report"
	"ziping/storage"
)

// DocxExt is the extension of the report and its template.
const DocxExt = ".docx"

// ReportTemplate reads the report template at path (Settings.ReportTemplate, --template), or
// returns nil (the built-in one) for "". A file that cannot be read or is no .docx gets a
// Chinese message naming it.
func ReportTemplate(path string) ([]byte, error) {
	if strings.TrimSpace(path) == "" {
		return nil, nil
	}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("报告模板“%s”不是普通文件：请选一个 .docx 文件", forms.Shown(path))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取报告模板“%s”：%s。请检查文件是否存在，或在文档设置中点“恢复默认”改用内置模板", forms.Shown(path), storage.SystemReason(err))
	}
	if err := report.Check(data, path); err != nil {
		return nil, err
	}
	return data, nil
}

// Report fills the report template of opt with doc and writes the .docx to target, checked
// and written as the other exports are (CheckTarget, an existing file kept as its .bak, an
// atomic write); inputs are the document files. note says where an old file went.
func Report(target string, doc *forms.Document, opt report.Options, inputs ...string) (note string, err error) {
	if err := checkDocx(target, inputs...); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, doc, opt); err != nil {
		return "", err
	}
	return write(target, inputs, buf.Bytes())
}

// DefaultReportTemplate writes the built-in report template to target for the user to edit.
func DefaultReportTemplate(target string) error {
	if err := checkDocx(target); err != nil {
		return err
	}
	_, err := write(target, nil, report.DefaultTemplate())
	return err
}

// checkDocx refuses a target that is not named .docx (Word and WPS go by the name), then
// checks it as every export target.
func checkDocx(target string, inputs ...string) error {
	if !strings.EqualFold(filepath.Ext(target), DocxExt) {
		return fmt.Errorf("输出文件“%s”的扩展名应为 .docx（Word 文档）", forms.Shown(target))
	}
	return CheckTarget(target, inputs...)
}

// SplitReportNames are the files of a report split per form: base itself for the unit form,
// and base's name with "-项目N-名称" for project N (its name made fit for a file name).
func SplitReportNames(base string, doc *forms.Document) []string {
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	names := []string{base}
	for i, p := range doc.Projects {
		name := forms.FileNameText(strings.TrimSpace(p.Name))
		if r := []rune(name); len(r) > 40 {
			name = string(r[:40])
		}
		names = append(names, fmt.Sprintf("%s-项目%d-%s%s", stem, i+1, name, DocxExt))
	}
	return names
}

// ReportPart is one file of a report: where it goes and which forms it holds.
type ReportPart struct {
	Target  string
	Options report.Options
}

// ReportParts are the files of a report to target: one, or split one for the unit form (when
// it is filled, or there is no project) and one per project (SplitReportNames). opt gives the
// template.
func ReportParts(target string, doc *forms.Document, split bool, opt report.Options) []ReportPart {
	if !split {
		return []ReportPart{{target, opt}}
	}
	names := SplitReportNames(target, doc)
	var parts []ReportPart
	if !forms.Evaluate(doc).Unit.NotFilled || len(doc.Projects) == 0 {
		o := opt
		o.Projects = []int{}
		parts = append(parts, ReportPart{names[0], o})
	}
	for i := range doc.Projects {
		o := opt
		o.NoUnit, o.Projects = true, []int{i}
		parts = append(parts, ReportPart{names[i+1], o})
	}
	return parts
}
