package xlsxin

import (
	"reflect"
	"strings"
	"unicode"

	"ziping/forms"
)

// reconcile gives the document read the texts as typed where the workbook's shadow holds them
// and the visible cells still show them (same): amounts as "1,234.56" or "１２３４．５", a 分值
// "13分", a name with a space at its end, a text with a control character the export printed as
// □. It walks the read form and the shadow's form of the same sheet side by side, slices by
// position; a row whose every visible text agrees also takes what no cell shows (its 评级,
// its 手工调整 flag). A cell edited in Excel keeps its new text.
func (imp *importer) reconcile() {
	if imp.shadow == nil {
		return
	}
	switch {
	case imp.unit:
		merge(reflect.ValueOf(&imp.doc.Unit).Elem(), reflect.ValueOf(&imp.shadow.doc.Unit).Elem())
	case imp.shadow.evaluation().Unit.NotFilled:
		// A unit form the export left out as not filled (tables.Form) comes back as it was; one
		// filled whose sheet was deleted stays out.
		imp.doc.Unit = imp.shadow.doc.Unit
	}
	for p, i := range imp.shadowOf {
		merge(reflect.ValueOf(p).Elem(), reflect.ValueOf(imp.shadow.doc.Projects[i]).Elem())
	}
}

// unseen are the fields of forms.Indicator no cell shows: taken from the shadow when the rest
// of the row agrees.
var unseen = map[string]bool{"Grade": true, "Manual": true}

// merge sets the strings of read that show the same as those of sh to sh's, and reports
// whether everything read agreed.
func merge(read, sh reflect.Value) bool {
	switch read.Kind() {
	case reflect.String:
		if same(sh.String(), read.String()) || cleaned(sh.String()) == read.String() {
			read.SetString(sh.String())
			return true
		}
		return false
	case reflect.Pointer:
		if read.IsNil() || sh.IsNil() {
			return read.IsNil() == sh.IsNil()
		}
		return merge(read.Elem(), sh.Elem())
	case reflect.Slice:
		return mergeSlice(read, sh)
	case reflect.Struct:
		return mergeStruct(read, sh)
	}
	return read.Equal(sh)
}

// mergeSlice merges slices element by element, as far as both go. A list left empty prints one
// blank row, and a 二级 named "" without rows alone under its 一级 prints as none: each comes
// back as it was.
func mergeSlice(read, sh reflect.Value) bool {
	if sh.Len() == 0 && read.Len() == 1 && blank(read.Index(0)) || read.Len() == 0 && sh.Len() == 1 && blank(sh.Index(0)) {
		read.Set(sh) // printed as one blank row, or as none (a 二级 "" without rows, alone)
		return true
	}
	all := read.Len() == sh.Len()
	for i := range min(read.Len(), sh.Len()) {
		all = merge(read.Index(i), sh.Index(i)) && all
	}
	return all
}

// mergeStruct merges the fields a cell shows; an indicator whose every such field agrees takes
// the unseen ones too.
func mergeStruct(read, sh reflect.Value) bool {
	all := true
	for i := range read.NumField() {
		if !unseen[read.Type().Field(i).Name] {
			all = merge(read.Field(i), sh.Field(i)) && all
		}
	}
	if all && read.Type() == reflect.TypeFor[forms.Indicator]() {
		for name := range unseen {
			read.FieldByName(name).Set(sh.FieldByName(name))
		}
	}
	return all
}

// blank reports whether v holds nothing a cell shows: no text but spaces, no element.
func blank(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.TrimSpace(v.String()) == ""
	case reflect.Pointer:
		return v.IsNil() || blank(v.Elem())
	case reflect.Slice:
		return v.Len() == 0
	case reflect.Struct:
		for i := range v.NumField() {
			if !blank(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return v.IsZero()
}

// cleaned is s as the export writes it (xlsxout's cleaner): "\r\n" as "\n", tabs as spaces,
// control characters and U+FFFE, U+FFFF as □.
func cleaned(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r == '\n':
			return r
		case unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF:
			return '□'
		}
		return r
	}, strings.ReplaceAll(s, "\r\n", "\n"))
}
