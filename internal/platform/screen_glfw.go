//go:build cgo

package platform

import (
	"os"
	"runtime"
	"strings"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// WorkArea is the usable size of the primary screen (less the taskbar or panels) in pixels,
// and the part of Fyne's scale that comes from the system (app/fit.go applies FYNE_SCALE and
// Fyne's rounding).
// Fyne 2.7 has no screen size API on the desktop, so it asks GLFW, which Fyne initialises
// the same way a moment later (glfw.Init is idempotent; main.go calls this on the main
// thread, where Fyne's driver locks the main goroutine). The division follows Fyne's own
// system scale (internal/driver/glfw/scale.go, device_desktop.go): Windows' content scale
// (125 % → 1.25), macOS' points as they are, elsewhere the scale Fyne detects from the
// screen's size in millimetres. Without a screen the size is 0.
func WorkArea() (width, height, scale float32) {
	if glfw.Init() != nil {
		return 0, 0, 1
	}
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, 1
	}
	_, _, w, h := m.GetWorkarea()
	return float32(max(w, 0)), float32(max(h, 0)), systemScale(m)
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
