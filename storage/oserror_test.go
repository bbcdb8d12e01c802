package storage

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func TestSystemReason(t *testing.T) {
	dir := t.TempDir()
	_, notExist := os.Open(filepath.Join(dir, "没有"))
	tests := map[string]struct {
		err  error
		want string
	}{
		"no space":   {&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "磁盘空间已满"},
		"permission": {&os.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "没有权限"},
		"read-only":  {syscall.EROFS, "磁盘是只读的"},
		"not exist":  {notExist, "不存在"},
		"unknown":    {errors.New("weird failure"), "系统信息：weird failure"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := SystemReason(tc.err); !strings.Contains(got, tc.want) {
				t.Fatalf("SystemReason(%v) = %q, want %q", tc.err, got, tc.want)
			}
		})
	}
}

// A replace refused because another program holds the file open says so, whatever the error
// number (on Windows: access denied, sharing or lock violation; TestSaveOverFileHeldOpenWindows).
func TestInUseReason(t *testing.T) {
	err := &SaveError{Path: "doc.zpb", What: "把新内容换上", Kept: keptAll, Err: &inUseError{syscall.EACCES}}
	if msg := err.Error(); !strings.Contains(msg, "原因：文件正被其他程序打开") || !errors.Is(err, syscall.EACCES) {
		t.Errorf("%q", msg)
	}
	if got := replaceError(syscall.EACCES, "doc.zpb"); runtime.GOOS != "windows" && got != syscall.EACCES {
		t.Errorf("replaceError marked %v on %s", got, runtime.GOOS)
	}
}
