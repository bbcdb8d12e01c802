//go:build unix

package storage

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// returnsBefore runs f and fails the test when it has not returned before a generous deadline:
// a blocked open never returns, so the deadline only bounds how long a failure takes to show.
func returnsBefore(t *testing.T, f func() error) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		t.Fatal("the call blocked (still waiting at the deadline)")
		return nil
	}
}

func TestSpecialFilesRefusedByMode(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "p.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "s.zpb")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for path, kind := range map[string]string{fifo: "命名管道", sock: "套接字", "/dev/zero": "设备", dir: "文件夹"} {
		for name, f := range map[string]func() error{
			"CheckRegular": func() error { return CheckRegular(path) },
			"OpenRegular": func() error {
				f, _, err := OpenRegular(path)
				if f != nil {
					f.Close()
				}
				return err
			},
		} {
			err := returnsBefore(t, f)
			if !errors.Is(err, ErrSpecial) || !strings.Contains(err.Error(), kind) {
				t.Errorf("%s(%s) = %v, want a refusal naming a %s", name, path, err, kind)
			}
		}
	}
	regular := filepath.Join(dir, "a.csv")
	os.WriteFile(regular, []byte("x"), 0o644)
	f, fi, err := OpenRegular(regular)
	if err != nil || fi.Size() != 1 {
		t.Fatalf("OpenRegular of a regular file: %v", err)
	}
	f.Close()
}

func TestLinkLoopSaidInChineseFirst(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.zpb"), filepath.Join(dir, "b.zpb")
	os.Symlink(b, a)
	os.Symlink(a, b)
	for _, err := range []error{CheckRegular(a), func() error { _, err := Load(a); return err }()} {
		msg := err.Error()
		if !strings.Contains(msg, loopReason) || strings.Contains(msg, "too many") {
			t.Errorf("a link loop: %q, want %q and no English", msg, loopReason)
		}
	}
}

func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro.pdf")
	os.WriteFile(ro, []byte("%PDF"), 0o444)
	var roErr *ReadOnlyTargetError
	if err := CheckWritable(ro); !errors.As(err, &roErr) || !strings.Contains(err.Error(), "ro.pdf") {
		t.Errorf("a 0444 file: %v, want a ReadOnlyTargetError", err)
	}
	link := filepath.Join(dir, "link.pdf")
	os.Symlink(ro, link)
	if err := CheckWritable(link); !errors.As(err, &roErr) {
		t.Errorf("a link to a 0444 file: %v", err)
	}
	rw := filepath.Join(dir, "rw.pdf")
	os.WriteFile(rw, []byte("%PDF"), 0o644)
	for _, p := range []string{rw, filepath.Join(dir, "new.pdf")} {
		if err := CheckWritable(p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}
