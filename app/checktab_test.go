package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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
	if len(c.texts) == 0 || len(c.heights) != len(c.texts) || len(c.lines) != len(c.texts) {
		t.Fatalf("%d problems, %d heights, %d broken texts", len(c.texts), len(c.heights), len(c.lines))
	}
	tall := lineHeights(3)
	short, long := 0, 0
	for i, h := range c.heights {
		if n := len(c.lines[i]); n < 1 || n > 3 || h != tall[n] {
			t.Fatalf("row %d (%q) of %d lines is %v tall, not %v", i, c.texts[i], n, h, tall[min(max(n, 1), 3)])
		}
		if h == tall[1] {
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

// TestCheckTabFilters: the problems narrow to one level and one form; each choice counts what
// it would list, the count above the list says how many are listed, and a listed problem still
// leads to its field.
func TestCheckTabFilters(t *testing.T) {
	w := New(test.NewTempApp(t))
	w.Open(samplePath)
	r := w.Project(2).Tree.Rows[forms.RowPath{}]
	r.Score.SetText("999") // 得分 > 分值: an error in project 3
	w.Tabs.Select(w.Checks.item())
	c := w.Checks
	errs, warns := forms.Counts(w.Problems)
	if errs == 0 || warns == 0 || len(c.shown) != errs+warns {
		t.Fatalf("%d errors, %d warnings, %d listed", errs, warns, len(c.shown))
	}
	if want := []string{fmt.Sprintf("全部（%d）", errs+warns), fmt.Sprintf("错误（%d）", errs), fmt.Sprintf("警告（%d）", warns)}; !slices.Equal(c.Level.Options, want) {
		t.Fatalf("level choices %q, want %q", c.Level.Options, want)
	}
	if len(c.Form.Options) != 2+len(w.Projects) || c.Form.Selected != fmt.Sprintf("全部表（%d）", errs+warns) {
		t.Fatalf("form choices %q, selected %q", c.Form.Options, c.Form.Selected)
	}
	listed := func(step string, want func(p forms.Problem) bool) {
		t.Helper()
		n := 0
		for i, p := range w.Problems {
			if want(p) {
				if n >= len(c.shown) || c.shown[n] != i {
					t.Fatalf("%s: problem %d (%s) is not listed in place %d: %v", step, i, p, n, c.shown)
				}
				n++
			}
		}
		if n != len(c.shown) || len(c.lines) != n || len(c.heights) != n {
			t.Fatalf("%s: %d problems listed (%d broken, %d heights), want %d", step, len(c.shown), len(c.lines), len(c.heights), n)
		}
		if want := fmt.Sprintf("筛选后列出 %d 条", n); !strings.Contains(c.Count.Text, want) {
			t.Fatalf("%s: the count says %q, not %q", step, c.Count.Text, want)
		}
	}
	c.Level.SetSelectedIndex(1)
	listed("错误", func(p forms.Problem) bool { return p.Level == forms.LevelError })
	c.Level.SetSelectedIndex(2)
	listed("警告", func(p forms.Problem) bool { return p.Level == forms.LevelWarning })
	// project 3's warnings: the choice counts them under the level chosen
	project3 := slices.IndexFunc(c.formChoices, func(f int) bool { return f == 2 })
	wantWarns := 0
	for _, p := range w.Problems {
		if p.Loc.Form == 2 && p.Level == forms.LevelWarning && ofForm(p, len(w.Projects)) {
			wantWarns++
		}
	}
	if !strings.HasSuffix(c.Form.Options[project3], fmt.Sprintf("（%d）", wantWarns)) {
		t.Fatalf("project 3's choice %q, want %d warnings", c.Form.Options[project3], wantWarns)
	}
	c.Level.SetSelectedIndex(0)
	c.Form.SetSelectedIndex(project3)
	listed("项目 3", func(p forms.Problem) bool { return p.Loc.Form == 2 && ofForm(p, len(w.Projects)) })
	c.Form.SetSelectedIndex(1)
	listed("单位整体表", func(p forms.Problem) bool { return p.Loc.Form == -1 && ofForm(p, len(w.Projects)) })

	// a listed problem leads to its field
	c.Form.SetSelectedIndex(project3)
	c.Level.SetSelectedIndex(1)
	first := w.Problems[c.shown[0]]
	c.Problems.Select(0)
	if w.Tabs.Selected() != w.Projects[2].item() || w.Win.Canvas().Focused() != w.entryIn(first.Loc) {
		t.Fatalf("choosing %q shows tab %q, focus %v", first, w.Tabs.Selected().Text, w.Win.Canvas().Focused())
	}
	// the filter stays while the document changes
	r.Score.SetText("9999")
	w.Tabs.Select(w.Checks.item())
	listed("改动之后", func(p forms.Problem) bool {
		return p.Loc.Form == 2 && p.Level == forms.LevelError && ofForm(p, len(w.Projects))
	})
	c.Level.SetSelectedIndex(0)
	c.Form.SetSelectedIndex(0)
	if len(c.shown) != len(w.Problems) || !strings.HasPrefix(c.Count.Text, "问题：错误") || strings.Contains(c.Count.Text, "筛选") {
		t.Fatalf("no filter: %d of %d listed, %q", len(c.shown), len(w.Problems), c.Count.Text)
	}
}

// TestNotStartedShown: a new document, and a new project, show 未填写 and no error on the unit
// tab, the project tab, the check tab and the status bar (forms.NotStarted) until something is
// typed into the project.
func TestNotStartedShown(t *testing.T) {
	w := New(test.NewTempApp(t))
	if errs, _ := forms.Counts(w.Problems); errs != 0 || !strings.Contains(w.Status.Text, "单位整体表未填写") ||
		!strings.HasPrefix(w.Unit.Total.Text, "未填写") {
		t.Fatalf("new document: status %q, unit %q, problems %v", w.Status.Text, w.Unit.Total.Text, w.Problems)
	}
	p := w.AddProject()
	if errs, warns := forms.Counts(w.Problems); errs != 0 || warns > 1 || !strings.HasPrefix(p.Totals.Text, "未填写") ||
		strings.Contains(w.Status.Text, "未完成") {
		t.Fatalf("new project: status %q, totals %q, problems %v", w.Status.Text, p.Totals.Text, w.Problems)
	}
	w.Doc.Projects[0].Goals[0].Target = "完成年度任务"
	w.changedIn(0)
	if errs, _ := forms.Counts(w.Problems); errs == 0 || !strings.Contains(w.Status.Text, "未完成 1 个") {
		t.Fatalf("project started: status %q, problems %v", w.Status.Text, w.Problems)
	}
}
