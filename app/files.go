package app

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
	"ziping/storage"
)

// recentKey is the preference holding the recently opened documents, most recent first.
const (
	recentKey = "recent"
	maxRecent = 8
)

// fileUI is the per-window state of the file commands.
//
// chooseOpen and chooseSave are the seam for tests: by default they show Fyne's file dialogs;
// a test replaces them (w.files().chooseSave = ...) to answer with a path at once. jobs lets a
// test wait for a background export to finish and show its result; queue.wait does the same for
// saves, recovery copies and locks.
type fileUI struct {
	// chooseOpen asks for a document to open and calls cb with its path; not on cancel.
	chooseOpen func(cb func(path string))
	// chooseSave asks where to write a file, suggesting name and listing files ending in ext
	// (".zpb" or ".pdf"), and calls cb with the chosen path, which may lack ext; not on cancel.
	chooseSave func(name, ext string, cb func(path string))
	// chooseOpenExts asks, in a dialog on parent titled title, for a file ending in one of exts
	// (".xlsx", ".csv") and calls cb with its path; not on cancel.
	chooseOpenExts func(parent fyne.Window, title string, exts []string, cb func(path string))
	// prompt is the unsaved-changes question while it is shown.
	prompt *unsavedPrompt
	// jobs counts background exports until their result has been shown.
	jobs sync.WaitGroup

	// instance names this window in lock files and recovery copies.
	instance string
	// queue does the window's saves, recovery copies and lock releases, in order (autosave.go).
	queue fileQueue
	// lock is the document's lock while this window holds it; nil otherwise (lock.go).
	lock *storage.Lock
	// stamp is what the document's file held when this window last read or wrote it; a save
	// over anything else asks first. nil when there is no file, or it is not known.
	stamp *storage.Stamp
	// readOnlyNote says in the title why a document is shown read-only.
	readOnlyNote string

	// saving is the save in progress, again a save asked for meanwhile (save.go).
	saving *saveJob
	again  *pendingSave
	// busy shows 正在保存… in the toolbar.
	busy *widget.Label
	// closing is set once the window is closing: nothing is copied for recovery any more.
	closing bool

	// lastCopy is the hash of the last recovery copy queued; adopted are copies of an earlier
	// run this window restored, removed once its own copy is written (recovery.go).
	lastCopy     [sha256.Size]byte
	adopted      []string
	stopAutosave chan struct{}
}

// files returns the file-command state of w, made with the real file dialogs on first use; it
// registers the window as running, so that other windows leave its recovery copies alone.
func (w *Window) files() *fileUI {
	if w.fileState == nil {
		w.fileState = &fileUI{chooseOpen: w.dialogOpen, chooseSave: w.dialogSave, chooseOpenExts: w.dialogOpenExts,
			instance: newInstanceID(), busy: widget.NewLabel("")}
		register(w)
	}
	return w.fileState
}

// defaultYear is the year a new document evaluates: the self-evaluation is filed for the
// previous year.
func defaultYear() int { return time.Now().Year() - 1 }

// Open shows the document at path; a file that cannot be read is reported and left untouched,
// and the current document stays. It does not ask about unsaved changes (see openRecent).
func (w *Window) Open(path string) {
	if tell := w.openFile(path); tell != nil {
		tell(func() {})
	}
}

