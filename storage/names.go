package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"unicode/utf8"
)

// maxNameBytes is the longest file name ext4, XFS and APFS take, in bytes (NTFS takes 255
// UTF-16 units, never fewer than the bytes of the same name). A document's own name may be that
// long (85 Chinese characters); the names this program puts beside it (lock, backup, temporary
// files) are made to fit too.
const maxNameBytes = 255

// fitName returns name when it is at most room bytes long; otherwise its start, cut at a
// character boundary, then "~" and 8 hexadecimal digits of the SHA-256 of the whole name, room
// bytes in all. The start keeps the name recognisable in a folder listing; the hash keeps two
// long names that start alike apart. The same name always gives the same result, so every
// window and computer finds the same lock file.
func fitName(name string, room int) string {
	if len(name) <= room {
		return name
	}
	sum := sha256.Sum256([]byte(name))
	tag := "~" + hex.EncodeToString(sum[:4])
	keep := max(room-len(tag), 0)
	for keep > 0 && !utf8.RuneStart(name[keep]) {
		keep--
	}
	return name[:keep] + tag
}

// BackupFile is the copy of the previous save of the document at path: path+BackupSuffix, or,
// when that name would be too long for the file system, the document's name shortened by
// fitName, then BackupSuffix.
func BackupFile(path string) string {
	dir, name := filepath.Split(path)
	return dir + fitName(name, maxNameBytes-len(BackupSuffix)) + BackupSuffix
}

// lockName is the name of the lock file of the document named name, with suffix: ".~名称.zpb"
// then suffix, the name shortened by fitName when the whole would be too long.
func lockName(name, suffix string) string {
	return ".~" + fitName(name, maxNameBytes-2-len(suffix)) + suffix
}

// tempFixed is the longest part of a temporary file's name besides its stem: the leading ".",
// tempInfix, the tag "<pid>.<host>" (a pid has at most 10 digits, the host tag 8) and "-" with
// the random number os.CreateTemp adds (at most 10 digits).
const tempFixed = 1 + len(tempInfix) + 10 + 1 + 8 + 1 + 10

// tempStem is the part of a temporary file's name that names the file it is for.
func tempStem(target string) string { return fitName(target, maxNameBytes-tempFixed) }
