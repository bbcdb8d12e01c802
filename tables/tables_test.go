package tables

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"ziping/forms"
	"ziping/forms/formstest"
)

// docs are documents that exercise every band: the sample, with fixed-2 amounts and the
// signature footer, with quantitative rows, with empty tables, and a new document.
func docs(t *testing.T) map[string]*forms.Document {
	t.Helper()
	out := map[string]*forms.Document{"sample": formstest.Sample(t), "new": forms.NewDocument(2024)}
	d := formstest.Sample(t)
	d.Settings.Amounts, d.Settings.Signature = forms.AmountsFixed2, true
	out["fixed2 and footer"] = d
	d = formstest.Sample(t)
	for i, v := range [][3]string{{"≥", "1197.19", "1000"}, {"≤", "50", "60.5"}, {"", "≥1000个", "900个"}, {"≥", "1,200", "1,000.50"}} {
		in := d.Unit.Indicators.Row(forms.RowPath{L1: i})
		in.Op, in.Target, in.Actual, in.Score = forms.Op(v[0]), v[1], v[2], ""
	}
	out["quantitative"] = d
	d = formstest.Sample(t)
	d.Unit.Indicators, d.Unit.Tasks, d.Unit.Goals = forms.Tree{}, nil, nil
	d.Projects[0].Indicators[0].Children = nil
	out["empty tables"] = d
	out["national"] = national(t)
	d = national(t)
	d.Projects[1].Indicators = forms.Tree{}
	d.Projects[2].Indicators[1].Children = nil
	d.Settings.Signature = true
	out["national, empty tables"] = d
	return out
}

// TestBandsFillTheirColumns: every row of every band covers its columns exactly, as the PDF's
// layout and the sheet's grid place them (spans included), and every band is Width wide.
func TestBandsFillTheirColumns(t *testing.T) {
	for name, doc := range docs(t) {
		for _, tb := range Forms(doc, forms.Evaluate(doc)) {
			for bi, b := range tb.Bands {
				w := 0.0
				for _, c := range b.Cols {
					w += c
				}
				if math.Abs(w-Width) > 0.01 {
					t.Errorf("%s, %s band %d: %g mm wide", name, tb.Name, bi, w)
				}
				if err := fills(b); err != nil {
					t.Errorf("%s, %s band %d: %v", name, tb.Name, bi, err)
				}
			}
		}
	}
}

// fills reports the first row of b whose cells do not cover its columns exactly.
func fills(b Band) error {
	n := len(b.Cols)
	taken := make([][]bool, len(b.Rows))
	for i := range taken {
		taken[i] = make([]bool, n)
	}
	for ri, r := range b.Rows {
		col := 0
		for ci, c := range r.Cells {
			for col < n && taken[ri][col] {
				col++
			}
			cs, rs := max(c.ColSpan, 1), max(c.RowSpan, 1)
			if col+cs > n || ri+rs > len(b.Rows) {
				return fmt.Errorf("row %d cell %d runs past the band", ri+1, ci+1)
			}
			for r := ri; r < ri+rs; r++ {
				for k := col; k < col+cs; k++ {
					if taken[r][k] {
						return fmt.Errorf("row %d cell %d overlaps another cell", ri+1, ci+1)
					}
					taken[r][k] = true
				}
			}
			col += cs
		}
		for k := range n {
			if !taken[ri][k] {
				return fmt.Errorf("row %d leaves column %d empty", ri+1, k+1)
			}
		}
	}
	return nil
}

