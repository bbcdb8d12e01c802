//go:build unix

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadRefusesPipeAndDevice: a named pipe with no writer (which a plain open waits on for
// ever) and a device are refused at once, from their mode, with a Chinese message.
func TestLoadRefusesPipeAndDevice(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p.zpb")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{fifo: "命名管道（FIFO）", os.DevNull: "设备"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := Load(path); done <- err }()
			var err error
			select {
			case err = <-done:
			case <-time.After(time.Minute): // a hang guard only: Load answers at once
				t.Fatal("Load is still waiting on the file")
			}
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "这是一个"+want+"，不是普通文件") {
				t.Fatalf("got %v", err)
			}
		})
	}
}

// TestCheckRegularAfterOpen: a regular file's mode seen after the non-blocking open is
// accepted; the second look at the mode is what catches a path swapped for a pipe meanwhile.
func TestCheckRegularAfterOpen(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p.zpb")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(fifo, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		t.Fatalf("a non-blocking open of a pipe failed: %v", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if err := checkRegular(fifo, fi); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("got %v", err)
	}
}

// TestExportTargetPipe: a named pipe as an export's target is refused, without opening it.
func TestExportTargetPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CheckExportTarget(fifo); err == nil || !strings.Contains(err.Error(), "是一个命名管道（FIFO），不是普通文件") {
		t.Fatalf("got %v", err)
	}
}
