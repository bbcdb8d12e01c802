package forms

import (
	"errors"
	"os"
	"path/filepath"
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
