//go:build unix

package cli

import (
	"bytes"
	"context"
	"os"
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

// TestLinkLoopSaidInChinese: a link that leads back to itself is said in Chinese, by every
// command, before any system text in English.
func TestLinkLoopSaidInChinese(t *testing.T) {
	dir := t.TempDir()
	for _, pair := range [][2]string{{"a.zpb", "b.zpb"}, {"a.csv", "b.csv"}, {"a.pdf", "b.pdf"}, {"a.xlsx", "b.xlsx"}} {
		a, b := filepath.Join(dir, pair[0]), filepath.Join(dir, pair[1])
		if err := os.Symlink(b, a); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(a, b); err != nil {
			t.Fatal(err)
		}
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	for _, args := range [][]string{
		{"check", p("a.zpb")},
		{"import", "-o", p("new.zpb"), p("a.csv")},
		{"export", "--force", "-o", p("a.pdf"), sampleCopy(dir)},
		{"template", "--force", "-o", p("a.xlsx")},
		{"summary", p("a.zpb"), "-o", p("s.pdf")},
	} {
		var errOut bytes.Buffer
		code, _ := runCLI(args, &bytes.Buffer{}, &errOut)
		msg := errOut.String()
		if code != exitUnusable || !strings.Contains(msg, "符号链接层数过多") || strings.Contains(msg, "too many") {
			t.Errorf("%v: code %d, stderr %q", args, code, msg)
		}
	}
}
