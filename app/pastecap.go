package app

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// pasteTooLong reports whether the paste s would give e more than max characters. It is asked
// before the entry takes the text: Fyne lays out whatever is pasted before OnChanged can refuse
// it, and three megabytes from the clipboard kept the window busy for minutes at 6.8 GB.
func pasteTooLong(e *widget.Entry, s fyne.Shortcut, max int) bool {
	p, ok := s.(*fyne.ShortcutPaste)
	if !ok || p.Clipboard == nil {
		return false
	}
	clip := p.Clipboard.Content()
	if len(clip) <= max { // no more bytes than characters allowed: within the limit
		return false
	}
	kept := utf8.RuneCountInString(e.Text) - utf8.RuneCountInString(e.SelectedText())
	return kept+utf8.RuneCountInString(clip) > max
}
