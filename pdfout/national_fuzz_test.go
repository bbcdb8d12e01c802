package pdfout_test

import (
	"bytes"
	"math/rand"
	"reflect"
	"testing"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/pdfout"
)

// TestNationalArbitraryDocuments: documents of FuzzRender's builder (hard texts, odd numbers,
// empty tables, invalid UTF-8) print in the national template; its joined cells warn as the
// editor's per-form check does, and the check of each form adds up to the whole document's.
func TestNationalArbitraryDocuments(t *testing.T) {
	r := rand.New(rand.NewSource(16))
	inputs := rfSeeds()
	for range 40 {
		b := make([]byte, 50+r.Intn(300))
		r.Read(b)
		inputs = append(inputs, b)
	}
	for i, ops := range inputs {
		doc := formstest.DocFromBytes(2021, ops, rfOptions)
		doc.Settings.SetTemplate(forms.TemplateNational)
		var buf bytes.Buffer
		res, err := pdfout.Render(&buf, doc, pdfout.Options{Created: rfCreated})
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		whole, err := pdfout.Unprintable(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(res.Warnings, whole) {
			t.Fatalf("input %d: Render warned %v, Unprintable %v", i, res.Warnings, whole)
		}
		ev := forms.Evaluate(doc)
		var per [][]forms.Problem
		for f := -1; f < len(doc.Projects); f++ {
			ps, err := pdfout.UnprintableIn(doc, ev, f)
			if err != nil {
				t.Fatal(err)
			}
			per = append(per, ps)
		}
		if got := pdfout.MergeUnprintable(per); !reflect.DeepEqual(got, whole) {
			t.Fatalf("input %d: per form %v, whole %v", i, got, whole)
		}
	}
}
