package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"ziping/forms"
)

// maxLinks is how many symbolic links CheckExportTarget follows, as Linux does.
const maxLinks = 40

// CheckExportTarget refuses target as the file an export (PDF, Excel, 部门汇总) writes when
// writing there could destroy a document or something that is not a file: target is one of
// inputs (by its name, another path, a hard link or a symbolic link), a .zpb file, a symbolic
// link that leads, through any number of links and even to a file that does not exist yet, to
// a .zpb name, or an existing folder, pipe or device (itself or at the end of its links). The
// command line and the window call it before rendering, and again right before writing, as
// the export's writer replaces the file a link points to (WriteFileAtomic). The error is a
// Chinese sentence that names target and says what to do.
func CheckExportTarget(target string, inputs ...string) error {
	if isDocumentName(target) {
		return fmt.Errorf("输出文件“%s”是绩效自评文档（.zpb）：导出不能写入文档，请用扩展名 .pdf 或 .xlsx", target)
	}
	chain, err := linkChain(target)
	for _, in := range inputs {
		if SameFile(target, in) || SameFile(chain[len(chain)-1], in) {
			return fmt.Errorf("输出文件“%s”就是输入的文档“%s”：写入会覆盖文档，请换一个输出文件名", target, in)
		}
	}
	if err != nil {
		reason := err.Error()
		if err != errTooManyLinks {
			reason = SystemReason(err)
		}
		return fmt.Errorf("输出文件“%s”是符号链接，但无法跟随它（%s）：请换一个输出文件名", target, reason)
	}
	for _, p := range chain[1:] {
		if isDocumentName(p) {
			return fmt.Errorf("输出文件“%s”是指向绩效自评文档“%s”的链接：导出不能写入文档，请换一个输出文件名或删除这个链接", target, p)
		}
	}
	if fi, err := os.Stat(target); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("输出文件“%s”%s，不是普通文件：请换一个输出文件名", target, kindOf(fi.Mode()))
	}
	return nil
}

// isDocumentName reports whether path names a document file by its extension, in any case.
func isDocumentName(path string) bool { return strings.EqualFold(filepath.Ext(path), forms.FileExt) }

// linkChain is path followed by each file its symbolic links point to, in turn, up to the
// first that is not a link (or does not exist). A relative link is read from the folder it
// is in, with that folder's own links resolved. err is set when a link cannot be read or
// there are more than maxLinks.
func linkChain(path string) (chain []string, err error) {
	chain = []string{path}
	for range maxLinks {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return chain, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return chain, err
		}
		if !filepath.IsAbs(dest) {
			dir := filepath.Dir(path)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			dest = filepath.Join(dir, dest)
		}
		path = dest
		chain = append(chain, path)
	}
	return chain, errTooManyLinks
}

var errTooManyLinks = errors.New("符号链接层数过多，可能连成了环")

// SameFile reports whether a and b name the same file: the same absolute path, or two
// existing names of one file (os.SameFile, links followed).
func SameFile(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	if errA == nil && errB == nil && absA == absB {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// kindOf says what a file that is not a regular one is ("是一个文件夹").
func kindOf(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "是一个文件夹"
	case m&os.ModeNamedPipe != 0:
		return "是一个命名管道（FIFO）"
	case m&os.ModeDevice != 0:
		return "是一个设备"
	case m&os.ModeSocket != 0:
		return "是一个套接字"
	}
	return "是一个特殊文件"
}
