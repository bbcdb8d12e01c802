package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
	"ziping/storage"
)

// recoveryDir is the folder of recovery copies, in the user's configuration folder; tests
// point it at a temporary folder.
var recoveryDir = func() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "ziping", "recovery")
}

// recoveryMeta says which document a recovery copy belongs to, which window wrote it and when.
type recoveryMeta struct {
	Path  string    `json:"path"` // "" for an untitled document
	Saved time.Time `json:"saved"`
	// Owner is the window that wrote the copy; empty in the copies of earlier versions.
	Owner storage.Holder `json:"owner"`
	// Base is what the document's file held when that window last read or wrote it: a
	// restored copy is saved over the file only while it still holds that.
	Base *storage.Stamp `json:"base,omitempty"`
}

// guard runs f and turns a panic into a Chinese message: the document and every edit stay, and
// the detail goes to the log for the developers.
func (w *Window) guard(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("ziping: %s: %v\n%s", what, r, debug.Stack())
			dialog.ShowError(fmt.Errorf("%s时发生内部错误（%v）。已输入的内容都还在：请保存文档，并把文档和这段文字发给开发者", what, r), w.Win)
		}
	}()
	f()
}

// guarded wraps f for a button, menu item or shortcut.
func (w *Window) guarded(what string, f func()) func() {
	return func() { w.guard(what, f) }
}

// recoveryKey names the recovery copy of the current document: a hash of its path (or
// "untitled") and the window's instance id, so that each window has its own copies.
func (w *Window) recoveryKey() string {
	inst := w.files().instance
	if w.Path == "" {
		return "untitled-" + inst
	}
	sum := sha256.Sum256([]byte(w.Path))
	return hex.EncodeToString(sum[:8]) + "-" + inst
}

// autosave queues a recovery copy when the document has changes not yet copied. The document
// is encoded here, on the UI goroutine; the copy is written by the window's file queue. Nothing
// is copied once the window is closing (after 不保存, a copy would offer discarded edits).
func (w *Window) autosave() {
	ui := w.files()
	if ui.closing || !w.Dirty || w.Doc == nil {
		return
	}
	data, err := forms.Marshal(w.Doc)
	if err != nil {
		return
	}
	sum := sha256.Sum256(data)
	if sum == ui.lastCopy {
		return
	}
	ui.lastCopy = sum
	key := w.recoveryKey()
	w.recoveryKeys[key] = true
	meta := recoveryMeta{Path: w.Path, Saved: time.Now(), Owner: storage.ThisWindow(ui.instance), Base: ui.stamp}
	adopted := ui.adopted
	ui.adopted = nil
	ui.queue.do(func() { writeRecovery(key, data, meta, adopted) })
}

// writeRecovery writes a recovery copy and its description; once both are written, the copies
// this window restored (adopted) are removed: the new copy holds all they held.
func writeRecovery(key string, data []byte, meta recoveryMeta, adopted []string) {
	dir := recoveryDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		log.Printf("ziping: recovery folder: %v", err)
		return
	}
	m, _ := json.Marshal(meta)
	if err := storage.WriteFileAtomic(filepath.Join(dir, key+forms.FileExt), data); err != nil {
		log.Printf("ziping: recovery copy: %v", err)
		return
	}
	if err := storage.WriteFileAtomic(filepath.Join(dir, key+".json"), m); err != nil {
		log.Printf("ziping: recovery copy: %v", err)
		return
	}
	for _, k := range adopted {
		if k != key {
			removeCopy(k)
		}
	}
}

// removeCopy deletes the recovery copy key.
func removeCopy(key string) {
	dir := recoveryDir()
	os.Remove(filepath.Join(dir, key+forms.FileExt))
	os.Remove(filepath.Join(dir, key+".json"))
}

