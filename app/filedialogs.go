package app

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/ncruces/zenity"

	"ziping/forms"
)

// The file dialogs are the system's own where there is one (app/nativedialog.go): on Windows
// the Explorer dialog (IFileDialog: 此电脑, 桌面, network drives, recent places, in the system's
// language), on macOS the Finder's, on Linux zenity's (or qarma's) when installed; otherwise
// Fyne's dialog. Tests use Fyne's (useNativeDialogs is false in app/main_test.go) or replace
// chooseOpen and chooseSave altogether.

// dialogTypes are the media types of every file the dialogs list. Fyne's dialog asks each file
// listed for its type to draw its icon, on the window's goroutine, and a file URI of an
// extension the system does not know (.zpb on every system; .xlsx, .csv where no
// /etc/mime.types lists them) opens the file and reads its first line: a pipe named "x.zpb"
// froze the window and a large file of one line was read whole. Known, the type comes from
// the extension alone.
var dialogTypes = map[string]string{
	forms.FileExt: "application/json",
	".xlsx":       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".csv":        "text/csv",
	".pdf":        "application/pdf",
}

// addDialogTypes registers dialogTypes once, when a Fyne file dialog is first shown: the
// first mime look-up reads the system's whole table (the registry on Windows), which the
// command line need not pay for.
var addDialogTypes = sync.OnceFunc(func() {
	for ext, typ := range dialogTypes {
		if mime.TypeByExtension(ext) == "" {
			_ = mime.AddExtensionType(ext, typ)
		}
	}
})

// regularFiles lists, of the files its filter takes, only regular files (links followed): a
// named pipe, device or socket is not listed, so it cannot be chosen, and Fyne's dialog, which
// opens the chosen file on the window's goroutine, cannot wait on it forever. Folders are
// listed as always (Fyne lists them before asking the filter).
type regularFiles struct{ storage.FileFilter }

// anyFile is the filter of an open dialog asked for no extension: it takes every file.
type anyFile struct{}

func (anyFile) Matches(fyne.URI) bool { return true }

func (f regularFiles) Matches(u fyne.URI) bool {
	if !f.FileFilter.Matches(u) {
		return false
	}
	if u.Scheme() != "file" {
		return true
	}
	fi, err := os.Stat(u.Path())
	return err == nil && fi.Mode().IsRegular()
}

// dialogOpen is the real chooseOpen: the open dialog listing .zpb files.
func (w *Window) dialogOpen(cb func(path string)) { w.dialogOpenOn(w.Win, cb) }

// dialogOpenOn is dialogOpen on the window parent (the main window or another of its windows).
func (w *Window) dialogOpenOn(parent fyne.Window, cb func(path string)) {
	w.dialogOpenExts(parent, "打开", []string{forms.FileExt}, cb)
}

// dialogOpenExts asks, in a dialog titled title on parent, for a file to open ending in one of
// exts (".xlsx", ".csv": one filter listing them all) and calls cb with its path; not on
// cancel.
func (w *Window) dialogOpenExts(parent fyne.Window, title string, exts []string, cb func(path string)) {
	if useNativeDialogs() {
		req := fileRequest{Title: title, Exts: exts}
		if dir := w.startDir(); dir != "" {
			req.Start = dir + string(filepath.Separator)
		}
		runNative(parent, req, cb, func() { w.fyneOpen(parent, title, exts, cb) })
		return
	}
	w.fyneOpen(parent, title, exts, cb)
}

// fyneOpen is dialogOpenExts with Fyne's dialog.
func (w *Window) fyneOpen(parent fyne.Window, title string, exts []string, cb func(path string)) {
	addDialogTypes()
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
	var filter storage.FileFilter = anyFile{} // no exts: every kind of file (a 佐证材料's, evidence.go)
	if len(exts) > 0 {
		filter = storage.NewExtensionFileFilter(exts)
	}
	d.SetFilter(regularFiles{filter})
	d.SetTitleText(title)
	d.SetConfirmText("打开")
	w.prepareFileDialog(d)
	d.Show()
}

