package storage

import (
	"errors"
	"io"
	"os"
	"time"

	"ziping/forms"
)

// Load reads a document file. It never writes to the file. Only a regular file is read: a
// folder, a named pipe (FIFO), a device or a socket is refused at once, from its mode, before
// it is opened, and the file is opened without blocking, so a pipe with no writer (which would
// make a plain open wait forever) or a path swapped for one after the check is answered at
// once too. A file larger than forms.MaxFileSize is refused from its size, unread.
func Load(path string) (*forms.Document, error) {
	doc, _, _, err := load(path)
	return doc, err
}

// load is Load, also returning the bytes read and the file's modification time (for
// LoadStamped's stamp).
func load(path string) (*forms.Document, []byte, time.Time, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, time.Time{}, &forms.FileError{Path: path, Reason: osReason(err), Err: err}
	}
	if err := checkRegular(path, fi); err != nil {
		return nil, nil, time.Time{}, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return nil, nil, time.Time{}, &forms.FileError{Path: path, Reason: osReason(err), Err: err}
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, nil, time.Time{}, &forms.FileError{Path: path, Reason: "读取失败：" + SystemReason(err) + "。", Err: err}
	}
	if err := checkRegular(path, fi); err != nil {
		return nil, nil, time.Time{}, err
	}
	data, err := io.ReadAll(io.LimitReader(f, forms.MaxFileSize+1))
	if err != nil {
		return nil, nil, time.Time{}, &forms.FileError{Path: path, Reason: "读取失败：" + SystemReason(err) + "。", Err: err}
	}
	doc, err := forms.Unmarshal(data)
	if err != nil {
		var fe *forms.FileError
		var ne *forms.NewerVersionError
		switch {
		case errors.As(err, &ne):
			ne.Path = path
		case errors.As(err, &fe):
			fe.Path = path
		}
		return nil, nil, time.Time{}, err
	}
	return doc, data, fi.ModTime(), nil
}

// ErrNotRegular is wrapped by the error about a document path that is not a regular file.
var ErrNotRegular = errors.New("不是普通文件")

// checkRegular refuses what is not a regular file, saying what it is, and a file too large.
func checkRegular(path string, fi os.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return &forms.FileError{Path: path, Reason: "这" + kindOf(fi.Mode()) + "，不是普通文件：请选择磁盘上的绩效自评文件（.zpb）。", Err: ErrNotRegular}
	}
	if fi.Size() > forms.MaxFileSize {
		return &forms.FileError{Path: path, Reason: forms.TooLargeReason(fi.Size())}
	}
	return nil
}

// osReason says why a document could not be opened for reading.
func osReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "文件不存在。"
	case errors.Is(err, os.ErrPermission):
		return "没有读取权限。"
	}
	return SystemReason(err) + "。"
}
