package forms

import (
	"errors"
	"os"
	"path/filepath"
)

// WriteFileAtomic replaces path with data so that path never holds a partial file: the data goes
// to a temporary file in the same folder, is flushed to disk and closed, and is then renamed
// over path. On any error the temporary file is removed and an existing path is left untouched.
// A symbolic link at path is followed, so the file it points to is the one replaced. Save,
// export and the recovery copies all write through it.
func WriteFileAtomic(path string, data []byte) (err error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if resolved, err := filepath.EvalSymlinks(path); err == nil {
			path = resolved
		}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return plainError(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = plainError(err)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if fi, statErr := os.Stat(path); statErr == nil {
		if fi.IsDir() {
			return errors.New("这是一个文件夹")
		}
		mode = fi.Mode().Perm()
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// Flush the folder entry so the rename survives a power cut; not every system allows it.
	if d, dirErr := os.Open(dir); dirErr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
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
