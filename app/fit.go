package app

import (
	"math"
	"os"
	"strconv"

	"fyne.io/fyne/v2"
)

// screenArea is the usable size of the screen in pixels and screenScale the system's part of
// Fyne's scale (Options.Screen, from internal/platform's WorkArea); zero when not known
// (tests, a screen GLFW cannot name).
// Fyne 2.7 has no screen size API on the desktop and sizes a window as asked, even past the
// screen's edge: at 150 % on a 1920×1080 laptop, 1280×720 units less the taskbar, a
// 1280×820 window lost its bottom and the print preview (900×1000) its toolbar.
var (
	screenArea  fyne.Size
	screenScale float32 = 1
)

// windowFrame is what a window needs around its content within the screen's usable size:
// the title bar and borders, in Fyne's units. At 150 % on 1920×1080 (a usable 1280×693 with
// the taskbar) a window of the usable height less this, centred on the whole screen as Fyne
// centres, keeps its title bar on screen and its bottom above the taskbar.
var windowFrame = fyne.NewSize(20, 60)

// fitScreen is want made to fit the screen, and whether it had to shrink; want when the
// screen is not known.
func fitScreen(want fyne.Size) (fyne.Size, bool) {
	if screenArea.IsZero() {
		return want, false
	}
	s := fyneScale(screenScale, userScale())
	room := fyne.NewSize(screenArea.Width/s-windowFrame.Width, screenArea.Height/s-windowFrame.Height)
	got := want.Min(room)
	return got, got != want
}

// sizeWindow resizes win to want, or to what the screen leaves, centred then (a window
// placed where the system puts a new one could still reach past the screen's bottom).
func sizeWindow(win fyne.Window, want fyne.Size) {
	size, shrunk := fitScreen(want)
	win.Resize(size)
	if shrunk {
		win.CenterOnScreen()
	}
}

// fyneScale is the scale Fyne 2.7.1 draws at (internal/driver/glfw/scale.go, calculateScale):
// the system's times the user's, rounded to a tenth.
func fyneScale(system, user float32) float32 {
	if system <= 0 {
		system = 1
	}
	return float32(math.Round(float64(system*user*10))) / 10
}

// userScale is the scale the user asked for, as Fyne 2.7.1 reads it
// (internal/driver/glfw/scale.go): FYNE_SCALE, else the app's settings, else 1.
func userScale() float32 {
	env := os.Getenv("FYNE_SCALE")
	if env != "" && env != "auto" {
		if s, err := strconv.ParseFloat(env, 32); err == nil && s > 0 {
			return float32(s)
		}
	}
	if a := fyne.CurrentApp(); env != "auto" && a != nil {
		if s := a.Settings().Scale(); s > 0 {
			return s
		}
	}
	return 1
}
