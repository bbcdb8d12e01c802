package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// noReader makes openFile fail as xdg-open does without a PDF reader, and records the files
// it was asked to open.
func noReader(t *testing.T) *[]string {
	t.Helper()
	var asked []string
	old := openFile
	openFile = func(_ fyne.App, path string) error {
		asked = append(asked, path)
		return errors.New("xdg-open 返回 3：没有可以打开这种文件的程序")
	}
	t.Cleanup(func() { openFile = old })
	return &asked
}

// printedFile is the print file a message names, checked to be a PDF.
func printedFile(t *testing.T, msg string) string {
	t.Helper()
	path := regexp.MustCompile(`\S*ziping-\S*\.pdf`).FindString(msg)
	if data, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("the message names %q, not a PDF (%v):\n%s", path, err, msg)
	}
	return path
}

// TestPrintWithoutReader: when no PDF reader opens the print file, 打印 says so, why, and where
// the PDF is, never that the reader has it; its 导出 PDF… exports the tables where the user
// chooses.
func TestPrintWithoutReader(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	asked := noReader(t)
	w := fileWindow(t)
	w.Open(fileSample)
	w.Print()
	w.files().jobs.Wait()
	msg := windowDialogText(w.Win)
	for _, want := range []string{"没有打开 PDF 阅读器", "返回 3", "（10 页）已保存为", "[导出 PDF…]", "[复制路径]", "[关闭]"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "已在 PDF 阅读器中打开") {
		t.Errorf("the message says the reader opened it:\n%s", msg)
	}
	if path := printedFile(t, msg); len(*asked) != 1 || (*asked)[0] != path {
		t.Errorf("opened %q, the message names %q", *asked, path)
	}
	overlayTap(t, w.Win, "复制路径")
	if got := w.App.Clipboard().Content(); got != (*asked)[0] {
		t.Errorf("clipboard %q", got)
	}
	target := filepath.Join(t.TempDir(), "表")
	answerSave(w, target)
	overlayTap(t, w.Win, "导出 PDF…")
	w.files().jobs.Wait()
	if data, err := os.ReadFile(target + ".pdf"); err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("导出 PDF… wrote no PDF (%v)", err)
	}
	if msg := windowDialogText(w.Win); !strings.Contains(msg, "已导出“表.pdf”") {
		t.Errorf("after 导出 PDF…: %q", msg)
	}
}

// TestPrintFromPreview: 打印… and 导出 PDF… of the print preview show their messages in the
// preview window, not in the main window behind it.
func TestPrintFromPreview(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	w := fileWindow(t)
	w.Open(fileSample)
	w.ShowPreview()
	p := w.preview()
	waitRenders(t, p, 1)
	test.Tap(p.PrintButton)
	w.files().jobs.Wait()
	if msg := windowDialogText(p.Win); !strings.Contains(msg, "已在 PDF 阅读器中打开要打印的表格（10 页）") {
		t.Errorf("preview says %q", msg)
	}
	if hasDialog(w) {
		t.Errorf("the main window says %q", dialogText(w))
	}
	overlayTap(t, p.Win, "确定")

	noReader(t)
	test.Tap(p.PrintButton)
	w.files().jobs.Wait()
	if msg := windowDialogText(p.Win); !strings.Contains(msg, "没有打开 PDF 阅读器") {
		t.Errorf("preview says %q", msg)
	}
	target := filepath.Join(t.TempDir(), "表.pdf")
	p.chooseSave = func(_, _ string, cb func(string)) { cb(target) }
	overlayTap(t, p.Win, "导出 PDF…")
	w.files().jobs.Wait()
	if msg := windowDialogText(p.Win); !strings.Contains(msg, "已导出“表.pdf”") {
		t.Errorf("preview says %q", msg)
	}
	overlayTap(t, p.Win, "打开")
	w.files().jobs.Wait()
	if msg := windowDialogText(p.Win); !strings.Contains(msg, "没有打开 PDF 阅读器") || !strings.Contains(msg, target) {
		t.Errorf("after 打开, the preview says %q", msg)
	}
	if hasDialog(w) {
		t.Errorf("the main window says %q", dialogText(w))
	}
}

// TestXDGOpen: xdgOpen reports xdg-open's failure (its exit code and what it means) and a
// missing xdg-open, and takes an opener that exits 0, or still runs after the wait, as success.
// An opener that exits is waited for as long as a slow machine may need to start it; only the
// one that runs on is given a short wait.
func TestXDGOpen(t *testing.T) {
	dir := t.TempDir()
	script := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for name, c := range map[string]struct {
		opener string
		want   string // "" for success
		wait   time.Duration
	}{
		"no reader":          {script("none", "exit 3"), "返回 3：没有可以打开这种文件的程序", time.Minute},
		"failed":             {script("failed", "exit 4"), "返回 4：打开失败", time.Minute},
		"opened":             {script("opened", "exit 0"), "", time.Minute},
		"the reader runs on": {script("reader", "exec sleep 5"), "", 300 * time.Millisecond},
		"no xdg-open":        {filepath.Join(dir, "missing"), "无法运行", time.Minute},
		"not on the path":    {"ziping-no-such-opener", "系统中没有 ziping-no-such-opener", time.Minute},
	} {
		t.Run(name, func(t *testing.T) {
			err := xdgOpen(c.opener, "/tmp/x.pdf", c.wait)
			if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}
