package xlsxin

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"
)

// The hostile workbooks of the budget's tests (budget_test.go) are written part by part here,
// as a program other than a spreadsheet would write them, so that each breaks one thing only.

// book is a workbook's parts by name; pack adds what a package needs and is not given.
type hostile map[string][]byte

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relNS  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// pack writes the parts as an .xlsx package, with one sheet "Sheet1" (xl/worksheets/sheet1.xml)
// unless the workbook and its relationships are given, and styles and shared strings related
// when given.
func (h hostile) pack(t testing.TB) []byte {
	t.Helper()
	parts := map[string][]byte{
		"[Content_Types].xml": []byte(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
		"_rels/.rels": []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relNS + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		"xl/workbook.xml": []byte(`<workbook ` + nsMain + `><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
	}
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relNS + `/worksheet" Target="worksheets/sheet1.xml"/>`
	if h["xl/styles.xml"] != nil {
		rels += `<Relationship Id="rId2" Type="` + relNS + `/styles" Target="styles.xml"/>`
	}
	if h["xl/sharedStrings.xml"] != nil {
		rels += `<Relationship Id="rId3" Type="` + relNS + `/sharedStrings" Target="sharedStrings.xml"/>`
	}
	parts["xl/_rels/workbook.xml.rels"] = []byte(rels + `</Relationships>`)
	for name, data := range h {
		parts[name] = data
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// worksheet is a sheet's XML around its rows (and merged ranges, given as elements).
func worksheet(rows, merges string) []byte {
	if merges != "" {
		merges = "<mergeCells>" + merges + "</mergeCells>"
	}
	return []byte(`<worksheet ` + nsMain + `><sheetData>` + rows + `</sheetData>` + merges + `</worksheet>`)
}

// xrow is row r (1-based) of texts from column A on, as inline strings.
func xrow(r int, texts ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, r)
	for c, s := range texts {
		fmt.Fprintf(&b, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, colName(c), r, s)
	}
	return b.String() + "</row>"
}

// table is a plain indicator table's rows: a header and n rows of 三级指标, 分值.
func table(n int) string {
	s := xrow(1, "三级指标", "分值")
	for r := 2; r <= n+1; r++ {
		s += fmt.Sprintf(`<row r="%d"><c r="A%d" t="inlineStr"><is><t>指标%d</t></is></c><c r="B%d"><v>5</v></c></row>`, r, r, r, r)
	}
	return s
}

// withPart is data (a package) with one more part, written as compressed as given: raw is a
// deflate stream unpacking to size bytes whose CRC-32 is crc.
func withPart(t testing.TB, data []byte, name string, raw []byte, size uint64, crc uint32) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == name {
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(raw)), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// deflatedSpaces is a deflate stream of mb megabytes of spaces after head, made in
// milliseconds: one megabyte compressed against a window of spaces is repeated (its blocks refer
// only to the 32 kB before them, spaces wherever it stands), then an empty last block.
func deflatedSpaces(t testing.TB, head []byte, mb int) (raw []byte, size uint64, crc uint32) {
	t.Helper()
	mega := bytes.Repeat([]byte(" "), 1<<20)
	var first, chunk bytes.Buffer
	fw, _ := flate.NewWriter(&first, flate.BestCompression)
	fw.Write(append(append([]byte{}, head...), mega[:32<<10]...))
	fw.Flush()
	cw, _ := flate.NewWriterDict(&chunk, flate.BestCompression, mega[:32<<10])
	cw.Write(mega)
	cw.Flush()
	var end bytes.Buffer
	ew, _ := flate.NewWriter(&end, flate.BestCompression)
	ew.Close()
	raw = append(raw, first.Bytes()...)
	h := crc32.NewIEEE()
	h.Write(head)
	h.Write(mega[:32<<10])
	for range mb {
		raw = append(raw, chunk.Bytes()...)
		h.Write(mega)
	}
	raw = append(raw, end.Bytes()...)
	return raw, uint64(len(head)+32<<10) + uint64(mb)<<20, h.Sum32()
}
