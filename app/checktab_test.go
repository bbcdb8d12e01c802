package app

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// TestCheckTabRowsAddUp: the score table's problem counts add up to the totals above the
// problem list, the document's own problems (the missing 单位简称 of a new document) in a row
// 文档设置 that goes to the field; a blank unit name shows no empty brackets.
func TestCheckTabRowsAddUp(t *testing.T) {
	w := New(test.NewTempApp(t)) // no project: the unit form is the one form, blank
	w.Tabs.Select(w.Checks.item())
	addUp := func(step string) {
		t.Helper()
		var errs, warns int
		for _, r := range w.Checks.rows {
			var e, wn int
			if _, err := fmt.Sscanf(r[5], "错误 %d　警告 %d", &e, &wn); err != nil {
				t.Fatalf("%s: row %q: %v", step, r, err)
			}
			errs, warns = errs+e, warns+wn
		}
		wantE, wantW := forms.Counts(w.Problems)
		if errs != wantE || warns != wantW {
			t.Fatalf("%s: the rows count %d errors and %d warnings, the document has %d and %d (%q)", step, errs, warns, wantE, wantW, w.Checks.rows)
		}
		if want := fmt.Sprintf("问题：错误 %d 个，警告 %d 个（点击一条可转到对应位置）", wantE, wantW); w.Checks.Count.Text != want {
			t.Fatalf("%s: count %q, want %q", step, w.Checks.Count.Text, want)
		}
	}
	addUp("新文档")
	rows := w.Checks.rows
	if len(rows) != 2 || rows[0][0] != forms.UnitFormName || rows[1][0] != "文档设置" {
		t.Fatalf("rows of a new document: %q", rows)
	}
	w.Checks.Scores.Select(1)
	if w.Tabs.Selected() != w.Unit.item() || w.Win.Canvas().Focused() != w.Unit.ShortName {
		t.Fatalf("choosing 文档设置 shows tab %q, focus %v", w.Tabs.Selected().Text, w.Win.Canvas().Focused())
	}

	test.Type(w.Unit.ShortName, "社保中心")
	w.Unit.Name.SetText("　") // blank, as far as a name goes
	w.Tabs.Select(w.Checks.item())
	addUp("填写单位简称")
	if rows := w.Checks.rows; len(rows) != 1 || rows[0][0] != forms.UnitFormName {
		t.Fatalf("rows with 单位简称 set and a blank unit name: %q", rows)
	}
	w.Unit.Name.SetText("抚顺市社会保险事业服务中心")
	w.Tabs.Select(w.Checks.item())
	if got, want := w.Checks.rows[0][0], forms.UnitFormName+"（抚顺市社会保险事业服务中心）"; got != want {
		t.Fatalf("unit row %q, want %q", got, want)
	}
	addUp("填写单位名称")
}

// TestCheckTabProblemRowsFitText: a problem row is as tall as its wrapped text (at most three
// lines), so a one-line problem takes one line and the list shows more problems.
func TestCheckTabProblemRowsFitText(t *testing.T) {
	w := New(test.NewTempApp(t))
	w.Open(samplePath)
	w.Win.Resize(fyne.NewSize(1400, 900))
	w.Tabs.Select(w.Checks.item())
	c := w.Checks
	if len(c.texts) == 0 || len(c.heights) != len(c.texts) {
		t.Fatalf("%d problems, %d heights measured", len(c.texts), len(c.heights))
	}
	one := (&fixedLines{Label: widget.NewLabel(""), lines: 1}).MinSize().Height
	three := (&fixedLines{Label: widget.NewLabel(""), lines: 3}).MinSize().Height
	short, long := 0, 0
	for i, h := range c.heights {
		if h < one || h > three {
			t.Fatalf("row %d (%q) is %v tall, not within one line %v and three %v", i, c.texts[i], h, one, three)
		}
		if h == one {
			short++
		} else {
			long++
		}
	}
	if short == 0 || long == 0 {
		t.Fatalf("of %d problems %d are one line tall and %d taller: the heights do not follow the text", len(c.heights), short, long)
	}
	// a narrower list wraps more: no row gets shorter, some get taller
	before := slices.Clone(c.heights)
	w.Win.Resize(fyne.NewSize(700, 900))
	taller := 0
	for i, h := range c.heights {
		if h < before[i] {
			t.Fatalf("row %d got shorter (%v → %v) in a narrower window", i, before[i], h)
		}
		if h > before[i] {
			taller++
		}
	}
	if taller == 0 {
		t.Fatal("no problem row got taller in a narrower window")
	}
}
