package app

import (
	"runtime"
	"strings"
)

// keyText writes a shortcut named in a message as the user's keyboard has it: "Ctrl+Shift+V" on
// Windows and Linux, "Cmd+Shift+V" on macOS, where fyne.KeyModifierShortcutDefault (the
// modifier of every menu shortcut, app/menu.go's shortcut) is the Command key. Ctrl+Tab is
// Ctrl on every system (app/keyboard.go) and is not written through here.
func keyText(s string) string { return keyTextFor(runtime.GOOS, s) }

// keyTextFor is keyText for the system goos: a helper without a build tag, so that the macOS
// wording is tested on Linux (make darwin-check).
func keyTextFor(goos, s string) string {
	if goos != "darwin" {
		return s
	}
	if rest, ok := strings.CutPrefix(s, "Ctrl+"); ok {
		return "Cmd+" + rest
	}
	return s
}
