package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2/dialog"

	"ziping/export"
)

// Pack is 文件 › 打包报送…: it asks where to write the package of the submission (报送包: the
// tables as PDF and Excel, the report draft, the evidence files, the manifest; export.Pack) and
// writes it in the background. Evidence paths relative to nothing are read from the document's
// folder; an unsaved document's relative paths are listed as missing.
func (w *Window) Pack() {
	name := w.suggestedName("") + "-报送"
	w.askSave(name+export.ZIP, export.ZIP, func(path string) {
		target := withExt(path, export.ZIP)
		confirmReplace(w.Win, path, target, func() { w.packTo(target) })
	})
}

// packTo writes the package of a copy of the document to path.
func (w *Window) packTo(path string) {
	doc, err := snapshot(w.Doc)
	if err != nil {
		dialog.ShowError(err, w.Win)
		return
	}
	opt := export.PackOptions{}
	if w.Path != "" {
		opt.Dir = filepath.Dir(w.Path)
	}
	inputs := w.exportInputs()
	var res *export.PackResult
	runBackground(w.Win, &w.files().jobs, "打包报送", "正在打包报送材料，请稍候…",
		func() { res, err = export.Pack(path, doc, opt, inputs...); err = inDialog(err) },
		func() { w.packDone(path, res, err) })
}

// packDone says what the package holds and which evidence files it lacks, and offers to open it.
func (w *Window) packDone(path string, res *export.PackResult, err error) {
	if err != nil {
		dialog.ShowError(withHint(fmt.Errorf("打包报送失败：%w", err)), w.Win)
		return
	}
	msg := fmt.Sprintf("已打包“%s”（%d 个文件，含报送清单）。", filepath.Base(path), len(res.Entries))
	msg += missingNote(res.Missing) + exportNotes(res.Notes) + warningNote(res.Warnings)
	w.offerOpen(w.Win, path, msg+"\n\n是否打开？", func(err error) error {
		return fmt.Errorf("无法打开“%s”（%v），请在文件夹中找到它。", path, err)
	})
}

// missingNote names the evidence items whose files are not in the package, at most five.
func missingNote(missing []export.MissingEvidence) string {
	if len(missing) == 0 {
		return ""
	}
	note := fmt.Sprintf("\n\n注意：有 %d 项佐证材料的电子文件没有打包（报送清单中逐项列出）：", len(missing))
	for i, m := range missing {
		if i == 5 {
			note += "\n……"
			break
		}
		note += fmt.Sprintf("\n%s › %s「%s」：%s", m.Form, m.Where, m.Name, m.Reason)
	}
	return note
}
