package app

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// AutosaveEvery is how often a document with unsaved changes is copied for recovery; it is also
// copied when the program loses the focus.
const AutosaveEvery = 10 * time.Second

// fileQueue runs a window's file work off the UI goroutine, one task at a time and in the order
// given: a recovery copy written before the user chose 不保存 is removed after it, never the
// other way round, and closing the window waits for a save still running. A task reports back
// to the UI goroutine with fyne.DoAndWait, so wait also covers what the task shows.
type fileQueue struct {
	mu      sync.Mutex
	tasks   []func()
	running bool
	pending sync.WaitGroup
}

// do queues f; it never blocks.
func (q *fileQueue) do(f func()) {
	q.pending.Add(1)
	q.mu.Lock()
	defer q.mu.Unlock()
	q.tasks = append(q.tasks, f)
	if !q.running {
		q.running = true
		go q.run()
	}
}

func (q *fileQueue) run() {
	for {
		q.mu.Lock()
		if len(q.tasks) == 0 {
			q.running = false
			q.mu.Unlock()
			return
		}
		f := q.tasks[0]
		q.tasks = q.tasks[1:]
		q.mu.Unlock()
		f()
		q.pending.Done()
	}
}

// wait returns when every queued task has finished (tests; never on the UI goroutine).
func (q *fileQueue) wait() { q.pending.Wait() }

// startAutosave copies the document for recovery every AutosaveEvery and whenever the program
// loses the focus, while there are unsaved changes. Fyne reports the focus for the whole
// program, so the handler copies every window of the program that has changes.
func (w *Window) startAutosave() {
	a := w.App
	a.Lifecycle().SetOnExitedForeground(func() {
		for _, o := range liveWindows(a) {
			o.autosave()
		}
	})
	stop := make(chan struct{})
	w.files().stopAutosave = stop
	go func() {
		t := time.NewTicker(AutosaveEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fyne.Do(w.autosave)
			case <-stop:
				return
			}
		}
	}()
}

// stopAutosave ends the periodic copies (the window is closing).
func (w *Window) stopAutosave() {
	ui := w.files()
	if ui.stopAutosave != nil {
		close(ui.stopAutosave)
		ui.stopAutosave = nil
	}
}

// live are the windows of this process that have not been closed, by instance id: a recovery
// copy made by one of them is not an orphan, and focus loss copies each of them.
var live = struct {
	sync.Mutex
	m map[string]*Window
}{m: map[string]*Window{}}

func register(w *Window) {
	live.Lock()
	live.m[w.fileState.instance] = w
	live.Unlock()
}

func unregister(w *Window) {
	live.Lock()
	delete(live.m, w.fileState.instance)
	live.Unlock()
}

func liveInstance(id string) bool {
	live.Lock()
	defer live.Unlock()
	return live.m[id] != nil
}

func liveWindows(a fyne.App) []*Window {
	live.Lock()
	defer live.Unlock()
	var out []*Window
	for _, w := range live.m {
		if w.App == a {
			out = append(out, w)
		}
	}
	return out
}

// newInstanceID names a window in its lock files and recovery copies.
func newInstanceID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}
