//go:build !windows && !darwin

package app

import (
	"fyne.io/fyne/v2"
	"github.com/ncruces/zenity"
)

// nativeAvailable: on Linux and the BSDs the desktop's dialog is zenity's (or qarma's, KDE's
// counterpart, or matedialog's) when one of these programs is installed; otherwise Fyne's
// dialog is used (app/filedialogs.go).
func nativeAvailable() bool { return zenity.IsAvailable() }

// ownerOption: none. zenity's --attach is not understood by every version of the program, and
// a refused option would mean no dialog; the window is covered by a note meanwhile instead.
func ownerOption(fyne.Window) []zenity.Option { return nil }
