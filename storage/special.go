package storage

import (
	"errors"
	"fmt"
	"os"

	"ziping/forms"
)

// ErrSpecial is wrapped by the refusal of a path that is not a regular file (CheckRegular,
// OpenRegular): a folder, a named pipe (FIFO), a device or a socket.
var ErrSpecial = errors.New("不是普通文件")

// loopReason is said of a path whose symbolic links lead back to themselves (ELOOP), before
// the system's own text, which is English.
const loopReason = "符号链接层数过多，可能连成了环"

// SpecialFileError is a path refused because it is no regular file, or cannot be looked at.
type SpecialFileError struct {
	Path   string
	Reason string // a Chinese sentence
	Err    error
}

func (e *SpecialFileError) Error() string {
	return fmt.Sprintf("无法读取“%s”：%s", forms.Shown(e.Path), e.Reason)
}

func (e *SpecialFileError) Unwrap() error { return e.Err }

// CheckRegular refuses path, from its mode and without opening it, when it is not a regular
// file (links followed): opening a named pipe with no writer waits forever, a device may never
// end, a socket cannot be opened. Every reader of a file the user names (import, the
// documents of check, export and summary, the window's dialogs) calls it, or OpenRegular,
// before it opens anything. A link loop or a missing file is said in Chinese first.
func CheckRegular(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return &SpecialFileError{Path: path, Reason: SystemReason(err) + "。", Err: err}
	}
	return checkMode(path, fi)
}

// checkMode is CheckRegular's refusal from fi, the file's information.
func checkMode(path string, fi os.FileInfo) error {
	if fi.Mode().IsRegular() {
		return nil
	}
	return &SpecialFileError{Path: path, Err: ErrSpecial,
		Reason: "这" + kindOf(fi.Mode()) + "，不是普通文件：请选择磁盘上的文件。"}
}

// OpenRegular opens path for reading only when it is a regular file: it checks the mode
// (CheckRegular), opens without blocking (a path swapped for a named pipe after the check
// would otherwise hold the open forever) and checks the opened file's mode again. The caller
// closes the file; fi is its information.
func OpenRegular(path string) (f *os.File, fi os.FileInfo, err error) {
	if err := CheckRegular(path); err != nil {
		return nil, nil, err
	}
	f, err = os.OpenFile(path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return nil, nil, &SpecialFileError{Path: path, Reason: SystemReason(err) + "。", Err: err}
	}
	if fi, err = f.Stat(); err == nil {
		err = checkMode(path, fi)
	} else {
		err = &SpecialFileError{Path: path, Reason: SystemReason(err) + "。", Err: err}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// ReadOnlyTargetError is an output file that exists and may not be written by us: replacing
// it by a rename (WriteFileAtomic) needs only the folder's permission, so without this check
// a read-only file would be replaced without a word.
type ReadOnlyTargetError struct{ Path string }

func (e *ReadOnlyTargetError) Error() string {
	return fmt.Sprintf("输出文件“%s”是只读的：导出不会替换只读文件，请换一个输出文件名，或先在文件属性中去掉只读", forms.Shown(e.Path))
}

// CheckWritable refuses target when it exists (links followed) and is read-only: its mode
// gives its owner no write permission (on Windows, the read-only attribute) or, on Unix, this
// user may not write it. A missing target is writable.
func CheckWritable(target string) error {
	fi, err := os.Stat(target)
	if err != nil || !fi.Mode().IsRegular() {
		return nil // missing, or refused as no file by CheckExportTarget
	}
	if fi.Mode().Perm()&0o200 == 0 || !mayWrite(target) {
		return &ReadOnlyTargetError{Path: target}
	}
	return nil
}
