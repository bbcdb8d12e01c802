package storage

import (
	"errors"
	"io/fs"
	"os"
	"runtime"
	"syscall"
)

// SystemReason says in Chinese what a file system error means ("磁盘空间已满"), for messages
// that first say what failed and what was kept. An error it does not know is given as
// "系统信息：…" with the system's own (often English) text, so nothing is hidden.
func SystemReason(err error) string {
	if err == nil {
		return ""
	}
	var inUse *inUseError
	if errors.As(err, &inUse) {
		return inUseReason
	}
	if r := errnoReason(err); r != "" {
		return r
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件或文件夹不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限（文件或文件夹只读，或属于其他用户）"
	case errors.Is(err, fs.ErrExist):
		return "文件已存在"
	}
	return "系统信息：" + plainError(err).Error()
}

// errnoReason translates the system error numbers users meet when saving and reading, from
// the table of this system: Windows' error numbers are not the errno values of Unix (and
// syscall's E… constants there are Go's own, never returned by the system).
func errnoReason(err error) string {
	var n syscall.Errno
	if !errors.As(err, &n) {
		return ""
	}
	if runtime.GOOS == "windows" {
		return windowsReasons[n]
	}
	return unixReasons[n]
}

// windowsReasons are the Windows error numbers (winerror.h) errnoReason knows.
var windowsReasons = map[syscall.Errno]string{
	5:    "没有权限（文件只读、被其他程序锁定，或属于其他用户）", // ERROR_ACCESS_DENIED
	32:   inUseReason,                  // ERROR_SHARING_VIOLATION
	33:   inUseReason,                  // ERROR_LOCK_VIOLATION
	39:   "磁盘空间已满",                     // ERROR_HANDLE_DISK_FULL
	112:  "磁盘空间已满",                     // ERROR_DISK_FULL
	2:    "文件或文件夹不存在",                  // ERROR_FILE_NOT_FOUND
	3:    "文件或文件夹不存在",                  // ERROR_PATH_NOT_FOUND
	19:   "磁盘有写保护",                     // ERROR_WRITE_PROTECT
	53:   networkReason,                // ERROR_BAD_NETPATH
	64:   networkReason,                // ERROR_NETNAME_DELETED
	67:   networkReason,                // ERROR_BAD_NET_NAME
	1231: networkReason,                // ERROR_NETWORK_UNREACHABLE
	206:  "文件名或路径过长",                   // ERROR_FILENAME_EXCED_RANGE
}

// networkReason is said of a network path that cannot be reached.
const networkReason = "网络路径不可用（网络驱动器已断开？）"

// unixReasons are the errno values errnoReason knows on Unix.
var unixReasons = map[syscall.Errno]string{
	syscall.ENOSPC:       "磁盘空间已满",
	syscall.EDQUOT:       "磁盘配额已用完",
	syscall.EACCES:       "没有权限（文件或文件夹只读，或属于其他用户）",
	syscall.EPERM:        "没有权限（文件或文件夹只读，或属于其他用户）",
	syscall.EROFS:        "磁盘是只读的",
	syscall.ENOENT:       "文件或文件夹不存在",
	syscall.EISDIR:       "这是一个文件夹",
	syscall.ENOTDIR:      "路径中有一项不是文件夹",
	syscall.ENAMETOOLONG: "文件名或路径过长",
	syscall.EIO:          "磁盘读写出错",
	syscall.EBUSY:        "文件正被其他程序使用",
	syscall.ETXTBSY:      "文件正被其他程序使用",
	syscall.EXDEV:        "不能跨磁盘移动文件",
	syscall.ELOOP:        loopReason,
}

// inUseReason is the reason given when Windows refuses to read or replace a file that another
// program holds open.
const inUseReason = "文件正被其他程序打开（如 WPS、Excel、PDF 阅读器或网盘同步程序），Windows 不允许替换它；请在那个程序里关闭这个文件后重试"

// inUseError is a failure to replace an existing file (rename over it) that on Windows means
// another program holds it open: ERROR_ACCESS_DENIED (5) there comes from a file opened without
// FILE_SHARE_DELETE (a read-only file was refused before, ReadOnlyError), ERROR_SHARING_VIOLATION
// (32) or ERROR_LOCK_VIOLATION (33) from a file opened for exclusive use.
type inUseError struct{ err error }

func (e *inUseError) Error() string { return e.err.Error() }
func (e *inUseError) Unwrap() error { return e.err }

// replaceError is err, from renaming a file over target, marked as the target being in use
// when it is one of the errors above and target exists; otherwise err.
func replaceError(err error, target string) error {
	var n syscall.Errno
	if err == nil || runtime.GOOS != "windows" || !errors.As(err, &n) || (n != 5 && n != 32 && n != 33) {
		return err
	}
	if fi, serr := os.Stat(target); serr != nil || !fi.Mode().IsRegular() {
		return err
	}
	return &inUseError{err}
}
