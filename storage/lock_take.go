package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// maxLockBytes is the most of a lock file that is read: ours hold about 200 bytes, and a larger
// file (a 3 GB one took 21 s and 3 GB of memory to read whole) is not ours and is stale.
const maxLockBytes = 4 << 10

// takeFile is the file a window creates (exclusively) while it replaces the stale lock of the
// document at path, so that of two windows finding it stale at once only one replaces it.
func takeFile(path string) string {
	return filepath.Join(filepath.Dir(path), lockName(filepath.Base(path), ".lock.take"))
}

// readLock reads at most maxLockBytes of a lock file, without waiting on a named pipe; an empty
// or damaged one gives a Holder that is not Known. Something that is not a regular file (a
// folder, a symbolic link, a pipe), or one too large, gives a Holder whose notOurs says what it
// is: it is stale whatever its age.
func readLock(file string) (Holder, []byte, error) {
	fi, err := os.Lstat(file)
	if err != nil {
		return Holder{}, nil, err
	}
	if !fi.Mode().IsRegular() {
		return Holder{notOurs: specialKind(fi.Mode())}, nil, nil
	}
	f, err := os.OpenFile(file, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return Holder{}, nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return Holder{}, nil, err
	}
	if !fi.Mode().IsRegular() { // replaced since Lstat
		return Holder{notOurs: specialKind(fi.Mode())}, nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(f, maxLockBytes+1))
	if err != nil {
		return Holder{}, nil, err
	}
	var h Holder
	switch {
	case len(data) > maxLockBytes:
		h.notOurs = fmt.Sprintf("过大的文件（%d 字节）", fi.Size())
	case json.Unmarshal(data, &h) != nil:
		h = Holder{}
	}
	h.Refreshed = fi.ModTime()
	return h, data, nil
}

// specialKind names, in Chinese, what a file that is not a regular one is: a symbolic link
// (a lock is looked at without following links), else as kindOf (outpath.go) says it.
func specialKind(m fs.FileMode) string {
	if m&fs.ModeSymlink != 0 {
		return "符号链接"
	}
	return strings.TrimPrefix(kindOf(m), "是一个")
}

// BadLockError says that the lock file of a document is not one this program wrote (a folder,
// a symbolic link, a pipe, a huge file) and could not be replaced: the document opens, but no
// other window is told that it is being edited.
type BadLockError struct {
	Path string // the document
	Kind string // what the lock file is, in Chinese
	Err  error  // why it could not be replaced
}

func (e *BadLockError) Error() string {
	reason := SystemReason(e.Err)
	if e.Kind == "文件夹" && errors.Is(e.Err, fs.ErrExist) { // ENOTEMPTY is ErrExist to Go
		reason = "文件夹里有内容"
	}
	lock := filepath.Base(LockFile(e.Path))
	return fmt.Sprintf("“%s”的锁文件“%s”是%s，不是本程序写的锁文件，已视为失效，但无法替换（%s）。文档可以编辑和保存，但其他窗口打开它时不会得到“正在编辑”的提示。请删除“%s”。",
		filepath.Base(e.Path), lock, e.Kind, reason, lock)
}

func (e *BadLockError) Unwrap() error { return e.Err }

// acquiring makes the windows of this process take and give up locks one at a time: another
// window of this process is judged from the locks it holds (heldHere), which must not change
// while a lock is judged.
var acquiring sync.Mutex

// takeOver replaces the stale lock file of the document at path, which read as seen and raw,
// by data. It creates takeFile exclusively first and reads the lock again: only one window
// replaces a given stale lock, and a lock refreshed or replaced meanwhile is left alone. It
// reports whether the caller should try to create the lock (it was removed), and an error
// when the lock cannot be replaced.
func takeOver(path string, seen Holder, raw []byte) (bool, error) {
	release, ok := takeTurn(takeFile(path))
	if !ok {
		return false, nil // another window is replacing it: read again what it made
	}
	defer release()
	file := LockFile(path)
	now, again, err := readLock(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return true, nil
	case err != nil:
		return false, err
	case now.notOurs != seen.notOurs || string(again) != string(raw) || !now.stale(file, time.Now()):
		return false, nil // changed since it was judged stale
	}
	err = os.Remove(file)
	if err != nil && seen.notOurs != "" {
		return false, &BadLockError{Path: path, Kind: seen.notOurs, Err: plainError(err)}
	}
	return err == nil, err
}

// takeTurnWait is how long takeTurn waits for another window's turn: a turn lasts a few
// milliseconds. A turn file older than takeTurnStale was left by a program killed during its
// turn and is removed.
const (
	takeTurnWait  = 2 * time.Second
	takeTurnStale = 30 * time.Second
)

// takeTurn creates file exclusively and returns the function that removes it. When another
// window holds the turn, it waits until the turn is over (ok false): that window has replaced
// the lock, and the caller reads it again.
func takeTurn(file string) (release func(), ok bool) {
	deadline := time.Now().Add(takeTurnWait)
	waited := false
	for {
		err := createExclusive(file, []byte(tempTag()))
		if err == nil {
			if waited {
				os.Remove(file)
				return nil, false
			}
			return func() { os.Remove(file) }, true
		}
		if !errors.Is(err, fs.ErrExist) {
			return func() {}, true // a folder that takes no new file: the lock's own create decides
		}
		fi, err := os.Lstat(file)
		if err == nil && (!fi.Mode().IsRegular() || time.Since(fi.ModTime()) > takeTurnStale || turnHolderGone(file)) {
			os.Remove(file)
			continue
		}
		if time.Now().After(deadline) {
			return nil, false
		}
		waited = true
		time.Sleep(2 * time.Millisecond) // another process's turn: there is nothing to wait on
	}
}

// turnHolderGone reports whether the program that created a turn file has ended.
func turnHolderGone(file string) bool {
	f, err := os.OpenFile(file, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	tag, _ := io.ReadAll(io.LimitReader(f, 64))
	return tempWriterGone(string(tag))
}
