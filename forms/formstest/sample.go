package formstest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"ziping/forms"
)

// SamplePath is samples/fushun-shebao-2021.zpb, the published self-evaluation typed in (unit
// total 97), found from this file's place in the repository: the same file for the tests of
// every package, at any depth (a test runs in its package's folder).
var SamplePath = samplePath()

func samplePath() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("formstest: no source path for the sample")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "samples", "fushun-shebao-2021"+forms.FileExt)
}

// Sample loads a fresh copy of the sample document; tb fails when it cannot. Every package's
// tests but forms' own (which formstest imports) load it through here.
func Sample(tb testing.TB) *forms.Document {
	tb.Helper()
	// Read as bytes: storage's own tests use this package, which therefore cannot use storage.Load.
	data, err := os.ReadFile(SamplePath)
	if err != nil {
		tb.Fatalf("the sample %s: %v", SamplePath, err)
	}
	doc, err := forms.Unmarshal(data)
	if err != nil {
		tb.Fatalf("the sample %s: %v", SamplePath, err)
	}
	return doc
}
