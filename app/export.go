package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"ziping/export"
	"ziping/forms"
)

// printPrefix names the temporary PDFs made for printing; ones older than printKeep are
// removed at the next print (the PDF reader may still have the newest open).
const (
	printPrefix = "ziping-"
	printKeep   = 24 * time.Hour
)

// chooser asks where to save a file, suggesting name and listing files ending in ext (the
// signature of fileUI.chooseSave).
type chooser = func(name, ext string, cb func(path string))

// askSave is the main window's chooser: fileUI.chooseSave as it is when the user is asked.
func (w *Window) askSave(name, ext string, cb func(path string)) { w.files().chooseSave(name, ext, cb) }

// ExportPDF asks where to write the official tables and exports them in the background.
func (w *Window) ExportPDF() { w.exportPDFFrom(w.Win, w.askSave) }

// exportPDFFrom is ExportPDF started from the window parent (the main window or the print
// preview), which shows its questions, progress and messages; choose asks for the file.
func (w *Window) exportPDFFrom(parent fyne.Window, choose chooser) {
	w.exportFrom(parent, choose, pdfExport)
}

// exportFrom asks, with choose, where to write the document as k says, then writes it; parent
// shows the questions, the progress and what came of it.
func (w *Window) exportFrom(parent fyne.Window, choose chooser, k exportKind) {
	ext := string(k.format)
	choose(w.suggestedName(ext), ext, func(path string) {
		target := withExt(path, ext)
		confirmReplace(parent, path, target, func() { w.exportTo(parent, target, k) })
	})
}

// exportTo writes a copy of the document to path as k says, off the UI goroutine, then offers
// to open it, on parent. The document's own file is the export's input: path may not be it, by
// any name or link (export.Document).
func (w *Window) exportTo(parent fyne.Window, path string, k exportKind) {
	doc, err := snapshot(w.Doc)
	if err != nil {
		dialog.ShowError(err, parent)
		return
	}
	inputs := w.exportInputs()
	var res *export.Result
	runBackground(parent, &w.files().jobs, "导出 "+k.name, k.progress,
		func() { res, err = export.Document(path, k.format, doc, inputs...); err = inDialog(err) },
		func() { w.exportDone(parent, path, k, res, err) })
}

// inDialog is err as a dialog says it: a file that could not be written is named by its base
// name, as the window's other messages name files (the command line gives the whole path).
func inDialog(err error) error {
	var we *export.WriteError
	if errors.As(err, &we) {
		return &export.WriteError{Path: filepath.Base(we.Path), Err: we.Err}
	}
	return err
}

// exportInputs are the files an export of the document reads: its own file, when it has one.
func (w *Window) exportInputs() []string {
	if w.Path == "" {
		return nil
	}
	return []string{w.Path}
}

func (w *Window) exportDone(parent fyne.Window, path string, k exportKind, res *export.Result, err error) {
	if err != nil {
		dialog.ShowError(withHint(fmt.Errorf("导出 %s 失败：%w", k.name, err)), parent)
		return
	}
	w.offerOpen(parent, path, k.written(path, res)+"\n\n是否打开？", func(err error) error { return k.unopened(path, err) })
}

// offerOpen shows msg (ending in a question whether to open it) after a file was written to
// path, with 打开 (the system's program for it) and 关闭, on parent; unopened is the error
// shown when the program could not be started.
func (w *Window) offerOpen(parent fyne.Window, path, msg string, unopened func(error) error) {
	d := dialog.NewConfirm("导出完成", msg, func(open bool) {
		if open {
			w.openInBackground(path, func(err error) { dialog.ShowError(unopened(err), parent) })
		}
	}, parent)
	d.SetConfirmText("打开")
	d.SetDismissText("关闭")
	d.Show()
}

// Print writes the PDF to a temporary file and opens it in the system's PDF reader, which
// prints it: Fyne has no printing of its own.
func (w *Window) Print() { w.printFrom(w.Win, w.askSave) }

// printFrom is Print started from the window parent, which shows its progress and what came
// of it; choose asks for the file when the user exports the PDF instead. The reader is asked
// to open the file under the progress dialog: openFile may wait for its answer.
func (w *Window) printFrom(parent fyne.Window, choose chooser) {
	doc, err := snapshot(w.Doc)
	if err != nil {
		dialog.ShowError(err, parent)
		return
	}
	var path string
	var res *export.Result
	var notOpened error
	runBackground(parent, &w.files().jobs, "打印", "正在生成打印用的 PDF，请稍候…",
		func() {
			if path, res, err = writeTempPDF(doc); err == nil {
				notOpened = openFile(w.App, path)
			}
		},
		func() { w.printDone(parent, choose, path, res, err, notOpened) })
}

// printDone says what came of printing: the PDF could not be made; no reader opened it (why,
// where the PDF is, and 导出 PDF… to keep it elsewhere); or it is open in the reader.
func (w *Window) printDone(parent fyne.Window, choose chooser, path string, res *export.Result, err, notOpened error) {
	if err != nil {
		dialog.ShowError(fmt.Errorf("生成打印用的 PDF 失败：%w", err), parent)
		return
	}
	if notOpened != nil {
		w.showNotOpened(parent, choose, path, res, notOpened)
		return
	}
	msg := fmt.Sprintf("已在 PDF 阅读器中打开要打印的表格（%d 页），请在阅读器中选择“打印”。", res.Pages) + warningNote(res.Warnings)
	dialog.ShowInformation("打印", msg, parent)
}

