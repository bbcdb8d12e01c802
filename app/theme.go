package app

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"ziping/assets"
)

// appIcon is the window and task bar icon (assets/icon.png).
var appIcon = fyne.NewStaticResource("icon.png", assets.Icon)

// cjkTheme draws all text with the bundled Noto Sans SC, so Chinese looks the same on every
// system whatever fonts it has, and keeps Fyne's default colours and sizes.
type cjkTheme struct {
	fyne.Theme
	dark          bool
	regular, bold fyne.Resource
}

// Color forces the light or dark variant whatever the system setting.
func (t *cjkTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	v := theme.VariantLight
	if t.dark {
		v = theme.VariantDark
	}
	return t.Theme.Color(n, v)
}

// NewTheme returns the application theme: Fyne's default look with the bundled CJK fonts,
// light (as office software is) unless dark is true.
func NewTheme(dark bool) fyne.Theme {
	return &cjkTheme{
		dark:    dark,
		Theme:   theme.DefaultTheme(),
		regular: fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.SansRegular),
		bold:    fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.SansBold),
	}
}

// Font returns the bundled CJK font; monospace and symbol text keep Fyne's own fonts.
func (t *cjkTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return t.bold
	}
	return t.regular
}

// loadFonts starts parsing the two bundled fonts, one after the other on another goroutine (two
// goroutines would compete with the OpenGL set-up on two cores), and returns a function that
// waits for both. Fyne parses a font the first time text in a style is measured and caches it
// per style; when two goroutines ask at the same time both parse it (each parse of a GBK font
// is ~40 ms and 60 MB of garbage), so the window waits for exactly one parse of each before it
// measures any text, and uses only these two styles (no italic: a third parse).
func loadFonts() (wait func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("绩效", theme.TextSize(), style)
		}
	}()
	return wg.Wait
}
