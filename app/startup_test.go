package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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
