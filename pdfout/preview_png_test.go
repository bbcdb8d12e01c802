package pdfout

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"ziping/forms/formstest"
)

// TestPreviewPNG encodes preview pages as PNG; with ZIPING_PREVIEW_PNG set to a folder it
// keeps them there (sample page 1 and a project page), to be looked at beside pdftoppm's.
func TestPreviewPNG(t *testing.T) {
	pv, err := NewPreview(formstest.Sample(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("ZIPING_PREVIEW_PNG")
	for _, i := range []int{0, 1, 4} {
		img, err := pv.Page(i, 70/25.4)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		back, err := png.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil || back.Bounds() != img.Bounds() {
			t.Fatalf("page %d: PNG %v, %v", i+1, back.Bounds(), err)
		}
		if dir != "" {
			name := filepath.Join(dir, fmt.Sprintf("preview-%d.png", i+1))
			if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