// clearRecovery removes the recovery copies this window wrote or restored (after a clean save,
// 不保存, or another document), after the copies queued before.
func (w *Window) clearRecovery() {
	ui := w.files()
	ui.lastCopy = [sha256.Size]byte{}
	ui.adopted = nil
	if len(w.recoveryKeys) == 0 {
		return
	}
	keys := make([]string, 0, len(w.recoveryKeys))
	for k := range w.recoveryKeys {
		keys = append(keys, k)
	}
	clear(w.recoveryKeys)
	ui.queue.do(func() {
		for _, k := range keys {
			removeCopy(k)
		}
	})
}

// recovery is a recovery copy found at start-up.
type recovery struct {
	key  string
	meta recoveryMeta
	doc  *forms.Document
	// For a copy of a file: the file as it is now (nil when it cannot be read, fileErr says
	// why), its time, and the fields the copy changes.
	saved    *forms.Document
	fileErr  error
	fileTime time.Time
	diffs    []forms.Difference
}

// orphaned reports whether the window that wrote a copy no longer runs, so that only the user
// can decide what becomes of it.
func orphaned(owner storage.Holder) bool {
	switch {
	case owner.Instance == "":
		return true // an earlier version's copy, which named no window
	case owner.Here() && owner.PID == os.Getpid():
		return !liveInstance(owner.Instance)
	case owner.Here():
		return owner.Ended()
	}
	return true // another computer's (a roaming profile): it cannot be asked whether it runs
}

// pendingRecoveries lists the orphaned recovery copies that hold something their file does not,
// newest first; an orphaned copy equal to its file holds nothing to recover and is removed.
// Temporary files of killed autosaves are removed too.
func pendingRecoveries() []recovery {
	dir := recoveryDir()
	storage.RemoveStaleTemps(dir, "")
	metas, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	var out []recovery
	for _, m := range metas {
		r := recovery{key: strings.TrimSuffix(filepath.Base(m), ".json")}
		data, err := os.ReadFile(m)
		if err != nil || json.Unmarshal(data, &r.meta) != nil || !orphaned(r.meta.Owner) {
			continue
		}
		if r.doc, err = storage.Load(filepath.Join(dir, r.key+forms.FileExt)); err != nil {
			continue
		}
		if r.meta.Path != "" {
			if r.saved, r.fileErr = storage.Load(r.meta.Path); r.fileErr == nil {
				if r.diffs = forms.Diff(r.saved, r.doc); len(r.diffs) == 0 {
					removeCopy(r.key)
					continue
				}
			}
			if fi, err := os.Stat(r.meta.Path); err == nil {
				r.fileTime = fi.ModTime()
			}
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].meta.Saved.After(out[j].meta.Saved) })
	return out
}

// offerRecovery asks, for each orphaned recovery copy, newest first, whether to restore it. One
// copy can be restored into the window; the others are asked about again at the next start.
func (w *Window) offerRecovery() {
	list := pendingRecoveries()
	var next func(i int)
	next = func(i int) {
		if i >= len(list) {
			return
		}
		r := list[i]
		d := dialog.NewCustomConfirm("恢复未保存的内容", "恢复", "丢弃", w.recoveryContent(r, i, len(list)), func(restore bool) {
			if restore {
				w.restore(r)
				return
			}
			w.files().queue.do(func() { removeCopy(r.key) })
			next(i + 1)
		}, w.Win)
		d.Resize(fyne.NewSize(640, 0))
		w.recoveryDialog = d
		d.Show()
	}
	next(0)
}

