package app

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
)

// TestMain keeps the tests away from the user's real recovery copies: every test that does not
// choose its own folder (useRecoveryDir) uses an empty temporary one. Documents are opened
// without their locks except in the tests of locking (useLocks): the other tests open the shared
// sample in many windows and never close them.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "ziping-app-test-")
	if err != nil {
		panic(err)
	}
	recoveryDir = func() string { return filepath.Join(dir, "recovery") }
	takeLocks = false
	exitProcess = func(int) {}                       // a test closing its last window must not end the test binary (app/quit.go)
	useNativeDialogs = func() bool { return false }  // Fyne's dialogs, which the tests can drive
	openFile = func(a fyne.App, path string) error { // the test app's OpenURL does nothing
		return a.OpenURL(fileURL(path, runtime.GOOS))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