// TestFormulasReferToCells: every key a formula names is the key of exactly one cell of its
// table, and no formula is left with a brace.
func TestFormulasReferToCells(t *testing.T) {
	for name, doc := range docs(t) {
		for _, tb := range Forms(doc, forms.Evaluate(doc)) {
			keys := map[string]int{}
			var formulas []Formula
			each(tb, func(c *Cell) {
				if c.Key != "" {
					keys[c.Key]++
				}
				if c.Formula != "" {
					formulas = append(formulas, c.Formula)
				}
			})
			for k, n := range keys {
				if n > 1 {
					t.Errorf("%s, %s: %d cells keyed %q", name, tb.Name, n, k)
				}
			}
			for _, f := range formulas {
				got, err := f.Resolve(func(k string) (string, bool) { return "X", keys[k] == 1 })
				if err != nil || strings.ContainsAny(got, "{}") {
					t.Errorf("%s, %s: %q resolves to %q, %v", name, tb.Name, f, got, err)
				}
			}
			if name == "sample" && len(formulas) < 5 {
				t.Errorf("%s: only %d formulas", tb.Name, len(formulas))
			}
		}
	}
}

var hundred = decimal.NewFromInt(100)

// TestComputedFiguresPrintTheirNumbers: a figure the program computed prints its number as its
// format writes it, so that the PDF and the spreadsheet show the same figure.
func TestComputedFiguresPrintTheirNumbers(t *testing.T) {
	for name, doc := range docs(t) {
		for _, tb := range Forms(doc, forms.Evaluate(doc)) {
			each(tb, func(c *Cell) {
				if !c.Computed {
					return
				}
				if !c.HasNum {
					t.Errorf("%s, %s: computed %q without its number", name, tb.Name, c.Text)
					return
				}
				v := c.Num
				if c.Format.Percent {
					v = v.Mul(hundred)
				}
				want := v.StringFixed(int32(c.Format.Decimals))
				if c.Format.Percent {
					want += "%"
				}
				if c.Text != want {
					t.Errorf("%s, %s: computed %q, its number %s written %q", name, tb.Name, c.Text, c.Num, want)
				}
			})
		}
	}
}

// TestSourcesAreTheForms: a text of the document names its form's field, as the editor has it.
func TestSourcesAreTheForms(t *testing.T) {
	doc := formstest.Sample(t)
	doc.Settings.Signature = true
	for _, tb := range Forms(doc, forms.Evaluate(doc)) {
		each(tb, func(c *Cell) {
			if c.Src == nil {
				return
			}
			l := c.Src.Loc
			if c.Src.Field == "" || c.Src.Section == "" || l.Section == "" || (l.Form != tb.Form && l.Section != forms.SecSettings) {
				t.Errorf("%s: %q from %+v", tb.Name, c.Text, *c.Src)
			}
		})
	}
}

// TestFormulaResolve: keys become the places an output gives them; a key no cell has, an empty
// one or a stray brace is an error.
func TestFormulaResolve(t *testing.T) {
	place := func(k string) (string, bool) {
		return map[string]string{"a": "B2", "b/1": "C3"}[k], k == "a" || k == "b/1"
	}
	if got, err := Formula("SUM({a}:{b/1})*2").Resolve(place); err != nil || got != "SUM(B2:C3)*2" {
		t.Errorf("Resolve = %q, %v", got, err)
	}
	for _, f := range []Formula{"SUM({}:{})", "{c}+1", "{a}+{", "1}", "{a{b/1}}"} {
		if got, err := f.Resolve(place); err == nil {
			t.Errorf("%q resolves to %q, want an error", f, got)
		}
	}
}

// each calls fn with every cell of t.
func each(t *Table, fn func(*Cell)) {
	for bi := range t.Bands {
		for ri := range t.Bands[bi].Rows {
			for ci := range t.Bands[bi].Rows[ri].Cells {
				fn(&t.Bands[bi].Rows[ri].Cells[ci])
			}
		}
	}
}

// TestScoreFormat: the decimals of a score are those forms.FormatScore prints.
func TestScoreFormat(t *testing.T) {
	for _, s := range []string{"0", "10", "10.5", "10.50", "9.25", "0.10", "-3.5", "100.00", "33.333", "1e3", "0.005", "12345678901234567890.5"} {
		v := decimal.RequireFromString(s)
		if got, want := ScoreFormat(v).Decimals, places(forms.FormatScore(v)); got != want {
			t.Errorf("%s: %d decimals, FormatScore prints %d (%s)", s, got, want, forms.FormatScore(v))
		}
	}
}
