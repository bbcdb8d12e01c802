//go:build unix

package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFilesAnsweredAtOnce: a named pipe given to any command as its input or output is
// refused from its mode (exit 2, a Chinese sentence) without opening it; an open would wait
// for a writer forever. The deadline only bounds how long a failure takes to show.
func TestSpecialFilesAnsweredAtOnce(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"p.csv", "p.xlsx", "p.zpb", "p.pdf"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	doc := sampleCopy(dir)
	for _, args := range [][]string{
		{"import", "-o", p("new.zpb"), p("p.csv")},
		{"import", "-o", p("new.zpb"), p("p.xlsx")},
		{"import", "-o", p("new.zpb"), "/dev/zero"},
		{"template", "-o", p("p.xlsx")},
		{"template", "--force", "-o", p("p.xlsx")},
		{"check", p("p.zpb")},
		{"check", "--json", p("p.zpb")},
		{"export", p("p.zpb")},
		{"export", "--force", "-o", p("p.pdf"), doc},
		{"summary", p("p.zpb"), "-o", p("s.pdf")},
		{"summary", "--force", doc, "-o", p("p.pdf")},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		var errOut bytes.Buffer
		done := make(chan int, 1)
		go func() {
			code, _ := runCLI(args, &bytes.Buffer{}, &errOut)
			done <- code
		}()
		select {
		case code := <-done:
			msg := errOut.String()
			if code != exitUnusable || !strings.Contains(msg, "命名管道") && !strings.Contains(msg, "设备") && !strings.Contains(msg, "不是普通文件") {
				t.Errorf("%v: code %d, stderr %q", args, code, msg)
			}
		case <-ctx.Done():
			t.Fatalf("%v blocked on the pipe", args)
		}
		cancel()
	}
}
