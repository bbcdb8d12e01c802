package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// WriteFileAtomic replaces path with data so that path never holds a partial file: the data goes
// to a temporary file in the same folder, is flushed to disk and closed, and is then renamed
// over path. On any error the temporary file is removed and an existing path is left untouched.
// A symbolic link at path is followed, so the file it points to is the one replaced. Export and
// the recovery copies write through it; Save (save.go) uses the same temporary files.
func WriteFileAtomic(path string, data []byte) error {
	return WriteAtomic(path, writeBytes(data))
}

// writeBytes is a write function for WriteAtomic and writeTemp that writes data.
func writeBytes(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// WriteAtomic is WriteFileAtomic for content too large to hold in memory (a package of the
// evidence files): write writes it to the temporary file; an error from write leaves path as
// it was and nothing behind.
func WriteAtomic(path string, write func(io.Writer) error) error {
	path = resolveLink(path)
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return errors.New("这是一个文件夹")
		}
		mode = fi.Mode().Perm()
	}
	tmp, err := writeTemp(path, write, mode)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return replaceError(plainError(err), path)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// resolveLink returns the file a symbolic link at path points to, or path.
func resolveLink(path string) string {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if resolved, err := filepath.EvalSymlinks(path); err == nil {
			return resolved
		}
	}
	return path
}

// tempInfix is what every temporary file of ours has after the target's name:
// ".name.zpb.tmp-<pid>.<host>-<random>" (a name too long for that is shortened, tempStem).
// The pid and host tag let RemoveStaleTemps tell a temporary file whose writer was killed
// from one another program is still writing.
const tempInfix = ".tmp-"

// writeTemp writes (by write) to a new temporary file beside target (in the same folder, so that a
// rename can replace target), flushes it to disk, gives it mode and closes it. It returns the
// temporary file's name; on error nothing is left behind.
func writeTemp(target string, write func(io.Writer) error, mode os.FileMode) (name string, err error) {
	pattern := "." + tempStem(filepath.Base(target)) + tempInfix + tempTag() + "-*"
	f, err := os.CreateTemp(filepath.Dir(target), pattern)
	if err != nil {
		return "", plainError(err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = plainError(err)
		}
	}()
	if err = write(f); err != nil {
		return "", err
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	if err = f.Close(); err != nil {
		return "", err
	}
	if err = os.Chmod(f.Name(), mode); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// syncDir flushes a folder's entries so that a rename survives a power cut; not every system
// allows it, and a failure changes nothing that was written.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// TempMaxAge is the age after which RemoveStaleTemps removes a temporary file whatever wrote
// it: a save writes its temporary files within seconds, even on a slow network drive.
const TempMaxAge = time.Hour

// RemoveStaleTemps removes the temporary files of ours in dir that no save will finish: those
// whose writer ran on this computer and has ended, and those older than TempMaxAge. With name
// set, only the temporary files of the file dir/name and of its backup are considered (the
// document's folder is the user's); with name "", every temporary file of ours in dir (the
// recovery folder). It returns how many it removed; files it cannot remove are left.
func RemoveStaleTemps(dir, name string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		tag, ok := tempTagOf(e.Name(), name)
		if !ok || e.IsDir() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if time.Since(fi.ModTime()) > TempMaxAge || tempWriterGone(tag) {
			if os.Remove(filepath.Join(dir, e.Name())) == nil {
				n++
			}
		}
	}
	return n
}

// tempTagOf reports whether file is a temporary file of ours for the file name (any file when
// name is "") or its backup, and returns the tag after tempInfix ("" for the untagged names of
// earlier versions).
func tempTagOf(file, name string) (tag string, ok bool) {
	if !strings.HasPrefix(file, ".") {
		return "", false
	}
	target, rest, found := strings.Cut(file[1:], tempInfix)
	if !found || (name != "" && target != tempStem(name) && target != tempStem(filepath.Base(BackupFile(name)))) {
		return "", false
	}
	if i := strings.LastIndexByte(rest, '-'); i >= 0 {
		return rest[:i], true
	}
	return "", true // ".name.tmp-123456789" of earlier versions: only its age tells
}

// tempWriterGone reports whether the program that wrote a temporary file with tag
// ("<pid>.<host>") has ended. Only a writer on this computer can be known to have ended.
func tempWriterGone(tag string) bool {
	pidText, host, ok := strings.Cut(tag, ".")
	pid, err := strconv.Atoi(pidText)
	if !ok || err != nil || host != hostTag() || pid == os.Getpid() {
		return false
	}
	return !processAlive(pid)
}

// tempTag is "<pid>.<host>" for the names of our temporary files.
func tempTag() string { return fmt.Sprintf("%d.%s", os.Getpid(), hostTag()) }

// hostTag is a short hash of the computer's name: our temporary files on a network drive say
// which computer wrote them without making their names long.
var hostTag = sync.OnceValue(func() string {
	sum := sha256.Sum256([]byte(strings.ToLower(hostName())))
	return hex.EncodeToString(sum[:4])
})

// hostName is this computer's name, or "" when the system does not say.
func hostName() string {
	h, _ := os.Hostname()
	return h
}

// plainError drops the file name from an *os.PathError or *os.LinkError: the message names the
// target already, and the temporary file's name means nothing to the user.
func plainError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
