package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"ziping/internal/testtool"
)

// fyneThreadError starts the lines Fyne 2.7.1 logs when its GLFW driver is called from the
// wrong goroutine (internal/async/goroutine.go: "this should have been called in
// fyne.Do[AndWait]", or "fyne.Do[AndWait] called from main goroutine").
const fyneThreadError = "*** Error in Fyne call thread"

// TestNoFyneThreadErrors runs the program's window on the sample under Xvfb in Fyne's checking
// mode (the one mode every build uses: the Makefile's TAGS) and fails on any call-thread error in
// its log. Fyne's test driver records no main goroutine, so no `go test` of app/ can log the
// error: only the real window can. The window is driven through what runs off the UI goroutine:
// the rows built after the first frame, tab switches, the print preview's renders, typing (the
// recovery copy's timer).
func TestNoFyneThreadErrors(t *testing.T) {
	testtool.Slow(t)
	testtool.Need(t, "Xvfb", "apt install xvfb")
	xdotool := testtool.Need(t, "xdotool", "apt install xdotool")
	display := startXvfb(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	home := t.TempDir()
	doc, err := filepath.Abs(sample)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, os.Args[0])
	// Not in the repository's folder: a build that is not a release reads ./FyneApp.toml at run
	// time (fyne.io/fyne/v2/app/meta_development.go), and a [Migrations] fyneDo = true there
	// would turn the checks off.
	cmd.Dir = home
	cmd.Env = append(os.Environ(), cliEnv+"="+doc, "DISPLAY="+display, "HOME="+home,
		"XDG_CONFIG_HOME="+home+"/.config", "LIBGL_ALWAYS_SOFTWARE=1", "ZIPING_FYNE_DIALOGS=1")
	var log lockedBuffer // written by exec's copying goroutine, read here
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	x := func(args ...string) {
		t.Helper()
		c := exec.CommandContext(ctx, xdotool, args...)
		c.Env = append(os.Environ(), "DISPLAY="+display)
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("xdotool %q: %v\n%s\nthe program's log:\n%s", args, err, out, log.String())
		}
	}
	x("search", "--sync", "--name", "绩效自评")
	time.Sleep(3 * time.Second) // the rows below the fold are built after the first frame; nothing to await from outside
	for range 3 {
		x("key", "ctrl+Next")
	}
	x("type", "--delay", "50", "12")
	x("key", "ctrl+shift+p")
	x("search", "--sync", "--name", "打印预览")
	time.Sleep(3 * time.Second) // the preview's first render, on its own goroutine
	x("key", "ctrl+w")
	time.Sleep(2 * time.Second)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil { // Fyne quits on it, as on closing the window
		t.Fatalf("the program ended early: %v\n%s", err, log.String())
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("the program did not end cleanly on SIGTERM: %v\n%s", err, log.String())
	}
	if strings.Contains(log.String(), fyneThreadError) {
		t.Errorf("Fyne logged a call from the wrong goroutine:\n%s", log.String())
	}
}

// startXvfb starts an X server on a free display for the test and returns the display's name.
func startXvfb(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1400x900x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(r).ReadString('\n') // written once the server accepts clients
	r.Close()
	if err != nil {
		t.Fatalf("Xvfb gave no display: %v", err)
	}
	return ":" + strings.TrimSpace(line)
}

// lockedBuffer is a bytes.Buffer safe for one writer and one reader at a time.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