// openFile shows the document at path, or leaves the window as it is when the file cannot be
// read. It returns what to tell or ask the user (a dialog to show, which runs next once it no
// longer needs the window's document), or nil.
func (w *Window) openFile(path string) (tell func(next func())) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	doc, stamp, err := storage.LoadStamped(path)
	var newer *forms.NewerVersionError
	switch {
	case errors.As(err, &newer) && newer.Doc != nil:
		// Shown read-only: the document has no file, so saving asks for a new name and the
		// newer file is never overwritten with less than it holds.
		w.showReadOnly(newer.Doc, path, "（只读：由更新版本保存）")
		return func(next func()) {
			dialog.ShowInformation("以只读方式打开", err.Error()+"\n\n本程序能读出的内容已显示；保存时请另存为新文件，原文件不会被改动。", w.Win)
			next()
		}
	case err != nil:
		if errors.Is(err, os.ErrNotExist) {
			w.removeRecent(path)
		}
		return func(next func()) { dialog.ShowError(err, w.Win); next() }
	}
	lock, err := w.acquireLock(path)
	var held *storage.LockedError
	var bad *storage.BadLockError
	switch {
	case errors.As(err, &held):
		return func(next func()) { w.askLocked(doc, stamp, held, next) }
	case errors.As(err, &bad): // a folder with files in it as the lock: said, then opened unlocked
		w.showFile(doc, path, stamp, nil)
		return func(next func()) {
			dialog.ShowInformation("锁文件无法替换", bad.Error()+"\n\n文件已打开，但本窗口没有锁定它；保存前程序仍会检查文件是否已被别人改过。", w.Win)
			next()
		}
	}
	// Any other error: the lock file cannot be made (a read-only folder); saves are still checked.
	w.showFile(doc, path, stamp, lock)
	if lock != nil && lock.Replaced() != "" { // a link, pipe or folder as the lock: replaced, and said
		return func(next func()) { dialog.ShowInformation("锁文件已替换", lock.Replaced(), w.Win); next() }
	}
	return nil
}

// showFile shows doc read from path, whose file held stamp, with the document's lock (nil when
// this window does not hold it).
func (w *Window) showFile(doc *forms.Document, path string, stamp storage.Stamp, lock *storage.Lock) {
	w.setDocument(doc, path)
	ui := w.files()
	ui.stamp = &stamp
	w.holdLock(lock)
	w.addRecent(path)
	ui.queue.do(func() { storage.RemoveStaleTemps(filepath.Dir(path), filepath.Base(path)) })
}

// showReadOnly shows doc, read from path, without its file: saving asks for a new name.
func (w *Window) showReadOnly(doc *forms.Document, path, note string) {
	w.setDocument(doc, "")
	w.ReadOnlyFrom = path
	w.files().readOnlyNote = note
	w.evaluate()
}

// readOnlyNote is what the title adds to the name of a file shown read-only.
func (w *Window) readOnlyNote() string {
	if w.fileState == nil || w.fileState.readOnlyNote == "" {
		return "（只读）"
	}
	return w.fileState.readOnlyNote
}

// leaveDocument lets go of the document the window showed: its recovery copies (it was saved
// or deliberately discarded), its lock and what its file held.
func (w *Window) leaveDocument() {
	w.summaryDocumentReplaced()
	w.clearRecovery()
	w.releaseLock()
	w.files().stamp = nil
}

// New replaces the document with an empty one, after asking about unsaved changes.
func (w *Window) New() {
	w.confirmDiscard(func() { w.setDocument(forms.NewDocument(defaultYear()), "") })
}

// OpenDialog asks about unsaved changes, then for a document to open.
func (w *Window) OpenDialog() {
	w.confirmDiscard(func() { w.files().chooseOpen(w.Open) })
}

// openRecent opens a document of the 最近打开 menu, after asking about unsaved changes.
func (w *Window) openRecent(path string) {
	w.confirmDiscard(func() { w.Open(path) })
}

// closeRequested is the window's close intercept: it asks about unsaved changes first.
func (w *Window) closeRequested() {
	w.confirmDiscard(w.closeNow)
}

// closeNow closes the window once its file work is done: nothing is copied for recovery any
// more, its own copies are removed (the document was saved, or the user chose 不保存), its lock
// is released, and a save still running finishes first.
func (w *Window) closeNow() {
	ui := w.files()
	if ui.closing {
		return
	}
	ui.closing = true
	w.stopAutosave()
	w.clearRecovery()
	w.releaseLock()
	w.showBusy()
	ui.queue.do(func() {
		fyne.DoAndWait(func() {
			unregister(w)
			w.Win.Close()
			if len(liveWindows(w.App)) == 0 {
				quitting() // the last document window: Fyne quits (app/quit.go)
			}
		})
	})
}

// unsavedPrompt is the question 保存 / 不保存 / 取消 shown before unsaved changes would be lost.
type unsavedPrompt struct {
	dlg                   *dialog.CustomDialog
	save, discard, cancel *widget.Button
}

