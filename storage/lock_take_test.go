package storage

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHugeLockIsNotRead: a lock file far larger than any this program writes (a sparse 64 MB
// one here) is read no further than maxLockBytes and is stale, even just written; reading it
// whole took 21 s and 3 GB of memory for 3 GB.
func TestHugeLockIsNotRead(t *testing.T) {
	p := lockDoc(t)
	f, err := os.Create(LockFile(p))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(64 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, ok := ReadHolder(p); ok {
		t.Error("a huge lock file counts as held")
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	l, err := AcquireLock(p, "me")
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("huge lock not taken over: %v", err)
	}
	defer l.Release()
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("taking the lock allocated %d bytes", got)
	}
	if !strings.Contains(l.Replaced(), "过大的文件（67108864 字节）") {
		t.Errorf("Replaced() = %q", l.Replaced())
	}
	if h, ok := ReadHolder(p); !ok || h.Instance != "me" {
		t.Errorf("holder %+v %v", h, ok)
	}
}

// TestFolderAsLock: an empty folder in the lock file's place is stale and replaced (it let a
// second window open the document silently); one holding files cannot be removed, which is
// said in Chinese (*BadLockError), and the folder is left as it was.
func TestFolderAsLock(t *testing.T) {
	p := lockDoc(t)
	if err := os.Mkdir(LockFile(p), 0o755); err != nil {
		t.Fatal(err)
	}
	a, err := AcquireLock(p, "a")
	if err != nil {
		t.Fatalf("empty folder as lock: %v", err)
	}
	if !strings.Contains(a.Replaced(), "原来是文件夹") {
		t.Errorf("Replaced() = %q", a.Replaced())
	}
	if _, err := AcquireLock(p, "b"); !errors.As(err, new(*LockedError)) {
		t.Fatalf("second window after the folder was replaced: %v", err)
	}
	a.Release()

	if err := os.MkdirAll(LockFile(p)+"/内容", 0o755); err != nil {
		t.Fatal(err)
	}
	_, err = AcquireLock(p, "c")
	var bad *BadLockError
	if !errors.As(err, &bad) || bad.Kind != "文件夹" {
		t.Fatalf("folder with files as lock: %v", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "“.~单位自评.zpb.lock”是文件夹，不是本程序写的锁文件，已视为失效，但无法替换（文件夹里有内容）") ||
		english.MatchString(strings.ReplaceAll(msg, ".zpb.lock", "")) {
		t.Errorf("message %q", msg)
	}
	if !fileExists(LockFile(p) + "/内容") {
		t.Error("the folder's content was removed")
	}
}

// TestLockTakeoverHasOneWinner: windows of one process finding the same stale lock at the
// same instant, many times over: exactly one takes it each time, the others are told it is
// held (two got it in about 3 of 100 tries before the take-over turn, takeOver).
func TestLockTakeoverHasOneWinner(t *testing.T) {
	dead := deadPID(t)
	for round := range 150 {
		p := lockDoc(t)
		writeLock(t, p, Holder{PID: dead, Host: hostName(), Instance: "crashed"}, time.Now())
		var wg sync.WaitGroup
		start := make(chan struct{})
		locks := make([]*Lock, 3)
		errs := make([]error, 3)
		for i := range locks {
			wg.Go(func() {
				<-start
				locks[i], errs[i] = AcquireLock(p, "w"+string(rune('a'+i)))
			})
		}
		close(start)
		wg.Wait()
		won := 0
		for i, l := range locks {
			if l != nil {
				won++
				defer l.Release()
			} else if !errors.As(errs[i], new(*LockedError)) {
				t.Fatalf("round %d: %v", round, errs[i])
			}
		}
		if won != 1 {
			t.Fatalf("round %d: %d windows took the stale lock", round, won)
		}
	}
}

// BenchmarkAcquireHugeLock: opening a document whose lock file is a sparse 3 GB file (read
// whole, twice, it took 21 s and 3.1 GB of memory).
func BenchmarkAcquireHugeLock(b *testing.B) {
	p := filepath.Join(b.TempDir(), "doc.zpb")
	b.ReportAllocs()
	for b.Loop() {
		if err := os.Truncate(LockFile(p), 3<<30); errors.Is(err, os.ErrNotExist) {
			f, err := os.Create(LockFile(p))
			if err != nil {
				b.Fatal(err)
			}
			err = f.Truncate(3 << 30)
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
		} else if err != nil {
			b.Fatal(err)
		}
		l, err := AcquireLock(p, "me")
		if err != nil {
			b.Fatal(err)
		}
		l.Release()
	}
}
