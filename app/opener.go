package app

import (
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
)

// openFile opens path in the system's program for its type (a PDF reader, Excel or WPS) and
// says why when none opened. It may wait up to openWait, so it runs off the UI goroutine. A
// variable so that a test can make it fail (TestMain makes it do what the test app's OpenURL
// does: nothing).
var openFile = systemOpen

// openWait is how long xdgOpen waits for xdg-open to say whether it opened the file. With a
// desktop it knows, xdg-open hands the file to the desktop's opener (gio, kde-open…) and exits
// at once; with one it does not know, it runs the reader itself and returns only when the
// reader closes: still running after openWait, the reader is taken to be open.
const openWait = 3 * time.Second

// systemOpen is openFile. On Windows and macOS, Fyne's OpenURL runs rundll32 or open to their
// end and reports their failure; on Linux and the BSDs it only starts xdg-open, so a reader
// that never opened went unnoticed (xdg-open exits 3 when no program opens the type).
func systemOpen(a fyne.App, path string) error {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return a.OpenURL(fileURL(path, runtime.GOOS))
	}
	return xdgOpen("xdg-open", path, openWait)
}

// xdgOpen runs opener on path and waits up to wait for its answer (see openWait).
func xdgOpen(opener, path string, wait time.Duration) error {
	cmd := exec.Command(opener, path)
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return fmt.Errorf("系统中没有 %s，无法调用打开文件的程序", opener)
		}
		return fmt.Errorf("无法运行 %s：%w", opener, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }() // also reaps a reader that runs on after wait
	select {
	case err := <-done:
		return openerFailure(opener, err)
	case <-time.After(wait):
		return nil
	}
}

// openerFailure says in Chinese why opener exited with err, nil when it succeeded; the codes
// are xdg-open's (xdg-utils).
func openerFailure(opener string, err error) error {
	var exit *exec.ExitError
	if err == nil || !errors.As(err, &exit) {
		return err
	}
	reason := "打开失败"
	switch exit.ExitCode() {
	case 2:
		reason = "找不到文件"
	case 3:
		reason = "没有可以打开这种文件的程序"
	}
	return fmt.Errorf("%s 返回 %d：%s", opener, exit.ExitCode(), reason)
}

// openInBackground opens path with openFile off the UI goroutine and, when no program opened
// it, calls failed with the reason on the UI goroutine. The window's jobs count it, so that a
// test can wait for the answer.
func (w *Window) openInBackground(path string, failed func(error)) {
	jobs := &w.files().jobs
	jobs.Add(1)
	go func() {
		err := openFile(w.App, path)
		fyne.Do(func() {
			defer jobs.Done()
			if err != nil {
				failed(err)
			}
		})
	}()
}
