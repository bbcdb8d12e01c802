package app

import (
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ziping/forms"
)

// BenchmarkOpenSample measures what start-up does besides creating the OpenGL window: the
// window's widgets for the sample document built, laid out and rendered once (headless, with
// the same text measurement and fonts as the real driver). Fonts are parsed once per process,
// so this is the warm figure; `make startup` measures the whole process under Xvfb.
func BenchmarkOpenSample(b *testing.B) {
	a := test.NewTempApp(b)
	for b.Loop() {
		w := NewForFile(a, fileSample)
		w.Win.Resize(fyne.NewSize(1280, 820))
		test.WidgetRenderer(w.Tabs)
		w.Win.Canvas().(test.WindowlessCanvas).Capture()
		w.Win.Close()
	}
}

// TestLaunchDefersLowerSections: Launch shows the unit tab's header and 收支 at once and builds
// the sections below them after the first frame, with the garbage collector off until then;
// whatever needs them earlier builds them.
func TestLaunchDefersLowerSections(t *testing.T) {
	a := test.NewTempApp(t)
	// The test driver runs fyne.Do on the calling goroutine: the fallback must not fire while
	// Launch is still building (slow under -race).
	old := firstFrameFallback
	firstFrameFallback = time.Hour
	defer func() { firstFrameFallback = old }()
	gc := debug.SetGCPercent(100)
	debug.SetGCPercent(gc)
	w := Launch(a, fileSample, Options{Version: "v9.8.7-launch"})
	if w.Version != "v9.8.7-launch" {
		t.Errorf("the window's version is %q, not the one Launch was given", w.Version)
	}
	if w.Unit.Tree != nil || w.Unit.Tasks != nil || len(w.Unit.rest.Objects) != 0 {
		t.Fatal("the lower sections were built before the first frame")
	}
	if w.Unit.Budget["I1"] == nil || !strings.Contains(w.Status.Text, "97") {
		t.Fatalf("the top of the form is not shown: status %q", w.Status.Text)
	}
	if now := debug.SetGCPercent(-1); now != -1 {
		t.Errorf("garbage collector at %d%% before the first frame, want off", now)
	}
	w.firstFrame()
	if now := debug.SetGCPercent(gc); now != gc {
		t.Errorf("garbage collector at %d%% after the first frame, want %d%% as before", now, gc)
	}
	if w.Unit.Tree == nil || len(w.Unit.rest.Objects) != 4 {
		t.Fatal("the lower sections were not built after the first frame")
	}
	// The figures and marks are shown: the unit row 重点工作履行情况 (38 of 40) lacks its reasons.
	r := w.Unit.Tree.Rows[forms.RowPath{L1: 0, L2: 0, Row: 0}]
	if r == nil || r.Score.Text != "38" || r.reasonsMark.Hidden {
		t.Fatalf("row 1.1.1 not refreshed: %+v", r)
	}
	w.firstFrame() // idempotent
	w.Unit.ensure()
	w.Unit.buildRest()
	if n := len(w.Unit.budgetBox.Objects); n != 1+len(forms.UnitBudgetRows) {
		t.Errorf("收支 has %d rows, want the heading and %d", n, len(forms.UnitBudgetRows))
	}

	// Going to a problem in the tree before the first frame builds the sections.
	w2 := Launch(a, fileSample, Options{Version: "dev"})
	defer w2.firstFrame()
	loc := forms.Location{Form: -1, Section: forms.SecIndicators, Index: -1, Path: forms.RowPath{L1: 0, L2: 0, Row: 0}, Field: "reason"}
	if e := w2.entryIn(loc); e == nil || w2.Unit.Tree == nil {
		t.Fatal("entryIn did not build the tree")
	}
}
