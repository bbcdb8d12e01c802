package xlsxin

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"ziping/forms"
	"ziping/storage"
)

// ImportFile is Import of the file at path.
func ImportFile(path string) (*Result, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, &Error{File: baseName(path), Reason: "这是文件夹，不是文件。"}
	}
	// Opened only when it is a regular file, without waiting: a pipe put at path after the
	// caller's check (storage.CheckRegular) would hold os.Open forever.
	f, st, err := storage.OpenRegular(path)
	if err != nil {
		var sp *storage.SpecialFileError
		switch {
		case !errors.As(err, &sp):
			return nil, &Error{File: baseName(path), Reason: "无法打开：" + storage.SystemReason(err) + "。", Err: err}
		case errors.Is(err, storage.ErrSpecial): // a pipe, device or socket
			return nil, &Error{File: baseName(path), Reason: sp.Reason, Err: err}
		}
		return nil, &Error{File: baseName(path), Reason: "无法打开：" + storage.SystemReason(sp.Err) + "。", Err: sp.Err}
	}
	defer f.Close()
	return Import(f, st.Size(), path)
}

// AddTo adds copies of the projects read to doc (the document open in the window) after its
// own, and returns what the user should know: the file's unit form and settings are not
// taken (a note says so where they differ from doc's), and projects read from plain sheets
// get doc's unit name as 主管部门 and 实施单位 where those are blank, as a new project does
// (forms.Document.AddProject). When the projects would exceed forms.MaxProjects nothing is
// added and an *Error says so.
func (res *Result) AddTo(doc *forms.Document) (notes []string, err error) {
	n := len(res.Doc.Projects)
	if len(doc.Projects)+n > forms.MaxProjects {
		return nil, &Error{Err: forms.ErrLimit, Reason: fmt.Sprintf("打开的文档已有 %d 张项目表，再加入 %d 张%v（一个文档最多 %d 张）：请先删除不需要的项目表，或只导入部分工作表。",
			len(doc.Projects), n, forms.ErrLimit, forms.MaxProjects)}
	}
	copied, e := settle(&forms.Document{Settings: res.Doc.Settings, Unit: res.Doc.Unit, Projects: res.Doc.Projects})
	if e != nil {
		return nil, e
	}
	for i, p := range copied.Projects {
		if res.plain[i] {
			for _, f := range []*string{&p.Department, &p.Implementer} {
				if strings.TrimSpace(*f) == "" {
					*f = doc.Unit.Name
				}
			}
		}
	}
	doc.Projects = append(doc.Projects, copied.Projects...)
	if res.Unit {
		notes = append(notes, fmt.Sprintf("文件中的%s没有加入：只加入了项目表（要使用它，请把文件导入为新文档）。", forms.UnitFormName))
	}
	s, d := res.Doc.Settings, doc.Settings
	if y := strings.TrimSpace(s.Year); y != "" && y != strings.TrimSpace(d.Year) {
		notes = append(notes, fmt.Sprintf("文件的年度是 %s，打开的文档是 %s：加入的项目表按打开文档的设置计分和打印。", y, d.Year))
	}
	if s.Negative != d.Negative {
		notes = append(notes, "文件的反向指标计分方法与打开的文档不同：加入的项目表按打开文档的方法计分。")
	}
	return notes, nil
}
