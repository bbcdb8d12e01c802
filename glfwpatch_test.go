package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"regexp"
	"testing"
)

// TestGLFWPatch checks that third_party/go-gl-glfw/ziping_patch.go names the SHA-256 of the patched
// x11_window.c. The go command does not hash C files included from a subfolder, so without that
// constant a change to the C code could be linked from a stale cache (third_party/go-gl-glfw/ZIPING-PATCH.md).
func TestGLFWPatch(t *testing.T) {
	src, err := os.ReadFile("third_party/go-gl-glfw/glfw/src/x11_window.c")
	if err != nil {
		t.Fatal(err)
	}
	goFile, err := os.ReadFile("third_party/go-gl-glfw/ziping_patch.go")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`zipingPatchX11Window = "sha256:([0-9a-f]{64})"`).FindSubmatch(goFile)
	if m == nil {
		t.Fatal("ziping_patch.go has no zipingPatchX11Window constant")
	}
	if got := fmt.Sprintf("%x", sha256.Sum256(src)); got != string(m[1]) {
		t.Errorf("x11_window.c has SHA-256 %s, ziping_patch.go says %s: update the constant", got, m[1])
	}
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^replace github.com/go-gl/glfw/v3.3/glfw => ./third_party/go-gl-glfw$`).Match(mod) {
		t.Error("go.mod does not replace go-gl/glfw with third_party/go-gl-glfw")
	}
}
