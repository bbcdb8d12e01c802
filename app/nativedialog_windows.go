package app

import (
	"fyne.io/fyne/v2"
	"github.com/ncruces/zenity"
)

// nativeAvailable: Windows always has its file dialogs (IFileDialog, called by zenity in pure
// Go; app/filedialogs.go).
func nativeAvailable() bool { return true }

// ownerOption: none. Made the owner, the window (its thread is the program's main thread)
// shares its input with the dialog's thread; under Wine the window then at times stopped
// drawing and taking keys after the dialog (tools/wine/smoke.sh, 3b). The window is covered by
// a note while the dialog is open instead, whose 取消 closes the dialog; zenity brings the
// dialog to the front.
func ownerOption(fyne.Window) []zenity.Option { return nil }
