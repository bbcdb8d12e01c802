package storage

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"ziping/forms"
)

// BackupSuffix is appended to a document's name for the copy of the previous save (BackupFile).
const BackupSuffix = ".bak"

// Stamp identifies the content of a document file as this program last read or wrote it.
type Stamp struct {
	Size    int64
	ModTime time.Time
	Sum     [sha256.Size]byte
}

func stampOf(data []byte, mod time.Time) Stamp {
	return Stamp{Size: int64(len(data)), ModTime: mod, Sum: sha256.Sum256(data)}
}

// SameContent reports whether two stamps are of the same bytes. The hash decides: a file
// rewritten with the same bytes (a new time) holds nothing to lose, and a change within the
// same second and size (file systems keep times to 2 s) is still seen.
func (s Stamp) SameContent(o Stamp) bool { return s.Size == o.Size && s.Sum == o.Sum }

// LoadStamped reads a document file like Load and also returns the stamp of the bytes it read,
// for SaveBytes to tell later whether the file was changed by someone else meanwhile.
func LoadStamped(path string) (*forms.Document, Stamp, error) {
	doc, data, mod, err := load(path)
	if err != nil {
		return nil, Stamp{}, err
	}
	return doc, stampOf(data, mod), nil
}

// readLimited reads at most forms.MaxFileSize+1 bytes of path (more means it is not a document)
// and the file's modification time, from one open file. A named pipe put there since the
// caller checked the mode is neither waited on nor read.
func readLimited(path string) ([]byte, time.Time, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	if !fi.Mode().IsRegular() {
		return nil, time.Time{}, fmt.Errorf("“%s”不是普通文件（是%s）", filepath.Base(path), specialKind(fi.Mode()))
	}
	data, err := io.ReadAll(io.LimitReader(f, forms.MaxFileSize+1))
	return data, fi.ModTime(), err
}

// ChangedError says that a document file no longer holds what this program last read or wrote
// there: another window or another computer saved it, or it was deleted or moved. Nothing was
// written.
type ChangedError struct {
	Path string
	// Gone is true when the file no longer exists; Now is its current stamp otherwise.
	Gone bool
	Now  Stamp
}

func (e *ChangedError) Error() string {
	name := filepath.Base(e.Path)
	if e.Gone {
		return fmt.Sprintf("“%s”在打开后已被删除或移走，没有保存；您的内容仍在窗口中。", name)
	}
	return fmt.Sprintf("“%s”在打开后已被修改（现在 %d 字节，修改于 %s），可能是另一个窗口或另一台电脑保存的；没有保存，文件保持对方保存的样子，您的内容仍在窗口中。",
		name, e.Now.Size, e.Now.ModTime.Local().Format("2006-01-02 15:04:05"))
}

// ReadOnlyError says that a document file is read-only (its read-only attribute is set, or
// nobody may write it), so Save did not replace it.
type ReadOnlyError struct{ Path string }

func (e *ReadOnlyError) Error() string {
	return fmt.Sprintf("“%s”是只读文件，没有保存，文件保持原样；您的内容仍在窗口中。请另存为其他文件，或在文件属性中取消“只读”后再保存。", filepath.Base(e.Path))
}

// SaveError is a save that failed on the way: it says what failed, what was kept and, last,
// the system's reason in Chinese (SystemReason).
type SaveError struct {
	Path string
	What string // what failed: "写入新内容" …
	Kept string // what is as it was
	Err  error
}

func (e *SaveError) Error() string {
	return fmt.Sprintf("保存“%s”失败（%s时出错），%s。\n原因：%s", filepath.Base(e.Path), e.What, e.Kept, SystemReason(e.Err))
}

func (e *SaveError) Unwrap() error { return e.Err }

// keptAll is what a failed save leaves as it was.
const keptAll = "文件和它的备份（.bak）都保持保存前的样子"

// Save writes doc to path like SaveBytes, with no expectation about what the file holds now.
func Save(path string, doc *forms.Document) error {
	data, err := forms.Marshal(doc)
	if err != nil {
		return err
	}
	_, err = SaveBytes(path, data, nil)
	return err
}

// saveStep lets tests make a step of SaveBytes fail: "write", "backup", "rename-backup" or
// "rename". Nil in the program.
var saveStep func(step string) error

func step(name string) error {
	if saveStep != nil {
		return saveStep(name)
	}
	return nil
}

