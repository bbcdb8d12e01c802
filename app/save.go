package app

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
	"ziping/storage"
)

// Save writes the document to its file, or asks for one when it has none.
func (w *Window) Save() { w.save(nil) }

// SaveAs asks for a file and writes the document to it.
func (w *Window) SaveAs() { w.saveAs(nil) }

// save saves and then, once the document is on disk, runs then (nil for nothing).
func (w *Window) save(then func()) {
	if w.Path == "" {
		w.saveAs(then)
		return
	}
	w.saveTo(w.Path, then, w.files().stamp)
}

func (w *Window) saveAs(then func()) {
	w.files().chooseSave(w.suggestedName(forms.FileExt), forms.FileExt, func(path string) {
		target := withExt(path, forms.FileExt)
		w.confirmReplace(path, target, func() {
			var expect *storage.Stamp
			if samePath(target, w.Path) {
				expect = w.files().stamp
			}
			w.saveTo(target, then, expect)
		})
	})
}

// saveJob is one save: the document is encoded on the UI goroutine, written by the window's
// file queue, and the result shown back on the UI goroutine (saveDone).
type saveJob struct {
	doc      *forms.Document // the document as it was when saving began (w.Doc)
	path     string
	data     []byte
	expect   *storage.Stamp // what the file must still hold; nil: whatever readable document
	then     func()
	instance string
	// getLock: take the file's lock (this window does not hold it); other: the file is another
	// than the document's own, so one another window holds must not be replaced.
	getLock, other bool

	lock  *storage.Lock // the lock taken
	stamp storage.Stamp // what was written
	err   error
}

// pendingSave is a save asked for while another runs; it runs when that one is done.
type pendingSave struct{ then func() }

// saveTo writes the document to path in the background; the window stays usable meanwhile and
// shows 正在保存…. A save asked for while one runs is done after it (once, with every then).
// expect is what the file must still hold (nil: replace any readable document). On success,
// path becomes the document's file.
func (w *Window) saveTo(path string, then func(), expect *storage.Stamp) {
	ui := w.files()
	if ui.saving != nil {
		if ui.again == nil {
			ui.again = &pendingSave{}
		}
		if prev := ui.again.then; then != nil {
			ui.again.then = func() {
				if prev != nil {
					prev()
				}
				then()
			}
		}
		w.showBusy()
		return
	}
	data, err := forms.Marshal(w.Doc)
	if err != nil {
		dialog.ShowError(err, w.Win)
		return
	}
	j := &saveJob{doc: w.Doc, path: path, data: data, expect: expect, then: then, instance: ui.instance,
		other: !samePath(path, w.Path)}
	j.getLock = takeLocks && (ui.lock == nil || ui.lock.Lost() || !samePath(ui.lock.Path(), path))
	ui.saving = j
	w.showBusy()
	ui.queue.do(func() {
		j.run()
		fyne.DoAndWait(func() { w.saveDone(j) })
	})
}

// run does the file work of a save, off the UI goroutine.
func (j *saveJob) run() {
	if j.getLock {
		l, err := storage.AcquireLock(j.path, j.instance)
		var held *storage.LockedError
		if errors.As(err, &held) && j.other {
			j.err = held
			return
		}
		j.lock = l // nil when another window holds it (仍然打开): the stamp check guards the file
	}
	j.stamp, j.err = storage.SaveBytes(j.path, j.data, j.expect)
	if j.err != nil && j.lock != nil {
		_ = j.lock.Release()
		j.lock = nil
	}
}

