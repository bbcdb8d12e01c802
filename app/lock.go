package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
	"ziping/storage"
)

// takeLocks is whether opening a document takes its lock. TestMain turns it off: most tests
// open the shared sample in many windows that they never close, as separate runs of the
// program would not; the tests of locking turn it on (useLocks).
var takeLocks = true

// acquireLock takes the lock of the document at path for the window, when locks are taken.
func (w *Window) acquireLock(path string) (*storage.Lock, error) {
	if !takeLocks {
		return nil, nil
	}
	return storage.AcquireLock(path, w.files().instance)
}

// askLocked asks what to do with doc, read from a file another running window holds:
// 只读打开 shows it without its file (saving asks for a new name), 仍然打开 edits it (each save
// first checks that the file still holds what was loaded), 取消 keeps the current document.
// next runs once the question is answered.
func (w *Window) askLocked(doc *forms.Document, stamp storage.Stamp, held *storage.LockedError, next func()) {
	var d *dialog.CustomDialog
	answer := func(do func()) func() {
		return func() {
			d.Hide()
			if do != nil {
				do()
			}
			next()
		}
	}
	path := held.Path
	readOnly := widget.NewButton("只读打开", answer(func() { w.showReadOnly(doc, path, "（只读：正由他人编辑）") }))
	readOnly.Importance = widget.HighImportance
	anyway := widget.NewButton("仍然打开", answer(func() { w.showFile(doc, path, stamp, nil) }))
	cancel := widget.NewButton("取消", answer(nil))
	msg := widget.NewLabel(held.Error() + "\n\n" +
		"两个窗口同时修改同一个文件，一方保存的内容会被另一方覆盖。\n" +
		"只读打开：可以查看、打印、导出和另存为，不会改动这个文件。\n" +
		"仍然打开：可以编辑；保存前程序会检查文件是否已被对方保存过，如果是，会先询问。")
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons("文件正在被编辑", msg, w.Win)
	d.SetButtons([]fyne.CanvasObject{cancel, anyway, readOnly})
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// holdLock makes lock (nil for none) the window's lock and keeps it fresh.
func (w *Window) holdLock(lock *storage.Lock) {
	ui := w.files()
	if ui.lock == lock {
		return
	}
	w.releaseLock()
	ui.lock = lock
	if lock != nil {
		lock.KeepFresh(storage.LockRefreshEvery)
	}
}

// releaseLock gives up the window's lock, after the file work queued before.
func (w *Window) releaseLock() {
	ui := w.files()
	if l := ui.lock; l != nil {
		ui.lock = nil
		ui.queue.do(func() { _ = l.Release() })
	}
}

// lockedMessage says that path cannot be saved over because another window edits it.
func lockedMessage(held *storage.LockedError) string {
	return fmt.Sprintf("%s\n没有保存，这个文件保持原样；您的内容仍在窗口中。请另存为其他文件名。", held.Error())
}
