package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/ncruces/zenity"
)

// nativeAvailable: Windows always has its file dialogs (IFileDialog, called by zenity in pure
// Go; app/filedialogs.go).
func nativeAvailable() bool { return true }

// ownerOption makes parent the owner of the system dialog: Windows disables the owner while
// the dialog is open (it is modal to that window) and puts the dialog in front of it.
func ownerOption(parent fyne.Window) []zenity.Option {
	nw, ok := parent.(driver.NativeWindow)
	if !ok {
		return nil
	}
	var hwnd uintptr
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.WindowsWindowContext); ok {
			hwnd = c.HWND
		}
	})
	if hwnd == 0 {
		return nil
	}
	return []zenity.Option{zenity.Attach(hwnd), zenity.Modal()}
}
