package storage

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func lockDoc(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "单位自评.zpb")
	write(t, p, nil)
	return p
}

// TestLockOneHolder: a second window is told who holds the document; after the holder lets go
// the second one gets it.
func TestLockOneHolder(t *testing.T) {
	p := lockDoc(t)
	a, err := AcquireLock(p, "window-a")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := filepath.Base(LockFile(p)), ".~单位自评.zpb.lock"; got != want {
		t.Errorf("lock file %q, want %q", got, want)
	}
	var h Holder
	data, _ := os.ReadFile(LockFile(p))
	if err := json.Unmarshal(data, &h); err != nil || h.PID != os.Getpid() || h.Instance != "window-a" || h.Host != hostName() || h.Opened.IsZero() {
		t.Fatalf("lock file says %s", data)
	}
	_, err = AcquireLock(p, "window-b")
	var le *LockedError
	if !errors.As(err, &le) || le.Holder.Instance != "window-a" || !le.Holder.Here() {
		t.Fatalf("second window: %v", err)
	}
	if !strings.Contains(err.Error(), "“单位自评.zpb”正由") || !strings.Contains(err.Error(), "本机另一个绩效自评窗口") {
		t.Errorf("message %q", err)
	}
	if h, ok := ReadHolder(p); !ok || h.Instance != "window-a" {
		t.Errorf("ReadHolder %+v %v", h, ok)
	}
	if err := a.Release(); err != nil || fileExists(LockFile(p)) {
		t.Fatalf("release: %v, file left %v", err, fileExists(LockFile(p)))
	}
	b, err := AcquireLock(p, "window-b")
	if err != nil {
		t.Fatal(err)
	}
	b.Release()
}

// TestLockTakenAgainBySameWindow: reopening the document in the window that holds it keeps
// the lock; releasing the earlier handle then leaves the file to the later one.
func TestLockTakenAgainBySameWindow(t *testing.T) {
	p := lockDoc(t)
	first, err := AcquireLock(p, "w")
	if err != nil {
		t.Fatal(err)
	}
	second, err := AcquireLock(p, "w")
	if err != nil {
		t.Fatal(err)
	}
	first.Release()
	if !fileExists(LockFile(p)) {
		t.Fatal("releasing the earlier handle removed the lock")
	}
	second.Release()
	if fileExists(LockFile(p)) {
		t.Fatal("lock left")
	}
}

// writeLock writes a lock file for h, last refreshed at refreshed.
func writeLock(t *testing.T, p string, h Holder, refreshed time.Time) {
	t.Helper()
	data, _ := json.Marshal(h)
	if h.PID == 0 {
		data = nil // being written
	}
	write(t, LockFile(p), data)
	os.Chtimes(LockFile(p), refreshed, refreshed)
}

// TestStaleLocks: a lock whose holder has ended on this computer, or that nobody refreshed for
// LockStaleAfter, is taken over; a live or recently refreshed one is not.
func TestStaleLocks(t *testing.T) {
	now, old := time.Now(), time.Now().Add(-LockStaleAfter-time.Minute)
	here := hostName()
	dead := deadPID(t)
	tests := map[string]struct {
		h         Holder
		refreshed time.Time
		stale     bool
	}{
		"ended here":             {Holder{PID: dead, Host: here, Instance: "x"}, now, true},
		"running here":           {Holder{PID: os.Getppid(), Host: here, Instance: "x"}, now, false},
		"window of this process": {Holder{PID: os.Getpid(), Host: here, Instance: "gone"}, now, true},
		"other computer":         {Holder{PID: dead, Host: "别的电脑", User: "李四", Instance: "x"}, now, false},
		"other computer, old":    {Holder{PID: 1, Host: "别的电脑", Instance: "x"}, old, true},
		"running here, old":      {Holder{PID: os.Getppid(), Host: here, Instance: "x"}, old, true},
		"being written":          {Holder{}, now, false},
		"empty and old":          {Holder{}, old, true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p := lockDoc(t)
			tc.h.Opened = now
			writeLock(t, p, tc.h, tc.refreshed)
			l, err := AcquireLock(p, "me")
			if tc.stale {
				if err != nil {
					t.Fatalf("stale lock not taken over: %v", err)
				}
				l.Release()
				return
			}
			var le *LockedError
			if !errors.As(err, &le) {
				t.Fatalf("live lock taken over (err %v)", err)
			}
			if name == "other computer" && !strings.Contains(err.Error(), "李四在电脑“别的电脑”上") {
				t.Errorf("message %q", err)
			}
		})
	}
}

// TestAbandonedLockIsStale: a window that crashed (Abandon) leaves its lock file, which the next
// window of the same process takes over.
func TestAbandonedLockIsStale(t *testing.T) {
	p := lockDoc(t)
	a, _ := AcquireLock(p, "a")
	a.Abandon()
	if !fileExists(LockFile(p)) {
		t.Fatal("Abandon removed the file")
	}
	b, err := AcquireLock(p, "b")
	if err != nil {
		t.Fatal(err)
	}
	a.Release() // too late: the lock is b's
	if h, ok := ReadHolder(p); !ok || h.Instance != "b" {
		t.Fatalf("holder %+v", h)
	}
	b.Release()
}

// TestLockRefresh: refreshing moves the lock's time; a lock file that vanished is made again;
// one another window took over is left to it.
func TestLockRefresh(t *testing.T) {
	p := lockDoc(t)
	l, err := AcquireLock(p, "me")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	old := time.Now().Add(-time.Hour)
	os.Chtimes(LockFile(p), old, old)
	if err := l.Refresh(); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(LockFile(p)); time.Since(fi.ModTime()) > time.Minute {
		t.Errorf("lock time %v not refreshed", fi.ModTime())
	}
	os.Remove(LockFile(p))
	if err := l.Refresh(); err != nil || !fileExists(LockFile(p)) {
		t.Fatalf("vanished lock not made again: %v", err)
	}
	writeLock(t, p, Holder{PID: 42, Host: "别的电脑", Instance: "other"}, time.Now())
	if err := l.Refresh(); !errors.Is(err, ErrLockLost) || !l.Lost() {
		t.Fatalf("taken-over lock: %v", err)
	}
	l.Release()
	if h, ok := ReadHolder(p); !ok || h.Instance != "other" {
		t.Error("Release removed another window's lock")
	}
}

// TestKeepFresh: the lock's time is refreshed while it is held.
func TestKeepFresh(t *testing.T) {
	p := lockDoc(t)
	l, err := AcquireLock(p, "me")
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(LockFile(p), old, old)
	l.KeepFresh(5 * time.Millisecond)
	deadline := time.Now().Add(10 * time.Second)
	for {
		fi, err := os.Stat(LockFile(p))
		if err == nil && fi.ModTime().After(old.Add(time.Minute)) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("lock not refreshed within 10 s")
		}
		time.Sleep(time.Millisecond) // waits for the refresher's goroutine, which has no signal
	}
	l.Release()
	if fileExists(LockFile(p)) {
		t.Error("lock left after Release")
	}
}
