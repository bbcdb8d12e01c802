//go:build cgo

package platform

import (
	"os"
	"runtime"
	"strings"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// WorkArea is the usable size of the primary screen (less the taskbar or panels) in Fyne's
// units at a user scale of 1: what a window may take at most, before FYNE_SCALE (app/fit.go).
// Fyne 2.7 has no screen size API on the desktop, so it asks GLFW, which Fyne initialises
// the same way a moment later (glfw.Init is idempotent; main.go calls this on the main
// thread, where Fyne's driver locks the main goroutine). The division follows Fyne's own
// system scale (internal/driver/glfw/scale.go, device_desktop.go): Windows' content scale
// (125 % → 1.25), macOS' points as they are, elsewhere the scale Fyne detects from the
// screen's size in millimetres. ok is false without a screen.
func WorkArea() (width, height float32, ok bool) {
	if glfw.Init() != nil {
		return 0, 0, false
	}
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, false
	}
	_, _, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		return 0, 0, false
	}
	s := systemScale(m)
	return float32(w) / s, float32(h) / s, true
}

// systemScale is the part of Fyne's scale that comes from the system for monitor m.
func systemScale(m *glfw.Monitor) float32 {
	switch runtime.GOOS {
	case "darwin":
		return 1
	case "windows":
		if s, _ := m.GetContentScale(); s > 0 {
			return s
		}
		return 1
	}
	if env := os.Getenv("FYNE_DISABLE_DPI_DETECTION"); strings.EqualFold(env, "true") || strings.EqualFold(env, "t") || env == "1" {
		return 1
	}
	mm, _ := m.GetPhysicalSize()
	mode := m.GetVideoMode()
	if mode == nil {
		return 1
	}
	return detectedScale(mm, mode.Width)
}
