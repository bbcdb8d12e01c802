//go:build !unix

package storage

// openNoBlock is 0 where open never waits for a writer (Windows): Load refuses a pipe from its
// mode before opening it.
const openNoBlock = 0
