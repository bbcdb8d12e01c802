package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"ziping/forms"
)

// A document being edited has a lock file beside it, ".~名称.zpb.lock", saying which program
// window holds it. It is made with an exclusive create, which works the same on Windows, on
// network drives and elsewhere (no system file locks, which network drives often ignore).
// The holder refreshes the file's modification time every LockRefreshEvery; a lock is stale
// when it has not been refreshed for LockStaleAfter, or when its holder ran on this computer
// and has ended.
const (
	LockRefreshEvery = time.Minute
	LockStaleAfter   = 5 * time.Minute
)

// LockFile is the name of the lock file of the document at path (lockName shortens it when
// the document's name is long).
func LockFile(path string) string {
	return filepath.Join(filepath.Dir(path), lockName(filepath.Base(path), ".lock"))
}

// Holder is what a lock file says about the window holding it.
type Holder struct {
	Program  string    `json:"program"`
	PID      int       `json:"pid"`
	Host     string    `json:"host"`
	User     string    `json:"user"`
	Instance string    `json:"instance"` // the window, as the recovery copies name it
	Opened   time.Time `json:"opened"`
	// Refreshed is the lock file's modification time (not stored in it).
	Refreshed time.Time `json:"-"`
	// notOurs says, in Chinese, what the lock file is when this program cannot have written
	// it (a folder, a symbolic link, a pipe, a huge file): such a lock is stale.
	notOurs string
}

// ThisWindow describes the window instance of this program, as its lock files and recovery
// copies record it.
func ThisWindow(instance string) Holder {
	return Holder{Program: forms.FileFormat, PID: os.Getpid(), Host: hostName(), User: userName(), Instance: instance, Opened: time.Now()}
}

// Ended reports whether h's program is known to have ended: it ran on this computer, in
// another process, which is gone. (A window of this process, or of another computer, cannot be
// judged from its pid.)
func (h Holder) Ended() bool {
	return h.Known() && h.Here() && h.PID != os.Getpid() && !processAlive(h.PID)
}

// Known reports whether the lock file could be read (it is empty while being written).
func (h Holder) Known() bool { return h.PID != 0 }

// Here reports whether the holder runs on this computer.
func (h Holder) Here() bool { return h.Host != "" && strings.EqualFold(h.Host, hostName()) }

// String says who holds the lock, in Chinese: "张三在电脑 PC-01 上（打开于 2026-11-25 09:30）".
func (h Holder) String() string {
	if !h.Known() {
		return "另一个窗口（锁文件正在写入或已损坏）"
	}
	who := h.User
	if who == "" {
		who = "另一位用户"
	}
	where := "在电脑“" + h.Host + "”上"
	if h.Here() {
		where = "在本机另一个绩效自评窗口中"
	}
	return fmt.Sprintf("%s%s（打开于 %s）", who, where, h.Opened.Local().Format("2006-01-02 15:04"))
}

// stale reports whether no running window holds the lock any more.
func (h Holder) stale(file string, now time.Time) bool {
	if h.notOurs != "" || now.Sub(h.Refreshed) > LockStaleAfter {
		return true
	}
	if !h.Known() || !h.Here() {
		return false // another computer's process cannot be seen from here: only age tells
	}
	if h.PID == os.Getpid() {
		return !heldHere(file, h.Instance) // a window of this program that no longer holds it
	}
	return !processAlive(h.PID)
}

// LockedError says that another running window holds the document's lock.
type LockedError struct {
	Path   string
	Holder Holder
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("“%s”正由%s编辑。", filepath.Base(e.Path), e.Holder)
}

// ErrLockLost is returned by Refresh when another window has taken the lock over (it found
// it stale, e.g. while this computer slept).
var ErrLockLost = errors.New("文档的锁已被另一个窗口接管")

// Lock is a document's lock held by one window of this program.
type Lock struct {
	path, file string
	me         Holder
	data       []byte

	replaced string // what the lock file was when it was not ours (Replaced)

	mu       sync.Mutex
	stop     chan struct{} // closed by Release and Abandon
	released bool
	lost     bool
}

// held are the locks this process holds, by lock file.
var held = struct {
	sync.Mutex
	m map[string]*Lock
}{m: map[string]*Lock{}}

func heldHere(file, instance string) bool {
	held.Lock()
	defer held.Unlock()
	l := held.m[file]
	return l != nil && l.me.Instance == instance
}

