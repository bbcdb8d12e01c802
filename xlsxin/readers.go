package xlsxin

import (
	"slices"

	"ziping/forms"
)

// projectReader reads the project forms of one template (forms.Template) from a sheet.
type projectReader struct {
	// template is the template whose forms it reads: a document read from them gets it.
	template forms.TemplateID
	// is reports whether s is laid out as a project form of the template.
	is func(s *sheet) bool
	// read reads the project form of s into the importer's document.
	read func(imp *importer, s *sheet) error
	// anywhere marks a form recognised by labels that may stand anywhere (a published table
	// typed as printed): tried after the forms recognised by their title.
	anywhere bool
}

// projectReaders are the project readers of the templates, registered from the init of each
// template's own file (ownproject.go, national.go).
var projectReaders []projectReader

// registerReader adds r: those recognised by their title first, in the order registered.
func registerReader(r projectReader) {
	i := len(projectReaders)
	if !r.anywhere {
		for i > 0 && projectReaders[i-1].anywhere {
			i--
		}
	}
	projectReaders = slices.Insert(projectReaders, i, r)
}

// readerOf is the reader of the project form s is laid out as, or nil. A sheet of fewer than
// three rows is no form (a title, a header and a row at least): it is read as a plain table.
func readerOf(s *sheet) *projectReader {
	if len(s.grid) < 3 {
		return nil
	}
	for i := range projectReaders {
		if projectReaders[i].is(s) {
			return &projectReaders[i]
		}
	}
	return nil
}

// readTemplate records that a project form of template id was read.
func (imp *importer) readTemplate(id forms.TemplateID) {
	for _, t := range imp.read {
		if t == id {
			return
		}
	}
	imp.read = append(imp.read, id)
}

// template is the template the project forms read imply, ok false when none was read: the
// first read that is not the default, else the default (a workbook that mixes a template with
// sheets of the default keeps the template, whose forms print less of the document).
func (imp *importer) template() (id forms.TemplateID, ok bool) {
	def := forms.DefaultTemplate().ID()
	for _, t := range imp.read {
		if t != def {
			return t, true
		}
	}
	return def, len(imp.read) > 0
}

// layoutOf is the layout of template id's project form (the default's for an unknown one,
// which no reader is registered for).
func layoutOf(id forms.TemplateID) *forms.ProjectLayout {
	if t, err := forms.LookupTemplate(id); err == nil {
		return t.Layout()
	}
	return forms.DefaultTemplate().Layout()
}
