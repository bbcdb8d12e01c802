//go:build unix

package storage

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFileAsLock: a dangling symbolic link (every open said "being edited", for ever)
// and a named pipe (reading it waited for ever) in the lock file's place are stale: the lock is
// taken at once, and Replaced says what was there.
func TestSpecialFileAsLock(t *testing.T) {
	for kind, mk := range map[string]func(string) error{
		"符号链接": func(f string) error { return os.Symlink("不存在的文件", f) },
		"命名管道": func(f string) error { return syscall.Mkfifo(f, 0o644) },
	} {
		t.Run(kind, func(t *testing.T) {
			p := lockDoc(t)
			if err := mk(LockFile(p)); err != nil {
				t.Fatal(err)
			}
			if _, ok := ReadHolder(p); ok {
				t.Error("counts as held")
			}
			type result struct {
				l   *Lock
				err error
			}
			done := make(chan result, 1)
			go func() { l, err := AcquireLock(p, "me"); done <- result{l, err} }()
			var r result
			select {
			case r = <-done:
			case <-time.After(time.Minute): // a hang guard only: the mode is checked before any open
				t.Fatal("AcquireLock is still waiting on the lock file")
			}
			if r.err != nil {
				t.Fatal(r.err)
			}
			defer r.l.Release()
			if !strings.Contains(r.l.Replaced(), "原来是"+kind) {
				t.Errorf("Replaced() = %q", r.l.Replaced())
			}
			if fi, err := os.Lstat(LockFile(p)); err != nil || !fi.Mode().IsRegular() {
				t.Errorf("lock file now %v %v", fi, err)
			}
		})
	}
}

// TestLockTakeoverAcrossProcesses: three processes finding the same stale lock at once, 60
// times over: exactly one takes it each time (each stays running until all have answered, so a
// winner's lock never turns stale by its end).
func TestLockTakeoverAcrossProcesses(t *testing.T) {
	acrossProcesses(t)
	dead := deadPID(t)
	for round := range 60 {
		p := lockDoc(t)
		writeLock(t, p, Holder{PID: dead, Host: hostName(), Instance: "crashed"}, time.Now())
		var children []*exec.Cmd
		var outs []*bufio.Reader
		var ins []io.WriteCloser
		for range 3 {
			cmd := exec.Command(os.Args[0], "-test.run=^TestLockTakeoverChild$")
			cmd.Env = append(os.Environ(), "ZIPING_TAKEOVER_DOC="+p)
			in, _ := cmd.StdinPipe()
			out, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			r := bufio.NewReader(out)
			if line, _ := r.ReadString('\n'); line != "ready\n" {
				t.Fatalf("child says %q", line)
			}
			children, outs, ins = append(children, cmd), append(outs, r), append(ins, in)
		}
		for _, in := range ins {
			io.WriteString(in, "go\n")
		}
		won := 0
		for _, r := range outs {
			line, _ := r.ReadString('\n')
			switch line {
			case "won\n":
				won++
			case "held\n":
			default:
				t.Fatalf("round %d: child says %q", round, line)
			}
		}
		for i, in := range ins {
			in.Close()
			children[i].Wait()
		}
		if won != 1 {
			t.Fatalf("round %d: %d processes took the stale lock", round, won)
		}
	}
}

// TestLockTakeoverChild is one process of TestLockTakeoverAcrossProcesses: it says "ready",
// takes the lock when told, says "won" or "held", and keeps it until its input closes.
func TestLockTakeoverChild(t *testing.T) {
	p := os.Getenv("ZIPING_TAKEOVER_DOC")
	if p == "" {
		return // run by the parent test only
	}
	os.Stdout.WriteString("ready\n")
	in := bufio.NewReader(os.Stdin)
	in.ReadString('\n')
	l, err := AcquireLock(p, "child")
	switch {
	case err == nil:
		os.Stdout.WriteString("won\n")
	case errors.As(err, new(*LockedError)):
		os.Stdout.WriteString("held\n")
	default:
		os.Stdout.WriteString(err.Error() + "\n")
	}
	in.ReadString('\n')
	if l != nil {
		l.Release()
	}
}
