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
		if err := WriteFileAtomic(path+BackupSuffix, old); err != nil {
			return fmt.Errorf("保存备份文件失败：%w", err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("无法读取“%s”：%w", filepath.Base(path), err)
	}
	if err := WriteFileAtomic(path, data); err != nil {
		return fmt.Errorf("保存“%s”失败：%w", filepath.Base(path), err)
	}
	return nil
}