// restore shows the copy r as the window's document, with unsaved changes. The window owns the
// copy from now on: it removes it once its own copy is written, or at a save or 不保存.
func (w *Window) restore(r recovery) {
	var lock *storage.Lock
	var held *storage.LockedError
	var bad *storage.BadLockError
	if r.meta.Path != "" {
		l, err := w.acquireLock(r.meta.Path)
		lock = l
		if !errors.As(err, &held) {
			errors.As(err, &bad)
		}
	}
	w.setDocument(r.doc, r.meta.Path)
	ui := w.files()
	ui.stamp = r.meta.Base
	w.holdLock(lock)
	w.Dirty = true
	w.recoveryKeys[r.key] = true
	ui.adopted = append(ui.adopted, r.key)
	w.evaluate()
	w.autosave()
	switch {
	case held != nil:
		dialog.ShowInformation("文件正在被编辑", held.Error()+"\n\n恢复的内容在本窗口中；保存前程序会检查文件是否已被对方保存过，如果是，会先询问。", w.Win)
	case bad != nil: // as openPath (files.go) says it
		dialog.ShowInformation("锁文件无法替换", bad.Error()+"\n\n恢复的内容在本窗口中，但本窗口没有锁定该文件；保存前程序仍会检查文件是否已被别人改过。", w.Win)
	case lock != nil && lock.Replaced() != "":
		dialog.ShowInformation("锁文件已替换", lock.Replaced(), w.Win)
	}
}

// recoveryContent says which document the copy belongs to, when it was made and how it differs.
func (w *Window) recoveryContent(r recovery, i, n int) fyne.CanvasObject {
	name := "未命名文档"
	if r.meta.Path != "" {
		name = r.meta.Path
	}
	which := ""
	if n > 1 {
		which = fmt.Sprintf("（第 %d 份，共 %d 份，新的在前）", i+1, n)
	}
	text := fmt.Sprintf("程序上次没有正常关闭。发现“%s”的恢复副本%s，保存于 %s。\n\n%s\n\n恢复后请检查内容并保存；丢弃则删除这份副本。",
		name, which, r.meta.Saved.Local().Format("2006-01-02 15:04:05"), recoveryDiff(r))
	if rest := n - i - 1; rest > 0 {
		text += fmt.Sprintf("恢复这一份后，其余 %d 份下次启动时再询问。", rest)
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// maxListed is how many differing fields the recovery question names.
const maxListed = 8

// recoveryDiff says how the copy differs from its file: the totals that change, then the forms
// and fields that differ.
func recoveryDiff(r recovery) string {
	switch {
	case r.meta.Path == "":
		return "这是一份从未保存过的文档。"
	case r.fileErr != nil:
		return "原文件无法读取：" + r.fileErr.Error()
	}
	var b strings.Builder
	if !r.fileTime.IsZero() && r.fileTime.After(r.meta.Saved) {
		fmt.Fprintf(&b, "注意：文件在这份副本之后又保存过（%s），恢复的内容不含那次保存的修改。\n", r.fileTime.Local().Format("2006-01-02 15:04:05"))
	}
	if scores := scoreChanges(r.saved, r.doc); len(scores) > 0 {
		b.WriteString("与文件相比：" + strings.Join(scores, "；") + "。\n")
	}
	fmt.Fprintf(&b, "共 %d 处内容不同：", len(r.diffs))
	for i, d := range r.diffs {
		if i == maxListed {
			fmt.Fprintf(&b, "\n……另有 %d 处", len(r.diffs)-maxListed)
			break
		}
		b.WriteString("\n· " + d.String())
	}
	return b.String()
}

// scoreChanges lists the totals that differ from saved to doc ("未完成" for a form without one).
func scoreChanges(saved, doc *forms.Document) []string {
	a, b := forms.Evaluate(saved), forms.Evaluate(doc)
	var out []string
	if x, y := pending(a.Unit.TotalText()), pending(b.Unit.TotalText()); x != y {
		out = append(out, fmt.Sprintf("单位总评价得分 %s → %s", x, y))
	}
	if len(saved.Projects) != len(doc.Projects) {
		out = append(out, fmt.Sprintf("项目表 %d 张 → %d 张", len(saved.Projects), len(doc.Projects)))
	}
	for i := range min(len(a.Projects), len(b.Projects)) {
		if x, y := pending(a.Projects[i].TotalText()), pending(b.Projects[i].TotalText()); x != y {
			out = append(out, fmt.Sprintf("项目 %d 得分 %s → %s", i+1, x, y))
		}
	}
	return out
}
