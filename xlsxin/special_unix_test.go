//go:build unix

package xlsxin

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestImportFilePipe: ImportFile refuses a named pipe by its mode, at once and in Chinese,
// instead of waiting forever in os.Open for a writer.
func TestImportFilePipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.xlsx")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := ImportFile(p); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "管道") {
			t.Errorf("a pipe: %v", err)
		}
	case <-time.After(10 * time.Second): // a deadline, not a wait: the refusal is immediate
		t.Fatal("ImportFile waits on a pipe")
	}
}