// showNotOpened tells the user that no PDF reader opened the print file at path, why, and
// where the file is, with 导出 PDF… (to save the tables where they want), 复制路径 and 关闭.
func (w *Window) showNotOpened(parent fyne.Window, choose chooser, path string, res *export.Result, why error) {
	msg := fmt.Sprintf("没有打开 PDF 阅读器（%v）。\n\n要打印的表格（%d 页）已保存为：\n%s\n\n"+
		"请用 PDF 阅读器打开这个文件后打印，\n或点“导出 PDF…”把表格保存到您选择的位置。", why, res.Pages, path) + warningNote(res.Warnings)
	d := dialog.NewCustomWithoutButtons("打印", widget.NewLabel(msg), parent)
	exportBtn := widget.NewButton("导出 PDF…", func() { d.Hide(); w.exportPDFFrom(parent, choose) })
	exportBtn.Importance = widget.HighImportance
	copyBtn := widget.NewButton("复制路径", func() { w.App.Clipboard().SetContent(path) })
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("关闭", d.Hide), copyBtn, exportBtn})
	d.Show()
}

// exportNotes is what an export leaves out or blank (export.Result.Notes), at most five lines,
// for the message that reports the export.
func exportNotes(notes []string) string {
	if len(notes) > 5 {
		notes = append(notes[:5:5], fmt.Sprintf("……（共 %d 条，详见“检查”页）", len(notes)))
	}
	if len(notes) == 0 {
		return ""
	}
	return "\n\n" + strings.Join(notes, "\n")
}

// warningNote mentions the texts the PDF printed with □ for characters its fonts lack.
func warningNote(warnings []forms.Problem) string {
	if n := len(warnings); n > 0 {
		return fmt.Sprintf("\n\n注意：有 %d 处文字含有 PDF 无法显示的字符，已印成“□”，详见“检查”页。", n)
	}
	return ""
}

// fileURL is the file: URL of path for OpenURL on goos. Windows reads %-escapes in file URLs
// in the ANSI code page, so there the URL keeps Chinese names literally; elsewhere the path is
// escaped as usual. (Formatting storage.NewFileURI(path) and parsing it back would take a
// "#" in a file name for a fragment.)
func fileURL(path, goos string) *url.URL {
	if goos == "windows" {
		p := strings.ReplaceAll(path, `\`, "/")
		if !strings.HasPrefix(p, "//") { // not a UNC path \\server\share
			p = "///" + p
		}
		return &url.URL{Scheme: "file", Opaque: p}
	}
	return &url.URL{Scheme: "file", Path: path}
}

// background runs work off the UI goroutine while a progress dialog shows, then done on the
// UI goroutine through fyne.Do.
func (w *Window) background(title, message string, work, done func()) {
	runBackground(w.Win, &w.files().jobs, title, message, work, done)
}

// runBackground is Window.background with the progress dialog on parent; jobs counts the work
// in progress (tests wait for it).
func runBackground(parent fyne.Window, jobs *sync.WaitGroup, title, message string, work, done func()) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(message), bar), parent)
	d.Show()
	jobs.Add(1)
	go func() {
		work()
		fyne.Do(func() {
			defer jobs.Done()
			bar.Stop()
			d.Hide()
			done()
		})
	}()
}

// backgroundCancelable is background for work that reads what the user chose (a file to
// import, a clipboard to paste), which may take long or fail the program: a recovery copy of
// the document is written first (written before work starts, so that nothing typed is lost),
// and the progress dialog has 取消, which closes it at once and drops what work finds (work
// itself runs to its end, bounded by the readers' limits). done runs only if not cancelled.
func (w *Window) backgroundCancelable(title, message string, work, done func()) {
	ui := w.files()
	w.autosave()
	bar := widget.NewProgressBarInfinite()
	var d *dialog.CustomDialog
	cancelled := false
	cancel := widget.NewButton("取消", func() {
		cancelled = true
		bar.Stop()
		d.Hide()
	})
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(message), bar), w.Win)
	d.SetButtons([]fyne.CanvasObject{cancel}) // a dialog's button: Esc presses it (keyboard.go, dialogKey)
	d.Show()
	copied := make(chan struct{}) // after the recovery copy autosave queued, in the file queue
	ui.queue.do(func() { close(copied) })
	ui.jobs.Add(1)
	go func() {
		<-copied
		work()
		fyne.Do(func() {
			defer ui.jobs.Done()
			if cancelled || ui.closing {
				return
			}
			bar.Stop()
			d.Hide()
			done()
		})
	}()
}

// snapshot is a deep copy of doc for a background export, so that editing meanwhile neither
// races with nor changes the PDF being made.
func snapshot(doc *forms.Document) (*forms.Document, error) {
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("复制文档失败：%w", err)
	}
	c := new(forms.Document)
	if err := json.Unmarshal(data, c); err != nil {
		return nil, fmt.Errorf("复制文档失败：%w", err)
	}
	return c, nil
}

// writeTempPDF renders doc into a new temporary file for printing and returns its path.
func writeTempPDF(doc *forms.Document) (string, *export.Result, error) {
	removeOldPrints()
	data, res, err := export.Render(doc, export.PDF)
	if err != nil {
		return "", nil, err
	}
	f, err := os.CreateTemp("", printPrefix+"*.pdf")
	if err != nil {
		return "", nil, fmt.Errorf("无法创建临时文件：%w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", nil, fmt.Errorf("写入临时文件失败：%w", err)
	}
	return f.Name(), res, nil
}

// removeOldPrints deletes the temporary PDFs of earlier prints.
func removeOldPrints() {
	old, _ := filepath.Glob(filepath.Join(os.TempDir(), printPrefix+"*.pdf"))
	for _, p := range old {
		if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > printKeep {
			_ = os.Remove(p)
		}
	}
}
