package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// laptop150 is a 1920×1080 screen less a 40-pixel taskbar, at a system scale of 1 (as on
// Linux; on Windows the content scale divides it before, internal/platform/screen_glfw.go);
// with FYNE_SCALE=1.5 it is 1280×693 units: Windows' 150 % on the usual office laptop.
var laptop150 = fyne.NewSize(1920, 1040)

// withScreen sets screenArea for one test, at a system scale of 1.
func withScreen(t *testing.T, s fyne.Size, scale string) fyne.Size {
	old, oldScale := screenArea, screenScale
	screenArea, screenScale = s, 1
	t.Cleanup(func() { screenArea, screenScale = old, oldScale })
	t.Setenv("FYNE_SCALE", scale)
	room, _ := fitScreen(fyne.NewSize(1e6, 1e6))
	return room
}

// fits reports an error when a window, or what its content needs at least, is larger than room.
func fits(t *testing.T, name string, win fyne.Window, room fyne.Size) {
	t.Helper()
	size, min := win.Canvas().Size(), win.Content().MinSize()
	if size.Width > room.Width || size.Height > room.Height {
		t.Errorf("%s: %v, the screen leaves %v", name, size, room)
	}
	if min.Width > room.Width || min.Height > room.Height {
		t.Errorf("%s needs at least %v, the screen leaves %v", name, min, room)
	}
}

// TestWindowsFit1280x720: at 150 % on 1920×1080 (1280×720 units less the taskbar) and at
// 125 %, the main window with every tab built, the print preview, the help window and the
// department summary fit the screen; the preview's toolbar shows 打印… and 导出 PDF… whole
// without scrolling at a width of 1280 units less the frame.
func TestWindowsFit1280x720(t *testing.T) {
	for _, scale := range []string{"1.5", "1.25"} {
		room := withScreen(t, laptop150, scale)
		w := NewForFile(test.NewTempApp(t), fileSample)
		buildAllTabs(w)
		fits(t, "the main window at "+scale, w.Win, room)
		w.ShowPreview()
		p := w.preview()
		waitRenders(t, p, 1)
		fits(t, "the print preview at "+scale, p.Win, room)
		if min := p.Win.Content().MinSize().Width; min > 1280 {
			t.Errorf("the print preview is at least %.0f units wide, more than 1280", min)
		}
		p.Win.Resize(room)
		for _, b := range []fyne.CanvasObject{p.PrintButton, p.ExportButton} {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			if pos.X < 0 || pos.X+b.Size().Width > room.Width || b.Size().Width < b.MinSize().Width {
				t.Errorf("at %v a preview button is at %v, %v wide: not whole in the window", room, pos, b.Size().Width)
			}
		}
		p.Win.Close()
		w.ShowHelp("", "")
		fits(t, "the help window at "+scale, w.helpWin.Win, room)
		s := w.newSummaryWindow()
		fits(t, "the summary at "+scale, s.Win, room)
	}
}

// TestFitScreen: a window fits the screen's usable size less its frame, at the user's scale;
// an unknown screen changes nothing.
func TestFitScreen(t *testing.T) {
	want := fyne.NewSize(1280, 820)
	if got, shrunk := fitScreen(want); got != want || shrunk {
		t.Errorf("no screen: %v, %v", got, shrunk)
	}
	withScreen(t, laptop150, "1.5")
	if got, shrunk := fitScreen(want); got != fyne.NewSize(1280-windowFrame.Width, 1040/1.5-windowFrame.Height) || !shrunk {
		t.Errorf("1920×1040 at 1.5: %v, %v", got, shrunk)
	}
	withScreen(t, fyne.NewSize(1400, 900), "")
	if got, shrunk := fitScreen(want); got != want || shrunk {
		t.Errorf("1400×900 at 1: %v, %v", got, shrunk)
	}
	// Fyne rounds the scale to a tenth: 1.25 on a screen it finds at 1.04 is 1.3.
	withScreen(t, fyne.NewSize(1920, 1080), "1.25")
	screenScale = 1.04
	if got, _ := fitScreen(want); got.Height != 1080/float32(1.3)-windowFrame.Height {
		t.Errorf("1920×1080 at 1.04×1.25: %v, want the height at 1.3", got)
	}
}
