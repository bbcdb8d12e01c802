package xlsxout

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ziping/forms"
	"ziping/forms/formstest"
)

// TestSameDocumentSameBytes: the workbook of a document, and its summary's, are the same bytes
// every time (excelize alone orders the parts differently from run to run), with the parts in
// name order.
func TestSameDocumentSameBytes(t *testing.T) {
	doc := formstest.Sample(t)
	summary := forms.NewSummary([]forms.SummaryInput{{Source: sample, Doc: doc}})
	for name, write := range map[string]func(*bytes.Buffer) error{
		"forms":   func(b *bytes.Buffer) error { _, err := Write(b, doc); return err },
		"summary": func(b *bytes.Buffer) error { _, err := WriteSummary(b, summary); return err },
	} {
		var first bytes.Buffer
		if err := write(&first); err != nil {
			t.Fatal(err)
		}
		for range 5 {
			var again bytes.Buffer
			if err := write(&again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), again.Bytes()) {
				t.Fatalf("%s: two workbooks of the same document differ", name)
			}
		}
		zr, err := zip.NewReader(bytes.NewReader(first.Bytes()), int64(first.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
		}
		if !slices.IsSorted(names) || !slices.Contains(names, "[Content_Types].xml") {
			t.Errorf("%s: parts %q", name, names)
		}
	}
}

// TestWorkbookParts: the first form is the workbook's first sheet part, shown and selected on
// opening; no blank "Sheet1" is left; each sheet has its header rows to repeat on every page
// (addPrintTitles) and lists its columns in ascending order, as Excel writes them.
func TestWorkbookParts(t *testing.T) {
	var buf bytes.Buffer
	res, err := Write(&buf, formstest.Sample(t))
	if err != nil {
		t.Fatal(err)
	}
	part := zipParts(t, buf.Bytes())
	book := part("xl/workbook.xml")
	if strings.Contains(book, `"Sheet1"`) || !strings.Contains(book, `<sheet name="单位整体绩效自评表" sheetId="1" r:id="rId1">`) {
		t.Errorf("workbook.xml: %.600s", book[strings.Index(book, "<sheets>"):])
	}
	if strings.Contains(book, "activeTab=") && !strings.Contains(book, `activeTab="0"`) {
		t.Errorf("another sheet than the first is active: %s", book)
	}
	printTitlesAre(t, buf.Bytes(), res.Sheets)
	cols := regexp.MustCompile(`<col min="(\d+)"`)
	for i := range res.Sheets {
		sheet := part(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
		if selected := strings.Contains(sheet, `tabSelected="true"`) || strings.Contains(sheet, `tabSelected="1"`); selected != (i == 0) {
			t.Errorf("sheet %d selected %v", i+1, selected)
		}
		var mins []int
		for _, m := range cols.FindAllStringSubmatch(sheet, -1) {
			n, _ := strconv.Atoi(m[1])
			mins = append(mins, n)
		}
		if len(mins) == 0 || !slices.IsSorted(mins) {
			t.Errorf("sheet %d lists its columns %v", i+1, mins)
		}
	}
}

// zipParts returns a reader of the parts of the package data by name.
func zipParts(t *testing.T, data []byte) func(name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return func(name string) string {
		rc, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
}

// printTitlesAre fails the test unless each of the workbook's sheets, and no other, repeats
// its header rows on every printed page: the unit form rows 28–30, a project form rows 16–17
// (the sample's).
func printTitlesAre(t *testing.T, workbook []byte, sheets []string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(workbook))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for i, s := range sheets {
		rows := "$16:$17"
		if i == 0 {
			rows = "$28:$30"
		}
		if want := "'" + s + "'!" + rows; titles[s] != want {
			t.Errorf("sheet %q repeats %q, want %q", s, titles[s], want)
		}
	}
	if len(titles) != len(sheets) {
		t.Errorf("print titles %q", titles)
	}
}