// saveDone shows the result of a save on the UI goroutine.
func (w *Window) saveDone(j *saveJob) {
	ui := w.files()
	ui.saving = nil
	again := ui.again
	ui.again = nil
	w.showBusy()
	if w.Doc != j.doc { // the window went on to another document meanwhile
		if j.lock != nil {
			ui.queue.do(func() { _ = j.lock.Release() })
		}
		if j.err != nil { // nothing to offer: the document is no longer in the window
			dialog.ShowError(j.err, w.Win)
		}
		return
	}
	if j.err != nil {
		w.saveFailed(j)
		return
	}
	if j.lock != nil {
		w.holdLock(j.lock)
	}
	ui.stamp = &j.stamp
	w.Path, w.ReadOnlyFrom = j.path, ""
	// Edits made while the file was written keep the document changed.
	if now, err := forms.Marshal(w.Doc); err == nil && bytes.Equal(now, j.data) {
		w.Dirty = false
		w.markSaved()
		w.clearRecovery()
	}
	w.addRecent(j.path)
	w.Win.SetTitle(w.title())
	w.updateStatus()
	if j.then != nil {
		j.then()
	}
	if again != nil && !ui.closing {
		if w.Dirty {
			w.save(again.then)
		} else if again.then != nil {
			again.then()
		}
	}
}

// saveFailed says why a save wrote nothing and offers what can be done: 另存为 always, 覆盖
// when someone else changed the file.
func (w *Window) saveFailed(j *saveJob) {
	var changed *storage.ChangedError
	var readOnly *storage.ReadOnlyError
	var held *storage.LockedError
	title, msg := "保存失败", j.err.Error()
	var overwrite func()
	switch {
	case errors.As(j.err, &changed):
		title = "文件已被修改"
		expect := &changed.Now
		if changed.Gone {
			expect = nil
		}
		msg += "\n\n另存为：把您的内容存为另一个文件，两份都保留。\n覆盖：用您的内容替换文件现在的内容（现在的内容会保留为 .bak 备份）。"
		overwrite = func() { w.saveTo(j.path, j.then, expect) }
	case errors.As(j.err, &readOnly):
		title = "文件是只读的"
	case errors.As(j.err, &held):
		title = "文件正在被编辑"
		msg = lockedMessage(held)
	default:
		msg += "\n\n您的内容仍在窗口中，可以另存为其他位置。"
	}
	w.showSaveProblem(title, msg, func() { w.saveAs(j.then) }, overwrite)
}

// showSaveProblem shows msg with 取消, 另存为 and, when overwrite is set, 覆盖.
func (w *Window) showSaveProblem(title, msg string, saveAs, overwrite func()) {
	var d *dialog.CustomDialog
	button := func(label string, do func()) *widget.Button {
		return widget.NewButton(label, func() {
			d.Hide()
			if do != nil {
				do()
			}
		})
	}
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(title, text, w.Win)
	buttons := []fyne.CanvasObject{button("取消", nil)}
	if overwrite != nil {
		buttons = append(buttons, button("覆盖", overwrite))
	}
	as := button("另存为", saveAs)
	as.Importance = widget.HighImportance
	d.SetButtons(append(buttons, as))
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// showBusy shows in the toolbar whether a save is running and what waits for it.
func (w *Window) showBusy() {
	ui := w.files()
	text := ""
	switch {
	case ui.saving == nil:
	case ui.closing:
		text = "正在保存…（完成后关闭窗口）"
	case ui.again != nil:
		text = "正在保存…（完成后再保存一次）"
	default:
		text = fmt.Sprintf("正在保存“%s”…", filepath.Base(ui.saving.path))
	}
	ui.busy.SetText(text)
}

// isSaved reports whether data, a document encoded by forms.Marshal, is what the document's file
// held when this window last read or wrote it: then the window has nothing unsaved. A file
// written by another version may encode the same document differently; it is then taken as
// changed, which only asks once more at closing.
func (w *Window) isSaved(data []byte) bool {
	ui := w.files()
	if w.Path == "" || w.ReadOnlyFrom != "" || ui.stamp == nil || int64(len(data)) != ui.stamp.Size {
		return false
	}
	return sha256.Sum256(data) == ui.stamp.Sum
}

// saveIndicator is the toolbar's label that shows 正在保存….
func (w *Window) saveIndicator() fyne.CanvasObject { return w.files().busy }
