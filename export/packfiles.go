package export

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"ziping/forms"
	"ziping/storage"
)

// The largest evidence file a package takes, and the most all of them may add up to: a scan
// of a contract is a few megabytes; a larger file is more likely a mistake (a video, a disk
// image) and would make a package no e-mail or government platform accepts. Such a file is
// listed as not packed, with its size, and is sent some other way.
const (
	maxEvidenceFile  = 1 << 30 // 1 GB
	maxEvidenceTotal = 4 << 30 // 4 GB
)

// evidenceFile is an evidence file to put in the package.
type evidenceFile struct {
	path, name string // on disk; in the package, below the root
	size       int64  // when it was checked
	entries    []int  // the evidence items (indexes into Document.EvidenceEntries) naming it
}

// evidenceFiles finds the files doc's evidence items name: those that are regular files of a
// reasonable size become files of the package (one copy of a file named twice), the others are
// missing, with the reason. dir is the folder relative paths are read from ("" when unknown).
// Neither the package itself nor a document among inputs is packed as evidence.
func evidenceFiles(doc *forms.Document, dir string, inputs []string, target string) ([]*evidenceFile, []MissingEvidence) {
	var files []*evidenceFile
	var missing []MissingEvidence
	var total int64
	for i, e := range doc.EvidenceEntries() {
		if strings.TrimSpace(e.Path) == "" {
			continue
		}
		path, reason := evidencePath(e.Path, dir)
		if reason == "" {
			var size int64
			size, reason = evidenceSize(path, inputs, target)
			if reason == "" && total+size > maxEvidenceTotal {
				reason = fmt.Sprintf("佐证材料的文件合计已超过 %d GB，此文件未打包，请另行报送", maxEvidenceTotal>>30)
			}
			if reason == "" {
				if f := sameEvidence(files, path); f != nil {
					f.entries = append(f.entries, i)
					continue
				}
				total += size
				name := fmt.Sprintf("佐证材料/%02d-%s", len(files)+1, zipName(filepath.Base(path)))
				files = append(files, &evidenceFile{path: path, name: name, size: size, entries: []int{i}})
				continue
			}
		}
		missing = append(missing, MissingEvidence{EvidenceEntry: e, Item: i, Reason: reason})
	}
	return files, missing
}

// evidencePath is the file an item's 电子文件 names: as typed when absolute, else in dir.
// reason says why there is none.
func evidencePath(typed, dir string) (path, reason string) {
	path = strings.TrimSpace(typed)
	if filepath.IsAbs(path) {
		return filepath.Clean(path), ""
	}
	if dir == "" {
		return "", "文档尚未保存，相对路径“" + forms.Shown(path) + "”无从查找：请先保存文档，或填写完整路径"
	}
	return filepath.Join(dir, path), ""
}

// evidenceSize is the size of the evidence file at path, or why it cannot be packed: it is no
// regular file (a folder, a pipe, a device: storage.CheckRegular), it is the package or a
// document, or it is too large.
func evidenceSize(path string, inputs []string, target string) (int64, string) {
	if err := storage.CheckRegular(path); err != nil {
		var se *storage.SpecialFileError
		if errors.As(err, &se) {
			return 0, strings.TrimSuffix(se.Reason, "。") // the manifest names the file already
		}
		return 0, err.Error()
	}
	if storage.SameFile(path, target) {
		return 0, "这是报送包本身，不能打包进自己"
	}
	for _, in := range inputs {
		if storage.SameFile(path, in) {
			return 0, "这是本文档的文件，不作为佐证材料打包"
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		return 0, storage.SystemReason(err)
	}
	if fi.Size() > maxEvidenceFile {
		return 0, fmt.Sprintf("文件有 %d MB，超过 %d MB，未打包，请另行报送", fi.Size()>>20, maxEvidenceFile>>20)
	}
	return fi.Size(), ""
}

// sameEvidence is the file of files that path names too (by any spelling or link), or nil.
func sameEvidence(files []*evidenceFile, path string) *evidenceFile {
	for _, f := range files {
		if f.path == path || storage.SameFile(f.path, path) {
			return f
		}
	}
	return nil
}
