package platform

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"unsafe"
)

var procMessageBoxW = user32.NewProc("MessageBoxW")

const (
	mbIconError     = 0x10
	mbSetForeground = 0x10000
	mbTopMost       = 0x40000
)

// showNoWindow tells, in a message box of Windows' own (Fyne has no window to show it in),
// that the window cannot be opened, why, what to do, and that the command line still works.
func showNoWindow(cause error) {
	exe := "ziping.exe"
	if p, err := os.Executable(); err == nil {
		exe = filepath.Base(p)
	}
	text := "绩效自评无法打开窗口：这台电脑的显卡驱动没有提供程序需要的 OpenGL 2.1。\n\n" +
		"可以这样解决：\n" +
		"1. 更新显卡驱动（到电脑或显卡厂商的网站下载，或请信息中心的同事安装）；\n" +
		"2. 如果这是虚拟机或云桌面，请管理员为它开启 3D 加速（显卡加速）；\n" +
		"3. 如果您是通过远程桌面连接到这台电脑，请直接在这台电脑上运行，或在自己的电脑上安装本程序。\n\n" +
		"检查和导出不需要窗口，仍然可以在命令提示符里使用，例如：\n" +
		"  " + exe + " check 文件.zpb\n" +
		"  " + exe + " export 文件.zpb\n\n" +
		"技术信息：" + cause.Error()
	fmt.Fprintln(os.Stderr, "绩效自评无法打开窗口："+cause.Error())
	t, _ := syscall.UTF16PtrFromString(text)
	c, _ := syscall.UTF16PtrFromString("绩效自评 — 无法打开窗口")
	procMessageBoxW.Call(0, uintptr(unsafe.Pointer(t)), uintptr(unsafe.Pointer(c)),
		mbIconError|mbSetForeground|mbTopMost)
}

// watchWindowFailure catches what probeOpenGL could not foresee. When GLFW cannot create the
// window's OpenGL context, go-gl/glfw logs a "PlatformError: WGL: …" line and Fyne goes on
// without a window, forever; when GLFW reports the error instead, Fyne logs
// "Fyne error:  window creation error" and its cause, then exits. Either way the log goes
// nowhere in a GUI program, so a watcher on the log shows the message box and exits.
func watchWindowFailure() {
	log.SetOutput(io.MultiWriter(os.Stderr, &failureWatcher{}))
}

// failureWatcher reads the log lines of go-gl/glfw and Fyne; after a window, WGL or GLFW
// failure it shows the message box, with the cause, and ends the program.
type failureWatcher struct {
	once    sync.Once
	pending bool // Fyne logged a failure; its cause comes on the next line
}

func (f *failureWatcher) Write(p []byte) (int, error) {
	line := string(bytes.TrimSpace(p))
	switch {
	case strings.Contains(line, "PlatformError: WGL:"):
		f.fail(line[strings.Index(line, "PlatformError: "):])
	case strings.Contains(line, "Fyne error:  window creation error"),
		strings.Contains(line, "Fyne error:  failed to initialise GLFW"):
		f.pending = true
	case f.pending && strings.Contains(line, "Cause:"):
		f.fail(strings.TrimSpace(line[strings.Index(line, "Cause:")+len("Cause:"):]))
	}
	return len(p), nil
}

func (f *failureWatcher) fail(cause string) {
	f.once.Do(func() {
		showNoWindow(errors.New(cause))
		os.Exit(exitNoWindow)
	})
}
