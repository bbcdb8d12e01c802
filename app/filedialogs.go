package app

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"ziping/forms"
)

// dialogOpen is the real chooseOpen: Fyne's file open dialog listing .zpb files.
func (w *Window) dialogOpen(cb func(path string)) { w.dialogOpenOn(w.Win, cb) }

// dialogOpenOn is dialogOpen on the window parent (the main window or another of its windows).
func (w *Window) dialogOpenOn(parent fyne.Window, cb func(path string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(fmt.Errorf("无法打开所选文件：%w", err), parent)
			return
		}
		if rc == nil {
			return // cancelled
		}
		path := filepath.FromSlash(rc.URI().Path())
		rc.Close()
		cb(path)
	}, parent)
	d.SetFilter(storage.NewExtensionFileFilter([]string{forms.FileExt}))
	w.prepareFileDialog(d)
	d.Show()
}

// dialogOpenExts is Fyne's file open dialog on parent, titled title, listing the files that end
// in one of exts (".xlsx", ".csv"); cb gets the chosen path, not on cancel.
func (w *Window) dialogOpenExts(parent fyne.Window, title string, exts []string, cb func(path string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(fmt.Errorf("无法打开所选文件：%w", err), parent)
			return
		}
		if rc == nil {
			return // cancelled
		}
		path := filepath.FromSlash(rc.URI().Path())
		rc.Close()
		cb(path)
	}, parent)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetTitleText(title)
	w.prepareFileDialog(d)
	d.Show()
}

// dialogSave is the real chooseSave: Fyne's file save dialog. Fyne creates (or, after asking,
// truncates) the chosen file before it returns; an empty file it leaves is removed, so that
// forms.Save keeps the existing .bak and a failed export leaves no empty PDF.
func (w *Window) dialogSave(name, ext string, cb func(path string)) {
	w.dialogSaveOn(w.Win, name, ext, cb)
}

// dialogSaveOn is dialogSave on the window parent.
func (w *Window) dialogSaveOn(parent fyne.Window, name, ext string, cb func(path string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(withHint(fmt.Errorf("无法写入所选位置：%w", err)), parent)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := filepath.FromSlash(wc.URI().Path())
		wc.Close()
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
			_ = os.Remove(path)
		}
		cb(path)
	}, parent)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	switch ext {
	case ".pdf":
		d.SetTitleText("导出 PDF")
		d.SetConfirmText("导出")
	case ".xlsx":
		d.SetTitleText("导出 Excel")
		d.SetConfirmText("导出")
	default:
		d.SetTitleText("另存为")
	}
	w.prepareFileDialog(d)
	d.Show()
}

// prepareFileDialog makes a file dialog larger than Fyne's default (it shrinks to fit a small
// window) and starts it in the folder of the document, or of the most recent file, when that
// folder exists; otherwise Fyne starts in the folder it used last.
func (w *Window) prepareFileDialog(d *dialog.FileDialog) {
	d.Resize(fyne.NewSize(900, 600))
	dirs := []string{}
	if w.Path != "" {
		dirs = append(dirs, filepath.Dir(w.Path))
	}
	for _, p := range w.recentFiles() {
		dirs = append(dirs, filepath.Dir(p))
	}
	for _, dir := range dirs {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
			return
		}
	}
}
