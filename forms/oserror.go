package forms

import (
	"errors"
	"io/fs"
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
			return "文件正被其他程序打开（如 WPS、Excel 或 PDF 阅读器），请关闭后重试"
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
	}
	return ""
}
