package app

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestLastWindowArmsExit: closing the last document window arms the exit that ends a process
// Fyne leaves hanging after its loop (app/quit.go), once, quitGrace later.
func TestLastWindowArmsExit(t *testing.T) {
	exited := make(chan int, 2)
	oldExit, oldGrace := exitProcess, quitGrace
	exitProcess, quitGrace, quitOnce = func(code int) { exited <- code }, 10*time.Millisecond, sync.Once{}
	defer func() { exitProcess, quitGrace = oldExit, oldGrace }()
	a := test.NewTempApp(t)
	w := Launch(a, "", Options{})
	select {
	case <-exited:
		t.Fatal("exit armed while a document window is open")
	case <-time.After(50 * time.Millisecond): // longer than quitGrace: nothing may happen
	}
	w.closeNow()
	w.files().queue.wait()
	select {
	case code := <-exited:
		if code != 0 {
			t.Errorf("exit code %d", code)
		}
	case <-time.After(time.Minute):
		t.Fatal("closing the last window armed no exit")
	}
}