// dialogSave is the real chooseSave: the save dialog, suggesting name and listing files
// ending in ext; it asks before a file is replaced.
func (w *Window) dialogSave(name, ext string, cb func(path string)) {
	w.dialogSaveOn(w.Win, name, ext, cb)
}

// saveTitle is the title of the save dialog for files ending in ext, and its button's text.
func saveTitle(ext string) (title, confirm string) {
	switch ext {
	case ".pdf":
		return "导出 PDF", "导出"
	case ".xlsx":
		return "导出 Excel", "导出"
	}
	return "另存为", "保存"
}

// dialogSaveOn is dialogSave on the window parent. Fyne's dialog creates (or, after asking,
// truncates) the chosen file before it returns; an empty file it leaves is removed, so that
// storage.Save keeps the existing .bak and a failed export leaves no empty PDF. The system's
// dialogs only return the path.
func (w *Window) dialogSaveOn(parent fyne.Window, name, ext string, cb func(path string)) {
	if useNativeDialogs() {
		title, _ := saveTitle(ext)
		req := fileRequest{Title: title, Exts: []string{ext}, Start: name, Save: true}
		if dir := w.startDir(); dir != "" {
			req.Start = filepath.Join(dir, name)
		}
		runNative(parent, req, cb, func() { w.fyneSave(parent, name, ext, cb) })
		return
	}
	w.fyneSave(parent, name, ext, cb)
}

// fyneSave is dialogSaveOn with Fyne's dialog.
func (w *Window) fyneSave(parent fyne.Window, name, ext string, cb func(path string)) {
	addDialogTypes()
	title, confirm := saveTitle(ext)
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
	d.SetFilter(regularFiles{storage.NewExtensionFileFilter([]string{ext})})
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	w.prepareFileDialog(d)
	d.Show()
}

// kindName is what the dialogs' type list calls files ending in ext.
func kindName(ext string) string {
	switch strings.ToLower(ext) {
	case forms.FileExt:
		return "绩效自评文档"
	case ".pdf":
		return "PDF 文件"
	case ".xlsx":
		return "Excel 工作簿"
	case ".xls":
		return "Excel 97-2003 工作簿"
	case ".csv":
		return "CSV 文件（逗号分隔）"
	}
	return strings.TrimPrefix(ext, ".") + " 文件"
}

// fileFilter is the one entry of a system dialog's type list: files ending in any of exts,
// named like "Excel 工作簿、CSV 文件（逗号分隔） (*.xlsx;*.csv)".
func fileFilter(exts []string) zenity.FileFilter {
	names, patterns := []string{}, []string{}
	for _, e := range exts {
		names = append(names, kindName(e))
		patterns = append(patterns, "*"+e)
	}
	return zenity.FileFilter{
		Name:     fmt.Sprintf("%s (%s)", strings.Join(names, "、"), strings.Join(patterns, ";")),
		Patterns: patterns,
		CaseFold: true,
	}
}

// nativeShowing is true while a system file dialog is open (UI goroutine only): one at a time.
// nativeRuns counts the dialogs until their answer has been acted on, for tests to wait for.
// nativeFailed is the error of a system dialog that could not be shown: Fyne's are used after it.
var (
	nativeShowing bool
	nativeRuns    sync.WaitGroup
	nativeFailed  error
)

// fileRequest is what a system file dialog is asked.
type fileRequest struct {
	Title string
	Exts  []string // the files listed: those ending in one of these
	// Start is the folder to start in, ending in a separator (open), or the suggested file,
	// with or without its folder (save).
	Start string
	// Save: a save dialog, which asks before a file is replaced; an open dialog otherwise.
	Save bool
}

