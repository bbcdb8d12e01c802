package app

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Fyne 2.7.1 can hang after its main loop has ended: the loop queues the app's stop hook (Fyne's
// own, which saves the preferences) as a lifecycle event, the event goroutine hands it back to
// the main loop unless the loop has already marked its queue drained, and the loop, when it marks
// the queue drained a moment too late, has stopped reading it
// (fyne.io/fyne/v2/internal/driver/glfw/loop.go, runOnMainWithWait; driver.go, Run waits for the
// lifecycle events). The windows are gone, but the process stays: under load it happened to 1 of
// about 24 quits (tools/ime/smoke.sh found it, with the goroutines of the hung process), and a
// process left so would keep its documents' locks fresh. So once the program is quitting (its last
// document window closed, or SIGTERM or SIGINT, on which Fyne quits), it exits quitGrace later
// if it has not exited by itself, which takes milliseconds; everything of a document (saves,
// recovery copies, locks) is done before its window closes.
var (
	quitGrace   = 5 * time.Second
	exitProcess = os.Exit // the tests' TestMain makes it do nothing
	quitOnce    sync.Once
	signalOnce  sync.Once
)

// quitting arms the exit after quitGrace, with the exitProcess of that moment; later calls do
// nothing.
func quitting() {
	quitOnce.Do(func() {
		exit := exitProcess
		time.AfterFunc(quitGrace, func() { exit(0) })
	})
}

// quitOnSignal arms the exit when SIGTERM or SIGINT arrives (Fyne quits on them as well); once
// per process, however many windows it opens.
func quitOnSignal() {
	signalOnce.Do(func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
		go func() {
			<-c
			quitting()
		}()
	})
}
