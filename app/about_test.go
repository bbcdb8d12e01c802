package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// findMenuItem is the item labelled label in the menu titled menu of the window's main menu.
func findMenuItem(t *testing.T, w *Window, menu, label string) *fyne.MenuItem {
	t.Helper()
	it := menuItem(w, menu, label)
	if it == nil {
		t.Fatalf("no menu item %s › %s", menu, label)
	}
	return it
}

// overlayLabels is the text of every label of the dialog on top of the window.
func overlayLabels(w *Window) string { return overlayLabelsOf(w.Win) }

// overlayLabelsOf is the text of every label of the dialog on top of win.
func overlayLabelsOf(win fyne.Window) string {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestAboutDialog(t *testing.T) {
	w := New(test.NewTempApp(t))
	w.Version = "v9.8.7-test"
	findMenuItem(t, w, "帮助", "关于"+AppName).Action()
	text := overlayLabels(w)
	if text == "" {
		t.Fatal("帮助 › 关于 shows no dialog")
	}
	for _, want := range []string{
		AppName, "v9.8.7-test", AppDescription,
		"SIL Open Font License",
		"fyne.io/fyne/v2", "codeberg.org/go-pdf/fpdf", "github.com/shopspring/decimal",
		"github.com/go-text/typesetting", "golang.org/x/image",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the 关于 dialog lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("dialog text:\n%.1500s", text)
	}
}

func TestVersionText(t *testing.T) {
	for version, want := range map[string]string{
		"dev":           "开发版",
		"":              "开发版",
		"v0.1.0":        "v0.1.0",
		"ec47bec-dirty": "ec47bec-dirty",
	} {
		if got := versionText(version); got != want {
			t.Errorf("Version %q: versionText() = %q, want %q", version, got, want)
		}
	}
}

// TestAboutRenderer: 关于 names Mesa's software renderer when the window draws with it (the
// Windows fallback, internal/platform/mesa_windows.go) and not otherwise, and lists Mesa's licence.
func TestAboutRenderer(t *testing.T) {
	for _, renderer := range []string{"", "软件渲染（Mesa）"} {
		w := New(test.NewTempApp(t))
		w.Renderer = renderer
		findMenuItem(t, w, "帮助", "关于"+AppName).Action()
		text := overlayLabels(w)
		if got := strings.Contains(text, "软件渲染（Mesa）"); got != (renderer != "") {
			t.Errorf("Renderer %q: 关于 shows 软件渲染（Mesa）: %v", renderer, got)
		}
		if !strings.Contains(text, "mesa\\LICENSE-mesa.txt") {
			t.Errorf("关于 does not list Mesa's licence")
		}
	}
}
