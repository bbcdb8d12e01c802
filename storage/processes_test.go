package storage

import "testing"

// acrossProcesses skips t under `go test -short` (make quick, make race): it starts this test
// binary again as other processes, tens or hundreds of times, which takes seconds, and minutes
// under -race, whose detector sees no other process anyway. make test and make crash-test run it.
func acrossProcesses(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts the test binary as other processes: runs without -short, as make test does")
	}
}
