package storage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"ziping/forms"
)

// TestLongNamesSaveInPlace: a document whose name is as long as the file system allows (80
// Chinese characters and ".zpb" = 244 bytes; 85 characters = 255 bytes, the most) is saved in
// place twice (the second keeps a backup), reloaded, locked and released; every name put
// beside it is at most 255 bytes, starts like the document's and is valid UTF-8. The temporary
// name was 35 bytes longer than the document's, so such a document could not be saved.
func TestLongNamesSaveInPlace(t *testing.T) {
	docs := crashVersions(t)
	for label, name := range map[string]string{"80字": strings.Repeat("绩", 80) + ".zpb", "85字": strings.Repeat("效", 85)} {
		t.Run(label, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			if err := Save(path, docs[0]); err != nil {
				t.Fatalf("first save: %v", err)
			}
			_, st, err := LoadStamped(path)
			if err != nil {
				t.Fatal(err)
			}
			second, _ := forms.Marshal(docs[1])
			if _, err := SaveBytes(path, second, &st); err != nil {
				t.Fatalf("second save: %v", err)
			}
			if got, _ := os.ReadFile(path); string(got) != string(second) {
				t.Error("the document does not hold the second save")
			}
			if _, err := Load(BackupFile(path)); err != nil {
				t.Errorf("backup: %v", err)
			}
			l, err := AcquireLock(path, "me")
			if err != nil {
				t.Fatalf("lock: %v", err)
			}
			tmp, err := writeTemp(path, writeBytes(second), 0o644)
			if err != nil {
				t.Fatalf("temporary file: %v", err)
			}
			if tag, ok := tempTagOf(filepath.Base(tmp), name); !ok || tag != tempTag() {
				t.Errorf("temporary file %q not recognised as ours", filepath.Base(tmp))
			}
			checkNames(t, dir, name, 4)
			os.Remove(tmp)
			l.Release()
			checkNames(t, dir, name, 2)
		})
	}
}

// checkNames checks the files beside the document named name: want of them, each name at most
// 255 bytes of valid UTF-8 that starts with the document's first 60 bytes (after ".~" or ".").
func checkNames(t *testing.T, dir, name string, want int) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	if len(entries) != want {
		t.Errorf("%d files beside the document, want %d", len(entries), want)
	}
	for _, e := range entries {
		n := e.Name()
		if len(n) > maxNameBytes || !utf8.ValidString(n) || !strings.HasPrefix(strings.TrimLeft(n, ".~"), name[:60]) {
			t.Errorf("name %q (%d bytes)", n, len(n))
		}
	}
}

// TestFitName: short names stay as they are; long ones that differ only at the end get
// different names, each within its room and cut at a character boundary.
func TestFitName(t *testing.T) {
	if got := fitName("单位自评.zpb", 20); got != "单位自评.zpb" {
		t.Errorf("short name changed to %q", got)
	}
	a, b := fitName(strings.Repeat("评", 90)+"甲", 100), fitName(strings.Repeat("评", 90)+"乙", 100)
	if a == b || len(a) > 100 || len(b) > 100 || !utf8.ValidString(a) || !strings.HasPrefix(a, "评评评") {
		t.Errorf("%q and %q", a, b)
	}
	if got := filepath.Base(LockFile("/x/单位自评.zpb")); got != ".~单位自评.zpb.lock" {
		t.Errorf("lock file of a short name: %q", got)
	}
	if got := BackupFile("/x/单位自评.zpb"); got != "/x/单位自评.zpb.bak" {
		t.Errorf("backup of a short name: %q", got)
	}
}