// showNative shows the system's file dialog for req, owned by the window of owner, until the
// user chooses or ctx is cancelled (then it closes the dialog), and returns the chosen path:
// zenity's dialogs; tests replace it.
var showNative = func(ctx context.Context, req fileRequest, owner []zenity.Option) (string, error) {
	opts := append([]zenity.Option{zenity.Context(ctx), zenity.Title(req.Title)}, owner...)
	if len(req.Exts) > 0 { // none: every kind of file
		opts = append(opts, fileFilter(req.Exts))
	}
	if req.Start != "" {
		opts = append(opts, zenity.Filename(req.Start))
	}
	if req.Save {
		return zenity.SelectFileSave(append(opts, zenity.ConfirmOverwrite())...)
	}
	return zenity.SelectFile(opts...)
}

// runNative shows the system's file dialog for req (showNative, owned by parent where the
// system has owners) off the UI goroutine, since it blocks until the user chooses, and calls cb
// back on the UI goroutine with the chosen path; not on cancel. Meanwhile parent is covered by
// a note that the dialog is open, so nothing in it can be changed under the dialog, and a second
// dialog is not opened (a shortcut pressed again does nothing). The note's 取消 closes the
// system dialog (zenity's may be hidden behind other windows on Linux). Should the system's
// dialog fail, fallback shows Fyne's instead, and Fyne's are used from then on.
func runNative(parent fyne.Window, req fileRequest, cb func(path string), fallback func()) {
	if nativeShowing {
		return
	}
	nativeShowing = true
	ctx, cancel := context.WithCancel(context.Background())
	note := widget.NewLabel("请在系统的文件对话框中选择文件。")
	wait := dialog.NewCustom("文件对话框已打开", "取消", note, parent)
	wait.SetOnClosed(cancel)
	wait.Show()
	owner := ownerOption(parent)
	nativeRuns.Add(1)
	go func() {
		// The dialog's thread is ended with this goroutine (it stays locked to it): on Windows
		// the thread keeps windows of its own after the dialog (its IME window), and a thread
		// back in Go's pool no longer answers the messages the main window sends them, which
		// hung the window (seen under Wine). For the same reason the answer is handed over with
		// fyne.Do, not waited for here.
		runtime.LockOSThread()
		path, err := showNative(ctx, req, owner)
		fyne.Do(func() {
			defer nativeRuns.Done()
			nativeShowing = false
			wait.Hide() // (and cancels ctx, which is done with)
			switch {
			case errors.Is(err, zenity.ErrCanceled), errors.Is(err, context.Canceled), err == nil && path == "":
			case err != nil:
				// The system's dialog could not be shown (zenity on a display it cannot reach …).
				nativeFailed = err
				fallback()
			default:
				cb(filepath.Clean(path))
			}
		})
	}()
}

// useNativeDialogs tells whether the system's file dialogs are used (nativeAvailable) rather
// than Fyne's. ZIPING_FYNE_DIALOGS=1 chooses Fyne's, should the system's not work on a computer.
var useNativeDialogs = func() bool {
	return nativeFailed == nil && os.Getenv("ZIPING_FYNE_DIALOGS") == "" && nativeAvailable()
}

// startDir is the folder a file dialog starts in: that of the document, or of the most recent
// file, when it exists; "" for the dialog's own choice.
func (w *Window) startDir() string {
	dirs := []string{}
	if w.Path != "" {
		dirs = append(dirs, filepath.Dir(w.Path))
	}
	for _, p := range w.recentFiles() {
		dirs = append(dirs, filepath.Dir(p))
	}
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	return ""
}

// prepareFileDialog makes a Fyne file dialog larger than Fyne's default (it shrinks to fit a
// small window) and starts it in startDir; otherwise Fyne starts in the folder it used last.
func (w *Window) prepareFileDialog(d *dialog.FileDialog) {
	d.Resize(fyne.NewSize(900, 600))
	if dir := w.startDir(); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
}
