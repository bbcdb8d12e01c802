package xlsxout

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"ziping/forms"
	"ziping/forms/formstest"
	"ziping/tables"
)

// addEmptyTrees appends the projects whose indicator tables hold no 三级 row, as a file may:
// no table at all, 一级 and 二级 without rows (a new project's skeleton), and 一级 without 二级.
func addEmptyTrees(doc *forms.Document) {
	doc.AddProject().Indicators = nil
	doc.AddProject()
	for _, l1 := range doc.AddProject().Indicators {
		l1.Children = nil
	}
}

// reload saves and loads doc as a file, so that a test sees what storage.Load gives.
func reload(t *testing.T, doc *forms.Document) *forms.Document {
	t.Helper()
	data, err := forms.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	out, err := forms.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEmptyIndicatorTrees: a unit form and projects without indicator rows export, with C and
// the totals the sums forms gives (0 for C) and no formula naming a cell that is not there.
func TestEmptyIndicatorTrees(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Unit.Indicators = nil
	doc.Projects[1].Indicators = nil // after a project with rows: its keys must not carry over
	addEmptyTrees(doc)
	doc = reload(t, doc)
	if len(doc.Unit.Indicators) != 0 || len(doc.Projects) != 7 {
		t.Fatalf("the file did not keep the empty tables: %d projects", len(doc.Projects))
	}
	w := write(t, doc)
	w.checkTotals(t)
	if n := w.checkFormulas(t); n < 40 {
		t.Errorf("only %d formulas", n)
	}
	// Without rows nothing is scored, so the totals are blank (forms.UnitResult.Complete).
	for _, c := range []struct {
		sheet int
		key   string
	}{{0, "total"}, {2, tables.KeyC}, {5, tables.KeyC}, {6, tables.KeyC}, {7, tables.KeyC}} {
		w.checkBlank(t, c.sheet, c.key)
	}
	w.checkBlank(t, 2, "total")
	if _, v, _ := w.cellAt(t, 2, tables.KeyD); v != forms.FormatScore(w.ev.Projects[1].D) {
		t.Errorf("project 2 D %q, want %s", v, w.ev.Projects[1].D)
	}
}

// TestResolveRefusesUnresolved: a formula naming no cell, or a cell not laid out, is an error.
func TestResolveRefusesUnresolved(t *testing.T) {
	refs := map[string]string{"a": "B2"}
	if got, err := resolve("SUM({a}:{a})", refs); err != nil || got != "SUM(B2:B2)" {
		t.Errorf("resolve = %q, %v", got, err)
	}
	for _, f := range []tables.Formula{"SUM({}:{})", "{b}+1", "{a}+{", "1}"} {
		if got, err := resolve(f, refs); err == nil {
			t.Errorf("resolve(%q) = %q, want an error", f, got)
		}
	}
}

// TestWriteRefusesBrokenFormula: Write reports a formula it cannot resolve rather than writing it.
func TestWriteRefusesBrokenFormula(t *testing.T) {
	doc := formstest.Sample(t)
	wb := newWorkbook(doc, forms.Evaluate(doc))
	spec := wb.c.sheetOf(tables.Form(wb.doc, wb.ev, -1), "x")
	spec.bands[0].rows[0].cells[0] = cell{kind: kindFormula, formula: "SUM({}:{})", num: decimal.Zero, numFmt: "0", role: roleCentre}
	err := wb.addSheet(spec)
	if err == nil || !strings.Contains(err.Error(), "不存在的单元格") {
		t.Errorf("addSheet: %v", err)
	}
}

// TestBlankUnitFormNotExported: a unit form left blank beside a project has no sheet.
func TestBlankUnitFormNotExported(t *testing.T) {
	doc := forms.NewDocument(2021)
	doc.AddProject().Name = "城乡居民养老保险经办"
	var buf bytes.Buffer
	res, err := Write(&buf, doc)
	if err != nil || len(res.Sheets) != 1 || res.Sheets[0] != "项目1 城乡居民养老保险经办" {
		t.Fatalf("sheets %v (%v), want only the project", res, err)
	}
	doc.Unit.Name = "抚顺市社会保险事业服务中心" // the header alone: not started (forms.NotStarted)
	if w := write(t, doc); len(w.sheets) != 1 {
		t.Fatalf("a unit form with only its name is exported: sheets %q", w.sheets)
	}
	doc.Unit.BudgetRow("I1").Full = "100"
	if w := write(t, doc); len(w.sheets) != 2 {
		t.Fatalf("a unit form with an amount is not exported: sheets %q", w.sheets)
	}
}
