package assets

import (
	"bytes"
	"image/png"
	"io"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-text/typesetting/font"
)

// The fonts are checked with the two parsers that actually read them: Fyne's
// (github.com/go-text/typesetting/font) and fpdf's. golang.org/x/image/font/sfnt
// is not used because it imports golang.org/x/text, which go.sum does not list.

// requiredRunes must have a glyph in every embedded font: rare name
// characters that GB2312 lacks, the placeholder □, comparison and math signs,
// Chinese punctuation, ASCII letters and digits, and full-width digits.
const requiredRunes = "镕喆堃□√≤≥＝＜＞——（），。%" +
	"0123456789" +
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" +
	"０１２３４５６７８９"

func TestFonts(t *testing.T) {
	fonts := []struct {
		name string
		data []byte
	}{
		{"SerifRegular", SerifRegular},
		{"SansRegular", SansRegular},
		{"SansBold", SansBold},
	}
	for _, f := range fonts {
		t.Run(f.name, func(t *testing.T) {
			if len(f.data) == 0 {
				t.Fatal("empty")
			}
			if !bytes.HasPrefix(f.data, []byte{0x00, 0x01, 0x00, 0x00}) {
				t.Fatalf("magic % x, want 00 01 00 00 (TrueType glyf)", f.data[:min(4, len(f.data))])
			}
			face, err := font.ParseTTF(bytes.NewReader(f.data))
			if err != nil {
				t.Fatalf("font.ParseTTF: %v", err)
			}
			for _, r := range requiredRunes {
				if gid, ok := face.NominalGlyph(r); !ok || gid == 0 {
					t.Errorf("no glyph for %q (U+%04X)", r, r)
				}
			}

			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("f", "", f.data)
			pdf.AddPage()
			pdf.SetFont("f", "", 12)
			pdf.Cell(0, 10, requiredRunes)
			if err := pdf.Output(io.Discard); err != nil {
				t.Errorf("fpdf: %v", err)
			}
		})
	}
}

func TestIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("png.Decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("icon is %dx%d, want 512x512", b.Dx(), b.Dy())
	}
}

func TestFontLicense(t *testing.T) {
	s := string(FontLicense)
	for _, want := range []string{
		"SIL OPEN FONT LICENSE Version 1.1",
		"Copyright 2012 Google Inc.",                // Noto Serif SC
		"with Reserved Font Name 'Source'",          // Noto Sans SC
		"==== Noto Sans SC (SansRegular, SansBold)", // both files present
	} {
		if !strings.Contains(s, want) {
			t.Errorf("FontLicense lacks %q", want)
		}
	}
}
