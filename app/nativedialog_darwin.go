package app

import (
	"os"

	"fyne.io/fyne/v2"
	"github.com/ncruces/zenity"
)

// nativeAvailable: macOS always has its file dialogs (shown by zenity through osascript;
// app/filedialogs.go).
func nativeAvailable() bool { return true }

// ownerOption shows the dialog for this process, in front of its windows.
func ownerOption(fyne.Window) []zenity.Option { return []zenity.Option{zenity.Attach(os.Getpid())} }
