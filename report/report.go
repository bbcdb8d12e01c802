// Package report writes the 绩效自评报告 draft of a document as a .docx: a template (the built-in
// one, DefaultTemplate, or the user's, edited in Word or WPS) whose named placeholders are
// filled with the document's figures and with sentences from one table of phrasings
// (phrases.go). The template's XML is filled as text, so everything else in it (styles, a
// letterhead, headers and footers, WPS's own markup) is kept byte for byte. The placeholders
// are documented in docs/报告模板.md. It never imports Fyne and touches no file: the caller
// reads the template and writes the result (export/report.go).
package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"ziping/forms"
)

// Options choose the template and the forms a report holds.
type Options struct {
	// Template is the .docx to fill; nil is DefaultTemplate.
	Template []byte
	// TemplateName names the template in messages (its path); "" is 报告模板.
	TemplateName string
	// NoUnit leaves the unit form's part out (a report of projects only).
	NoUnit bool
	// Projects are the indexes of the projects to report on; nil is every project, an empty
	// slice none.
	Projects []int
}

func (o Options) projects(n int) []int {
	if o.Projects == nil {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	var out []int
	for _, i := range o.Projects {
		if i >= 0 && i < n {
			out = append(out, i)
		}
	}
	return out
}

func (o Options) name() string {
	if o.TemplateName == "" {
		return "报告模板"
	}
	return "报告模板“" + forms.Shown(o.TemplateName) + "”"
}

// TemplateError is a template that cannot be filled: not a .docx, or with placeholders this
// program does not know. Its message is Chinese and names what is wrong.
type TemplateError struct{ msg string }

func (e *TemplateError) Error() string { return e.msg }

// Write fills the template of opt with doc and writes the .docx to w.
func Write(w io.Writer, doc *forms.Document, opt Options) error {
	tpl := opt.Template
	if tpl == nil {
		tpl = DefaultTemplate()
	}
	parts, err := readTemplate(tpl, opt.name())
	if err != nil {
		return err
	}
	if err := Check(tpl, opt.TemplateName); err != nil {
		return err
	}
	sc := topScope(doc, forms.Evaluate(doc), opt)
	return writeParts(w, parts, sc)
}

// Check reads template and reports its mistakes: not a .docx, block markers that do not pair,
// unknown placeholders or ones used outside their block, each named. name is its path, for
// the message ("" for 报告模板).
func Check(template []byte, name string) error {
	o := Options{TemplateName: name}
	parts, err := readTemplate(template, o.name())
	if err != nil {
		return err
	}
	f := &filler{}
	var left []string
	for _, p := range parts {
		if p.fill {
			left = append(left, leftOver(f.part(p.data, probeScope(schema)))...)
		}
	}
	if err := f.err(o.name()); err != nil || len(left) == 0 {
		return err
	}
	return &TemplateError{msg: o.name() + "无法使用：占位符 " + strings.Join(left, "、") +
		" 所在的文字无法替换（它在超链接、修订、域或文本框中）。请在 Word 或 WPS 中把它改为普通文字后再导出。"}
}

// tagRe finds an XML tag.
var tagRe = regexp.MustCompile(`<[^>]*>`)

// leftOver are the placeholders still in a part filled with the probe, whose every value is
// "x": ones in places the filler does not reach.
func leftOver(data []byte) []string {
	var out []string
	for _, m := range placeholderRe.FindAllString(tagRe.ReplaceAllString(string(data), ""), -1) {
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// err is the message of what f found wrong, or nil.
func (f *filler) err(name string) error {
	var says []string
	if len(f.unknown) > 0 {
		says = append(says, "有不认识的占位符 "+braces(f.unknown)+"（可用的占位符见帮助 › 用户手册“自评报告”一节）")
	}
	if len(f.misused) > 0 {
		says = append(says, "占位符 "+braces(f.misused)+" 不在它所属的块中（例如 {{C}} 只能写在 {{#项目}} 与 {{/项目}} 之间）")
	}
	says = append(says, f.blocks...)
	if len(says) == 0 {
		return nil
	}
	return &TemplateError{msg: name + "无法使用：" + strings.Join(says, "；") + "。请在 Word 或 WPS 中改正模板后再导出。"}
}

func braces(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{{" + forms.Shown(n) + "}}"
	}
	return strings.Join(out, "、")
}

// part is one file of the template package; fill marks the ones with text to fill (the
// document, its headers and footers).
type part struct {
	name string
	data []byte
	fill bool
}

// maxPart bounds one part of a template read into memory: a report template is a few hundred
// kilobytes, a letterhead image a few megabytes.
const maxPart = 64 << 20

// readTemplate reads the template's parts, refusing what is not a .docx with a message that
// says what it is instead.
func readTemplate(tpl []byte, name string) ([]part, error) {
	if bytes.HasPrefix(tpl, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return nil, &TemplateError{msg: name + "是旧版 Word 97-2003 文档（.doc）或 WPS 文字（.wps）：请在 Word 或 WPS 中“另存为”Word 文档（.docx）后再选它"}
	}
	zr, err := zip.NewReader(bytes.NewReader(tpl), int64(len(tpl)))
	if err != nil {
		return nil, &TemplateError{msg: name + "不是 Word 文档（.docx）：无法作为压缩包读取。请选用 .docx 格式的模板，或用“恢复默认”改用内置模板"}
	}
	var parts []part
	hasDoc := false
	for _, f := range zr.File {
		data, err := readPart(f)
		if err != nil {
			return nil, &TemplateError{msg: fmt.Sprintf("%s已损坏：其中的“%s”无法读取（%v）", name, f.Name, err)}
		}
		fill := isTextPart(f.Name)
		hasDoc = hasDoc || f.Name == "word/document.xml"
		parts = append(parts, part{name: f.Name, data: data, fill: fill})
	}
	if !hasDoc {
		return nil, &TemplateError{msg: name + "不是 Word 文档（.docx）：其中没有正文（word/document.xml），可能是 Excel 或其他压缩包"}
	}
	return parts, nil
}

func readPart(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxPart {
		return nil, errors.New("过大")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, maxPart))
}

// isTextPart: the document, its headers and footers hold placeholders.
func isTextPart(name string) bool {
	if name == "word/document.xml" {
		return true
	}
	base, ok := strings.CutPrefix(name, "word/")
	return ok && !strings.Contains(base, "/") && strings.HasSuffix(base, ".xml") &&
		(strings.HasPrefix(base, "header") || strings.HasPrefix(base, "footer"))
}

// part fills one XML part: the document's body with its blocks, a header or footer with values.
func (f *filler) part(data []byte, sc *scope) []byte {
	s := string(data)
	bodyAt := strings.Index(s, "<w:body>")
	bodyEnd := strings.LastIndex(s, "</w:body>")
	if bodyAt >= 0 && bodyEnd > bodyAt {
		inner := s[bodyAt+len("<w:body>") : bodyEnd]
		return []byte(s[:bodyAt+len("<w:body>")] + f.body(elements(inner), sc) + s[bodyEnd:])
	}
	prolog := ""
	if strings.HasPrefix(s, "<?") {
		i := strings.Index(s, "?>") + 2
		prolog, s = s[:i], s[i:]
	}
	out, _ := eachParagraph(s, func(p string) (string, error) { return f.paragraph(p, sc), nil })
	return []byte(prolog + out)
}

// zipTime is the time stamp of every file in the package: a report is the same bytes for the
// same document and template.
var zipTime = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// writeParts fills the text parts and writes the package, [Content_Types].xml first as the
// format asks.
func writeParts(w io.Writer, parts []part, sc *scope) error {
	slices.SortStableFunc(parts, func(a, b part) int {
		return boolInt(b.name == "[Content_Types].xml") - boolInt(a.name == "[Content_Types].xml")
	})
	zw := zip.NewWriter(w)
	f := &filler{}
	for _, p := range parts {
		data := p.data
		if p.fill {
			data = f.part(data, sc)
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
