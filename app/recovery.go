package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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
)

// AutosaveEvery is how often a document with unsaved changes is copied for recovery.
const AutosaveEvery = 30 * time.Second

// recoveryDir is the folder of recovery copies, in the user's configuration folder; tests
// point it at a temporary folder.
var recoveryDir = func() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "ziping", "recovery")
}

// recoveryMeta says which document a recovery copy belongs to and when it was written.
type recoveryMeta struct {
	Path  string    `json:"path"` // "" for an untitled document
	Saved time.Time `json:"saved"`
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

// recoveryKey names the recovery copy of the current document: a hash of its path, or a name
// made once per window for an untitled document.
func (w *Window) recoveryKey() string {
	if w.Path == "" {
		if w.untitled == "" {
			w.untitled = fmt.Sprintf("untitled-%d-%d", time.Now().UnixNano(), os.Getpid())
		}
		return w.untitled
	}
	sum := sha256.Sum256([]byte(w.Path))
	return hex.EncodeToString(sum[:8])
}

// startAutosave copies the document for recovery every AutosaveEvery and when the application
// loses the focus, while there are unsaved changes.
func (w *Window) startAutosave() {
	w.App.Lifecycle().SetOnExitedForeground(w.autosave)
	go func() {
		for range time.Tick(AutosaveEvery) {
			fyne.Do(w.autosave)
		}
	}()
}

// autosave writes the recovery copy when the document has unsaved changes.
func (w *Window) autosave() {
	if !w.Dirty || w.Doc == nil {
		return
	}
	data, err := forms.Marshal(w.Doc)
	if err != nil {
		return
	}
	dir := recoveryDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		log.Printf("ziping: recovery folder: %v", err)
		return
	}
	key := w.recoveryKey()
	meta, _ := json.Marshal(recoveryMeta{Path: w.Path, Saved: time.Now()})
	if err := forms.WriteFileAtomic(filepath.Join(dir, key+forms.FileExt), data); err != nil {
		log.Printf("ziping: recovery copy: %v", err)
		return
	}
	_ = forms.WriteFileAtomic(filepath.Join(dir, key+".json"), meta)
	w.recoveryKeys[key] = true
}

// clearRecovery removes the recovery copies this window wrote (after a clean save or close).
func (w *Window) clearRecovery() {
	dir := recoveryDir()
	for key := range w.recoveryKeys {
		os.Remove(filepath.Join(dir, key+forms.FileExt))
		os.Remove(filepath.Join(dir, key+".json"))
		delete(w.recoveryKeys, key)
	}
}

// recovery is a recovery copy found at start-up.
type recovery struct {
	key  string
	meta recoveryMeta
	doc  *forms.Document
}

// pendingRecoveries lists the recovery copies newer than their documents, newest first.
func pendingRecoveries() []recovery {
	dir := recoveryDir()
	metas, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	var out []recovery
	for _, m := range metas {
		key := strings.TrimSuffix(filepath.Base(m), ".json")
		var r recovery
		data, err := os.ReadFile(m)
		if err != nil || json.Unmarshal(data, &r.meta) != nil {
			continue
		}
		if r.doc, err = forms.Load(filepath.Join(dir, key+forms.FileExt)); err != nil {
			continue
		}
		if fi, err := os.Stat(r.meta.Path); r.meta.Path != "" && err == nil && !fi.ModTime().Before(r.meta.Saved) {
			continue // the document was saved after the copy: nothing to recover
		}
		r.key = key
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].meta.Saved.After(out[j].meta.Saved) })
	return out
}

// offerRecovery asks, for each recovery copy newer than its document, whether to restore it.
func (w *Window) offerRecovery() {
	list := pendingRecoveries()
	var next func(i int)
	next = func(i int) {
		if i >= len(list) {
			return
		}
		r := list[i]
		d := dialog.NewCustomConfirm("恢复未保存的内容", "恢复", "丢弃", w.recoveryContent(r), func(restore bool) {
			if restore {
				w.setDocument(r.doc, r.meta.Path)
				w.Dirty = true
				w.recoveryKeys[r.key] = true
				if r.meta.Path == "" {
					w.untitled = r.key
				}
				w.evaluate()
				return // one document per window: the others are offered at the next start
			}
			os.Remove(filepath.Join(recoveryDir(), r.key+forms.FileExt))
			os.Remove(filepath.Join(recoveryDir(), r.key+".json"))
			next(i + 1)
		}, w.Win)
		w.recoveryDialog = d
		d.Show()
	}
	next(0)
}

// recoveryContent says which document the copy belongs to, when it was made and how it differs.
func (w *Window) recoveryContent(r recovery) fyne.CanvasObject {
	name := "未命名文档"
	if r.meta.Path != "" {
		name = r.meta.Path
	}
	text := fmt.Sprintf("程序上次没有正常关闭。发现“%s”的恢复副本，保存于 %s。\n\n%s\n\n恢复后请检查内容并保存；丢弃则删除这份副本。",
		name, r.meta.Saved.Local().Format("2006-01-02 15:04:05"), recoveryDiff(r))
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// recoveryDiff summarises how the copy differs from the saved document.
func recoveryDiff(r recovery) string {
	if r.meta.Path == "" {
		return "这是一份从未保存过的文档。"
	}
	saved, err := forms.Load(r.meta.Path)
	if err != nil {
		return "原文件无法读取：" + err.Error()
	}
	a, b := forms.Evaluate(saved), forms.Evaluate(r.doc)
	var diffs []string
	if x, y := forms.FormatScore(a.Unit.Total), forms.FormatScore(b.Unit.Total); x != y {
		diffs = append(diffs, fmt.Sprintf("单位总评价得分 %s → %s", x, y))
	}
	if len(saved.Projects) != len(r.doc.Projects) {
		diffs = append(diffs, fmt.Sprintf("项目表 %d 张 → %d 张", len(saved.Projects), len(r.doc.Projects)))
	}
	for i := range min(len(a.Projects), len(b.Projects)) {
		if x, y := forms.FormatScore(a.Projects[i].Total), forms.FormatScore(b.Projects[i].Total); x != y {
			diffs = append(diffs, fmt.Sprintf("项目 %d 得分 %s → %s", i+1, x, y))
		}
	}
	x, _ := forms.Marshal(saved)
	y, _ := forms.Marshal(r.doc)
	changed := countChangedLines(string(x), string(y))
	if len(diffs) == 0 {
		return fmt.Sprintf("与文件相比，得分没有变化，有 %d 处内容不同。", changed)
	}
	return "与文件相比：" + strings.Join(diffs, "；") + fmt.Sprintf("；共 %d 处内容不同。", changed)
}

// countChangedLines counts the lines of b that a lacks (a rough measure of the edits).
func countChangedLines(a, b string) int {
	have := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		have[l]++
	}
	n := 0
	for _, l := range strings.Split(b, "\n") {
		if have[l] > 0 {
			have[l]--
		} else {
			n++
		}
	}
	return n
}
