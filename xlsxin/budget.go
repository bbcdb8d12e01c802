package xlsxin

import (
	"fmt"

	"ziping/forms"
)

// One budget bounds what an import materialises, whatever the file: every reader of a workbook
// (the package's relationships, workbook.xml, styles.xml, the shared strings, each sheet) and
// the CSV and tab-separated readers count what they make (bytes unpacked, XML elements, cells)
// against one budget per file, and stop at the first unit beyond it with a Chinese message
// naming what ran out. Each count is checked as it is made, so the work before a refusal is
// linear in the budget, not in what the file claims. The caps are above any self-evaluation
// (Ziping's export of formstest.Largest, the largest document forms allows, unpacks to 17 MB,
// 563,000 elements and 572,000 cells) and keep any input within about 2 s of processor time
// and 600 MB allocated in all, well within 10 s and 1 GB on a two-core machine
// (BenchmarkBudget in budget_test.go measures each probe, and the largest sheet let through).
var (
	// maxSheetRows is the most rows a sheet may have: the unit form's seven 一级 with
	// forms.MaxLevel2PerLevel 二级 of forms.MaxRowsPerLevel2 rows each, and room for the other
	// sections. A sheet beyond it is refused by the pre-check (precheck.go), before it is parsed.
	maxSheetRows = len(forms.NewUnitForm().Indicators)*forms.MaxLevel2PerLevel*forms.MaxRowsPerLevel2 + 3*forms.MaxListRows + 100
	// maxCells bounds the cells of all the sheets of a file together: the positions of the
	// grids (a row up to its last cell, a merged range's every position) and the fields of a
	// CSV file. It is forms.MaxTableCells, the budget of a pasted table, so that a table means
	// as much in a file as on the clipboard.
	maxCells = forms.MaxTableCells
)

const (
	// maxPartBytes is the most one part of a workbook (a sheet's XML, styles.xml, the shared
	// strings) may unpack to, and maxBookBytes the most all the parts read may unpack to
	// together: a "zip bomb" is refused once that much is unpacked.
	maxPartBytes = 64 << 20
	maxBookBytes = 96 << 20
	// maxElements bounds the XML elements of all the parts together: each costs the reader an
	// allocation or more, whatever its size (styles.xml of 25 million "<xf/>" is 126 MB, but
	// a 196 kB file).
	maxElements = 2_500_000
	// maxSheets bounds the sheets a workbook may list (a document has at most
	// forms.MaxProjects project forms, a unit form and the hidden "ziping" sheet).
	maxSheets = 2_000
	// maxStyles is Excel's own limit of cell formats in a workbook.
	maxStyles = 64_000
	// maxNotes bounds the notes an import gives; the rest are counted in one last note.
	maxNotes = 100
)

// budget is what is left of the budget of one file's import.
type budget struct {
	bytes, elements, cells int
}

func newBudget() *budget {
	return &budget{bytes: maxBookBytes, elements: maxElements, cells: maxCells}
}

// overError is a budget run out: what says which, in Chinese, and the error wraps
// forms.ErrLimit.
type overError struct{ what string }

func (e *overError) Error() string { return e.what + "，" + forms.ErrLimit.Error() }
func (e *overError) Unwrap() error { return forms.ErrLimit }

var (
	errBytes = &overError{fmt.Sprintf("各部分解压后共超过 %d MB", maxBookBytes>>20)}
	errElems = &overError{fmt.Sprintf("XML 元素超过 %d 万个", maxElements/10_000)}
	errCells = &overError{fmt.Sprintf("单元格超过 %d 万个", maxCells/10_000)}
)

// read takes n bytes unpacked from the budget.
func (b *budget) read(n int) error {
	if b.bytes -= n; b.bytes < 0 {
		return errBytes
	}
	return nil
}

// element takes one XML element from the budget.
func (b *budget) element() error {
	if b.elements--; b.elements < 0 {
		return errElems
	}
	return nil
}

// take takes n cells from the budget.
func (b *budget) take(n int) error {
	if b.cells -= n; b.cells < 0 {
		return errCells
	}
	return nil
}
