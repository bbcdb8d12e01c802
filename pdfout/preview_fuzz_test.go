package pdfout_test

import (
	"bytes"
	"testing"

	"ziping/forms/formstest"
	"ziping/pdfout"
)

// FuzzPreview builds documents as FuzzRender does and lays them out for the print preview: it
// must never fail or panic, must have the page count of the PDF, and draw every page.
func FuzzPreview(f *testing.F) {
	for i, s := range rfSeeds() {
		f.Add(2021+i, s)
	}
	f.Fuzz(func(t *testing.T, year int, ops []byte) {
		doc := formstest.DocFromBytes(year, ops, rfOptions)
		pv, err := pdfout.NewPreview(doc)
		if err != nil {
			t.Fatalf("NewPreview failed: %v", err)
		}
		res, err := pdfout.Render(&bytes.Buffer{}, doc, pdfout.Options{Created: rfCreated})
		if err != nil {
			t.Fatalf("Render failed: %v", err)
		}
		if pv.Pages() != res.Pages || len(pv.Warnings) != len(res.Warnings) {
			t.Fatalf("preview: %d pages, %d warnings; PDF: %d pages, %d warnings", pv.Pages(), len(pv.Warnings), res.Pages, len(res.Warnings))
		}
		for i := range pv.Pages() {
			img, err := pv.Page(i, 1)
			if err != nil || img.Bounds().Dx() != 210 {
				t.Fatalf("page %d: %v", i+1, err)
			}
		}
	})
}
