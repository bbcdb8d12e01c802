package forms

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

// errnoReason translates the system error numbers users meet when saving and reading.
func errnoReason(err error) string {
	var n syscall.Errno
	if !errors.As(err, &n) {
		return ""
	}
	if runtime.GOOS == "windows" {
		switch n {
		case 5: // ERROR_ACCESS_DENIED
			return "没有权限（文件只读、被其他程序锁定，或属于其他用户）"
		case 32, 33: // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
			return inUseReason
		case 39, 112: // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
			return "磁盘空间已满"
		case 2, 3: // ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND
			return "文件或文件夹不存在"
		case 19: // ERROR_WRITE_PROTECT
			return "磁盘有写保护"
		case 53, 64, 67, 1231: // network path not found, name deleted, bad net name, network unreachable
			return "网络路径不可用（网络驱动器已断开？）"
		case 206: // ERROR_FILENAME_EXCED_RANGE
			return "文件名或路径过长"
		}
		return ""
	}
	switch n {
	case syscall.ENOSPC:
		return "磁盘空间已满"
	case syscall.EDQUOT:
		return "磁盘配额已用完"
	case syscall.EACCES, syscall.EPERM:
		return "没有权限（文件或文件夹只读，或属于其他用户）"
	case syscall.EROFS:
		return "磁盘是只读的"
	case syscall.ENOENT:
		return "文件或文件夹不存在"
	case syscall.EISDIR:
		return "这是一个文件夹"
	case syscall.ENOTDIR:
		return "路径中有一项不是文件夹"
	case syscall.ENAMETOOLONG:
		return "文件名或路径过长"
	case syscall.EIO:
		return "磁盘读写出错"
	case syscall.EBUSY, syscall.ETXTBSY:
		return "文件正被其他程序使用"
	case syscall.EXDEV:
		return "不能跨磁盘移动文件"
	case syscall.ELOOP:
		return loopReason
	}
	return ""
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
