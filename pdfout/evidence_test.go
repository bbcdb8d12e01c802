package pdfout

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestEvidencePrinted: the 佐证材料清单 is printed after the forms, on pages of its own, only when
// the document lists evidence; 80 items take several pages.
func TestEvidencePrinted(t *testing.T) {
	doc := formstest.Sample(t)
	opts := Options{Created: time.Unix(1_700_000_000, 0)}
	var plain bytes.Buffer
	base, err := Render(&plain, doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	doc.Unit.BudgetEvidence = []forms.Evidence{{}} // a blank spare item prints nothing
	var blank bytes.Buffer
	if _, err := Render(&blank, doc, opts); err != nil || !bytes.Equal(blank.Bytes(), plain.Bytes()) {
		t.Fatalf("a blank item changed the PDF (%v)", err)
	}
	for i := range 80 {
		doc.Unit.BudgetEvidence = append(doc.Unit.BudgetEvidence, forms.Evidence{Name: fmt.Sprintf("第%d份付款凭证及其附件", i+1), Kind: "付款凭证", Pages: "3"})
	}
	var buf bytes.Buffer
	res, err := Render(&buf, doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	if extra := res.Pages - base.Pages; extra < 3 || extra > 6 {
		t.Fatalf("%d pages for 80 items", extra)
	}
	if len(res.Warnings) != 0 {
		t.Fatalf("warnings %v", res.Warnings)
	}
}