// AcquireLock takes the lock of the document at path for the window instance. A stale lock is
// replaced; a lock this window already holds is taken again. When another running window holds
// it, the error is a *LockedError; a lock file that is not ours (a folder, say) and cannot be
// replaced gives a *BadLockError; any other error means the lock file cannot be made (a
// read-only folder, say): the document may still be opened, its saves are still checked.
//
// Taking the lock is atomic: a new lock file is made by exclusive create, and a stale one is
// removed only by the window holding the take-over turn (takeOver), after it read the lock again.
// What remains: a holder judged stale by age (a computer that slept more than LockStaleAfter)
// that wakes and closes its window just between that reading and the removal removes the new
// holder's lock; and a take-over turn left by a killed program is removed after takeTurnStale
// by whichever window finds it, two at once possibly.
func AcquireLock(path, instance string) (*Lock, error) {
	acquiring.Lock()
	defer acquiring.Unlock()
	file := LockFile(path)
	me := ThisWindow(instance)
	data, _ := json.Marshal(me)
	replaced := ""
	for range 3 {
		err := createExclusive(file, data)
		if err == nil {
			return register(&Lock{path: path, file: file, me: me, data: data, replaced: replaced}), nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		h, raw, err := readLock(file)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // removed meanwhile
		case err != nil:
			return nil, err
		case h.Known() && h.Instance == instance && h.PID == me.PID && h.Here():
			me.Opened = h.Opened
			return register(&Lock{path: path, file: file, me: me, data: raw}), nil
		case !h.stale(file, time.Now()):
			return nil, &LockedError{Path: path, Holder: h}
		}
		removed, err := takeOver(path, h, raw)
		if err != nil {
			return nil, err
		}
		if removed {
			replaced = h.notOurs
		}
	}
	h, _, _ := readLock(file)
	return nil, &LockedError{Path: path, Holder: h}
}

func register(l *Lock) *Lock {
	l.stop = make(chan struct{})
	held.Lock()
	held.m[l.file] = l
	held.Unlock()
	return l
}

// ReadHolder says who holds the lock of the document at path; ok is false when nobody does
// (no lock file, or a stale one).
func ReadHolder(path string) (h Holder, ok bool) {
	file := LockFile(path)
	h, _, err := readLock(file)
	if err != nil || h.stale(file, time.Now()) {
		return Holder{}, false
	}
	return h, true
}

func createExclusive(file string, data []byte) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file)
	}
	return err
}

// userName is the user's login name from the environment: asking the system can mean asking
// a domain controller over the network on Windows (where USERNAME is always set), and os/user
// would bring cgo into this package. Empty when the environment does not say.
func userName() string {
	for _, v := range []string{"USERNAME", "USER", "LOGNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return ""
}

// Path is the document the lock is for.
func (l *Lock) Path() string { return l.path }

// Replaced says, in Chinese, what the lock file was when AcquireLock found one this program
// cannot have written (a folder, a symbolic link, a pipe, a huge file) and replaced it; "" when
// it made the lock file normally.
func (l *Lock) Replaced() string {
	if l.replaced == "" {
		return ""
	}
	return fmt.Sprintf("“%s”的锁文件“%s”原来是%s，不是本程序写的锁文件，已视为失效并换成本窗口的锁。",
		filepath.Base(l.path), filepath.Base(l.file), l.replaced)
}

// Lost reports whether another window has taken the lock over.
func (l *Lock) Lost() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lost
}

// Refresh tells other windows that the holder still runs, by setting the lock file's time. A
// lock file that has disappeared is made again; one another window has taken over is left to
// it (ErrLockLost).
func (l *Lock) Refresh() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.released || l.lost {
		return nil
	}
	h, _, err := readLock(l.file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err = createExclusive(l.file, l.data)
		if errors.Is(err, fs.ErrExist) {
			l.lost = true
			return ErrLockLost
		}
		return err
	case err != nil:
		return err
	case h.Instance != l.me.Instance || h.PID != l.me.PID || !h.Here():
		l.lost = true
		return ErrLockLost
	}
	now := time.Now()
	return os.Chtimes(l.file, now, now)
}

// KeepFresh refreshes the lock every interval until Release or Abandon.
func (l *Lock) KeepFresh(every time.Duration) {
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				_ = l.Refresh() // a failure is retried; saves are checked anyway
			case <-l.stop:
				return
			}
		}
	}()
}

// Release removes the lock file, unless another window has taken it over meanwhile.
func (l *Lock) Release() error {
	acquiring.Lock()
	defer acquiring.Unlock()
	if !l.forget() {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	h, _, err := readLock(l.file)
	if err != nil || h.Instance != l.me.Instance || h.PID != l.me.PID {
		return nil
	}
	if err := os.Remove(l.file); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Abandon stops refreshing the lock and forgets it, leaving its file, as a crash would: the
// next AcquireLock finds it stale. Tests use it to stand for a killed program.
func (l *Lock) Abandon() { l.forget() }

// forget stops the refresh and drops the lock from this process's locks; it reports whether
// the lock file is still this lock's (not taken again by a later AcquireLock of the window).
func (l *Lock) forget() bool {
	l.mu.Lock()
	if !l.released {
		l.released = true
		close(l.stop)
	}
	l.mu.Unlock()
	held.Lock()
	defer held.Unlock()
	if held.m[l.file] != l {
		return false
	}
	delete(held.m, l.file)
	return true
}
