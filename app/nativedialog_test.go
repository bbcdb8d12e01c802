package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"ziping/storage"

	"github.com/ncruces/zenity"
)

// fakeNative stands in for the system's file dialog: each request is sent on asked, and the
// dialog answers what is sent on answer, or context.Canceled when its 取消 is tapped.
type fakeNative struct {
	asked  chan fileRequest
	answer chan nativeAnswer
}

type nativeAnswer struct {
	path string
	err  error
}

// useFakeNative makes the file dialogs the system's, answered by the returned fake.
func useFakeNative(t *testing.T) *fakeNative {
	f := &fakeNative{asked: make(chan fileRequest, 1), answer: make(chan nativeAnswer, 1)}
	prevUse, prevShow := useNativeDialogs, showNative
	useNativeDialogs = func() bool { return nativeFailed == nil }
	showNative = func(ctx context.Context, req fileRequest, _ []zenity.Option) (string, error) {
		f.asked <- req
		select {
		case a := <-f.answer:
			return a.path, a.err
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	t.Cleanup(func() {
		nativeRuns.Wait()
		useNativeDialogs, showNative, nativeFailed = prevUse, prevShow, nil
	})
	return f
}

// The open and save dialogs ask the system's with a Chinese title, the file type's filter and
// the document's folder; while it is open the window is covered and a second dialog is not
// opened; the answer comes back to the window.
func TestNativeDialogs(t *testing.T) {
	f := useFakeNative(t)
	w := fileWindow(t)
	w.files().chooseOpen, w.files().chooseSave = w.dialogOpen, w.dialogSave
	dir := t.TempDir()
	doc := copySample(t, dir, "旧.zpb")
	w.Open(doc)

	w.SaveAs()
	req := <-f.asked
	want := fileRequest{Title: "另存为", Exts: []string{".zpb"}, Start: doc, Save: true}
	if req.Title != want.Title || req.Start != want.Start || !req.Save || len(req.Exts) != 1 || req.Exts[0] != ".zpb" {
		t.Errorf("save dialog asked %+v, want %+v", req, want)
	}
	if !strings.Contains(dialogText(w), "请在系统的文件对话框中选择文件") {
		t.Errorf("the window is not covered while the dialog is open: %q", dialogText(w))
	}
	w.SaveAs() // pressed again: no second dialog
	w.ExportPDF()
	select {
	case r := <-f.asked:
		t.Errorf("a second dialog was opened: %+v", r)
	default:
	}
	target := filepath.Join(dir, "新 文件.zpb")
	f.answer <- nativeAnswer{path: target}
	nativeRuns.Wait()
	settle(w)
	if w.Path != target {
		t.Fatalf("saved to %q, want %q", w.Path, target)
	}
	if _, err := storage.Load(target); err != nil {
		t.Error(err)
	}
	if hasDialog(w) {
		t.Errorf("a dialog stayed: %q", dialogText(w))
	}

	w.dialogOpenExts(w.Win, "导入 Excel", []string{".xlsx", ".csv"}, func(string) { t.Error("cancelled, yet opened") })
	req = <-f.asked
	if req.Title != "导入 Excel" || req.Save || strings.Join(req.Exts, " ") != ".xlsx .csv" || req.Start != dir+string(filepath.Separator) {
		t.Errorf("open dialog asked %+v", req)
	}
	dialogTap(t, w, "取消") // on the note: closes the system's dialog
	nativeRuns.Wait()
	if hasDialog(w) {
		t.Errorf("a dialog stayed after 取消: %q", dialogText(w))
	}

	// A system dialog that cannot be shown: Fyne's instead, now and from then on.
	w.ExportPDF()
	<-f.asked
	f.answer <- nativeAnswer{err: errors.New("zenity: cannot open display")}
	nativeRuns.Wait()
	if !strings.Contains(dialogText(w), "导出 PDF") {
		t.Errorf("no Fyne dialog after the system's failed: %q", dialogText(w))
	}
	if useNativeDialogs() {
		t.Error("the system's dialogs are still used after one failed")
	}
}

// The filter of the system's dialogs names the file types in Chinese.
func TestFileFilter(t *testing.T) {
	f := fileFilter([]string{".xlsx", ".csv"})
	if f.Name != "Excel 工作簿、CSV 文件（逗号分隔） (*.xlsx;*.csv)" || strings.Join(f.Patterns, " ") != "*.xlsx *.csv" || !f.CaseFold {
		t.Errorf("%+v", f)
	}
	if f := fileFilter([]string{".zpb"}); f.Name != "绩效自评文档 (*.zpb)" {
		t.Errorf("%+v", f)
	}
}

// Fyne's open dialog, where the system has none, shows the title and lists the extensions.
func TestFyneOpenDialogTitle(t *testing.T) {
	w := fileWindow(t)
	w.dialogOpenExts(w.Win, "导入 Excel", []string{".xlsx", ".csv"}, func(string) {})
	if text := dialogText(w); !strings.Contains(text, "导入 Excel") || !strings.Contains(text, "[打开]") {
		t.Errorf("dialog %q", text)
	}
}
