package app

import (
	"errors"
	"fmt"
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// binder builds the editors of one part of the window. Each editor writes what the user types
// straight into one field of the document and tells the window; after every change the window
// re-evaluates the document and calls refresh, which updates the computed labels and marks the
// editors that have a problem. Editors are never read back: the document is the only truth.
type binder struct {
	w        *Window
	form     int // the form its editors write into: -1 the unit form, i project i, or forms.AllForms
	fields   []boundField
	computed []func(ev *forms.Evaluation)
}

// newBinder returns a binder of editors that write into form (-1 the unit form, i project i,
// forms.AllForms for the settings): after a change only that form is re-evaluated.
func newBinder(w *Window, form int) *binder { return &binder{w: w, form: form} }

// boundField is an editor and the place of the document it edits, for problem marks.
type boundField struct {
	loc   forms.Location
	entry *fieldEntry
	mark  *markTheme // set the first time the entry shows a warning
}

// markTheme is the theme of an entry that shows a problem. Fyne draws every validation error of
// an entry in the theme's error colour; for a warning this theme answers the warning colour
// instead, so entries are marked as the drop-downs and ticks are: errors red, warnings orange.
// It follows the application's current theme in everything else.
type markTheme struct{ warn bool }

func (m *markTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if m.warn && n == theme.ColorNameError {
		n = theme.ColorNameWarning
	}
	return theme.Current().Color(n, v)
}

func (m *markTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.Current().Font(s) }
func (m *markTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.Current().Icon(n) }
func (m *markTheme) Size(n fyne.ThemeSizeName) float32       { return theme.Current().Size(n) }

// singleLine turns the line breaks of text pasted from Windows programs (CR LF, which Fyne's
// one-line entry leaves as CR and a space) into one space; multiLine keeps them as LF. Both
// turn a tab (cells copied from a spreadsheet) into a space: no field holds a tab character,
// typed or pasted (keyboard.go).
var (
	singleLine = strings.NewReplacer("\r\n", " ", "\r ", " ", "\r", " ", "\n", " ", "\t", " ")
	multiLine  = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", " ")
)

// problemError is a problem shown on an entry; it says whether it is an error or a warning.
type problemError struct{ p forms.Problem }

func (e problemError) Error() string { return e.p.Level.Label() + "：" + e.p.Message }

// maxLineRunes is the most characters a one-line entry holds. Fyne draws a line of text as
// one texture, and a line wider than the graphics card's largest texture (16384 px here, 8192
// on older cards) is drawn as a black bar; 500 characters of 14 px stay well below either.
const maxLineRunes = 500

// lineLimitMessage says that a single-line field takes at most maxLineRunes characters.
func lineLimitMessage() string {
	return fmt.Sprintf("这一栏是单行栏目，最多 %d 个字，超出的部分没有输入：较长的说明请写在原因说明、改进措施等多行栏目中。", maxLineRunes)
}

// entry is a one-line editor of *p; a text longer than a line may hold (from a file, or pasted
// elsewhere) gets a wrapping editor instead, so it is shown whole and never as a black bar.
func (b *binder) entry(p *string, loc forms.Location, placeholder string) *fieldEntry {
	if utf8.RuneCountInString(*p) > maxLineRunes {
		return b.multiline(p, loc, placeholder)
	}
	e := newFieldEntry(b.w, b.form, loc, false)
	b.setup(e, p, loc, placeholder)
	return e
}

// multiline is a wrapping editor of *p for long texts (原因说明, 改进措施, targets): Enter
// starts a new line, Tab goes to the next field (keyboard.go).
func (b *binder) multiline(p *string, loc forms.Location, placeholder string) *fieldEntry {
	e := newFieldEntry(b.w, b.form, loc, true)
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(2)
	b.setup(e, p, loc, placeholder)
	return e
}

func (b *binder) setup(e *fieldEntry, p *string, loc forms.Location, placeholder string) {
	e.ActionItem = newFieldMark(b.w, e, &e.Entry, loc) // before the entry's renderer: says the problem on hover and while focused (marktip.go)
	e.SetText(*p)
	e.SetPlaceHolder(placeholder)
	e.AlwaysShowValidationError = true
	breaks := singleLine
	if e.MultiLine {
		breaks = multiLine
	}
	scope := b.form
	if loc.Section == forms.SecSettings {
		scope = forms.AllForms // the title and the footer are printed on every form
	}
	e.OnChanged = func(s string) {
		if clean := breaks.Replace(s); clean != s {
			e.SetText(clean) // calls OnChanged again with the clean text
			return
		}
		if *p == s {
			return
		}
		grow := utf8.RuneCountInString(s) - utf8.RuneCountInString(*p)
		if grow > 0 && b.w.textRunes+grow > forms.MaxTextRunes {
			e.SetText(*p) // the file would not open again; what was there stays
			dialog.ShowInformation("文字过长", forms.TextLimitMessage(), b.w.Win)
			return
		}
		if forms.TooLong(s) {
			e.SetText(*p) // refuse the excess; what was there stays
			dialog.ShowInformation("文字过长", forms.LimitMessage(), b.w.Win)
			return
		}
		if !e.MultiLine && utf8.RuneCountInString(s) > maxLineRunes && utf8.RuneCountInString(s) > utf8.RuneCountInString(*p) {
			e.SetText(*p)
			dialog.ShowInformation("文字过长", lineLimitMessage(), b.w.Win)
			return
		}
		*p = s
		b.w.textRunes += grow
		b.w.changedIn(scope)
	}
	b.fields = append(b.fields, boundField{loc: loc, entry: e})
}

// check is a tick box bound to *p.
func (b *binder) check(p *bool, text string) *fieldCheck {
	c := newFieldCheck(b.w, b.form, text)
	c.SetChecked(*p)
	c.OnChanged = func(v bool) {
		if *p == v {
			return
		}
		*p = v
		b.w.changedIn(b.form)
	}
	return c
}

// choice is a drop-down bound to *p; blank is shown as blankLabel.
func (b *binder) choice(p *string, options []string, blankLabel string) *fieldSelect {
	shown := make([]string, len(options))
	for i, o := range options {
		shown[i] = o
		if o == "" {
			shown[i] = blankLabel
		}
	}
	return b.choiceLabeled(p, options, shown)
}

// choiceLabeled is a drop-down bound to *p that shows labels[i] for options[i].
func (b *binder) choiceLabeled(p *string, options, labels []string) *fieldSelect {
	s := newFieldSelect(b.w, b.form, labels)
	for i, o := range options {
		if o == *p {
			s.SetSelectedIndex(i)
		}
	}
	s.OnChanged = func(string) {
		v := options[s.SelectedIndex()]
		if *p == v {
			return
		}
		*p = v
		b.w.changedIn(b.form)
	}
	return s
}

// computedLabel is a read-only figure recomputed after every change.
func (b *binder) computedLabel(f func(ev *forms.Evaluation) string) *widget.Label {
	l := widget.NewLabel("")
	b.onRefresh(func(ev *forms.Evaluation) { l.SetText(f(ev)) })
	return l
}

// onRefresh registers f to run after every evaluation.
func (b *binder) onRefresh(f func(ev *forms.Evaluation)) {
	b.computed = append(b.computed, f)
}

// refresh updates computed labels and marks each editor with the first problem at its place.
func (b *binder) refresh(ev *forms.Evaluation, marks map[forms.Location]forms.Problem) {
	for _, f := range b.computed {
		f(ev)
	}
	for i := range b.fields {
		f := &b.fields[i]
		p, ok := marks[f.loc]
		if !ok {
			f.entry.SetValidationError(nil)
			continue
		}
		warn := p.Level != forms.LevelError
		f.entry.SetValidationError(problemError{p}) // first: Fyne makes the entry's status icon here
		if (f.mark == nil && warn) || (f.mark != nil && f.mark.warn != warn) {
			// A new override each time the level changes: Fyne themes only the objects the
			// entry has when it is applied (the status icon must exist by then, hence after
			// SetValidationError), and caches the icon's picture per override, so changing the
			// colour of an existing one would leave the icon in the old colour.
			f.mark = &markTheme{warn: warn}
			container.NewThemeOverride(f.entry, f.mark) // themes the entry itself; the container is not shown
			f.entry.Refresh()
		}
	}
}

// find returns the editor of loc, or nil.
func (b *binder) find(loc forms.Location) *fieldEntry {
	for _, f := range b.fields {
		if f.loc == loc {
			return f.entry
		}
	}
	return nil
}

// problemOf extracts the problem shown on an entry, if any.
func problemOf(err error) (forms.Problem, bool) {
	var pe problemError
	if errors.As(err, &pe) {
		return pe.p, true
	}
	return forms.Problem{}, false
}