// SaveBytes writes data (a document encoded by forms.Marshal) to path and returns the stamp of what it wrote.
//
// A crash leaves either the old or the new file whole, and a failure changes nothing: the new
// content and the backup of the old one are first written to temporary files beside path and
// flushed to disk; only then is the backup renamed to BackupFile(path) and the new content renamed to
// path. Should that last rename fail, the previous .bak is put back. Temporary files of earlier
// saves that were killed are removed first (RemoveStaleTemps).
//
// Nothing is written when expect is set and the file no longer holds those bytes (a
// *ChangedError), when the file is read-only (a *ReadOnlyError), or when it is not a document
// this program can read (it may hold something valuable). expect nil replaces any readable
// document: a new file, or one the user chose to replace.
//
// The check and the renames are one step for every save of this program on this computer
// (unix: an flock on the folder, lockFolder), so a save that is accepted is never overwritten
// by another accepted save: the later one finds the file changed. What remains: on Windows,
// and between computers on a network drive (whose servers seldom honour the lock), two saves
// within the same few milliseconds can both pass the check and the earlier is then replaced;
// the lock file (lock.go) keeps a second window from editing the document unasked.
func SaveBytes(path string, data []byte, expect *Stamp) (Stamp, error) {
	path = resolveLink(path)
	RemoveStaleTemps(filepath.Dir(path), filepath.Base(path))
	defer lockFolder(filepath.Dir(path))()
	old, oldMode, err := current(path, expect)
	if err != nil {
		return Stamp{}, err
	}
	mode := os.FileMode(0o644)
	if old != nil {
		mode = oldMode
	}
	newTmp, err := writeTempStep(path, data, mode, "write")
	if err != nil {
		return Stamp{}, &SaveError{Path: path, What: "写入新内容", Kept: keptAll, Err: err}
	}
	if old != nil {
		if err := rotate(path, newTmp, old, mode); err != nil {
			return Stamp{}, err
		}
	} else if err := renameStep(newTmp, path, "rename"); err != nil {
		os.Remove(newTmp)
		return Stamp{}, &SaveError{Path: path, What: "把新内容换上", Kept: "没有创建文件", Err: err}
	}
	syncDir(filepath.Dir(path))
	fi, err := os.Stat(path)
	if err != nil {
		return Stamp{}, &SaveError{Path: path, What: "检查保存的文件", Kept: "新内容已写入", Err: err}
	}
	return stampOf(data, fi.ModTime()), nil
}

// current reads the file a save would replace and checks that it may be replaced. It returns
// nil data when there is no file.
func current(path string, expect *Stamp) ([]byte, os.FileMode, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if expect != nil {
			return nil, 0, &ChangedError{Path: path, Gone: true}
		}
		return nil, 0, nil
	case err != nil:
		return nil, 0, &SaveError{Path: path, What: "读取原文件", Kept: keptAll, Err: err}
	case !fi.Mode().IsRegular():
		return nil, 0, fmt.Errorf("“%s”不是普通文件（可能是文件夹或设备），没有保存：请另存为其他文件名", filepath.Base(path))
	case fi.Mode().Perm()&0o222 == 0:
		return nil, 0, &ReadOnlyError{Path: path}
	}
	old, mod, err := readLimited(path)
	if err != nil {
		return nil, 0, &SaveError{Path: path, What: "读取原文件", Kept: keptAll, Err: err}
	}
	if expect != nil {
		if now := stampOf(old, mod); !expect.SameContent(now) {
			return nil, 0, &ChangedError{Path: path, Now: now}
		}
	}
	if _, err := forms.Unmarshal(old); err != nil && len(old) > 0 {
		return nil, 0, fmt.Errorf("“%s”已存在，但不是本程序可读的文档（%v），为防止覆盖有用的内容，没有保存：请另存为其他文件名", filepath.Base(path), err)
	}
	return old, fi.Mode().Perm(), nil
}

// rotate makes old the backup and puts the new content (in the temporary file newTmp) in place.
func rotate(path, newTmp string, old []byte, mode os.FileMode) error {
	bak := BackupFile(path)
	fail := func(what string, err error) error {
		os.Remove(newTmp)
		return &SaveError{Path: path, What: what, Kept: keptAll, Err: err}
	}
	bakTmp, err := writeTempStep(bak, old, mode, "backup")
	if err != nil {
		return fail("写入备份", err)
	}
	prevBak, prevErr := os.ReadFile(bak) // put back should the last rename fail
	if err := renameStep(bakTmp, bak, "rename-backup"); err != nil {
		os.Remove(bakTmp)
		return fail("更新备份", err)
	}
	if err := renameStep(newTmp, path, "rename"); err != nil {
		os.Remove(newTmp)
		keptNow := keptAll
		switch {
		case errors.Is(prevErr, fs.ErrNotExist):
			os.Remove(bak)
		case prevErr != nil || WriteFileAtomic(bak, prevBak) != nil:
			keptNow = "文件保持保存前的样子，备份（.bak）现在也是保存前的内容"
		}
		return &SaveError{Path: path, What: "把新内容换上", Kept: keptNow, Err: err}
	}
	return nil
}

func writeTempStep(target string, data []byte, mode os.FileMode, name string) (string, error) {
	if err := step(name); err != nil {
		return "", err
	}
	return writeTemp(target, writeBytes(data), mode)
}

func renameStep(from, to, name string) error {
	if err := step(name); err != nil {
		return err
	}
	return replaceError(plainError(os.Rename(from, to)), to)
}
