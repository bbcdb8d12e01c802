//go:build !unix

package storage

// lockFolder does nothing where the system gives no lock on a folder (Windows: LockFileEx needs
// a file, and a file left beside each document for it would clutter the user's folder). Saves
// are still checked against what the window read (SaveBytes), but two saves of one file within
// the same few milliseconds can both pass that check; see docs/DEVELOPING.md §5.
func lockFolder(string) (unlock func()) { return func() {} }
