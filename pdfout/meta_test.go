package pdfout_test

import (
	"bytes"
	"testing"

	"ziping/forms"
	"ziping/pdfout"
)

// utf16 is s in UTF-16BE, as fpdf writes the document properties.
func utf16(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

// TestMetadataHidesBidiControls: a bidi override in the unit's name does not reach the PDF's
// Title and Author (a reader's properties would show "抚顺exe.pdf"), it is printed as □ there.
func TestMetadataHidesBidiControls(t *testing.T) {
	d := forms.NewDocument(2021)
	d.Unit.Name = "抚顺\u202Efdp.exe"
	d.Settings.UnitShortName = "抚顺\u2067x\u2069\u200F"
	var buf bytes.Buffer
	if _, err := pdfout.Render(&buf, d, pdfout.Options{Created: rfCreated}); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	for _, r := range []string{"\u202E", "\u2067", "\u2069", "\u200F"} {
		if bytes.Contains(pdf, utf16(r+"f")) || bytes.Contains(pdf, utf16(r+"x")) || bytes.Contains(pdf, utf16("x"+r)) ||
			bytes.Contains(pdf, utf16(r+"整")) {
			t.Errorf("the PDF's properties hold %U", []rune(r)[0])
		}
	}
	if !bytes.Contains(pdf, utf16("抚顺□fdp.exe")) || !bytes.Contains(pdf, utf16("抚顺□x□□")) {
		t.Error("the properties do not show the controls as □")
	}
}
