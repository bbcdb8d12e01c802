package pdfout

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"ziping/forms/formstest"
)

// TestSampleSize: the sample's PDF stays under 100 KB, which needs the recompression
// and the single emboldened font; a change that undoes either fails here.
func TestSampleSize(t *testing.T) {
	pdf, _ := render(t, formstest.Sample(t))
	if len(pdf) > 100_000 {
		t.Fatalf("sample PDF is %d bytes, want ≤ 100000", len(pdf))
	}
}

// streams returns the decompressed content of every Flate stream of a PDF, in file order.
func streams(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	var out [][]byte
	re := regexp.MustCompile(`/Length (\d+)[^>]*>>\nstream\n`)
	for _, m := range re.FindAllSubmatchIndex(pdf, -1) {
		if !bytes.Contains(pdf[max(0, m[0]-200):m[1]], []byte("/FlateDecode")) {
			continue
		}
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		r, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
		if err != nil {
			t.Fatalf("stream at %d: %v", m[1], err)
		}
		raw, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("stream at %d: %v", m[1], err)
		}
		out = append(out, raw)
	}
	return out
}

// TestRecompressKeepsContent: every stream decompresses to the same bytes before and after, the
// cross-reference offsets point at their objects, and the file got smaller.
func TestRecompressKeepsContent(t *testing.T) {
	doc := formstest.Sample(t)
	m, err := fontMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := newPDF(doc, Options{Created: fixedTime})
	if err != nil {
		t.Fatal(err)
	}
	built := buildForms(doc, m)
	pages, err := layoutTables(built.tables, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		paint(pdf, p)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	in := buf.Bytes()
	out, err := recompress(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) >= len(in) {
		t.Errorf("recompressed %d bytes, was %d", len(out), len(in))
	}
	a, b := streams(t, in), streams(t, out)
	if len(a) != len(b) || len(a) < 10 {
		t.Fatalf("%d streams before, %d after", len(a), len(b))
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Errorf("stream %d changed", i)
		}
	}
	xref, err := xrefOffset(out)
	if err != nil {
		t.Fatal(err)
	}
	offsets, _, err := parseXref(out, xref)
	if err != nil {
		t.Fatal(err)
	}
	for n, off := range offsets[1:] {
		if want := strconv.Itoa(n+1) + " 0 obj\n"; !bytes.HasPrefix(out[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", n+1, out[off:off+10])
		}
	}
}

// TestRecompressRefusesOtherShapes: input that is not fpdf's simple shape is an error, never a
// damaged file.
func TestRecompressRefusesOtherShapes(t *testing.T) {
	pdf, _ := render(t, formstest.Sample(t))
	for name, in := range map[string][]byte{
		"empty":        nil,
		"no startxref": pdf[:len(pdf)-30],
		"bad xref":     bytes.Replace(pdf, []byte("\nxref\n0 "), []byte("\nxrefs\n0 "), 1),
		"bad length":   regexp.MustCompile(`/Length 1[0-9]{2,}`).ReplaceAll(pdf, []byte("/Length 9")),
	} {
		if _, err := recompress(in); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestDropDefaultWidths(t *testing.T) {
	obj := []byte("24 0 obj\n<</Type /Font\n/Subtype /CIDFontType2\n/DW 1000\n" +
		"/W [ 32 [ 256 308 1000 ]\n 60 62 580 100 200 1000 300 [ 550 316 1000 ] 8212 8212 1000 ]\n/CIDToGIDMap 28 0 R>>\nendobj\n")
	got, err := dropDefaultWidths(obj)
	if err != nil {
		t.Fatal(err)
	}
	want := "/W [ 32 [256 308 1000]\n60 62 580\n300 [550 316 1000] ]\n/CIDToGIDMap"
	if !strings.Contains(string(got), want) {
		t.Fatalf("got\n%s\nwant …%s…", got, want)
	}
	if _, err := dropDefaultWidths([]byte("/Subtype /CIDFontType2 /DW 1000 /W [ 32 [ 256 ]\n/X")); err == nil {
		t.Error("unterminated list accepted")
	}
}
