package platform

import (
	"log"
	"os"
	"syscall"
)

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
	procSetStdHandle  = kernel32.NewProc("SetStdHandle")
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = 0xFFFFFFFF

// attachParentConsole lets `ziping.exe check …` typed in cmd.exe or PowerShell print there.
// The exe is a GUI-subsystem program (so that a double-click opens no console window), and
// Windows gives such a program no console: without this its output goes nowhere. Standard
// handles that are already a file or a pipe (`> 结果.txt`, `| findstr`) are kept; the others
// are pointed at the console of the parent process, if it has one (not when started from
// Explorer). Go's os.File writes to a console with WriteConsoleW, so Chinese text shows right.
func attachParentConsole() {
	outOK, errOK := redirected(syscall.STD_OUTPUT_HANDLE), redirected(syscall.STD_ERROR_HANDLE)
	if outOK && errOK {
		return
	}
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return
	}
	if !outOK {
		if f := openConsoleOutput(syscall.STD_OUTPUT_HANDLE, "/dev/stdout"); f != nil {
			os.Stdout = f
		}
	}
	if !errOK {
		if f := openConsoleOutput(syscall.STD_ERROR_HANDLE, "/dev/stderr"); f != nil {
			os.Stderr = f
			log.SetOutput(f)
		}
	}
}

// redirected reports whether the standard handle n is a usable file or pipe.
func redirected(n int) bool {
	h, err := syscall.GetStdHandle(n)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && (t == syscall.FILE_TYPE_DISK || t == syscall.FILE_TYPE_PIPE)
}

// openConsoleOutput opens the attached console's screen buffer and makes it the standard
// handle n too, for code that asks Windows rather than package os.
func openConsoleOutput(n int, name string) *os.File {
	path, _ := syscall.UTF16PtrFromString("CONOUT$")
	h, err := syscall.CreateFile(path, syscall.GENERIC_READ|syscall.GENERIC_WRITE,
		syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE, nil, syscall.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil
	}
	procSetStdHandle.Call(uintptr(uint32(n)), uintptr(h))
	return os.NewFile(uintptr(h), name)
}
