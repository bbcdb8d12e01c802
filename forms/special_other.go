//go:build !unix

package forms

// mayWrite is true where the read-only attribute (in the file's mode) is the whole answer.
func mayWrite(string) bool { return true }
