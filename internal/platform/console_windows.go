package platform

import (
	"log"
	"os"
	"syscall"

	"ziping/cli"
)

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
	procSetStdHandle  = kernel32.NewProc("SetStdHandle")
	procGetConsoleCP  = kernel32.NewProc("GetConsoleOutputCP")
	procGetACP        = kernel32.NewProc("GetACP")
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = 0xFFFFFFFF

// attachParentConsole lets `ziping.exe check …` typed in cmd.exe or PowerShell print there.
// The exe is a GUI-subsystem program (so that a double-click opens no console window), and
// Windows gives such a program no console: without this its output goes nowhere. Standard
// handles that are already a file or a pipe (`> 结果.txt`, `| findstr`) are kept; the others
// are pointed at the console of the parent process, if it has one (not when started from
// Explorer). Go's os.File writes to a console with WriteConsoleW, so Chinese text shows right.
// The console is attached even when both handles are redirected: its code page (`chcp`) is
// the one redirected text is written in (Streams).
func attachParentConsole() {
	outOK, errOK := redirected(syscall.STD_OUTPUT_HANDLE), redirected(syscall.STD_ERROR_HANDLE)
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 || outOK && errOK {
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

// Streams describes stdout and stderr for the command line's encoding (cli/codepage.go):
// a file or a pipe, and the code pages of the console (0 when none is attached) and of ANSI.
func Streams() (stdout, stderr cli.Stream) {
	cp, _, _ := procGetConsoleCP.Call()
	acp, _, _ := procGetACP.Call()
	stream := func(n int) cli.Stream {
		return cli.Stream{Redirected: redirected(n), ConsoleCP: uint32(cp), ACP: uint32(acp)}
	}
	return stream(syscall.STD_OUTPUT_HANDLE), stream(syscall.STD_ERROR_HANDLE)
}
