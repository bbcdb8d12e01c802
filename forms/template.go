package forms

import (
	"fmt"
	"strings"
)

// TemplateID names a template (表式) in a document file (Settings.Template). "" is the default
// template, the first of builtinTemplates.
type TemplateID string

// Template is one layout (表式) of the project forms: a province's form or the national one.
// Everything that differs between templates is here or is looked up by ID: the editor reads
// Layout, the checks read Layout's wording, tables/ finds the printed table by ID
// (tables.RegisterProject), xlsxin finds the sheet reader by ID. The unit form has one layout
// whatever the template.
type Template interface {
	// ID is the name stored in the file; never "".
	ID() TemplateID
	// Label is the template's name in 文档设置's 表式 choice.
	Label() string
	// ProjectTitle is the printed title of a project form of a document with settings s, its
	// lines split by "\n" (the editor shows them on one line).
	ProjectTitle(s Settings) string
	// Layout describes the project form's fields as the template prints them: the same value
	// at every call, which callers read and never change.
	Layout() *ProjectLayout
}

// ProjectLayout describes a template's project form as data, so that the editor, the checks
// and the import need no branch on the template: what it prints, under which names.
type ProjectLayout struct {
	// NameLabel is the header's first label: 项目（政策）名称, 项目名称.
	NameLabel string
	// Period is true when the form prints 实施期 (a form without it keeps the value unprinted).
	Period bool
	// FundsTitle is the caption of the fund rows: 项目预算资金（万元）, 项目资金（万元）.
	FundsTitle string
	// TotalLabel names the total fund row ("T") when the form prints it under its own name;
	// "" prints it under its ProjectFundRows label.
	TotalLabel string
	// FundGroups, when not nil, are the source rows the form prints instead of those of
	// ProjectFundRows, each gathering the document's rows named in its Parts.
	FundGroups []RowDef
	// Expected and Actual are the captions of 年度总体目标's two columns.
	Expected, Actual string
	// Completion is true when an indicator row prints 完成程度; TargetLabel and ActualLabel
	// name its target and 全年完成值 columns, ReasonsLabel its reasons.
	Completion                             bool
	TargetLabel, ActualLabel, ReasonsLabel string
	// Conclusion is true when the form prints 评价结论 and 存在问题.
	Conclusion bool
	// WrittenReasons is true when a deviation is explained in writing alone (one column of
	// 偏差原因分析及改进措施): ticked reasons are not asked for.
	WrittenReasons bool
	// Names rewords the checks (written in the default template's names) in the names the form
	// prints; nil keeps them.
	Names *strings.Replacer
	// Totals is the editor's line under the indicators, a format of fmt with %[1]s the C
	// score, %[2]s D, %[3]s C+D and %[4]s the grade.
	Totals string
}

// builtinTemplates is the one list of the templates a user may pick, the default first: add
// a template here (docs/DEVELOPING.md, "Adding a template").
var builtinTemplates = []Template{liaoning{}, national{}}

// templates are the registered templates: builtinTemplates, then those Register added.
var templates = append([]Template(nil), builtinTemplates...)

// Register adds t to the templates after the built-in ones, for a template defined outside
// this package (tests). It panics on an ID that is empty or already taken: a programming
// error, found at start-up.
func Register(t Template) {
	if t.ID() == "" {
		panic("forms.Register: a template without ID")
	}
	for _, o := range templates {
		if o.ID() == t.ID() {
			panic(fmt.Sprintf("forms.Register: template %q registered twice", t.ID()))
		}
	}
	templates = append(templates, t)
}

// AllTemplates returns the registered templates, the default first (a fresh slice each call).
func AllTemplates() []Template {
	return append([]Template(nil), templates...)
}

// DefaultTemplate is the template of a document that names none.
func DefaultTemplate() Template { return templates[0] }

// UnknownTemplateError is the refusal of a 表式 this program does not have: a document so
// marked is neither opened, imported nor exported, never printed as another template.
type UnknownTemplateError struct {
	ID TemplateID
}

func (e *UnknownTemplateError) Error() string {
	labels := make([]string, len(templates))
	for i, t := range templates {
		labels[i] = "“" + t.Label() + "”"
	}
	return fmt.Sprintf("表式“%s”无法识别（本程序的表式有%s）：文件可能由更新版本的程序保存，请用更新版本的程序打开。",
		Shown(string(e.ID)), strings.Join(labels, "、"))
}

// LookupTemplate returns the template named id ("" the default), or an *UnknownTemplateError.
func LookupTemplate(id TemplateID) (Template, error) {
	if id == "" {
		return DefaultTemplate(), nil
	}
	for _, t := range templates {
		if t.ID() == id {
			return t, nil
		}
	}
	return nil, &UnknownTemplateError{ID: id}
}

// TemplateOf is the template the project forms are printed in. A template this program does
// not have is refused when a file is opened (normalize), imported or exported
// (export.Render) and reported by Check; only a document so set by code reaches here with
// one, and gets the default.
func (s Settings) TemplateOf() Template {
	if t, err := LookupTemplate(s.Template); err == nil {
		return t
	}
	return DefaultTemplate()
}

// SetTemplate chooses the template of the project forms, storing the default as "": a file
// without the key opens in programs older than the key (the file format refuses unknown keys).
func (s *Settings) SetTemplate(id TemplateID) {
	if id == DefaultTemplate().ID() {
		id = ""
	}
	s.Template = id
}
