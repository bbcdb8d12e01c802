package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"ziping/forms"
)

// holdOpen opens path as another program would (WPS, a PDF reader, a sync client): without
// FILE_SHARE_DELETE, so Windows refuses to replace it, and with share, what others may still do.
// It returns the function that lets go, which the test's cleanup calls too: the handle is closed
// once (a handle closed twice may by then be one the Go runtime uses, which crashed it).
func holdOpen(t *testing.T, path string, share uint32) (letGo func()) {
	t.Helper()
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ, share, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	letGo = func() { once.Do(func() { syscall.CloseHandle(h) }) }
	t.Cleanup(letGo)
	return letGo
}

// winTempDir is t.TempDir, whose cleanup Wine 8 refuses (Go's RemoveAll there asks for a
// deletion Wine does not implement: "Invalid function"): removed file by file instead, and what
// cannot be removed is only logged.
func winTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "ziping-forms-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		var paths []string
		filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
			paths = append(paths, p)
			return nil
		})
		for i := len(paths) - 1; i >= 0; i-- { // the files before their folders
			if err := os.Remove(paths[i]); err != nil {
				t.Logf("cleanup: %v", err)
			}
		}
	})
	return dir
}

// winSaveFixture is newSaveFixture (doc.zpb and its .bak) in a winTempDir.
func winSaveFixture(t *testing.T) *saveFixture {
	t.Helper()
	docs := crashVersions(t)
	f := &saveFixture{dir: winTempDir(t)}
	f.path = filepath.Join(f.dir, "doc.zpb")
	var err error
	for i, p := range []*[]byte{&f.a, &f.b, &f.z} {
		if *p, err = forms.Marshal(docs[i]); err != nil {
			t.Fatal(err)
		}
	}
	write(t, f.path, f.a)
	write(t, f.path+BackupSuffix, f.z)
	return f
}

// TestSaveOverFileHeldOpenWindows: saving over a document another program holds open fails with
// a message saying so and what to do; the document and its .bak are as they were, and no
// temporary file is left. Once the other program lets go, the save succeeds.
func TestSaveOverFileHeldOpenWindows(t *testing.T) {
	for name, share := range map[string]uint32{
		"read and write shared": syscall.FILE_SHARE_READ | syscall.FILE_SHARE_WRITE,
		"exclusive":             0,
	} {
		t.Run(name, func(t *testing.T) {
			f := winSaveFixture(t)
			before := f.files(t)
			letGo := holdOpen(t, f.path, share)
			_, err := SaveBytes(f.path, f.b, nil)
			var se *SaveError
			if !errors.As(err, &se) {
				t.Fatalf("error %v (%T), want a *SaveError", err, err)
			}
			msg := err.Error()
			for _, want := range []string{"保存“doc.zpb”失败", "保持保存前的样子", "原因：文件正被其他程序打开", "关闭这个文件后重试"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			// The same for the exports' writer (a PDF open in the reader).
			if err := WriteFileAtomic(f.path, f.b); err == nil || !strings.Contains(SystemReason(err), "其他程序打开") {
				t.Errorf("WriteFileAtomic over the open file: %v (%s)", err, SystemReason(err))
			}

			letGo() // (an exclusive hold keeps this test from reading the file too)
			after := f.files(t)
			if len(after) != len(before) {
				t.Errorf("folder %v after the failure, want %v", keys(after), keys(before))
			}
			if !bytes.Equal(after["doc.zpb"], f.a) || !bytes.Equal(after["doc.zpb"+BackupSuffix], f.z) {
				t.Error("the document or its .bak changed by the failed save")
			}
			if _, err := SaveBytes(f.path, f.b, nil); err != nil {
				t.Fatalf("save after the file was closed: %v", err)
			}
			if after := f.files(t); !bytes.Equal(after["doc.zpb"], f.b) || !bytes.Equal(after["doc.zpb"+BackupSuffix], f.a) {
				t.Error("the save after closing did not write the document and its .bak")
			}
		})
	}
}

// TestLongPathWindows: a document deeper than MAX_PATH (260 characters) saves, backs up and
// loads (Go adds the \\?\ prefix itself), with its lock beside it.
func TestLongPathWindows(t *testing.T) {
	dir := winTempDir(t)
	for len(dir) < 300 {
		dir = filepath.Join(dir, "二〇二一年度部门整体支出绩效自评材料 第一册")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "抚顺市社会保险事业服务中心 2021 年度绩效自评.zpb")
	if len(path) <= 260 {
		t.Fatalf("path of %d characters is not long", len(path))
	}
	docs := crashVersions(t)
	for _, d := range docs[:2] {
		if err := Save(path, d); err != nil {
			t.Fatalf("save at %d characters: %v", len(path), err)
		}
	}
	if _, _, err := LoadStamped(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + BackupSuffix); err != nil {
		t.Errorf("no .bak: %v", err)
	}
	l, err := AcquireLock(path, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Release(); err != nil {
		t.Error(err)
	}
}

// TestUNCPathWindows: a document on a network share that cannot be reached is refused with a
// Chinese reason, not the system's text.
func TestUNCPathWindows(t *testing.T) {
	path := `\\ziping-no-such-server\共享\文档.zpb`
	err := Save(path, crashVersions(t)[0])
	if err == nil {
		t.Fatal("saved to a server that does not exist")
	}
	if r := SystemReason(err); strings.HasPrefix(r, "系统信息") {
		t.Errorf("reason %q for %v", r, err)
	}
	t.Logf("%s → %v", path, err)
	if _, _, err := LoadStamped(path); err == nil || strings.Contains(err.Error(), "系统信息") {
		t.Errorf("load: %v", err)
	}
}