// confirmDiscard runs then at once when the document is saved; otherwise it asks whether to
// save first (then runs after a successful save), to discard the changes, or to cancel.
func (w *Window) confirmDiscard(then func()) {
	if !w.Dirty {
		then()
		return
	}
	ui := w.files()
	if ui.prompt != nil {
		return // already asking
	}
	p := &unsavedPrompt{}
	finish := func(next func()) func() {
		return func() {
			ui.prompt = nil
			p.dlg.Hide()
			if next != nil {
				next()
			}
		}
	}
	p.save = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), finish(func() { w.save(then) }))
	p.save.Importance = widget.HighImportance
	p.discard = widget.NewButton("不保存", finish(then))
	p.cancel = widget.NewButton("取消", finish(nil))
	msg := widget.NewLabel("当前文档有未保存的修改，是否保存？")
	p.dlg = dialog.NewCustomWithoutButtons("保存修改", msg, w.Win)
	p.dlg.SetButtons([]fyne.CanvasObject{p.cancel, p.discard, p.save})
	ui.prompt = p
	p.dlg.Show()
}

// confirmReplace runs do when target is the file the user chose (the file dialog has asked
// already) or does not exist yet; otherwise it asks whether to replace target. target differs
// from chosen when the extension was added to the name the user typed.
func (w *Window) confirmReplace(chosen, target string, do func()) {
	confirmReplace(w.Win, chosen, target, do)
}

// confirmReplace is Window.confirmReplace with its question on parent.
func confirmReplace(parent fyne.Window, chosen, target string, do func()) {
	if _, err := os.Stat(target); chosen == target || errors.Is(err, os.ErrNotExist) {
		do()
		return
	}
	dlg := dialog.NewConfirm("替换文件", fmt.Sprintf("“%s”已存在，是否替换？", filepath.Base(target)), func(ok bool) {
		if ok {
			do()
		}
	}, parent)
	dlg.SetConfirmText("替换")
	dlg.SetDismissText("取消")
	dlg.Show()
}

// recentFiles returns the recently opened or saved documents, most recent first.
func (w *Window) recentFiles() []string {
	return w.App.Preferences().StringList(recentKey)
}

// addRecent puts path first in the recent files, keeping at most maxRecent.
func (w *Window) addRecent(path string) {
	list := []string{path}
	for _, p := range w.recentFiles() {
		if !samePath(p, path) && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	w.setRecent(list)
}

// removeRecent drops path from the recent files (it no longer exists).
func (w *Window) removeRecent(path string) {
	old := w.recentFiles()
	list := make([]string, 0, len(old))
	for _, p := range old {
		if !samePath(p, path) {
			list = append(list, p)
		}
	}
	if len(list) != len(old) {
		w.setRecent(list)
	}
}

// setRecent stores the recent files and rebuilds the menu that lists them.
func (w *Window) setRecent(list []string) {
	w.App.Preferences().SetStringList(recentKey, list)
	w.Win.SetMainMenu(w.menu())
}

func samePath(a, b string) bool {
	if runtime.GOOS == "windows" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// suggestedName is the file name offered by a save dialog: the document's file name, or for a
// new document its year and unit ("2021年抚顺市社保中心绩效自评"), with ext.
func (w *Window) suggestedName(ext string) string {
	if w.Path != "" {
		return strings.TrimSuffix(filepath.Base(w.Path), filepath.Ext(w.Path)) + ext
	}
	name := strings.TrimSpace(w.Doc.Settings.Year) + "年" + strings.TrimSpace(w.Doc.Settings.UnitShortName) + "绩效自评"
	return forms.FileNameText(name) + ext // no bidi override can make "….pdf" of "…\u202Efdp.exe"
}

// withExt adds ext to path unless it already ends with it (in any case).
func withExt(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	return path + ext
}

// withHint adds what to do to the errors a user can fix; the wrapped os errors are English.
func withHint(err error) error {
	if errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("%w\n\n没有写入权限，或文件正被其他程序（如 PDF 阅读器）打开：请关闭该程序，或换一个文件夹", err)
	}
	return err
}
