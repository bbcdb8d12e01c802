package forms

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// BackupSuffix is appended to a document's name for the copy of the previous save.
const BackupSuffix = ".bak"

// Save writes doc to path atomically: the new content goes to a temporary file in the same
// folder, is flushed to disk, and replaces the old file by rename, so a crash leaves either the
// old or the new file whole. The previous file is kept as path+".bak". An existing file that
// is not a readable document (damaged, or from a newer program) is never overwritten.
func Save(path string, doc *Document) error {
	data, err := Marshal(doc)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(path); err == nil {
		if _, err := Unmarshal(old); err != nil && len(old) > 0 {
			return fmt.Errorf("“%s”已存在，但不是本程序可读的文档（%v），为防止覆盖有用的内容，没有保存：请另存为其他文件名", filepath.Base(path), err)
		}
		if err := writeAtomic(path+BackupSuffix, old); err != nil {
			return fmt.Errorf("保存备份文件失败：%w", err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("无法读取“%s”：%w", filepath.Base(path), err)
	}
	if err := writeAtomic(path, data); err != nil {
		return fmt.Errorf("保存“%s”失败：%w", filepath.Base(path), err)
	}
	return nil
}

// writeAtomic replaces path with data through a synced temporary file and a rename.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
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
	if fi, statErr := os.Stat(path); statErr == nil {
		_ = os.Chmod(tmp.Name(), fi.Mode().Perm())
	} else {
		_ = os.Chmod(tmp.Name(), 0o644)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir flushes a folder's entries so the rename survives a power cut. Not every system
// allows it (Windows does not), so failure is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
