//go:build unix

package storage

import (
	"errors"
	"os"
	"syscall"
)

// lockFolder makes the saves into dir take turns, across processes of this program on this
// computer: it takes an exclusive flock on the folder itself (a file beside the document would
// be left in the user's folder). The system drops the lock when the process ends, so a killed
// save never blocks the next one. It returns the function that gives the lock up. Where the
// system refuses the lock (some network and FUSE file systems), saves go on without it, checked
// as before.
func lockFolder(dir string) (unlock func()) {
	d, err := os.Open(dir)
	if err != nil {
		return func() {}
	}
	fd := int(d.Fd())
	for {
		err = syscall.Flock(fd, syscall.LOCK_EX)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		d.Close()
		return func() {}
	}
	return func() {
		_ = syscall.Flock(fd, syscall.LOCK_UN)
		d.Close()
	}
}
